"""Constructions of judging, sanctioning and talking (issue 9, Dislikes and CommWith), each on sentences the
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


def test_a_clause_cut_off_by_a_semicolon_is_not_what_the_next_verb_denies(nlp: Language) -> None:
    text = (
        "Germany, Italy and Spain blamed the Wagner Group for the massacre and are preparing new sanctions; "
        "Moscow denied that its contractors were present."
    )
    for accuser in ("Germany", "Italy", "Spain"):
        assert related(nlp, text, "Dislikes", accuser, "Wagner Group"), accuser


def test_a_denied_charge_denies_what_was_charged_not_the_accusation(nlp: Language) -> None:
    text = (
        "Weeks later the Democratic Union Party, the main Kurdish party, accused Hezbollah fighters of leading "
        "the deadly raid on the camp on June 3, a charge Hezbollah has always denied."
    )
    assert related(nlp, text, "Dislikes", "Democratic Union Party", "Hezbollah")


def test_a_relative_clause_that_judges_is_the_attitude_of_the_noun_it_describes(nlp: Language) -> None:
    text = (
        "Saudi Arabia, which considers the Houthi movement in northern Yemen a terrorist group, has asked Oman "
        "to close its border."
    )
    assert related(nlp, text, "Dislikes", "Saudi Arabia", "Houthi movement")
