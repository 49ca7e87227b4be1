"""The state on a date: who controls which places, who belongs to which coalition, who commands what.

Durable relations (Controls, BelongsTo, InChargeOf) carry the interval the text gives them; a snapshot
reads each statement's interval, keeps the statements that hold on the date asked for, and gathers the
statements of one fact into one item with all their evidence, so every answer can be checked sentence
by sentence.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from calendar import monthrange
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from factiongraph.errors import InvalidQueryError
from factiongraph.graph.items import ActorRef, Evidence, actor_refs, iso_prefix
from factiongraph.store.queries import placeholders, sentence_sql
from factiongraph.vocab import ISO_DATE

KINDS = {"Controls": "controls", "BelongsTo": "memberships", "InChargeOf": "commands"}
"""Relation type -> the snapshot list its items go to."""

ROLES = {"controls": ("actor", "place"), "memberships": ("member", "group"), "commands": ("commander", "unit")}
"""Each list's names for the source and the target of its relation, as the JSON answer calls them."""

_POINTS = ("day", "month", "year")


@dataclass(frozen=True)
class StateItem:
    """One fact that holds on the snapshot's date: ``source`` (actor, member, commander) to ``target`` (place,
    group, unit), the interval its statements give together (``None`` = open), and every statement's evidence."""

    type: str
    source: ActorRef
    target: ActorRef
    """A :class:`~factiongraph.graph.items.PlaceRef` when the target has coordinates."""
    start: str | None
    end: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Snapshot:
    on: str
    controls: list[StateItem]
    memberships: list[StateItem]
    commands: list[StateItem]


@dataclass(frozen=True)
class _Statement:
    """One stored relation read as an interval: ``start`` ``None`` is open to the past, ``end`` ``None`` open on."""

    id: int
    type: str
    source: int
    target: int
    start: str | None
    end: str | None


def snapshot(db: Database, on: str, *, actor: int | None = None) -> Snapshot:
    """Who controls which places, who belongs to which group and who commands what on ``on``.

    ``on`` (YYYY, YYYY-MM or YYYY-MM-DD) is read as the range it names, and a statement holds on it when
    the statement's interval overlaps that range ("2017" asks about any day of 2017). A statement's
    interval is the one the text gives: ``when_start`` to ``when_end``, a missing start open to the past
    ("until July 2017"), a missing end open on ("since 2017"). A point date (day, month or year) on a
    durable relation says it held then and from then on. A date known only by its bounds ("recently",
    "this week") holds from its later bound on: that is when it surely had happened. A statement without
    a date holds from its article's publication date on, never before; with no publication date either,
    it is left out, since no date can place it.

    Control is exclusive: a holder's open end is closed by the earliest later start of another holder of
    the same place ("A since 2017", "B took it in February 2020": A holds until 2020-02). Memberships and
    commands are not exclusive, so nothing closes them but their own end.

    The statements of one (type, source, target) that hold become one item, from the earliest start to
    the latest end among them, with each statement's evidence. ``actor`` (an id) keeps the items it is
    on either side of; control over its places is still judged against every holder.
    """
    on = iso_prefix("on", on) or ""
    if not on:
        raise InvalidQueryError("on", "a date is needed: use YYYY, YYYY-MM or YYYY-MM-DD")
    statements = _statements(db, on, actor)
    starts = _starts_by_place(statements)
    asked = [s for s in statements if actor is None or actor in (s.source, s.target)]
    held = [s for s in (_closed(s, starts) for s in asked) if _overlaps(s.start, s.end, on)]
    groups: dict[tuple[str, int, int], list[_Statement]] = {}
    for statement in held:
        groups.setdefault((statement.type, statement.source, statement.target), []).append(statement)
    evidence = _evidence(db, [s.id for group in groups.values() for s in group])
    reading_order = {rid: rank for rank, rid in enumerate(evidence)}
    refs = actor_refs(db, [entity for _, source, target in groups for entity in (source, target)])
    lists: dict[str, list[StateItem]] = {kind: [] for kind in ROLES}
    for (rtype, source, target), group in groups.items():
        lists[KINDS[rtype]].append(
            StateItem(
                rtype,
                refs[source],
                refs[target],
                _earliest_start([s.start for s in group]),
                _latest_end([s.end for s in group]),
                tuple(evidence[s.id] for s in sorted(group, key=lambda s: reading_order[s.id])),
            )
        )
    for items in lists.values():
        items.sort(key=_item_order)
    return Snapshot(on, lists["controls"], lists["memberships"], lists["commands"])


