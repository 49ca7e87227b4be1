"""Fixtures shared by the tests: a fresh store, the test articles, and the evaluation data when present."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factiongraph.store import open_store

TEST_DATA = Path(__file__).parent / "data"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED_ARTICLE = SHARED_DATA / "articles" / "enab-baladi-abu-amsha-hts-sna.txt"
SEED_GOLD = SHARED_DATA / "articles" / "enab-baladi-abu-amsha-hts-sna.gold.json"
RE3D_DEV = SHARED_DATA / "re3d-dev"

needs_shared_data = pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason="../shared/data (evaluation data) is not beside this clone"
)


@pytest.fixture
def fresh_db(tmp_path: Path) -> Database:
    return open_store(tmp_path / "test.db")


@pytest.fixture
def test_data() -> Path:
    return TEST_DATA
