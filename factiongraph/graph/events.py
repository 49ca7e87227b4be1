"""Events in the graph: what happened, who took part, where and when, and every report that tells it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from factiongraph.graph.queries import Citation, Evidence, find_actor, format_when
from factiongraph.store.events import UnknownEventError
from factiongraph.store.queries import placeholders, published_window, sentence_sql


@dataclass(frozen=True)
class EventReport:
    """What one article says of an event: its outlet and date, its counts, why it was joined, its sentences."""

    document_id: int
    title: str | None
    outlet: str | None
    published: str | None
    killed: int | None
    injured: int | None
    joined_because: str
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class EventView:
    id: int
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    when: str | None
    precision: str
    place: str | None
    actors: tuple[tuple[str, str], ...]
    """(name, role) pairs; role "source" acts, "target" is acted on."""
    evidence: Evidence
    """The first report's sentence."""
    reports: tuple[EventReport, ...]
    """One per article, first reported first."""

    @property
    def killed(self) -> dict[int, tuple[str, ...]]:
        """Each death toll the reports give, with who gives it (outlet, else title): disagreements kept."""
        return _tolls(self.reports, "killed")

    @property
    def injured(self) -> dict[int, tuple[str, ...]]:
        return _tolls(self.reports, "injured")

    @property
    def latest_killed(self) -> int | None:
        """The toll of the latest report that gives one: tolls are revised as news comes in."""
        return next((r.killed for r in reversed(self.reports) if r.killed is not None), None)

    @property
    def latest_injured(self) -> int | None:
        return next((r.injured for r in reversed(self.reports) if r.injured is not None), None)


def _tolls(reports: Sequence[EventReport], kind: str) -> dict[int, tuple[str, ...]]:
    tolls: dict[int, list[str]] = {}
    for report in reports:
        count = getattr(report, kind)
        if count is not None:
            tolls.setdefault(count, []).append(report.outlet or report.title or f"document {report.document_id}")
    return {count: tuple(dict.fromkeys(who)) for count, who in sorted(tolls.items())}


_EVENT_COLUMNS = (
    "e.id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.when_start, e.when_end, e.precision, "
    f"p.name, e.document_id, d.title, d.published, e.evidence_begin, e.evidence_end, {sentence_sql('e')}"
)
_EVENT_FROM = "FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN entities p ON p.id = e.place_id"


def list_events(
    db: Database,
    *,
    actor: str | None = None,
    event_type: str | None = None,
    place: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int | None = None,
) -> list[EventView]:
    """Events, oldest first (undated ones at their first report's publication date), filtered as asked."""
    actor_id = find_actor(db, actor) if actor else None
    place_id = find_actor(db, place) if place else None
    window, window_params = published_window("e", start, end)
    rows = db.execute(
        f"SELECT {_EVENT_COLUMNS} {_EVENT_FROM} "
        "WHERE (? IS NULL OR e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)) "
        "AND (? IS NULL OR e.type = ?) AND (? IS NULL OR e.place_id = ?) "
        f"AND {window} "
        "ORDER BY COALESCE(e.when_start, d.published) IS NULL, COALESCE(e.when_start, d.published), e.id"
        + (" LIMIT ?" if limit else ""),
        [actor_id, actor_id, event_type, event_type, place_id, place_id, *window_params] + ([limit] if limit else []),
    ).fetchall()
    return _views(db, rows)


def event_detail(db: Database, event_id: int) -> EventView:
    """One event with every report of it (:class:`UnknownEventError` if there is none with this id)."""
    rows = db.execute(f"SELECT {_EVENT_COLUMNS} {_EVENT_FROM} WHERE e.id = ?", [event_id]).fetchall()
    if not rows:
        raise UnknownEventError(f"no event with id {event_id}: 'factiongraph events' lists them")
    return _views(db, rows)[0]


def _views(db: Database, rows: Sequence[Sequence[object]]) -> list[EventView]:
    ids = [int(r[0]) for r in rows]  # type: ignore[call-overload]
    actors: dict[int, dict[str, str]] = {}
    for event_id, name, role in db.execute(
        f"SELECT a.event_id, x.name, a.role FROM event_actors a JOIN entities x ON x.id = a.entity_id "
        f"WHERE a.event_id IN ({placeholders(ids)}) ORDER BY a.role, x.name",
        ids,
    ):
        actors.setdefault(event_id, {}).setdefault(name, role)  # one that acts in any report acts
    reports = event_reports(db, ids)
    return [
        EventView(
            eid,
            etype,
            mode,
            acled,
            acled_sub,
            format_when(start_, end_),
            precision,
            place_name,
            tuple(actors.get(eid, {}).items()),
            Evidence(doc_id, title, published, begin, stop, quote),
            tuple(reports.get(eid, ())),
        )
        for (
            eid,
            etype,
            mode,
            acled,
            acled_sub,
            start_,
            end_,
            precision,
            place_name,
            doc_id,
            title,
            published,
            begin,
            stop,
            quote,
        ) in rows  # type: ignore[misc]
    ]


def event_reports(db: Database, event_ids: Sequence[int]) -> dict[int, list[EventReport]]:
    """Each event's reports, one per article, earliest published first; an article's counts are the
    highest its sentences give."""
    if not event_ids:
        return {}
    rows = db.execute(
        "SELECT m.event_id, m.document_id, d.title, d.outlet, d.published, m.killed, m.injured, m.joined_because, "
        f"m.evidence_begin, m.evidence_end, {sentence_sql('m')} "
        "FROM event_mentions m JOIN documents d ON d.id = m.document_id "
        f"WHERE m.event_id IN ({placeholders(event_ids)}) "
        "ORDER BY m.event_id, d.published IS NULL, d.published, m.document_id, m.id",
        list(event_ids),
    ).fetchall()
    found: dict[int, dict[int, EventReport]] = {}
    for event_id, doc_id, title, outlet, published, killed, injured, why, begin, end, quote in rows:
        evidence = Citation(doc_id, title, published, quote, begin, end)
        report = found.setdefault(event_id, {}).get(doc_id)
        if report is None:
            found[event_id][doc_id] = EventReport(doc_id, title, outlet, published, killed, injured, why, (evidence,))
            continue
        found[event_id][doc_id] = EventReport(
            doc_id,
            title,
            outlet,
            published,
            max((c for c in (report.killed, killed) if c is not None), default=None),
            max((c for c in (report.injured, injured) if c is not None), default=None),
            report.joined_because,
            report.evidence if evidence in report.evidence else (*report.evidence, evidence),
        )
    return {event_id: list(by_document.values()) for event_id, by_document in found.items()}
