"""The gate file: every figure the evaluation tests hold to is read from it, and the evaluation data is the set
its gates were measured on."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tests.conftest import GATES, SHARED_DATA, needs_shared_data

EVALUATION_TESTS = ("test_corpus.py", "test_arabic_corpus.py", "test_re3d_eval.py", "test_seed_article.py")


@needs_shared_data
def test_gates_evaluation_data_is_the_set_the_gates_were_measured_on() -> None:
    """A changed, added or removed file of ../shared/data is named, so that its gates are looked at again."""
    found = {
        path.relative_to(SHARED_DATA).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(SHARED_DATA.rglob("*"))
        if path.is_file()
    }
    expected = GATES["digests"]
    assert sorted(found.keys() ^ expected.keys()) == []
    assert [name for name in expected if found[name] != expected[name]] == []


def test_gates_no_share_is_typed_into_an_evaluation_test() -> None:
    """A threshold typed into an evaluation test would hide from the gate file: a comparison with a decimal."""
    here = Path(__file__).parent
    typed = [
        f"{name}:{number}: {line.strip()}"
        for name in EVALUATION_TESTS
        for number, line in enumerate((here / name).read_text("utf-8").splitlines(), 1)
        if re.search(r"[<>]=?\s*\d*\.\d", line)
    ]
    assert typed == []
