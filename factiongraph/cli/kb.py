"""``factiongraph kb validate|list|show|import``: the actor knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from factiongraph.cli._util import KbOption, app, console, err_console, fail, library_errors

kb_app = typer.Typer(help="Inspect, check and add to the actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("validate")
def validate_cli(
    path: Annotated[
        Path | None, typer.Argument(exists=True, dir_okay=False, help="KB file to check (default: the shipped one).")
    ] = None,
) -> None:
    """Check a KB file against the schema: one line naming the first problem, exit 1, if it fails. A file of
    your own may point its relations at the shipped KB's actors, as it can when loaded with --kb."""
    from factiongraph.kb import default_kb_path, read_kb_file

    with library_errors():
        shipped = read_kb_file(default_kb_path())
        kb = read_kb_file(path, over=shipped) if path else shipped
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


@kb_app.command("import")
def import_cli(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The actor list, as CSV.")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", dir_okay=False, help="KB file to write; one that exists is added to. Default: FILE.yaml."
        ),
    ] = None,
) -> None:
    """Turn an analyst's actor list (CSV) into a KB file to load with --kb. Columns by header: name and type
    (Person, Organisation, Location, Nationality) required; aliases and arabic, several separated by ; or |;
    affiliations, separated the same way, each the name or id of an actor of the KB or the file with optional
    dates, e.g. "Syrian National Army (2019-10..)" or "Ahrar al-Sham (2014..2017-07)"; and optional id (default:
    the name as a slug), category (default: person, or other) and description. A bad row is one line naming its
    line and why, the others are written; an id the KB already has is reported, never overwritten."""
    from factiongraph.kb import default_kb_path, read_kb_file
    from factiongraph.kb_import import import_actor_list, write_kb_file

    out = out or path.with_suffix(".yaml")
    if out.resolve() == path.resolve():
        fail(f"{out}: is the actor list itself: give --out a .yaml file")
    with library_errors():
        shipped = read_kb_file(default_kb_path())
        mine = read_kb_file(out, over=shipped) if out.exists() else None
        kept = list(mine.actors) if mine else []
        imported = import_actor_list(path, shipped.merged_with(mine) if mine else shipped)
        write_kb_file(out, [*kept, *imported.actors], over=shipped)
    for problem in imported.problems:
        err_console.print(f"[red]refused:[/red] {problem}", highlight=False, soft_wrap=True)
    console.print(
        f"actors: {len(imported.actors)} added to {out} ({len(kept) + len(imported.actors)} in it), "
        f"{len(imported.problems)} row(s) refused",
        highlight=False,
        soft_wrap=True,
    )
    if imported.problems:
        raise typer.Exit(1)
