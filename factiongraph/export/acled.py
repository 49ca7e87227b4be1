"""The ``acled-csv`` export: events in ACLED's columns, one row per event (docs/plover-acled.md).

ACLED is the dataset analysts compare conflict counts with; written in its column names and codes, factiongraph's
events open in the spreadsheets and scripts already written for it.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from factiongraph.export.model import ExportGraph
from factiongraph.export.registry import register_exporter

if TYPE_CHECKING:
    from factiongraph.export.event_formats import InterCoder
    from factiongraph.export.model import Event

ACLED_COLUMNS = (
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
)
"""ACLED's columns, in its order, as its exports name them."""


@register_exporter("acled-csv")
def write_acled_csv(graph: ExportGraph, out: Path) -> None:
    """Events in ACLED's columns, one row per event, with the PLOVER -> ACLED mapping of docs/plover-acled.md."""
    from factiongraph.export.event_formats import InterCoder

    coder = InterCoder()
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in graph.events:
            writer.writerow(acled_row(graph, event, coder))


def acled_row(graph: ExportGraph, event: Event, coder: InterCoder) -> dict[str, object]:
    """One event as ACLED codes one; a value ACLED has and factiongraph does not know is left empty."""
    from factiongraph.export.event_formats import event_days, event_formats, event_sides, place_facts

    codes = event_formats().acled
    place = graph.node(event.place) if event.place else None
    where = place_facts(place.place_id if place else None, place.place_precision if place else None)
    acting, acted_on = event_sides(event)
    inter1 = coder.code(graph.node(acting[0]).kb_id, "acts", where.country_code) if acting else None
    inter2 = coder.code(graph.node(acted_on[0]).kb_id, "acted_on", where.country_code) if acted_on else None
    days = event_days(event)
    disorder = codes.disorder_by_sub_event.get(event.acled_sub_event_type or "") or codes.disorder_types.get(
        event.acled_event_type or "", ""
    )
    return {
        "event_date": days.middle.isoformat() if days else "",
        "year": days.middle.year if days else "",
        "time_precision": days.acled_time_precision if days else "",
        "disorder_type": disorder,
        "event_type": event.acled_event_type or "",
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": graph.node(acting[0]).name if acting else "",
        "assoc_actor_1": "; ".join(graph.node(n).name for n in acting[1:]),
        "inter1": inter1 or "",
        "actor2": graph.node(acted_on[0]).name if acted_on else "",
        "assoc_actor_2": "; ".join(graph.node(n).name for n in acted_on[1:]),
        "inter2": inter2 or "",
        "interaction": _interaction(inter1, inter2),
        "country": where.country or "",
        "admin1": where.admin1 or "",
        "location": place.name if place else "",
        "latitude": place.latitude if place and place.latitude is not None else "",
        "longitude": place.longitude if place and place.longitude is not None else "",
        "geo_precision": codes.geo_precision.get(where.precision, "") if where.precision else "",  # type: ignore[call-overload]
        "source": "; ".join(dict.fromkeys(r.outlet or r.title or f"document {r.document_id}" for r in event.reports)),
        "source_scale": "",
        "notes": _notes(event),
        "fatalities": min((r.killed for r in event.reports if r.killed is not None), default=0),
    }


def _interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's two-digit interaction: the lower code first; one side alone is its code and 0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1] if len(codes) > 1 else 0}"


def _notes(event: Event) -> str:
    """The first report's sentence on one line, and every toll with who gives it when reports disagree."""
    cited = event.reports[0].evidence if event.reports else ()
    first = " ".join(cited[0].sentence.split()) if cited else ""
    tolls: dict[int, list[str]] = {}
    for report in event.reports:
        if report.killed is not None:
            tolls.setdefault(report.killed, []).append(
                report.outlet or report.title or f"document {report.document_id}"
            )
    if len(tolls) < 2:
        return first
    given = "; ".join(f"{count} ({', '.join(dict.fromkeys(who))})" for count, who in sorted(tolls.items()))
    return f"{first} [fatalities: {given}]"
