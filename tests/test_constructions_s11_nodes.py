"""Nodes (issue 9): names that vary within an article land on one node, on sentences the project wrote for them,
through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.export import export_json
from factiongraph.keys import name_key
from factiongraph.nlp import MENTIONS_KEY, load_pipeline
from tests.sentences import article_graph

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _one_node(db: Database, first: str, second: str) -> bool:
    """Whether one node of the store carries both names (with or without "the")."""
    for node in export_json(db)["nodes"]:
        names = {node["name"], *(a if isinstance(a, str) else a["name"] for a in node.get("aliases") or [])}
        keys = {name_key(n) for n in names}
        if name_key(first) in keys and name_key(second) in keys:
            return True
    return False


def test_nodes_a_last_name_alone_is_the_one_person_named_before_it(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "In 2014 the commander Yusuf Barakat founded the Northern Hawks Brigade in Hama. Barakat left the army a "
        "year later. His cousin Nabil Barakat, the brigade's deputy commander, runs its finances."
    )
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Yusuf Barakat", "Barakat")
    assert not _one_node(fresh_db, "Nabil Barakat", "Barakat")


def test_nodes_a_last_name_the_model_missed_after_the_full_name(fresh_db: Database, tmp_path: Path) -> None:
    text = "The Hamza Division answers to Fehim Isa. Isa, who grew up near Hama, joined the revolt early."
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Fehim Isa", "Isa")


def test_nodes_a_last_name_the_kb_spells_for_a_person_named_in_full(fresh_db: Database, tmp_path: Path) -> None:
    text = "Zahran Alloush built up his force in Douma from 2011. By 2015 Aloush commanded thousands of fighters."
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Zahran Alloush", "Aloush")


def test_nodes_a_name_the_text_says_is_another_spelling(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The brigade commanded by Ahmad Jarrah held the town for a week. Jarah, as his name is often spelled, "
        "was not available for comment."
    )
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Ahmad Jarrah", "Jarah")


def test_nodes_a_respelt_name_the_model_took_for_a_group_is_his(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The brigade commanded by Khaled Hayani held the town for a week. Hayyani, as his name is often spelled, "
        "was not available for comment."
    )
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Khaled Hayani", "Hayyani")


def test_nodes_known_with_an_adverb_before_as(fresh_db: Database, tmp_path: Path) -> None:
    text = "Samir Khalil, known locally as Abu Hadi, ran the checkpoint in Azaz for two years."
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Samir Khalil", "Abu Hadi")


def test_nodes_a_description_set_off_after_a_name_passes_its_other_name_on(fresh_db: Database, tmp_path: Path) -> None:
    text = "Since 2018 the town has been held by the Hamza Division, a local militia also known as Liwa al-Jabal."
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Hamza Division", "Liwa al-Jabal")


@pytest.mark.parametrize("other_name", ["Hamaya", "Amn"])
def test_nodes_a_group_s_other_name_is_a_group_s_whatever_the_model_took(
    fresh_db: Database, tmp_path: Path, other_name: str
) -> None:
    text = (
        f"Fighting broke out between the Hamza Division and the Border Protection Force, also known as {other_name}, "
        "near the crossing."
    )
    article_graph(fresh_db, text, tmp_path)
    assert _one_node(fresh_db, "Border Protection Force", other_name)


def test_nodes_a_place_s_name_headed_by_a_capitalised_kind_word_is_a_group(fresh_db: Database, tmp_path: Path) -> None:
    text = "On Monday the Hama Gathering announced that it had joined the National Front for Liberation."
    nodes, edges = article_graph(fresh_db, text, tmp_path)
    assert "Hama Gathering" in nodes
    assert ("BelongsTo", "Hama Gathering", "National Front for Liberation") in edges


def test_nodes_the_anti_houthi_coalition_is_the_saudi_led_coalition(fresh_db: Database, tmp_path: Path) -> None:
    text = "Government troops backed by the anti-Houthi coalition attacked Houthi positions near Marib on Friday."
    nodes, _ = article_graph(fresh_db, text, tmp_path)
    assert "Saudi-led coalition" in nodes


def test_nodes_a_kb_name_opened_by_more_capitalised_words_is_a_longer_name(fresh_db: Database, tmp_path: Path) -> None:
    text = "On Tuesday Iran's Supreme National Security Council approved the deal, state media reported."
    nodes, edges = article_graph(fresh_db, text, tmp_path)
    assert "Supreme National Security Council" in nodes
    assert ("BelongsTo", "Supreme National Security Council", "Iran") in edges


def test_nodes_a_name_listed_with_other_groups_is_a_group(nlp: Language) -> None:
    doc = nlp("The new council was formed last year by Jaysh al-Izza, Abu Bakr Siddiq and other armed factions.")
    assert ("Abu Bakr Siddiq", "Organisation") in {(m.text, m.label_) for m in doc.spans[MENTIONS_KEY]}
