"""Readers turn one file into articles; each format registers itself by file name or suffix.

A reader raises :class:`~factiongraph.errors.InputError` for a file it cannot
read, and yields a :class:`ReadFailure` for one bad record of a multi-record
file, so the batch can report it in one line and go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import trafilatura

from factiongraph.errors import InputError
from factiongraph.ingest.article import Article, ReadFailure
from factiongraph.ingest.clean import strip_boilerplate
from factiongraph.ingest.decode import NotText, decode_text

Reader = Callable[[Path], Iterator[Article | ReadFailure]]

READERS_BY_NAME: dict[str, Reader] = {}
READERS_BY_SUFFIX: dict[str, Reader] = {}

_HEADER_KEYS = {"title", "url", "outlet", "author", "published", "lang"}
_JSONL_KEYS = {"text", "title", "url", "published", "outlet", "author", "lang"}
MAX_TITLE_CHARS = 500
"""A first line longer than this is the text's opening paragraph, not its title (a file on one line)."""


def register_reader(*, suffixes: Iterable[str] = (), names: Iterable[str] = ()) -> Callable[[Reader], Reader]:
    """Register ``reader`` for files with one of ``suffixes`` or exactly one of ``names``."""

    def inner(reader: Reader) -> Reader:
        READERS_BY_SUFFIX.update(dict.fromkeys(suffixes, reader))
        READERS_BY_NAME.update(dict.fromkeys(names, reader))
        return reader

    return inner


def reader_for(path: Path) -> Reader | None:
    return READERS_BY_NAME.get(path.name) or READERS_BY_SUFFIX.get(path.suffix.lower())


def read_text_file(path: Path) -> str:
    """The file's text in whatever encoding it was saved (:func:`decode_text`); a file that is no text,
    or only white space, is an :class:`InputError`."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from error
    try:
        text = decode_text(raw)
    except NotText as error:
        raise InputError(path, error.reason) from error
    if not text.strip():
        raise InputError(path, "is empty")
    return text


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """``---``-fenced ``key: value`` lines at the top of a text file, and the rest."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            header = {}
            for entry in lines[1:end]:
                key, _, value = entry.partition(":")
                key = key.strip().lower()
                if key in _HEADER_KEYS and value.strip():
                    header[key] = value.strip()
            return header, "\n".join(lines[end + 1 :])
    return {}, text


@register_reader(suffixes=[".txt", ".text"])
def read_txt(path: Path) -> Iterator[Article | ReadFailure]:
    """Plain text: optional header block, first line the title (unless too long for one), the rest the body."""
    header, body = _split_header(read_text_file(path))
    body = body.strip()
    title = header.pop("title", None)
    first, _, rest = body.partition("\n")
    if title is None and len(first) <= MAX_TITLE_CHARS:
        title, body = first.strip() or None, rest
    text = strip_boilerplate(f"{title}\n\n{body}" if title else body)
    if not text:
        raise InputError(path, "has no article text")
    yield Article(text=text, source=str(path), title=title, **header)


@register_reader(suffixes=[".html", ".htm"])
def read_html(path: Path) -> Iterator[Article | ReadFailure]:
    """HTML page: trafilatura finds the main text and the metadata."""
    document = trafilatura.bare_extraction(read_text_file(path), with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise InputError(path, "has no main text that trafilatura could find")
    title = document.title
    body = document.text.strip()
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    yield Article(
        text=strip_boilerplate(body),
        source=str(path),
        title=title,
        url=document.url,
        outlet=document.sitename,
        author=document.author,
        published=document.date,
        lang=document.language,
    )


def _json_records(path: Path) -> Iterator[tuple[str, dict[str, Any] | ReadFailure]]:
    """Each non-blank line of a JSON-lines file, as the object it holds or why it holds none, with
    ``path:line`` to name it by."""
    for number, line in enumerate(read_text_file(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield where, ReadFailure(where, f"is not valid JSON ({error.msg} at column {error.colno})")
            continue
        yield where, record if isinstance(record, dict) else ReadFailure(where, "is not a JSON object")


@register_reader(suffixes=[".jsonl", ".ndjson"])
def read_jsonl(path: Path) -> Iterator[Article | ReadFailure]:
    """One article a line: ``{"text", "title", "url", "published", "outlet", "author", "lang"}``."""
    for where, record in _json_records(path):
        if isinstance(record, ReadFailure):
            yield record
            continue
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            yield ReadFailure(where, 'has no "text" string')
            continue
        fields = {k: str(v) for k, v in record.items() if k in _JSONL_KEYS - {"text"} and v is not None}
        title = fields.get("title")
        text = record["text"].strip()
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        yield Article(text=strip_boilerplate(text), source=where, **fields)


@register_reader(names=["documents.json"])
def read_re3d(path: Path) -> Iterator[Article | ReadFailure]:
    """re3d's ``documents.json`` (mongoexport lines); text kept verbatim so gold offsets hold."""
    for where, record in _json_records(path):
        if isinstance(record, ReadFailure):
            yield record
            continue
        if not isinstance(record.get("text"), str) or "_id" not in record:
            yield ReadFailure(where, 'is not a re3d document (needs "_id" and "text")')
            continue
        yield Article(
            text=record["text"],
            source=where,
            title=record.get("title"),
            url=record.get("sourceUrl"),
            outlet=record.get("sourceName"),
            lang="en",
            external_id=str(record["_id"]),
        )
