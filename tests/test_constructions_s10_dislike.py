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


def test_who_agreed_to_act_under_a_deal_with_another_talked_with_it_and_with_its_broker(nlp: Language) -> None:
    text = (
        "Ahrar al-Sham, the largest faction in the valley, agreed to withdraw under a deal with the Lebanese "
        "government brokered by Qatar."
    )
    assert related(nlp, text, "CommWith", "Ahrar al-Sham", "Lebanese government")
    assert related(nlp, text, "CommWith", "Qatar", "Ahrar al-Sham")


def test_the_broker_of_a_settlement_talked_with_who_accepted_it(nlp: Language) -> None:
    assert related(
        nlp, "In 2016 the Hamza Division accepted a settlement brokered by Turkey.", "CommWith", "Turkey", "Hamza"
    )


def test_who_demands_that_another_leave_dislikes_it(nlp: Language) -> None:
    text = "Iraq has long demanded that the PKK, which it regards as a threat, leave Sinjar."
    assert related(nlp, text, "Dislikes", "Iraq", "PKK")
    assert related(nlp, "Iran called for the withdrawal of US forces from Iraq.", "Dislikes", "Iran", "US forces")
    text = (
        "In 2019 Traore's government ordered the Russian troops of the Wagner Group out of the country and then "
        "demanded the departure of the African Union mission, AMISOM, which left a year later."
    )
    assert related(nlp, text, "Dislikes", "government", "Russian troops")
    assert related(nlp, text, "Dislikes", "government", "AMISOM")


def test_who_orders_its_own_troops_home_does_not_dislike_them(nlp: Language) -> None:
    text = "Russia ordered the withdrawal of its troops from Syria."
    assert not related(nlp, text, "Dislikes", "Russia", "troops")


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Russian officers met commanders of the Hamza Division and of Jaysh al-Islam near Azaz.",
        "But on Monday Russian officers met commanders of the Hamza Division and of Jaysh al-Islam near Azaz, and the "
        "next day a truce was announced.",
    ],
)
def test_meeting_the_commanders_of_two_groups_meets_each(nlp: Language, text: str) -> None:
    assert related(nlp, text, "CommWith", "Russian", "Hamza Division")
    assert related(nlp, text, "CommWith", "Russian", "Jaysh al-Islam")


def test_the_sides_of_a_truce_hung_on_its_date_talked_with_each_other(nlp: Language) -> None:
    text = "The Kurdish media office accused Iraq of violating the truce agreed on May 3 between Baghdad and Tehran."
    assert related(nlp, text, "CommWith", "Baghdad", "Tehran")


def test_who_negotiated_with_another_through_its_officers_talked_with_it(nlp: Language) -> None:
    text = (
        "The deal, negotiated by officers of the Turkish army with the Afrin Local Council, a body of notables, "
        "follows the 2018 outline."
    )
    assert related(nlp, text, "CommWith", "Turkish army", "Afrin Local Council")


def test_who_is_under_a_states_sanctions_is_disliked_by_it(nlp: Language) -> None:
    assert related(nlp, "Hamdan, too, is under US sanctions.", "Dislikes", "US", "Hamdan")
    text = "The Katibat al-Tawhid commander Abu Omar remains under EU sanctions."
    assert related(nlp, text, "Dislikes", "EU", "Abu Omar")


def test_who_dismisses_a_body_as_illegitimate_dislikes_it(nlp: Language) -> None:
    text = "The Popular Front's spokesman, Ali Haidar, dismissed the new Hezbollah council as illegitimate."
    assert related(nlp, text, "Dislikes", "Ali Haidar", "Hezbollah council")


def test_calling_a_groups_advance_an_occupation_dislikes_the_group(nlp: Language) -> None:
    text = "Ali Haidar, the council's prime minister, called the Hezbollah advance an occupation."
    assert related(nlp, text, "Dislikes", "Ali Haidar", "Hezbollah")
