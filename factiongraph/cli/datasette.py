"""``factiongraph datasette``: the store in Datasette, with the project's metadata and canned queries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, library_errors
from factiongraph.cli.serve import HostOption, PortOption, is_loopback


@app.command("datasette")
def datasette_cli(
    store_path: Annotated[
        Path | None, typer.Argument(metavar="STORE", dir_okay=False, help="The store to open (default: --db's).")
    ] = None,
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8001,
) -> None:
    """Open the store in Datasette, read-only (an ingest may run beside it): every table with descriptions and
    facets, and canned queries for an actor's profile, a pair's timeline, claims by speaker and events in a
    window."""
    import uvicorn  # here, not at the top: every other command would pay for importing the web stack

    from factiongraph.datasette_app import store_datasette
    from factiongraph.store import default_db_path

    path = store_path or db or default_db_path()
    if not is_loopback(host):
        console.print(f"[yellow]note:[/yellow] serving {path} to everyone who can reach {host}", highlight=False)
    with library_errors():
        datasette = store_datasette(path)
    console.print(f"Datasette on {path} at [bold]http://{host}:{port}/{path.stem}[/bold] (read-only; Ctrl+C stops)")
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
