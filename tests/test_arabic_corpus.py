"""The project's Arabic corpus (tests/corpus/ar) graded against issue 10's floors, and its parallel pair.

Each item is graded by the graph-level rule, alone in a fresh store, as the English corpus is
(tests/test_corpus.py). The parallel pair is one news item in English and in Arabic: the Arabic
graph must put the same actors on the same nodes and hold at least half of the English relations.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.cross_source import DEFAULT_CORPORA, CrossSourceInputs, corpus_articles, grade_article
from factiongraph.evaluation import SYMMETRIC
from factiongraph.evaluation_graph import GraphScore, graph_name
from factiongraph.export import export_json
from factiongraph.store import open_store
from tests.conftest import GATES

from .test_corpus import problems

ARABIC = Path(__file__).parent / "corpus" / "ar"
GATE = GATES["arabic_corpus"]
FLOORS: dict[str, float] = GATE["floors"]
REACHED: dict[str, list[int]] = GATE["reached"]
KEPT = {figure: found / total - GATE["margin"] for figure, (found, total) in REACHED.items()}


def short_of_floor(figure: str) -> pytest.MarkDecorator | tuple[()]:
    """An expected failure for a floor the measured figure does not reach yet, saying by how much."""
    found, total = REACHED[figure]
    if found / total >= FLOORS[figure]:
        return ()
    return pytest.mark.xfail(
        strict=False, reason=f"issue 10's floor {FLOORS[figure]:.0%} not met: {found}/{total} ({found / total:.1%})"
    )


@pytest.mark.parametrize("gold_path", sorted(ARABIC.glob("*.gold.json")), ids=lambda p: p.name[:5])
def test_arabic_corpus_gold_is_valid(gold_path: Path) -> None:
    """The English corpus's checks: ids, types, stances, evidence and aliases in the text; an entity's
    English name is not written in an Arabic text."""
    english_names = {
        f"entity {e['id']}: {e['name']!r} is not in the text"
        for e in json.loads(gold_path.read_text("utf-8"))["entities"]
    }
    assert [p for p in problems(gold_path) if p not in english_names] == []


@pytest.fixture(scope="module")
def arabic_score() -> GraphScore:
    return GraphScore.total(grade_article(text, gold)[0] for text, gold in corpus_articles(ARABIC))


@pytest.mark.slow
def test_arabic_corpus_every_item_is_graded(arabic_score: GraphScore) -> None:
    assert len(corpus_articles(ARABIC)) >= GATE["min_items"]
    assert arabic_score.entities.total >= len(corpus_articles(ARABIC))


@pytest.mark.slow
@pytest.mark.parametrize("figure", [pytest.param(f, marks=short_of_floor(f)) for f in FLOORS])
def test_arabic_corpus_meets_the_floors_of_issue_10(arabic_score: GraphScore, figure: str) -> None:
    tally = getattr(arabic_score, figure)
    assert tally.share >= FLOORS[figure], f"{figure}: {tally.found} of {tally.total} ({tally.share:.1%})"


@pytest.mark.slow
@pytest.mark.parametrize("figure", list(KEPT))
def test_arabic_corpus_keeps_what_it_reached(arabic_score: GraphScore, figure: str) -> None:
    """A gate below the issue's floors: what the Arabic pipeline reached is not lost again."""
    tally = getattr(arabic_score, figure)
    assert tally.share >= KEPT[figure], f"{figure}: {tally.found} of {tally.total} ({tally.share:.1%})"


def test_cross_source_grades_the_arabic_corpus_as_a_source_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parents[1])
    inputs = CrossSourceInputs.find([Path("tests/data/re3d-mini")])
    assert list(inputs.corpora) == [str(c) for c in DEFAULT_CORPORA]
    assert [t.name for t, _ in inputs.corpora[str(DEFAULT_CORPORA[1])]] == [t.name for t, _ in corpus_articles(ARABIC)]


def graph_of(db: Database, text: Path) -> dict[str, Any]:
    """One article ingested into its own store, as exported."""
    gold = json.loads(text.with_suffix(".gold.json").read_text("utf-8"))
    ingest(db, [text], published=gold["published"])
    return export_json(db)


def nodes_by_gold_id(graph: dict[str, Any], gold_path: Path) -> dict[str, set[str]]:
    """Each gold entity's nodes, by the names (English and the text's spellings) that the gold gives it,
    as the nodes' own names (what the two graphs can share)."""
    gold = json.loads(gold_path.read_text("utf-8"))
    named: dict[str, set[str]] = {}
    for node in graph["nodes"]:
        for name in [node["name"], *(a if isinstance(a, str) else a["name"] for a in node["aliases"])]:
            named.setdefault(graph_name(name), set()).add(graph_name(node["name"]))
    return {
        e["id"]: set().union(*(named.get(graph_name(n), set()) for n in [e["name"], *e["aliases"]]))
        for e in gold["entities"]
    }


def relations_by_gold_id(graph: dict[str, Any], nodes: dict[str, set[str]]) -> set[tuple[str, str, str]]:
    """The graph's edges between gold entities, as (type, source id, target id); a symmetric one's ids in order."""
    names = {n["id"]: graph_name(n["name"]) for n in graph["nodes"]}
    ids_of = {name: {i for i, held in nodes.items() if name in held} for name in names.values()}
    found = set()
    for edge in graph["edges"]:
        for source in ids_of.get(names.get(edge["source"], ""), ()):
            for target in ids_of.get(names.get(edge["target"], ""), ()):
                ends = sorted((source, target)) if edge["type"] in SYMMETRIC else (source, target)
                found.add((edge["type"], *ends))
    return found


@pytest.fixture(scope="module")
def parallel(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], dict[str, set[str]]]]:
    """The parallel pair's graphs, each from its own store, with each gold entity's nodes."""
    graphs = {}
    for lang in ("en", "ar"):
        text = ARABIC / f"parallel-{lang}.txt"
        graph = graph_of(open_store(tmp_path_factory.mktemp(lang) / "graph.db"), text)
        graphs[lang] = (graph, nodes_by_gold_id(graph, text.with_suffix(".gold.json")))
    return graphs


@pytest.mark.slow
def test_parallel_items_put_the_same_actors_on_the_same_nodes(parallel: dict[str, Any]) -> None:
    (_, english), (_, arabic) = parallel["en"], parallel["ar"]
    found_in_english = {i for i, held in english.items() if held}
    assert len(found_in_english) >= len(english) * GATE["parallel_entities"]
    assert {i: arabic[i] for i in found_in_english} == {i: english[i] for i in found_in_english}


@pytest.mark.slow
def test_parallel_arabic_graph_holds_half_the_english_relations(parallel: dict[str, Any]) -> None:
    english = relations_by_gold_id(*parallel["en"])
    arabic = relations_by_gold_id(*parallel["ar"])
    assert english
    assert len(english & arabic) >= len(english) * GATE["parallel_relations"], (
        f"missing in Arabic: {sorted(english - arabic)}"
    )
