"""``factiongraph merge`` and ``factiongraph split``: an analyst's corrections to actors and events, kept across
re-ingests."""

from __future__ import annotations

from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, library_errors, store
from factiongraph.errors import InvalidQueryError


@app.command("merge")
def merge_cli(
    keep: Annotated[str, typer.Argument(help="A name of the actor to keep (with --events, an event id).")],
    other: Annotated[str, typer.Argument(help="A name of the actor that is the same one (an event id).")],
    events: Annotated[bool, typer.Option("--events", help="KEEP and OTHER are events: they are one event.")] = False,
    db: DbOption = None,
) -> None:
    """Merge two actors into one (the first keeps its canonical name); later ingests follow the merge.
    With --events, two events (by id) into one: every report of the second now tells the first."""
    from factiongraph.graph import merge, merge_event_ids

    with library_errors():
        if events:
            event = merge_event_ids(store(db), _event_id(keep), _event_id(other))
            console.print(f"merged: event #{event.id} now has {len(event.reports)} report(s)", highlight=False)
            return
        profile = merge(store(db), keep, other)
    console.print(f"merged: [bold]{profile.name}[/bold] now also {'; '.join(profile.names_in_text)}", highlight=False)


@app.command("split")
def split_cli(
    actor: Annotated[str, typer.Argument(help="A name of the actor (with --event, the event's id).")],
    name: Annotated[str, typer.Argument(help="The name that is not this actor (the document whose reports go).")],
    event: Annotated[
        bool, typer.Option("--event", help="ACTOR is an event and NAME a document: its reports tell another event.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Split a name off an actor onto an actor of its own; later ingests keep them apart. With --event,
    one document's reports off an event onto an event of their own."""
    from factiongraph.graph import split, split_event_report

    with library_errors():
        if event:
            split_off = split_event_report(store(db), _event_id(actor), _event_id(name))
            console.print(f"split: document {name}'s reports are now event #{split_off.id}", highlight=False)
            return
        profile = split(store(db), actor, name)
    console.print(f"split: [bold]{profile.name}[/bold] ({profile.type}) is an actor of its own", highlight=False)


def _event_id(text: str) -> int:
    """An event or document id as typed ("12" or "#12")."""
    try:
        return int(text.removeprefix("#"))
    except ValueError:
        raise InvalidQueryError("id", f"{text!r} is not an id: 'factiongraph events' prints them") from None
