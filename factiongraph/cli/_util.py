"""What every command shares: the app, common options, error translation and progress bars."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from factiongraph.errors import FactiongraphError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from factiongraph.graph import RelationItem

app = typer.Typer(
    name="factiongraph",
    help="Turn conflict reporting into a sourced, time-aware knowledge graph of armed actors.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="FACTIONGRAPH_DB", help="SQLite store to use.", show_default="./factiongraph.db"),
]
KbOption = Annotated[
    Path | None,
    typer.Option(
        "--kb",
        envvar="FACTIONGRAPH_KB",
        exists=True,
        dir_okay=False,
        help="Your own actor KB file (YAML), merged over the shipped one.",
    ),
]
SilentOption = Annotated[bool, typer.Option("--silent", help="No progress bar.")]


def fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


class StderrNote(logging.Handler):
    """The store's warnings (a write waiting for another writer) as one line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        err_console.print(f"[yellow]note:[/yellow] {record.getMessage()}", highlight=False, soft_wrap=True)


def store(db: Path | None) -> Database:
    """Open the store, turning a bad file into one line; from then on the store's warnings go to stderr."""
    from factiongraph.store import default_db_path, open_store

    notes = logging.getLogger("factiongraph.store")
    if not any(isinstance(handler, StderrNote) for handler in notes.handlers):
        notes.addHandler(StderrNote(logging.WARNING))
    try:
        return open_store(db if db is not None else default_db_path())
    except FactiongraphError as error:
        fail(str(error))


@contextmanager
def library_errors() -> Iterator[None]:
    """Any :class:`FactiongraphError` becomes one line on stderr and exit code 1."""
    try:
        yield
    except FactiongraphError as error:
        fail(str(error))


@contextmanager
def progress_bar(description: str, total: int | None, *, silent: bool) -> Iterator[Callable[[str], None]]:
    """A Rich bar advanced once per item; a no-op when ``silent``."""
    if silent:
        yield lambda _source: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda _source: bar.advance(task)


def print_timeline_entry(relation: RelationItem) -> None:
    """One dated, quoted line of a timeline; an undated relation shows its article's date as "pub."."""
    when = relation.when or f"pub. {relation.evidence.published or '?'}"
    console.print(
        f"{when:>15}  {relation.source.name} [bold]{relation.type}[/bold] {relation.target.name}\n"
        f"                 “{relation.evidence.sentence.strip()}” [dim](doc {relation.evidence.document_id})[/dim]",
        highlight=False,
        soft_wrap=True,
    )
