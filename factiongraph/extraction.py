"""Extraction without a store: what the pipeline finds in files, in re3d's schema, and its score."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factiongraph.build import Progress, parse_articles
from factiongraph.evaluation import Record, Report, evaluate_predictions
from factiongraph.export import re3d_entities, re3d_relations
from factiongraph.ingest import Article, ReadFailure, read_articles


@dataclass
class Extraction:
    entities: list[Record] = field(default_factory=list)
    relations: list[Record] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    documents: int = 0


def extract_re3d(
    paths: Iterable[Path | str], *, kb_path: Path | None = None, progress: Progress | None = None
) -> Extraction:
    """Entities and relations of every article in ``paths``, as re3d records."""
    result = Extraction()

    def failed(failure: ReadFailure) -> None:
        result.failures.append(failure)
        if progress:
            progress(failure.source)

    def articles() -> Iterable[Article]:
        for item in read_articles(paths):
            if isinstance(item, ReadFailure):
                failed(item)
            else:
                yield item

    for article, doc in parse_articles(articles(), kb_path=kb_path, on_failure=failed):
        result.entities += re3d_entities(article, doc)
        result.relations += re3d_relations(article, doc)
        result.documents += 1
        if progress:
            progress(article.source)
    return result


def write_re3d(extraction: Extraction, out_dir: Path) -> None:
    """``entities.json`` and ``relations.json`` in ``out_dir``, one JSON object a line."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, records in (("entities.json", extraction.entities), ("relations.json", extraction.relations)):
        with (out_dir / name).open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def evaluate_re3d(
    gold_dirs: Iterable[Path], *, kb_path: Path | None = None, progress: Progress | None = None
) -> Report:
    """Extract the documents of each gold folder and score them by re3d's relaxed rule."""
    gold_dirs = [Path(d) for d in gold_dirs]
    extraction = extract_re3d([d / "documents.json" for d in gold_dirs], kb_path=kb_path, progress=progress)
    return evaluate_predictions(gold_dirs, extraction.entities, extraction.relations)
