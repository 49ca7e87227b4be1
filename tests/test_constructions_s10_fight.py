"""Constructions of fighting and control (issue 9): who fights whom and who holds what, read from the grammar
of a sentence; each on sentences written for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_fight_a_relative_clause_set_off_by_a_comma_holds_whatever_the_claim_around_it(nlp: Language) -> None:
    hedged = "Officials warned that the unrest could draw in the Hamza Division, which holds Afrin and fought the YPG."
    assert related(nlp, hedged, "Controls", "Hamza Division", "Afrin")
    assert related(nlp, hedged, "FightingAgainst", "Hamza Division", "YPG")
    denied = "The Levant Front, which has battled Ahrar al-Sham for years, was not involved in the raid, a source said."
    assert related(nlp, denied, "FightingAgainst", "Levant Front", "Ahrar al-Sham")


def test_fight_what_a_hedged_claim_says_outside_a_relative_clause_stays_out(nlp: Language) -> None:
    text = "Officials warned that the Hamza Division, which holds Afrin, could attack the YPG."
    assert not related(nlp, text, "FightingAgainst", "Hamza Division", "YPG")


def test_fight_who_is_backed_against_a_side_fights_it(nlp: Language) -> None:
    text = "Iran, which arms the Houthis against the Saudi-led coalition, denied the report."
    assert related(nlp, text, "FightingAgainst", "Houthis", "Saudi-led coalition")
    assert related(nlp, text, "AlliesOf", "Iran", "Houthis")
    sided = "In 2006 the Lebanese Forces sided with the Kataeb Party against Hezbollah."
    assert related(nlp, sided, "FightingAgainst", "Kataeb Party", "Hezbollah")


def test_fight_a_place_administered_by_a_state_named_as_its_modifier_is_held_by_it(nlp: Language) -> None:
    text = "Convoys crossed into the Turkish-administered Jarablus district on Monday."
    assert related(nlp, text, "Controls", "Turkish", "Jarablus")


def test_fight_a_civilian_body_fights_through_its_armed_men_and_arms(nlp: Language) -> None:
    loyal = "Gunmen loyal to the Tafas Central Committee attacked Hurras al-Din members near the town."
    assert related(nlp, loyal, "FightingAgainst", "Tafas Central Committee", "Hurras al-Din")
    assert not related(nlp, loyal, "Dislikes", "Tafas Central Committee", "Hurras al-Din")
    arms = "Israel shelled several Defence Ministry tanks near Quneitra on Sunday."
    assert related(nlp, arms, "FightingAgainst", "Israel", "Defence Ministry")


def test_fight_a_civilian_body_that_sanctions_armed_men_is_only_hostile(nlp: Language) -> None:
    text = "The US Treasury sanctioned forces of the Hamza Division on Tuesday."
    assert not related(nlp, text, "FightingAgainst", "Treasury", "Hamza Division")


def test_fight_places_that_fall_to_a_group_are_held_by_it(nlp: Language) -> None:
    text = "Marea and Tal Rifaat fell to the Levant Front last week."
    assert related(nlp, text, "Controls", "Levant Front", "Marea")
    assert related(nlp, text, "Controls", "Levant Front", "Tal Rifaat")


def test_fight_whom_a_deal_gives_control_of_a_place_holds_it(nlp: Language) -> None:
    text = "The withdrawal gave the Hamza Division full control of Jarablus."
    assert related(nlp, text, "Controls", "Hamza Division", "Jarablus")


def test_fight_who_is_joined_in_retaking_a_place_retakes_it_too(nlp: Language) -> None:
    text = "The Hamza Division joined the Turkish army in retaking Jindires from the YPG."
    assert related(nlp, text, "Controls", "Turkish army", "Jindires")
    assert related(nlp, text, "FightingAgainst", "Turkish army", "YPG")
    assert related(nlp, text, "Controls", "Hamza Division", "Jindires")


def test_fight_a_place_referred_back_to_and_called_a_groups_stronghold_is_held_by_it(nlp: Language) -> None:
    text = "Turkish drones struck the town, the Levant Front's last stronghold near Azaz, on Sunday."
    assert related(nlp, text, "Controls", "Levant Front", "the town")
