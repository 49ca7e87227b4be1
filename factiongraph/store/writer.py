"""Write one resolved document in one transaction; a document already stored adds nothing.

Rows are written with plain ``INSERT`` statements, a table's rows of a document in one where there are many,
rather than through sqlite-utils' table methods: those look the schema up again (table names, columns,
indexes) around every insert, some 800 statements an article, a fifth of one process's ingest time and, with
workers, time the writer takes from their parsing. ``sqlite3`` keeps each statement's text prepared on the
connection, so a statement of the same shape is not compiled again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from itertools import islice

from sqlite_utils import Database

from factiongraph.records import EntityRecord, ResolvedDocument
from factiongraph.store.corrections import apply_corrections
from factiongraph.store.events import link_mentions
from factiongraph.store.transactions import write_transaction

DOCUMENT_COLUMNS = (
    "fingerprint",
    "source",
    "external_id",
    "title",
    "url",
    "outlet",
    "author",
    "published",
    "lang",
    "text",
    "ingested_at",
)
ENTITY_COLUMNS = ("key", "type", "name", "kb_id", "place_id", "latitude", "longitude", "precision")
ALIAS_COLUMNS = ("entity_id", "name", "name_key", "translit_key")
MENTION_COLUMNS = ("document_id", "sentence_id", "begin", "end", "text", "type", "entity_id", "name_key")
RELATION_COLUMNS = (
    "type",
    "source_id",
    "target_id",
    "document_id",
    "sentence_id",
    "source_begin",
    "source_end",
    "target_begin",
    "target_end",
    "evidence_begin",
    "evidence_end",
    "when_start",
    "when_end",
    "precision",
)
EVENT_MENTION_COLUMNS = (
    "type",
    "trigger",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "document_id",
    "sentence_id",
    "place_id",
    "when_start",
    "when_end",
    "precision",
    "evidence_begin",
    "evidence_end",
    "killed",
    "injured",
    "joined_because",
)
CLAIM_COLUMNS = (
    "document_id",
    "sentence_id",
    "speaker_id",
    "speaker_text",
    "stance",
    "content",
    "cue",
    "when_start",
    "when_end",
    "evidence_begin",
    "evidence_end",
)


@dataclass(frozen=True)
class WriteOutcome:
    document_id: int
    created: bool


ROWS_PER_STATEMENT = 100
"""Rows one ``INSERT`` writes at most (sqlite-utils' batch, well under SQLite's limit of bound values)."""


@cache
def _insert_sql(table: str, columns: tuple[str, ...], rows: int = 1, *, ignore: bool = False) -> str:
    """``INSERT [OR IGNORE] INTO "table" (columns) VALUES (?, ...), ...`` for ``rows`` rows: the same text for the
    same shape, so ``sqlite3`` keeps it prepared."""
    quoted = ", ".join(f'"{column}"' for column in columns)
    values = ", ".join([f"({', '.join('?' * len(columns))})"] * rows)
    return f'INSERT {"OR IGNORE " if ignore else ""}INTO "{table}" ({quoted}) VALUES {values}'


def _insert(db: Database, table: str, columns: tuple[str, ...], row: Sequence[object]) -> int:
    """Insert one row; its id."""
    return int(db.conn.execute(_insert_sql(table, columns), row).lastrowid)


def _insert_rows(
    db: Database, table: str, columns: tuple[str, ...], rows: Iterable[Sequence[object]], *, ignore: bool = False
) -> None:
    """Insert ``rows`` in order, :data:`ROWS_PER_STATEMENT` to a statement."""
    source = iter(rows)
    while chunk := list(islice(source, ROWS_PER_STATEMENT)):
        sql = _insert_sql(table, columns, len(chunk), ignore=ignore)
        db.conn.execute(sql, [value for row in chunk for value in row])


def document_id_for(db: Database, fingerprint: str) -> int | None:
    row = db.execute("SELECT id FROM documents WHERE fingerprint = ?", [fingerprint]).fetchone()
    return row[0] if row else None


def upsert_entity(db: Database, entity: EntityRecord) -> int:
    """Get or create the entity by key, and add any alias it did not have."""
    row = db.conn.execute("SELECT id FROM entities WHERE key = ?", [entity.key]).fetchone()
    if row:
        entity_id = int(row[0])
    else:
        place = entity.place
        located = (place.id, place.latitude, place.longitude, place.precision) if place else (None,) * 4
        entity_id = _insert(
            db, "entities", ENTITY_COLUMNS, (entity.key, entity.type, entity.name, entity.kb_id, *located)
        )
    split_off = {
        row[0] for row in db.conn.execute("SELECT name_key FROM alias_splits WHERE entity_key = ?", [entity.key])
    }
    _insert_rows(
        db,
        "aliases",
        ALIAS_COLUMNS,
        ((entity_id, alias.name, alias.key, alias.translit) for alias in entity.aliases if alias.key not in split_off),
        ignore=True,
    )
    return entity_id


def write_document(db: Database, resolved: ResolvedDocument) -> WriteOutcome:
    """Store ``resolved`` whole or not at all (one transaction), keyed by its content fingerprint.

    The transaction holds the write lock from its start, so the fingerprint and the analyst's corrections
    are read as they are when it writes: another process storing the same article, or merging actors,
    meanwhile is seen, never raced.
    """
    article = resolved.article
    with write_transaction(db):
        existing = document_id_for(db, article.fingerprint)
        if existing is not None:
            return WriteOutcome(existing, created=False)
        resolved = apply_corrections(db, resolved)
        ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
        document_id = _insert(
            db,
            "documents",
            DOCUMENT_COLUMNS,
            (
                article.fingerprint,
                article.source,
                article.external_id,
                article.title,
                article.url,
                article.outlet,
                article.author,
                article.published,
                article.lang,
                article.text,
                ingested_at,
            ),
        )
        _insert_rows(
            db,
            "sentences",
            ("document_id", "idx", "begin", "end"),
            ((document_id, i, b, e) for i, (b, e) in enumerate(resolved.sentences)),
        )
        sentence_ids = [
            row[0]
            for row in db.conn.execute("SELECT id FROM sentences WHERE document_id = ? ORDER BY idx", [document_id])
        ]
        entity_ids = {key: upsert_entity(db, entity) for key, entity in resolved.entities.items()}
        _insert_rows(
            db,
            "mentions",
            MENTION_COLUMNS,
            (
                (
                    document_id,
                    sentence_ids[m.sentence],
                    m.begin,
                    m.end,
                    m.text,
                    m.type,
                    entity_ids.get(m.entity_key) if m.entity_key else None,
                    m.name_key,
                )
                for m in resolved.mentions
            ),
        )
        _insert_rows(
            db,
            "relations",
            RELATION_COLUMNS,
            (
                (
                    r.type,
                    entity_ids[r.source_key],
                    entity_ids[r.target_key],
                    document_id,
                    sentence_ids[r.sentence],
                    r.source_begin,
                    r.source_end,
                    r.target_begin,
                    r.target_end,
                    r.evidence_begin,
                    r.evidence_end,
                    r.when_start,
                    r.when_end,
                    r.precision,
                )
                for r in resolved.relations
            ),
            ignore=True,
        )
        mention_ids = []
        for event in resolved.events:
            mention_id = _insert(
                db,
                "event_mentions",
                EVENT_MENTION_COLUMNS,
                (
                    event.type,
                    event.trigger,
                    event.mode,
                    event.acled_event_type,
                    event.acled_sub_event_type,
                    document_id,
                    sentence_ids[event.sentence],
                    entity_ids.get(event.place_key) if event.place_key else None,
                    event.when_start,
                    event.when_end,
                    event.precision,
                    event.evidence_begin,
                    event.evidence_end,
                    event.killed,
                    event.injured,
                    "",
                ),
            )
            mention_ids.append(mention_id)
            _insert_rows(
                db,
                "event_mention_actors",
                ("mention_id", "entity_id", "role"),
                ((mention_id, entity_ids[key], role) for key, role in event.actors),
                ignore=True,
            )
        if mention_ids:
            link_mentions(db, mention_ids)
        for claim in resolved.claims:
            claim_id = _insert(
                db,
                "claims",
                CLAIM_COLUMNS,
                (
                    document_id,
                    sentence_ids[claim.sentence],
                    entity_ids.get(claim.speaker_key) if claim.speaker_key else None,
                    claim.speaker_text,
                    claim.stance,
                    claim.content,
                    claim.cue,
                    claim.when_start,
                    claim.when_end,
                    claim.evidence_begin,
                    claim.evidence_end,
                ),
            )
            _insert_rows(
                db,
                "claim_about",
                ("claim_id", "entity_id"),
                ((claim_id, entity_ids[key]) for key in claim.about),
                ignore=True,
            )
    return WriteOutcome(document_id, created=True)
