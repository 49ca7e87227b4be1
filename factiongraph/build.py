"""Build the graph: read articles, parse them, resolve their actors and store each in one transaction."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from sqlite_utils import Database

from factiongraph.dates import parse_date
from factiongraph.errors import InputError
from factiongraph.ingest import Article, ReadFailure, detect_language, read_articles
from factiongraph.ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS
from factiongraph.kb import load_kb
from factiongraph.nlp import load_arabic_pipeline, load_pipeline
from factiongraph.nlp.pieces import parse_in_pieces
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
    paths: Iterable[Path | str],
    *,
    published: str | None = None,
    lang: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | ReadFailure]:
    """Articles from ``paths`` with CLI metadata filling what files lack and dates normalised."""
    for item in read_articles(paths, max_bytes=max_bytes):
        if isinstance(item, ReadFailure):
            yield item
        else:
            yield prepare_article(item, published=published, lang=lang, max_chars=max_chars)


def prepare_article(
    article: Article, *, published: str | None = None, lang: str | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Article | ReadFailure:
    """``article`` with ``published``/``lang`` filling what it lacks, its language detected, its date normalised;
    a failure when it is over ``max_chars`` long or its date cannot be read."""
    if len(article.text) > max_chars:
        reason = f"is {len(article.text):,} characters long, over the limit of {max_chars:,} (--max-chars raises it)"
        return ReadFailure(article.source, reason)
    article = article.with_defaults(published=published, lang=lang)
    article = article.with_defaults(lang=detect_language(article.text))
    if article.published:
        date = parse_date(article.published)
        if date is None:
            return ReadFailure(article.source, f"has a publication date that cannot be read: {article.published!r}")
        article = Article(**{**article.__dict__, "published": date.iso})
    return article


def parse_articles(
    articles: Iterable[Article],
    *,
    kb_path: Path | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parsed ``Doc``: English in batches through the English pipeline's
    ``nlp.pipe``; Arabic through the Arabic pipeline, and a text over a pipeline's ``max_length`` in
    pieces (:func:`parse_in_pieces`), one by one as they come.

    With ``on_failure``, an article the pipeline breaks on is handed to it as a failure and the
    others go on: when a batch breaks, each of its articles is parsed again alone, so only the one at
    fault is lost. Without it, the error is raised.
    """
    english = load_pipeline(kb_path)
    alone: list[Article] = []
    in_flight: deque[Article] = deque()  # handed to nlp.pipe and not yet out of it, in order
    input_errors: list[Exception] = []

    def parse_alone(article: Article) -> Iterator[tuple[Article, Doc]]:
        nlp = load_arabic_pipeline(kb_path) if _is_arabic(article) else english
        try:
            doc = parse_in_pieces(nlp, article.text) if len(article.text) > nlp.max_length else nlp(article.text)
        except Exception as error:  # whatever breaks on one article is that article's failure
            if on_failure is None:
                raise
            on_failure(_failure(article, "could not be parsed", error))
        else:
            yield article, doc

    def batched() -> Iterator[tuple[str, Article]]:
        try:
            for article in articles:
                if _is_arabic(article) or len(article.text) > english.max_length:
                    alone.append(article)
                else:
                    in_flight.append(article)
                    yield article.text, article
        except Exception as error:  # the input's, not the pipeline's: raised once the articles before it are out
            input_errors.append(error)

    def parse_the_rest() -> Iterator[tuple[Article, Doc]]:
        while alone:
            yield from parse_alone(alone.pop(0))

    texts = batched()
    while True:
        try:
            for doc, article in english.pipe(texts, as_tuples=True):
                in_flight.popleft()
                yield from parse_the_rest()
                yield article, doc
        except Exception:
            if on_failure is None or not in_flight:
                raise
            alone.extend(in_flight)  # the batch that broke, parsed again article by article
            in_flight.clear()
            continue  # a new nlp.pipe over the texts not yet handed to it
        break
    yield from parse_the_rest()
    if input_errors:
        raise input_errors[0]


def _is_arabic(article: Article) -> bool:
    return (article.lang or detect_language(article.text)) == "ar"


def _failure(article: Article, doing: str, error: Exception) -> ReadFailure:
    """One article's failure in one line; its traceback goes to the debug log for whoever looks into it."""
    logger.debug("%s: %s", article.source, doing, exc_info=error)
    return ReadFailure.from_error(article.source, doing, error)


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
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> IngestSummary:
    """Ingest ``paths`` into ``db``; bad files and articles are counted, the rest of the batch goes on.

    Articles already stored (same content fingerprint) are skipped before parsing,
    so re-running an ingest adds nothing and costs little. A file over ``max_bytes`` or an article
    over ``max_chars`` is refused; one the pipeline or the resolver breaks on is that article's
    failure alone.
    """
    summary = IngestSummary()
    resolver = DocumentResolver(
        load_kb(kb_path), lambda keys, skeletons, kind: entity_candidates(db, keys, skeletons, kind)
    )

    def failed(failure: ReadFailure) -> None:
        summary.failures.append(failure)
        logger.warning("%s", failure)
        if progress:
            progress(failure.source)

    def new_articles() -> Iterator[Article]:
        seen: set[str] = set()
        items = prepared_articles(paths, published=published, lang=lang, max_bytes=max_bytes, max_chars=max_chars)
        for item in items:
            if isinstance(item, ReadFailure):
                failed(item)
            elif item.fingerprint in seen or document_id_for(db, item.fingerprint) is not None:
                summary.already_stored += 1
                if progress:
                    progress(item.source)
            else:
                seen.add(item.fingerprint)
                yield item

    for article, doc in parse_articles(new_articles(), kb_path=kb_path, on_failure=failed):
        try:
            resolved = resolver.resolve(doc, article)
        except Exception as error:  # a resolver that breaks on one article costs that article only
            failed(_failure(article, "could not be resolved", error))
            continue
        outcome = write_document(db, resolved)
        if outcome.created:
            summary.new += 1
        else:
            summary.already_stored += 1
        if progress:
            progress(article.source)
    return summary
