"""Constructions of alliance and talks, third round (issue 9, AlliesOf and CommWith), each on sentences the project
wrote for it, through the whole English pipeline."""

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
    ("text", "backer", "backed"),
    [
        ("The Hamza Division, a Turkish-backed formation in the north, took the town.", "Turkish", "Hamza Division"),
        ("It joined the 25th Division, a Russian-backed formation within the army.", "Russian", "25th Division"),
    ],
)
def test_a_backed_noun_in_apposition_that_names_no_one_is_said_of_the_name(
    nlp: Language, text: str, backer: str, backed: str
) -> None:
    assert related(nlp, text, "AlliesOf", backer, backed)


@pytest.mark.parametrize(
    ("text", "sent", "ally"),
    [
        ("Hezbollah fighters were sent to Syria to fight alongside the Syrian army.", "Hezbollah", "Syrian army"),
        ("Fighters of Kataib Hezbollah were deployed to fight alongside the Houthis.", "Kataib Hezbollah", "Houthis"),
    ],
)
def test_who_is_sent_to_fight_alongside_another_is_its_ally(nlp: Language, text: str, sent: str, ally: str) -> None:
    assert related(nlp, text, "AlliesOf", sent, ally)


def test_alongside_hung_on_the_object_is_the_verbs(nlp: Language) -> None:
    text = "The Quds Force is taking over the militia's role alongside the Iraqi army."
    assert related(nlp, text, "AlliesOf", "Quds Force", "Iraqi army")


def test_who_presents_a_deal_alongside_another_talked_with_it(nlp: Language) -> None:
    text = "The Druze leader announced the agreement alongside officials of the Lebanese army."
    assert related(nlp, text, "CommWith", "Druze leader", "Lebanese army")
    assert not related(nlp, text, "AlliesOf", "Druze leader", "Lebanese army")


@pytest.mark.parametrize(
    ("text", "backer", "leader"),
    [
        ("The assault, led by Hezbollah and backed by Iranian drone strikes, took the hill.", "Iranian", "Hezbollah"),
        ("The assault, led by Hezbollah and supported by the Quds Force, took the hill.", "Quds Force", "Hezbollah"),
    ],
)
def test_who_backs_an_event_another_leads_is_its_ally(nlp: Language, text: str, backer: str, leader: str) -> None:
    assert related(nlp, text, "AlliesOf", backer, leader)


def test_whose_doing_a_noun_is_acts_alongside_the_one_beside_it(nlp: Language) -> None:
    text = "The Quds Force is taking over Hezbollah's role alongside the Iraqi army."
    assert related(nlp, text, "AlliesOf", "Hezbollah", "Iraqi army")
    assert related(nlp, text, "AlliesOf", "Quds Force", "Iraqi army")


def test_who_judges_a_doing_alongside_another_is_not_its_ally(nlp: Language) -> None:
    text = "Iran praised Hezbollah's campaign alongside the Syrian army in Qusayr."
    assert related(nlp, text, "AlliesOf", "Hezbollah", "Syrian army")
    assert not related(nlp, text, "AlliesOf", "Iran", "Syrian army")


def test_the_second_side_of_between_hung_under_of_is_not_backed_with_the_first(nlp: Language) -> None:
    text = "Men died in clashes between Iranian-backed militias of the Popular Mobilisation Forces and the Peshmerga."
    assert related(nlp, text, "AlliesOf", "Iranian", "Popular Mobilisation Forces")
    assert not related(nlp, text, "AlliesOf", "Iranian", "Peshmerga")
