"""SQLite is the source of truth: schema, migrations, writes and queries."""

from factiongraph.store.database import connect, default_db_path, open_store, schema_versions
from factiongraph.store.writer import WriteOutcome, write_document

__all__ = ["WriteOutcome", "connect", "default_db_path", "open_store", "schema_versions", "write_document"]
