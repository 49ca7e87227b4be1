"""A cache on disk for what factiongraph builds from its data files at start-up.

Reading the KB, indexing GeoNames' towns and tokenizing sixteen thousand gazetteer names cost seconds that
every run paid again for the same result. Each result is kept in one file of the cache directory: the
``FACTIONGRAPH_CACHE_DIR`` environment variable, else the user's cache directory as platformdirs gives it
(``~/.cache/factiongraph`` on Linux). Deleting the directory, or any file in it, is always safe.

A file is found by a key that hashes everything the result is built from: the package's version and its
source code, the content of the input files and the other inputs the caller names (versions of the libraries
involved, settings). A changed file or a new version of the code is a new key, so a stale entry is never
read. Entries are written under a temporary name and renamed into place, so a reader never sees half of
one, and each carries a digest of its payload, checked before it is loaded: a damaged entry is rebuilt.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import factiongraph

CACHE_DIR_ENV = "FACTIONGRAPH_CACHE_DIR"
KEEP_PER_KIND = 4
"""Entries kept of each kind, newest first: the shipped KB's and a few users' KB files, not every
version of the code a working copy went through."""

_MAGIC = b"factiongraph-cache-1\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
_KEY_LENGTH = 32

logger = logging.getLogger(__name__)
T = TypeVar("T")
Input = Path | str | bytes
"""A file (its content is hashed, a missing one hashed as missing), or a string or bytes hashed as given."""


def cache_dir() -> Path:
    """Where entries are kept: ``$FACTIONGRAPH_CACHE_DIR``, else the platform's user cache directory."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factiongraph", appauthor=False))


def cached(kind: str, inputs: Iterable[Input], build: Callable[[], T]) -> T:
    """The result of ``build()``, read from the cache when an entry of ``kind`` has the key of ``inputs``.

    A missing, stale or damaged entry is built anew and written; a cache that cannot be written costs only
    the time saved, never the run.
    """
    directory = cache_dir()
    path = directory / f"{kind}-{cache_key(kind, inputs)}.pickle"
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    except Exception as error:  # anything a damaged or foreign file raises: rebuild, never trust it
        logger.info("rebuilding %s: %s", path, error)
    value = build()
    try:
        _write(path, value)
        _prune(directory, kind)
    except OSError as error:
        logger.info("cannot write the cache entry %s: %s", path, error)
    return value


def cache_key(kind: str, inputs: Iterable[Input]) -> str:
    """A hex SHA-256 of the kind, the package's version and source, and every input."""
    digest = hashlib.sha256()
    for part in (kind.encode(), factiongraph.__version__.encode(), source_digest()):
        digest.update(len(part).to_bytes(8, "little") + part)
    for item in inputs:
        if isinstance(item, Path):
            try:
                part = b"file:" + item.read_bytes()
            except FileNotFoundError:
                part = b"missing:" + str(item).encode()
        else:
            part = b"value:" + (item if isinstance(item, bytes) else item.encode())
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()[:_KEY_LENGTH]


@cache
def source_digest() -> bytes:
    """A digest of the package's Python source: a working copy's edited rule must not meet the index its old
    version built, though the version number stays the same."""
    digest = hashlib.sha256()
    root = Path(factiongraph.__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


def _read(path: Path) -> Any:
    data = path.read_bytes()
    header = len(_MAGIC) + _DIGEST_SIZE
    if not data.startswith(_MAGIC) or len(data) < header:
        raise ValueError("not a cache entry")
    payload = data[header:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : header]:
        raise ValueError("its content does not match its digest")
    return pickle.loads(payload)


def _write(path: Path, value: object) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as file:
        file.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
    try:
        os.replace(file.name, path)
    except OSError:
        os.unlink(file.name)
        raise


def _prune(directory: Path, kind: str) -> None:
    """Remove all but the :data:`KEEP_PER_KIND` newest entries of ``kind``."""
    entries = []
    for path in directory.glob(f"{kind}-{'?' * _KEY_LENGTH}.pickle"):
        try:
            entries.append((path.stat().st_mtime, path))
        except FileNotFoundError:  # another process pruned it
            continue
    for _, path in sorted(entries, reverse=True)[KEEP_PER_KIND:]:
        path.unlink(missing_ok=True)


def keep_for_the_run() -> None:
    """Move what is alive now (a pipeline's lexicons and indexes, the KB: what a run keeps to its end) out of
    the cyclic garbage collector's reach. Each full collection walked those hundreds of thousands of objects
    again: a tenth of factiongraph's own share of a parse, and half of what the store's writer spends taking
    a worker's results in. Called by the loaders, which each build their result once a process."""
    gc.freeze()
