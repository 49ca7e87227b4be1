"""References to an actor named before (issue 9): role nouns that stand for one group ("the militants", "the
attackers"), on short articles the project wrote for them, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.sentences import article_graph

pytestmark = pytest.mark.slow


def test_refs_the_attackers_are_the_group_that_attacked(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Al-Shabaab gunmen stormed a hotel in Kismayo on Friday, police said. Soldiers of the Somali National Army "
        "fought the attackers until dawn."
    )
    _, edges = article_graph(fresh_db, text, tmp_path, "2023-06")
    assert ("FightingAgainst", "Somali National Army", "al-Shabaab") in edges


def test_refs_who_fights_the_insurgents_is_none_of_them(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Hurras al-Din fighters attacked a checkpoint near Jisr al-Shughur on Monday. Fighters of Ahrar al-Sham, "
        "backed by Faylaq al-Sham, fought the insurgents for hours."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("FightingAgainst", "Ahrar al-Sham", "Hurras al-Din") in edges
    assert not any(
        kind == "FightingAgainst" and "Faylaq al-Sham" in (s, t) and "Ahrar al-Sham" in (s, t) for kind, s, t in edges
    )


def test_refs_the_militants_are_no_state_s_army(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Al-Shabaab fighters overran a base near Jilib on Monday. The Somali National Army shelled the town on "
        "Tuesday. The militants withdrew to Afgoye."
    )
    _, edges = article_graph(fresh_db, text, tmp_path, "2023-06")
    assert ("CoLocated", "al-Shabaab", "Afgoye") in edges
    assert ("CoLocated", "Somali National Army", "Afgoye") not in edges


def test_refs_the_insurgents_after_two_groups_named_together_are_neither(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Hurras al-Din and Ansar al-Tawhid attacked a checkpoint near Jisr al-Shughur on Monday. The insurgents "
        "withdrew to Sarmin at dawn."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert not any(target == "Sarmin" for _, _, target in edges)


def test_refs_the_new_front_is_the_front_named_before(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Faylaq al-Sham and Jaysh al-Izza announced on Friday that they had merged into a new alliance called the "
        "Northern Liberation Front. The new front will be commanded by Colonel Ahmad Hamdan."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("InChargeOf", "Ahmad Hamdan", "Northern Liberation Front") in edges


def test_refs_a_battle_front_is_no_group(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Levant Front shelled Tal Rifaat on Monday. Kurdish fighters of the YPG held their positions on the "
        "northern front near Marea."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("CoLocated", "Levant Front", "Marea") not in edges
