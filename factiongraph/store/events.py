"""Events across reports in the store: each new event mention joins the event it tells or starts one,
and an event's summary (place, dates, kind, actors, citation) is kept from its mentions.

The decisions are :mod:`factiongraph.resolve.events`'; this module reads what they compare and
writes what they decide, inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlite_utils import Database

from factiongraph.errors import InvalidQueryError, NotFoundError
from factiongraph.kb import load_kb
from factiongraph.keys import name_key
from factiongraph.places import PlaceIndex
from factiongraph.resolve.events import EventPlace, Told, best_event, day_range, finest_place
from factiongraph.store.queries import placeholders
from factiongraph.store.settings import get_setting
from factiongraph.store.transactions import write_transaction

WINDOW_SETTING = "event_window_days"
NEARBY_SETTING = "event_nearby_km"


class UnknownEventError(NotFoundError):
    """No event has the id asked for."""


def event_places(db: Database, entity_ids: Sequence[int]) -> dict[int, EventPlace]:
    """Places by entity id, with what the gazetteer says contains them."""
    if not entity_ids:
        return {}
    ids = list(set(entity_ids))
    index = PlaceIndex.default()
    found = {}
    for entity_id, name, gazetteer_id, lat, lon, precision in db.execute(
        f"SELECT id, name, place_id, latitude, longitude, precision FROM entities WHERE id IN ({placeholders(ids)})",
        ids,
    ):
        place = index.get(gazetteer_id) if gazetteer_id else None
        within: list[str] = []
        outer = place
        while outer is not None and outer.within and outer.within not in within:
            within.append(outer.within)
            outer = index.get(outer.within)
        seat_of = index.get(within[0]) if within else None
        namesake = seat_of is not None and name_key(seat_of.name.removesuffix(" Governorate")) == name_key(name)
        found[entity_id] = EventPlace(
            entity_id,
            name,
            gazetteer_id,
            frozenset(within),
            place.country if place else None,
            lat,
            lon,
            precision,
            frozenset({seat_of.id}) if namesake and seat_of else frozenset(),
        )
    return found


def _told(db: Database, mention_ids: Sequence[int], window_days: int) -> dict[int, Told]:
    """What each of these mentions says of its event."""
    rows = db.execute(
        "SELECT m.id, m.type, m.acled_event_type, m.place_id, m.when_start, m.when_end, d.published "
        f"FROM event_mentions m JOIN documents d ON d.id = m.document_id WHERE m.id IN ({placeholders(mention_ids)})",
        list(mention_ids),
    ).fetchall()
    actors: dict[int, dict[int, str]] = {}
    for mention_id, entity_id, name in db.execute(
        "SELECT a.mention_id, a.entity_id, e.name FROM event_mention_actors a JOIN entities e ON e.id = a.entity_id "
        f"WHERE a.mention_id IN ({placeholders(mention_ids)})",
        list(mention_ids),
    ):
        actors.setdefault(mention_id, {})[entity_id] = name
    places = event_places(db, [r[3] for r in rows if r[3] is not None])
    parents = _parents(db, {entity_id for named in actors.values() for entity_id in named})
    return {
        mention_id: Told(
            etype,
            acled,
            actors.get(mention_id, {}),
            (places[place_id],) if place_id is not None else (),
            day_range(start, end, published, window_days),
            bool(start or end),
            {
                parent: name
                for entity_id, name in actors.get(mention_id, {}).items()
                for parent in parents.get(entity_id, ())
            },
        )
        for mention_id, etype, acled, place_id, start, end, published in rows
    }


@cache
def _kb_parents() -> dict[str, frozenset[str]]:
    """Each KB actor's groups, up the chain of what it belongs to (the army, the government, the state)."""
    kb = load_kb()
    direct = {a.id: [r.target for r in a.relations if r.type == "BelongsTo"] for a in kb.actors}
    found: dict[str, frozenset[str]] = {}
    for actor_id in direct:
        seen: list[str] = []
        todo = list(direct[actor_id])
        while todo:
            parent = todo.pop()
            if parent not in seen and parent != actor_id:
                seen.append(parent)
                todo += direct.get(parent, [])
        found[actor_id] = frozenset(seen)
    return found


