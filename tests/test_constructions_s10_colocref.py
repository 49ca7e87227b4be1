"""Places referred back to across sentences (issue 9): "there", "the site", "the capital", and a place head the
text named a place with ("the X neighbourhood" ... "the neighbourhood"); none when two places are equally near."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.export import re3d_entities, re3d_relations
from factiongraph.nlp import load_pipeline
from factiongraph.records import Article
from tests.sentences import article_graph, related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _placed(edges: set[tuple[str, str, str]], actor: str, place: str) -> bool:
    return any(
        kind in ("CoLocated", "Controls") and actor in source and place in target for kind, source, target in edges
    )


def test_s10_colocref_there_is_the_place_named_before(fresh_db: Database, tmp_path: Path) -> None:
    text = "Shelling hit Sarmin overnight. By noon Ahrar al-Sham fighters had set up checkpoints there."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert _placed(edges, "Ahrar al-Sham", "Sarmin")


def test_s10_colocref_there_after_two_places_listed_together_is_neither(fresh_db: Database, tmp_path: Path) -> None:
    text = "Shelling hit Sarmin and Binnish overnight. By noon Ahrar al-Sham fighters had set up checkpoints there."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert not _placed(edges, "Ahrar al-Sham", "Sarmin")
    assert not _placed(edges, "Ahrar al-Sham", "Binnish")


def test_s10_colocref_the_site_is_the_facility_not_the_province(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Iraqi troops raided an Islamic State hideout near the Ajeel oil field in Salahuddin province. "
        "Peshmerga liaison officers were at the site."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert _placed(edges, "Peshmerga", "Ajeel oil field")
    assert not _placed(edges, "Peshmerga", "Salahuddin")


def test_s10_colocref_the_capital_is_the_capital_of_the_articles_country(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Rapid Support Forces shelled Khartoum and Bahri on Monday. Envoys of both sides met in Ankara on "
        "Wednesday. Units of the Sudanese Armed Forces entered the capital on Friday."
    )
    _, edges = article_graph(fresh_db, text, tmp_path, "2023-06")
    assert _placed(edges, "Sudanese Armed Forces", "Khartoum")
    assert not _placed(edges, "Sudanese Armed Forces", "Ankara")


def test_s10_colocref_the_neighbourhood_is_the_place_the_text_called_so(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Clashes broke out in the al-Qadam neighbourhood of Damascus on Sunday. "
        "Jaysh al-Islam fighters entered the neighbourhood on Monday."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert _placed(edges, "Jaysh al-Islam", "Qadam")
    assert not _placed(edges, "Jaysh al-Islam", "Damascus")


def test_s10_colocref_the_town_is_the_one_called_a_town_not_the_region_after_it(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = (
        "Gunmen attacked a checkpoint in the town of Nawa, in the western countryside of Daraa, on Friday. "
        "The Eighth Brigade later deployed in the town."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert _placed(edges, "Eighth Brigade", "Nawa")
    assert not _placed(edges, "Eighth Brigade", "Daraa")


def test_s10_colocref_there_is_no_re3d_span(nlp: Language) -> None:
    text = "Shelling hit Sarmin overnight. By noon Ahrar al-Sham fighters had set up checkpoints there."
    article = Article(text=text, source="test")
    doc = nlp(text)
    assert all(e["value"] != "there" for e in re3d_entities(article, doc))
    assert all("there" not in (r["source"], r["target"]) for r in re3d_relations(article, doc))


def test_s10_colocref_a_dateline_places_the_person_named_beside_the_subject(nlp: Language) -> None:
    text = (
        "BEIRUT, 12 June 2019 — The UN Special Envoy for Syria, Geir Pedersen, today expressed concern about the "
        "fighting in Idlib."
    )
    assert related(nlp, text, "CoLocated", "Geir Pedersen", "BEIRUT")


def test_s10_colocref_a_countrys_name_before_a_place_noun_is_not_the_place(fresh_db: Database, tmp_path: Path) -> None:
    text = "Rockets struck Ain al-Asad, a large US base in Anbar province, on Tuesday."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert _placed(edges, "Ain al-Asad", "Anbar")
    assert not _placed(edges, "United States", "Anbar")


def test_s10_colocref_a_place_called_so_sentences_back_does_not_beat_a_nearer_one(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = (
        "Iraqi troops left the city of Mosul on Monday. Tal Afar saw heavy fighting the next day, and Peshmerga "
        "units entered the city at dawn."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert _placed(edges, "Peshmerga", "Tal Afar")
    assert not _placed(edges, "Peshmerga", "Mosul")


def test_s10_colocref_places_listed_after_a_plural_place_lie_where_it_lies(nlp: Language) -> None:
    text = "Rebels captured villages in the northern countryside of Hama, including Lahaya, Zilin and Maarkaba."
    for village in ("Lahaya", "Zilin", "Maarkaba"):
        assert related(nlp, text, "CoLocated", village, "Hama"), village


def test_s10_colocref_a_place_in_a_relative_clause_is_background_to_the_sentences_own(
    fresh_db: Database, tmp_path: Path
) -> None:
    text = (
        "The fighting has shifted to Sirte, which many in Misrata see as the next prize. "
        "The town has been held by the Libyan National Army since January."
    )
    _, edges = article_graph(fresh_db, text, tmp_path, "2020-06")
    assert _placed(edges, "Libyan National Army", "Sirte")
    assert not _placed(edges, "Libyan National Army", "Misrata")
