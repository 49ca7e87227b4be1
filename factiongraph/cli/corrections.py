"""``factiongraph merge``, ``split`` and ``corrections export|import``: an analyst's corrections to actors and
events, kept across re-ingests and shared with a team."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, err_console, library_errors, store
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
    from factiongraph.graph import actor_detail, find_actor, merge_event_ids, merge_ids, written_as

    with library_errors():
        database = store(db)
        if events:
            event = merge_event_ids(database, _event_id(keep), _event_id(other))
            console.print(f"merged: event #{event.id} now has {len(event.reports)} report(s)", highlight=False)
            return
        keep_id = find_actor(database, keep)
        merge_ids(database, keep_id, find_actor(database, other))
        kept, spellings = actor_detail(database, keep_id, limit=1), written_as(database, keep_id)
    console.print(f"merged: [bold]{kept.name}[/bold] now also {'; '.join(spellings)}", highlight=False)


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
    from factiongraph.graph import actor_detail, find_actor, split_event_report, split_id

    with library_errors():
        database = store(db)
        if event:
            split_off = split_event_report(database, _event_id(actor), _event_id(name))
            console.print(f"split: document {name}'s reports are now event #{split_off.id}", highlight=False)
            return
        new = actor_detail(database, split_id(database, find_actor(database, actor), name), limit=1)
    console.print(f"split: [bold]{new.name}[/bold] ({new.type}) is an actor of its own", highlight=False)


def _event_id(text: str) -> int:
    """An event or document id as typed ("12" or "#12")."""
    try:
        return int(text.removeprefix("#"))
    except ValueError:
        raise InvalidQueryError("id", f"{text!r} is not an id: 'factiongraph events' prints them") from None


corrections_app = typer.Typer(
    help="Share merges and splits with a team: export them from one store, import them into another.",
    no_args_is_help=True,
)
app.add_typer(corrections_app, name="corrections")


@corrections_app.command("export")
def export_cli(
    out: Annotated[
        Path | None, typer.Option("--out", dir_okay=False, help="File to write (default: standard output).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the store's merges and splits (actors, names, events) as versioned JSON, keyed by actor keys,
    names and documents' fingerprints and offsets, so another store built from the same articles can
    replay them."""
    import json

    from factiongraph.store.correction_files import export_corrections

    exported = export_corrections(store(db))
    text = json.dumps(exported, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    console.print(f"exported: {len(exported['corrections'])} correction(s) to {out}", highlight=False)


@corrections_app.command("import")
def import_cli(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A file 'corrections export' wrote.")],
    db: DbOption = None,
) -> None:
    """Replay a team's merges and splits on this store. One that already holds changes nothing (importing
    twice is importing once); one that no longer applies (its actor, name or article is not here) is one
    line on stderr, and the rest go on."""
    from factiongraph.store.correction_files import import_corrections, read_corrections_file

    with library_errors():
        report = import_corrections(store(db), read_corrections_file(path))
    for line in report.skipped:
        err_console.print(f"[yellow]skipped:[/yellow] {line}", highlight=False, soft_wrap=True)
    console.print(
        f"corrections: {report.applied} applied, {report.already} already applied, {len(report.skipped)} skipped",
        highlight=False,
    )
