"""The network in a time window, and the map: who is tied to whom, and where things happened.

An edge gathers every relation of one type from one actor to another; its ``count`` is how many
sentences say it. Relations without a date belong to no window, so they count only when none is asked.
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import numpy as np
from sqlite_utils import Database

from factiongraph.graph.items import (
    ActorRef,
    EventItem,
    RelationItem,
    actor_refs,
    event_items,
    parts_ids,
    relation_items,
)
from factiongraph.graph.queries import containing_place, place_chain
from factiongraph.store.queries import AFTER_ANY_DATE, window_clause, window_parts
from factiongraph.vocab import ISO_DATE, MEMBERSHIP


@dataclass(frozen=True)
class NetworkNode(ActorRef):
    degree: int
    """How many actors it is tied to in the window."""


@dataclass(frozen=True)
class NetworkEdge:
    """The relations of one type from one actor to another in the window, counted; its ``id`` is
    ``"{source}-{target}-{type}"``, stable across windows, so a client can keep its selection."""

    id: str
    source: int
    target: int
    type: str
    count: int
    first: str | None
    last: str | None


@dataclass
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    total_nodes: int
    """Actors tied to any other in the window, before the ``limit`` most connected are kept."""
    total_edges: int
    """Edges among the kept actors, before the ``max_edges`` said most often are kept."""


@dataclass
class MapView:
    """Events at places with coordinates, and places held (Controls), in a window; capped at ``limit`` each."""

    events: list[EventItem]
    controlled: list[RelationItem]
    totals: dict[str, int]


_UNDATED_FIRST = 99_999_999
NETWORKS_KEPT = 64
NetworkRequest = tuple[str | None, str | None, tuple[str, ...] | None, int, int, int]
"""A network asked for: start, end, relation types (sorted), min_count, limit, max_edges."""
"""Networks an edge table keeps by their request: the default view every visitor of the web UI asks for
again, and the windows a time slider moves back to, answer without recounting the relations."""


def _date_number(value: str | None, missing: int) -> int:
    """``"2017-07"`` as 20170700 (``missing`` 0) or 20170799 (``missing`` 99); -1 for no readable date.

    Month and day 00/99 are never real, so the number says exactly what the string does."""
    match = ISO_DATE.match(value or "")
    if not match:
        return -1
    year, month, day = match.groups()
    return int(year) * 10_000 + int(month or missing) * 100 + int(day or missing)


@cache
def _date_text(number: int) -> str | None:
    if number < 0 or number == _UNDATED_FIRST:
        return None
    year, month, day = number // 10_000, number // 100 % 100, number % 100
    if month in (0, 99):
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day in (0, 99) else f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True)
class EdgeTable:
    """Every relation's type, ends and date span as numpy columns: a window over hundreds of thousands of
    relations is then a few vector operations, where SQL would group them all on every request.

    Rows are sorted by pair of actors, then type and direction, so any subset of them is already grouped
    by edge and by pair: a request filters and counts, it never sorts.
    """

    type_names: list[str]
    type_code: np.ndarray
    source: np.ndarray
    target: np.ndarray
    first: np.ndarray
    """Earliest day the relation may hold, as :func:`_date_number` with 00 padding; -1 when undated."""
    last: np.ndarray
    """Latest day, with 99 padding; -1 when undated."""
    first_or_none: np.ndarray
    """``first``, undated ones as a number above any date, so the earliest date of an edge is a minimum."""
    pair: np.ndarray
    """The two actors, either way round, as one number (smaller id * ``base`` + larger id)."""
    edge: np.ndarray
    """The edge (pair, type, direction) as one number, ascending."""
    base: int
    relation_id: np.ndarray
    dates: list[str]
    """Every date the relations and their articles carry, sorted: the ``*_rank`` columns index it."""
    dated_rank: np.ndarray
    """``COALESCE(when_start, when_end)``'s rank; ``len(dates)`` when undated, so undated come last."""
    start_rank: np.ndarray
    """``when_start``'s rank, ``len(dates)`` when it has none."""
    listed_first_rank: np.ndarray
    """``COALESCE(when_start, when_end, published)``'s rank: a fact's date or its article's; -1 for neither."""
    listed_last_rank: np.ndarray
    """``COALESCE(when_end, when_start, published)``'s rank; -1 for neither."""
    places: PlaceTable
    claims: ClaimTable
    networks: dict[NetworkRequest, Network] = field(default_factory=dict, compare=False, repr=False)
    networks_lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)
    """The last :data:`NETWORKS_KEPT` networks asked of this table, by request: a table is replaced when the
    store changes (:class:`EdgeTableCache`), so they never outlive the relations they count. Shared: read them,
    never change them."""

    @classmethod
    def load(cls, db: Database) -> EdgeTable:
        """Every relation, and the places and claims a pair's timeline reads with them."""
        rows = db.execute(
            "SELECT type, source_id, target_id, when_start, when_end, id, published FROM relations"
        ).fetchall()
        names = sorted({r[0] for r in rows})
        code = {name: i for i, name in enumerate(names)}
        type_code = np.array([code[r[0]] for r in rows], dtype=np.int64)
        source = np.array([r[1] for r in rows], dtype=np.int64)
        target = np.array([r[2] for r in rows], dtype=np.int64)
        first = np.array([_date_number(r[3] or r[4], 0) for r in rows], dtype=np.int64)
        last = np.array([_date_number(r[4] or r[3], 99) for r in rows], dtype=np.int64)
        dates = sorted({d for r in rows for d in (r[3], r[4], r[6]) if d is not None})
        undated = len(dates)
        base = int(max(source.max(initial=0), target.max(initial=0))) + 1
        pair = np.minimum(source, target) * base + np.maximum(source, target)
        edge = (pair * len(names) + type_code) * 2 + (source > target)
        order = np.argsort(edge, kind="stable")
        return cls(
            names,
            type_code[order],
            source[order],
            target[order],
            first[order],
            last[order],
            np.where(first >= 0, first, _UNDATED_FIRST)[order],
            pair[order],
            edge[order],
            base,
            np.array([r[5] for r in rows], dtype=np.int64)[order],
            dates,
            _ranks([r[3] if r[3] is not None else r[4] for r in rows], dates, undated)[order],
            _ranks([r[3] for r in rows], dates, undated)[order],
            _ranks([next((d for d in (r[3], r[4], r[6]) if d is not None), None) for r in rows], dates, -1)[order],
            _ranks([next((d for d in (r[4], r[3], r[6]) if d is not None), None) for r in rows], dates, -1)[order],
            PlaceTable.load(db, base),
            ClaimTable.load(db),
        )

    @cached_property
    def _membership_rows(self) -> np.ndarray:
        """The BelongsTo and InChargeOf relations, by row."""
        return np.flatnonzero(self._types(*MEMBERSHIP))

    @cached_property
    def _colocated_rows(self) -> np.ndarray:
        return np.flatnonzero(self._types("CoLocated"))

    @cached_property
    def _held_rows(self) -> np.ndarray:
        """The Controls relations into a place of the gazetteer, by row."""
        rows = np.flatnonzero(self._types("Controls"))
        return rows[self.places.code[self.target[rows]] >= 0]

    def _actors(self, entity_ids: set[int]) -> np.ndarray:
        """A mask over actor ids: True for these."""
        mask = np.zeros(self.base, dtype=bool)
        known = [i for i in entity_ids if 0 <= i < self.base]
        mask[known] = True
        return mask

    def _types(self, *names: str) -> np.ndarray:
        mask = np.zeros(len(self.type_code), dtype=bool)
        for code in (i for i, name in enumerate(self.type_names) if name in names):
            mask |= self.type_code == code
        return mask

    def members(self, groups: set[int]) -> set[int]:
        """The sources of BelongsTo and InChargeOf relations into any of ``groups``: one level of
        :func:`~factiongraph.graph.queries.members_of`."""
        rows = self._membership_rows
        found = np.zeros(self.base, dtype=bool)
        found[self.source[rows[self._actors(groups)[self.target[rows]]]]] = True
        return set(np.flatnonzero(found).tolist())

    def _territory(self, holders: np.ndarray) -> np.ndarray:
        """A mask over actors: the places in the territory ``holders`` (a mask over actors) hold, as
        :func:`~factiongraph.graph.queries.visit_edges` tells it."""
        held = self._held_rows[holders[self.source[self._held_rows]]]
        territory = self.places.territory(self.target[held])
        inside = np.zeros(self.base, dtype=bool)
        inside[self.places.chain_entity[territory[self.places.chain_code]]] = True
        return inside

    def _window(self, start: str | None, end: str | None) -> np.ndarray:
        """:func:`~factiongraph.store.queries.published_window` as a mask."""
        return _window_mask(self.dates, self.listed_first_rank, self.listed_last_rank, start, end)

    def between(
        self,
        side_a: set[int],
        side_b: set[int],
        *,
        start: str | None,
        end: str | None,
        limit: int,
    ) -> tuple[int, list[int], int, list[int]]:
        """The pair timeline's relations, as :func:`~factiongraph.graph.profile.pair_timeline` reads them: how many
        relations run between the sides in the window and the first ``limit`` ids by date (dated first, then id);
        how many CoLocated relations in the window put one side in the other's territory
        (:func:`~factiongraph.graph.queries.territory_visits`) and are not among those ids, and the first
        ``limit`` of those by ``when_start`` (then id)."""
        in_a, in_b = self._actors(side_a), self._actors(side_b)
        window = self._window(start, end)
        between = np.flatnonzero(
            ((in_a[self.source] & in_b[self.target]) | (in_b[self.source] & in_a[self.target])) & window
        )
        page = self._first(between, self.dated_rank, limit)
        rows = self._colocated_rows
        sources, targets = self.source[rows], self.target[rows]
        visits = (in_a[sources] & self._territory(in_b)[targets]) | (in_b[sources] & self._territory(in_a)[targets])
        in_page = np.zeros(len(self.source), dtype=bool)
        in_page[page] = True
        visited = rows[visits & window[rows] & ~in_page[rows]]
        return (
            len(between),
            self.relation_id[page].tolist(),
            len(visited),
            self.relation_id[self._first(visited, self.start_rank, limit)].tolist(),
        )

    def _first(self, rows: np.ndarray, rank: np.ndarray, limit: int) -> np.ndarray:
        """The first ``limit`` of ``rows`` by ``rank``, then relation id."""
        key = rank[rows] * (int(self.relation_id.max(initial=0)) + 1) + self.relation_id[rows]
        if len(rows) > limit:
            chosen = np.argpartition(key, limit - 1)[:limit]
            rows, key = rows[chosen], key[chosen]
        return rows[np.argsort(key, kind="stable")]

    def network(
        self,
        db: Database,
        *,
        start: str | None,
        end: str | None,
        types: Sequence[str] | None,
        min_count: int,
        limit: int,
        max_edges: int,
    ) -> Network:
        """See :func:`network`, which holds the defaults."""
        request: NetworkRequest = (
            start,
            end,
            tuple(sorted(set(types))) if types else None,
            min_count,
            limit,
            max_edges,
        )
        found = self.networks.get(request)
        if found is None:
            found = self._counted(db, request)
            with self.networks_lock:  # the API's threads share the table
                if len(self.networks) >= NETWORKS_KEPT:
                    del self.networks[next(iter(self.networks))]
                self.networks[request] = found
        return found

    def _counted(self, db: Database, request: NetworkRequest) -> Network:
        start, end, types, min_count, limit, max_edges = request
        mask = np.ones(len(self.source), dtype=bool)
        if types:
            codes = [i for i, name in enumerate(self.type_names) if name in set(types)]
            mask &= np.isin(self.type_code, codes)
        if start or end:
            mask &= self.first >= 0
            if start:
                mask &= self.last >= _date_number(start, 0)
            if end:
                mask &= self.first <= _date_number(end, 99)
        rows = np.flatnonzero(mask)
        if not len(rows):
            return Network([], [], 0, 0)
        keys = self.edge[rows]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        ends = np.r_[starts[1:], len(keys)]
        strong = np.flatnonzero(ends - starts >= min_count)
        if not len(strong):
            return Network([], [], 0, 0)
        edge_rows = rows[starts[strong]]
        sources, targets, pairs = self.source[edge_rows], self.target[edge_rows], self.pair[edge_rows]
        distinct = pairs[np.r_[True, pairs[1:] != pairs[:-1]]]
        degree = np.bincount(distinct // self.base, minlength=self.base)
        degree += np.bincount(distinct % self.base, minlength=self.base)
        tied = np.flatnonzero(degree)
        kept_ids = tied[np.lexsort((tied, -degree[tied]))][:limit]
        kept = np.zeros(self.base, dtype=bool)
        kept[kept_ids] = True
        among = np.flatnonzero(kept[sources] & kept[targets])
        counts = (ends - starts)[strong]
        chosen = among
        if len(among) > max_edges:
            chosen = np.sort(among[np.argpartition(-counts[among], max_edges - 1)[:max_edges]])
        # first and last dates of the chosen edges only: reduce over each one's [start, end) run of rows
        bounds = np.empty(2 * len(chosen), dtype=np.int64)
        bounds[0::2], bounds[1::2] = starts[strong][chosen], ends[strong][chosen]
        first, last = bounds[0::2], bounds[0::2]
        if len(chosen):
            first = np.minimum.reduceat(np.r_[self.first_or_none[rows], 0], bounds)[0::2]
            last = np.maximum.reduceat(np.r_[self.last[rows], 0], bounds)[0::2]
        refs = actor_refs(db, kept_ids.tolist())
        nodes = [
            NetworkNode(i, refs[i].name, refs[i].type, d)
            for i, d in zip(kept_ids.tolist(), degree[kept_ids].tolist(), strict=True)
        ]
        names = self.type_names
        edges = [
            NetworkEdge(f"{s}-{t}-{names[k]}", s, t, names[k], n, _date_text(a), _date_text(b))
            for s, t, k, n, a, b in zip(
                sources[chosen].tolist(),
                targets[chosen].tolist(),
                self.type_code[edge_rows[chosen]].tolist(),
                counts[chosen].tolist(),
                first.tolist(),
                last.tolist(),
                strict=True,
            )
        ]
        return Network(nodes, edges, len(tied), len(among))


def _window_mask(
    dates: list[str], first_rank: np.ndarray, last_rank: np.ndarray, start: str | None, end: str | None
) -> np.ndarray:
    """:func:`~factiongraph.store.queries.published_window` over facts whose first and last dates are given as
    ranks in the sorted ``dates`` (-1 for none)."""
    mask = np.ones(len(first_rank), dtype=bool)
    if start:
        mask &= last_rank >= bisect.bisect_left(dates, start)
    if end:
        mask &= (first_rank >= 0) & (first_rank < bisect.bisect_left(dates, end + AFTER_ANY_DATE))
    return mask


def _ranks(values: list[str | None], dates: list[str], missing: int) -> np.ndarray:
    """Each value's index in the sorted ``dates``, ``missing`` for None."""
    rank = {d: i for i, d in enumerate(dates)}
    return np.array([rank[v] if v is not None else missing for v in values], dtype=np.int64)


@dataclass(frozen=True)
class PlaceTable:
    """The gazetteer place of each entity that has one, with the places holding it, as numbers: which places
    lie in a side's territory is then a few vector operations over every relation."""

    code: np.ndarray
    """Each entity's place as a number, -1 for none (indexed by entity id, below the edge table's ``base``)."""
    parent: np.ndarray
    """Each place's holder (:func:`~factiongraph.graph.queries.containing_place`), -1 for none."""
    chain_entity: np.ndarray
    chain_code: np.ndarray
    """Together: each placed entity with every place of its chain (:func:`~factiongraph.graph.queries.place_chain`)."""

    @classmethod
    def load(cls, db: Database, base: int) -> PlaceTable:
        within = containing_place()
        codes: dict[str, int] = {}
        code = np.full(base, -1, dtype=np.int64)
        chain_entity, chain_code = [], []
        for entity_id, place_id in db.execute("SELECT id, place_id FROM entities WHERE place_id IS NOT NULL"):
            if entity_id < base:
                chain = place_chain(place_id)
                code[entity_id] = codes.setdefault(place_id, len(codes))
                for place in chain:
                    chain_entity.append(entity_id)
                    chain_code.append(codes.setdefault(place, len(codes)))
        parent = np.array([codes.get(within.get(place, ""), -1) for place in codes], dtype=np.int64)
        return cls(code, parent, np.array(chain_entity, dtype=np.int64), np.array(chain_code, dtype=np.int64))

    def territory(self, held: np.ndarray) -> np.ndarray:
        """A mask over places: those of the ``held`` entities and the places directly holding them (a town's
        node also stands for the area named after it: "controls Idlib governorate" is on Idlib's node)."""
        mask = np.zeros(len(self.parent), dtype=bool)
        mask[self.code[held]] = True
        parents = self.parent[mask]
        mask[parents[parents >= 0]] = True
        return mask


@dataclass(frozen=True)
class ClaimTable:
    """Every claim's speaker, subjects and dates as numpy columns: the claims between two sides of a thousand
    members each are then a few vector operations, where SQL reads tens of thousands of claims about them."""

    claim_id: np.ndarray
    speaker: np.ndarray
    """The speaker's entity id, ``base`` for none (a mask over actors has ``base + 1`` places)."""
    about_row: np.ndarray
    about_entity: np.ndarray
    """Together: each claim (as its row) with each actor it is about."""
    base: int
    dates: list[str]
    dated_rank: np.ndarray
    """``COALESCE(when_start, when_end)``'s rank in ``dates``; ``len(dates)`` when undated, so undated come last."""
    listed_first_rank: np.ndarray
    listed_last_rank: np.ndarray
    """As :class:`EdgeTable`'s: the ranks of the window's dates, -1 for none."""

    @classmethod
    def load(cls, db: Database) -> ClaimTable:
        rows = db.execute("SELECT id, speaker_id, when_start, when_end, published FROM claims ORDER BY id").fetchall()
        about = db.execute("SELECT claim_id, entity_id FROM claim_about").fetchall()
        claim_id = np.array([r[0] for r in rows], dtype=np.int64)
        about_claim = np.array([a[0] for a in about], dtype=np.int64)
        about_entity = np.array([a[1] for a in about], dtype=np.int64)
        base = max([r[1] or 0 for r in rows] + [int(about_entity.max(initial=0))]) + 1
        dates = sorted({d for r in rows for d in r[2:] if d is not None})
        return cls(
            claim_id,
            np.array([r[1] if r[1] is not None else base for r in rows], dtype=np.int64),
            np.searchsorted(claim_id, about_claim),
            about_entity,
            base,
            dates,
            _ranks([r[2] if r[2] is not None else r[3] for r in rows], dates, len(dates)),
            _ranks([next((d for d in (r[2], r[3], r[4]) if d is not None), None) for r in rows], dates, -1),
            _ranks([next((d for d in (r[3], r[2], r[4]) if d is not None), None) for r in rows], dates, -1),
        )

    def _actors(self, entity_ids: set[int]) -> np.ndarray:
        mask = np.zeros(self.base + 1, dtype=bool)
        mask[[i for i in entity_ids if 0 <= i < self.base]] = True
        return mask

    def _about(self, actors: np.ndarray) -> np.ndarray:
        """A mask over claims: those about any of ``actors``."""
        mask = np.zeros(len(self.claim_id), dtype=bool)
        mask[self.about_row[actors[self.about_entity]]] = True
        return mask

    def between(
        self, side_a: set[int], side_b: set[int], start: str | None, end: str | None, limit: int
    ) -> tuple[list[int], int]:
        """As :func:`~factiongraph.graph.profile._pair_claims`: the claims by one side about the other, or about
        both, in the window; the first ``limit`` ids in date order (dated first, then id), and how many."""
        in_a, in_b = self._actors(side_a), self._actors(side_b)
        about_a, about_b = self._about(in_a), self._about(in_b)
        chosen = (in_a[self.speaker] & about_b) | (in_b[self.speaker] & about_a) | (about_a & about_b)
        rows = np.flatnonzero(
            chosen & _window_mask(self.dates, self.listed_first_rank, self.listed_last_rank, start, end)
        )
        total = len(rows)
        key = self.dated_rank[rows] * (int(self.claim_id.max(initial=0)) + 1) + self.claim_id[rows]
        if total > limit:
            first = np.argpartition(key, limit - 1)[:limit]
            rows, key = rows[first], key[first]
        return self.claim_id[rows[np.argsort(key, kind="stable")]].tolist(), total


class EdgeTableCache:
    """One :class:`EdgeTable` per store, loaded again only after something was written to it.

    SQLite's ``data_version`` changes on a connection when another connection commits, so a connection
    kept only for watching sees every write: the API's, the CLI's, another process's.
    """

    def __init__(self, path: Path | str) -> None:
        self._watch = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        self._version: int | None = None
        self._table: EdgeTable | None = None

    def get(self, db: Database) -> EdgeTable:
        with self._lock:
            version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            if self._table is None or version != self._version:
                self._table, self._version = EdgeTable.load(db), version
            return self._table


def network(
    db: Database,
    *,
    start: str | None = None,
    end: str | None = None,
    types: Sequence[str] | None = None,
    min_count: int = 1,
    limit: int = 300,
    max_edges: int = 1000,
    table: EdgeTable | None = None,
) -> Network:
    """The ``limit`` most connected actors in the window, and among them the ``max_edges`` edges said most
    often, each said at least ``min_count`` times. A node's degree counts the actors it is tied to.

    Pass ``table`` (from an :class:`EdgeTableCache`) to skip reading every relation.
    """
    edges = table if table is not None else EdgeTable.load(db)
    return edges.network(db, start=start, end=end, types=types, min_count=min_count, limit=limit, max_edges=max_edges)


def map_view(db: Database, *, start: str | None = None, end: str | None = None, limit: int = 500) -> MapView:
    """What happened where and who held which place, dated first, oldest first. As in the network, a window
    keeps dated facts only (a time slider moves over dates); undated ones show when no window is asked.

    Each list is read in parts, each one range of an index of migration 0008 named outright (the planner would
    rather go place by place): in a window, the facts spanning into it and then those begun in it; without
    one, the dated and then the undated. Its total is summed from ``map_counts`` (:func:`map_total`)."""
    located = "SELECT id FROM entities WHERE latitude IS NOT NULL"
    dated, dated_end = "COALESCE(e.when_start, e.when_end)", "COALESCE(e.when_end, e.when_start)"
    by_date = f"{dated}, e.id"
    if start or end:
        *spanning, begun = window_parts(dated, dated_end, start, end)
        parts = [("spanning", *part, by_date) for part in spanning] + [("dated", *begun, by_date)]
    else:
        parts = [("dated", f"{dated} IS NOT NULL", [], by_date), ("dated", f"{dated} IS NULL", [], "e.id")]
    lists: dict[str, list[int]] = {}
    for key, table, index, where in (
        ("events", "events", "events_placed", f"e.place_id IN ({located})"),
        ("controlled", "relations", "relations_held", f"e.type = 'Controls' AND e.target_id IN ({located})"),
    ):
        lists[key] = parts_ids(
            db,
            "e.id",
            [(f"FROM {table} e INDEXED BY {index}_{part} WHERE {where} AND {condition}", params, order)
             for part, condition, params, order in parts],
            limit,
        )  # fmt: skip
    totals = {key: map_total(db, key, start, end) for key in lists}
    return MapView(event_items(db, lists["events"]), relation_items(db, lists["controlled"]), totals)


def map_total(db: Database, listed: str, start: str | None, end: str | None) -> int:
    """How many facts the map's list ``listed`` (``events`` or ``controlled``) holds in the window: a sum over the
    counts per date span that migration 0011's triggers keep, where counting the facts themselves would read
    every placed event of a large store (130,000 at 100,000 documents) on each request."""
    where, params = "1", []
    if start or end:
        window, params = window_clause("dated", "dated_end", start, end)
        where = f"dated IS NOT NULL AND {window}"
    return db.execute(
        f"SELECT COALESCE(SUM(facts), 0) FROM map_counts WHERE list = ? AND {where}", [listed, *params]
    ).fetchone()[0]
