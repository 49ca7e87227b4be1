"""``factiongraph serve``: the HTTP API and the web UI over a store."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, KbOption, app, console, fail, library_errors
from factiongraph.kb import load_kb
from factiongraph.store import default_db_path

HostOption = Annotated[str, typer.Option("--host", help="Address to bind; off loopback only with a token.")]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")]
TokenOption = Annotated[
    str | None,
    typer.Option(
        "--token", envvar="FACTIONGRAPH_TOKEN", help="Bearer token the write endpoints need (merge, split, ingest)."
    ),
]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_server(db: Path, host: str, port: int, token: str | None, kb: Path | None = None) -> None:
    """Serve ``db`` until interrupted; refuses (exit code 2) to listen off loopback without a token."""
    if not token and not is_loopback(host):
        fail(f"refusing to serve on {host} without a token: pass --token or set FACTIONGRAPH_TOKEN", code=2)
    import uvicorn  # here, not at the top: every other command would pay for importing the web stack

    from factiongraph.api import create_app

    with library_errors():
        api = create_app(db, token=token, kb=load_kb(kb))
    console.print(f"Serving {db} at [bold]http://{host}:{port}/[/bold] (API at /api, docs at /docs; Ctrl+C stops)")
    uvicorn.run(api, host=host, port=port, log_level="warning")


@app.command("serve")
def serve_cli(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    token: TokenOption = None,
    kb: KbOption = None,
) -> None:
    """Serve the HTTP API (/api, OpenAPI at /openapi.json) and the web UI over a store."""
    run_server(db if db is not None else default_db_path(), host, port, token, kb)