def snapshot_json(state: Snapshot, *, refs: bool = False) -> dict[str, Any]:
    """The snapshot as JSON: ``{"on", "controls": [{"actor", "place", "start", "end", "evidence"}],
    "memberships": [{"member", "group", ...}], "commands": [{"commander", "unit", ...}]}``.

    Actors are names, or with ``refs`` their :class:`ActorRef` (id, name, type; lat/lon for places), which
    a client needs to link them and place them on a map. Evidence is in the API's shape (document_id,
    title, published, sentence, start, end), so a quote opens the article at its sentence.
    """
    answer: dict[str, Any] = {"on": state.on}
    for kind, (source_role, target_role) in ROLES.items():
        answer[kind] = [
            {
                source_role: item.source if refs else item.source.name,
                target_role: item.target if refs else item.target.name,
                "start": item.start,
                "end": item.end,
                "evidence": [asdict(e) for e in item.evidence],
            }
            for item in getattr(state, kind)
        ]
    return answer


def _statements(db: Database, on: str, actor_id: int | None) -> list[_Statement]:
    """The durable relations that could bear on ``on``, read as intervals. A membership or command that
    starts after ``on`` cannot hold then, so SQL leaves it out (the test is on the stored start, or the
    publication date when undated: never later than the start read from them). Every control is read:
    a later holder's start is where an earlier holder's interval ends, whatever date is asked."""
    where = ""
    params: list[object] = [*KINDS, len(on), on]
    if actor_id is not None:
        # Every holder of the actor's places too: whether it still held one depends on who came after it.
        where = (
            " AND r.id IN (SELECT id FROM relations WHERE source_id = ? UNION SELECT id FROM relations "
            "WHERE target_id = ? UNION SELECT id FROM relations WHERE type = 'Controls' AND target_id IN "
            "(SELECT target_id FROM relations WHERE source_id = ? AND type = 'Controls'))"
        )
        params += [actor_id, actor_id, actor_id]
    rows = db.execute(
        "SELECT r.id, r.type, r.source_id, r.target_id, r.when_start, r.when_end, r.precision, d.published "
        "FROM relations r JOIN documents d ON d.id = r.document_id "
        f"WHERE r.type IN ({placeholders(KINDS)}) AND (r.type = 'Controls' OR (r.when_start IS NULL AND "
        "r.when_end IS NOT NULL) OR substr(COALESCE(r.when_start, d.published), 1, ?) <= ?)" + where,
        params,
    ).fetchall()
    statements = []
    for rid, rtype, source, target, when_start, when_end, precision, published in rows:
        interval = statement_interval(when_start, when_end, precision, published)
        if interval is not None:
            statements.append(_Statement(rid, rtype, source, target, *interval))
    return statements


def statement_interval(
    when_start: str | None, when_end: str | None, precision: str, published: str | None
) -> tuple[str | None, str | None] | None:
    """The (start, end) a durable relation holds over, read from its stored dates and its article's
    publication date as :func:`snapshot` says; ``None`` when nothing dates it or a date is not one."""
    if when_start is None and when_end is None:
        found = ISO_DATE.match(published) if published else None
        return (found.group(), None) if found and _readable(found.group()) else None
    if not all(_readable(iso) for iso in (when_start, when_end) if iso is not None):
        return None
    if precision in _POINTS and when_start == when_end:
        return when_start, None
    if precision == "unknown":
        return when_end or when_start, None
    return when_start, when_end