def _parents(db: Database, entity_ids: set[int]) -> dict[int, list[int]]:
    """The stored entities that each of these belongs to, by the knowledge base."""
    ids = sorted(entity_ids)
    known = (
        {
            eid: kb_id
            for eid, kb_id in db.execute(
                f"SELECT id, kb_id FROM entities WHERE kb_id IS NOT NULL AND id IN ({placeholders(ids)})", ids
            )
        }
        if ids
        else {}
    )
    wanted = sorted({p for kb_id in known.values() for p in _kb_parents().get(kb_id, ())})
    if not wanted:
        return {}
    stored = dict(db.execute(f"SELECT kb_id, id FROM entities WHERE kb_id IN ({placeholders(wanted)})", wanted))
    return {eid: [stored[p] for p in _kb_parents().get(kb_id, ()) if p in stored] for eid, kb_id in known.items()}


def _together(told: list[Told]) -> Told:
    """What all of an event's reports say, as one."""
    days = [t.days for t in told if t.days is not None and t.dated] or [t.days for t in told if t.days is not None]
    acled = Counter(t.acled_event_type for t in told if t.acled_event_type).most_common(1)
    places = {p.entity_id: p for t in told for p in t.places}
    return Told(
        told[0].type,
        acled[0][0] if acled else None,
        {entity_id: name for t in told for entity_id, name in t.actors.items()},
        tuple(places.values()),
        (min(d[0] for d in days), max(d[1] for d in days)) if days else None,
        any(t.dated for t in told),
        {parent: name for t in told for parent, name in t.parents.items()},
    )


def _events_told(db: Database, event_ids: Sequence[int], window_days: int) -> dict[int, Told]:
    by_event: dict[int, list[int]] = {}
    for mention_id, event_id in db.execute(
        f"SELECT id, event_id FROM event_mentions WHERE event_id IN ({placeholders(event_ids)})", list(event_ids)
    ):
        by_event.setdefault(event_id, []).append(mention_id)
    told = _told(db, [m for ms in by_event.values() for m in ms], window_days)
    return {event_id: _together([told[m] for m in ms]) for event_id, ms in by_event.items()}


def link_mentions(db: Database, mention_ids: Sequence[int]) -> None:
    """Join each new mention to the event it tells (in the store already, or among the mentions before
    it), or make it an event of its own; in the caller's transaction."""
    window, nearby = get_setting(db, WINDOW_SETTING), get_setting(db, NEARBY_SETTING)
    told = _told(db, mention_ids, window)
    for mention_id in mention_ids:
        report = told[mention_id]
        candidates: dict[int, Told] = {}
        if report.days is not None:
            first = (report.days[0].toordinal() - window, report.days[1].toordinal() + window)
            ids = [
                row[0]
                for row in db.execute(
                    "SELECT id FROM events WHERE type = ? AND first_day <= ? AND last_day >= ?",
                    [report.type, _iso(first[1]), _iso(first[0])],
                )
            ]
            candidates = _events_told(db, ids, window) if ids else {}
        chosen = best_event(report, candidates, window, nearby)
        if chosen is None:
            event_id = _new_event(db, mention_id)
            reason = "the first report of this event"
        else:
            event_id, reason = chosen
        db.execute(
            "UPDATE event_mentions SET event_id = ?, joined_because = ? WHERE id = ?", [event_id, reason, mention_id]
        )
        refresh_events(db, [event_id])


def _new_event(db: Database, mention_id: int) -> int:
    """An event of the mention's own; :func:`refresh_events` fills in the rest."""
    cursor = db.execute(
        "INSERT INTO events (type, document_id, sentence_id, evidence_begin, evidence_end) "
        "SELECT type, document_id, sentence_id, evidence_begin, evidence_end FROM event_mentions WHERE id = ?",
        [mention_id],
    )
    return int(cursor.lastrowid)


def _iso(ordinal: int) -> str:
    return datetime.fromordinal(ordinal).date().isoformat()


