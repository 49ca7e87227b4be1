"""Which actor a pronoun or a description stands for when several were named before it (issue 9): the subject
of its own clause binds a possessive ("the alliance ... thanks its partners"), a monitor that reported is not
"the group" that acts, and "the three factions" are the three last listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.sentences import article_graph

pytestmark = pytest.mark.slow


def test_references_its_is_the_subject_of_its_clause_not_the_nearest_actor(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Levant Front mourned the fighters it lost in the war against Hayat Tahrir al-Sham, "
        "and praised its commander, Abu Ahmad Nour, for his leadership."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("InChargeOf", "Abu Ahmad Nour", "Levant Front") in found
    assert not any(kind == "InChargeOf" and "Tahrir" in target for kind, _, target in found)


def test_references_the_group_is_not_the_monitor_that_reported(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Jaysh al-Sunna seized Atarib on Monday. The Syrian Observatory for Human Rights said 40 people were "
        "killed in the fighting. The group, led by Abu Omar al-Homsi, now holds the town."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("InChargeOf", "Abu Omar al-Homsi", "Jaysh al-Sunna") in found
    assert not any(kind == "InChargeOf" and "Observatory" in target for kind, _, target in found)


def test_references_its_after_an_object_of_the_same_verb_is_that_object(fresh_db: Database, tmp_path: Path) -> None:
    text = "Hayat Tahrir al-Sham struck the Levant Front in Afrin over the role of its commander, Abu Ahmad Nour."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("InChargeOf", "Abu Ahmad Nour", "Levant Front") in found


def test_references_its_passes_over_a_group_named_inside_an_object(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Levant Front buried the Jaysh al-Sunna fighters killed in the battle against Hayat Tahrir al-Sham, "
        "and thanked its commander, Abu Ahmad Nour, for his leadership."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("InChargeOf", "Abu Ahmad Nour", "Levant Front") in found


def test_references_the_three_factions_are_each_of_the_three_listed(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Jaysh al-Sunna, the Sultan Murad Division and Faylaq al-Sham sent fighters to Jarablus on Friday. "
        "The three factions later joined the Levant Front."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    joined = {source for kind, source, target in found if kind == "BelongsTo" and "Levant" in target}
    assert {"Jaysh al-Sunna", "Sultan Murad Division", "Faylaq al-Sham"} <= joined


def test_references_the_three_factions_after_fighters_of_three(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Men of Faylaq al-Sham, the Sultan Murad Division and Jaysh al-Sunna, all of them armed by Ankara, "
        "reached Jarablus on Friday. The three factions later joined the Levant Front."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    joined = {source for kind, source, target in found if kind == "BelongsTo" and "Levant" in target}
    assert {"Sultan Murad Division", "Jaysh al-Sunna"} <= joined  # read as "A with B in apposition, and C"


def test_references_the_named_coalition_is_the_coalition_named(fresh_db: Database, tmp_path: Path) -> None:
    text = "Jaysh al-Sunna is part of the Levant Front coalition that fought in Jarablus."
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("BelongsTo", "Jaysh al-Sunna", "Levant Front") in found


def test_references_the_town_centre_is_the_town_last_named(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Turkish drones struck Tal Tamr on Sunday. By evening Jaysh al-Sunna had taken control of the town centre. "
        "Hayat Tahrir al-Sham shelled the detention centre."
    )
    found = article_graph(fresh_db, text, tmp_path)[1]
    assert ("Controls", "Jaysh al-Sunna", "Tal Tamr") in found
    assert not any("Tahrir" in source and target == "Tal Tamr" for _, source, target in found)
