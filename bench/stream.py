"""A stream of distinct articles for the ingest benchmarks, grown from the bundled sample corpus.

Each article is one of the ten sample articles with a paragraph of its own: people, units, villages and a
town that no article before it named (made of syllables by a seeded generator), a date and figures. So
fingerprints differ (the store would skip a repeat), each article brings new words as a real feed does,
and the store keeps meeting new actors besides the ones the sample articles share.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from factiongraph.demo import sample_corpus
from factiongraph.ingest import Article, read_articles

SYLLABLES = (
    "ka ro zan ti mur qa lef os dar vin shu tal bek nor haz yu gim rab sel ouf bar dim jas kir lun mah nas par "
    "qut ras sab tam wal zeb"
).split()
MONTHS = "January February March April May June July August September October November December".split()


def _name(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def varied_articles(count: int, *, seed: int = 13) -> Iterator[dict[str, str | None]]:
    """``count`` articles as JSON-lines records (``text``, ``title``, ``published``, ``outlet``)."""
    rng = random.Random(seed)
    samples = [a for a in read_articles([sample_corpus()]) if isinstance(a, Article)]
    for number in range(count):
        sample = samples[number % len(samples)]
        commander, deputy = f"Abu {_name(rng)} al-{_name(rng)}i", f"{_name(rng, 2)} {_name(rng)}"
        unit, village, town = f"{_name(rng)} Brigade", f"Tel {_name(rng, 2)}", f"{_name(rng, 2)}abad"
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2012, 2024)
        paragraph = (
            f"Local sources said on {day} {month} {year} that fighters of the {unit}, led by {commander}, "
            f"entered {village} after clashes with Hayat Tahrir al-Sham, and that {rng.randint(2, 90)} families "
            f"fled toward {town}. {deputy}, a spokesman for the {unit}, denied that the group had shelled the "
            f"village, and said {rng.randint(3, 40)} of its men had been killed since {rng.choice(MONTHS)}."
        )
        yield {
            "text": f"{sample.text}\n\n{paragraph}",
            "title": f"{sample.title} ({number + 1})",
            "published": sample.published,
            "outlet": sample.outlet,
        }


def write_stream(path: Path, count: int) -> int:
    """Write :func:`varied_articles` to ``path`` as JSON lines; the number of words written."""
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in varied_articles(count):
            words += len(str(record["text"]).split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


@dataclass(frozen=True)
class IngestRun:
    """One ``factiongraph ingest`` measured from outside: wall and CPU seconds, the peak of the summed resident
    memory of its process tree and the largest peak of one of its processes (its high-water mark), both read
    from /proc every few hundredths of a second, and what it stored."""

    exit_code: int
    seconds: float
    cpu_seconds: float
    """User and system time of the process and its workers."""
    peak_tree_mb: int
    peak_process_mb: int
    documents: int
    entities: int
    relations: int


def timed_ingest(source: Path, db: Path, *, workers: int, sample_every: float = 0.05) -> IngestRun:
    """Run ``factiongraph ingest SOURCE --workers N`` in a process of its own (the pipeline loaded in it or its
    workers, as a user's run does) and measure it (:class:`IngestRun`)."""
    command = [sys.executable, "-m", "factiongraph", "ingest", str(source), "--db", str(db), "--silent"]
    started = time.monotonic()
    process = subprocess.Popen([*command, "--workers", str(workers)], stdout=subprocess.DEVNULL)
    peak_tree = peak_process = 0
    while True:
        memory = [_memory_kb(pid) for pid in _tree(process.pid)]
        peak_tree = max(peak_tree, sum(rss for rss, _ in memory))
        peak_process = max(peak_process, *(high for _, high in memory))
        ended, status, usage = os.wait4(process.pid, os.WNOHANG)  # usage: its workers' CPU time too, once ended
        if ended:
            break
        time.sleep(sample_every)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    with closing(sqlite3.connect(db)) as connection:
        documents, entities, relations = (
            connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("documents", "entities", "relations")
        )
    peaks = (peak_tree // 1024, peak_process // 1024)
    cpu = usage.ru_utime + usage.ru_stime
    return IngestRun(process.returncode, seconds, cpu, *peaks, documents, entities, relations)


def warm_start_up_cache(folder: Path) -> None:
    """Ingest one sample article into a throwaway store, so the start-up cache is filled and each measured
    run starts as a user's second run does (the first after a change of the package builds it, slower and
    larger)."""
    article = next(sample_corpus().glob("*.txt"))
    command = [sys.executable, "-m", "factiongraph", "ingest", str(article), "--db", str(folder / "warm.db")]
    subprocess.run([*command, "--silent", "--workers", "1"], stdout=subprocess.DEVNULL, check=True)


def _tree(root: int) -> list[int]:
    """``root`` and every process descended from it, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def _memory_kb(pid: int) -> tuple[int, int]:
    """The process's resident memory now and at its highest (VmRSS, VmHWM), in kB; 0 for one that ended."""
    try:
        status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    except (OSError, ValueError):
        return 0, 0
    return int(status.get("VmRSS", "0 kB").split()[0]), int(status.get("VmHWM", "0 kB").split()[0])
