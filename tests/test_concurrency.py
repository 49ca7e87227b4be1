"""Many writers, one store, and crashes: ingests, the API's writes and corrections wait for each other, and an
ingest killed at any moment leaves a store that a rerun completes with every document exactly once."""

from __future__ import annotations

import multiprocessing
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlite_utils import Database
from typer.testing import CliRunner

from factiongraph.api import create_app
from factiongraph.cli import app, main
from factiongraph.errors import StoreError
from factiongraph.store import connect, open_store, schema_versions
from factiongraph.store.migrations import migrations
from factiongraph.store.transactions import StoreBusyError, write_transaction

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOCUMENT_TABLES = ("sentences", "mentions", "relations", "events", "event_mentions", "claims")

TOWNS = [
    "Saraqib", "Ariha", "Jisr al-Shughur", "Maarat al-Numan", "Kafr Nabl", "Atarib", "Sarmada", "Khan Shaykhun",
    "Taftanaz", "Binnish", "Darat Izza", "Azaz", "Afrin", "Manbij", "Tal Rifaat", "Jarablus", "Al-Bab", "Kobani",
    "Raqqa", "Tabqa", "Qamishli", "Hasakah", "Deir ez-Zor", "Palmyra",
]  # fmt: skip
SIDES = [
    ("HTS fighters", "the Syrian army"),
    ("Ahrar al-Sham", "Russian-backed militias"),
    ("The Syrian National Army", "the SDF"),
    ("Turkish troops", "Kurdish fighters"),
    ("ISIS cells", "the SDF"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(prefix: str, i: int) -> str:
    """A short report of its own: the sides, the towns, the day and the tolls change with ``i``."""
    first, second = SIDES[i % len(SIDES)]
    town, road, refuge = TOWNS[i % len(TOWNS)], TOWNS[(i + 5) % len(TOWNS)], TOWNS[(i + 11) % len(TOWNS)]
    side, accuser = first.removeprefix("The "), second[0].upper() + second[1:]
    return (
        f"---\npublished: 2020-{i % 12 + 1:02d}-{i % 27 + 1:02d}\n---\n"
        f"{prefix} {i}: fighting near {town}\n\n"
        f"{first} clashed with {second} in {town} on {DAYS[i % 7]}. Local sources said {i % 5 + 2} fighters were "
        f"killed and the road to {road} was closed for the day. A spokesman for {side} said the attack on {town} "
        f"had been repelled.\n\n"
        f"Residents of {road} said {i % 9 + 3} families fled towards {refuge} after the shelling. {accuser} accused "
        f"{side} of using the town's school as a base, which {side} denied. Aid workers in {refuge} said "
        f"the roads out of {town} stayed open at night.\n"
    )


def write_articles(folder: Path, prefix: str, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{prefix.lower().replace(' ', '-')}-{i:02d}.txt").write_text(article(prefix, i), encoding="utf-8")
    return folder


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "factiongraph", *(str(a) for a in args)]


def ingest_command(db: Path, *paths: Path) -> list[str]:
    return command("ingest", *paths, "--db", db, "--silent")


def start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)


def finished(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def document_count(db: Path) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=5)) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def wait_for_documents(db: Path, at_least: int, process: subprocess.Popen[str]) -> int:
    """Poll the store until it holds ``at_least`` documents while ``process`` runs; the count seen."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        count = document_count(db)
        if count >= at_least:
            return count
        assert process.poll() is None, f"the ingest ended with {count} documents stored: {process.stderr.read()}"
        time.sleep(0.01)
    raise AssertionError(f"{db} never held {at_least} documents")


def facts(db: Path) -> dict[str, tuple[int, ...]]:
    """Per document (by fingerprint): how many sentences, mentions, relations, event mentions and claims."""
    counts = ", ".join(f"(SELECT COUNT(*) FROM {t} WHERE document_id = d.id)" for t in DOCUMENT_TABLES if t != "events")
    with closing(sqlite3.connect(db)) as connection:
        return {row[0]: row[1:] for row in connection.execute(f"SELECT d.fingerprint, {counts} FROM documents d")}


def assert_consistent(db: Path) -> None:
    """SQLite's own checks pass and no row points at a document, or a sentence of a document, that is not there."""
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in DOCUMENT_TABLES:
            orphans = connection.execute(
                f"SELECT COUNT(*) FROM {table} t LEFT JOIN documents d ON d.id = t.document_id WHERE d.id IS NULL"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} row(s) of {table} point at a missing document"
        for table in DOCUMENT_TABLES[1:]:
            astray = connection.execute(
                f"SELECT COUNT(*) FROM {table} t JOIN sentences s ON s.id = t.sentence_id "
                "WHERE s.document_id != t.document_id"
            ).fetchone()[0]
            assert astray == 0, f"{astray} row(s) of {table} cite another document's sentence"
        rows, distinct = connection.execute("SELECT COUNT(*), COUNT(DISTINCT fingerprint) FROM documents").fetchone()
        assert rows == distinct


