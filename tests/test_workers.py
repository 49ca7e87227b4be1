"""Ingest in worker processes: the same graph as one process, each document stored as it is done, a bad
article or a dead worker costing itself only, and the writer resolving again what a worker resolved against
a store that has changed since."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factiongraph.build import (
    ExtractedArticle,
    extract_articles,
    parse_articles,
    resolve_extracted,
    store_resolver,
    write_document,
)
from factiongraph.cli import app
from factiongraph.demo import sample_corpus
from factiongraph.ingest import Article
from factiongraph.nlp.arabic.tokens import SPLIT_CACHE_WORDS, CliticSplitter
from factiongraph.nlp.portable import PortableDoc
from factiongraph.store import open_store
from factiongraph.workers import ordered_map
from tests.test_concurrency import write_articles
from tests.worker_tasks import DYING_ITEM, square_or_die, with_process_id

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 generated reports, the 10 sample articles and an Arabic one: 31 articles."""
    folder = write_articles(tmp_path_factory.mktemp("corpus") / "articles", "Idlib", 20)
    for path in sample_corpus().glob("*.txt"):
        shutil.copy(path, folder)
    shutil.copy(ROOT / "tests" / "data" / "hts-idlib-ar.txt", folder)
    return folder


def ingest(db: Path, *args: str | Path):  # noqa: ANN201
    return CliRunner().invoke(app, ["ingest", *map(str, args), "--db", str(db), "--silent"])


