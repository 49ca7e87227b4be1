"""Allies and likes (issue 9): backing, joint action and membership in one side, on sentences the project wrote
for them, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.nlp import load_pipeline
from tests.sentences import article_graph, related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_allies_a_description_set_off_after_a_name_is_that_name(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "A week of clashes ended with the Levant Front pushed out of Marea and with the Syrian Interim Government, "
        "the civil administration aligned with Turkey, taking over the crossing."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("AlliesOf", "Syrian Interim Government", "Turkey") in edges


def test_allies_a_subject_after_an_opening_phrase_is_not_the_phrase_s_name(fresh_db: Database, tmp_path: Path) -> None:
    text = "Within the Syrian National Army, the brigade has often worked with the Hamza Division."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert not any(source == "Syrian National Army" for _, source, _ in edges)


def test_allies_participles_joined_by_and_describe_one_noun(nlp: Language) -> None:
    text = "The Hamza Division, a force trained and financed by Qatar, entered the town."
    assert related(nlp, text, "AlliesOf", "Qatar", "a force")


def test_allies_the_backer_of_a_passive_s_agent(nlp: Language) -> None:
    text = "The town was captured from the Islamic State by the Levant Front with the support of Qatar."
    assert related(nlp, text, "AlliesOf", "Qatar", "Levant Front")


def test_allies_a_joint_attack_written_with_a_hyphen(nlp: Language) -> None:
    text = "Jaysh al-Islam and the Levant Front launched a joint counter-attack at dawn."
    assert related(nlp, text, "AlliesOf", "Jaysh al-Islam", "Levant Front")


def test_allies_doers_listed_together_after_by(nlp: Language) -> None:
    text = "The camp came under sustained air strikes by Iraqi government and Turkish aircraft on Monday."
    assert related(nlp, text, "AlliesOf", "Iraqi government", "Turkish")


def test_allies_a_group_listed_before_other_backed_forces_is_backed_too(nlp: Language) -> None:
    text = "Kataib Hezbollah and other Iran-aligned militias fired rockets at the base."
    assert related(nlp, text, "AlliesOf", "Iran", "Kataib Hezbollah")


def test_allies_the_umbrella_of_backed_factions_is_backed(nlp: Language) -> None:
    text = "The strike was claimed by the Islamic Resistance in Iraq, an umbrella of Iran-aligned factions."
    assert related(nlp, text, "AlliesOf", "Iran", "Islamic Resistance in Iraq")


def test_allies_an_agreement_of_cooperation_is_an_alliance(nlp: Language) -> None:
    text = "Turkey signed a defence cooperation agreement with Qatar in March."
    assert related(nlp, text, "AlliesOf", "Turkey", "Qatar")


def test_allies_who_defects_to_a_side_is_its_ally(nlp: Language) -> None:
    text = "Ahmed Awad, a former RSF commander who defected to the Sudanese Armed Forces in June, led the assault."
    assert related(nlp, text, "AlliesOf", "RSF commander", "Sudanese Armed Forces")


def test_allies_who_recruits_a_group_is_its_ally(nlp: Language) -> None:
    text = "Hezbollah recruited the Baqir Brigade in 2015."
    assert related(nlp, text, "AlliesOf", "Hezbollah", "Baqir Brigade")


def test_allies_who_comes_at_the_invitation_of_another_is_its_ally(nlp: Language) -> None:
    text = "Hezbollah entered Syria in 2013 at the invitation of Bashar al-Assad."
    assert related(nlp, text, "AlliesOf", "Bashar al-Assad", "Hezbollah")


def test_allies_groups_named_among_allied_ones_are_allies_of_the_side_they_are_listed_with(nlp: Language) -> None:
    text = "Dozens of members of government forces and allied militias, including the Baqir Brigade, were killed."
    assert related(nlp, text, "AlliesOf", "Baqir Brigade", "government forces")
    assert not related(nlp, text, "BelongsTo", "Baqir Brigade", "government forces")


def test_allies_who_takes_part_in_an_offensive_led_by_another_is_its_ally(nlp: Language) -> None:
    text = "Ahrar al-Sham took part in the offensive led by Turkey against the YPG in Afrin."
    assert related(nlp, text, "AlliesOf", "Ahrar al-Sham", "Turkey")


def test_allies_an_alliance_led_by_someone_names_no_ally_of_its_opponents(nlp: Language) -> None:
    text = "The Giants Brigades, a force of the anti-Houthi coalition commanded by Ahmed Saleh, took the port."
    assert not related(nlp, text, "AlliesOf", "Houthi", "Ahmed Saleh")
