"""Exports of the graph and of extractions, each registered by format name."""

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from factiongraph.export.json_graph import export_json
from factiongraph.export.re3d import re3d_entities, re3d_relations

GRAPH_EXPORTERS: dict[str, Callable[[Database], dict[str, Any]]] = {"json": export_json}

__all__ = ["GRAPH_EXPORTERS", "export_json", "re3d_entities", "re3d_relations"]
