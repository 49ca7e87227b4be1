"""``factiongraph actors`` and ``factiongraph actor NAME``: who is in the graph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from factiongraph.cli._util import DbOption, app, console, library_errors, store

if TYPE_CHECKING:
    from factiongraph.graph import RelationView


@app.command("actors")
def actors_cli(
    db: DbOption = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="Only Person, Organisation, Location or Nationality.")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
) -> None:
    """List the actors in the graph, most mentioned first."""
    from factiongraph.graph import list_actors

    table = Table()
    table.add_column("actor", no_wrap=True)
    for heading in ("type", "mentions", "documents", "KB id"):
        table.add_column(heading)
    for actor in list_actors(store(db), entity_type=entity_type, limit=limit):
        table.add_row(actor.name, actor.type, str(actor.mentions), str(actor.documents), actor.kb_id or "")
    console.print(table)


def _relation_line(relation: RelationView, actor_id: int) -> str:
    when = relation.when or "undated"
    if relation.source_id == actor_id:
        fact = f"[bold]{relation.type}[/bold] → {relation.target}"
    else:
        fact = f"{relation.source} → [bold]{relation.type}[/bold] → (this actor)"
    quote = relation.evidence.text.strip()
    return f"{when:>10}  {fact}\n            “{quote}” [dim](doc {relation.evidence.document_id})[/dim]"


@app.command("actor")
def actor_cli(
    name: Annotated[str, typer.Argument(help="Any name or alias of the actor.")],
    db: DbOption = None,
) -> None:
    """Show one actor: type, every name, affiliations and relations with dates and quotes."""
    from factiongraph.graph import actor_profile

    with library_errors():
        profile = actor_profile(store(db), name)
    console.print(f"[bold]{profile.name}[/bold] ({profile.type}{', KB ' + profile.kb_id if profile.kb_id else ''})")
    if profile.latitude is not None:
        console.print(f"at {profile.latitude:.4f}, {profile.longitude:.4f} (precision: {profile.precision})")
    others = [n for n in profile.names if n != profile.name]
    if others:
        console.print("also known as: " + "; ".join(others), highlight=False, soft_wrap=True)
    if profile.affiliations:
        console.print("\n[bold]affiliations[/bold]")
        for relation in profile.affiliations:
            console.print(_relation_line(relation, profile.id), highlight=False, soft_wrap=True)
    others = [r for r in profile.relations if r not in profile.affiliations]
    if others:
        console.print("\n[bold]relations[/bold]")
        for relation in others:
            console.print(_relation_line(relation, profile.id), highlight=False, soft_wrap=True)
