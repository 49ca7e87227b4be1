"""``factiongraph demo``: build a store from the sample corpus and show what the graph knows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factiongraph.cli._util import SilentOption, app, console, print_timeline_entry, progress_bar, store
from factiongraph.cli.actors import is_affiliation
from factiongraph.cli.serve import PortOption, TokenOption, run_server
from factiongraph.demo import DEMO_DB, DEMO_PAIR


@app.command("demo")
def demo_cli(
    db: Annotated[Path, typer.Option("--db", help="Store to build.")] = Path(DEMO_DB),
    silent: SilentOption = False,
    serve: Annotated[bool, typer.Option("--serve", help="Then serve the API and web UI over it (127.0.0.1).")] = False,
    port: PortOption = 8000,
    token: TokenOption = None,
) -> None:
    """Build a store from the bundled sample corpus and print aliases, affiliations and a timeline."""
    from factiongraph.demo import build_demo, sample_corpus
    from factiongraph.ingest import read_articles

    database = store(db)
    total = sum(1 for _ in read_articles([sample_corpus()]))
    with progress_bar("Building the demo store", total, silent=silent) as advance:
        summary = build_demo(database, progress=advance)
    console.print(
        f"[bold]factiongraph demo[/bold]: {summary.ingest.new} new documents, "
        f"{summary.ingest.already_stored} already stored → {db}\n"
    )
    console.print("[bold]Most mentioned actors[/bold], with the names the articles use for them:")
    for found in summary.actors:
        actor = found.actor
        console.print(f"\n[bold]{actor.name}[/bold] ({actor.type})", highlight=False)
        console.print("  written as: " + "; ".join(found.written_as), highlight=False, soft_wrap=True)
        seen = set()
        for relation in found.relations:
            if is_affiliation(relation, actor.id) and (relation.type, relation.target.name) not in seen:
                seen.add((relation.type, relation.target.name))
                console.print(f"  {relation.type} → {relation.target.name}", highlight=False)
    if summary.pair is None:
        console.print("\n(no relations between actors found)")
    else:
        first, second = summary.pair
        members = " (their member factions and leaders included)" if summary.pair == DEMO_PAIR else ""
        console.print(f"\n[bold]{first} ↔ {second}[/bold] over time{members}:")
        for relation in summary.timeline:
            print_timeline_entry(relation)
        console.print(f"\nTry: factiongraph actor HTS --db {db}")
    if serve:
        run_server(db, "127.0.0.1", port, token)