@contextmanager
def write_lock_held(db: Path, seconds: float) -> Iterator[None]:
    """Another connection holds the store's write lock for ``seconds`` from the start of the block."""
    taken = threading.Event()

    def hold() -> None:
        with closing(sqlite3.connect(db, isolation_level=None)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            taken.set()
            time.sleep(seconds)
            connection.execute("COMMIT")

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait()
    try:
        yield
    finally:
        holder.join()


def test_a_write_waits_for_another_writer_and_says_so_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    monkeypatch.setattr("factiongraph.store.database.BUSY_TIMEOUT", 0.2)
    started = time.monotonic()
    with write_lock_held(db, 1.0):
        result = CliRunner().invoke(app, ["settings", "event_window_days", "5", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 1.0
    assert result.stderr.strip() == f"note: waiting for another writer on {db}..."
    assert CliRunner().invoke(app, ["settings", "event_window_days", "--db", str(db)]).stdout.strip().endswith("5")


def test_a_write_gives_up_after_its_patience_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    monkeypatch.setattr("factiongraph.store.database.BUSY_TIMEOUT", 0.1)
    db = connect(path)
    with write_lock_held(path, 1.0), pytest.raises(StoreBusyError) as busy:  # noqa: PT012
        with write_transaction(db, patience=0.3):
            db.execute("INSERT INTO settings (key, value) VALUES ('event_window_days', '9')")
    assert isinstance(busy.value, StoreError) and busy.value.status == 503
    assert str(busy.value).startswith(f"{path}: another writer has held the store for ")
    assert db.execute("SELECT COUNT(*) FROM settings").fetchone()[0] == 0
    assert not db.conn.in_transaction


def test_a_write_transaction_is_whole_or_nothing_and_nests(fresh_db: Database) -> None:
    with pytest.raises(RuntimeError), write_transaction(fresh_db):  # noqa: PT012
        fresh_db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        with write_transaction(fresh_db):
            fresh_db.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
        raise RuntimeError
    assert fresh_db.execute("SELECT COUNT(*) FROM settings").fetchone()[0] == 0
    with write_transaction(fresh_db):
        fresh_db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        with pytest.raises(RuntimeError), write_transaction(fresh_db):  # noqa: PT012
            fresh_db.execute("INSERT INTO settings (key, value) VALUES ('b', '2')")
            raise RuntimeError
    assert fresh_db.execute("SELECT key FROM settings").fetchall() == [("a",)]


def test_api_writes_wait_for_another_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    db = open_store(path)
    for key, name in (("organization:a", "Liwa Alpha"), ("organization:b", "Liwa Beta")):
        entity = db["entities"].insert({"key": key, "type": "Organization", "name": name}).last_pk
        db["aliases"].insert({"entity_id": entity, "name": name, "name_key": name.lower(), "translit_key": name})
    db.close()
    monkeypatch.setattr("factiongraph.store.database.BUSY_TIMEOUT", 0.2)
    client = TestClient(create_app(path, token=TOKEN))
    with write_lock_held(path, 1.0):
        merged = client.post("/api/merge", json={"keep": "Liwa Alpha", "other": "Liwa Beta"}, headers=AUTH)
    assert merged.status_code == 200, merged.text
    assert set(merged.json()["names"]) == {"Liwa Alpha", "Liwa Beta"}


def _open_at_once(path: Path, barrier: Barrier, answers: multiprocessing.Queue) -> None:
    barrier.wait()
    try:
        answers.put(schema_versions(open_store(path)))
    except Exception as error:  # noqa: BLE001 - the answer is what the test checks
        answers.put(repr(error))


@pytest.mark.slow
def test_many_processes_open_a_fresh_store_at_once(tmp_path: Path) -> None:
    """No schema race: one process creates the schema, the others wait and find it done."""
    context = multiprocessing.get_context("fork")
    expected = [m.name for m in migrations._migrations]
    for attempt in range(5):
        path = tmp_path / f"fresh-{attempt}.db"
        barrier, answers = context.Barrier(6), context.Queue()
        processes = [context.Process(target=_open_at_once, args=(path, barrier, answers)) for _ in range(6)]
        for process in processes:
            process.start()
        results = [answers.get(timeout=60) for _ in processes]
        for process in processes:
            process.join()
        assert results == [expected] * 6
        assert_consistent(path)


@pytest.mark.slow
def test_two_ingests_into_one_store_at_once(tmp_path: Path) -> None:
    """Both succeed on a fresh store; the articles both were given are stored once, by one of them."""
    first = write_articles(tmp_path / "first", "Morning report", 12)
    second = write_articles(tmp_path / "second", "Evening report", 12)
    both = write_articles(tmp_path / "both", "Wire report", 4)
    db = tmp_path / "s.db"
    runs = [start(ingest_command(db, first, both)), start(ingest_command(db, both, second))]
    results = [finished(process) for process in runs]
    for code, _, err in results:
        assert code == 0 and "Traceback" not in err, err
    new = [int(out.split("documents: ")[1].split(" new")[0]) for _, out, _ in results]
    assert sum(new) == 28
    assert len(facts(db)) == 28
    assert_consistent(db)
    again = run(ingest_command(db, first, second, both))
    assert again.returncode == 0 and "0 new, 28 already stored" in again.stdout


@pytest.mark.slow
def test_an_ingest_waiting_for_another_writer_says_so_and_then_stores_everything(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles", "Field report", 3)
    db = tmp_path / "s.db"
    open_store(db).close()
    lines: queue.Queue[str] = queue.Queue()
    with closing(sqlite3.connect(db, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        process = start(ingest_command(db, folder))
        reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True)
        reader.start()
        line = lines.get(timeout=90)
        holder.execute("COMMIT")
    assert line.strip() == f"note: waiting for another writer on {db}..."
    out = process.stdout.read()
    assert process.wait(timeout=60) == 0
    assert "3 new" in out and lines.empty()
    assert len(facts(db)) == 3


@pytest.mark.slow
def test_api_writes_while_an_ingest_writes(tmp_path: Path) -> None:
    """POST /api/documents and /api/merge during a CLI ingest: no 500, every document once."""
    folder = write_articles(tmp_path / "articles", "Wire report", 20)
    db = tmp_path / "s.db"
    client = TestClient(create_app(db, token=TOKEN))
    posted = [{"text": article("Desk report", i), "title": f"Desk report {i}"} for i in range(8)]
    first = client.post("/api/documents", json=posted[0], headers=AUTH)
    assert first.status_code == 200, first.text
    process = start(ingest_command(db, folder))
    wait_for_documents(db, 2, process)
    during = 0
    for body in posted[1:]:
        answer = client.post("/api/documents", json=body, headers=AUTH)
        assert answer.status_code == 200, answer.text
        during += process.poll() is None
    merged = client.post("/api/merge", json={"keep": "Syrian National Army", "other": "Ahrar al-Sham"}, headers=AUTH)
    assert merged.status_code == 200, merged.text
    during += process.poll() is None
    code, _, err = finished(process)
    assert code == 0 and "Traceback" not in err, err
    assert during >= 1, "no write of the API's overlapped the ingest"
    assert len(facts(db)) == 28
    assert_consistent(db)


@pytest.mark.slow
def test_merge_and_split_while_an_ingest_writes(tmp_path: Path) -> None:
    """A merge made while an ingest writes holds for the documents written after it, even those resolved
    before it: no entity comes back under the merged-away key, every mention of its name is the kept actor."""
    seed = write_articles(tmp_path / "seed", "Morning report", 5)
    later = write_articles(tmp_path / "later", "Evening report", 20)
    db = tmp_path / "s.db"
    assert run(ingest_command(db, seed)).returncode == 0
    process = start(ingest_command(db, later))
    wait_for_documents(db, 7, process)
    merged = run(command("merge", "Syrian National Army", "Ahrar al-Sham", "--db", db))
    assert merged.returncode == 0 and "Traceback" not in merged.stderr, merged.stderr
    split = run(command("split", "Syrian National Army", "Ahrar al-Sham", "--db", db))
    assert split.returncode == 0, split.stderr
    code, _, err = finished(process)
    assert code == 0 and "Traceback" not in err, err
    assert len(facts(db)) == 25
    assert_consistent(db)
    with closing(sqlite3.connect(db)) as connection:
        owners = connection.execute(
            "SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE m.text = 'Ahrar al-Sham'"
        ).fetchall()
        revived = connection.execute(
            "SELECT COUNT(*) FROM entity_redirects r JOIN entities e ON e.key = r.from_key"
        ).fetchone()[0]
    assert owners == [("Ahrar al-Sham",)]
    assert revived == 0


@pytest.fixture(scope="module")
def crash_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.Popen[str]]:
    """Twenty short reports, and a clean ingest of them into a store of its own, started in the background."""
    folder = write_articles(tmp_path_factory.mktemp("crash") / "articles", "Field report", 20)
    return folder, start(ingest_command(folder.parent / "reference.db", folder))


def reference_facts(corpus: tuple[Path, subprocess.Popen[str]]) -> dict[str, tuple[int, ...]]:
    folder, process = corpus
    if process.returncode is None:
        code, _, err = finished(process)
        assert code == 0, err
    return facts(folder.parent / "reference.db")


def killed(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL


@pytest.mark.slow
def test_ingest_killed_at_several_moments_then_rerun_stores_every_document_once(
    tmp_path: Path, crash_corpus: tuple[Path, subprocess.Popen[str]]
) -> None:
    """SIGKILL while it starts, then as the 3rd, 7th and 11th documents are being stored (at once, and a
    little after), each time leaves a consistent store; a rerun completes it to what a clean ingest gives."""
    folder, _ = crash_corpus
    db = tmp_path / "s.db"
    process = start(ingest_command(db, folder))
    time.sleep(0.5)
    killed(process)
    stored = []
    for at_least, delay in ((2, 0.0), (6, 0.02), (10, 0.05)):
        process = start(ingest_command(db, folder))
        wait_for_documents(db, at_least, process)
        time.sleep(delay)
        killed(process)
        assert_consistent(db)
        stored.append(document_count(db))
    assert stored == sorted(stored) and stored[-1] < 20
    rerun = run(ingest_command(db, folder))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{20 - stored[-1]} new, {stored[-1]} already stored" in rerun.stdout
    assert_consistent(db)
    assert facts(db) == reference_facts(crash_corpus)


KILL_INSIDE = """
import os, re, signal, sys
from factiongraph.build import ingest
from factiongraph.store import open_store

db = open_store(sys.argv[1])
statement, nth, seen, last = re.compile(sys.argv[3]), int(sys.argv[4]), [0], [None]


def trace(sql):
    # each trigger a statement fires reports that statement again: count it once
    if statement.match(sql) and sql != last[0]:
        seen[0] += 1
        if seen[0] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
    last[0] = sql


db.conn.set_trace_callback(trace)
ingest(db, [sys.argv[2]])
"""


@pytest.mark.slow
def test_ingest_killed_inside_a_transaction_leaves_nothing_of_that_document(
    tmp_path: Path, crash_corpus: tuple[Path, subprocess.Popen[str]]
) -> None:
    """SIGKILL at chosen statements of a document's transaction (its mentions, an event mention, the COMMIT
    itself), three runs in a row on one store: what each run committed is whole, the document it was writing
    is absent, and a rerun completes the store to what a clean ingest gives."""
    folder, _ = crash_corpus
    db = tmp_path / "s.db"
    reference = reference_facts(crash_corpus)
    for statement, nth, new in (
        ('INSERT INTO "mentions"', 3, 2),
        ('INSERT INTO "event_mentions"', 3, None),
        ("COMMIT", 4, 3),
    ):
        before = document_count(db)
        process = run([sys.executable, "-c", KILL_INSIDE, str(db), str(folder), statement, str(nth)])
        assert process.returncode == -signal.SIGKILL, process.stderr
        assert_consistent(db)
        stored = facts(db)
        assert all(stored[fingerprint] == reference[fingerprint] for fingerprint in stored)
        assert len(stored) - before == new if new is not None else before <= len(stored) < 20
    rerun = run(ingest_command(db, folder))
    assert rerun.returncode == 0, rerun.stderr
    assert_consistent(db)
    assert facts(db) == reference


def test_a_store_held_past_all_patience_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"

    def busy(*_args: object, **_kwargs: object) -> None:
        raise StoreBusyError(str(db), 600)

    monkeypatch.setattr("factiongraph.build.ingest", busy)
    monkeypatch.setattr(sys, "argv", ["factiongraph", "ingest", str(tmp_path), "--db", str(db), "--silent"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 1
    assert capsys.readouterr().err == (
        f"error: {db}: another writer has held the store for 600 s; nothing was written: try again\n"
    )
