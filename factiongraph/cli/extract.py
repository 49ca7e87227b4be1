"""``factiongraph extract`` and ``factiongraph evaluate``: extraction without a store, and its score."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from factiongraph.cli._util import KbOption, SilentOption, app, console, err_console, fail, library_errors, progress_bar

if TYPE_CHECKING:
    from factiongraph.cross_source import CrossSourceReport, Mean
    from factiongraph.evaluation import Report, Score


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
    from factiongraph.extraction import extract_re3d, write_re3d  # here: spaCy loads only for a command that parses

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


def _prf(score: Score | Mean) -> list[str]:
    return [f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}"]


def _cross_source_tables(report: CrossSourceReport) -> list[Table]:
    """Per-source and mean figures for re3d's entities and relations; the corpus's graph-level totals."""
    default = f"{report.default_threshold:.2f}"
    entities = Table("source", "docs", "P", "R", "F1", title="entities, each source alone (re3d relaxed rule)")
    relations = Table(
        "source",
        "P",
        "R",
        "F1",
        "tuned",
        "P",
        "R",
        "F1",
        title=f"relations, each source alone: at the default threshold {default}, "
        "and at the threshold tuned on the other sources",
    )
    for row in report.sources:
        entities.add_row(row.name, str(row.documents), *_prf(row.entities))
        relations.add_row(row.name, *_prf(row.relations), f"{row.tuned_threshold:.2f}", *_prf(row.tuned_relations))
    documents = str(sum(s.documents for s in report.sources))
    entities.add_row("mean", documents, *_prf(report.mean_entities), style="bold")
    relations.add_row("mean", *_prf(report.mean_relations), "", *_prf(report.mean_tuned_relations), style="bold")
    tables = [entities, relations]
    for source, names in report.corpus_sources.items():
        total = report.source_total(source)
        corpus = Table(
            "gold facts",
            "found",
            "of",
            "share",
            title=f"project corpus {source}, {len(names)} articles (graph-level rule, threshold {default})",
        )
        for name, tally in (
            ("entities", total.entities),
            ("alias pairs", total.alias_pairs),
            ("relations", total.relations),
            ("claims", total.claims),
        ):
            corpus.add_row(name, str(tally.found), str(tally.total), f"{tally.share:.1%}")
        tables.append(corpus)
    return tables


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[
        list[Path] | None,
        typer.Option("--gold", exists=True, file_okay=False, metavar="<dir>", help="re3d gold folder(s)."),
    ] = None,
    cross_source_flag: Annotated[
        bool,
        typer.Option(
            "--cross-source",
            help="Score each source alone: per-source and mean figures, the relation threshold tuned on the "
            "other sources, and the project corpus by the graph-level rule "
            "(default gold: the folders of ../shared/data/re3d-dev).",
        ),
    ] = False,
    corpus: Annotated[
        list[Path] | None,
        typer.Option(
            "--corpus",
            exists=True,
            file_okay=False,
            help="With --cross-source: a folder of articles (x.txt) with their gold (x.gold.json), one source "
            "each; repeatable.",
            show_default="tests/corpus and tests/corpus/ar when present",
        ),
    ] = None,
    events: Annotated[
        Path | None,
        typer.Option(
            "--events",
            exists=True,
            file_okay=False,
            help="A folder of event reports (x.txt) with gold.json: how incidents are counted across reports.",
        ),
    ] = None,
    kb: KbOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    silent: SilentOption = False,
) -> None:
    """Extract the gold folders' documents and print precision, recall and F1 (re3d's relaxed rule); with
    --cross-source, each source alone, and the project corpus by the graph-level rule; with --events, how
    a folder of reports' incidents are counted."""
    if events is not None:
        _events_cli(events, kb=kb, json_output=json_output, silent=silent)
        return
    if cross_source_flag:
        _cross_source_cli(gold, corpus, kb=kb, json_output=json_output, silent=silent)
        return
    if not gold:
        fail("give --gold DIR (or --cross-source)")
    from factiongraph.extraction import evaluate_re3d
    from factiongraph.ingest import read_articles

    total = sum(1 for _ in read_articles([g / "documents.json" for g in gold]))
    with progress_bar("Evaluating", total, silent=silent) as advance:
        report: Report = evaluate_re3d(gold, kb_path=kb, progress=advance)
    if json_output:
        console.print_json(data=report.as_dict())
        return
    console.print(f"{report.documents} documents")
    console.print(_score_table("entities (relaxed)", report.entities, report.entities_by_type))
    console.print(_score_table("relations (relaxed)", report.relations, report.relations_by_type))


def _events_cli(folder: Path, *, kb: Path | None, json_output: bool, silent: bool) -> None:
    from factiongraph.evaluation_events import evaluate_event_corpus

    with progress_bar("Ingesting", len(list(folder.glob("*.txt"))), silent=silent) as advance, library_errors():
        score = evaluate_event_corpus(folder, kb_path=kb, progress=advance)
    if json_output:
        console.print_json(data=score.as_dict())
        return
    table = Table("events", "figure", title=f"{folder}: {score.incidents} incidents, {score.events} events")
    table.add_row("reports told", f"{score.reports.found}/{score.reports.total} ({score.reports.share:.1%})")
    table.add_row("reports joined rightly (precision)", f"{score.link_precision:.1%}")
    table.add_row("reports of one incident joined (recall)", f"{score.link_recall:.1%}")
    table.add_row("incidents split (extra events)", str(score.split))
    table.add_row("events joining incidents", str(score.merged))
    table.add_row("mentions telling no incident", str(score.spurious))
    table.add_row("death tolls read right", f"{score.deaths.found}/{score.deaths.total} ({score.deaths.share:.1%})")
    console.print(table)


def _cross_source_cli(
    gold: list[Path] | None, corpus: list[Path] | None, *, kb: Path | None, json_output: bool, silent: bool
) -> None:
    from factiongraph.cross_source import CrossSourceInputs, cross_source

    with library_errors():
        inputs = CrossSourceInputs.find(gold, corpus)
    with progress_bar("Evaluating", inputs.documents, silent=silent) as advance:
        report = cross_source(inputs, kb_path=kb, progress=advance)
    for failure in report.failures:
        err_console.print(f"[red]failed:[/red] {failure}", highlight=False, soft_wrap=True)
    if json_output:
        console.print_json(data=report.as_dict())
        return
    for table in _cross_source_tables(report):
        console.print(table)
