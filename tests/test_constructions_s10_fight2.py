"""Constructions of fighting and control, second round (issue 9): who fights whom, read from the grammar of a
sentence; each on sentences written for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_fight2_a_second_verb_of_the_subject_does_the_event_it_is_done_with(nlp: Language) -> None:
    text = "Israel closed the border crossing and answered with rocket attacks on the Lebanese army."
    assert related(nlp, text, "FightingAgainst", "Israel", "Lebanese army")


def test_fight2_a_first_verb_of_blame_does_not_make_the_second_verbs_attack_an_accusation(nlp: Language) -> None:
    text = "Israel blamed the raid on Hezbollah and responded with rocket attacks on positions of the Lebanese army."
    assert related(nlp, text, "FightingAgainst", "Israel", "Lebanese army")
    assert not related(nlp, text, "Dislikes", "Israel", "Lebanese army")


def test_fight2_who_strikes_from_afar_is_not_at_the_place_struck(nlp: Language) -> None:
    text = "Israel answered with artillery and drone attacks on positions of the Lebanese army near Tyre."
    assert related(nlp, text, "FightingAgainst", "Israel", "Lebanese army")
    assert related(nlp, text, "CoLocated", "Lebanese army", "Tyre")
    assert not related(nlp, text, "CoLocated", "Israel", "Tyre")
