"""An Arabic article lands its actors and places on the nodes of their English names."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.graph import find_actor, written_as
from factiongraph.ingest import detect_language
from factiongraph.nlp import MENTIONS_KEY, load_arabic_pipeline
from factiongraph.places import PlaceIndex, with_hyphenated_article
from tests.reads import actor


@pytest.mark.slow
def test_arabic_article_actors_and_places_are_the_english_nodes(fresh_db: Database, test_data: Path) -> None:
    ingest(fresh_db, [test_data / "hts-idlib-ar.txt", test_data / "abu-amsha-visit.txt"])
    hts = actor(fresh_db, "هيئة تحرير الشام")
    assert hts.name == "Hayat Tahrir al-Sham"
    assert {"HTS", "هيئة تحرير الشام"} <= set(written_as(fresh_db, find_actor(fresh_db, "هيئة تحرير الشام")))
    assert actor(fresh_db, "أبو محمد الجولاني").name == "Abu Mohammad al-Jolani"
    idlib = actor(fresh_db, "إدلب")
    assert idlib.name == "Idlib" and idlib.type == "Location"
    assert idlib.lat == pytest.approx(35.93, abs=0.1) and idlib.lon == pytest.approx(36.63, abs=0.1)


def test_arabic_proclitics_are_peeled_in_lookups() -> None:
    doc = load_arabic_pipeline()("وصل الوفد وبإدلب التقى قادة من للرقة والجولاني.")
    found = {m.text: m.id_ for m in doc.spans[MENTIONS_KEY]}
    assert found["إدلب"] == "idlib"  # the clitics are tokens of their own, out of the mention
    assert found["الجولاني"] == "abu-mohammad-al-jolani"


def test_arabic_name_starting_with_a_proclitic_letter_stays_whole() -> None:
    doc = load_arabic_pipeline()("قال بشار الأسد إن الحرب انتهت.")
    assert [m.id_ for m in doc.spans[MENTIONS_KEY]] == ["bashar-al-assad"]


def test_arabic_common_word_is_not_a_place() -> None:
    doc = load_arabic_pipeline()("وإن كان الجولاني في إدلب.")
    assert [m.id_ for m in doc.spans[MENTIONS_KEY]] == ["abu-mohammad-al-jolani", "idlib"]


def test_arabic_language_is_detected() -> None:
    assert detect_language("قال قائد هيئة تحرير الشام") == "ar"
    assert detect_language("HTS (هيئة تحرير الشام) took Idlib in 2019.") == "en"


def test_arabic_names_after_a_kind_word_a_given_name_or_a_kunya_are_found() -> None:
    doc = load_arabic_pipeline()(
        "سيطر لواء المقاتلين الأنصار على بلدتي تقاد وقبتان. وقال أحمد الخبيل إن أبو مالك التلي غادر."
    )
    found = {m.text: m.label_ for m in doc.spans[MENTIONS_KEY]}
    assert found["لواء المقاتلين الأنصار"] == "Organisation"
    assert found["تقاد"] == found["قبتان"] == "Location"  # a town is named without "town"; و is split off
    assert found["أحمد الخبيل"] == found["أبو مالك التلي"] == "Person"


def test_arabic_shorter_names_refer_back_to_the_actor_named_before() -> None:
    doc = load_arabic_pipeline()(
        "اعتقلت هيئة تحرير الشام أبو ماريا القحطاني. وقالت الهيئة إن القحطاني تواصل مع جهات خارجية."
    )
    ids = {m.text: m.id_ for m in doc.spans[MENTIONS_KEY]}
    assert ids["الهيئة"] == ids["هيئة تحرير الشام"] == "hayat-tahrir-al-sham"
    assert ids["القحطاني"] == ids["أبو ماريا القحطاني"] != ""


def test_arabic_a_name_known_as_another_and_a_capital_acting_for_its_state() -> None:
    doc = load_arabic_pipeline()("اغتيل محمد عبد اللطيف، المعروف باسم أبو غنوم. وقالت أنقرة إن وفدها وصل إلى موسكو.")
    assert [(r.type, r.source.text, r.target.text) for r in doc._.fg_relations if r.type == "IsSynonymOf"] == [
        ("IsSynonymOf", "أبو غنوم", "محمد عبد اللطيف")
    ]
    ids = {m.text: m.id_ for m in doc.spans[MENTIONS_KEY]}
    assert ids["أنقرة"] == "turkey"  # Ankara said: the state
    assert ids["موسكو"] != "russia"  # arrived in Moscow: the city


def test_arabic_a_quoted_name_after_a_kind_word_and_the_kind_word_referring_back() -> None:
    text = "اندلعت اشتباكات مع غرفة عمليات «فاثبتوا». واعتقلت الهيئة القيادي في الغرفة أبو مالك التلي."
    doc = load_arabic_pipeline()(text)
    found = {m.text: m.label_ for m in doc.spans[MENTIONS_KEY]}
    assert found["فاثبتوا"] == found["الغرفة"] == "Organisation"
    assert ("IsSynonymOf", "الغرفة", "فاثبتوا") in {(r.type, r.source.text, r.target.text) for r in doc._.fg_relations}


def test_arabic_an_area_is_on_the_node_of_its_english_name(fresh_db: Database, tmp_path: Path) -> None:
    """An area named after its town shares the town's node, which keeps the area's English name; an area
    named after a country keeps a node of its own."""
    article = tmp_path / "areas.txt"
    article.write_text(
        "---\nlang: ar\n---\nقصفت الطائرات قرى في ريف إدلب الغربي وفي جنوب لبنان، وأعلنت محافظة حمص حظر التجول.\n",
        "utf-8",
    )
    ingest(fresh_db, [article])
    idlib = actor(fresh_db, "ريف إدلب الغربي")
    assert idlib.name == "Idlib" and "western countryside of Idlib" in idlib.names
    homs = actor(fresh_db, "محافظة حمص")
    assert homs.name == "Homs" and "Homs Governorate" in homs.names
    assert actor(fresh_db, "جنوب لبنان").name == "South Lebanon"


def test_arabic_a_list_of_places_ends_with_its_sentence() -> None:
    doc = load_arabic_pipeline()("سيطرت القوات على قرى شمال المدينة. وأكدت وزارة الدفاع الروسية أن الهدنة صامدة.")
    assert "russian-ministry-of-defence" in [m.id_ for m in doc.spans[MENTIONS_KEY]]  # وزارة is no و + زارة


def test_arabic_a_word_known_whole_is_not_read_as_clitics_on_a_name() -> None:
    doc = load_arabic_pipeline()("أعلنت فرقة جديدة انضمامها إلى الجيش، ووصل مقاتلوها إلى الرقة.")
    assert [m.id_ for m in doc.spans[MENTIONS_KEY] if m.id_ == "raqqa"] == ["raqqa"]  # فرقة is not ف + رقة


def test_arabic_a_known_group_written_with_its_kind_word_and_a_short_name() -> None:
    doc = load_arabic_pipeline()("انسحب مقاتلو حركة الزنكي من القرية، ثم هاجمت قوات الزنكي الحاجز.")
    found = [(m.text, m.id_) for m in doc.spans[MENTIONS_KEY]]
    assert ("حركة الزنكي", "nour-al-din-al-zenki") in found  # حركة opens the group's full name
    assert ("الزنكي", "nour-al-din-al-zenki") in found  # قوات does not: it stays out of the name


def test_arabic_geonames_town_goes_by_the_article_as_english_writes_it() -> None:
    assert with_hyphenated_article("As Safirah") == "as-Safirah"
    assert with_hyphenated_article("Alma") == "Alma"
    place = PlaceIndex.default().lookup("السفيرة")
    assert place is not None and "as-Safirah" in place.names
