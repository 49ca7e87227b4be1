"""Events in the graph: what happened, who took part, where and when, with the sentence."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factiongraph.graph.queries import Evidence, find_actor, format_when
from factiongraph.store.queries import grouped, placeholders, published_window, sentence_sql


@dataclass(frozen=True)
class EventView:
    id: int
    type: str
    when: str | None
    precision: str
    place: str | None
    actors: tuple[tuple[str, str], ...]
    """(name, role) pairs; role "source" acts, "target" is acted on."""
    evidence: Evidence


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
    """Events, oldest first (undated ones at their article's publication date), filtered as asked."""
    actor_id = find_actor(db, actor) if actor else None
    place_id = find_actor(db, place) if place else None
    window, window_params = published_window("e", start, end)
    rows = db.execute(
        "SELECT e.id, e.type, e.when_start, e.when_end, e.precision, p.name, e.document_id, d.title, d.published, "
        f"e.evidence_begin, e.evidence_end, {sentence_sql('e')} "
        "FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN entities p ON p.id = e.place_id "
        "WHERE (? IS NULL OR e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)) "
        "AND (? IS NULL OR e.type = ?) AND (? IS NULL OR e.place_id = ?) "
        f"AND {window} "
        "ORDER BY COALESCE(e.when_start, d.published) IS NULL, COALESCE(e.when_start, d.published), e.id"
        + (" LIMIT ?" if limit else ""),
        [actor_id, actor_id, event_type, event_type, place_id, place_id, *window_params] + ([limit] if limit else []),
    ).fetchall()
    marks = placeholders(rows)
    actors = grouped(
        db.execute(
            f"SELECT a.event_id, x.name, a.role FROM event_actors a JOIN entities x ON x.id = a.entity_id "
            f"WHERE a.event_id IN ({marks}) ORDER BY a.role, x.name",
            [r[0] for r in rows],
        )
    )
    return [
        EventView(
            eid,
            etype,
            format_when(start_, end_),
            precision,
            place_name,
            tuple(actors.get(eid, ())),
            Evidence(doc_id, title, published, begin, stop, quote),
        )
        for eid, etype, start_, end_, precision, place_name, doc_id, title, published, begin, stop, quote in rows
    ]
