"""The command line: a thin layer over the library, one module per command group.

Each command imports the library it calls in its own body, not at the top of its module: every module is
imported to register its commands, so ``--help`` and the commands that only read the store would otherwise
load spaCy, trafilatura and the web stack too.
"""

from rich.markup import escape

from factiongraph.cli import (
    actors,
    claims,
    corrections,
    datasette,
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
from factiongraph.cli._util import app, err_console
from factiongraph.errors import FactiongraphError

__all__ = [
    "actors",
    "app",
    "claims",
    "corrections",
    "datasette",
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
    """Run the CLI. A library error no command turned into its one line (the store held by another writer
    past all patience in the middle of an ingest) is still one line on stderr and exit code 1, and so is a bug:
    a user gets what broke in one line, not a traceback."""
    try:
        app()
    except FactiongraphError as error:
        err_console.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        raise SystemExit(1) from None
    except Exception as error:
        message = " ".join(f"unexpected {type(error).__name__}: {error}".split())
        err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
        raise SystemExit(1) from None
