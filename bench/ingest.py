#!/usr/bin/env python3
"""Memory of a long ingest: peak resident memory of the whole process tree (the writer and its workers)
after 1,000 and after 3,000 articles, and their ratio, in one run.

Each size is one ``factiongraph ingest --workers N`` (default: the number of cores) of a stream of distinct
articles (bench/stream.py) into a new store, the start-up cache filled first. Targets: the 3,000-article
peak at most 1.10 times the 1,000-article one (memory does not grow with the corpus), and no process above
1.5 GB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from stream import timed_ingest, warm_start_up_cache, write_stream

from factiongraph.workers import available_cores

SIZES = (1_000, 3_000)
MAX_RATIO = 1.10
MAX_PROCESS_MB = 1_500


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=available_cores())
    workers = parser.parse_args().workers
    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        warm_start_up_cache(Path(tmp))
        for size in SIZES:
            source = Path(tmp) / f"{size}.jsonl"
            words = write_stream(source, size)
            run = timed_ingest(source, Path(tmp) / f"{size}.db", workers=workers)
            peaks.append(run)
            print(
                f"{size:,} articles ({words:,} words), {workers} workers: exit {run.exit_code}, {run.seconds:.0f} s, "
                f"{words / run.seconds:,.0f} words/s; peak RSS of the process tree {run.peak_tree_mb:,} MB, "
                f"of one process {run.peak_process_mb:,} MB; stored {run.documents:,} documents, "
                f"{run.entities:,} entities, {run.relations:,} relations"
            )
    ratio = peaks[1].peak_tree_mb / peaks[0].peak_tree_mb
    largest = max(run.peak_process_mb for run in peaks)
    print(f"peak RSS ratio {SIZES[1]:,} / {SIZES[0]:,} articles: {ratio:.2f} (target <= {MAX_RATIO})")
    print(f"largest process: {largest:,} MB (target <= {MAX_PROCESS_MB:,} MB per worker)")
    return 0 if ratio <= MAX_RATIO and largest <= MAX_PROCESS_MB and all(r.exit_code == 0 for r in peaks) else 1


if __name__ == "__main__":
    sys.exit(main())
