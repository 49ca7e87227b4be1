"""Open the store: one SQLite file in WAL mode, migrated to the current schema."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from factiongraph.errors import StoreError
from factiongraph.store.migrations import migrations
from factiongraph.store.transactions import BUSY_TIMEOUT, retry_busy, write_transaction

DEFAULT_DB = "factiongraph.db"


def default_db_path() -> Path:
    """``$FACTIONGRAPH_DB`` when set, else ``./factiongraph.db``."""
    return Path(os.environ.get("FACTIONGRAPH_DB") or DEFAULT_DB)


def connect(path: Path | str) -> Database:
    """A connection to the store at ``path`` that waits for other writers' locks (busy timeout) and
    enforces foreign keys; every connection to a store is made here."""
    db = Database(sqlite3.connect(path, timeout=BUSY_TIMEOUT))
    db.execute("PRAGMA foreign_keys = ON")
    return db


def open_store(path: Path | str | None = None) -> Database:
    """The store at ``path`` (created if missing), WAL on, foreign keys enforced, migrations applied."""
    path = Path(path) if path is not None else default_db_path()
    try:
        db = connect(path)
        retry_busy(db, db.enable_wal)
        migrate(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: is not a factiongraph store ({error})") from error
    return db


def migrate(db: Database) -> None:
    """Apply pending migrations under the write lock, checked again once it is held: when two processes
    open a new store at once, one creates the schema and the other finds it done."""
    if not migrations.pending(db):
        return
    with write_transaction(db):
        migrations.apply(db)


def schema_versions(db: Database) -> list[str]:
    """Names of the migrations applied to ``db``, oldest first."""
    return [m.name for m in migrations.applied(db)]
