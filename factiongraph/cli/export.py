"""``factiongraph export``: the graph in a file."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, store
from factiongraph.export import GRAPH_EXPORTERS

ExportFormat = StrEnum("ExportFormat", {name: name for name in GRAPH_EXPORTERS})
DEFAULT_FORMAT = ExportFormat("json")


@app.command("export")
def export_cli(
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    output_format: Annotated[ExportFormat, typer.Option("--format", help="Export format.")] = DEFAULT_FORMAT,
    db: DbOption = None,
) -> None:
    """Export the graph: nodes with aliases, edges with dates and evidence, events and claims."""
    graph = GRAPH_EXPORTERS[output_format.value](store(db))
    out.write_text(json.dumps(graph, ensure_ascii=False, indent=1), encoding="utf-8")
    console.print(f"{len(graph['nodes'])} nodes, {len(graph['edges'])} edges → {out}")
