"""Memberships and commands that carry to unseen articles (issue 9): titles, participles, membership phrases and
the pronouns they hang on, each on sentences the project wrote for it, through the whole English pipeline."""

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


def test_constructions_its_after_a_listed_subject_is_who_reports_the_list(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Levant Front said on Monday that the Hamza Division and Ahrar al-Sharqiya had joined its ranks."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Hamza Division", "Levant Front") in edges
    assert ("BelongsTo", "Ahrar al-Sharqiya", "Levant Front") in edges
    assert ("BelongsTo", "Ahrar al-Sharqiya", "Hamza Division") not in edges


def test_constructions_a_leading_participle_describes_the_part_not_the_whole(nlp: Language) -> None:
    text = "Jaysh al-Izza, a unit of the Syrian Interim Government's defence ministry led by Jamil al-Saleh, withdrew."
    assert related(nlp, text, "InChargeOf", "Jamil al-Saleh", "Jaysh al-Izza")
    assert not related(nlp, text, "InChargeOf", "Jamil al-Saleh", "ministry")


def test_constructions_a_participle_on_a_part_of_a_known_whole_leaves_the_whole_alone(
    fresh_db: Database, tmp_path: Path
) -> None:
    """Judged on the graph: the sentence's description 'a force of the coalition' is the brigades' own mention."""
    text = "The Giants Brigades, a force of the anti-Houthi coalition commanded by Abdullah Saleh, took the town."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("InChargeOf", "Abdullah Saleh", "Giants Brigades") in edges
    assert ("BelongsTo", "Giants Brigades", "Saudi-led coalition") in edges
    assert not any(kind == "InChargeOf" and target == "Saudi-led coalition" for kind, _, target in edges)


def test_constructions_a_role_after_as_is_the_subjects(fresh_db: Database, tmp_path: Path) -> None:
    text = "Abu Omar al-Shami was born in Deir ez-Zor. He served as a commander in the Free Syrian Army before 2014."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Abu Omar al-Shami", "Free Syrian Army") in edges


def test_constructions_sent_as_part_of_a_coalition_is_a_member(nlp: Language) -> None:
    text = "Hezbollah units were sent to Syria as part of the Iranian-led coalition."
    assert related(nlp, text, "BelongsTo", "Hezbollah", "coalition")


def test_constructions_a_participle_placing_a_group_under_another(nlp: Language) -> None:
    text = "The Tariq bin Ziyad Brigade, placed under the Libyan National Army in 2017, took Sirte."
    assert related(nlp, text, "BelongsTo", "Tariq bin Ziyad Brigade", "Libyan National Army")


def test_constructions_an_envoy_posted_to_a_place_belongs_to_who_sends_him(nlp: Language) -> None:
    text = "The UN envoy to Libya, Ghassan Salame, arrived in Tripoli."
    assert related(nlp, text, "BelongsTo", "Ghassan Salame", "UN")


def test_constructions_a_counterpart_named_by_his_people(fresh_db: Database, tmp_path: Path) -> None:
    text = "Iranian Foreign Minister Abbas Araghchi met his Turkish counterpart, Hakan Fidan, in Ankara on Monday."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Hakan Fidan", "Turkey") in edges


def test_constructions_a_head_is_no_member_of_what_he_leads(fresh_db: Database, tmp_path: Path) -> None:
    text = "Turkish President Recep Tayyip Erdogan met his Russian counterpart, Vladimir Putin, in Sochi."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("InChargeOf", "Vladimir Putin", "Russia") in edges
    assert ("BelongsTo", "Vladimir Putin", "Russia") not in edges


def test_constructions_a_spokesmans_rank_makes_no_commander(nlp: Language) -> None:
    text = "Army spokesman Brigadier General Khaled Saleh said troops had taken the bridge."
    assert related(nlp, text, "BelongsTo", "Khaled Saleh", "Army")
    assert not related(nlp, text, "InChargeOf", "Khaled Saleh", "Army")


def test_constructions_a_hyphenated_deputy_title_is_a_members(nlp: Language) -> None:
    text = "Hani Salem, the STC's vice-president, urged supporters to stay calm."
    assert related(nlp, text, "BelongsTo", "Hani Salem", "STC")


def test_constructions_a_relative_clause_affiliates_the_noun_it_describes(nlp: Language) -> None:
    text = "The Tenth Brigade, a rebel force that is now affiliated with Air Force Intelligence, raided the farm."
    assert related(nlp, text, "BelongsTo", "Tenth Brigade", "Air Force Intelligence")


def test_constructions_a_mission_named_beside_its_owner_belongs_to_it(nlp: Language) -> None:
    text = "Troops of UNIFIL, the United Nations mission that monitors the border, were not present."
    assert related(nlp, text, "BelongsTo", "UNIFIL", "United Nations")


def test_constructions_a_led_part_beside_a_description_leads_what_it_stands_for(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = (
        "The Sultan Suleiman Shah Division took the village on Monday. The division, a Turkmen faction of the Syrian "
        "National Army commanded by Ahmed Rashid, then shelled the road."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("InChargeOf", "Ahmed Rashid", "Sultan Suleiman Shah Division") in edges


def test_constructions_a_name_beside_a_title_is_a_person(nlp: Language) -> None:
    text = "The statement of Liwa al-Haqq was signed by its military spokesman, Omar Bakkour."
    assert related(nlp, text, "BelongsTo", "Omar Bakkour", "its")
    text = "Said Khalil, a founder and commander of the brigade, died in June."
    assert related(nlp, text, "InChargeOf", "Said Khalil", "the brigade")


def test_constructions_who_leads_a_groups_garrison_is_one_of_its_men(nlp: Language) -> None:
    text = "Inside the town, a Fourth Division garrison commanded by Colonel Ali Haidar held out for months."
    assert related(nlp, text, "BelongsTo", "Ali Haidar", "Fourth Division")
    assert not related(nlp, text, "InChargeOf", "Ali Haidar", "Fourth Division")
