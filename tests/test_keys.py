"""Normalised name keys: spellings of one name meet."""

from __future__ import annotations

import pytest

from factiongraph.keys import without_arabic_proclitics
from factiongraph.resolve import name_key, translit_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("the al-Nusra Front", "Nusra Front"),
        ("Hay’at Tahrir al-Sham", "Hayat Tahrir al Sham"),
        ("Şanlıurfa", "Sanlıurfa"),
        ("Abu Amsha’s", "Abu Amshas"),
        ("هيئة تحرير الشام", "هيئه تحرير شام"),
        ("أبو محمد الجولاني", "ابو محمد الجولاني"),
    ],
)
def test_keys_fold_spellings_together(first: str, second: str) -> None:
    assert name_key(first) == name_key(second)


def test_keys_keep_different_names_apart() -> None:
    assert name_key("Ahrar al-Sham") != name_key("Tahrir al-Sham")


@pytest.mark.parametrize("spelling", ["al-Julani", "Jawlani", "al-Golani", "الجولاني", "Jolani"])
def test_keys_transliterations_meet(spelling: str) -> None:
    assert translit_key(spelling) == translit_key("al-Jolani")


def test_keys_transliteration_of_full_names() -> None:
    assert translit_key("Abu Muhammad al-Julani") == translit_key("Abu Mohammad al-Jolani")
    assert translit_key("Mohamed") == translit_key("Muhammad")


@pytest.mark.parametrize(
    ("word", "readings"),
    [
        ("وبإدلب", ["بإدلب", "إدلب"]),  # and + in + Idlib: each proclitic off in turn
        ("للرقة", ["الرقة"]),  # to + the: the article's alef put back
        ("ولبنان", ["لبنان", "بنان"]),  # and + Lebanon: the first reading is the name
        ("كحلب", ["حلب"]),
        ("بنش", []),  # a name of three letters is not read as ب + two
        ("حلب", []),
    ],
)
def test_arabic_proclitics_come_off_fewest_first(word: str, readings: list[str]) -> None:
    assert without_arabic_proclitics(word) == readings


def test_the_place_index_finds_a_place_behind_its_proclitics() -> None:
    from factiongraph.places import PlaceIndex

    index = PlaceIndex.default()
    assert index.lookup("ولبنان") == index.lookup("لبنان") is not None
    assert index.lookup("وبإدلب") == index.lookup("إدلب") is not None
