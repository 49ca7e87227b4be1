"""Score a graph export against an article's gold facts by the graph-level rule.

re3d's rule scores spans; an analyst reads the graph. Here a gold entity is found
when some node carries one of its names; an alias pair holds when the name and the
alias are on one node; a relation holds when an edge of its type joins a node of
its source to a node of its target (either way for symmetric types), and a gold
``IsSynonymOf`` from an entity to itself holds when all its names share a node; a
claim holds when one of the graph's claims has its speaker and its stance. Each
figure is a share of the gold found (the gold says what must be there, not all
that may be), summed over articles for a corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factiongraph.evaluation import SYMMETRIC

Graph = dict[str, Any]

_QUOTES = re.compile(r"[’'`\"“”]")
_SPACES = re.compile(r"\s+")


def graph_name(name: str) -> str:
    """The key under which a gold name meets a node's: case, diacritics, quotes and a leading "the"
    folded away, nothing more (a looser key would credit names the graph does not hold)."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _QUOTES.sub("", text).strip().removeprefix("the ")
    return _SPACES.sub(" ", text)


@dataclass(frozen=True)
class Tally:
    """How many of the gold items the graph holds."""

    found: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.found + other.found, self.total + other.total)

    def as_dict(self) -> dict[str, float | int]:
        return {"found": self.found, "total": self.total, "share": round(self.share, 4)}


@dataclass(frozen=True)
class GraphScore:
    """The four graph-level figures of one article, or of a corpus (counts summed: micro)."""

    entities: Tally = Tally()
    alias_pairs: Tally = Tally()
    relations: Tally = Tally()
    claims: Tally = Tally()

    def __add__(self, other: GraphScore) -> GraphScore:
        return GraphScore(
            self.entities + other.entities,
            self.alias_pairs + other.alias_pairs,
            self.relations + other.relations,
            self.claims + other.claims,
        )

    @classmethod
    def total(cls, scores: Iterable[GraphScore]) -> GraphScore:
        return sum(scores, cls())

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {
            "entities": self.entities.as_dict(),
            "alias_pairs": self.alias_pairs.as_dict(),
            "relations": self.relations.as_dict(),
            "claims": self.claims.as_dict(),
        }


class _Nodes:
    """The export's nodes by the names they carry."""

    def __init__(self, export: Graph) -> None:
        self.names: dict[str, set[str]] = {}
        for node in export.get("nodes") or []:
            names = {graph_name(node.get("name", "")), *(graph_name(_alias(a)) for a in node.get("aliases") or [])}
            self.names[node.get("id")] = names - {""}

    def holding(self, name: str) -> set[str]:
        key = graph_name(name)
        return {node for node, names in self.names.items() if key in names}


def _alias(alias: str | dict[str, Any]) -> str:
    return alias if isinstance(alias, str) else alias.get("name", "")


def _speaker_id(speaker: str | dict[str, Any] | None) -> str | None:
    return speaker.get("id") if isinstance(speaker, dict) else speaker


def score_graph(gold: Graph, export: Graph) -> GraphScore:
    """The graph-level figures of ``export`` (``factiongraph export --format json``) against one
    article's gold (``entities``, ``relations``, ``claims`` as in ``../shared/data/articles``)."""
    nodes = _Nodes(export)
    entities = {e["id"]: e for e in gold["entities"]}

    def nodes_of(entity_id: str) -> set[str]:
        entity = entities[entity_id]
        return set().union(*(nodes.holding(n) for n in [entity["name"], *entity["aliases"]]))

    def on_name_node(entity: dict[str, Any], alias: str) -> bool:
        return bool(nodes.holding(entity["name"]) & nodes.holding(alias))

    def all_names_together(entity_id: str) -> bool:
        entity = entities[entity_id]
        return bool(nodes.holding(entity["name"])) and all(on_name_node(entity, a) for a in entity["aliases"])

    edges = [(e.get("type"), e.get("source"), e.get("target")) for e in export.get("edges") or []]

    def relation_holds(relation: dict[str, Any]) -> bool:
        kind, source, target = relation["type"], relation["source"], relation["target"]
        if kind == "IsSynonymOf" and source == target:
            return all_names_together(source)
        sources, targets = nodes_of(source), nodes_of(target)
        return any(
            t == kind and ((s in sources and o in targets) or (kind in SYMMETRIC and s in targets and o in sources))
            for t, s, o in edges
        )

    def claim_holds(claim: dict[str, Any]) -> bool:
        speakers = nodes_of(claim["speaker"])
        speaker_names = set().union(*(nodes.names[n] for n in speakers))
        return any(
            c.get("stance") == claim["stance"]
            and (_speaker_id(c.get("speaker")) in speakers or graph_name(str(c.get("speaker"))) in speaker_names)
            for c in export.get("claims") or []
        )

    pairs = [(e, a) for e in gold["entities"] for a in e["aliases"]]
    return GraphScore(
        entities=Tally(sum(1 for e in gold["entities"] if nodes_of(e["id"])), len(gold["entities"])),
        alias_pairs=Tally(sum(1 for e, a in pairs if on_name_node(e, a)), len(pairs)),
        relations=Tally(sum(1 for r in gold["relations"] if relation_holds(r)), len(gold["relations"])),
        claims=Tally(sum(1 for c in gold["claims"] if claim_holds(c)), len(gold["claims"])),
    )
