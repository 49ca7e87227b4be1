"""Fixtures shared by the tests: a fresh store, the test articles, the evaluation data and its gates.

Two switches keep the suites honest. ``--no-model`` hides the English model (``make test-fast`` passes it), so
a test that loads it fails there instead of making the fast suite slow: such a test is marked ``slow``.
``FACTIONGRAPH_REQUIRE_SHARED_DATA=1`` (``.ci/run`` sets it) makes a test that needs ``../shared/data`` fail
when the folder is missing; without it a developer who lacks the folder sees those tests skipped.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from factiongraph.nlp.pipeline import BASE_MODELS
from factiongraph.store import open_store

TEST_DATA = Path(__file__).parent / "data"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SEED_ARTICLE = SHARED_DATA / "articles" / "enab-baladi-abu-amsha-hts-sna.txt"
SEED_GOLD = SHARED_DATA / "articles" / "enab-baladi-abu-amsha-hts-sna.gold.json"
RE3D_DEV = SHARED_DATA / "re3d-dev"
GATES: dict[str, Any] = tomllib.loads((Path(__file__).parent / "gates.toml").read_text("utf-8"))
"""The evaluation tests' floors and kept gates, and the digest of the data they were measured on."""
REQUIRE_SHARED_DATA = "FACTIONGRAPH_REQUIRE_SHARED_DATA"

needs_shared_data = pytest.mark.shared_data


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--no-model",
        action="store_true",
        help="hide the English model from this run and the processes it starts: a test that loads it fails",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "shared_data: needs ../shared/data (evaluation data beside the clone)")
    if config.getoption("--no-model"):
        config.stash[_hidden_models] = _hide_models()


def pytest_unconfigure(config: pytest.Config) -> None:
    hidden = config.stash.get(_hidden_models, None)
    if hidden is not None:
        shutil.rmtree(hidden, ignore_errors=True)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that needs the evaluation data fails without it where it is required, else is skipped."""
    if item.get_closest_marker("shared_data") and not SHARED_DATA.is_dir():
        message = f"{SHARED_DATA} (the evaluation data) is not beside this clone"
        if os.environ.get(REQUIRE_SHARED_DATA) == "1":
            pytest.fail(f"{message}, and {REQUIRE_SHARED_DATA}=1 requires it", pytrace=False)
        pytest.skip(message)


_hidden_models = pytest.StashKey[Path]()


def _hide_models() -> Path:
    """Packages named like the English models that refuse to import, put first on this process's path and on
    PYTHONPATH for the processes it starts: loading the pipeline then fails with a line saying why."""
    folder = Path(tempfile.mkdtemp(prefix="factiongraph-no-model-"))
    for name in BASE_MODELS:
        (folder / name).mkdir()
        (folder / name / "__init__.py").write_text(
            f'raise ImportError("{name} is hidden by --no-model: a test that needs it is marked slow")\n'
        )
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))
    sys.path.insert(0, str(folder))
    return folder


@pytest.fixture
def fresh_db(tmp_path: Path) -> Database:
    return open_store(tmp_path / "test.db")


@pytest.fixture
def test_data() -> Path:
    return TEST_DATA
