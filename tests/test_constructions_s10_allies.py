"""Allies and likes (issue 9): backing, joint action and membership in one side, on sentences the project wrote
for them, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.nlp import load_pipeline
from tests.sentences import article_graph

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_allies_a_description_set_off_after_a_name_is_that_name(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "A week of clashes ended with the Levant Front pushed out of Marea and with the Syrian Interim Government, "
        "the civil administration aligned with Turkey, taking over the crossing."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("AlliesOf", "Syrian Interim Government", "Turkey") in edges


def test_allies_a_subject_after_an_opening_phrase_is_not_the_phrase_s_name(fresh_db: Database, tmp_path: Path) -> None:
    text = "Within the Syrian National Army, the brigade has often worked with the Hamza Division."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert not any(source == "Syrian National Army" for _, source, _ in edges)
