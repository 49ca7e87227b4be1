"""Constructions of liking and disliking (issue 9, Dislikes and Likes), each on sentences the project wrote for it,
through the whole English pipeline."""

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
    "text",
    [
        "The Kurdish council accused Ankara of shelling the villages near the river.",
        "Later the Ahrar al-Sham movement said it held Moscow responsible for the massacre.",
    ],
)
def test_a_capital_a_verb_judges_stands_for_its_state(nlp: Language, text: str) -> None:
    doc = nlp(text)
    judged = [m for m in doc.spans["fg_mentions"] if m.text in ("Ankara", "Moscow")]
    assert [m.label_ for m in judged] == ["Organisation"]
    assert any(r.type == "Dislikes" and r.target.text in ("Ankara", "Moscow") for r in doc._.fg_relations)


def test_a_capital_held_is_still_a_place(nlp: Language) -> None:
    doc = nlp("The rebels held Damascus for a week.")
    assert [m.label_ for m in doc.spans["fg_mentions"] if m.text == "Damascus"] == ["Location"]
