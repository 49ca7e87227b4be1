"""Constructions of control and fighting (issue 9, session 11): who takes or holds a place and whom that makes them
fight, read from the grammar of a sentence; each on sentences written for it, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.nlp import load_pipeline
from tests.sentences import article_graph, related, relations

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_control_who_takes_a_place_described_as_held_by_another_fights_it(nlp: Language) -> None:
    participle = "Jaish al-Islam announced the capture of Douma, the last town held by Ahrar al-Sham in the area."
    assert related(nlp, participle, "FightingAgainst", "Jaish al-Islam", "Ahrar al-Sham")
    relative = "Jaish al-Islam stormed Douma, a town that Ahrar al-Sham had held since 2013."
    assert related(nlp, relative, "FightingAgainst", "Jaish al-Islam", "Ahrar al-Sham")
    modifier = "Jaish al-Islam captured the Ahrar al-Sham-held town of Douma."
    assert related(nlp, modifier, "FightingAgainst", "Jaish al-Islam", "Ahrar al-Sham")


def test_control_who_attacks_a_place_set_off_as_another_s_stronghold_fights_it(nlp: Language) -> None:
    text = "The Levant Front's push on the town, the YPG's last major stronghold in the north, cost hundreds of lives."
    assert related(nlp, text, "FightingAgainst", "Levant Front", "YPG")


def test_control_a_leader_s_forces_are_the_group_the_text_says_he_leads(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Levant Front, led by Abu Omar al-Tamimi, pulled back from the road on Monday. "
        "Abu Omar al-Tamimi's fighters still hold most of Azaz."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("Controls", "Levant Front", "Azaz") in edges


def test_control_the_leader_of_men_holds_what_they_took_in_a_clause_after_theirs(nlp: Language) -> None:
    text = "Fighters led by the Levant Front entered Azaz on Sunday, hours after taking the town of Tal Rifaat."
    assert related(nlp, text, "Controls", "Levant Front", "Tal Rifaat")


def test_control_a_part_fights_whom_the_phrase_naming_its_whole_says_the_whole_fights(nlp: Language) -> None:
    sent = "Hundreds of Ahrar al-Sham fighters were sent to Iraq as part of the US-led coalition fighting the Taliban."
    assert related(nlp, sent, "FightingAgainst", "Ahrar al-Sham", "Taliban")
    apposed = "The Hamza Division, a faction of the alliance that fights the YPG, denied the report."
    assert related(nlp, apposed, "FightingAgainst", "Hamza Division", "YPG")


def test_control_a_body_that_does_not_fight_is_no_side_of_its_coalition_s_fight(nlp: Language) -> None:
    text = "Both the Syrian Interim Government and the Levant Front are part of the alliance fighting the YPG."
    assert related(nlp, text, "FightingAgainst", "Levant Front", "YPG")
    assert not related(nlp, text, "FightingAgainst", "Syrian Interim Government", "YPG")
    assert not related(nlp, text, "Dislikes", "Syrian Interim Government", "YPG")


def test_control_whom_a_place_is_taken_back_from_held_it(nlp: Language) -> None:
    text = "Government troops recaptured Tikrit from Islamic State fighters in 2015."
    assert related(nlp, text, "Controls", "Islamic State", "Tikrit")
    assert related(nlp, text, "Controls", "Government troops", "Tikrit")
    taken = "The Hamza Division took Azaz from the YPG on Friday."
    assert not related(nlp, taken, "Controls", "YPG", "Azaz")


def test_control_who_counters_an_event_of_fighting_fights_whoever_waged_it(nlp: Language) -> None:
    siege = "The Levant Front broke the Islamic State's two-year siege of Marea on Tuesday."
    assert related(nlp, siege, "FightingAgainst", "Levant Front", "Islamic State")
    advance = "Kurdish fighters halted the Hamza Division advance near Azaz."
    assert related(nlp, advance, "FightingAgainst", "Kurdish fighters", "Hamza Division")
    truce = "The rebels broke the ceasefire with the YPG."
    assert not related(nlp, truce, "FightingAgainst", "rebels", "YPG")


def test_control_a_place_falls_to_whom_the_parser_hangs_on_the_verb_of_its_fall(nlp: Language) -> None:
    text = (
        "The retreat from Azaz follows the recent fall of Marea in Aleppo to al-Qaeda and a series of raids near Afrin."
    )
    assert related(nlp, text, "Controls", "al-Qaeda", "Marea")
    told = "The army reported the capture of Azaz to reporters on Monday."
    assert not any(kind == "Controls" for kind, _, _ in relations(nlp, told))
