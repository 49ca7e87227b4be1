"""``factiongraph extract`` and ``factiongraph evaluate``: extraction without a store, and its score."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from factiongraph.cli._util import KbOption, SilentOption, app, console, err_console, progress_bar
from factiongraph.evaluation import Report, Score
from factiongraph.extraction import evaluate_re3d, extract_re3d, write_re3d
from factiongraph.ingest import read_articles


class ExtractFormat(StrEnum):
    re3d = "re3d"


@app.command("extract")
def extract_cli(
    path: Annotated[Path, typer.Argument(help="A file or a folder of articles (re3d documents.json included).")],
    out: Annotated[Path, typer.Option("--out", help="Folder for entities.json and relations.json.")],
    output_format: Annotated[ExtractFormat, typer.Option("--format", help="Output schema.")] = ExtractFormat.re3d,
    kb: KbOption = None,
    silent: SilentOption = False,
) -> None:
    """Extract entities and relations without a store, written in re3d's schema (JSON lines)."""
    with progress_bar("Extracting", None, silent=silent) as advance:
        extraction = extract_re3d([path], kb_path=kb, progress=advance)
    write_re3d(extraction, out)
    for failure in extraction.failures:
        err_console.print(f"[red]failed:[/red] {failure}", highlight=False, soft_wrap=True)
    console.print(
        f"{extraction.documents} documents: {len(extraction.entities)} entities, "
        f"{len(extraction.relations)} relations → {out}"
    )
    if extraction.failures:
        raise typer.Exit(1)


def _score_table(title: str, total: Score, by_type: dict[str, Score]) -> Table:
    table = Table("type", "gold", "predicted", "correct", "precision", "recall", "F1", title=title)
    for name, row in [*by_type.items(), ("all", total)]:
        table.add_row(
            name,
            str(row.gold),
            str(row.predicted),
            str(row.correct),
            f"{row.precision:.3f}",
            f"{row.recall:.3f}",
            f"{row.f1:.3f}",
            style="bold" if name == "all" else None,
        )
    return table


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[list[Path], typer.Option("--gold", exists=True, file_okay=False, help="re3d gold folder(s).")],
    kb: KbOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    silent: SilentOption = False,
) -> None:
    """Extract the gold folders' documents and print precision, recall and F1 (re3d's relaxed rule)."""
    total = sum(1 for _ in read_articles([g / "documents.json" for g in gold]))
    with progress_bar("Evaluating", total, silent=silent) as advance:
        report: Report = evaluate_re3d(gold, kb_path=kb, progress=advance)
    if json_output:
        console.print_json(data=report.as_dict())
        return
    console.print(f"{report.documents} documents")
    console.print(_score_table("entities (relaxed)", report.entities, report.entities_by_type))
    console.print(_score_table("relations (relaxed)", report.relations, report.relations_by_type))
