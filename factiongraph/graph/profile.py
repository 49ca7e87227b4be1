"""An actor's page and a pair's timeline by id: what the API's actor and pair views show.

Each list is capped (``limit``) and its full length kept in ``totals``, so a page for an actor quoted in
thousands of sentences costs what one for a minor actor does; the paged lists give the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlite_utils import Database

from factiongraph.errors import NotFoundError
from factiongraph.graph.items import (
    ActorRef,
    ClaimItem,
    EventItem,
    RelationItem,
    check_actor,
    claim_items,
    dated_order,
    event_items,
    ordered_read_is_cheaper,
    page_ids,
    relation_items,
)
from factiongraph.graph.kb_links import KbRelation, kb_relations
from factiongraph.graph.queries import between_sides, pair_sides, territory_visits
from factiongraph.kb import KnowledgeBase
from factiongraph.store.queries import placeholders, published_window

if TYPE_CHECKING:
    from factiongraph.graph.network import EdgeTable


@dataclass
class ActorDetail:
    """One actor: every name, its place in coalitions and command, its territory, relations, events, claims."""

    id: int
    name: str
    type: str
    kb_id: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    """How exactly ``lat``/``lon`` place it (a town's, a governorate's centre, ...)."""
    names: list[str]
    affiliations: list[RelationItem] = field(default_factory=list)
    members: list[RelationItem] = field(default_factory=list)
    commanders: list[RelationItem] = field(default_factory=list)
    commands: list[RelationItem] = field(default_factory=list)
    territory: list[RelationItem] = field(default_factory=list)
    relations: list[RelationItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)
    claims_about: list[ClaimItem] = field(default_factory=list)
    claims_by: list[ClaimItem] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    """How many items each list has in all (each list holds at most ``limit``)."""
    knowledge_base: list[KbRelation] = field(default_factory=list)
    """The KB's coalition, command and alliance relations from and to it (not capped: the KB is small)."""


@dataclass
class PairTimeline:
    """Everything between two actors, by date: relations either way, and claims one makes about the other."""

    a: ActorRef
    b: ActorRef
    relations: list[RelationItem]
    claims: list[ClaimItem]
    totals: dict[str, int]


# list name -> (the actor's end of the relation, its type); "relations" holds every type at either end
_RELATION_LISTS = {
    "affiliations": (("source_id",), "BelongsTo"),
    "members": (("target_id",), "BelongsTo"),
    "commanders": (("target_id",), "InChargeOf"),
    "commands": (("source_id",), "InChargeOf"),
    "territory": (("source_id",), "Controls"),
    "relations": (("source_id", "target_id"), None),
}


