"""Resolution in and across documents: merges and splits survive re-ingest; pronouns resolve when clear."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.errors import FactiongraphError
from factiongraph.graph import find_actor, merge_ids, pair_timeline, split_id, written_as
from tests.reads import actor

pytestmark = pytest.mark.slow


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_corrections_merge_survives_reingest_and_applies_to_new_documents(fresh_db: Database, tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", "Meeting\n\nOn Monday, the rebel commander Khaled Haddad met Omar Saleh in Azaz.")
    ingest(fresh_db, [first])
    assert find_actor(fresh_db, "Khaled Haddad") != find_actor(fresh_db, "Omar Saleh")
    merge_ids(fresh_db, find_actor(fresh_db, "Khaled Haddad"), find_actor(fresh_db, "Omar Saleh"))
    ingest(fresh_db, [first])
    second = write(tmp_path, "b.txt", "Later\n\nLater, Omar Saleh travelled to Idlib.")
    ingest(fresh_db, [second])
    assert find_actor(fresh_db, "Omar Saleh") == find_actor(fresh_db, "Khaled Haddad")
    assert {"Khaled Haddad", "Omar Saleh"} <= set(written_as(fresh_db, find_actor(fresh_db, "Khaled Haddad")))


def test_corrections_split_keeps_a_name_apart_in_new_documents(fresh_db: Database, tmp_path: Path) -> None:
    ingest(
        fresh_db,
        [write(tmp_path, "a.txt", "Profile\n\nThe rebel commander Khaled Haddad, known as Abu Omar, spoke on Monday.")],
    )
    assert find_actor(fresh_db, "Abu Omar") == find_actor(fresh_db, "Khaled Haddad")
    split_id(fresh_db, find_actor(fresh_db, "Khaled Haddad"), "Abu Omar")
    assert find_actor(fresh_db, "Abu Omar") != find_actor(fresh_db, "Khaled Haddad")
    ingest(fresh_db, [write(tmp_path, "b.txt", "Profile two\n\nKhaled Haddad, known as Abu Omar, left Azaz.")])
    assert find_actor(fresh_db, "Abu Omar") != find_actor(fresh_db, "Khaled Haddad")
    assert "Abu Omar" not in actor(fresh_db, "Khaled Haddad").names


def test_corrections_split_of_an_unknown_name_is_an_error(fresh_db: Database, tmp_path: Path) -> None:
    ingest(fresh_db, [write(tmp_path, "a.txt", "Profile\n\nThe rebel commander Khaled Haddad spoke on Monday.")])
    with pytest.raises(FactiongraphError, match="has no name 'Nobody'"):
        split_id(fresh_db, find_actor(fresh_db, "Khaled Haddad"), "Nobody")


def test_resolution_he_is_the_person_just_named(fresh_db: Database, tmp_path: Path) -> None:
    text = "Profile\n\nThe rebel commander Khaled Haddad arrived in Azaz. He met local notables there."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    mentions = fresh_db.execute(
        "SELECT m.text FROM mentions m WHERE m.entity_id = ?", [find_actor(fresh_db, "Khaled Haddad")]
    ).fetchall()
    assert ("He",) in mentions


def test_resolution_he_stays_unresolved_between_two_people(fresh_db: Database, tmp_path: Path) -> None:
    text = "Profile\n\nOn Monday, the rebel commander Khaled Haddad met Omar Saleh in Azaz. He said little."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    row = fresh_db.execute("SELECT entity_id FROM mentions WHERE text = 'He'").fetchone()
    assert row == (None,)


def test_resolution_pronouns_are_not_names_of_the_actor(fresh_db: Database, tmp_path: Path) -> None:
    text = "Profile\n\nThe rebel commander Khaled Haddad arrived in Azaz. He met local notables there."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    assert written_as(fresh_db, find_actor(fresh_db, "Khaled Haddad")) == ["Khaled Haddad"]


def test_resolution_a_place_description_is_the_place_it_names(fresh_db: Database, tmp_path: Path) -> None:
    text = "Control\n\nThe Levant Front, which controls the towns of Azaz and Marea, met rivals on Monday."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    held = {r.target.name for r in actor(fresh_db, "Levant Front").territory}
    assert {"Azaz", "Marea"} <= held


def test_resolution_a_faction_does_not_control_a_country(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Crossing\n\nThey reached the Bab al-Salama crossing with Turkey, "
        "which was under the control of the Levant Front."
    )
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    held = {r.target.name for r in actor(fresh_db, "Levant Front").territory}
    assert "Turkey" not in held


def test_resolution_the_latter_is_the_actor_named_last(fresh_db: Database, tmp_path: Path) -> None:
    text = "Rift\n\nHamza Division joined the Levant Front, which caused tension between the latter and Jaysh al-Islam."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    hostile = {r.target.name for r in actor(fresh_db, "Jaysh al-Islam").relations if r.type == "Dislikes"}
    assert "Levant Front" in hostile


def test_resolution_meeting_the_areas_of_a_faction_is_meeting_the_faction(fresh_db: Database, tmp_path: Path) -> None:
    text = "Leak\n\nIn the recording, Abu Omar spoke of his meeting with several leaders in the Levant Front areas."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    met = {r.target.name for r in actor(fresh_db, "Abu Omar").relations if r.type == "CommWith"}
    assert "Levant Front" in met


def test_resolution_a_title_put_in_the_past_ends_the_relation(fresh_db: Database, tmp_path: Path) -> None:
    text = "Profile\n\nThe former commander of the Hamza Division, Sayf Abu Bakr, arrived in Azaz."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)], published="2021-03")
    command = actor(fresh_db, "Sayf Abu Bakr").commands
    assert command and command[0].when == "../2021-03"


def test_resolution_control_changing_hands_ends_one_hold_and_starts_the_next(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = (
        "Saraqib\n\nFighting reached Saraqib, which was held by Ahrar al-Sham, only to be captured by HTS in July 2017."
    )
    ingest(fresh_db, [write(tmp_path, "a.txt", text)], published="2018-01")
    holds = {r.source.name: r.when for r in actor(fresh_db, "Saraqib").relations if r.type == "Controls"}
    assert holds == {"Ahrar al-Sham": "../2017-07", "Hayat Tahrir al-Sham": "2017-07/.."}


def test_resolution_formerly_ends_a_membership(fresh_db: Database, tmp_path: Path) -> None:
    text = "Profile\n\nAbu Omar, formerly a member of the Hamza Division, arrived in Azaz."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)], published="2020-06")
    membership = actor(fresh_db, "Abu Omar").affiliations
    assert membership and membership[0].when == "../2020-06"


def test_resolution_a_coalition_leaders_unit_belongs_to_the_coalition(fresh_db: Database, tmp_path: Path) -> None:
    text = "Profile\n\nOn Monday, SNA leader Khaled Haddad, the commander of the Hamza Division, arrived in Azaz."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    hamza = actor(fresh_db, "Hamza Division")
    assert "Syrian National Army" in {r.target.name for r in hamza.affiliations}


def test_resolution_an_ended_hold_is_in_a_window_before_its_article(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Saraqib\n\nFighting reached Saraqib, which was held by Ahrar al-Sham, only to be captured by HTS in July 2017."
    )
    ingest(fresh_db, [write(tmp_path, "a.txt", text)], published="2022-01")
    ahrar, saraqib = find_actor(fresh_db, "Ahrar al-Sham"), find_actor(fresh_db, "Saraqib")
    early = pair_timeline(fresh_db, ahrar, saraqib, end="2018").relations
    assert [(r.type, r.when) for r in early] == [("Controls", "../2017-07")]
    assert pair_timeline(fresh_db, ahrar, saraqib, start="2018").relations == []


def test_resolution_its_fighters_are_the_men_of_the_group_its_stands_for(fresh_db: Database, tmp_path: Path) -> None:
    text = "Raid\n\nThe Levant Front's media office said its fighters had condemned Jaysh al-Islam on Monday."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    hostile = {r.target.name for r in actor(fresh_db, "Levant Front").relations if r.type == "Dislikes"}
    assert "Jaysh al-Islam" in hostile


def test_resolution_a_states_forces_abroad_act_for_the_state(fresh_db: Database, tmp_path: Path) -> None:
    text = "Raid\n\nUS troops at al-Tanf came under rocket fire on Sunday, near the Jordanian border."
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    placed = {r.target.name for r in actor(fresh_db, "United States").relations if r.type == "CoLocated"}
    assert "al-Tanf" in placed
    forces = {r.target.name for r in actor(fresh_db, "US troops").relations if r.type == "CoLocated"}
    assert "al-Tanf" in forces  # the forces keep what they do


def test_resolution_a_states_forces_at_home_are_an_actor_of_their_own(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Fighting\n\nThe Sudanese Armed Forces retook Omdurman on Friday and fought the Rapid Support Forces "
        "in Khartoum and Wad Madani."
    )
    ingest(fresh_db, [write(tmp_path, "a.txt", text)])
    assert {r.type for r in actor(fresh_db, "Sudanese Armed Forces").relations} >= {"Controls", "FightingAgainst"}
    assert not [r for r in actor(fresh_db, "Sudan").relations if r.type != "BelongsTo"]