def refresh_events(db: Database, event_ids: Sequence[int]) -> None:
    """Recompute each event's summary from its mentions; an event left without mentions is removed."""
    window = get_setting(db, WINDOW_SETTING)
    for event_id in event_ids:
        rows = db.execute(
            "SELECT id, type, mode, acled_event_type, acled_sub_event_type, document_id, sentence_id, place_id, "
            "when_start, when_end, precision, evidence_begin, evidence_end FROM event_mentions "
            "WHERE event_id = ? ORDER BY id",
            [event_id],
        ).fetchall()
        if not rows:
            db.execute("DELETE FROM event_actors WHERE event_id = ?", [event_id])
            db.execute("DELETE FROM events WHERE id = ?", [event_id])
            continue
        first = rows[0]
        told = _together(list(_told(db, [r[0] for r in rows], window).values()))
        place = finest_place(list(told.places))
        starts = [r[8] for r in rows if r[8]]
        ends = [r[9] or r[8] for r in rows if r[9] or r[8]]
        precisions = {r[10] for r in rows if r[8] or r[9]}
        precision = precisions.pop() if len(precisions) == 1 else ("interval" if precisions else "unknown")

        acled_sub = Counter((r[3], r[4]) for r in rows if r[3]).most_common(1)
        db.execute(
            "UPDATE events SET type = ?, mode = ?, acled_event_type = ?, acled_sub_event_type = ?, document_id = ?, "
            "sentence_id = ?, evidence_begin = ?, evidence_end = ?, place_id = ?, when_start = ?, when_end = ?, "
            "precision = ?, first_day = ?, last_day = ? WHERE id = ?",
            [
                first[1],
                _most_common(rows, 2),
                acled_sub[0][0][0] if acled_sub else None,
                acled_sub[0][0][1] if acled_sub else None,
                first[5],
                first[6],
                first[11],
                first[12],
                place.entity_id if place else None,
                min(starts) if starts else None,
                max(ends) if ends else None,
                precision if starts or ends else "unknown",
                told.days[0].isoformat() if told.days else None,
                told.days[1].isoformat() if told.days else None,
                event_id,
            ],
        )
        db.execute("DELETE FROM event_actors WHERE event_id = ?", [event_id])
        db.execute(
            "INSERT OR IGNORE INTO event_actors (event_id, entity_id, role) "
            "SELECT ?, a.entity_id, a.role FROM event_mention_actors a JOIN event_mentions m ON m.id = a.mention_id "
            "WHERE m.event_id = ?",
            [event_id, event_id],
        )


def _most_common(rows: list[Any], column: int) -> Any:
    values = Counter(r[column] for r in rows if r[column]).most_common(1)
    return values[0][0] if values else None


def _check_event(db: Database, event_id: int) -> None:
    if db.execute("SELECT 1 FROM events WHERE id = ?", [event_id]).fetchone() is None:
        raise UnknownEventError(f"no event with id {event_id}")


def merge_events(
    db: Database, keep_id: int, drop_id: int, *, as_reports: tuple[ReportKey, ReportKey] | None = None
) -> None:
    """An analyst's correction: two events are one; every report of ``drop_id`` now tells ``keep_id``. It is
    recorded by a report of each (``as_reports`` when replayed from a file, else the first of each)."""
    with write_transaction(db):
        _check_event(db, keep_id)
        _check_event(db, drop_id)
        if keep_id == drop_id:
            raise InvalidQueryError("event", f"event {keep_id} cannot be merged with itself")
        _record_correction(db, "merge", *(as_reports or (_report_of(db, keep_id), _report_of(db, drop_id))))
        db.execute(
            "UPDATE event_mentions SET event_id = ?, joined_because = ? WHERE event_id = ?",
            [keep_id, f"merged from event {drop_id} by an analyst on {_today()}", drop_id],
        )
        refresh_events(db, [keep_id, drop_id])


