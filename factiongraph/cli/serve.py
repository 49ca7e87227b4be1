"""``factiongraph serve``: the HTTP API and the web UI over a store."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, KbOption, app, console, fail, library_errors

HostOption = Annotated[str, typer.Option("--host", help="Address to bind; off loopback only with a token.")]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")]
AllowHostOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-host",
        help="Another Host name the server answers to (a name a reverse proxy or DNS gives it); repeatable.",
    ),
]
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


def run_server(
    db: Path, host: str, port: int, token: str | None, kb: Path | None = None, allow_hosts: list[str] | None = None
) -> None:
    """Serve ``db`` until interrupted, answering only to the Host names of ``host`` (and ``allow_hosts``);
    refuses (exit code 2) an empty token, which would let anyone write, and to listen off loopback without one."""
    if token is not None and not token.strip():
        fail("refusing an empty --token: it would let anyone write; give a real one, or none to take no writes", code=2)
    if not token and not is_loopback(host):
        fail(f"refusing to serve on {host} without a token: pass --token or set FACTIONGRAPH_TOKEN", code=2)
    import uvicorn  # here, not at the top: every other command would pay for importing the web stack

    from factiongraph.api import create_app
    from factiongraph.api.security import host_names
    from factiongraph.kb import load_kb

    with library_errors():
        api = create_app(db, token=token, kb=load_kb(kb), allowed_hosts=host_names(host, allow_hosts or ()))
    console.print(f"Serving {db} at [bold]http://{host}:{port}/[/bold] (API at /api, docs at /docs; Ctrl+C stops)")
    uvicorn.run(api, host=host, port=port, log_level="warning")


@app.command("serve")
def serve_cli(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    token: TokenOption = None,
    kb: KbOption = None,
    allow_host: AllowHostOption = None,
) -> None:
    """Serve the HTTP API (/api, OpenAPI at /openapi.json) and the web UI over a store."""
    from factiongraph.store import default_db_path

    run_server(db if db is not None else default_db_path(), host, port, token, kb, allow_host)
