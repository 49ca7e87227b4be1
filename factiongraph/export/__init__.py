"""Exports of the graph and of extractions, each registered by format name.

The re3d exports read spaCy's Docs, so they are imported when first asked for: exporting the store does not
load spaCy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

    from factiongraph.export.re3d import re3d_entities, re3d_relations


def export_json(db: Database) -> dict[str, Any]:
    """The graph as one JSON document (:func:`factiongraph.export.json_graph.export_json`), imported when first
    called: the command line lists the exporters in its help, which reads no store."""
    from factiongraph.export import json_graph

    return json_graph.export_json(db)


GRAPH_EXPORTERS: dict[str, Callable[[Database], dict[str, Any]]] = {"json": export_json}

__all__ = ["GRAPH_EXPORTERS", "export_json", "re3d_entities", "re3d_relations"]


def __getattr__(name: str) -> object:
    if name in ("re3d_entities", "re3d_relations"):
        from factiongraph.export import re3d

        return getattr(re3d, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
