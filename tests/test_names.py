"""Names that vary within and across articles land on one node; no node is a fragment or a description (issue 9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.export import export_json
from factiongraph.keys import mistyped, spelled_alike, translit_key
from factiongraph.store import open_store, schema_versions


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def graph_of(db: Database, folder: Path, *articles: str) -> dict[str, Any]:
    """The graph of a store the articles were ingested into, each from a file of its own."""
    ingest(db, [write(folder, f"article{n}.txt", text) for n, text in enumerate(articles)], published="2022-05")
    return export_json(db)


def nodes_named(graph: dict[str, Any], name: str) -> list[str]:
    """The ids of the nodes that have ``name`` among their names."""
    return [n["id"] for n in graph["nodes"] if name == n["name"] or name in n["aliases"]]


def entity_of(db: Database, mention: str) -> str | None:
    row = db.execute(
        "SELECT e.key FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.text = ?", [mention]
    ).fetchone()
    return row[0] if row else None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("al-Jabaha al-Shamiya", "al-Jabha al-Shamiya"),
        ("al-Jabhat al-Shamiya", "al-Jabha al-Shamiyah"),
        ("Sultan Sulaiman Shah", "Sultan Suleiman Shah"),
        ("Suleiman Haddad", "Sulayman Haddad"),
        ("Tal Abyad", "Tel Abiad"),
        ("Jaysh al-Izza", "Jaish al-Izza"),
        ("Abu Mohammed al-Golani", "Abu Muhammad al-Jawlani"),
    ],
)
def test_names_keys_spellings_of_one_name_are_alike(first: str, second: str) -> None:
    assert spelled_alike(first, second, 80)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ahmed Saleh", "Hamid Saleh"),
        ("Ahmed al-Hassan", "Ahmed al-Hussein"),
        ("Mohammed al-Jassem", "Mahmoud al-Jassem"),
        ("Northern Front", "Southern Front"),
        ("Sham Corps", "Sham Crop"),
    ],
)
def test_names_keys_names_sharing_a_skeleton_are_not_all_alike(first: str, second: str) -> None:
    assert not spelled_alike(first, second, 80)


def test_names_keys_one_mistyped_word_of_a_long_name() -> None:
    assert mistyped("Sham Crop", "Sham Corps", 80, 2)
    assert not mistyped("Sham Legion", "Sham Region", 80, 2)
    assert not mistyped("Hamza Division", "Hamza Brigade", 80, 2)
    assert not mistyped("Crop", "Corps", 80, 2)


def test_names_keys_fold_the_feminine_ending() -> None:
    assert translit_key("Jabhat al-Shamiya") == translit_key("al-Jabha al-Shamiyah")


@pytest.mark.slow
def test_names_stored_transliteration_keys_are_computed_again(tmp_path: Path) -> None:
    db = open_store(tmp_path / "old.db")
    ingest(db, [write(tmp_path, "a.txt", "Front\n\nFighters of Jabhat al-Karama entered Azaz on Monday.")])
    db.execute("UPDATE aliases SET translit_key = 'stale'")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_translit_feminine_ending'")
    db.conn.commit()
    db = open_store(tmp_path / "old.db")
    assert "0004_translit_feminine_ending" in schema_versions(db)
    assert db.execute("SELECT COUNT(*) FROM aliases WHERE translit_key = 'stale'").fetchone() == (0,)


@pytest.mark.slow
def test_names_two_spellings_of_a_group_in_one_article_are_one_node(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db,
        tmp_path,
        "Checkpoint handover near Azaz\n\nThe al-Jabaha al-Shamiya took over the checkpoint near Azaz on Monday. "
        "Later, al-Jabha al-Shamiya fighters withdrew to Marea.",
    )
    assert nodes_named(graph, "al-Jabaha al-Shamiya") == ["kb:levant-front"]
    assert nodes_named(graph, "al-Jabha al-Shamiya") == ["kb:levant-front"]


@pytest.mark.slow
def test_names_a_group_name_is_not_a_town_in_it(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db, tmp_path, "Statement\n\nThe al-Jabaha al-Shamiya said on Monday that its fighters had left Azaz."
    )
    assert nodes_named(graph, "Ash Shamiyah") == []
    assert entity_of(fresh_db, "al-Jabaha al-Shamiya") == "kb:levant-front"


@pytest.mark.slow
def test_names_a_village_name_is_not_the_town_that_begins_it(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db,
        tmp_path,
        "Shelling of a village\n\nFighters clashed with the Levant Front near Tal 'Ada on Friday. "
        "The village of Tal 'Ada was shelled again on Saturday.",
    )
    assert nodes_named(graph, "At Tall") == [] and nodes_named(graph, "Ada") == []
    assert len(nodes_named(graph, "Tal 'Ada")) == 1


@pytest.mark.slow
def test_names_no_node_is_a_fragment(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db,
        tmp_path,
        "Quiet\n\nThe Liwa al-Qadisiya faction raided a village near Jarablus on Monday. "
        "Officials in Northern and Eastern Syria stayed silent, and the al-Jabaha al-Shamiya said nothing.",
    )
    names = [n["name"] for n in graph["nodes"]]
    assert not [n for n in names if n.endswith(("al-", " and", "\n")) or n in ("Northern", "Quiet\n\n")]
    assert "Liwa al-Qadisiya" in names


@pytest.mark.slow
def test_names_a_group_with_and_without_its_kind_word_is_one_node(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db,
        tmp_path,
        "Raid near Ras al-Ain\n\nThe Ahrar al-Sharqiya faction raided a village near Ras al-Ain. On Tuesday the "
        "Ahrar al-Sharqiyya Brigade denied it, and a spokesman said Ahrar al-Sharqiya had lost two fighters.",
    )
    assert entity_of(fresh_db, "Ahrar al-Sharqiyya Brigade") == "kb:ahrar-al-sharqiya"
    assert nodes_named(graph, "Ahrar al-Sharqiya") == ["kb:ahrar-al-sharqiya"]


@pytest.mark.slow
def test_names_a_group_the_model_took_for_a_person_is_a_group(fresh_db: Database, tmp_path: Path) -> None:
    graph_of(
        fresh_db,
        tmp_path,
        "A new faction\n\nThe Liwa al-Qadisiya faction raided a village near Jarablus on Monday. "
        "A spokesman said Liwa al-Qadisiya had lost two fighters.",
    )
    assert entity_of(fresh_db, "Liwa al-Qadisiya") == "organisation:liwa qadisiya"
    assert fresh_db.execute("SELECT COUNT(*) FROM entities WHERE name LIKE '%Qadisiya%'").fetchone() == (1,)


@pytest.mark.slow
def test_names_a_kb_group_s_formal_name_is_that_group(fresh_db: Database, tmp_path: Path) -> None:
    graph_of(
        fresh_db,
        tmp_path,
        "New leadership\n\nThe Ahrar al-Sham Islamist Movement named a new leader in Idlib on Sunday.",
    )
    assert entity_of(fresh_db, "Ahrar al-Sham Islamist Movement") == "kb:ahrar-al-sham"


@pytest.mark.slow
def test_names_a_lower_case_description_links_to_no_kb_actor(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db,
        tmp_path,
        "Defectors in the desert\n\nSeveral defectors said on Monday they would form a new Syrian army "
        "in the desert near al-Tanf.",
    )
    assert nodes_named(graph, "Maghawir al-Thawra") == []
    assert not [n for n in graph["nodes"] if n["id"].startswith("kb:") and n["type"] == "Organisation"]


@pytest.mark.slow
def test_names_the_one_actor_a_definite_description_names_keeps_its_link(fresh_db: Database, tmp_path: Path) -> None:
    graph_of(fresh_db, tmp_path, "Strikes\n\nThe international coalition struck a depot near Raqqa on Monday.")
    assert entity_of(fresh_db, "international coalition") == "kb:global-coalition"


@pytest.mark.slow
def test_names_a_mistyped_group_name_joins_its_twin(fresh_db: Database, tmp_path: Path) -> None:
    graph_of(
        fresh_db,
        tmp_path,
        "Reinforcements\n\nThe Sham Corps sent reinforcements to Idlib on Monday. "
        "The commander of the Sham Crop said the fighters had arrived.",
    )
    assert entity_of(fresh_db, "Sham Crop") == entity_of(fresh_db, "Sham Corps") == "kb:faylaq-al-sham"


@pytest.mark.slow
def test_names_two_spellings_of_a_person_are_one_node(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db,
        tmp_path,
        "Talks in Azaz\n\nThe commander Sulaiman Haddad met tribal elders in Azaz on Monday. "
        "Suleiman Haddad later said the talks went well.",
        "Return\n\nSulayman Haddad returned to Marea on Friday.",
    )
    spellings = ("Sulaiman Haddad", "Suleiman Haddad", "Sulayman Haddad")
    assert len({node for name in spellings for node in nodes_named(graph, name)}) == 1


@pytest.mark.slow
def test_names_people_whose_names_share_a_skeleton_stay_apart(fresh_db: Database, tmp_path: Path) -> None:
    graph_of(
        fresh_db,
        tmp_path,
        "Talks\n\nThe commander Ahmed Saleh met tribal elders in Azaz on Monday.",
        "Visit\n\nThe commander Hamid Saleh visited Marea on Friday.",
    )
    assert entity_of(fresh_db, "Ahmed Saleh") == "person:ahmed saleh"
    assert entity_of(fresh_db, "Hamid Saleh") == "person:hamid saleh"  # not the village Hamid, nor Ahmed


@pytest.mark.slow
def test_names_a_town_spelt_two_ways_is_one_node(fresh_db: Database, tmp_path: Path) -> None:
    graph = graph_of(
        fresh_db,
        tmp_path,
        "Border towns\n\nFighters entered Tal Abyad on Monday. Residents of Tel Abiad fled on Tuesday.",
    )
    assert nodes_named(graph, "Tel Abiad") == nodes_named(graph, "Tal Abyad") == ["kb:tal-abyad"]


@pytest.mark.slow
def test_names_another_given_name_before_a_kb_persons_family_name_is_another_person(
    fresh_db: Database, tmp_path: Path
) -> None:
    """ "Asma al-Assad" is not Bashar al-Assad, though the ruler knows his "al-Assad"; "President al-Assad" is."""
    graph = graph_of(fresh_db, tmp_path, "Test\n\nAsma al-Assad met President al-Assad in Damascus.")
    assert {"Asma al-Assad", "Bashar al-Assad"} <= {n["name"] for n in graph["nodes"]}
