"""Constructions of fighting, control and hostility (issue 9): who takes a place from whom, whose positions
are seized, whose attacks are repelled, who wages an insurgency against whom; each on sentences written for it,
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


def test_conflict_a_place_retaken_from_a_group_is_fighting_it(nlp: Language) -> None:
    text = "The Hamza Division recaptured the village of Kafr Janna from the People's Protection Units on Tuesday."
    assert related(nlp, text, "Controls", "Hamza Division", "Kafr Janna")
    assert related(nlp, text, "FightingAgainst", "Hamza Division", "People's Protection Units")


def test_conflict_a_place_taken_from_a_city_is_no_fight_with_the_city(nlp: Language) -> None:
    text = "The Hamza Division seized the village of Kafr Janna from Aleppo province."
    assert not related(nlp, text, "FightingAgainst", "Hamza Division", "Aleppo")
    assert not related(nlp, text, "Controls", "Aleppo", "Kafr Janna")


def test_conflict_seizing_a_groups_positions_is_fighting_it(nlp: Language) -> None:
    text = "Fighters of Jaysh al-Izza seized HTS positions near Latamneh."
    assert related(nlp, text, "FightingAgainst", "Jaysh al-Izza", "HTS")


def test_conflict_holding_a_groups_positions_is_no_fight(nlp: Language) -> None:
    text = "Fighters of Jaysh al-Izza held HTS positions near Latamneh."
    assert not related(nlp, text, "FightingAgainst", "Jaysh al-Izza", "HTS")


def test_conflict_taking_members_of_a_group_into_ones_ranks_is_no_fight(nlp: Language) -> None:
    text = "The Hamza Division took former fighters of the Islamic State into its ranks."
    assert not related(nlp, text, "FightingAgainst", "Hamza Division", "Islamic State")


def test_conflict_repelling_attacks_by_a_group_is_fighting_it(nlp: Language) -> None:
    text = "The Levant Front said its fighters had repelled several attacks by the Hamza Division."
    assert related(nlp, text, "FightingAgainst", "fighters", "Hamza Division")


def test_conflict_an_uprising_against_a_government_is_fighting_it(nlp: Language) -> None:
    text = "Abu Amsha took up arms in the 2012 uprising against the Syrian government."
    assert related(nlp, text, "FightingAgainst", "Abu Amsha", "Syrian government")


def test_conflict_an_insurgency_waged_by_the_group_a_relative_clause_describes(nlp: Language) -> None:
    text = "The Shabiha, which has led an insurgency against the Free Syrian Army, lost Maarat."
    assert related(nlp, text, "FightingAgainst", "Shabiha", "Free Syrian Army")


def test_conflict_calling_an_act_by_a_group_a_massacre_is_hostility(nlp: Language) -> None:
    text = "The Syrian government called the shelling of Ariha a massacre by the Turkish army."
    assert related(nlp, text, "Dislikes", "Syrian government", "Turkish army")


def test_conflict_a_deal_that_leaves_a_group_in_control_of_a_place(nlp: Language) -> None:
    text = "The truce leaves the Syrian National Army in control of the M4 road and of Tal Abyad."
    assert related(nlp, text, "Controls", "Syrian National Army", "Tal Abyad")


def test_conflict_holding_a_group_responsible_is_hostility(nlp: Language) -> None:
    text = "The Autonomous Administration held the Syrian National Army responsible for the killings."
    assert related(nlp, text, "Dislikes", "Autonomous Administration", "Syrian National Army")


def test_conflict_drones_flown_by_a_state_stand_for_it(nlp: Language) -> None:
    text = "Drones flown by Turkey struck People's Protection Units positions near Kobani."
    assert related(nlp, text, "FightingAgainst", "Turkey", "People's Protection Units")


def test_conflict_a_place_described_by_a_clause_of_holding_is_held(nlp: Language) -> None:
    text = "Fighting resumed around Marea, a town that the Levant Front has held since 2014."
    assert related(nlp, text, "Controls", "Levant Front", "Marea")


def test_conflict_a_clause_without_its_object_is_about_the_noun_it_describes(nlp: Language) -> None:
    text = "The army shelled Kafr Zita, a village the Jaysh al-Izza fighters had captured in May."
    assert related(nlp, text, "Controls", "Jaysh al-Izza", "Kafr Zita")


def test_conflict_the_agent_of_a_battle_after_a_dateline_is_the_subject_after_the_dash(nlp: Language) -> None:
    text = (
        "AFRIN, Syria — Levant Front fighters entered the village of Jindires on Monday after two days of clashes "
        "with the People's Protection Units, residents said."
    )
    assert related(nlp, text, "FightingAgainst", "Levant Front", "People's Protection Units")
    assert not related(nlp, text, "FightingAgainst", "Syria", "People's Protection Units")


def test_conflict_one_fights_a_side_not_a_town(nlp: Language) -> None:
    text = "Hayat Tahrir al-Sham shelled Kafr Nabl and attacked the Syrian army near Saraqib."
    assert not related(nlp, text, "FightingAgainst", "Hayat Tahrir al-Sham", "Kafr Nabl")
    assert related(nlp, text, "CoLocated", "Hayat Tahrir al-Sham", "Kafr Nabl")
    assert related(nlp, text, "FightingAgainst", "Hayat Tahrir al-Sham", "Syrian army")


def test_conflict_the_start_of_strikes_on_a_groups_positions(nlp: Language) -> None:
    text = "A week after the start of Russian air strikes on positions of the Free Syrian Army, rebels retreated."
    assert related(nlp, text, "FightingAgainst", "Russian", "Free Syrian Army")


def test_conflict_a_round_of_strikes_on_a_sides_targets(nlp: Language) -> None:
    text = "France and Britain carried out a third round of strikes on Houthi targets in Yemen on Friday."
    assert related(nlp, text, "FightingAgainst", "France", "Houthi")


def test_conflict_a_verb_form_the_lemmatizer_misreads_keeps_its_frame(nlp: Language) -> None:
    text = "Sudanese troops retook the Presidential Palace from the Rapid Support Forces."
    assert related(nlp, text, "FightingAgainst", "Sudanese troops", "Rapid Support Forces")
    text = "The PKK has waged an insurgency against the Iraqi Kurdish parties since 1984."
    assert related(nlp, text, "FightingAgainst", "PKK", "Iraqi Kurdish parties")


def test_conflict_the_groups_listed_in_a_description_act_for_it(nlp: Language) -> None:
    text = "Rebel factions including Jaysh al-Izza and Jaysh al-Nasr captured Saraqib on Sunday."
    assert related(nlp, text, "Controls", "Jaysh al-Izza", "Saraqib")
    assert related(nlp, text, "Controls", "Jaysh al-Nasr", "Saraqib")


def test_conflict_blaming_an_attack_on_a_group_is_hostility(nlp: Language) -> None:
    text = "Ankara blamed the bombing on People's Protection Units fighters and closed the border."
    assert related(nlp, text, "Dislikes", "Ankara", "People's Protection Units")


def test_conflict_who_closes_a_crossing_holds_it(nlp: Language) -> None:
    text = "Turkey closed the Bab al-Hawa and Atmeh crossings on Monday."
    assert related(nlp, text, "Controls", "Turkey", "Bab al-Hawa")
    assert related(nlp, text, "Controls", "Turkey", "Atmeh")


def test_conflict_a_place_not_under_a_groups_control_is_not_held_by_it(nlp: Language) -> None:
    text = "Kobani was then the last large town in the region not under Islamic State control."
    assert not related(nlp, text, "Controls", "Islamic State", "town")
    assert not related(nlp, text, "Controls", "Islamic State", "Kobani")
