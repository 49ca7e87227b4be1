"""Walk the paths a user gives and yield articles or one-line failures, never stopping the batch."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from factiongraph.errors import InputError
from factiongraph.ingest.article import Article, ReadFailure
from factiongraph.ingest.limits import DEFAULT_MAX_BYTES
from factiongraph.ingest.readers import reader_for

_LETTER = re.compile(r"[^\W\d_]")
"""A text without one letter in any script is marks and figures (tag soup, a table), not an article."""


def _unreachable(path: Path, error: OSError) -> str:
    """Why ``path`` cannot be opened, in words for one line."""
    if error.errno == errno.ELOOP:
        return "is a symlink loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"is a broken symlink (to {os.readlink(path)})"
    if error.errno == errno.ENOENT:
        return "does not exist"
    return f"cannot be read ({error.strerror or error})"


def _walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | ReadFailure]:
    """Files of a known format under ``folder``, depth first by name, following symlinks to folders
    (a linked folder of articles is read) but never back into a folder it came from."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        yield ReadFailure(str(folder), _unreachable(folder, error))
        return
    for name in names:
        path = folder / name
        try:
            info = path.stat()
        except OSError as error:
            if reader_for(path) is not None or not path.suffix:  # a link with no suffix may have been a folder
                yield ReadFailure(str(path), _unreachable(path, error))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield ReadFailure(str(path), f"is a symlink loop (leads back to {path.resolve()})")
            else:
                yield from _walk(path, ancestors | {key})
        elif reader_for(path) is not None:
            yield path if stat.S_ISREG(info.st_mode) else ReadFailure(str(path), "is neither a file nor a folder")


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path | ReadFailure]:
    """Files named directly, and files with a known format found recursively in folders."""
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as error:
            yield ReadFailure(str(path), _unreachable(path, error))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, frozenset({(info.st_dev, info.st_ino)}))
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield ReadFailure(str(path), "is neither a file nor a folder")


def read_articles(
    paths: Iterable[Path | str], *, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadFailure]:
    """Every article in ``paths``; a file that fails yields a :class:`ReadFailure` and the walk goes on.

    In a multi-article file (JSON lines) a bad line is one failure; the other lines are read. A file
    over ``max_bytes`` (``None``: no limit) is refused unread.
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
            size = path.stat().st_size
        except OSError as error:
            yield ReadFailure(str(path), _unreachable(path, error))
            continue
        if max_bytes is not None and size > max_bytes:
            yield ReadFailure(str(path), f"is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes raises it)")
            continue
        try:
            for item in reader(path):
                if isinstance(item, Article) and not _LETTER.search(item.text):
                    item = ReadFailure(item.source, "has no words in its text")
                yield item
        except InputError as error:
            yield ReadFailure(error.path, error.reason)
        except Exception as error:  # a reader or library that breaks on one file costs that file only
            yield ReadFailure.from_error(str(path), "could not be read", error)
