"""The query API: what the CLI, the API and the exports ask of the graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from sqlite_utils import Database

from factiongraph.errors import UnknownActorError
from factiongraph.kb import KnowledgeBase
from factiongraph.keys import name_key
from factiongraph.places import default_places_path, read_places_file
from factiongraph.store.queries import entity_ids_for_name, placeholders, published_window, sentence_sql

if TYPE_CHECKING:
    from factiongraph.graph.network import EdgeTable


@dataclass(frozen=True)
class ActorSummary:
    id: int
    name: str
    type: str
    kb_id: str | None
    mentions: int
    documents: int


@dataclass(frozen=True)
class Citation:
    """The sentence that says a fact, with its character offsets in the document's text."""

    document_id: int
    title: str | None
    published: str | None
    sentence: str
    start: int
    end: int


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


_MEMBERSHIP = ("BelongsTo", "InChargeOf")

_RELATION_SELECT = f"""
    SELECT r.id, r.type, r.source_id, s.name AS source, r.target_id, t.name AS target,
           r.when_start, r.when_end, r.precision, r.document_id, d.title, d.published,
           r.evidence_begin, r.evidence_end,
           {sentence_sql("r")} AS quote
    FROM relations r
    JOIN entities s ON s.id = r.source_id
    JOIN entities t ON t.id = r.target_id
    JOIN documents d ON d.id = r.document_id
"""


def _relation_view(row: tuple) -> RelationView:
    (rid, rtype, sid, sname, tid, tname, start, end, precision, doc_id, title, published, begin, stop, quote) = row
    evidence = Evidence(doc_id, title, published, begin, stop, quote)
    return RelationView(rid, rtype, sid, sname, tid, tname, format_when(start, end), precision, evidence)


def format_when(start: str | None, end: str | None) -> str | None:
    """A date ("2019-09") or an ISO 8601 interval with open ends as ".." ("2017/..", "../2017-07")."""
    if start is None and end is None:
        return None
    if start == end:
        return start
    return f"{start or '..'}/{end or '..'}"


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
    return profile_of(db, find_actor(db, name))


def profile_of(db: Database, entity_id: int) -> ActorProfile:
    """:func:`actor_profile` for an actor known by id (after a merge or split, a name may be shared)."""
    eid, ename, etype, kb_id, latitude, longitude, precision = db.execute(
        "SELECT id, name, type, kb_id, latitude, longitude, precision FROM entities WHERE id = ?", [entity_id]
    ).fetchone()
    names = [r[0] for r in db.execute("SELECT name FROM aliases WHERE entity_id = ? ORDER BY id", [entity_id])]
    names_in_text = [
        r[0]
        for r in db.execute(
            "SELECT text FROM mentions WHERE entity_id = ? "
            "AND name_key IN (SELECT name_key FROM aliases WHERE entity_id = ?) "
            "GROUP BY text ORDER BY COUNT(*) DESC, text",
            [entity_id, entity_id],
        )
    ]
    relations = relations_of(db, entity_id)
    affiliations = [r for r in relations if r.type in _MEMBERSHIP and r.source_id == entity_id]
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


def members_of(
    db: Database, entity_id: int, kb: KnowledgeBase | None = None, table: EdgeTable | None = None
) -> set[int]:
    """The actor, the factions that belong to it and the people in charge of or belonging to any of
    them, as the store's relations and the KB's public affiliations say (two levels down); read from
    ``table`` (:class:`~factiongraph.graph.network.EdgeTableCache`) when given."""
    entity_of_kb = dict(db.execute("SELECT kb_id, id FROM entities WHERE kb_id IS NOT NULL").fetchall())
    kb_of_entity = {v: k for k, v in entity_of_kb.items()}
    members = {entity_id}
    for _ in range(2):
        marks = placeholders(members)
        found = (
            table.members(members)
            if table is not None
            else {
                row[0]
                for row in db.execute(
                    "SELECT source_id FROM relations "
                    f"WHERE type IN ('BelongsTo', 'InChargeOf') AND target_id IN ({marks})",
                    list(members),
                )
            }
        )
        if kb is not None:
            found |= {
                entity_of_kb[source]
                for m in members
                if m in kb_of_entity
                for source, relation in kb.relations_into.get(kb_of_entity[m], [])
                if relation.type in _MEMBERSHIP and source in entity_of_kb
            }
        if found <= members:
            break
        members |= found
    return members


def pair_sides(
    db: Database, a: int, b: int, include_members: bool, kb: KnowledgeBase | None, table: EdgeTable | None = None
) -> tuple[set[int], set[int]]:
    """The actors on each side of the pair ``a``, ``b``: each alone, or with ``include_members`` with its
    members (:func:`members_of`); an actor both count as a member of stays off both sides."""
    side_a = members_of(db, a, kb, table) if include_members else {a}
    side_b = members_of(db, b, kb, table) if include_members else {b}
    return (side_a - side_b) | {a}, (side_b - side_a) | {b}


