"""The ``plover`` export: one PLOVER JSON object per event (docs/plover-acled.md), for comparing with
POLECAT and the other PLOVER-coded datasets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factiongraph.export.model import ExportGraph
from factiongraph.export.registry import register_exporter

if TYPE_CHECKING:
    from factiongraph.export.model import Event, Node


@register_exporter("plover")
def write_plover(graph: ExportGraph, out: Path) -> None:
    """Events as PLOVER JSON (event_type, mode, context, actor, recipient, event_loc, event_text, text_info,
    cite_info), one object per event, in one array."""
    records = [plover_event(graph, event) for event in graph.events]
    out.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def plover_event(graph: ExportGraph, event: Event) -> dict[str, Any]:
    """One event as a PLOVER record, with every report that tells it in ``cite_info``."""
    from factiongraph.export.event_formats import event_days, event_formats, event_sides

    codes = event_formats().plover
    acting, acted_on = event_sides(event)
    days = event_days(event)
    first = event.reports[0].evidence[0] if event.reports and event.reports[0].evidence else None
    return {
        "id": f"factiongraph-event-{event.id.removeprefix('v')}",
        "date": days.first.isoformat() if days else None,
        "date_precision": event.precision,
        "event_type": event.type,
        "mode": event.mode,
        "context": list(codes.contexts.get(event.mode or "", [])),
        "actor": _actor(graph.node(acting[0])) if acting else None,
        "actor_others": [_actor(graph.node(n)) for n in acting[1:]],
        "recipient": _actor(graph.node(acted_on[0])) if acted_on else None,
        "recipient_others": [_actor(graph.node(n)) for n in acted_on[1:]],
        "event_loc": _location(graph.node(event.place)) if event.place else None,
        "event_text": first.sentence if first else None,
        "text_info": {"document_id": first.document_id, "offsets": [first.start, first.end]} if first else None,
        "cite_info": [
            {
                "document_id": report.document_id,
                "title": report.title,
                "outlet": report.outlet,
                "url": graph.documents[report.document_id].url if report.document_id in graph.documents else None,
                "published": report.published,
                "sentence": report.evidence[0].sentence if report.evidence else None,
                "offsets": [report.evidence[0].start, report.evidence[0].end] if report.evidence else None,
                "killed": report.killed,
                "injured": report.injured,
                "joined_because": report.joined_because,
            }
            for report in event.reports
        ],
        "acled": (
            {"event_type": event.acled_event_type, "sub_event_type": event.acled_sub_event_type}
            if event.acled_event_type
            else None
        ),
    }


def _actor(node: Node) -> dict[str, Any]:
    return {"name": node.name, "id": node.id, "kb_id": node.kb_id, "type": node.type}


def _location(node: Node) -> dict[str, Any]:
    """Where the event was: the place's coordinates, how precisely they place it, its country and governorate."""
    from factiongraph.export.event_formats import event_formats, place_facts

    where = place_facts(node.place_id, node.place_precision)
    return {
        "name": node.name,
        "place_id": node.place_id,
        "lat": node.latitude,
        "lon": node.longitude,
        "resolution": event_formats().plover.resolution.get(where.precision) if where.precision else None,  # type: ignore[call-overload]
        "country": where.country_code,
        "admin1": where.admin1,
    }
