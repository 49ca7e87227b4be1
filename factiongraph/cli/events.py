"""``factiongraph events``: what happened, filtered by actor, type, place and dates."""

from __future__ import annotations

from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, library_errors, store
from factiongraph.graph import list_events


@app.command("events")
def events_cli(
    actor: Annotated[str | None, typer.Option(help="Only events this actor (any name) took part in.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="PLOVER category: CONSULT, ACCUSE, ASSAULT, AGREE, AID, ...")
    ] = None,
    place: Annotated[str | None, typer.Option(help="Only events at this place (any name).")] = None,
    start: Annotated[str | None, typer.Option("--from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Up to this date.")] = None,
    limit: Annotated[int, typer.Option(help="How many to print.")] = 100,
    db: DbOption = None,
) -> None:
    """List events (PLOVER-typed), oldest first, each with its actors, place, date and quote."""
    with library_errors():
        events = list_events(
            store(db), actor=actor, event_type=event_type, place=place, start=start, end=end, limit=limit
        )
    if not events:
        console.print("no event found")
    for event in events:
        when = event.when or f"pub. {event.evidence.published or '?'}"
        who = ", ".join(f"{name} ({role})" for name, role in event.actors)
        where = f" at {event.place}" if event.place else ""
        console.print(
            f"{when:>15}  [bold]{event.type}[/bold] {who}{where}\n                 “{event.evidence.text.strip()}”",
            highlight=False,
            soft_wrap=True,
        )
