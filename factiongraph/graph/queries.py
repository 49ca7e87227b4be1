"""The query API: what the CLI, the API and the exports ask of the graph."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from factiongraph.errors import UnknownActorError
from factiongraph.keys import name_key
from factiongraph.store.queries import entity_ids_for_name


@dataclass(frozen=True)
class ActorSummary:
    id: int
    name: str
    type: str
    kb_id: str | None
    mentions: int
    documents: int


@dataclass(frozen=True)
class Evidence:
    """Where a fact is said: document, character offsets in it, the sentence, and its date."""

    document_id: int
    document_title: str | None
    published: str | None
    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class RelationView:
    id: int
    type: str
    source_id: int
    source: str
    target_id: int
    target: str
    when: str | None
    precision: str
    evidence: Evidence


@dataclass
class ActorProfile:
    """One actor: its names in every spelling, what it belongs to, and every relation with its quote."""

    id: int
    name: str
    type: str
    kb_id: str | None
    names: list[str] = field(default_factory=list)
    names_in_text: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    precision: str | None = None
    affiliations: list[RelationView] = field(default_factory=list)
    relations: list[RelationView] = field(default_factory=list)


_RELATION_SELECT = """
    SELECT r.id, r.type, r.source_id, s.name AS source, r.target_id, t.name AS target,
           r.when_start, r.precision, r.document_id, d.title, d.published,
           r.evidence_begin, r.evidence_end,
           substr(d.text, r.evidence_begin + 1, r.evidence_end - r.evidence_begin) AS quote
    FROM relations r
    JOIN entities s ON s.id = r.source_id
    JOIN entities t ON t.id = r.target_id
    JOIN documents d ON d.id = r.document_id
"""


def _relation_view(row: tuple) -> RelationView:
    (rid, rtype, sid, sname, tid, tname, when, precision, doc_id, title, published, begin, end, quote) = row
    return RelationView(
        rid, rtype, sid, sname, tid, tname, when, precision, Evidence(doc_id, title, published, begin, end, quote)
    )


def list_actors(db: Database, *, entity_type: str | None = None, limit: int | None = None) -> list[ActorSummary]:
    """Actors with at least one mention, most mentioned first."""
    sql = (
        "SELECT e.id, e.name, e.type, e.kb_id, COUNT(m.id), COUNT(DISTINCT m.document_id) "
        "FROM entities e JOIN mentions m ON m.entity_id = e.id "
        + ("WHERE e.type = ? " if entity_type else "")
        + "GROUP BY e.id ORDER BY COUNT(m.id) DESC, e.name"
        + (" LIMIT ?" if limit else "")
    )
    params: list[object] = [p for p in (entity_type, limit) if p]
    return [ActorSummary(*row) for row in db.execute(sql, params).fetchall()]


def find_actor(db: Database, name: str) -> int:
    """The id of the actor answering to ``name`` (any alias, any spelling the keys fold)."""
    ids = entity_ids_for_name(db, name_key(name))
    if not ids:
        raise UnknownActorError(name)
    return ids[0]


def relations_of(db: Database, entity_id: int) -> list[RelationView]:
    """Every relation the actor is source or target of, oldest dated first, undated last."""
    rows = db.execute(
        _RELATION_SELECT + " WHERE r.source_id = ? OR r.target_id = ? "
        "ORDER BY r.when_start IS NULL, r.when_start, d.published, r.document_id, r.evidence_begin",
        [entity_id, entity_id],
    ).fetchall()
    return [_relation_view(row) for row in rows]


def actor_profile(db: Database, name: str) -> ActorProfile:
    """Everything the graph holds about the actor called ``name``."""
    entity_id = find_actor(db, name)
    eid, ename, etype, kb_id, latitude, longitude, precision = db.execute(
        "SELECT id, name, type, kb_id, latitude, longitude, precision FROM entities WHERE id = ?", [entity_id]
    ).fetchone()
    names = [r[0] for r in db.execute("SELECT name FROM aliases WHERE entity_id = ? ORDER BY id", [entity_id])]
    names_in_text = [
        r[0]
        for r in db.execute(
            "SELECT text FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY COUNT(*) DESC, text", [entity_id]
        )
    ]
    relations = relations_of(db, entity_id)
    affiliations = [r for r in relations if r.type in ("BelongsTo", "InChargeOf") and r.source_id == entity_id]
    return ActorProfile(
        eid, ename, etype, kb_id, names, names_in_text, latitude, longitude, precision, affiliations, relations
    )


def busiest_pair(db: Database) -> tuple[str, str] | None:
    """The two actors (people or organisations) related in the most documents, if any are."""
    row = db.execute(
        "SELECT s.name, t.name FROM relations r JOIN entities s ON s.id = r.source_id "
        "JOIN entities t ON t.id = r.target_id "
        "WHERE s.type IN ('Person', 'Organisation') AND t.type IN ('Person', 'Organisation') "
        "GROUP BY MIN(r.source_id, r.target_id), MAX(r.source_id, r.target_id) "
        "ORDER BY COUNT(DISTINCT r.document_id) DESC, COUNT(*) DESC, MIN(r.id) LIMIT 1"
    ).fetchone()
    return (row[0], row[1]) if row else None


def relations_between(db: Database, first: str, second: str) -> list[RelationView]:
    """The timeline of relations between two actors (either direction), oldest first."""
    a, b = find_actor(db, first), find_actor(db, second)
    rows = db.execute(
        _RELATION_SELECT + " WHERE (r.source_id = ? AND r.target_id = ?) OR (r.source_id = ? AND r.target_id = ?) "
        "ORDER BY COALESCE(r.when_start, d.published) IS NULL, COALESCE(r.when_start, d.published), r.evidence_begin",
        [a, b, b, a],
    ).fetchall()
    return [_relation_view(row) for row in rows]
