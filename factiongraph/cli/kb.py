"""``factiongraph kb validate|list|show``: the actor knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from factiongraph.cli._util import KbOption, app, console, library_errors

kb_app = typer.Typer(help="Inspect and check the actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("validate")
def validate_cli(
    path: Annotated[
        Path | None, typer.Argument(exists=True, dir_okay=False, help="KB file to check (default: the shipped one).")
    ] = None,
) -> None:
    """Check a KB file against the schema: one line naming the first problem, exit 1, if it fails."""
    from factiongraph.kb import default_kb_path, read_kb_file

    with library_errors():
        kb = read_kb_file(path or default_kb_path())
    console.print(f"{path or default_kb_path()}: {len(kb.actors)} actors, valid")


@kb_app.command("list")
def list_cli(
    kb: KbOption = None,
    entity_type: Annotated[str | None, typer.Option("--type", help="Only this type (Person, Organisation...).")] = None,
    category: Annotated[str | None, typer.Option(help="Only this category (armed-group, coalition...).")] = None,
) -> None:
    """List the KB's actors with their type, category and number of names."""
    from factiongraph.kb import load_kb

    with library_errors():
        actors = load_kb(kb).actors
    table = Table()
    table.add_column("id", no_wrap=True)
    for heading in ("name", "type", "category", "names"):
        table.add_column(heading)
    for actor in actors:
        if (entity_type is None or actor.type == entity_type) and (category is None or actor.category == category):
            table.add_row(actor.id, actor.name, actor.type, actor.category, str(len(actor.all_names())))
    console.print(table)


@kb_app.command("show")
def show_cli(
    name: Annotated[str, typer.Argument(help="Any name, spelling or id of the actor.")],
    kb: KbOption = None,
) -> None:
    """Show one KB actor: every name and spelling, dates and its relations to other actors."""
    from factiongraph.kb import find_in_kb, load_kb

    with library_errors():
        knowledge = load_kb(kb)
        actor = find_in_kb(knowledge, name)
    console.print(f"[bold]{actor.name}[/bold] ({actor.type}, {actor.category}, id {actor.id})", highlight=False)
    if actor.description:
        console.print(actor.description, highlight=False)
    for label, values in (
        ("aliases", actor.aliases),
        ("Arabic", actor.arabic),
        ("demonyms", actor.demonyms),
        ("former names", [f"{f.name} ({f.start or '?'}–{f.until or '?'})" for f in actor.former_names]),
    ):
        if values:
            console.print(f"{label}: " + "; ".join(values), highlight=False, soft_wrap=True)
    if actor.formed or actor.dissolved:
        console.print(f"formed {actor.formed or '?'}, dissolved {actor.dissolved or '-'}")
    for relation in actor.relations:
        target = knowledge.get(relation.target)
        span = f" ({relation.start or '?'}–{relation.end or ''})" if relation.start or relation.end else ""
        console.print(f"{relation.type} → {target.name if target else relation.target}{span}", highlight=False)
