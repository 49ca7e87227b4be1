"""The store in re3d's schema: ``entities.json`` and ``relations.json``, one JSON object a line, as
``factiongraph extract --format re3d`` writes them for documents it parses without a store.

Where re3d's conventions differ from factiongraph's, the mapping lives here (:mod:`factiongraph.export.re3d`
applies it to parsed documents too).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factiongraph.export.model import Edge, ExportGraph
from factiongraph.export.registry import register_exporter

RE3D_RELATION_TYPE = {"Controls": "InChargeOf"}
RE3D_BOTH_WAYS = {"IsSynonymOf", "CommWith"}
"""re3d annotates these twice, once from each end; the writer does the same."""


@register_exporter("re3d", directory=True, mentions=True)
def write_re3d_store(graph: ExportGraph, out: Path) -> None:
    """re3d's entities.json and relations.json (JSON lines) in the folder --out, from the stored mentions and
    relations; a document from re3d keeps its _id."""
    document_ids = {i: d.external_id or d.source for i, d in graph.documents.items()}
    entities = [
        {"documentId": document_ids[m.document_id], "begin": m.begin, "end": m.end, "type": m.type, "value": m.text}
        for m in graph.mentions
    ]
    relations = [record for edge in graph.edges for record in _relation_records(edge, document_ids)]
    for name, records in (("entities.json", entities), ("relations.json", relations)):
        with (out / name).open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _relation_records(edge: Edge, document_ids: dict[int, str]) -> list[dict[str, Any]]:
    """One record per sentence that says the edge (two for a relation re3d annotates from both ends)."""
    records = []
    for evidence in edge.evidence:
        if evidence.source is None or evidence.target is None:
            continue
        ends = [(evidence.source, evidence.target)]
        if edge.type in RE3D_BOTH_WAYS:
            ends.append((evidence.target, evidence.source))
        records += [
            {
                "documentId": document_ids[evidence.document_id],
                "type": RE3D_RELATION_TYPE.get(edge.type, edge.type),
                "sourceBegin": source.begin,
                "sourceEnd": source.end,
                "source": source.text,
                "targetBegin": target.begin,
                "targetEnd": target.end,
                "target": target.text,
            }
            for source, target in ends
        ]
    return records
