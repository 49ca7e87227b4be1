"""Open the store: one SQLite file in WAL mode, migrated to the current schema."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from factiongraph.errors import StoreError
from factiongraph.store.migrations import migrations

DEFAULT_DB = "factiongraph.db"


def default_db_path() -> Path:
    """``$FACTIONGRAPH_DB`` when set, else ``./factiongraph.db``."""
    return Path(os.environ.get("FACTIONGRAPH_DB") or DEFAULT_DB)


def open_store(path: Path | str | None = None) -> Database:
    """The store at ``path`` (created if missing), WAL on, foreign keys enforced, migrations applied."""
    path = Path(path) if path is not None else default_db_path()
    try:
        db = Database(path)
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: is not a factiongraph store ({error})") from error
    return db


def schema_versions(db: Database) -> list[str]:
    """Names of the migrations applied to ``db``, oldest first."""
    return [m.name for m in migrations.applied(db)]