@dataclass(frozen=True)
class _Starts:
    """Every holder's start at one place, earliest first, so that who came after a holder is found at once."""

    days: list[date]
    dates: list[str]
    holders: list[int]
    next_other: list[int]
    """For each position, the first position at or after it whose holder is another."""

    def after(self, day: date, holder: int) -> str | None:
        """The earliest start later than ``day`` of another holder than ``holder``."""
        at = bisect_right(self.days, day)
        if at < len(self.holders) and self.holders[at] == holder:
            at = self.next_other[at]
        return self.dates[at] if at < len(self.dates) else None


def _starts_by_place(statements: list[_Statement]) -> dict[int, _Starts]:
    """Place id -> the starts of the controls of it."""
    found: dict[int, list[tuple[date, str, int]]] = {}
    for s in statements:
        if s.type == "Controls" and s.start is not None:
            found.setdefault(s.target, []).append((_first_day(s.start), s.start, s.source))
    starts = {}
    for place, listed in found.items():
        listed.sort()
        holders = [holder for _, _, holder in listed]
        next_other = [len(holders)] * len(holders)
        for i in range(len(holders) - 2, -1, -1):
            next_other[i] = i + 1 if holders[i + 1] != holders[i] else next_other[i + 1]
        starts[place] = _Starts([day for day, _, _ in listed], [iso for _, iso, _ in listed], holders, next_other)
    return starts


def _closed(statement: _Statement, starts: dict[int, _Starts]) -> _Statement:
    """``statement``; an open-ended control closed at the earliest later start of another holder of its place."""
    if statement.type != "Controls" or statement.start is None or statement.end is not None:
        return statement
    successor = starts[statement.target].after(_first_day(statement.start), statement.source)
    return replace(statement, end=successor) if successor else statement


def _overlaps(start: str | None, end: str | None, on: str) -> bool:
    """Whether the interval ``start``..``end`` (each ``None`` = open) meets any day of ``on``."""
    return (start is None or _first_day(start) <= _last_day(on)) and (end is None or _last_day(end) >= _first_day(on))


def _earliest_start(starts: list[str | None]) -> str | None:
    """The earliest of some starts; ``None`` (open to the past) if any is open."""
    dated = [s for s in starts if s is not None]
    return min(dated, key=_first_day) if len(dated) == len(starts) else None


def _latest_end(ends: list[str | None]) -> str | None:
    """The latest of some ends; ``None`` (open) if any is open."""
    dated = [e for e in ends if e is not None]
    return max(dated, key=_last_day) if len(dated) == len(ends) else None


def _first_day(iso: str) -> date:
    return _days(iso)[0]


def _last_day(iso: str) -> date:
    return _days(iso)[1]


@lru_cache(maxsize=8192)
def _days(iso: str) -> tuple[date, date]:
    """The first and the last day an ISO date prefix names; ``ValueError`` for one that names none."""
    found = ISO_DATE.fullmatch(iso)
    if found is None:
        raise ValueError(f"not a date: {iso!r}")
    year, month, day = (int(part) if part else None for part in found.groups())
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), date(year, month, monthrange(year, month)[1])
    return date(year, month, day), date(year, month, day)


def _readable(iso: str) -> bool:
    """Whether a stored date is a real one (the store's own are; a hand-edited one may not be)."""
    try:
        _days(iso)
    except ValueError:
        return False
    return True


def _evidence(db: Database, ids: list[int]) -> dict[int, Evidence]:
    """Statement id -> its evidence, in one query, in reading order: oldest article first, then by offset."""
    rows = db.execute(
        f"SELECT r.id, r.document_id, d.title, d.published, {sentence_sql('r')}, r.evidence_begin, r.evidence_end "
        "FROM relations r JOIN documents d ON d.id = r.document_id "
        "WHERE r.id IN (SELECT value FROM json_each(?)) "
        "ORDER BY d.published IS NULL, d.published, r.document_id, r.evidence_begin",
        [json.dumps(ids)],
    ).fetchall()
    return {rid: Evidence(*row) for rid, *row in rows}


def _item_order(item: StateItem) -> tuple[str, date, str]:
    """By target (place, group, unit), then the oldest start first, then the source's name."""
    since = _first_day(item.start) if item.start else date.min
    return item.target.name.casefold(), since, item.source.name.casefold()
