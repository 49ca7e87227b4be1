"""``factiongraph events`` and ``factiongraph event``: what happened, and every report that tells it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, fail, library_errors, store

if TYPE_CHECKING:
    from factiongraph.graph import EventItem, EventReport


def tolls(reports: Sequence[EventReport], kind: str) -> dict[int, tuple[str, ...]]:
    """Each ``kind`` ("killed", "injured") toll the reports give, lowest first, with who gives it (outlet,
    else title): where reports disagree, every figure is kept with its source."""
    found: dict[int, list[str]] = {}
    for report in reports:
        count = getattr(report, kind)
        if count is not None:
            found.setdefault(count, []).append(report.outlet or report.title or f"document {report.document_id}")
    return {count: tuple(dict.fromkeys(who)) for count, who in sorted(found.items())}


def _tolls(event: EventItem) -> str:
    """ "3 killed (Wire One) / 4 killed (Local Two)": every toll the reports give, with who gives it."""
    parts = []
    for kind in ("killed", "injured"):
        given = tolls(event.reports, kind)
        if len(given) == 1:
            parts.append(f"{next(iter(given))} {kind}")
        elif given:
            parts.append(" / ".join(f"{count} {kind} ({', '.join(who)})" for count, who in given.items()))
    return "; ".join(parts)


def _headline(event: EventItem) -> str:
    when = event.when or f"pub. {event.evidence.published or '?'}"
    who = ", ".join(f"{actor.name} ({actor.role})" for actor in event.actors)
    where = f" at {event.place.name}" if event.place else ""
    kind = f" [{event.acled_sub_event_type}]" if event.acled_sub_event_type else ""
    reports = f"{len(event.reports)} report{'s' if len(event.reports) != 1 else ''}"
    tolls = f"; {_tolls(event)}" if _tolls(event) else ""
    return f"{when:>15}  #{event.id} [bold]{event.type}[/bold]{kind} {who}{where} ({reports}{tolls})"


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
    """List events (PLOVER-typed, ACLED sub-event type beside it), oldest first, each counted once however
    many articles report it: its actors, place, date, how many reports, the tolls they give, and a quote."""
    from factiongraph.graph import events_page, find_actor

    with library_errors():
        database = store(db)
        actor_id = find_actor(database, actor) if actor else None
        place_id = find_actor(database, place) if place else None
        events = events_page(
            database, actor=actor_id, event_type=event_type, place=place_id, start=start, end=end, limit=limit
        ).items
    if not events:
        console.print("no event found")
    for event in events:
        console.print(
            f"{_headline(event)}\n                 “{event.evidence.sentence.strip()}”", highlight=False, soft_wrap=True
        )


@app.command("event")
def event_cli(
    event_id: Annotated[int, typer.Argument(help="The event's id, as 'factiongraph events' prints it (#id).")],
    db: DbOption = None,
) -> None:
    """One event with every report of it: outlet, date, tolls, the sentences, and why it was joined."""
    from factiongraph.graph import one_event
    from factiongraph.store.events import UnknownEventError

    with library_errors():
        try:
            event = one_event(store(db), event_id)
        except UnknownEventError as error:
            fail(f"{error}: 'factiongraph events' lists them")
    console.print(_headline(event), highlight=False, soft_wrap=True)
    mode = f"mode {event.mode}" if event.mode else "mode unknown"
    acled = f"ACLED {event.acled_event_type} / {event.acled_sub_event_type}" if event.acled_event_type else "no ACLED"
    console.print(f"  {mode}; {acled}", highlight=False)
    first, last = event.reports[0].published, event.reports[-1].published
    console.print(f"  first reported {first or '?'}, last reported {last or '?'}", highlight=False)
    for report in event.reports:
        outlet = report.outlet or report.title or "?"
        counts = ", ".join(
            f"{count} {kind}" for kind, count in (("killed", report.killed), ("injured", report.injured)) if count
        )
        console.print(
            f"\n  [bold]{outlet}[/bold], {report.published or 'undated'} (document {report.document_id})"
            + (f": {counts}" if counts else ""),
            highlight=False,
            soft_wrap=True,
        )
        console.print(f"    joined because: {report.joined_because}", highlight=False, soft_wrap=True)
        for evidence in report.evidence:
            console.print(f"    “{evidence.sentence.strip()}”", highlight=False, soft_wrap=True)
