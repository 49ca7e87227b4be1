"""Exports of the graph and of extractions, each format registered by name.

:mod:`factiongraph.export.registry` says how an exporter is written and registered (built-ins and plugins
alike); :mod:`factiongraph.export.model` is the read model they all take. Names are imported when first asked
for: the re3d exports of parsed documents read spaCy's Docs, and exporting the store loads no spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factiongraph.export.json_graph import export_json
    from factiongraph.export.model import ExportFilters, ExportGraph, load_export_graph
    from factiongraph.export.re3d import re3d_entities, re3d_relations
    from factiongraph.export.registry import (
        Exporter,
        ExportSummary,
        UnknownFormatError,
        export_graph,
        get_exporter,
        known_exporters,
        register_exporter,
    )

_MODULE_OF = {
    "export_json": "json_graph",
    "ExportFilters": "model",
    "ExportGraph": "model",
    "load_export_graph": "model",
    "re3d_entities": "re3d",
    "re3d_relations": "re3d",
    "Exporter": "registry",
    "ExportSummary": "registry",
    "UnknownFormatError": "registry",
    "export_graph": "registry",
    "get_exporter": "registry",
    "known_exporters": "registry",
    "register_exporter": "registry",
}

__all__ = [
    "ExportFilters",
    "ExportGraph",
    "ExportSummary",
    "Exporter",
    "UnknownFormatError",
    "export_graph",
    "export_json",
    "get_exporter",
    "known_exporters",
    "load_export_graph",
    "re3d_entities",
    "re3d_relations",
    "register_exporter",
]


def __getattr__(name: str) -> object:
    if name in _MODULE_OF:
        return getattr(importlib.import_module(f"factiongraph.export.{_MODULE_OF[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
