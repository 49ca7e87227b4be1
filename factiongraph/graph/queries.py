"""Who stands on each side of a pair of actors, by id: their members, and their visits into the other's
territory (what a pair's timeline with its members reads), and the pair related most."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from factiongraph.kb import KnowledgeBase
from factiongraph.places import places_path, read_places_file
from factiongraph.store.queries import placeholders
from factiongraph.vocab import MEMBERSHIP

if TYPE_CHECKING:
    from factiongraph.graph.network import EdgeTable


def busiest_pair(db: Database) -> tuple[int, int] | None:
    """The ids of the two actors (people or organisations) related in the most documents, if any are."""
    row = db.execute(
        "SELECT s.id, t.id FROM relations r JOIN entities s ON s.id = r.source_id "
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
                if relation.type in MEMBERSHIP and source in entity_of_kb
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


def containing_place() -> dict[str, str]:
    """The places file's place ids (the file in use, :func:`~factiongraph.places.places_path`), each with the id
    of the place that holds it."""
    return _containing_place(places_path())


@cache
def _containing_place(path: Path) -> dict[str, str]:
    places = read_places_file(path).places
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
