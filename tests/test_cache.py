"""The start-up cache: keyed by the content of what it is built from, rebuilt when damaged, never in the way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from factiongraph.cache import CACHE_DIR_ENV, cache_dir, cached
from factiongraph.cli import app
from factiongraph.kb import load_kb, read_kb_file
from factiongraph.nlp.components import ruler_patterns


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache directory of the test's own."""
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    load_kb.cache_clear()
    yield tmp_path / "cache"
    load_kb.cache_clear()


def actor_kb(path: Path, name: str) -> Path:
    path.write_text(f"actors:\n  - {{id: zork-front, type: Organisation, category: armed-group, name: {name}}}\n")
    return path


def found_actors(kb: Path, text: str) -> dict[str, str]:
    """What the actor ruler finds in ``text`` with the shipped KB and ``kb`` over it."""
    load_kb.cache_clear()  # the process's own memory of the file; the disk cache is what is tested
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("fg_entity_ruler")
    ruler.initialize(lambda: [], nlp=nlp, patterns=ruler_patterns(str(kb), places=False))
    return {ent.text: ent.ent_id_ for ent in nlp(text).ents}


def test_cache_is_keyed_by_the_content_of_the_kb(cache: Path, tmp_path: Path) -> None:
    kb = actor_kb(tmp_path / "mine.yaml", "Quux Brigade")
    assert found_actors(kb, "The Quux Brigade and the Zork Front met.") == {"Quux Brigade": "zork-front"}
    assert found_actors(kb, "The Quux Brigade and the Zork Front met.") == {"Quux Brigade": "zork-front"}
    actor_kb(kb, "Zork Front")
    assert found_actors(kb, "The Quux Brigade and the Zork Front met.") == {"Zork Front": "zork-front"}
    assert len(list(cache.glob("kb-*.pickle"))) == 2
    assert len(list(cache.glob("ruler-patterns-*.pickle"))) == 2


def test_cache_damaged_entry_is_rebuilt_not_read(cache: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"answer": 42}

    assert cached("test", ["input"], build) == {"answer": 42}
    (entry,) = cache.glob("test-*.pickle")
    for damage in (entry.read_bytes()[:-3], entry.read_bytes()[:-1] + b"?", b"", b"not a cache entry at all"):
        entry.write_bytes(damage)
        assert cached("test", ["input"], build) == {"answer": 42}
    assert len(builds) == 5
    assert cached("test", ["input"], build) == {"answer": 42}
    assert len(builds) == 5, "the rebuilt entry is read again"


def test_cache_damaged_kb_entry_is_read_anew_from_the_file(cache: Path) -> None:
    expected = load_kb()
    (entry,) = cache.glob("kb-*.pickle")
    entry.write_bytes(entry.read_bytes()[:1000])
    load_kb.cache_clear()
    assert load_kb() == expected
    assert len(entry.read_bytes()) > 1000


def test_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-file").write_text("not a directory")
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "a-file" / "cache"))
    assert cache_dir() == tmp_path / "a-file" / "cache"
    assert cached("test", ["input"], lambda: "built") == "built"


@pytest.mark.slow
def test_cache_user_kb_file_still_types_its_actors(cache: Path, tmp_path: Path, test_data: Path) -> None:
    kb = actor_kb(tmp_path / "mine.yaml", "Zork Front")
    article = tmp_path / "zork.txt"
    article.write_text("Zork Front fighters enter Saraqib\n\nThe Zork Front attacked positions near Saraqib.\n")
    runner = CliRunner()
    db = tmp_path / "zork.db"
    ingested = runner.invoke(app, ["ingest", str(article), "--kb", str(kb), "--db", str(db), "--silent"])
    assert ingested.exit_code == 0, ingested.output
    shown = runner.invoke(app, ["actor", "Zork Front", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "zork-front" in shown.stdout
    assert read_kb_file(kb).actors[0].name == "Zork Front"
