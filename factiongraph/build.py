"""Build the graph: read articles, parse them, resolve their actors and store each in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from sqlite_utils import Database

from factiongraph.dates import parse_date
from factiongraph.errors import InputError
from factiongraph.ingest import Article, ReadFailure, detect_language, read_articles
from factiongraph.kb import load_kb
from factiongraph.nlp import load_arabic_pipeline, load_pipeline
from factiongraph.resolve import DocumentResolver
from factiongraph.store import WriteOutcome, write_document
from factiongraph.store.queries import entity_candidates
from factiongraph.store.writer import document_id_for

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
"""Called once per article or failure with its source, so a caller can draw progress."""


@dataclass
class IngestSummary:
    """What an ingest did: counts of new and already-stored documents, and each failure."""

    new: int = 0
    already_stored: int = 0
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def prepared_articles(
    paths: Iterable[Path | str], *, published: str | None = None, lang: str | None = None
) -> Iterator[Article | ReadFailure]:
    """Articles from ``paths`` with CLI metadata filling what files lack and dates normalised."""
    for item in read_articles(paths):
        yield item if isinstance(item, ReadFailure) else prepare_article(item, published=published, lang=lang)


def prepare_article(
    article: Article, *, published: str | None = None, lang: str | None = None
) -> Article | ReadFailure:
    """``article`` with ``published``/``lang`` filling what it lacks, its language detected, its date normalised."""
    article = article.with_defaults(published=published, lang=lang)
    article = article.with_defaults(lang=detect_language(article.text))
    if article.published:
        date = parse_date(article.published)
        if date is None:
            return ReadFailure(article.source, f"has a publication date that cannot be read: {article.published!r}")
        article = Article(**{**article.__dict__, "published": date.iso})
    return article


def parse_articles(articles: Iterable[Article], *, kb_path: Path | None = None) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parsed ``Doc``: English in batches through the English pipeline's
    ``nlp.pipe``, Arabic through the Arabic pipeline, as they come."""
    arabic: list[Article] = []

    def english() -> Iterator[tuple[str, Article]]:
        for article in articles:
            if (article.lang or detect_language(article.text)) == "ar":
                arabic.append(article)
            else:
                yield article.text, article

    def parse_arabic() -> Iterator[tuple[Article, Doc]]:
        while arabic:
            article = arabic.pop(0)
            yield article, load_arabic_pipeline(kb_path)(article.text)

    for doc, article in load_pipeline(kb_path).pipe(english(), as_tuples=True):
        yield from parse_arabic()
        yield article, doc
    yield from parse_arabic()


def ingest_article(db: Database, article: Article, *, kb_path: Path | None = None) -> WriteOutcome:
    """Store one article given as data rather than a file (the API's ``POST /api/documents``).

    Raises :class:`InputError` when its date cannot be read; an article already stored adds nothing.
    """
    prepared = prepare_article(article)
    if isinstance(prepared, ReadFailure):
        raise InputError(prepared.source, prepared.reason)
    existing = document_id_for(db, prepared.fingerprint)
    if existing is not None:
        return WriteOutcome(existing, created=False)
    resolver = DocumentResolver(
        load_kb(kb_path), lambda keys, skeletons, kind: entity_candidates(db, keys, skeletons, kind)
    )
    [(_, doc)] = parse_articles([prepared], kb_path=kb_path)
    return write_document(db, resolver.resolve(doc, prepared))


def ingest(
    db: Database,
    paths: Iterable[Path | str],
    *,
    published: str | None = None,
    lang: str | None = None,
    kb_path: Path | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``db``; bad files are counted, the rest of the batch goes on.

    Articles already stored (same content fingerprint) are skipped before parsing,
    so re-running an ingest adds nothing and costs little.
    """
    summary = IngestSummary()
    resolver = DocumentResolver(
        load_kb(kb_path), lambda keys, skeletons, kind: entity_candidates(db, keys, skeletons, kind)
    )

    def new_articles() -> Iterator[Article]:
        seen: set[str] = set()
        for item in prepared_articles(paths, published=published, lang=lang):
            if isinstance(item, ReadFailure):
                summary.failures.append(item)
                logger.warning("%s", item)
                if progress:
                    progress(item.source)
            elif item.fingerprint in seen or document_id_for(db, item.fingerprint) is not None:
                summary.already_stored += 1
                if progress:
                    progress(item.source)
            else:
                seen.add(item.fingerprint)
                yield item

    for article, doc in parse_articles(new_articles(), kb_path=kb_path):
        outcome = write_document(db, resolver.resolve(doc, article))
        if outcome.created:
            summary.new += 1
        else:
            summary.already_stored += 1
        if progress:
            progress(article.source)
    return summary