def actor_detail(db: Database, entity_id: int, *, limit: int = 50, kb: KnowledgeBase | None = None) -> ActorDetail:
    """The actor with id ``entity_id`` (:class:`NotFoundError` if none), each list dated first, oldest first;
    given the ``kb``, with its public affiliations there (``knowledge_base``)."""
    row = db.execute(
        "SELECT name, type, kb_id, latitude, longitude, precision FROM entities WHERE id = ?", [entity_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no actor with id {entity_id}")
    name, etype, kb_id, lat, lon, precision = row
    names = [r[0] for r in db.execute("SELECT name FROM aliases WHERE entity_id = ? ORDER BY id", [entity_id])]
    detail = ActorDetail(entity_id, name, etype, kb_id, lat, lon, precision, names)
    lists: dict[str, list[int]] = {}
    for key, (ends, relation_type) in _RELATION_LISTS.items():
        rows: list[tuple[int, str | None]] = []
        detail.totals[key] = 0
        for end in ends:
            total, page = _dated_relations(db, end, entity_id, relation_type, limit)
            detail.totals[key] += total
            rows += page
        rows.sort(key=lambda row: (row[1] is None, row[1] or "", row[0]))
        lists[key] = [rid for rid, _ in rows[:limit]]
    items = {item.id: item for item in relation_items(db, sorted({i for ids in lists.values() for i in ids}))}
    for key, ids in lists.items():
        setattr(detail, key, [items[i] for i in ids])

    detail.totals["events"], detail.events = _actor_events(db, entity_id, limit)
    for key, where, busy_where, count in (
        (
            "claims_about",
            "c.id IN (SELECT claim_id FROM claim_about WHERE entity_id = ?)",
            "EXISTS (SELECT 1 FROM claim_about a WHERE a.claim_id = c.id AND a.entity_id = ?)",
            "SELECT COUNT(*) FROM claim_about WHERE entity_id = ?",
        ),
        ("claims_by", "c.speaker_id = ?", None, "SELECT COUNT(*) FROM claims WHERE speaker_id = ?"),
    ):
        detail.totals[key] = db.execute(count, [entity_id]).fetchone()[0]
        # the claims about an actor named in many are read in date order (migration 0012) until the page is full
        if busy_where and ordered_read_is_cheaper(db, "claims", detail.totals[key], limit):
            from_where = f"FROM claims c INDEXED BY claims_dated WHERE {busy_where}"
        else:
            from_where = f"FROM claims c WHERE {where}"
        ids = [
            row[0]
            for row in db.execute(f"SELECT c.id {from_where} ORDER BY {dated_order('c')} LIMIT ?", [entity_id, limit])
        ]
        setattr(detail, key, claim_items(db, ids))
    if kb is not None:
        detail.knowledge_base = kb_relations(db, entity_id, kb)
    return detail


def written_as(db: Database, entity_id: int) -> list[str]:
    """The spellings of its names the articles use for the actor, most used first: what readers met, where
    :attr:`ActorDetail.names` is every name it goes by. Read apart from :func:`actor_detail`, which need not
    count a busy actor's mentions."""
    rows = db.execute(
        "SELECT text FROM mentions WHERE entity_id = ? "
        "AND name_key IN (SELECT name_key FROM aliases WHERE entity_id = ?) "
        "GROUP BY text ORDER BY COUNT(*) DESC, text",
        [entity_id, entity_id],
    )
    return [row[0] for row in rows]


def _actor_events(db: Database, entity_id: int, limit: int) -> tuple[int, list[EventItem]]:
    """How many events the actor took part in or that happened at it, and the first ``limit`` by date: those
    of an actor in many events read in date order (migration 0003's ``events_dated``) until the page is full,
    where picking its thousands of events and sorting them would cost more."""
    taking_part = "SELECT event_id FROM event_actors WHERE entity_id = ?"
    total = db.execute(f"SELECT COUNT(DISTINCT event_id) FROM ({taking_part})", [entity_id]).fetchone()[0]
    if ordered_read_is_cheaper(db, "events", total, limit):
        from_where = (
            "FROM events e INDEXED BY events_dated "
            "WHERE EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.entity_id = ?)"
        )
    else:
        from_where = f"FROM events e WHERE e.id IN ({taking_part})"
    rows = db.execute(
        f"SELECT e.id, COALESCE(e.when_start, e.when_end) {from_where} ORDER BY {dated_order('e')} LIMIT ?",
        [entity_id, limit],
    ).fetchall()
    at_place = db.execute("SELECT COUNT(*) FROM events WHERE place_id = ?", [entity_id]).fetchone()[0]
    if at_place:
        total += (
            at_place
            - db.execute(
                f"SELECT COUNT(*) FROM events WHERE place_id = ? AND id IN ({taking_part})", [entity_id, entity_id]
            ).fetchone()[0]
        )
        rows += db.execute(
            f"SELECT e.id, COALESCE(e.when_start, e.when_end) FROM events e WHERE e.place_id = ? "
            f"ORDER BY {dated_order('e')} LIMIT ?",
            [entity_id, limit],
        ).fetchall()
    ordered = sorted(set(rows), key=lambda row: (row[1] is None, row[1] or "", row[0]))
    return total, event_items(db, [eid for eid, _ in ordered[:limit]])


def _dated_relations(
    db: Database, end: str, entity_id: int, relation_type: str | None, limit: int, *, target: int | None = None
) -> tuple[int, list[tuple[int, str | None]]]:
    """How many relations have the actor at ``end`` (of the type, or to ``target``), and the first ``limit``
    by date as ``(id, date)``: read in index order (migration 0003), so a busy actor costs no sort. Without a
    ``target``, the count is the one kept in ``relation_counts`` (migration 0010)."""
    where = f"r.{end} = ?" + (" AND r.type = ?" if relation_type else "") + (" AND r.target_id = ?" if target else "")
    params = [p for p in (entity_id, relation_type, target) if p is not None]
    if target is None:
        kept = "SELECT COALESCE(SUM(relations), 0) FROM relation_counts WHERE entity_id = ? AND end_role = ?"
        kept_params = [entity_id, end.removesuffix("_id")]
        if relation_type:
            kept, kept_params = f"{kept} AND type = ?", [*kept_params, relation_type]
        total = db.execute(kept, kept_params).fetchone()[0]
    else:
        total = db.execute(f"SELECT COUNT(*) FROM relations r WHERE {where}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT r.id, COALESCE(r.when_start, r.when_end) FROM relations r WHERE {where} "
        f"ORDER BY {dated_order('r')} LIMIT ?",
        [*params, limit],
    ).fetchall()
    return total, rows


def pair_timeline(
    db: Database,
    first: int,
    second: int,
    *,
    include_members: bool = False,
    kb: KnowledgeBase | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int = 200,
    table: EdgeTable | None = None,
) -> PairTimeline:
    """Relations either way between two actors and the claims between them, oldest first, undated last.

    As in ``factiongraph relations``: with ``include_members`` their member factions and the people in charge
    of them count too, and the window keeps a fact by its date or, failing that, its article's date. Given the
    ``table`` of every relation and claim (:class:`~factiongraph.graph.network.EdgeTableCache`), the sides, their
    relations, visits and claims are read from it: two coalitions of a thousand members each are a few vector
    operations.
    """
    a, b = check_actor(db, first), check_actor(db, second)
    side_a, side_b = pair_sides(db, first, second, include_members, kb, table)
    if include_members and table is not None:
        total, relation_ids, visits_total, visit_ids = table.between(side_a, side_b, start=start, end=end, limit=limit)
        relations = relation_items(db, relation_ids) + relation_items(db, visit_ids)
        relations = sorted(relations, key=lambda r: (r.start is None, r.start or ""))[:limit]
        claim_ids, claims_total = table.claims.between(side_a, side_b, start, end, limit)
        totals = {"relations": total + visits_total, "claims": claims_total}
        return PairTimeline(a, b, relations, claim_items(db, claim_ids), totals)
    if start or end or len(side_a) * len(side_b) > _INDEXED_PAIRS:
        total, relation_ids = _pair_relations_sorted(db, side_a, side_b, start, end, limit)
    else:
        total, rows = 0, []
        for source in side_a:
            for target in side_b:
                for ends in ((source, target), (target, source)):
                    count, page = _dated_relations(db, "source_id", ends[0], None, limit, target=ends[1])
                    total += count
                    rows += page
        rows.sort(key=lambda row: (row[1] is None, row[1] or "", row[0]))
        relation_ids = [rid for rid, _ in rows[:limit]]
    relations = relation_items(db, relation_ids)
    if include_members:
        visits = _in_window(db, territory_visits(db, side_a, side_b) - set(relation_ids), start, end)
        total += len(visits)
        relations = sorted(relations + relation_items(db, visits), key=lambda r: (r.start is None, r.start or ""))
        relations = relations[:limit]
    claim_ids, claims_total = _pair_claims(db, side_a, side_b, start, end, limit)
    totals = {"relations": total, "claims": claims_total}
    return PairTimeline(a, b, relations, claim_items(db, claim_ids), totals)


def _in_window(db: Database, relation_ids: set[int], start: str | None, end: str | None) -> list[int]:
    """Those of these relations whose date (or their article's) meets the window."""
    if not relation_ids:
        return []
    window, params = published_window("r", start, end)
    marks = placeholders(relation_ids)
    rows = db.execute(
        f"SELECT r.id FROM relations r JOIN documents d ON d.id = r.document_id WHERE r.id IN ({marks}) AND {window}",
        [*sorted(relation_ids), *params],
    )
    return [row[0] for row in rows]


_INDEXED_PAIRS = 16
"""Up to this many actor pairs, a timeline is read pair by pair in index order; past it, selected and sorted."""


def _pair_relations_sorted(
    db: Database, side_a: set[int], side_b: set[int], start: str | None, end: str | None, limit: int
) -> tuple[int, list[int]]:
    """Relations between the sides in the window (an undated one at its article's date), sorted by SQLite."""
    between, between_params = between_sides(side_a, side_b)
    window, window_params = published_window("r", start, end)
    where = f"{between} AND {window}"
    params = [*between_params, *window_params]
    from_ = "FROM relations r JOIN documents d ON d.id = r.document_id"
    return page_ids(db, "r.id", f"{from_} WHERE {where}", params, dated_order("r"), limit)


def _pair_claims(
    db: Database, side_a: set[int], side_b: set[int], start: str | None, end: str | None, limit: int
) -> tuple[list[int], int]:
    """Claims by one side about the other, or about both, in the window: their ids by date, and how many.

    Who said and who is spoken of are four reads of covering indexes (a side of a thousand members is tens
    of thousands of claims), joined as sets: SQL would look up each claim about one side to find its speaker.
    """
    about_a, about_b = _claims_about(db, side_a), _claims_about(db, side_b)
    by_a, by_b = _claims_by(db, side_a), _claims_by(db, side_b)
    candidates = (by_a & about_b) | (by_b & about_a) | (about_a & about_b)
    if not candidates:
        return [], 0
    window, window_params = published_window("c", start, end)
    rows = db.execute(
        f"SELECT c.id FROM claims c WHERE c.id IN (SELECT value FROM json_each(?)) AND {window} "
        f"ORDER BY {dated_order('c')}",
        [json.dumps(sorted(candidates)), *window_params],
    ).fetchall()
    return [r[0] for r in rows[:limit]], len(rows)


def _claims_about(db: Database, entity_ids: set[int]) -> set[int]:
    """The claims about any of these actors."""
    rows = db.execute(
        f"SELECT claim_id FROM claim_about WHERE entity_id IN ({placeholders(entity_ids)})", list(entity_ids)
    )
    return {row[0] for row in rows}


def _claims_by(db: Database, entity_ids: set[int]) -> set[int]:
    """The claims any of these actors made."""
    rows = db.execute(f"SELECT id FROM claims WHERE speaker_id IN ({placeholders(entity_ids)})", list(entity_ids))
    return {row[0] for row in rows}
