"""Score extractions against re3d gold folders by re3d's relaxed rule.

A prediction matches a gold annotation of the same document and type whose span
overlaps it (relations: both ends overlap, either order for symmetric types),
one to one, the largest overlap first. Gold with ``confidence`` below 0.5 is not
required, and a prediction that matches only such gold is not counted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factiongraph.vocab import MENTION_TYPES, SYMMETRIC
from factiongraph.vocab import RE3D_RELATION_TYPES as RELATION_TYPES

ENTITY_TYPES = tuple(sorted(MENTION_TYPES))
"""re3d's entity types, in the order the scores list them."""
DOUBTFUL_BELOW = 0.5

Record = dict[str, Any]


@dataclass(frozen=True)
class Score:
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """2PR/(P+R) computed from the counts, so an F1 of exactly 0.4 is 0.4, not 0.39999999999999997."""
        return 2 * self.correct / (self.gold + self.predicted) if self.gold + self.predicted else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    documents: int
    entities: Score
    relations: Score
    entities_by_type: dict[str, Score] = field(default_factory=dict)
    relations_by_type: dict[str, Score] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "entities": {
                **self.entities.as_dict(),
                "by_type": {t: s.as_dict() for t, s in self.entities_by_type.items()},
            },
            "relations": {
                **self.relations.as_dict(),
                "by_type": {t: s.as_dict() for t, s in self.relations_by_type.items()},
            },
        }


def read_records(path: Path) -> list[Record]:
    """JSON lines (mongoexport) or a JSON array; a missing file is no records."""
    if not path.exists():
        return []
    text = path.read_text("utf-8-sig").strip()
    if not text:
        return []
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def entity_overlap(p: Record, g: Record) -> int:
    return _overlap(p["begin"], p["end"], g["begin"], g["end"])


def relation_overlap(p: Record, g: Record) -> int:
    def ends(a: str, b: str) -> int:
        return min(
            _overlap(p["sourceBegin"], p["sourceEnd"], g[f"{a}Begin"], g[f"{a}End"]),
            _overlap(p["targetBegin"], p["targetEnd"], g[f"{b}Begin"], g[f"{b}End"]),
        )

    best = ends("source", "target")
    return max(best, ends("target", "source")) if g["type"] in SYMMETRIC else best


def matched_predictions(
    gold: list[Record], predicted: list[Record], overlap: Callable[[Record, Record], int]
) -> set[int]:
    """Indices of predictions matched one to one to gold of the same document and type."""
    by_bucket: dict[tuple[str, str], list[int]] = defaultdict(list)
    for gi, g in enumerate(gold):
        by_bucket[(g["documentId"], g["type"])].append(gi)
    taken: set[int] = set()
    hits: set[int] = set()
    for pi, p in enumerate(predicted):
        best, best_gold = 0, None
        for gi in by_bucket.get((p["documentId"], p["type"]), ()):
            if gi not in taken and (size := overlap(p, gold[gi])) > best:
                best, best_gold = size, gi
        if best_gold is not None:
            taken.add(best_gold)
            hits.add(pi)
    return hits


def score(
    gold: list[Record], predicted: list[Record], types: Iterable[str], overlap: Callable[[Record, Record], int]
) -> tuple[Score, dict[str, Score]]:
    """Overall and per-type scores, doubtful gold neither required nor held against predictions."""
    wanted = set(types)
    gold = [g for g in gold if g["type"] in wanted]
    predicted = [p for p in predicted if p.get("type") in wanted]
    sure = [g for g in gold if g.get("confidence", 1) >= DOUBTFUL_BELOW]
    doubtful = [g for g in gold if g.get("confidence", 1) < DOUBTFUL_BELOW]
    sure_hits = matched_predictions(sure, predicted, overlap)
    rest = [i for i in range(len(predicted)) if i not in sure_hits]
    doubt_hits = {rest[i] for i in matched_predictions(doubtful, [predicted[i] for i in rest], overlap)}
    counted = [p for i, p in enumerate(predicted) if i not in doubt_hits]

    def one(kind: str | None) -> Score:
        g = [x for x in sure if kind is None or x["type"] == kind]
        p = [x for x in counted if kind is None or x["type"] == kind]
        return Score(len(g), len(p), len(matched_predictions(g, p, overlap)))

    return one(None), {t: one(t) for t in sorted(wanted)}


@dataclass(frozen=True)
class Re3dGold:
    """The documents and annotations of one or more re3d gold folders, read once and scored many times
    (per source, pooled over sources, at each confidence threshold)."""

    documents: frozenset[str]
    entities: list[Record]
    relations: list[Record]

    @classmethod
    def read(cls, folder: Path) -> Re3dGold:
        return cls(
            frozenset(d["_id"] for d in read_records(folder / "documents.json")),
            read_records(folder / "entities.json"),
            read_records(folder / "relations.json"),
        )

    @classmethod
    def pool(cls, parts: Iterable[Re3dGold]) -> Re3dGold:
        """Several sources' gold as one, for figures pooled over them."""
        parts = list(parts)
        return cls(
            frozenset().union(*(p.documents for p in parts)),
            [e for p in parts for e in p.entities],
            [r for p in parts for r in p.relations],
        )

    def score(self, entities: list[Record], relations: list[Record]) -> Report:
        """Score predictions, those about other documents left out."""
        entities = [e for e in entities if e["documentId"] in self.documents]
        relations = [r for r in relations if r["documentId"] in self.documents]
        entity_total, entity_types = score(self.entities, entities, ENTITY_TYPES, entity_overlap)
        relation_total, relation_types = score(self.relations, relations, RELATION_TYPES, relation_overlap)
        return Report(len(self.documents), entity_total, relation_total, entity_types, relation_types)

    def score_relations(self, relations: list[Record]) -> Score:
        """Relations only, overall: what a threshold search needs."""
        relations = [r for r in relations if r["documentId"] in self.documents]
        return score(self.relations, relations, RELATION_TYPES, relation_overlap)[0]


def evaluate_predictions(gold_dirs: Iterable[Path], entities: list[Record], relations: list[Record]) -> Report:
    """Score predicted re3d records against the gold in ``gold_dirs``."""
    return Re3dGold.pool(Re3dGold.read(d) for d in gold_dirs).score(entities, relations)
