"""Honest figures: each source scored on its own, and the relation threshold chosen on the others.

Rules written while reading some sources fit those sources; a figure pooled over
all of them hides that. Here each re3d gold folder is one source, scored by re3d's
relaxed rule, and the one setting the pipeline learns from data, the decision
layer's relation threshold, is picked for each source on the *other* sources
only (leave one source out) before that source is scored with it. The project
corpora (``tests/corpus``, English, and ``tests/corpus/ar``, Arabic: each ``x.txt`` with its
``x.gold.json``) are graded by the graph-level rule, each article alone in a store of its own, at
the default, and each corpus is one more source with its own total.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean
from tempfile import TemporaryDirectory
from typing import Any

from factiongraph.build import Progress, ingest
from factiongraph.errors import InputError
from factiongraph.evaluation import Re3dGold, Record, Score, read_records
from factiongraph.evaluation_graph import GraphScore, score_graph
from factiongraph.export import export_json
from factiongraph.extraction import extract_re3d
from factiongraph.ingest import ReadFailure
from factiongraph.nlp import load_pipeline
from factiongraph.store import open_store

DEFAULT_RE3D = Path("../shared/data/re3d-dev")
"""re3d's development split, beside the project's folder (looked for from the current directory)."""
DEFAULT_CORPORA = (Path("tests/corpus"), Path("tests/corpus/ar"))
"""The project's own analyst-style gold, English and Arabic, each graded when the current directory has it."""
THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(19))
"""The relation thresholds tried when tuning: 0.0 to 0.9 by 0.05."""


@dataclass(frozen=True)
class CrossSourceInputs:
    """What a cross-source run reads: re3d gold folders (one source each) and the corpora's articles, by
    corpus folder (one source each)."""

    folders: list[Path]
    corpora: dict[str, list[tuple[Path, Path]]] = field(default_factory=dict)

    @classmethod
    def find(cls, gold_dirs: list[Path] | None = None, corpora: list[Path] | None = None) -> CrossSourceInputs:
        """The folders given, else every folder of :data:`DEFAULT_RE3D` (an error naming it when it is
        absent); the corpora given, else those of :data:`DEFAULT_CORPORA` that are present."""
        if not gold_dirs:
            if not DEFAULT_RE3D.is_dir():
                raise InputError(DEFAULT_RE3D.resolve(), "no re3d gold folders here: give --gold DIR")
            gold_dirs = sorted(p for p in DEFAULT_RE3D.iterdir() if (p / "documents.json").is_file())
        if not corpora:
            corpora = [c for c in DEFAULT_CORPORA if c.is_dir()]
        found = {str(c): corpus_articles(c) for c in dict.fromkeys(corpora)}
        return cls(list(dict.fromkeys(gold_dirs)), {name: pairs for name, pairs in found.items() if pairs})

    @property
    def articles(self) -> list[tuple[Path, Path]]:
        """Every corpus article, corpus by corpus."""
        return [pair for pairs in self.corpora.values() for pair in pairs]

    @property
    def documents(self) -> int:
        """How many documents the run reads, for a progress bar."""
        return sum(len(read_records(d / "documents.json")) for d in self.folders) + len(self.articles)


def corpus_articles(folder: Path) -> list[tuple[Path, Path]]:
    """Each ``x.txt`` of ``folder`` with its ``x.gold.json``; an article without gold is not graded."""
    pairs = [(text, text.with_suffix(".gold.json")) for text in sorted(folder.glob("*.txt"))]
    return [(text, gold) for text, gold in pairs if gold.is_file()]