def split_event(
    db: Database, event_id: int, document_id: int, *, as_reports: tuple[ReportKey, ReportKey] | None = None
) -> int:
    """An analyst's correction: one article's reports tell another event; returns the new event's id. It is
    recorded by a report that stays and one that moves (``as_reports`` when replayed from a file)."""
    with write_transaction(db):
        _check_event(db, event_id)
        mentions = [
            row[0]
            for row in db.execute(
                "SELECT id FROM event_mentions WHERE event_id = ? AND document_id = ?", [event_id, document_id]
            )
        ]
        total = db.execute("SELECT COUNT(*) FROM event_mentions WHERE event_id = ?", [event_id]).fetchone()[0]
        if not mentions:
            raise InvalidQueryError("document", f"event {event_id} has no report from document {document_id}")
        if len(mentions) == total:
            raise InvalidQueryError("document", f"document {document_id} gives every report of event {event_id}")
        staying = db.execute(
            "SELECT MIN(id) FROM event_mentions WHERE event_id = ? AND document_id != ?", [event_id, document_id]
        ).fetchone()[0]
        _record_correction(db, "split", *(as_reports or (report_key(db, staying), report_key(db, mentions[0]))))
        new_id = _new_event(db, mentions[0])
        db.execute(
            f"UPDATE event_mentions SET event_id = ?, joined_because = ? WHERE id IN ({placeholders(mentions)})",
            [new_id, f"split from event {event_id} by an analyst on {_today()}", *mentions],
        )
        refresh_events(db, [event_id, new_id])
    return new_id


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


ReportKey = dict[str, str | int]
"""A report (event mention) as another store built from the same articles knows it: its document's
fingerprint, its sentence's offsets, its type and its rank among the document's reports with those three."""


def report_key(db: Database, mention_id: int) -> ReportKey:
    """The key of one report, which survives re-ingesting its article into another store."""
    fingerprint, begin, end, etype, document_id = db.execute(
        "SELECT d.fingerprint, m.evidence_begin, m.evidence_end, m.type, m.document_id "
        "FROM event_mentions m JOIN documents d ON d.id = m.document_id WHERE m.id = ?",
        [mention_id],
    ).fetchone()
    nth = db.execute(
        "SELECT COUNT(*) FROM event_mentions WHERE document_id = ? AND evidence_begin = ? AND evidence_end = ? "
        "AND type = ? AND id < ?",
        [document_id, begin, end, etype, mention_id],
    ).fetchone()[0]
    return {"document": fingerprint, "begin": begin, "end": end, "type": etype, "nth": nth}


def find_report(db: Database, key: ReportKey) -> tuple[int, int] | None:
    """The (mention id, event id) of the report ``key`` names in this store, if its article is here."""
    row = db.execute(
        "SELECT m.id, m.event_id FROM event_mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE d.fingerprint = ? AND m.evidence_begin = ? AND m.evidence_end = ? AND m.type = ? "
        "ORDER BY m.id LIMIT 1 OFFSET ?",
        [key["document"], key["begin"], key["end"], key["type"], key["nth"]],
    ).fetchone()
    return (row[0], row[1]) if row else None


def _report_of(db: Database, event_id: int) -> ReportKey:
    """The key of an event's first report."""
    return report_key(db, db.execute("SELECT MIN(id) FROM event_mentions WHERE event_id = ?", [event_id]).fetchone()[0])


def _stored_key(key: ReportKey) -> str:
    """A report key as the corrections table holds it: its five fields in one order, so equal keys are equal text."""
    return json.dumps({field: key[field] for field in ("document", "begin", "end", "type", "nth")})


def _record_correction(db: Database, kind: str, keep: ReportKey, other: ReportKey) -> None:
    """Keep the correction by its reports' keys, so it can be exported and replayed on another store."""
    db.execute(
        "INSERT INTO event_corrections (kind, keep_report, other_report, created_at) VALUES (?, ?, ?, ?)",
        [kind, _stored_key(keep), _stored_key(other), datetime.now(UTC).isoformat(timespec="seconds")],
    )


def correction_recorded(db: Database, kind: str, keep: ReportKey, other: ReportKey) -> bool:
    """Whether this store already holds this event correction (made here, or imported before)."""
    return (
        db.execute(
            "SELECT 1 FROM event_corrections WHERE kind = ? AND keep_report = ? AND other_report = ?",
            [kind, _stored_key(keep), _stored_key(other)],
        ).fetchone()
        is not None
    )
