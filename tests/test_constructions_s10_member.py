"""Memberships and commands that carry to unseen articles (issue 9): titles, participles, membership phrases and
the pronouns they hang on, each on sentences the project wrote for it, through the whole English pipeline."""

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


def test_constructions_its_after_a_listed_subject_is_who_reports_the_list(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Levant Front said on Monday that the Hamza Division and Ahrar al-Sharqiya had joined its ranks."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Hamza Division", "Levant Front") in edges
    assert ("BelongsTo", "Ahrar al-Sharqiya", "Levant Front") in edges
    assert ("BelongsTo", "Ahrar al-Sharqiya", "Hamza Division") not in edges
