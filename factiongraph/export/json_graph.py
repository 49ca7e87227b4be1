"""The graph as one JSON document: nodes, edges with their evidence, events and claims."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from factiongraph.graph.events import event_reports
from factiongraph.graph.queries import format_when
from factiongraph.store.queries import grouped, sentence_sql


def export_json(db: Database) -> dict[str, Any]:
    """Nodes are the entities mentioned or related; an edge gathers every quote of one fact.

    A node's ``id`` is its stable key (``kb:<actor>`` for KB actors), so exports of
    different stores of the same corpus agree.
    """
    nodes = []
    aliases = grouped(db.execute("SELECT entity_id, name FROM aliases ORDER BY id"))
    for entity_id, key, etype, name in db.execute(
        "SELECT id, key, type, name FROM entities WHERE id IN (SELECT entity_id FROM mentions) "
        "OR id IN (SELECT source_id FROM relations) OR id IN (SELECT target_id FROM relations) ORDER BY id"
    ):
        others = [a for a in aliases.get(entity_id, []) if a != name]
        nodes.append({"id": key, "type": etype, "name": name, "aliases": others})

    edges: dict[tuple[str, str, str, str | None], dict[str, Any]] = {}
    rows = db.execute(
        "SELECT r.type, s.key, t.key, r.when_start, r.when_end, r.precision, r.document_id, "
        f"r.evidence_begin, r.evidence_end, {sentence_sql('r')} "
        "FROM relations r JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id "
        "JOIN documents d ON d.id = r.document_id ORDER BY r.id"
    )
    for rtype, source, target, start, stop, precision, document_id, begin, end, quote in rows:
        when = format_when(start, stop)
        edge = edges.setdefault(
            (rtype, source, target, when),
            {
                "id": f"e{len(edges) + 1}",
                "type": rtype,
                "source": source,
                "target": target,
                "when": when,
                "precision": precision,
                "evidence": [],
            },
        )
        edge["evidence"].append({"document": document_id, "begin": begin, "end": end, "text": quote})
    return {"nodes": nodes, "edges": list(edges.values()), "events": _events(db), "claims": _claims(db)}


def _events(db: Database) -> list[dict[str, Any]]:
    """Events counted once however many articles report them: actors and place as node ids, the latest
    death toll, and per report its outlet, date, tolls and why it was joined, with one quote each."""
    actors = grouped(
        db.execute("SELECT a.event_id, x.key FROM event_actors a JOIN entities x ON x.id = a.entity_id ORDER BY a.role")
    )
    rows = db.execute(
        "SELECT e.id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.when_start, e.when_end, "
        "e.precision, p.key FROM events e LEFT JOIN entities p ON p.id = e.place_id ORDER BY e.id"
    ).fetchall()
    reports = event_reports(db, [r[0] for r in rows])
    events = []
    for event_id, event_type, mode, acled, acled_sub, start, stop, precision, place in rows:
        told = reports.get(event_id, [])
        events.append(
            {
                "id": f"v{event_id}",
                "type": event_type,
                "mode": mode,
                "acled_event_type": acled,
                "acled_sub_event_type": acled_sub,
                "when": format_when(start, stop),
                "precision": precision,
                "place": place,
                "actors": list(dict.fromkeys(actors.get(event_id, []))),
                "fatalities": next((r.killed for r in reversed(told) if r.killed is not None), None),
                "injured": next((r.injured for r in reversed(told) if r.injured is not None), None),
                "reports": [
                    {
                        "document": r.document_id,
                        "outlet": r.outlet,
                        "title": r.title,
                        "published": r.published,
                        "fatalities": r.killed,
                        "injured": r.injured,
                        "joined_because": r.joined_because,
                    }
                    for r in told
                ],
                "evidence": [
                    {"document": e.document_id, "begin": e.start, "end": e.end, "text": e.sentence}
                    for e in (r.evidence[0] for r in told)
                ],
            }
        )
    return events


def _claims(db: Database) -> list[dict[str, Any]]:
    """Claims with speaker and subjects as node ids (an unnamed source keeps its words), stance and quote."""
    about = grouped(
        db.execute("SELECT a.claim_id, e.key FROM claim_about a JOIN entities e ON e.id = a.entity_id ORDER BY a.rowid")
    )
    rows = db.execute(
        "SELECT c.id, s.key, c.speaker_text, c.stance, c.content, c.when_start, c.when_end, c.document_id, "
        f"c.evidence_begin, c.evidence_end, {sentence_sql('c')} "
        "FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN entities s ON s.id = c.speaker_id "
        "ORDER BY c.id"
    )
    return [
        {
            "id": f"c{claim_id}",
            "speaker": speaker,
            "speaker_text": speaker_text,
            "stance": stance,
            "about": about.get(claim_id, []),
            "content": content,
            "when": format_when(start, stop),
            "evidence": [{"document": document_id, "begin": begin, "end": end, "text": quote}],
        }
        for claim_id, speaker, speaker_text, stance, content, start, stop, document_id, begin, end, quote in rows
    ]
