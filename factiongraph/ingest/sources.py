"""Walk the paths a user gives and yield articles or one-line failures, never stopping the batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from factiongraph.errors import InputError
from factiongraph.ingest.article import Article, ReadFailure
from factiongraph.ingest.readers import reader_for


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path | ReadFailure]:
    """Files named directly, and files with a known format found recursively in folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and reader_for(p) is not None)
            yield from found
        elif path.is_file():
            yield path
        else:
            yield ReadFailure(str(path), "does not exist")


def read_articles(paths: Iterable[Path | str]) -> Iterator[Article | ReadFailure]:
    """Every article in ``paths``; a file that fails yields a :class:`ReadFailure` and the walk goes on.

    In a multi-article file (JSON lines) a bad line is one failure; the other lines are read.
    """
    for path in expand_paths(paths):
        if isinstance(path, ReadFailure):
            yield path
            continue
        reader = reader_for(path)
        if reader is None:
            yield ReadFailure(str(path), f"has an unknown format {path.suffix or '(no suffix)'!r}")
            continue
        try:
            yield from reader(path)
        except InputError as error:
            yield ReadFailure(error.path, error.reason)
