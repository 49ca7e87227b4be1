"""``ingest --engine ray``: Ray actors parse, this process writes, and the graph is the one a local run makes;
a bad article costs one line, an actor that dies costs the item that kills it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.demo import sample_corpus
from tests.breaking_ingest import MARKER
from tests.worker_tasks import DYING_ITEM, process_ids, square_or_die

ROOT = Path(__file__).resolve().parents[1]
OBJECT_STORE_BYTES = 100 * 1024 * 1024


@contextmanager
def local_ray(**options: Any) -> Iterator[None]:
    """A small Ray instance on this machine for the block: two CPUs (two actors), no dashboard."""
    import ray

    ray.init(
        num_cpus=2, include_dashboard=False, object_store_memory=OBJECT_STORE_BYTES, log_to_driver=False, **options
    )
    try:
        yield
    finally:
        ray.shutdown()


def graph(db: Path) -> dict[str, Any]:
    """What a run stored: its counts, documents by fingerprint, and relations by type and names."""
    with closing(sqlite3.connect(db)) as connection:
        count = {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}
        documents = {row[0] for row in connection.execute("SELECT fingerprint FROM documents")}
        relations = set(
            connection.execute(
                "SELECT r.type, s.name, t.name FROM relations r JOIN entities s ON s.id = r.source_id "
                "JOIN entities t ON t.id = r.target_id"
            )
        )
    return {"counts": count, "documents": documents, "relations": relations}


TABLES = ("documents", "entities", "relations")


def ingest(db: Path, *args: str | Path):  # noqa: ANN201
    return CliRunner().invoke(app, ["ingest", *map(str, args), "--db", str(db), "--silent"])


@pytest.mark.slow
def test_ray_engine_ingest_makes_the_graph_of_a_local_run_and_a_bad_article_is_one_line(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(sample_corpus(), articles)
    local = ingest(tmp_path / "local.db", articles, "--workers", "1")
    assert local.exit_code == 0, local.output
    (articles / "breaks.txt").write_text(f"HTS and {MARKER}\n\nHayat Tahrir al-Sham met {MARKER} in Idlib.\n")
    setup = {"worker_process_setup_hook": "tests.ray_tasks.break_on_marker", "env_vars": {"PYTHONPATH": str(ROOT)}}
    with local_ray(runtime_env=setup):
        distributed = ingest(tmp_path / "ray.db", articles, "--engine", "ray")
    assert distributed.exit_code == 1, distributed.output
    assert distributed.stderr.strip().splitlines() == [
        f"failed: {articles / 'breaks.txt'}: could not be parsed (RuntimeError: cannot read {MARKER})"
    ]
    assert "10 new, 0 already stored, 1 failed" in distributed.stdout
    expected = graph(tmp_path / "local.db")
    assert expected["counts"]["documents"] == 10 and min(expected["counts"].values()) > 0
    assert graph(tmp_path / "ray.db") == expected  # the same graph, whatever the extraction finds today


@pytest.mark.slow
def test_ray_engine_an_actor_that_dies_costs_the_item_that_kills_it_and_actors_are_renewed() -> None:
    from factiongraph.ray_engine import ray_ordered_map

    with local_ray():
        results = ray_ordered_map(
            square_or_die, range(20), chunk_size=3, chunks_per_actor=2, on_broken=lambda item, error: -item
        )
        assert list(results) == [-item if item == DYING_ITEM else item * item for item in range(20)]
        pids = ray_ordered_map(process_ids, range(12), chunk_size=2, chunks_per_actor=1, on_broken=None)
        assert len(set(pids)) == 6  # one actor a chunk: each is replaced after its one chunk


def test_ray_engine_address_needs_the_ray_engine(tmp_path: Path) -> None:
    result = ingest(tmp_path / "store.db", sample_corpus(), "--address", "auto")
    assert result.exit_code == 2
    assert "--engine ray" in result.output


def test_ray_engine_ray_is_imported_by_the_ray_engine_only() -> None:
    code = "import sys, factiongraph.cli, factiongraph.build; print('ray' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
