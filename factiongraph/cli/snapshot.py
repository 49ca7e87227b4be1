"""``factiongraph snapshot --on DATE``: who controls, belongs to and commands what on a date, with the evidence."""

from __future__ import annotations

from enum import StrEnum
from itertools import groupby
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from factiongraph.cli._util import DbOption, app, console, library_errors, store

if TYPE_CHECKING:
    from factiongraph.graph import StateItem


class SnapshotFormat(StrEnum):
    text = "text"
    json = "json"


@app.command("snapshot")
def snapshot_cli(
    on: Annotated[
        str, typer.Option("--on", help="The date: YYYY, YYYY-MM or YYYY-MM-DD, read as the whole year, month or day.")
    ],
    actor: Annotated[str | None, typer.Option(help="Only what this actor (any name) is on either side of.")] = None,
    output_format: Annotated[SnapshotFormat, typer.Option("--format", help="text or json.")] = SnapshotFormat.text,
    db: DbOption = None,
) -> None:
    """Print the state on a date: who controls which places, who belongs to which group, who commands what.

    Each fact comes with the interval its statements give and the sentences that say it. An undated
    statement holds from its article's publication date on; one with no publication date is left out.
    """
    from factiongraph.graph import find_actor, snapshot, snapshot_json

    with library_errors():
        database = store(db)
        state = snapshot(database, on, actor=find_actor(database, actor) if actor else None)
    if output_format is SnapshotFormat.json:
        console.print_json(data=snapshot_json(state))
        return
    print_line(f"[bold]State on {state.on}[/bold]" + (f" for {escape(actor)}" if actor else ""))
    if not (state.controls or state.memberships or state.commands):
        print_line(f"nothing is known to hold on {state.on}")
    if state.controls:
        print_line("\n[bold]Controls[/bold]")
        for place, holders in groupby(state.controls, key=lambda item: item.target.name):
            print_line(f"  {escape(place)}")
            for item in holders:
                print_item(f"held by {escape(item.source.name)}", item, indent=4)
    for heading, items in (("Memberships", state.memberships), ("Commands", state.commands)):
        if items:
            print_line(f"\n[bold]{heading}[/bold]")
            for item in items:
                print_item(f"{escape(item.source.name)} → {escape(item.target.name)}", item, indent=2)


def print_item(fact: str, item: StateItem, *, indent: int) -> None:
    """A fact, its interval, and the first sentence that says it (with how many more do)."""
    first = item.evidence[0]
    more = f", +{len(item.evidence) - 1} more" if len(item.evidence) > 1 else ""
    source = f"doc {first.document_id}" + (f", pub. {first.published}" if first.published else "") + more
    print_line(f"{' ' * indent}{fact}  [cyan]{interval_text(item.start, item.end)}[/cyan]")
    print_line(f"{' ' * (indent + 4)}“{escape(first.sentence.strip())}” [dim]({source})[/dim]")


def interval_text(start: str | None, end: str | None) -> str:
    """``2017-07 to 2018-01``, ``since 2017-07``, ``until 2017-07``: an open end is left unsaid."""
    if start and end:
        return start if start == end else f"{start} to {end}"
    return f"since {start}" if start else f"until {end}"


def print_line(markup: str) -> None:
    console.print(markup, highlight=False, soft_wrap=True)
