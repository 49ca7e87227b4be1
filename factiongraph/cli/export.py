"""``factiongraph export``: the graph in a file, in any registered format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, library_errors, store


@app.command("export")
def export_cli(
    out: Annotated[Path, typer.Option("--out", help="File to write (a folder for re3d and neo4j).")],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="A registered format: json, graphml, gexf, neo4j, re3d, those of the other built-ins and of "
            "installed plugins (an unknown name lists them all).",
        ),
    ] = "json",
    start: Annotated[
        str | None, typer.Option("--from", help="Facts from this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Facts up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    actors: Annotated[
        list[str] | None, typer.Option("--actor", help="Only this actor (any name) and its facts; repeatable.")
    ] = None,
    types: Annotated[
        list[str] | None,
        typer.Option("--type", help="Only relations (Controls) or events (ASSAULT) of this type; repeatable."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the graph: nodes with their names, edges with dates and evidence, events and claims.

    Filters narrow every format: facts in the date window (an undated one at its article's date), those the
    named actors are part of, of the named types; the nodes are then those the kept facts touch.
    """
    from factiongraph.export import ExportFilters, export_graph

    filters = ExportFilters(start, end, tuple(actors or ()), tuple(types or ()))
    with library_errors():
        summary = export_graph(store(db), output_format, out, filters)
    console.print(
        f"{summary.nodes} nodes, {summary.edges} edges, {summary.events} events, {summary.claims} claims → {out}",
        highlight=False,
        soft_wrap=True,
    )
