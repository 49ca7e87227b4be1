"""Build the graph: read articles, parse them, resolve their actors and store each in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import chain, islice
from pathlib import Path
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc
from sqlite_utils import Database

from factiongraph.dates import parse_date
from factiongraph.errors import InputError
from factiongraph.ingest import Article, ReadFailure, detect_language, read_articles
from factiongraph.ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS
from factiongraph.kb import load_kb
from factiongraph.nlp import load_arabic_pipeline, load_pipeline
from factiongraph.nlp.pieces import parse_in_pieces
from factiongraph.nlp.portable import PortableDoc
from factiongraph.records import ResolvedDocument
from factiongraph.resolve import DocumentResolver
from factiongraph.store import WriteOutcome, connect, write_document
from factiongraph.store.queries import entity_candidates
from factiongraph.store.writer import document_id_for
from factiongraph.workers import ordered_map

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
"""Called once per article or failure with its source, so a caller can draw progress."""

PARSE_BATCH = 4
"""Articles parsed together (``nlp.pipe``'s batch; a worker's chunk). Few, so each is stored soon after it
is read (progress moves, an interrupted run keeps what it finished) and a batch's memory stays small:
spaCy's default of 256 articles at once peaked 1.5 GB above the pipeline, for no gain in words per second."""

MIN_ARTICLES_FOR_WORKERS = 16
"""Fewer new articles than this are parsed in this process whatever ``workers`` says: a worker loads the
pipeline (seconds) before its first article, and at about 0.1 s an article the second worker gains that
back only past some twenty articles."""

