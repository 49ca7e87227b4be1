"""The network in a time window, and the map: who is tied to whom, and where things happened.

An edge gathers every relation of one type from one actor to another; its ``count`` is how many
sentences say it. Relations without a date belong to no window, so they count only when none is asked.
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from sqlite_utils import Database

from factiongraph.graph.items import (
    ISO_DATE,
    ActorRef,
    EventItem,
    RelationItem,
    actor_refs,
    event_items,
    parts_ids,
    relation_items,
)
from factiongraph.store.queries import AFTER_ANY_DATE, window_clause, window_parts


@dataclass(frozen=True)
class NetworkNode(ActorRef):
    degree: int
    """How many actors it is tied to in the window."""


@dataclass(frozen=True)
class NetworkEdge:
    id: str
    """``"{source}-{target}-{type}"``: stable across windows, so a client can keep its selection."""
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

    @classmethod
    def load(cls, db: Database) -> EdgeTable:
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
        rank = {d: i for i, d in enumerate(dates)}
        undated = len(dates)

        def ranks(values: list[str | None], missing: int) -> np.ndarray:
            return np.array([rank[v] if v is not None else missing for v in values], dtype=np.int64)

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
            ranks([r[3] if r[3] is not None else r[4] for r in rows], undated)[order],
            ranks([r[3] for r in rows], undated)[order],
            ranks([next((d for d in (r[3], r[4], r[6]) if d is not None), None) for r in rows], -1)[order],
            ranks([next((d for d in (r[4], r[3], r[6]) if d is not None), None) for r in rows], -1)[order],
        )

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
        rows = self._types("BelongsTo", "InChargeOf") & self._actors(groups)[self.target]
        return set(np.unique(self.source[rows]).tolist())

    def placed_edges(self, actors: set[int], placed: set[int]) -> list[tuple[str, int, int]]:
        """The distinct (type, source, target) of Controls and CoLocated relations from ``actors`` to ``placed``."""
        rows = np.flatnonzero(
            self._types("Controls", "CoLocated") & self._actors(actors)[self.source] & self._actors(placed)[self.target]
        )
        edges = rows[np.r_[True, self.edge[rows][1:] != self.edge[rows][:-1]]] if len(rows) else rows
        return [
            (self.type_names[k], s, t)
            for k, s, t in zip(
                self.type_code[edges].tolist(), self.source[edges].tolist(), self.target[edges].tolist(), strict=True
            )
        ]

    def _window(self, start: str | None, end: str | None) -> np.ndarray:
        """:func:`~factiongraph.store.queries.published_window` as a mask."""
        mask = np.ones(len(self.source), dtype=bool)
        if start:
            mask &= self.listed_last_rank >= bisect.bisect_left(self.dates, start)
        if end:
            mask &= (self.listed_first_rank >= 0) & (
                self.listed_first_rank < bisect.bisect_left(self.dates, end + AFTER_ANY_DATE)
            )
        return mask

    def between(
        self,
        side_a: set[int],
        side_b: set[int],
        visits: set[tuple[int, int]],
        *,
        start: str | None,
        end: str | None,
        limit: int,
    ) -> tuple[int, list[int], int, list[int]]:
        """The pair timeline's relations, as :func:`~factiongraph.graph.profile.pair_timeline` reads them: how many
        relations run between the sides in the window and the first ``limit`` ids by date (dated first, then id);
        how many CoLocated relations are the ``visits`` (source, target) and not among those ids, and the first
        ``limit`` of those by ``when_start`` (then id)."""
        in_a, in_b = self._actors(side_a), self._actors(side_b)
        window = self._window(start, end)
        between = np.flatnonzero(
            ((in_a[self.source] & in_b[self.target]) | (in_b[self.source] & in_a[self.target])) & window
        )
        page = self._first(between, self.dated_rank, limit)
        visited = np.zeros(0, dtype=np.int64)
        if visits:
            sources, targets = (np.array(v, dtype=np.int64) for v in zip(*sorted(visits), strict=True))
            wanted = np.unique(sources * self.base + targets)
            rows = np.flatnonzero(self._types("CoLocated") & window)
            rows = rows[np.isin(self.source[rows] * self.base + self.target[rows], wanted)]
            visited = rows[~np.isin(self.relation_id[rows], self.relation_id[page])]
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
        start: str | None = None,
        end: str | None = None,
        types: Sequence[str] | None = None,
        min_count: int = 1,
        limit: int = 300,
        max_edges: int = 1000,
    ) -> Network:
        """See :func:`network`."""
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
