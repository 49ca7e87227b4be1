"""The store in Datasette: every table browsable, with the project's titles, descriptions, facets and canned
queries (``data/datasette.yaml``), opened read-only so it can run beside an ingest.

Importing this module imports Datasette; the CLI imports it only in the command that serves it.
"""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette
from datasette.database import Database

from factiongraph.errors import StoreError


def metadata_file() -> Path:
    return Path(str(resources.files("factiongraph") / "data" / "datasette.yaml"))


def datasette_metadata(database_name: str) -> dict[str, Any]:
    """Datasette's metadata for a store served under ``database_name`` (its file's stem)."""
    shipped = yaml.safe_load(metadata_file().read_text(encoding="utf-8"))
    database = shipped.pop("database")
    return {**shipped, "databases": {database_name: database}}


class ReadOnlyStore(Database):
    """A store Datasette reads through ``mode=ro`` connections only, writes included: a canned query or a plugin
    that tries to write fails, and an ingest writing meanwhile is seen (``immutable`` would not see it)."""

    def connect(self, write: bool = False) -> sqlite3.Connection:
        connection = sqlite3.connect(f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._all_file_connections.append(connection)
        return connection


def store_datasette(path: Path) -> Datasette:
    """A Datasette over the store at ``path`` with the project's metadata; the store must exist (Datasette
    would create an empty one) and is never written."""
    if not path.is_file():
        raise StoreError(f"{path}: no such store: 'factiongraph ingest --db {path} ...' builds one")
    name = path.stem
    datasette = Datasette(metadata=datasette_metadata(name))
    datasette.add_database(ReadOnlyStore(datasette, path=str(path)), name=name)
    return datasette
