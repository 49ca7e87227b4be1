"""Bad input never costs the good: each bad file or article in a batch is one line on stderr naming it
and why, no traceback, exit code 1, and the good articles beside it stored in a consistent store.

Every fixture is made here in ``tmp_path`` (the 100 MB file too: nothing large is committed).
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from typer.testing import CliRunner, Result

from factiongraph.build import parse_articles
from factiongraph.cli import app
from factiongraph.extraction import extract_re3d
from factiongraph.ingest import Article, read_articles
from factiongraph.ingest.decode import NotText, decode_text
from factiongraph.nlp import load_arabic_pipeline, load_pipeline
from factiongraph.nlp.pieces import parse_in_pieces, split_text
from factiongraph.resolve import DocumentResolver

GOOD = ("abu-amsha-visit.txt", "raqqa-offensive.txt")
"""The good articles batched with every bad input: both must be stored whatever the bad one does."""

NOT_TEXT = "is not text in UTF-8, UTF-16, Windows-1256, ISO-8859-6, Windows-1252 or Latin-1"

ARABIC = (
    "هيئة تحرير الشام تعزز سيطرتها على إدلب\n\n"
    "قال قائد هيئة تحرير الشام أبو محمد الجولاني إن الهيئة ستبقى في إدلب، وإن مقاتليها انتشروا في ريف "
    "إدلب الجنوبي. وأضاف أن الفصائل الأخرى ظلّت بعيدة عن خطوط التماس؛ فهل تعود المعارك إلى المنطقة؟"
)
ENGLISH_1252 = (
    "Clashes near Aïn Issa\n\n"
    "The Syrian Democratic Forces said on Sunday that “Turkish-backed factions” shelled Aïn Issa — the "
    "third attack this week. A café owner told reporters the town’s market had closed."
)
ENGLISH_LATIN1 = (
    "Clashes near Aïn Issa\n\n"
    "The Syrian Democratic Forces said on Sunday that Turkish-backed factions shelled Aïn Issa, the third "
    "attack this week. A café owner in the town, Müller, said the market had closed."
)

runner = CliRunner()


def run_ingest(db: Path, *args: str | Path) -> Result:
    return runner.invoke(app, ["ingest", *map(str, args), "--db", str(db), "--silent"])


def failure_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def stored_sources(db: Path) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {row[0] for row in connection.execute("SELECT source FROM documents")}


def assert_consistent(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.fixture
def good(tmp_path: Path, test_data: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(test_data / name, folder / name)
    return folder


def good_sources(folder: Path) -> set[str]:
    return {str(folder / name) for name in GOOD}


# --- each bad input: made in a folder, it returns the path to name and the one line it must cost ---


@dataclass(frozen=True)
class Made:
    path: Path
    line: str
    also_stored: tuple[str, ...] = ()
    """Sources of the good records inside the bad file itself (a JSON lines file's good lines)."""


def empty(d: Path) -> Made:
    (d / "empty.txt").write_bytes(b"")
    return Made(d / "empty.txt", f"{d / 'empty.txt'}: is empty")


def blank(d: Path) -> Made:
    (d / "blank.txt").write_text(" \n\t\n  \n")
    return Made(d / "blank.txt", f"{d / 'blank.txt'}: is empty")


def binary(d: Path) -> Made:
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return Made(d / "image.txt", f"{d / 'image.txt'}: is binary, not text")


def noise(d: Path) -> Made:
    (d / "noise.txt").write_bytes(bytes(b for b in random.Random(12).randbytes(4000) if b))
    return Made(d / "noise.txt", f"{d / 'noise.txt'}: {NOT_TEXT} (not UTF-8 from byte 0)")


def invalid_utf8(d: Path) -> Made:
    head, tail = ARABIC[:20].encode(), ARABIC[20:].encode()
    (d / "damaged.txt").write_bytes(head + b"\xff" + tail)
    return Made(d / "damaged.txt", f"{d / 'damaged.txt'}: {NOT_TEXT} (not UTF-8 from byte {len(head)})")


def false_bom(d: Path) -> Made:
    (d / "bom.txt").write_bytes(b"\xff\xfe" + "Idlib".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"))
    return Made(d / "bom.txt", f"{d / 'bom.txt'}: starts with a UTF-16LE byte-order mark but is not UTF-16LE (byte 12)")


def tag_soup(d: Path) -> Made:
    (d / "soup.html").write_text("<html><body><div><p></div></b></i><<<>>><script>x</script>")
    return Made(d / "soup.html", f"{d / 'soup.html'}: has no words in its text")


def html_without_body(d: Path) -> Made:
    (d / "nested.html").write_text("<html><body>" + "<div>" * 5000)
    return Made(d / "nested.html", f"{d / 'nested.html'}: has no main text that trafilatura could find")


def jsonl_broken_line(d: Path) -> Made:
    path = d / "feed.jsonl"
    path.write_text('{"text": "The SDF took Raqqa from the Islamic State in 2017."}\n{"text": "cut off\n')
    return Made(path, f"{path}:2: is not valid JSON (Unterminated string starting at at column 10)", (f"{path}:1",))


def jsonl_without_text(d: Path) -> Made:
    path = d / "feed.jsonl"
    path.write_text('{"title": "no text"}\n{"text": "Hayat Tahrir al-Sham took Atma from the SNA."}\n')
    return Made(path, f'{path}:1: has no "text" string', (f"{path}:2",))


def re3d_missing_fields(d: Path) -> Made:
    (d / "re3d").mkdir()
    path = d / "re3d" / "documents.json"
    path.write_text('{"_id": "D1", "text": "The SDF holds Raqqa."}\n{"text": "A document with no _id."}\n')
    return Made(path, f'{path}:2: is not a re3d document (needs "_id" and "text")', (f"{path}:1",))


def one_mb_line(d: Path) -> Made:
    (d / "line.txt").write_text("The SDF holds Raqqa. " * 50_000)
    line = f"{d / 'line.txt'}: is 1,049,999 characters long, over the limit of 1,000,000 (--max-chars raises it)"
    return Made(d / "line.txt", line)


def too_many_bytes(d: Path) -> Made:
    with (d / "huge.txt").open("wb") as handle:
        handle.truncate(25_000_000)  # sparse: refused by its size, never read
    line = f"{d / 'huge.txt'}: is 25,000,000 bytes, over the limit of 20,000,000 (--max-bytes raises it)"
    return Made(d / "huge.txt", line)


def symlink_loop(d: Path) -> Made:
    (d / "loop.txt").symlink_to("loop.txt")
    return Made(d / "loop.txt", f"{d / 'loop.txt'}: is a symlink loop")


def folder_loop(d: Path) -> Made:
    archive = d / "archive"
    archive.mkdir()
    (archive / "again").symlink_to(archive)
    return Made(archive, f"{archive / 'again'}: is a symlink loop (leads back to {archive})")


def broken_symlink(d: Path) -> Made:
    (d / "gone.txt").symlink_to("nowhere.txt")
    return Made(d / "gone.txt", f"{d / 'gone.txt'}: is a broken symlink (to nowhere.txt)")


def missing_path(d: Path) -> Made:
    return Made(d / "missing", f"{d / 'missing'}: does not exist")


def bad_date(d: Path) -> Made:
    (d / "dated.txt").write_text("---\npublished: the 45th of Octember\n---\nHTS in Idlib\n\nHTS holds Idlib.\n")
    return Made(
        d / "dated.txt", f"{d / 'dated.txt'}: has a publication date that cannot be read: 'the 45th of Octember'"
    )


def unknown_format(d: Path) -> Made:
    (d / "notes.docx").write_bytes(b"PK\x03\x04")
    return Made(d / "notes.docx", f"{d / 'notes.docx'}: has an unknown format '.docx'")


def fifo(d: Path) -> Made:
    os.mkfifo(d / "pipe.txt")
    return Made(d / "pipe.txt", f"{d / 'pipe.txt'}: is neither a file nor a folder")


def unreadable_file(d: Path) -> Made:
    (d / "secret.txt").write_text("HTS in Idlib\n\nHTS holds Idlib.\n")
    (d / "secret.txt").chmod(0)
    return Made(d / "secret.txt", f"{d / 'secret.txt'}: cannot be read (Permission denied)")


def unreadable_folder(d: Path) -> Made:
    (d / "locked").mkdir()
    (d / "locked" / "a.txt").write_text("HTS in Idlib\n\nHTS holds Idlib.\n")
    (d / "locked").chmod(0)
    return Made(d / "locked", f"{d / 'locked'}: cannot be read (Permission denied)")


as_root = pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads a chmod 000 file or folder anyway, so there is nothing to refuse"
)

BAD_INPUTS = [
    pytest.param(empty, id="empty"),
    pytest.param(blank, id="blank"),
    pytest.param(binary, id="binary"),
    pytest.param(noise, id="bytes-in-no-encoding"),
    pytest.param(invalid_utf8, id="invalid-utf8"),
    pytest.param(false_bom, id="bom-that-lies"),
    pytest.param(tag_soup, id="malformed-html-tag-soup"),
    pytest.param(html_without_body, id="malformed-html-unclosed"),
    pytest.param(jsonl_broken_line, id="jsonl-broken-line"),
    pytest.param(jsonl_without_text, id="jsonl-line-without-text"),
    pytest.param(re3d_missing_fields, id="re3d-missing-fields"),
    pytest.param(one_mb_line, id="one-mb-single-line"),
    pytest.param(too_many_bytes, id="over-max-bytes"),
    pytest.param(symlink_loop, id="symlink-loop"),
    pytest.param(folder_loop, id="folder-symlink-loop"),
    pytest.param(broken_symlink, id="broken-symlink"),
    pytest.param(missing_path, id="path-that-does-not-exist"),
    pytest.param(bad_date, id="bad-date-in-header"),
    pytest.param(unknown_format, id="unknown-format"),
    pytest.param(fifo, id="fifo"),
    pytest.param(unreadable_file, id="unreadable-file", marks=as_root),
    pytest.param(unreadable_folder, id="unreadable-folder", marks=as_root),
]


@pytest.mark.slow
@pytest.mark.parametrize("make", BAD_INPUTS)
def test_bad_input_costs_one_line_and_not_the_good_articles(
    make: Callable[[Path], Made], good: Path, tmp_path: Path
) -> None:
    (tmp_path / "bad").mkdir()
    bad = make(tmp_path / "bad")
    db = tmp_path / "store.db"
    result = run_ingest(db, good, bad.path)
    assert result.exit_code == 1, result.output
    assert failure_lines(result) == [f"failed: {bad.line}"]
    assert "Traceback" not in result.output
    assert f"{len(GOOD) + len(bad.also_stored)} new, 0 already stored, 1 failed" in result.stdout
    assert stored_sources(db) == good_sources(good) | set(bad.also_stored)
    assert_consistent(db)


@pytest.mark.slow
@pytest.mark.parametrize("make", [unreadable_file, unreadable_folder], ids=["file", "folder"])
def test_unreadable_input_when_the_kernel_refuses_even_root(
    make: Callable[[Path], Made], good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tests above skip chmod 000 as root (CI runs as root); here the refusal other users get from the
    kernel is made for root too, so the way it is reported is tested everywhere."""
    (tmp_path / "bad").mkdir()
    bad = make(tmp_path / "bad")
    read_bytes, listdir = Path.read_bytes, os.listdir

    def refused(path: Path | str) -> OSError:
        return PermissionError(errno.EACCES, "Permission denied", str(path))

    def read_bytes_unless_locked(path: Path) -> bytes:
        if path == bad.path:
            raise refused(path)
        return read_bytes(path)

    def listdir_unless_locked(path: Path | str) -> list[str]:
        if Path(path) == bad.path:
            raise refused(path)
        return listdir(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes_unless_locked)
    monkeypatch.setattr(os, "listdir", listdir_unless_locked)
    db = tmp_path / "store.db"
    result = run_ingest(db, good, bad.path)
    assert result.exit_code == 1
    assert failure_lines(result) == [f"failed: {bad.line}"]
    assert stored_sources(db) == good_sources(good)


@pytest.mark.slow
def test_bad_input_named_first_still_lets_the_good_folders_in(good: Path, tmp_path: Path) -> None:
    """Bad paths before, between and after good ones on the command line: each one line, the good all stored."""
    db = tmp_path / "store.db"
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_ingest(db, tmp_path / "missing.txt", good, tmp_path / "empty.txt")
    assert result.exit_code == 1
    assert failure_lines(result) == [
        f"failed: {tmp_path / 'missing.txt'}: does not exist",
        f"failed: {tmp_path / 'empty.txt'}: is empty",
    ]
    assert stored_sources(db) == good_sources(good)


@pytest.mark.slow
def test_symlinked_folder_of_articles_is_followed(good: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "linked").symlink_to(good)
    db = tmp_path / "store.db"
    result = run_ingest(db, archive)
    assert result.exit_code == 0, result.output
    assert "2 new, 0 already stored, 0 failed" in result.stdout
    assert stored_sources(db) == {str(archive / "linked" / name) for name in GOOD}


# --- encodings: each decoded to the very text that was saved ---

ENCODED = [
    pytest.param(ARABIC, "utf-8-sig", id="utf8-bom-arabic"),
    pytest.param(ARABIC, "utf-16", id="utf16-bom-arabic"),
    pytest.param(ENGLISH_1252, "utf-16", id="utf16-bom-english"),
    pytest.param(ARABIC, "utf-16-le", id="utf16le-no-bom-arabic"),
    pytest.param(ENGLISH_1252, "utf-16-le", id="utf16le-no-bom-english"),
    pytest.param(ARABIC, "utf-16-be", id="utf16be-no-bom-arabic"),
    pytest.param(ARABIC, "utf-32", id="utf32-bom-arabic"),
    pytest.param(ARABIC, "cp1256", id="windows-1256-arabic"),
    pytest.param(ARABIC, "iso8859-6", id="iso-8859-6-arabic"),
    pytest.param(ENGLISH_1252, "cp1252", id="windows-1252-english"),
    pytest.param(ENGLISH_LATIN1, "latin-1", id="latin-1-english"),
]


@pytest.mark.parametrize(("text", "encoding"), ENCODED)
def test_encoding_decodes_to_the_original_text(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"\x00" * 5000, id="zeros"),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 16, id="executable"),
        pytest.param(b"\x1f\x8b\x08\x00" + random.Random(3).randbytes(3000), id="gzip"),
    ],
)
def test_truly_not_text_is_refused_with_a_reason(raw: bytes) -> None:
    with pytest.raises(NotText, match="binary|is not text"):
        decode_text(raw)


@pytest.mark.slow
def test_every_encoding_is_ingested_as_the_same_article(tmp_path: Path, test_data: Path) -> None:
    """The same article saved in each encoding is one document (same text, so the same fingerprint)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    arabic = [p.values[1] for p in ENCODED if p.values[0] == ARABIC]
    for encoding in arabic:
        (folder / f"ar-{encoding}.txt").write_bytes(ARABIC.encode(encoding))
    (folder / "en-cp1252.txt").write_bytes(ENGLISH_1252.encode("cp1252"))
    (folder / "en-utf16.txt").write_bytes(ENGLISH_1252.encode("utf-16-le"))
    (folder / "en-utf8.txt").write_text(ENGLISH_1252)
    db = tmp_path / "store.db"
    result = run_ingest(db, folder)
    assert result.exit_code == 0, result.output
    assert f"2 new, {len(arabic) + 1} already stored, 0 failed" in result.stdout
    texts = {a.text for a in read_articles([folder]) if isinstance(a, Article)}
    with sqlite3.connect(db) as connection:
        assert {row[0] for row in connection.execute("SELECT text FROM documents")} == texts
    assert len(texts) == 2 and any("“Turkish-backed factions”" in t for t in texts)


# --- one article the pipeline or the resolver breaks on is that article's failure alone ---

MARKER = "Zzyzx"
"""A word in the text of the article a test makes the pipeline break on."""


@Language.factory("fg_test_breaks_on_marker")
def _breaks_on_marker(nlp: Language, name: str) -> BreaksOnMarker:
    return BreaksOnMarker(name)


class BreaksOnMarker(Pipe):
    """Breaks, like a trained component would, on a whole batch that holds an article with ``MARKER``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if MARKER in doc.text:
            raise RuntimeError(f"cannot read {MARKER}\nsecond line of the message")
        return doc

    def pipe(self, docs: Iterator[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from [self(doc) for doc in batch]


@contextmanager
def breaking_pipeline() -> Iterator[None]:
    nlp = load_pipeline(None)  # the pipeline ingest uses: cached by its argument
    nlp.add_pipe("fg_test_breaks_on_marker", before="fg_mentions")
    try:
        yield
    finally:
        nlp.remove_pipe("fg_test_breaks_on_marker")


@pytest.mark.slow
def test_article_the_pipeline_breaks_on_costs_only_itself(good: Path, tmp_path: Path) -> None:
    """The breaking article sits in one nlp.pipe batch with the good ones: the batch is parsed again
    article by article, and only the breaking one fails, with one line."""
    (good / "breaks.txt").write_text(f"HTS and {MARKER}\n\nHayat Tahrir al-Sham met {MARKER} in Idlib.\n")
    db = tmp_path / "store.db"
    with breaking_pipeline():
        result = run_ingest(db, good)
    assert result.exit_code == 1
    assert failure_lines(result) == [
        f"failed: {good / 'breaks.txt'}: could not be parsed (RuntimeError: cannot read {MARKER} second line of the "
        "message)"
    ]
    assert "2 new, 0 already stored, 1 failed" in result.stdout
    assert stored_sources(db) == good_sources(good)
    assert_consistent(db)


@pytest.mark.slow
def test_extraction_without_a_store_also_loses_only_the_breaking_article(good: Path) -> None:
    (good / "breaks.txt").write_text(f"HTS and {MARKER}\n\nHayat Tahrir al-Sham met {MARKER} in Idlib.\n")
    with breaking_pipeline():
        extraction = extract_re3d([good])
    assert [str(f) for f in extraction.failures] == [
        f"{good / 'breaks.txt'}: could not be parsed (RuntimeError: cannot read {MARKER} second line of the message)"
    ]
    assert extraction.documents == len(GOOD)


@pytest.mark.slow
def test_article_the_resolver_breaks_on_costs_only_itself(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolve = DocumentResolver.resolve

    def breaking(self: DocumentResolver, doc: Doc, article: Article):  # noqa: ANN202
        if MARKER in article.text:
            raise KeyError(MARKER)
        return resolve(self, doc, article)

    monkeypatch.setattr(DocumentResolver, "resolve", breaking)
    (good / "breaks.txt").write_text(f"HTS and {MARKER}\n\nHayat Tahrir al-Sham met {MARKER} in Idlib.\n")
    db = tmp_path / "store.db"
    result = run_ingest(db, good)
    assert result.exit_code == 1
    assert failure_lines(result) == [f"failed: {good / 'breaks.txt'}: could not be resolved (KeyError: '{MARKER}')"]
    assert stored_sources(db) == good_sources(good)
    assert_consistent(db)


@pytest.mark.slow
def test_an_error_of_the_input_is_raised_not_counted_as_an_articles_failure(test_data: Path) -> None:
    """What breaks in the articles' source (the store, the disk) is no article's failure: the articles
    read before it are parsed, then it is raised as it came."""
    [article] = [a for a in read_articles([test_data / GOOD[0]]) if isinstance(a, Article)]

    def articles() -> Iterator[Article]:
        yield article
        raise sqlite3.OperationalError("database is locked")

    parsed, failures = [], []
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        for parsed_article, _ in parse_articles(articles(), on_failure=failures.append):
            parsed.append(parsed_article)
    assert parsed == [article] and failures == []


# --- memory, measured in a process of its own ---


def ingest_measured(db: Path, *args: str | Path) -> tuple[int, str, int]:
    """Run ``factiongraph ingest`` in a process of its own: its exit code, its stderr and its peak
    resident memory in MB (from ``wait4``, which gives one child's peak, not the largest child's so far)."""
    command = [sys.executable, "-m", "factiongraph", "ingest", *map(str, args), "--db", str(db), "--silent"]
    with tempfile.TemporaryFile("w+") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        return process.returncode, stderr.read(), usage.ru_maxrss // 1024


# --- over-long articles: parsed in pieces when the limit is raised ---


FILLER = "The talks went on for hours in the cold, and the people who waited outside the hall heard nothing."
"""A sentence that names no one: what most of a long text is, and cheap to resolve."""


def long_report(seed: Path, chars: int, named_every: int = 1) -> str:
    """A report of at least ``chars`` characters: ``seed``'s body over and over, a line of it every
    ``named_every`` paragraphs and ``FILLER`` between, each numbered so that none repeats (a repeated
    line is boilerplate and kept once)."""
    lines = [line for line in seed.read_text().split("\n")[1:] if line.strip()]
    paragraphs: list[str] = []
    length = 0
    while length < chars:
        n = len(paragraphs)
        paragraphs.append(f"({n}) {lines[n // named_every % len(lines)] if n % named_every == 0 else FILLER}")
        length += len(paragraphs[-1]) + 2
    return "A long report\n\n" + "\n\n".join(paragraphs)


def test_split_text_cuts_at_paragraphs_then_sentences_and_joins_back() -> None:
    paragraphs = "\n\n".join(f"Paragraph {i} says HTS holds Idlib. It also says more." for i in range(200))
    pieces = split_text(paragraphs, 1000)
    assert "".join(pieces) == paragraphs
    assert all(len(p) <= 1000 for p in pieces) and all(p.endswith("\n\n") for p in pieces[:-1])
    one_line = "HTS holds Idlib. " * 300
    pieces = split_text(one_line, 1000)
    assert "".join(pieces) == one_line and all(p.endswith(". ") for p in pieces[:-1])
    assert split_text("x" * 2500, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]


def positions(value: object, offset: int) -> object:
    """``value`` with each ``Span`` in it (alone or in a tuple) as its token positions moved on by ``offset``."""
    if isinstance(value, Span):
        return (value.start + offset, value.end + offset, value.label_)
    if isinstance(value, tuple):
        return tuple(positions(v, offset) for v in value)
    return value


def found(doc: Doc, offset: int = 0) -> dict[str, list[object]]:
    """Every span group and document-level result of ``doc``, as token positions moved on by ``offset``."""
    results: dict[str, list[object]] = {key: [positions(s, offset) for s in group] for key, group in doc.spans.items()}
    for extension in ("fg_relations", "fg_events", "fg_claims"):
        results[extension] = [positions(tuple(vars(item).values()), offset) for item in doc._.get(extension) or []]
    return results


@pytest.mark.parametrize(
    "load",
    [
        pytest.param(load_pipeline, id="english", marks=pytest.mark.slow),
        pytest.param(load_arabic_pipeline, id="arabic"),
    ],
)
def test_parse_in_pieces_joins_what_each_piece_finds(load: Callable[[], Language], test_data: Path) -> None:
    seed = test_data / ("abu-amsha-visit.txt" if load is load_pipeline else "hts-idlib-ar.txt")
    text = long_report(seed, 3000)
    nlp = load()
    pieces = split_text(text, 1000)
    expected: dict[str, list[object]] = {}
    offset = 0
    for piece in pieces:
        doc = nlp(piece)
        for key, values in found(doc, offset).items():
            expected.setdefault(key, []).extend(values)
        offset += len(doc)
    joined = parse_in_pieces(nlp, text, piece_chars=1000)
    assert len(pieces) > 2 and joined.text == text
    assert found(joined) == expected
    assert all(
        v.doc is joined for item in joined._.fg_relations or [] for v in vars(item).values() if isinstance(v, Span)
    )


@pytest.mark.slow
def test_text_over_the_pipelines_max_length_is_parsed_in_pieces(
    good: Path, tmp_path: Path, test_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spaCy's E088 for a text over ``max_length``, met here with a lowered limit: the text is parsed in
    pieces and stored whole, with what the pipeline finds in each piece."""
    monkeypatch.setattr(load_pipeline(None), "max_length", 2000)
    long = good / "long.txt"
    long.write_text(long_report(test_data / "abu-amsha-visit.txt", 6000))
    db = tmp_path / "store.db"
    result = run_ingest(db, good)
    assert result.exit_code == 0, result.output
    assert stored_sources(db) == good_sources(good) | {str(long)}
    with sqlite3.connect(db) as connection:
        [(document_id, length)] = connection.execute(
            "SELECT id, length(text) FROM documents WHERE source = ?", [str(long)]
        ).fetchall()
        assert length > 6000
        assert connection.execute("SELECT count(*) FROM relations WHERE document_id = ?", [document_id]).fetchone()[0]
    assert_consistent(db)


@pytest.mark.slow
def test_article_over_a_million_characters_is_refused_or_parsed_in_pieces(good: Path, tmp_path: Path) -> None:
    """A real article over spaCy's 1,000,000 characters: refused with one line by default, and with
    ``--max-chars`` raised parsed in pieces (no E088), one at a time in bounded memory, and stored with
    its facts, the good ones beside it."""
    long = good / "long.txt"
    long.write_text(long_report(good / "abu-amsha-visit.txt", 1_050_000, named_every=20))
    chars = len(next(a for a in read_articles([long]) if isinstance(a, Article)).text)
    assert chars > 1_000_000
    db = tmp_path / "store.db"
    refused = run_ingest(db, good)
    assert refused.exit_code == 1
    limit = f"is {chars:,} characters long, over the limit of 1,000,000 (--max-chars raises it)"
    assert failure_lines(refused) == [f"failed: {long}: {limit}"]
    assert stored_sources(db) == good_sources(good)
    _, _, baseline = ingest_measured(tmp_path / "baseline.db", good / GOOD[0])
    code, stderr, peak = ingest_measured(db, good, "--max-chars", "2000000")
    assert code == 0, stderr
    assert stored_sources(db) == good_sources(good) | {str(long)}
    assert peak < baseline + 1000, f"peak RSS {peak} MB parsing {chars:,} characters in pieces, {baseline} MB without"
    with sqlite3.connect(db) as connection:
        [(document_id, length)] = connection.execute(
            "SELECT id, length(text) FROM documents WHERE source = ?", [str(long)]
        ).fetchall()
        assert length == chars
        assert connection.execute("SELECT count(*) FROM relations WHERE document_id = ?", [document_id]).fetchone()[0]
    assert_consistent(db)


# --- a 100 MB file: refused by its size in bounded memory, and what raising the limit costs ---


def write_big_file(path: Path, size: int) -> None:
    """``size`` bytes of numbered report lines (numbered, or boilerplate removal would keep one)."""
    with path.open("w") as handle:
        written = number = 0
        while written < size:
            number += 1
            written += handle.write(f"{number}: HTS fighters entered Atma on Tuesday, residents said.\n")


@pytest.mark.slow
def test_hundred_megabyte_file_is_refused_in_bounded_memory(good: Path, tmp_path: Path) -> None:
    """Refused by its size before it is read: the ingest's peak memory is what the good articles cost.
    With ``--max-bytes`` raised it is read, then refused by its length (bench/limits prints both peaks)."""
    big = tmp_path / "big.txt"
    write_big_file(big, 100_000_000)
    size = big.stat().st_size
    _, _, baseline = ingest_measured(tmp_path / "baseline.db", good)
    code, stderr, peak = ingest_measured(tmp_path / "store.db", good, big)
    assert code == 1
    assert [line for line in stderr.splitlines() if line.strip()] == [
        f"failed: {big}: is {size:,} bytes, over the limit of 20,000,000 (--max-bytes raises it)"
    ]
    assert stored_sources(tmp_path / "store.db") == good_sources(good)
    assert peak < baseline + 50, f"peak RSS {peak} MB with the file, {baseline} MB without"
    code, stderr, raised_peak = ingest_measured(tmp_path / "raised.db", good, big, "--max-bytes", "200000000")
    assert code == 1
    [line] = [line for line in stderr.splitlines() if line.strip()]
    assert line.startswith(f"failed: {big}: is ") and line.endswith(
        "over the limit of 1,000,000 (--max-chars raises it)"
    )
    assert stored_sources(tmp_path / "raised.db") == good_sources(good)
    assert raised_peak < baseline + 2000, f"peak RSS {raised_peak} MB with --max-bytes raised, {baseline} MB without"
