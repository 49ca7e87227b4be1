"""Many writers, one store: every write takes SQLite's write lock first and waits its turn for it.

SQLite lets one connection write at a time. A plain (deferred) transaction reads first and asks for the
write lock at its first write; if another process committed in between, SQLite refuses it at once with
"database is locked", without waiting out the busy timeout. ``BEGIN IMMEDIATE`` asks for the write lock
before anything is read, so the busy timeout applies; past it the attempt is retried with backoff, so an
ingest, a merge or a migration in another process is waited for rather than fatal.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlite_utils import Database

from factiongraph.errors import StoreError

BUSY_TIMEOUT = 5.0
"""Seconds SQLite itself waits for a lock on any statement of any connection to the store."""
PATIENCE = 600.0
"""Seconds a write waits for other writers in all before it gives up with :class:`StoreBusyError`."""

logger = logging.getLogger(__name__)

T = TypeVar("T")


class StoreBusyError(StoreError):
    """Another writer held the store longer than a write would wait; nothing was written."""

    status = 503

    def __init__(self, where: str, waited: float) -> None:
        super().__init__(
            f"{where}: another writer has held the store for {waited:.0f} s; nothing was written: try again"
        )


def is_busy(error: sqlite3.OperationalError) -> bool:
    """Whether ``error`` is SQLite's busy ("database is locked"): another connection holds a lock, worth waiting
    for; any other error is a real failure."""
    return getattr(error, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY


def store_file(db: Database) -> str:
    """The file behind ``db``, to name it in a message."""
    for _, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or ":memory:"
    return "the store"


def retry_busy(db: Database, attempt: Callable[[], T], *, patience: float = PATIENCE) -> T:
    """``attempt()``, tried again with growing pauses while another writer holds ``db``.

    Each try already waits up to the connection's busy timeout inside SQLite; when one runs out, the
    wait is long, so it is said once as a warning (the CLI prints it on stderr). After ``patience``
    seconds in all, :class:`StoreBusyError`.
    """
    started = time.monotonic()
    pause = 0.05
    said = False
    while True:
        try:
            return attempt()
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            waited = time.monotonic() - started
            if waited >= patience:
                raise StoreBusyError(store_file(db), waited) from error
            if not said:
                logger.warning("waiting for another writer on %s...", store_file(db))
                said = True
            time.sleep(min(pause * random.uniform(0.5, 1.0), max(patience - waited, 0.0)))
            pause = min(pause * 2, 2.0)


@contextmanager
def write_transaction(db: Database, *, patience: float = PATIENCE) -> Iterator[Database]:
    """One transaction that holds the write lock from its start, committed whole or rolled back whole.

    Reads inside it see every write committed before it began, so checks made there still hold when it
    writes. Inside another transaction it is a savepoint of that one.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    retry_busy(db, lambda: db.conn.execute("BEGIN IMMEDIATE"), patience=patience)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
