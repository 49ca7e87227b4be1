"""``factiongraph ingest``: read articles into the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, KbOption, SilentOption, app, console, err_console, progress_bar, store
from factiongraph.ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .html, .jsonl, re3d documents.json) or folders.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY, YYYY-MM, YYYY-MM-DD or 'May 2022') for files that lack one."),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Language code for files that lack one.")] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Refuse files larger than this many bytes (each is read whole).")
    ] = DEFAULT_MAX_BYTES,
    max_chars: Annotated[
        int,
        typer.Option(min=1, help="Refuse articles longer than this many characters; above 1,000,000 parsed in pieces."),
    ] = DEFAULT_MAX_CHARS,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes that parse (1: parse in this one); the store is written by this one alone.",
            show_default="the number of cores",
        ),
    ] = None,
    engine: Annotated[
        Engine, typer.Option(help="Where articles are parsed: here (--workers), or by Ray actors on a cluster.")
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option(
            help="With --engine ray: the cluster ('auto', 'ray://HOST:10001'); without it Ray starts on this machine."
        ),
    ] = None,
    db: DbOption = None,
    kb: KbOption = None,
    silent: SilentOption = False,
) -> None:
    """Ingest articles: new documents are parsed and stored; ones already stored are skipped.

    Text files may be in UTF-8, UTF-16, Windows-1256, ISO-8859-6, Windows-1252 or Latin-1. A file or
    article that cannot be read or parsed costs one line on stderr; the others are ingested and the
    exit code is 1 when anything failed. Each document is stored as soon as it is parsed, in input order,
    whatever the number of workers.
    """
    from factiongraph.build import ingest  # here: spaCy loads only for a command that parses
    from factiongraph.ingest import read_articles
    from factiongraph.workers import available_cores

    if address is not None and engine is not Engine.ray:
        raise typer.BadParameter("is for --engine ray", param_hint="--address")
    database = store(db)
    total = sum(1 for _ in read_articles(paths, max_bytes=max_bytes))
    with progress_bar("Ingesting", total, silent=silent) as advance:
        summary = ingest(
            database,
            paths,
            published=published,
            lang=lang,
            kb_path=kb,
            progress=advance,
            max_bytes=max_bytes,
            max_chars=max_chars,
            workers=workers or available_cores(),
            engine=engine.value,
            address=address,
        )
    for failure in summary.failures:
        err_console.print(f"[red]failed:[/red] {failure}", highlight=False, soft_wrap=True)
    console.print(
        f"documents: [green]{summary.new} new[/green], {summary.already_stored} already stored, "
        f"[{'red' if summary.failed else 'default'}]{summary.failed} failed[/]"
    )
    if summary.failed:
        raise typer.Exit(1)
