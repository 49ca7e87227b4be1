"""Offices and memberships that carry to unseen articles (issue 9): titles that name the body their holder heads,
on sentences the project wrote for them, through the whole English pipeline."""

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


def test_constructions_a_field_minister_heads_the_ministry_the_article_names(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = (
        "The Lebanese Ministry of Energy said the plant would reopen. "
        "On Sunday, Energy Minister Walid Fayyad visited the plant in Zahle."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("InChargeOf", "Walid Fayyad", "Ministry of Energy") in edges


def test_constructions_a_secretary_of_a_field_heads_its_department(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Secretary of the Treasury Janet Yellen spoke in Brussels. "
        "The Department of the Treasury later issued sanctions on the Wagner Group."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert any(e[:2] == ("InChargeOf", "Janet Yellen") and "Treasury" in e[2] for e in edges)


def test_constructions_a_minister_of_another_state_heads_no_ministry_named(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Russian Defence Minister Sergei Shoigu met Syrian officials. "
        "The Syrian Ministry of Defence said the talks went well."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert not any(e[:2] == ("InChargeOf", "Sergei Shoigu") for e in edges)


def test_constructions_leaders_listed_of_a_group_the_text_called_a_militia(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Officials said on Tuesday that the Syrian National Army, a Turkish-backed militia, had withdrawn from the "
        "town. The militia's leaders, including Mohammed al-Jassem, rejected the report."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("InChargeOf", "Mohammed al-Jassem", "Syrian National Army") in edges
    assert ("BelongsTo", "Mohammed al-Jassem", "Syrian National Army") not in edges


def test_constructions_one_of_a_leaders_deputies_is_in_what_he_leads(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Khalifa Haftar, the commander of the Libyan National Army, reshuffled his staff on Sunday. "
        "Abdul Salam al-Hassi, a veteran officer, became one of Haftar's deputies."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Abdul Salam al-Hassi", "Libyan National Army") in edges
    assert not any(e[:2] == ("BelongsTo", "Abdul Salam al-Hassi") and "Haftar" in e[2] for e in edges)


def test_constructions_what_a_groups_units_are_part_of_the_group_is(fresh_db: Database, tmp_path: Path) -> None:
    text = "Wagner Group units were sent to Libya as part of the Libyan National Army."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Wagner Group", "Libyan National Army") in edges


def test_constructions_joining_a_group_in_doing_something_is_no_membership(nlp: Language) -> None:
    text = "In 2019 Wagner Group units joined the Libyan National Army in retaking Sirte from its rivals."
    assert not related(nlp, text, "BelongsTo", "Wagner Group", "Libyan National Army")
    assert related(nlp, "The Hamza Division joined the Syrian National Army in 2017.", "BelongsTo", "Hamza", "Syrian")


def test_constructions_a_body_named_beside_a_name_that_ends_a_phrase(fresh_db: Database, tmp_path: Path) -> None:
    text = "Troops of AMISOM, the African Union mission, left Baidoa."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert any(e[0] == "BelongsTo" and e[2] == "African Union" for e in edges)
