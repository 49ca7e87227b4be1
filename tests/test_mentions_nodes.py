"""Nodes for what a relation needs at its end (issue 9): a named facility, a region, a body named in full,
a town of the place index; without a node no relation reaches them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.export import export_json
from factiongraph.nlp.pipeline import load_pipeline
from factiongraph.nlp.spans import MENTIONS_KEY
from factiongraph.places import PlaceIndex
from tests.sentences import article_graph


@pytest.mark.slow
def test_nodes_a_facility_named_after_a_town_is_a_place_of_its_own(fresh_db: Database, tmp_path: Path) -> None:
    nodes, edges = article_graph(
        fresh_db, "Russian troops were stationed at Aleppo airport last winter.", tmp_path, "2022-03"
    )
    assert "Aleppo airport" in nodes
    assert any(kind == "CoLocated" and target == "Aleppo airport" for kind, _, target in edges)


@pytest.mark.slow
def test_nodes_a_facility_is_named_without_who_holds_it(fresh_db: Database, tmp_path: Path) -> None:
    nodes, _ = article_graph(
        fresh_db, "Drones struck the rebel-held Kafr Sousa air base on Monday.", tmp_path, "2022-03"
    )
    assert "Kafr Sousa air base" in nodes
    assert not any(name.startswith("rebel-held") for name in nodes)


@pytest.mark.slow
def test_nodes_a_states_base_is_no_named_facility(fresh_db: Database, tmp_path: Path) -> None:
    nodes, _ = article_graph(fresh_db, "Militants fired rockets at a large US base in Iraq.", tmp_path, "2022-03")
    assert not any("base" in name for name in nodes)


@pytest.mark.slow
def test_nodes_a_description_named_by_its_words_is_that_group(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The army was helped by militias including the Islamist al-Nour bin Zaid Brigade and the Darfur Shield Forces."
    )
    nodes, _ = article_graph(fresh_db, text, tmp_path, "2022-03")
    assert {"al-Nour bin Zaid Brigade", "Darfur Shield Forces"} <= nodes


@pytest.mark.slow
def test_nodes_a_description_named_by_its_words_is_that_place(fresh_db: Database, tmp_path: Path) -> None:
    nodes, _ = article_graph(fresh_db, "Aircraft struck hideouts in the Badush valley overnight.", tmp_path, "2022-03")
    assert "Badush" in nodes


@pytest.mark.slow
def test_nodes_an_indefinite_description_names_no_group(fresh_db: Database, tmp_path: Path) -> None:
    nodes, _ = article_graph(
        fresh_db, "Officials said the network was a Specially Designated Global Terrorist group.", tmp_path, "2022-03"
    )
    assert not any("Terrorist" in name for name in nodes)


@pytest.mark.slow
def test_nodes_a_states_government_is_the_government_in_office(fresh_db: Database, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Test article\n\nThe Malian government signed a deal with Russia.\n", encoding="utf-8")
    ingest(fresh_db, [article], published="2022-03")
    nodes = export_json(fresh_db)["nodes"]
    government = next(n for n in nodes if n["name"] == "Malian transitional government")
    assert "Malian government" in government["aliases"]


@pytest.mark.parametrize(("town", "country"), [("Gao", "ML"), ("Ajdabiya", "LY"), ("Kassala", "SD"), ("Ibb", "YE")])
def test_nodes_the_towns_of_the_wars_followed_are_indexed(town: str, country: str) -> None:
    place = PlaceIndex.default().lookup(town)
    assert place is not None and place.country == country


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The town was later taken by Division 17, a unit of the army commanded by Colonel Samir Haddad.",
            "Division 17",
        ),
        ("Drones struck Outpost 17, a small Turkish base near the border.", "Outpost 17"),
        (
            "Weeks later the Forces of Freedom and Justice, the main protest coalition, accused the army.",
            "Forces of Freedom and Justice",
        ),
        (
            "Figures came from the Ministry of Hezbollah Affairs, which said that two died.",
            "Ministry of Hezbollah Affairs",
        ),
        ("The convoy was escorted by GDRT, an Arab militia of the eastern tribes.", "GDRT"),
        ("A cargo ship was hit by a drone in the Gulf of Aden on Monday.", "Gulf of Aden"),
    ],
)
def test_nodes_a_name_the_model_missed_cut_or_mistyped_is_a_node(
    fresh_db: Database, tmp_path: Path, text: str, name: str
) -> None:
    nodes, _ = article_graph(fresh_db, text, tmp_path, "2022-03")
    assert name in nodes


@pytest.mark.slow
def test_nodes_a_persons_name_is_without_the_title_the_model_began_it_with(fresh_db: Database, tmp_path: Path) -> None:
    nodes, _ = article_graph(
        fresh_db,
        "Seven years after Grand Ayatollah Ali al-Hakimi's call to arms, the force endured.",
        tmp_path,
        "2022-03",
    )
    assert "Ali al-Hakimi" in nodes
    assert not any("Ayatollah" in name for name in nodes)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The militia took over the Jebel Kuma mines in 2017.", "Jebel Kuma"),
        ("Cells have used the Hamrin range as a hideout.", "Hamrin"),
    ],
)
def test_nodes_a_feature_named_before_its_head_is_a_place(
    fresh_db: Database, tmp_path: Path, text: str, name: str
) -> None:
    nodes, _ = article_graph(fresh_db, text, tmp_path, "2022-03")
    assert name in nodes


@pytest.mark.parametrize(("name", "place_id"), [("South Darfur", "fg:south-darfur"), ("Busra al-Sham", "fg:bosra")])
def test_nodes_the_gazetteer_holds_states_and_towns_named_in_reports(name: str, place_id: str) -> None:
    place = PlaceIndex.default().lookup(name)
    assert place is not None and place.id == place_id


@pytest.mark.slow
def test_nodes_a_title_with_one_name_left_stays_the_name(fresh_db: Database, tmp_path: Path) -> None:
    nodes, _ = article_graph(
        fresh_db, "The council includes Sultan al-Harbi, the governor of the province.", tmp_path, "2022-03"
    )
    assert "Sultan al-Harbi" in nodes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Clashes broke out in Rajo, in the Afrin countryside, on Monday.", "Afrin"),
        ("A spokesman for the Chadian Ministry of Defence denied the claim.", "Chadian Ministry of Defence"),
    ],
)
def test_nodes_a_place_or_body_named_as_analysts_name_it(
    fresh_db: Database, tmp_path: Path, text: str, name: str
) -> None:
    nodes, _ = article_graph(fresh_db, text, tmp_path, "2022-03")
    assert name in nodes


@pytest.mark.slow
def test_nodes_the_person_set_off_after_a_title_is_a_name_the_model_missed() -> None:
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["ner"]):  # as when the model misses the name
        doc = nlp("The UN envoy to Chad, Hanna Berg, called for talks.")
    assert ("Hanna Berg", "Person") in {(m.text, m.label_) for m in doc.spans[MENTIONS_KEY]}


@pytest.mark.slow
def test_nodes_a_group_named_before_its_kind_keeps_the_whole_as_an_alias(fresh_db: Database, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    text = "Sheikh Ibrahim al-Kurdi, a leader of the Shaitat tribal confederation, called on the tribes to fight."
    article.write_text(f"Test article\n\n{text}\n", encoding="utf-8")
    ingest(fresh_db, [article], published="2022-03")
    group = next(n for n in export_json(fresh_db)["nodes"] if n["name"] == "Shaitat")
    assert "Shaitat tribal confederation" in group["aliases"]


@pytest.mark.slow
def test_nodes_a_feature_word_without_a_name_is_no_place() -> None:
    doc = load_pipeline()("Officials discussed a range of options after fighters laid mines on the road.")
    assert not {m.text for m in doc.spans[MENTIONS_KEY]} & {"a range", "mines"}


@pytest.mark.slow
def test_nodes_a_name_opened_by_a_places_common_noun_is_a_place() -> None:
    doc = load_pipeline()("Rebels from Kafr Nabuda and Khirbet Jadida joined the counter-attack on Monday.")
    labels = {m.text: m.label_ for m in doc.spans[MENTIONS_KEY]}
    assert labels.get("Kafr Nabuda") == "Location"
    assert labels.get("Khirbet Jadida") == "Location"
