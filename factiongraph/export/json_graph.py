"""The graph as one JSON document: nodes, edges with their evidence, events and claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factiongraph.export.model import Event, Evidence, ExportGraph, load_export_graph
from factiongraph.export.registry import register_exporter

if TYPE_CHECKING:
    from sqlite_utils import Database


def export_json(db: Database) -> dict[str, Any]:
    """The whole store's graph as the JSON document :func:`write_json` writes."""
    return graph_document(load_export_graph(db))


@register_exporter("json")
def write_json(graph: ExportGraph, out: Path) -> None:
    """factiongraph's own JSON: nodes with aliases, edges with dates and evidence, events, claims."""
    out.write_text(json.dumps(graph_document(graph), ensure_ascii=False, indent=1), encoding="utf-8")


def graph_document(graph: ExportGraph) -> dict[str, Any]:
    """Nodes are the entities mentioned or related; an edge gathers every quote of one fact.

    A node's ``id`` is its stable key (``kb:<actor>`` for KB actors), so exports of
    different stores of the same corpus agree.
    """
    return {
        "nodes": [{"id": n.id, "type": n.type, "name": n.name, "aliases": list(n.aliases)} for n in graph.nodes],
        "edges": [
            {
                "id": e.id,
                "type": e.type,
                "source": e.source,
                "target": e.target,
                "when": e.when,
                "precision": e.precision,
                "evidence": [_evidence(ev) for ev in e.evidence],
            }
            for e in graph.edges
        ],
        "events": [_event(event) for event in graph.events],
        "claims": [
            {
                "id": c.id,
                "speaker": c.speaker,
                "speaker_text": c.speaker_text,
                "stance": c.stance,
                "about": list(c.about),
                "content": c.content,
                "when": c.when,
                "evidence": [_evidence(c.evidence)],
            }
            for c in graph.claims
        ],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {"document": evidence.document_id, "begin": evidence.begin, "end": evidence.end, "text": evidence.text}


def _event(event: Event) -> dict[str, Any]:
    """An event with actors and place as node ids, the latest death toll, and per report its outlet, date, tolls
    and why it was joined, with one quote each."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "when": event.when,
        "precision": event.precision,
        "place": event.place,
        "actors": list(dict.fromkeys(a.node for a in event.actors)),
        "fatalities": event.fatalities,
        "injured": event.injured,
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
            for r in event.reports
        ],
        "evidence": [
            {"document": e.document_id, "begin": e.start, "end": e.end, "text": e.sentence}
            for e in (r.evidence[0] for r in event.reports)
        ],
    }
