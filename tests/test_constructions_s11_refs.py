"""References across and within sentences (issue 9): the first person of a statement and the role of a pronoun in its
clause, on short articles the project wrote for them, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.sentences import article_graph

pytestmark = pytest.mark.slow


def test_refs_we_of_a_statement_is_the_group_that_issued_it(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The following statement was issued on Monday by the press office of Liwa al-Quds. Our fighters have "
        "reached the town of Saraqib after heavy battles. We thank Iran and its leadership for their support."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("CoLocated", "Liwa al-Quds", "Saraqib") in edges
    assert ("Likes", "Liwa al-Quds", "Iran") in edges


def test_refs_a_statement_from_a_group_speaks_for_it(fresh_db: Database, tmp_path: Path) -> None:
    text = "Below is the text of a statement from Ahrar al-Sham, released on Friday. Our fighters have entered Saraqib."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("CoLocated", "Ahrar al-Sham", "Saraqib") in edges


def test_refs_we_inside_a_quote_is_not_the_statement_s_author(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The following statement was issued on Monday by the press office of Liwa al-Quds. “Our fighters have "
        "reached Saraqib,” a Hezbollah commander told reporters."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert not any(kind == "CoLocated" and "Saraqib" in target for kind, _, target in edges)


def test_refs_the_people_a_group_speaks_for_are_not_its_men(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Ahrar al-Sham said that any attack on its people in Idlib and in the countryside of Hama would be met "
        "with force."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("CoLocated", "Ahrar al-Sham", "Hama") not in edges


def test_refs_an_object_pronoun_is_none_of_its_clause_s_subject(fresh_db: Database, tmp_path: Path) -> None:
    text = "Hurras al-Din fighters held Jisr al-Shughur for a year, until Ahrar al-Sham and its allies drove them out."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("FightingAgainst", "Ahrar al-Sham", "Hurras al-Din") in edges


def test_refs_they_in_a_new_sentence_is_the_subject_before(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Faylaq al-Sham fighters fought Hurras al-Din near Sarmada in 2019. In 2020 they attacked Syrian army "
        "positions in Saraqib alongside Ahrar al-Sham."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("FightingAgainst", "Faylaq al-Sham", "Syrian Arab Army") in edges
    assert not any(kind == "FightingAgainst" and source == "Hurras al-Din" for kind, source, _ in edges)


def test_refs_it_after_a_group_named_in_its_sentence_is_that_group(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The European Union imposed sanctions on Ahrar al-Sharqiya on Monday, accusing the group of abuses in areas "
        "it controls around Afrin."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("Controls", "Ahrar al-Sharqiya", "Afrin") in edges
    assert not any(kind == "Controls" and source == "European Union" for kind, source, _ in edges)


def test_refs_it_said_after_a_dateline_is_the_group_that_speaks(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "AZAZ, Syria (Levant Wire) — The Hamza Division, a faction backed by Turkey, said on Monday that it had "
        "taken full control of the town of Tal Rifaat."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("Controls", "Hamza Division", "Tal Rifaat") in edges
    assert ("Controls", "Syria", "Tal Rifaat") not in edges


def test_refs_the_factions_after_two_groups_named_together_are_both(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Ahrar al-Sham and Faylaq al-Sham attacked government positions near Saraqib on Monday. By nightfall the "
        "factions had taken control of Kafr Nabl."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("Controls", "Ahrar al-Sham", "Kafr Nabl") in edges
    assert ("Controls", "Faylaq al-Sham", "Kafr Nabl") in edges


def test_refs_a_dateline_in_capitals_is_no_group_referred_back_to(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "MOGADISHU — Al-Shabaab fighters stormed a police post near Afgoye on Tuesday, officials said. Troops of the "
        "Somali National Army later drove the militants out."
    )
    _, edges = article_graph(fresh_db, text, tmp_path, "2024-05")
    assert ("FightingAgainst", "Somali National Army", "al-Shabaab") in edges
    assert ("FightingAgainst", "Somali National Army", "MOGADISHU") not in edges


def test_refs_so_did_x_says_of_x_what_the_sentence_before_said(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Ahrar al-Sham and its commander Hassan Soufan sided with the Levant Front in the dispute. So did Faylaq "
        "al-Sham."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("AlliesOf", "Faylaq al-Sham", "Levant Front") in edges
    assert not any(kind == "InChargeOf" and source == "Faylaq al-Sham" for kind, source, _ in edges)


def test_refs_x_did_too_says_of_x_what_the_sentence_before_said(fresh_db: Database, tmp_path: Path) -> None:
    text = "Jaysh al-Islam fought the Islamic State near Douma in 2015. Ahrar al-Sham did too."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("FightingAgainst", "Ahrar al-Sham", "Islamic State") in edges


def test_refs_fighters_of_a_list_are_each_group_s(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Fighters of Ahrar al-Sham, Faylaq al-Sham and Jaysh al-Izza, all of them backed by Turkey, entered Saraqib "
        "on Monday. The three factions are part of the National Front for Liberation."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Ahrar al-Sham", "National Front for Liberation") in edges
    assert ("BelongsTo", "Jaysh al-Izza", "National Front for Liberation") in edges


def test_refs_a_group_s_men_sent_as_part_of_a_body_make_it_a_member(fresh_db: Database, tmp_path: Path) -> None:
    text = "Hezbollah fighters were sent to Qusayr in 2013 as part of the Axis of Resistance."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("BelongsTo", "Hezbollah", "Axis of Resistance") in edges


def test_refs_what_a_statement_calls_an_actor_is_its_author_s_view(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The following statement was issued on Monday by the media office of Ahrar al-Sham. Our fighters repelled an "
        "attack by the criminal Assad regime and the Iranian occupier near Saraqib."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("Dislikes", "Ahrar al-Sham", "Syrian government") in edges
    assert ("Dislikes", "Ahrar al-Sham", "Iran") in edges


def test_refs_a_news_report_s_epithet_is_no_one_s_view(fresh_db: Database, tmp_path: Path) -> None:
    text = "Our fighters repelled an attack by the criminal Assad regime near Saraqib, Ahrar al-Sham said on Monday."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert not any(kind == "Dislikes" for kind, _, _ in edges)
