"""``factiongraph actors`` and ``factiongraph actor NAME``: who is in the graph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from factiongraph.cli._util import DbOption, app, console, library_errors, store
from factiongraph.vocab import MEMBERSHIP

if TYPE_CHECKING:
    from factiongraph.graph import RelationItem


@app.command("actors")
def actors_cli(
    db: DbOption = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="Only Person, Organisation, Location or Nationality.")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
) -> None:
    """List the actors in the graph, most mentioned first."""
    from factiongraph.graph import documents_mentioning, search_actors

    database = store(db)
    # the API's list, most mentioned first; an actor no article mentions (known from the KB alone) is left out
    hits = [hit for hit in search_actors(database, entity_type=entity_type, limit=limit).items if hit.mentions]
    documents = documents_mentioning(database, [hit.id for hit in hits])
    table = Table()
    table.add_column("actor", no_wrap=True)
    for heading in ("type", "mentions", "documents", "KB id"):
        table.add_column(heading)
    for hit in hits:
        table.add_row(hit.name, hit.type, str(hit.mentions), str(documents[hit.id]), hit.kb_id or "")
    console.print(table)


def is_affiliation(relation: RelationItem, actor_id: int) -> bool:
    """Whether the relation is the actor's belonging to or commanding something: listed apart, first."""
    return relation.type in MEMBERSHIP and relation.source.id == actor_id


def _relation_line(relation: RelationItem, actor_id: int) -> str:
    when = relation.when or "undated"
    if relation.source.id == actor_id:
        fact = f"[bold]{relation.type}[/bold] → {relation.target.name}"
    else:
        fact = f"{relation.source.name} → [bold]{relation.type}[/bold] → (this actor)"
    quote = relation.evidence.sentence.strip()
    return f"{when:>10}  {fact}\n            “{quote}” [dim](doc {relation.evidence.document_id})[/dim]"


@app.command("actor")
def actor_cli(
    name: Annotated[str, typer.Argument(help="Any name or alias of the actor.")],
    db: DbOption = None,
) -> None:
    """Show one actor: type, every name, affiliations and relations with dates and quotes."""
    from factiongraph.graph import EVERY, actor_detail, find_actor, relations_page

    with library_errors():
        database = store(db)
        actor_id = find_actor(database, name)
        # the API's actor page for who it is; its relations, every one, as /api/relations?actor= pages them
        actor = actor_detail(database, actor_id, limit=1)
        relations = relations_page(database, actor=actor_id, limit=EVERY).items
    console.print(f"[bold]{actor.name}[/bold] ({actor.type}{', KB ' + actor.kb_id if actor.kb_id else ''})")
    if actor.lat is not None:
        console.print(f"at {actor.lat:.4f}, {actor.lon:.4f} (precision: {actor.precision})")
    others = [n for n in actor.names if n != actor.name]
    if others:
        console.print("also known as: " + "; ".join(others), highlight=False, soft_wrap=True)
    affiliations = [r for r in relations if is_affiliation(r, actor_id)]
    if affiliations:
        console.print("\n[bold]affiliations[/bold]")
        for relation in affiliations:
            console.print(_relation_line(relation, actor_id), highlight=False, soft_wrap=True)
    rest = [r for r in relations if not is_affiliation(r, actor_id)]
    if rest:
        console.print("\n[bold]relations[/bold]")
        for relation in rest:
            console.print(_relation_line(relation, actor_id), highlight=False, soft_wrap=True)