def graph(db: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Documents, entities and relations, each by what it is rather than by its row id."""
    with closing(sqlite3.connect(db)) as connection:
        documents = connection.execute("SELECT fingerprint, title, published, lang FROM documents ORDER BY id")
        entities = connection.execute("SELECT key, type, name, kb_id FROM entities ORDER BY key")
        relations = connection.execute(
            "SELECT r.type, s.key, t.key, d.fingerprint, r.source_begin, r.target_begin, r.evidence_begin, "
            "r.when_start, r.when_end FROM relations r JOIN entities s ON s.id = r.source_id "
            "JOIN entities t ON t.id = r.target_id JOIN documents d ON d.id = r.document_id"
        )
        return documents.fetchall(), entities.fetchall(), sorted(relations.fetchall(), key=repr)


def document_count(db: Path) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=5)) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_workers_ordered_map_gives_results_in_input_order_from_renewed_workers() -> None:
    results = list(
        ordered_map(with_process_id, range(12), workers=2, chunk_size=2, chunks_per_worker=1, on_broken=None)
    )
    assert [item for item, _ in results] == list(range(12))
    assert len({process for _, process in results}) == 6  # one process a chunk: each replaced after its one


def test_workers_a_worker_that_dies_costs_its_item_only() -> None:
    results = list(
        ordered_map(
            square_or_die,
            range(20),
            workers=2,
            chunk_size=3,
            chunks_per_worker=100,
            on_broken=lambda item, error: f"{item} broke its worker",
        )
    )
    assert results == [f"{i} broke its worker" if i == DYING_ITEM else i * i for i in range(20)]


def test_workers_a_pool_broken_before_a_chunk_goes_in_costs_the_dying_item_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under load the dying item can break the pool while later chunks are still being handed to it: those
    chunks are run again like the ones inside it, not lost with an error."""

    class BreaksAtTheThirdChunk(ProcessPoolExecutor):
        submitted = 0

        def submit(self, fn, /, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - the parent's signature
            BreaksAtTheThirdChunk.submitted += 1
            if BreaksAtTheThirdChunk.submitted == 3:
                raise BrokenProcessPool("a child process terminated abruptly")
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr("factiongraph.workers._pool", lambda workers, _: BreaksAtTheThirdChunk(workers))
    results = list(
        ordered_map(
            square_or_die,
            (i for i in range(20) if i != DYING_ITEM),
            workers=2,
            chunk_size=3,
            chunks_per_worker=100,
            on_broken=lambda item, error: f"{item} broke its worker",
        )
    )
    assert results == [i * i for i in range(20) if i != DYING_ITEM]


@pytest.mark.slow
def test_workers_portable_doc_resolves_as_the_doc_it_was_made_from(test_data: Path, tmp_path: Path) -> None:
    """The Doc a writer rebuilds from a worker's result resolves to exactly what the worker's Doc does,
    English and Arabic (their span groups and the extension values' spans all rebuilt)."""
    resolver = store_resolver(open_store(tmp_path / "store.db"))
    articles = [
        Article(text=(sample_corpus() / "09-sanctions-abu-amsha.txt").read_text().split("---\n")[2], source="en"),
        Article(text=(test_data / "hts-idlib-ar.txt").read_text(), source="ar", lang="ar"),
    ]
    for article, doc in parse_articles(articles):
        rebuilt = PortableDoc.from_doc(doc).to_doc()
        assert rebuilt.vocab is not doc.vocab
        assert resolver.resolve(rebuilt, article) == resolver.resolve(doc, article)


@pytest.mark.slow
def test_workers_writer_resolves_again_what_a_worker_resolved_against_an_older_store(tmp_path: Path) -> None:
    """A worker resolved the second report before the first was stored, so it did not link 'Abu Hamza
    al-Souri' to the 'Abu Hamza al-Suri' the first one stores: the writer sees the store answer otherwise
    and resolves it again, as one process would have."""
    path = tmp_path / "store.db"
    db = open_store(path)
    first = Article(text="Abu Hamza al-Suri, a commander of the Faylaq al-Rahman, was seen in Atma.", source="1")
    second = Article(text="Abu Hamza al-Souri met HTS leaders in Sarmada on Monday, residents said.", source="2")
    extracted = extract_articles([first, second], store_path=str(path))
    assert all(isinstance(e, ExtractedArticle) and e.resolved is not None for e in extracted)
    resolver = store_resolver(db)
    assert resolve_extracted(db, extracted[0], resolver) is extracted[0].resolved  # nothing stored meanwhile
    write_document(db, extracted[0].resolved)
    again = resolve_extracted(db, extracted[1], resolver)
    [(_, doc)] = parse_articles([second])
    assert again == resolver.resolve(doc, second)
    keys = {m.entity_key for m in again.mentions if m.text == "Abu Hamza al-Souri"}
    assert keys == {m.entity_key for m in extracted[0].resolved.mentions if m.text == "Abu Hamza al-Suri"}
    assert again != extracted[1].resolved


@pytest.mark.slow
def test_workers_store_the_graph_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert ingest(one, corpus, "--workers", "1").exit_code == 0
    result = ingest(two, corpus, "--workers", "2")
    assert result.exit_code == 0, result.output
    assert "31 new, 0 already stored, 0 failed" in result.stdout
    assert graph(two) == graph(one)
    again = ingest(two, corpus, "--workers", "2")
    assert "0 new, 31 already stored, 0 failed" in again.stdout
    assert graph(two) == graph(one)


@pytest.mark.slow
def test_workers_a_bad_article_in_a_worker_is_one_line_and_the_rest_goes_on(corpus: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(corpus, articles)
    (articles / "breaks.txt").write_text("HTS and Zzyzx\n\nHayat Tahrir al-Sham met Zzyzx in Idlib.\n")
    db = tmp_path / "store.db"
    driver = [sys.executable, str(ROOT / "tests" / "breaking_ingest.py")]
    command = [*driver, "ingest", str(articles), "--workers", "2", "--db", str(db), "--silent"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"failed: {articles / 'breaks.txt'}: could not be parsed (RuntimeError: cannot read Zzyzx)"
    ]
    assert "31 new, 0 already stored, 1 failed" in result.stdout
    assert document_count(db) == 31


@pytest.mark.slow
def test_workers_an_interrupted_ingest_keeps_what_it_finished(corpus: Path, tmp_path: Path) -> None:
    """Killed (SIGKILL) once a few documents are stored: those stay, whole; its workers end with it; the
    rerun stores the rest, nothing twice, the same graph as one uninterrupted process."""
    db = tmp_path / "store.db"
    command = [sys.executable, "-m", "factiongraph", "ingest", str(corpus), "--workers", "2", "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--silent"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 240
    while document_count(db) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    kept = document_count(db)
    assert 3 <= kept < 31
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        whole = "SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM sentences)"
        assert connection.execute(whole).fetchone() == (0,)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)  # a worker of the killed ingest still alive
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the workers outlived the ingest they worked for")
    again = subprocess.run([*command, "--silent"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    counted = re.search(r"(\d+) new, (\d+) already stored, 0 failed", again.stdout)
    assert counted is not None, again.stdout
    new, stored = int(counted[1]), int(counted[2])
    # the writer may have been killed between writing a transaction to the WAL and telling readers of it:
    # that document is whole, and the first connection to recover the WAL sees it
    assert new + stored == 31 and kept <= stored <= kept + 1
    one = tmp_path / "one.db"
    assert ingest(one, corpus, "--workers", "1").exit_code == 0
    assert graph(db) == graph(one)


def test_workers_memory_the_arabic_splitter_remembers_a_bounded_number_of_words() -> None:
    """A long Arabic stream brings new words for ever: the splitter's cache of split words keeps at most
    SPLIT_CACHE_WORDS of them (it kept every one)."""
    splitter = CliticSplitter([], conjunctions=["و"], prepositions=["ب"], enclitics=["ها"], article_letters=2)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    for n in range(SPLIT_CACHE_WORDS + 100):
        splitter.split("و" + "".join(letters[n // len(letters) ** k % len(letters)] for k in range(4)))
    assert CliticSplitter.split.cache_info().currsize <= SPLIT_CACHE_WORDS
