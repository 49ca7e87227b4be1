#!/usr/bin/env python3
"""What starting factiongraph costs: seconds to ``--help``, to an ``actor`` answer on a small store, and to the
first parsed document of an ``ingest`` (one short article, from process start to exit), each cold (an empty
start-up cache) and warm (the cache filled).

Every figure is the median wall time, with the CPU time beside it (which other load on the machine moves
less), of ``--runs`` processes of their own, measured in this one run, cold and warm in turn. Each cold process
gets a new empty cache directory (``FACTIONGRAPH_CACHE_DIR``); the warm ones share the one that the ingest
building the small store filled, which also brings the libraries and the model into the operating system's
file cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TEST_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
STORE_ARTICLES = ("abu-amsha-visit.txt", "raqqa-offensive.txt")
FIRST_ARTICLE = "abu-amsha-visit.txt"


def seconds(args: list[str], cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``factiongraph ARGS`` process with ``cache`` as its cache directory, run in
    the cache's parent folder (so that the factiongraph it runs is the installed one, not a folder here)."""
    command = [sys.executable, "-m", "factiongraph", *args]
    environment = {**os.environ, "FACTIONGRAPH_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=environment, cwd=cache.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: factiongraph {' '.join(args)}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Processes timed per figure (the median is printed).")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        warm_cache = root / "warm-cache"
        store = root / "small.db"
        seconds(["ingest", *(str(TEST_DATA / a) for a in STORE_ARTICLES), "--db", str(store), "--silent"], warm_cache)
        commands: dict[str, Callable[[Path], list[str]]] = {
            "--help": lambda _: ["--help"],
            "actor answer (2-document store)": lambda _: ["actor", "Abu Amsha", "--db", str(store)],
            "first parsed document (ingest of one article into a new store)": lambda db: [
                "ingest",
                str(TEST_DATA / FIRST_ARTICLE),
                "--db",
                str(db),
                "--silent",
            ],
        }
        print(f"median of {runs} processes each, wall seconds (CPU seconds); cold: an empty cache, warm: filled")
        for number, (name, arguments) in enumerate(commands.items()):
            figures: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": []}
            for run in range(runs):
                for state, times in figures.items():
                    cache = warm_cache if state == "warm" else root / f"cold-cache-{number}-{run}"
                    times.append(seconds(arguments(root / f"{state}-{number}-{run}.db"), cache))
            cold, warm = (medians(figures[state]) for state in ("cold", "warm"))
            print(f"{name}: cold {cold}, warm {warm}")


def medians(times: list[tuple[float, float]]) -> str:
    """ "1.23 s (1.01 s)": the median wall seconds, and the median CPU seconds."""
    wall, cpu = zip(*times, strict=True)
    return f"{statistics.median(wall):.2f} s ({statistics.median(cpu):.2f} s)"


if __name__ == "__main__":
    main()
