"""``factiongraph merge`` and ``factiongraph split``: an analyst's corrections, kept across re-ingests."""

from __future__ import annotations

from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, library_errors, store
from factiongraph.graph import merge, split


@app.command("merge")
def merge_cli(
    keep: Annotated[str, typer.Argument(help="A name of the actor to keep.")],
    other: Annotated[str, typer.Argument(help="A name of the actor that is the same one.")],
    db: DbOption = None,
) -> None:
    """Merge two actors into one (the first keeps its canonical name); later ingests follow the merge."""
    with library_errors():
        profile = merge(store(db), keep, other)
    console.print(f"merged: [bold]{profile.name}[/bold] now also {'; '.join(profile.names_in_text)}", highlight=False)


@app.command("split")
def split_cli(
    actor: Annotated[str, typer.Argument(help="A name of the actor.")],
    name: Annotated[str, typer.Argument(help="The name that is not this actor.")],
    db: DbOption = None,
) -> None:
    """Split a name off an actor onto an actor of its own; later ingests keep them apart."""
    with library_errors():
        profile = split(store(db), actor, name)
    console.print(f"split: [bold]{profile.name}[/bold] ({profile.type}) is an actor of its own", highlight=False)
