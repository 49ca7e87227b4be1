"""The command line: a thin layer over the library, one module per command group."""

from factiongraph.cli import (
    actors,
    claims,
    corrections,
    demo,
    events,
    export,
    extract,
    ingest,
    kb,
    serve,
    settings,
    snapshot,
    timeline,
)
from factiongraph.cli._util import app

__all__ = [
    "actors",
    "app",
    "claims",
    "corrections",
    "demo",
    "events",
    "export",
    "extract",
    "ingest",
    "kb",
    "main",
    "serve",
    "settings",
    "snapshot",
    "timeline",
]


def main() -> None:
    app()
