"""Normalised name keys: spellings of one name meet."""

from __future__ import annotations

import pytest

from factiongraph.resolve import name_key


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
