#!/usr/bin/env python3
"""Throughput of factiongraph's extraction against plain spaCy on the same texts, in one run.

Prints words/s of ``nlp.pipe`` with the same English model, words/s of
factiongraph's extract (its full pipeline and the re3d records), and their
ratio. Target: ratio >= 0.8. Each side is timed seven times, interleaved, in CPU
time of this process (other work on the machine does not count), and its best run
is kept. A line gives the Arabic pipeline's words/s on the project's Arabic
corpus (tests/corpus/ar), timed the same way; it has no plain-spaCy side to compare with.

Then the whole ``factiongraph ingest`` (read, parse, resolve, store) of the same 600 distinct articles
(bench/stream.py) with 1 and with 2 workers, each in a process of its own into a new store, twice,
interleaved, the faster run kept: words/s in wall-clock time (a run's workers are processes of their own, so
CPU time is printed beside it, not used for it), the speed-up
(target >= 1.7 on two cores; other work on the machine lowers it), and whether both stored as many
documents, entities and relations.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import spacy
from stream import IngestRun, timed_ingest, warm_start_up_cache, write_stream

from factiongraph.build import parse_articles
from factiongraph.demo import sample_corpus
from factiongraph.export import re3d_entities, re3d_relations
from factiongraph.ingest import Article, read_articles
from factiongraph.nlp import base_model_name, load_pipeline

REPEATS = 7
MIN_WORDS = 60_000
MIN_ARABIC_WORDS = 20_000
ARABIC_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "ar"
INGEST_ARTICLES = 600
INGEST_REPEATS = 2
TARGET_SPEED_UP = 1.7


def corpus() -> list[Article]:
    """The sample corpus, plus the re3d development texts when ../shared is there, repeated to MIN_WORDS."""
    sources: list[Path] = [sample_corpus()]
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "re3d-dev"
    if shared.is_dir():
        sources += sorted(shared.glob("*/documents.json"))
    articles = [a for a in read_articles(sources) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    return articles * max(1, -(-MIN_WORDS // words))


def arabic_corpus() -> list[Article]:
    """The Arabic items of the project's corpus, repeated to MIN_ARABIC_WORDS."""
    articles = [a for a in read_articles(sorted(ARABIC_CORPUS.glob("ar-*.txt"))) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    return articles * max(1, -(-MIN_ARABIC_WORDS // words)) if words else []


def plain_spacy(nlp: spacy.language.Language, articles: list[Article]) -> float:
    start = time.process_time()
    for _ in nlp.pipe(a.text for a in articles):
        pass
    return time.process_time() - start


def factiongraph_extract(articles: list[Article]) -> float:
    start = time.process_time()
    for article, doc in parse_articles(articles):
        re3d_entities(article, doc)
        re3d_relations(article, doc)
    return time.process_time() - start


def own_share(articles: list[Article]) -> float:
    """The part of the pipeline's CPU time spent in factiongraph's own components, run stage by stage.

    Steadier than the ratio on a busy machine: both sides of it are timed in the same pass.
    """
    nlp = load_pipeline()
    docs = [nlp.make_doc(a.text) for a in articles]
    spent: dict[str, float] = {}
    for name, component in nlp.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        spent[name] = time.process_time() - start
    return sum(t for name, t in spent.items() if name.startswith("fg_")) / sum(spent.values())


def main() -> int:
    articles = corpus()
    words = sum(len(a.text.split()) for a in articles)
    plain = spacy.load(base_model_name())
    load_pipeline()
    plain_spacy(plain, articles[:5])
    factiongraph_extract(articles[:5])
    plain_times, fg_times = [], []
    for _ in range(REPEATS):
        plain_times.append(plain_spacy(plain, articles))
        fg_times.append(factiongraph_extract(articles))
    plain_wps, fg_wps = words / min(plain_times), words / min(fg_times)
    ratio = fg_wps / plain_wps
    print(f"texts: {len(articles)} articles, {words} words; model: {base_model_name()}")
    print(f"plain spaCy nlp.pipe: {plain_wps:,.0f} words/s")
    print(f"factiongraph extract: {fg_wps:,.0f} words/s")
    print(f"factiongraph components' share of pipeline CPU time: {own_share(articles):.1%}")
    print(f"ratio: {ratio:.2f} (target >= 0.8)")
    arabic = arabic_corpus()
    if arabic:
        arabic_words = sum(len(a.text.split()) for a in arabic)
        factiongraph_extract(arabic[:5])
        arabic_wps = arabic_words / min(factiongraph_extract(arabic) for _ in range(REPEATS))
        print(f"factiongraph extract, Arabic ({len(arabic)} articles, {arabic_words} words): {arabic_wps:,.0f} words/s")
    workers_pay = ingest_with_workers()
    return 0 if ratio >= 0.8 and workers_pay else 1


def ingest_with_workers() -> bool:
    """Words/s of ``factiongraph ingest`` with 1 and 2 workers on the same articles, each run twice, interleaved,
    its faster run kept; whether 2 reach the target speed-up and both stored the same counts."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        words = write_stream(source, INGEST_ARTICLES)
        warm_start_up_cache(Path(tmp))
        runs: dict[int, list[IngestRun]] = {1: [], 2: []}
        for attempt in range(INGEST_REPEATS):
            for workers, done in runs.items():
                done.append(timed_ingest(source, Path(tmp) / f"{workers}-{attempt}.db", workers=workers))
    best = {workers: min(done, key=lambda run: run.seconds) for workers, done in runs.items()}
    for workers, run in best.items():
        print(
            f"factiongraph ingest, {workers} worker{'s' if workers > 1 else ''} ({INGEST_ARTICLES} articles, "
            f"{words} words): {words / run.seconds:,.0f} words/s ({run.seconds:.1f} s wall clock, "
            f"{run.cpu_seconds:.1f} s CPU; runs: {', '.join(f'{r.seconds:.1f} s' for r in runs[workers])})"
        )
    speed_up = best[1].seconds / best[2].seconds
    counts = {w: {(r.documents, r.entities, r.relations) for r in done} for w, done in runs.items()}
    same = len(counts[1] | counts[2]) == 1 and all(r.exit_code == 0 for done in runs.values() for r in done)
    print(f"speed-up with 2 workers: {speed_up:.2f}x (target >= {TARGET_SPEED_UP})")
    print(
        "documents, entities, relations: "
        + " / ".join(
            f"{w} worker{'s' if w > 1 else ''}: {'; '.join(', '.join(map(str, c)) for c in sorted(found))}"
            for w, found in counts.items()
        )
        + f" ({'the same' if same else 'DIFFERENT'})"
    )
    return speed_up >= TARGET_SPEED_UP and same


if __name__ == "__main__":
    sys.exit(main())