ARTICLES_PER_WORKER = 1_000
"""Articles a worker process parses before a fresh one takes its place, giving back what a long-lived
pipeline holds on to (see README: what grew); reloading the pipeline costs about 1% of that work."""


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
    batch_size: int | None = None,
) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parsed ``Doc``, in input order, read as it is parsed: English in batches of
    ``batch_size`` (the pipeline's own by default) through the English pipeline's ``nlp.pipe``; Arabic
    through the Arabic pipeline, and a text over a pipeline's ``max_length`` in pieces
    (:func:`parse_in_pieces`), one by one. The English pipeline loads at the first English article, so an
    Arabic input never loads it.

    With ``on_failure``, an article the pipeline breaks on is handed to it as a failure and the
    others go on: when a batch breaks, each of its articles is parsed again alone, so only the one at
    fault is lost. Without it, the error is raised. An error reading the input is raised once the articles
    before it are out.
    """
    english: Language | None = None
    batch: list[Article] = []

    def english_pipeline() -> Language:
        nonlocal english
        english = english or load_pipeline(kb_path)
        return english

    def parse_alone(article: Article) -> Iterator[tuple[Article, Doc]]:
        nlp = load_arabic_pipeline(kb_path) if _is_arabic(article) else english_pipeline()
        try:
            doc = parse_in_pieces(nlp, article.text) if len(article.text) > nlp.max_length else nlp(article.text)
        except Exception as error:  # whatever breaks on one article is that article's failure
            if on_failure is None:
                raise
            on_failure(_failure(article, "could not be parsed", error))
        else:
            yield article, doc

    def parse_batch() -> Iterator[tuple[Article, Doc]]:
        """The English articles read since the last batch, if any."""
        taken = batch.copy()
        batch.clear()
        if not taken:
            return
        try:
            docs = list(english_pipeline().pipe((a.text for a in taken), batch_size=len(taken)))
        except Exception:
            if on_failure is None:
                raise
            for article in taken:  # the batch that broke, parsed again article by article
                yield from parse_alone(article)
            return
        yield from zip(taken, docs, strict=True)

    source = iter(articles)
    while True:
        try:
            article = next(source, None)
        except Exception as error:  # the input's, not the pipeline's
            yield from parse_batch()
            raise error
        if article is None:
            break
        if _is_arabic(article) or len(article.text) > english_pipeline().max_length:
            yield from parse_batch()
            yield from parse_alone(article)
            continue
        batch.append(article)
        if len(batch) >= (batch_size or english_pipeline().batch_size):
            yield from parse_batch()
    yield from parse_batch()


def _is_arabic(article: Article) -> bool:
    return (article.lang or detect_language(article.text)) == "ar"


def _failure(article: Article, doing: str, error: Exception) -> ReadFailure:
    """One article's failure in one line; its traceback goes to the debug log for whoever looks into it."""
    logger.debug("%s: %s", article.source, doing, exc_info=error)
    return ReadFailure.from_error(article.source, doing, error)


StoreRead = tuple[tuple[tuple[str, ...], tuple[str, ...], str], tuple[tuple[str, str, bool], ...]]
"""One question resolution asked the store (name keys, transliteration keys, type) and the candidates it got."""


@dataclass(frozen=True)
class ExtractedArticle:
    """One article as a worker process extracts it (:func:`extract_articles`): plain data that pickles, for
    the store's one writer to resolve and write (:func:`store_extracted`).

    Resolution must read the store in input order: whether a name is an entity stored before depends on
    every article ahead of it. So a worker resolves ahead against the store as it finds it and keeps what it
    asked and was answered (``store_reads``); the writer asks again when the article's turn comes, and the
    same answers make it the writer's resolution (the resolver reads the store nowhere else). Otherwise, or
    when the worker had no store to read, the writer resolves again from ``doc``.
    """

    article: Article
    doc: PortableDoc
    resolved: ResolvedDocument | None = None
    store_reads: tuple[StoreRead, ...] = ()


def store_resolver(db: Database, kb_path: Path | None = None) -> DocumentResolver:
    """A resolver that links to what ``db`` has stored: the writer's."""
    return DocumentResolver(
        load_kb(kb_path), lambda keys, skeletons, kind: entity_candidates(db, keys, skeletons, kind)
    )


class _RecordedStore:
    """A resolver's candidate finder over a store that keeps each question and answer (``store_reads``)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.reads: list[StoreRead] = []

    def __call__(self, keys: list[str], skeletons: list[str], kind: str) -> list[tuple[str, str, bool]]:
        found = entity_candidates(self.db, keys, skeletons, kind)
        self.reads.append(((tuple(keys), tuple(skeletons), kind), tuple(found)))
        return found


@cache
def _worker_resolver(kb_path: Path | None, store_path: str) -> tuple[DocumentResolver, _RecordedStore]:
    """One resolver per worker process, reading the store through its own connection."""
    recorded = _RecordedStore(connect(store_path))
    return DocumentResolver(load_kb(kb_path), recorded), recorded


def extract_articles(
    articles: list[Article], *, kb_path: Path | None = None, store_path: str | None = None
) -> list[ExtractedArticle | ReadFailure]:
    """Worker side: parse ``articles`` (in one ``nlp.pipe`` batch) into picklable results, one per article in
    order, an article the pipeline breaks on a failure. With ``store_path``, each is also resolved ahead
    against that store (:class:`ExtractedArticle`); a worker that cannot reach the store leaves it to the writer.
    """
    results: list[ExtractedArticle | ReadFailure] = []  # parse_articles hands out both in input order
    for article, doc in parse_articles(articles, kb_path=kb_path, on_failure=results.append, batch_size=len(articles)):
        results.append(_extracted(article, doc, kb_path, store_path))
    return results


def extract_article(
    article: Article, *, kb_path: Path | None = None, store_path: str | None = None
) -> ExtractedArticle | ReadFailure:
    """Worker side, one article: :func:`extract_articles` of ``[article]``."""
    [result] = extract_articles([article], kb_path=kb_path, store_path=store_path)
    return result


def _extracted(article: Article, doc: Doc, kb_path: Path | None, store_path: str | None) -> ExtractedArticle:
    portable = PortableDoc.from_doc(doc)
    if store_path is None:
        return ExtractedArticle(article, portable)
    resolver, recorded = _worker_resolver(kb_path, store_path)
    recorded.reads = []
    try:
        resolved = resolver.resolve(doc, article)
    except Exception:  # the writer resolves it again, and tells the failure if it is one
        return ExtractedArticle(article, portable)
    return ExtractedArticle(article, portable, resolved, tuple(recorded.reads))


def resolve_extracted(db: Database, extracted: ExtractedArticle, resolver: DocumentResolver) -> ResolvedDocument:
    """Writer side: the worker's resolution when ``db`` answers what it asked as it was answered, else
    ``resolver``'s (:func:`store_resolver`) from the article's ``Doc``."""
    if extracted.resolved is not None and all(
        tuple(entity_candidates(db, list(keys), list(skeletons), kind)) == answer
        for (keys, skeletons, kind), answer in extracted.store_reads
    ):
        return extracted.resolved
    return resolver.resolve(extracted.doc.to_doc(), extracted.article)


def store_extracted(db: Database, extracted: ExtractedArticle, resolver: DocumentResolver) -> WriteOutcome:
    """Writer side: resolve one extracted article (:func:`resolve_extracted`) and write it in one transaction.
    Call it in input order: resolution reads what the articles before it stored."""
    return write_document(db, resolve_extracted(db, extracted, resolver))


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
    [(_, doc)] = parse_articles([prepared], kb_path=kb_path)
    return write_document(db, store_resolver(db, kb_path).resolve(doc, prepared))


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
    workers: int = 1,
    engine: Literal["local", "ray"] = "local",
    address: str | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``db``; bad files and articles are counted, the rest of the batch goes on.

    Articles already stored (same content fingerprint) are skipped before parsing,
    so re-running an ingest adds nothing and costs little. A file over ``max_bytes`` or an article
    over ``max_chars`` is refused; one the pipeline or the resolver breaks on is that article's
    failure alone. Each article is stored, in one transaction, as soon as it is parsed and resolved.

    With ``workers`` above 1, articles are parsed in that many worker processes (:func:`extract_articles`)
    and resolved and written here, in input order (:func:`resolve_extracted`): the same graph as one
    process makes. The input is read as the workers take it, so memory does not grow with the corpus;
    fewer than :data:`MIN_ARTICLES_FOR_WORKERS` new articles are parsed here.

    With ``engine="ray"``, articles are parsed by Ray actors (:func:`factiongraph.ray_engine.ray_ordered_map`)
    on every node of the cluster at ``address`` (a Ray instance started here without it), ``workers`` aside,
    and resolved and written here as with workers. Actors on other machines cannot read the store, so with
    ``address`` they leave all resolution to the writer.
    """
    summary = IngestSummary()
    resolver: DocumentResolver | None = None
    unfinished: set[str] = set()  # fingerprints read and not yet stored: a copy meanwhile is not parsed twice

    def failed(failure: ReadFailure) -> None:
        summary.failures.append(failure)
        logger.warning("%s", failure)
        if progress:
            progress(failure.source)

    def new_articles() -> Iterator[Article]:
        items = prepared_articles(paths, published=published, lang=lang, max_bytes=max_bytes, max_chars=max_chars)
        for item in items:
            if isinstance(item, ReadFailure):
                failed(item)
            elif item.fingerprint in unfinished or document_id_for(db, item.fingerprint) is not None:
                summary.already_stored += 1
                if progress:
                    progress(item.source)
            else:
                unfinished.add(item.fingerprint)
                yield item

    def store(article: Article, resolve: Callable[[DocumentResolver], ResolvedDocument]) -> None:
        nonlocal resolver
        resolver = resolver or store_resolver(db, kb_path)
        try:
            resolved = resolve(resolver)
        except Exception as error:  # a resolver that breaks on one article costs that article only
            failed(_failure(article, "could not be resolved", error))
            return
        outcome = write_document(db, resolved)
        unfinished.discard(article.fingerprint)
        if outcome.created:
            summary.new += 1
        else:
            summary.already_stored += 1
        if progress:
            progress(article.source)

    articles = new_articles()
    if engine == "ray":
        from factiongraph.ray_engine import ray_ordered_map  # here: Ray loads only for this engine

        extracted = ray_ordered_map(
            partial(extract_articles, kb_path=kb_path, store_path=None if address else _store_path(db)),
            articles,
            chunk_size=PARSE_BATCH,
            chunks_per_actor=ARTICLES_PER_WORKER // PARSE_BATCH,
            on_broken=lambda article, error: _failure(article, "broke in its Ray actor", error),
            address=address,
        )
    else:
        first = list(islice(articles, MIN_ARTICLES_FOR_WORKERS)) if workers > 1 else []
        if len(first) < MIN_ARTICLES_FOR_WORKERS:
            for article, doc in parse_articles(
                chain(first, articles), kb_path=kb_path, on_failure=failed, batch_size=PARSE_BATCH
            ):
                store(article, lambda resolver: resolver.resolve(doc, article))  # noqa: B023 - called at once
            return summary
        extracted = ordered_map(
            partial(extract_articles, kb_path=kb_path, store_path=_store_path(db)),
            chain(first, articles),
            workers=workers,
            chunk_size=PARSE_BATCH,
            chunks_per_worker=ARTICLES_PER_WORKER // PARSE_BATCH,
            on_broken=lambda article, error: _failure(article, "broke its worker process", error),
        )
    for item in extracted:
        if isinstance(item, ReadFailure):
            failed(item)
        else:
            store(item.article, lambda resolver: resolve_extracted(db, item, resolver))  # noqa: B023 - called at once
    return summary


def _store_path(db: Database) -> str | None:
    """The file of ``db``'s main database, for workers to read; ``None`` for a store in memory."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return file
    return None
