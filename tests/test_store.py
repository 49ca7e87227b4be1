"""The store: WAL, migrations, one transaction per document, nothing added twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.errors import StoreError
from factiongraph.ingest import Article
from factiongraph.records import ResolvedDocument
from factiongraph.store import open_store, schema_versions, write_document
from factiongraph.store.corrections import redirect


def counts(db: Database) -> dict[str, int]:
    return {t: db[t].count for t in ("documents", "sentences", "mentions", "entities", "aliases", "relations")}


def test_store_is_wal_and_migrated(fresh_db: Database) -> None:
    assert fresh_db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema_versions(fresh_db) == [
        "0001_initial",
        "0002_places_translit_corrections",
        "0003_browse_indexes",
        "0004_translit_feminine_ending",
        "0005_events_across_reports",
        "0006_queries_at_scale",
        "0007_event_corrections",
        "0008_map_windows",
        "0009_claims_by_speaker_and_stance",
        "0010_relation_counts",
        "0011_map_counts",
        "0012_claims_dated",
    ]


def test_store_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    first = schema_versions(open_store(tmp_path / "a.db"))
    assert schema_versions(open_store(tmp_path / "a.db")) == first


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not a database, just some notes " * 20)
    with pytest.raises(StoreError, match="notes.db: is not a factiongraph store"):
        open_store(bogus)


@pytest.mark.slow
def test_store_reingest_adds_nothing(fresh_db: Database, test_data: Path) -> None:
    first = ingest(fresh_db, [test_data / "abu-amsha-visit.txt"])
    before = counts(fresh_db)
    second = ingest(fresh_db, [test_data / "abu-amsha-visit.txt"])
    assert (first.new, second.new, second.already_stored) == (1, 0, 1)
    assert counts(fresh_db) == before


def test_store_failed_write_leaves_nothing_half_written(fresh_db: Database) -> None:
    article = Article(text="Some text.", source="x.txt")
    broken = ResolvedDocument(article=article, sentences=[(0, 10)])
    broken.mentions = [object()]  # not a mention: the write fails after the document row
    with pytest.raises(AttributeError):
        write_document(fresh_db, broken)
    assert counts(fresh_db)["documents"] == 0
    assert counts(fresh_db)["sentences"] == 0


def test_store_redirect_follows_merges_to_the_end_and_stops_on_a_cycle() -> None:
    assert redirect({}, "person:a") == "person:a"
    assert redirect({"person:a": "person:b", "person:b": "person:c"}, "person:a") == "person:c"
    assert redirect({"person:a": "person:b", "person:b": "person:a"}, "person:a") == "person:a"


def test_store_imports_nothing_of_ingest() -> None:
    """The records the store writes are plain: reading a store loads neither the ingest package nor its readers."""
    heavy = ("factiongraph.ingest", "trafilatura")
    code = f"import sys, factiongraph.store; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert imported == []