@dataclass(frozen=True)
class Mean:
    """Precision, recall and F1 averaged over sources, each source weighing the same."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, scores: list[Score]) -> Mean:
        if not scores:
            return cls(0.0, 0.0, 0.0)
        return cls(*(fmean(getattr(s, a) for s in scores) for a in ("precision", "recall", "f1")))

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class SourceFigures:
    """One re3d source: entities, relations at the default threshold and at the one tuned on the others."""

    name: str
    documents: int
    entities: Score
    relations: Score
    tuned_threshold: float
    tuned_relations: Score

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.name,
            "documents": self.documents,
            "entities": self.entities.as_dict(),
            "relations": self.relations.as_dict(),
            "tuned": {"threshold": self.tuned_threshold, "relations": self.tuned_relations.as_dict()},
        }


@dataclass
class CrossSourceReport:
    """Per-source figures, their means, and the project corpora's graph-level figures per article and per
    corpus (English and Arabic are scored apart)."""

    default_threshold: float
    sources: list[SourceFigures]
    corpus: dict[str, GraphScore] = field(default_factory=dict)
    corpus_sources: dict[str, list[str]] = field(default_factory=dict)
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def mean_entities(self) -> Mean:
        return Mean.of([s.entities for s in self.sources])

    @property
    def mean_relations(self) -> Mean:
        return Mean.of([s.relations for s in self.sources])

    @property
    def mean_tuned_relations(self) -> Mean:
        return Mean.of([s.tuned_relations for s in self.sources])

    @property
    def corpus_total(self) -> GraphScore:
        return GraphScore.total(self.corpus.values())

    def source_total(self, source: str) -> GraphScore:
        """One corpus's articles graded together."""
        return GraphScore.total(self.corpus[name] for name in self.corpus_sources[source])

    def as_dict(self) -> dict[str, Any]:
        return {
            "default_threshold": self.default_threshold,
            "thresholds": list(THRESHOLDS),
            "sources": [s.as_dict() for s in self.sources],
            "mean": {
                "entities": self.mean_entities.as_dict(),
                "relations": self.mean_relations.as_dict(),
                "tuned_relations": self.mean_tuned_relations.as_dict(),
            },
            "corpus": {
                "articles": len(self.corpus),
                "total": self.corpus_total.as_dict(),
                "by_article": {name: s.as_dict() for name, s in self.corpus.items()},
                "by_source": {
                    source: {"articles": len(names), "total": self.source_total(source).as_dict()}
                    for source, names in self.corpus_sources.items()
                },
            },
            "failures": [str(f) for f in self.failures],
        }


def above(relations: list[Record], threshold: float) -> list[Record]:
    """The relation records the decision layer would keep at ``threshold``."""
    return [r for r in relations if r.get("confidence", 1.0) >= threshold]


def tune_threshold(gold: Re3dGold, relations: list[Record], *, default: float) -> float:
    """The threshold of :data:`THRESHOLDS` with the best relation F1 on ``gold``; among equals, the one
    nearest the default, so a flat curve does not move it."""
    return max(THRESHOLDS, key=lambda t: (gold.score_relations(above(relations, t)).f1, -abs(t - default)))


@contextmanager
def every_relation_kept(kb_path: Path | None = None) -> Iterator[float]:
    """The pipeline with its relation threshold at 0 for the time of one extraction, which can then be
    re-filtered at any threshold without parsing again; yields the shipped threshold."""
    decider = load_pipeline(kb_path).get_pipe("fg_decide")
    default = decider.min_confidence
    decider.min_confidence = 0.0
    try:
        yield default
    finally:
        decider.min_confidence = default


def grade_article(text: Path, gold_path: Path, *, kb_path: Path | None = None) -> tuple[GraphScore, list[ReadFailure]]:
    """One corpus article ingested alone into a fresh store, its export graded against its gold; an
    article that cannot be read scores as an empty graph."""
    gold = json.loads(gold_path.read_text("utf-8"))
    with TemporaryDirectory() as folder:
        db = open_store(Path(folder) / "article.db")
        summary = ingest(db, [text], published=gold.get("published"), kb_path=kb_path)
        export = export_json(db)
        db.close()
    return score_graph(gold, export), summary.failures


def cross_source(
    inputs: CrossSourceInputs, *, kb_path: Path | None = None, progress: Progress | None = None
) -> CrossSourceReport:
    """Score each re3d source alone, at the default threshold and at the one tuned on the other sources,
    and grade each corpus article by the graph-level rule.

    The re3d documents are parsed once, every relation kept with its confidence, and re-filtered per
    threshold. With a single source there is nothing to tune on, and the default stands.
    """
    with every_relation_kept(kb_path) as default:
        extraction = extract_re3d([d / "documents.json" for d in inputs.folders], kb_path=kb_path, progress=progress)
    golds = {folder: Re3dGold.read(folder) for folder in inputs.folders}
    sources = []
    for folder, gold in golds.items():
        others = Re3dGold.pool(g for f, g in golds.items() if f != folder)
        tuned = tune_threshold(others, extraction.relations, default=default) if others.documents else default
        at_default = gold.score(extraction.entities, above(extraction.relations, default))
        sources.append(
            SourceFigures(
                folder.name,
                at_default.documents,
                at_default.entities,
                at_default.relations,
                tuned,
                gold.score_relations(above(extraction.relations, tuned)),
            )
        )
    report = CrossSourceReport(default, sources, failures=list(extraction.failures))
    for source, articles in inputs.corpora.items():
        report.corpus_sources[source] = []
        for text, gold_path in articles:
            name = text.stem if text.stem not in report.corpus else f"{source}/{text.stem}"
            report.corpus[name], failures = grade_article(text, gold_path, kb_path=kb_path)
            report.corpus_sources[source].append(name)
            report.failures += failures
            if progress:
                progress(str(text))
    return report