def between_sides(side_a: set[int], side_b: set[int]) -> tuple[str, list[object]]:
    """SQL (on ``relations r``) keeping relations from either side to the other, and its parameters."""
    marks_a, marks_b = placeholders(side_a), placeholders(side_b)
    sql = (
        f"((r.source_id IN ({marks_a}) AND r.target_id IN ({marks_b}))"
        f" OR (r.source_id IN ({marks_b}) AND r.target_id IN ({marks_a})))"
    )
    return sql, [*side_a, *side_b, *side_b, *side_a]


def relations_between(
    db: Database,
    first: str,
    second: str,
    *,
    include_members: bool = False,
    kb: KnowledgeBase | None = None,
    start: str | None = None,
    end: str | None = None,
) -> list[RelationView]:
    """The timeline of relations between two actors (either direction), oldest first.

    With ``include_members``, relations between their member factions and the people
    in charge of them count too. ``start``/``end`` (ISO prefixes) keep relations whose
    date, or failing that their article's publication date, falls in the window.
    """
    side_a, side_b = pair_sides(db, find_actor(db, first), find_actor(db, second), include_members, kb)
    between, params = between_sides(side_a, side_b)
    if include_members:
        visits = territory_visits(db, side_a, side_b)
        if visits:
            between = f"({between} OR r.id IN ({placeholders(visits)}))"
            params += sorted(visits)
    window, window_params = published_window("r", start, end)
    rows = db.execute(
        _RELATION_SELECT + f" WHERE {between} AND {window}"
        " ORDER BY COALESCE(r.when_start, d.published) IS NULL, COALESCE(r.when_start, d.published), r.evidence_begin",
        [*params, *window_params],
    ).fetchall()
    return [_relation_view(row) for row in rows]


@cache
def containing_place() -> dict[str, str]:
    """The project gazetteer's place ids, each with the id of the place that holds it."""
    places = read_places_file(default_places_path()).places
    kinds = {p.id: p.kind for p in places}
    return {f"fg:{p.id}": f"fg:{p.within}" for p in places if p.within and kinds.get(p.within) != "country"}


def place_chain(place_id: str) -> set[str]:
    """The place and every place that holds it, up the gazetteer (:func:`containing_place`)."""
    within = containing_place()
    chain = {place_id}
    while place_id in within and within[place_id] not in chain:
        place_id = within[place_id]
        chain.add(place_id)
    return chain


def territory_visits(db: Database, side_a: set[int], side_b: set[int]) -> set[int]:
    """Ids of CoLocated relations that put either side's people or factions in a place the other holds:
    a commander seen in a town of the rival's governorate is part of how the two relate."""
    marks = placeholders(side_a | side_b)
    placed = db.execute(
        "SELECT r.id, r.type, r.source_id, r.target_id FROM relations r JOIN entities t ON t.id = r.target_id "
        f"WHERE r.type IN ('Controls', 'CoLocated') AND t.place_id IS NOT NULL AND r.source_id IN ({marks})",
        sorted(side_a | side_b),
    ).fetchall()
    edges = visit_edges(db, side_a, side_b, {(rtype, source, target) for _, rtype, source, target in placed})
    return {rid for rid, rtype, source, target in placed if rtype == "CoLocated" and (source, target) in edges}


def visit_edges(
    db: Database, side_a: set[int], side_b: set[int], placed: set[tuple[str, int, int]]
) -> set[tuple[int, int]]:
    """Of the ``placed`` (type, source, target) edges, Controls and CoLocated relations from either side to a
    place, the (source, target) of the CoLocated ones that are visits: see :func:`territory_visits`."""
    targets = sorted({target for _, _, target in placed})
    place_of = dict(
        db.execute(f"SELECT id, place_id FROM entities WHERE id IN ({placeholders(targets)})", targets).fetchall()
    )
    within = containing_place()
    chain_of = {place_id: place_chain(place_id) for place_id in set(place_of.values())}

    def visits(visitors: set[int], holders: set[int]) -> set[tuple[int, int]]:
        # A town node also stands for the area named after it ("controls Idlib governorate" is on Idlib's node)
        territory = {
            p
            for rtype, source, target in placed
            if rtype == "Controls" and source in holders
            for p in (place_of[target], within.get(place_of[target]))
            if p
        }
        return {
            (source, target)
            for rtype, source, target in placed
            if rtype == "CoLocated" and source in visitors and not chain_of[place_of[target]].isdisjoint(territory)
        }

    return visits(side_a, side_b) | visits(side_b, side_a)
