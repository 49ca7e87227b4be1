"""``factiongraph relations A B``: the timeline of everything between two actors, dated and quoted."""

from __future__ import annotations

from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, KbOption, app, console, library_errors, print_timeline_entry, store


@app.command("relations")
def relations_cli(
    first: Annotated[str, typer.Argument(help="Any name of the first actor.")],
    second: Annotated[str, typer.Argument(help="Any name of the second actor.")],
    start: Annotated[str | None, typer.Option("--from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    include_members: Annotated[
        bool, typer.Option("--include-members", help="Count member factions and the people in charge of them too.")
    ] = False,
    db: DbOption = None,
    kb: KbOption = None,
) -> None:
    """Print the timeline of relations between two actors, each line dated and quoted.

    Relations the text does not date come last, each with its article's publication date (marked "pub.").
    """
    from factiongraph.graph import EVERY, find_actor, pair_timeline
    from factiongraph.kb import load_kb

    with library_errors():
        database = store(db)
        a, b = find_actor(database, first), find_actor(database, second)
        pair = pair_timeline(
            database, a, b, include_members=include_members, kb=load_kb(kb), start=start, end=end, limit=EVERY
        )
    timeline = pair.relations
    if not timeline:
        console.print(f"no relation found between {first!r} and {second!r}")
        return
    for relation in timeline:
        print_timeline_entry(relation)
