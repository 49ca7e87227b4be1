#!/usr/bin/env python3
"""What the ingest limits cost: peak memory and time of ``factiongraph ingest`` on oversized input.

Each run is a process of its own, measured by ``wait4`` (its own peak resident memory, in MB):
two good articles alone; with a 100 MB text file beside them, refused by ``--max-bytes`` before it
is read; the same with ``--max-bytes`` raised, so the file is read and then refused by ``--max-chars``;
and an article of over 1,000,000 characters with ``--max-chars`` raised, parsed in pieces and stored.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEST_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
GOOD = ("abu-amsha-visit.txt", "raqqa-offensive.txt")
BIG_BYTES = 100_000_000
LONG_CHARS = 1_050_000
FILLER = "The talks went on for hours in the cold, and the people who waited outside the hall heard nothing."


def measured(db: Path, *args: str | Path) -> tuple[int, int, float]:
    """Exit code, peak resident memory in MB and seconds of one ``factiongraph ingest``."""
    command = [sys.executable, "-m", "factiongraph", "ingest", *map(str, args), "--db", str(db), "--silent"]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss // 1024, time.monotonic() - started


def write_big_file(path: Path) -> None:
    with path.open("w") as handle:
        written = number = 0
        while written < BIG_BYTES:
            number += 1
            written += handle.write(f"{number}: HTS fighters entered Atma on Tuesday, residents said.\n")


def write_long_article(path: Path) -> None:
    """A line of a test article every 20 paragraphs and a sentence naming no one between, each numbered
    (a repeated line is boilerplate and kept once)."""
    lines = [line for line in (TEST_DATA / GOOD[0]).read_text().split("\n")[1:] if line.strip()]
    paragraphs: list[str] = []
    length = 0
    while length < LONG_CHARS:
        n = len(paragraphs)
        paragraphs.append(f"({n}) {lines[n // 20 % len(lines)] if n % 20 == 0 else FILLER}")
        length += len(paragraphs[-1]) + 2
    path.write_text("A long report\n\n" + "\n\n".join(paragraphs))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        good = root / "good"
        good.mkdir()
        for name in GOOD:
            shutil.copy(TEST_DATA / name, good / name)
        big, long = root / "big.txt", root / "long" / "long.txt"
        long.parent.mkdir()
        write_big_file(big)
        write_long_article(long)
        runs = [
            ("two good articles", [good]),
            (f"+ {big.stat().st_size:,}-byte file, refused by --max-bytes", [good, big]),
            ("+ the same, --max-bytes raised: read, refused by --max-chars", [good, big, "--max-bytes", "200000000"]),
            (f"{long.stat().st_size:,}-character article, --max-chars raised", [long, "--max-chars", "2000000"]),
        ]
        for number, (label, args) in enumerate(runs):
            code, peak, seconds = measured(root / f"{number}.db", *args)
            print(f"{label:<66} exit {code}  peak {peak:>5} MB  {seconds:6.1f} s")


if __name__ == "__main__":
    main()
