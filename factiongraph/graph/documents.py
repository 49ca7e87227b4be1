"""Documents as the reader shows them: the text, its sentences, and the mentions and evidence in it as offsets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factiongraph.errors import NotFoundError
from factiongraph.graph.items import ActorRef, Page, actor_refs, plain_ref


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str | None
    published: str | None
    url: str | None
    language: str | None


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int


@dataclass(frozen=True)
class MentionSpan:
    start: int
    end: int
    entity: ActorRef


@dataclass(frozen=True)
class RelationSpan:
    """A relation said in the document: ``start``/``end`` are the offsets of the sentence that says it."""

    id: int
    type: str
    source: ActorRef
    target: ActorRef
    start: int
    end: int


@dataclass(frozen=True)
class DocumentDetail(DocumentSummary):
    """The document whole; every offset is a character offset into ``text``, which is plain text, never markup."""

    text: str
    sentences: list[TextSpan]
    mentions: list[MentionSpan]
    relations: list[RelationSpan]


_SUMMARY = "SELECT id, title, published, url, lang FROM documents"


def list_documents(db: Database, *, limit: int = 50, offset: int = 0) -> Page[DocumentSummary]:
    """Documents in the order they were stored."""
    total = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    rows = db.execute(f"{_SUMMARY} ORDER BY id LIMIT ? OFFSET ?", [limit, offset]).fetchall()
    return Page([DocumentSummary(*row) for row in rows], total, limit, offset)


def document_summary(db: Database, document_id: int) -> DocumentSummary:
    return DocumentSummary(*_document_row(db, _SUMMARY, document_id))


def _document_row(db: Database, select: str, document_id: int) -> tuple:
    row = db.execute(f"{select} WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id}")
    return row


def document_detail(db: Database, document_id: int) -> DocumentDetail:
    """The document with id ``document_id`` (:class:`NotFoundError` if none), with what was read in it."""
    document = _document_row(db, "SELECT id, title, published, url, lang, text FROM documents", document_id)
    sentences = [
        TextSpan(b, e)
        for b, e in db.execute("SELECT begin, end FROM sentences WHERE document_id = ? ORDER BY idx", [document_id])
    ]
    mention_rows = db.execute(
        "SELECT begin, end, entity_id FROM mentions WHERE document_id = ? AND entity_id IS NOT NULL "
        "ORDER BY begin, end",
        [document_id],
    ).fetchall()
    relation_rows = db.execute(
        "SELECT id, type, source_id, target_id, evidence_begin, evidence_end FROM relations "
        "WHERE document_id = ? ORDER BY evidence_begin, id",
        [document_id],
    ).fetchall()
    refs = actor_refs(db, [r[2] for r in mention_rows] + [r[2] for r in relation_rows] + [r[3] for r in relation_rows])
    plain = {i: plain_ref(r) for i, r in refs.items()}
    return DocumentDetail(
        *document,
        sentences=sentences,
        mentions=[MentionSpan(b, e, plain[i]) for b, e, i in mention_rows],
        relations=[RelationSpan(i, t, plain[s], plain[o], b, e) for i, t, s, o, b, e in relation_rows],
    )
