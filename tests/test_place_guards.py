"""Precision guards on places (issue 9): where another actor goes is not where the clause's subject is."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_place_guards_a_phrase_another_actor_owns_places_that_actor_only(nlp: Language) -> None:
    text = "The SDF shelled Tal Tamr after the Hamza Division's withdrawal to Raqqa."
    assert related(nlp, text, "CoLocated", "Hamza Division", "Raqqa")
    assert related(nlp, text, "CoLocated", "SDF", "Tal Tamr")
    assert not related(nlp, text, "CoLocated", "SDF", "Raqqa")
    text = "Rebels led by the Levant Front seize Azaz as Erdogan flees to Tehran"
    assert not related(nlp, text, "CoLocated", "Levant Front", "Tehran")


def test_place_guards_the_side_met_in_a_place_still_places_the_subject(nlp: Language) -> None:
    assert related(nlp, "The Hamza Division clashed with SDF units near Manbij.", "CoLocated", "Hamza", "Manbij")
