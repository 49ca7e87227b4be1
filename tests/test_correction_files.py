"""``factiongraph corrections export|import``: a team's merges and splits replayed on another store built from
the same articles (in another order, so no row id is the same), idempotently, with what no longer applies
reported one line each."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.demo import sample_corpus
from factiongraph.store import open_store
from factiongraph.store.events import report_key

pytestmark = pytest.mark.slow

runner = CliRunner()
ARTICLES = ("01-hts-takes-bab-al-hawa.txt", "02-sdf-captures-raqqa.txt", "04-olive-branch-afrin.txt")


def invoke(*args: str | Path):  # noqa: ANN201
    return runner.invoke(app, [str(a) for a in args])


def build(path: Path, articles: tuple[str, ...]) -> Path:
    result = invoke("ingest", *(sample_corpus() / a for a in articles), "--db", path, "--silent")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Stores of the same three articles, ingested in two orders, and one of the first article alone."""
    folder = tmp_path_factory.mktemp("corrections")
    return {
        "forward": build(folder / "forward.db", ARTICLES),
        "backward": build(folder / "backward.db", ARTICLES[::-1]),
        "first-only": build(folder / "first-only.db", ARTICLES[:1]),
    }


@pytest.fixture
def stores(pristine: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """Copies of the pristine stores for one test (SQLite's backup: a WAL store is more than its file)."""
    copies = {}
    for name, path in pristine.items():
        copies[name] = tmp_path / path.name
        with sqlite3.connect(path) as source, sqlite3.connect(copies[name]) as copy:
            source.backup(copy)
    return copies


def events_by_reports(db: Database) -> set[frozenset[str]]:
    """Each event as the set of its reports' keys: what two stores of the same articles can compare."""
    grouped: dict[int, set[str]] = {}
    for mention_id, event_id in db.execute("SELECT id, event_id FROM event_mentions"):
        grouped.setdefault(event_id, set()).add(json.dumps(report_key(db, mention_id), sort_keys=True))
    return {frozenset(reports) for reports in grouped.values()}


def event_of(db: Database, article: str, event_type: str, nth: int = 0) -> int:
    """The id of the ``nth`` event of a type first reported in the article whose file is ``article``."""
    return db.execute(
        "SELECT m.event_id FROM event_mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE d.source LIKE ? AND m.type = ? GROUP BY m.event_id ORDER BY MIN(m.id) LIMIT 1 OFFSET ?",
        [f"%{article}", event_type, nth],
    ).fetchone()[0]


def correct(path: Path) -> None:
    """An analyst's day on a store: two events merged, two more merged and split again, two actors merged and
    a name split off."""
    db = open_store(path)
    raqqa_first, raqqa_second = event_of(db, ARTICLES[1], "ASSAULT"), event_of(db, ARTICLES[1], "ASSAULT", 1)
    bab_al_hawa, afrin = event_of(db, ARTICLES[0], "ASSAULT"), event_of(db, ARTICLES[2], "ASSAULT")
    afrin_document = db.execute("SELECT document_id FROM events WHERE id = ?", [afrin]).fetchone()[0]
    for args in (
        ("merge", "--events", raqqa_first, raqqa_second),
        ("merge", "--events", bab_al_hawa, afrin),
        ("split", "--event", bab_al_hawa, afrin_document),
        ("merge", "Syrian Democratic Forces", "People's Protection Units"),
        ("split", "Hayat Tahrir al-Sham", "HTS"),
    ):
        result = invoke(*args, "--db", path)
        assert result.exit_code == 0, f"{args}: {result.output}"


def test_corrections_export_keys_survive_a_reingest(stores: dict[str, Path], tmp_path: Path) -> None:
    correct(stores["forward"])
    exported = tmp_path / "corrections.json"
    result = invoke("corrections", "export", "--db", stores["forward"], "--out", exported)
    assert result.exit_code == 0, result.output
    assert "exported: 5 correction(s)" in result.stdout
    shared = json.loads(exported.read_text(encoding="utf-8"))
    assert (shared["format"], shared["version"]) == ("factiongraph-corrections", 1)
    kinds = [c["kind"] for c in shared["corrections"]]
    assert sorted(kinds) == ["merge-actors", "merge-events", "merge-events", "split-event", "split-name"]
    assert kinds.index("merge-events") < kinds.index("split-event")
    merge_actors = next(c for c in shared["corrections"] if c["kind"] == "merge-actors")
    assert merge_actors["keep"] == {"key": "kb:syrian-democratic-forces", "name": "Syrian Democratic Forces"}
    split_name = next(c for c in shared["corrections"] if c["kind"] == "split-name")
    assert (split_name["actor"]["key"], split_name["name"]) == ("kb:hayat-tahrir-al-sham", "HTS")
    report = next(c for c in shared["corrections"] if c["kind"] == "merge-events")["keep"]
    assert set(report) == {"document", "begin", "end", "type", "nth"} and len(report["document"]) == 64
    assert invoke("corrections", "export", "--db", stores["forward"]).stdout.startswith("{")


def test_corrections_import_replays_them_on_another_store_once(stores: dict[str, Path], tmp_path: Path) -> None:
    correct(stores["forward"])
    exported = tmp_path / "corrections.json"
    invoke("corrections", "export", "--db", stores["forward"], "--out", exported)

    first = invoke("corrections", "import", exported, "--db", stores["backward"])
    assert first.exit_code == 0, first.output
    assert "corrections: 5 applied, 0 already applied, 0 skipped" in first.stdout
    source, replayed = open_store(stores["forward"]), open_store(stores["backward"])
    assert events_by_reports(replayed) == events_by_reports(source)
    for db in (source, replayed):
        assert db.execute("SELECT 1 FROM entities WHERE key = 'kb:peoples-protection-units'").fetchone() is None
        assert db.execute("SELECT to_key FROM alias_splits").fetchall() == [("organisation:hts",)]
    assert "HTS" not in invoke("actor", "Hayat Tahrir al-Sham", "--db", stores["backward"]).stdout.split("\n")[1]

    counts = {table: replayed[table].count for table in ("entities", "aliases", "events", "event_corrections")}
    again = invoke("corrections", "import", exported, "--db", stores["backward"])
    assert again.exit_code == 0, again.output
    assert "corrections: 0 applied, 5 already applied, 0 skipped" in again.stdout
    assert {table: replayed[table].count for table in counts} == counts
    assert events_by_reports(replayed) == events_by_reports(source)


def test_corrections_import_reports_what_no_longer_applies(stores: dict[str, Path], tmp_path: Path) -> None:
    correct(stores["forward"])
    exported = tmp_path / "corrections.json"
    invoke("corrections", "export", "--db", stores["forward"], "--out", exported)

    result = invoke("corrections", "import", exported, "--db", stores["first-only"])
    assert result.exit_code == 0, result.output
    assert "1 applied, 0 already applied, 4 skipped" in result.stdout, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 4 and len(result.stderr.splitlines()) == 4
    assert any(
        """merge "People's Protection Units" into 'Syrian Democratic Forces'): no longer applies: no actor """
        "'kb:syrian-democratic-forces' in this store" in line
        for line in skipped
    ), skipped
    assert sum("no longer applies: no ASSAULT report at" in line for line in skipped) == 3


def test_corrections_import_refuses_a_file_that_is_not_one(stores: dict[str, Path], tmp_path: Path) -> None:
    for content, reason in (
        ("{not json", "cannot be read"),
        ('{"format": "other"}', "is not a corrections file"),
        ('{"format": "factiongraph-corrections", "version": 9, "corrections": []}', "is version 9"),
    ):
        bad = tmp_path / "bad.json"
        bad.write_text(content)
        result = invoke("corrections", "import", bad, "--db", stores["backward"])
        assert result.exit_code == 1
        assert reason in result.stderr and len(result.stderr.strip().splitlines()) == 1
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"format": "factiongraph-corrections", "version": 1, "corrections": [{"kind": "x"}, 3]}))
    result = invoke("corrections", "import", odd, "--db", stores["backward"])
    assert "0 applied, 0 already applied, 2 skipped" in result.stdout
    assert "unknown kind 'x'" in result.stderr and "correction 2 (not an object)" in result.stderr
