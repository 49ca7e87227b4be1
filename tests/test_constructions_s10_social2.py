"""Constructions of talking and judging, second round (issue 9, Dislikes and CommWith), each on sentences the
project wrote for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("On Monday Hezbollah and the government in Beirut announced an agreement.", "Hezbollah", "government"),
        ("Hezbollah and Amal reached an agreement on the border.", "Hezbollah", "Amal"),
    ],
)
def test_the_subjects_of_a_deal_announced_together_talked_with_each_other(
    nlp: Language, text: str, first: str, second: str
) -> None:
    assert related(nlp, text, "CommWith", first, second)


def test_subjects_of_a_deal_with_a_third_side_talked_with_it_not_with_each_other(nlp: Language) -> None:
    text = "On Monday Hezbollah and Amal reached an agreement with Israel."
    assert related(nlp, text, "CommWith", "Hezbollah", "Israel")
    assert not related(nlp, text, "CommWith", "Hezbollah", "Amal")
