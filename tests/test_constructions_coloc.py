"""Constructions that put an actor at a place and a place inside a place (issue 9, CoLocated), each on sentences
the project wrote for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def related(nlp: Language, text: str, kind: str, first: str, second: str) -> bool:
    """Whether a relation of this type joins two mentions that contain these words, either way round for
    the symmetric types."""
    symmetric = kind in ("FightingAgainst", "AlliesOf", "CommWith", "CoLocated")
    for found in nlp(text)._.fg_relations:
        if found.type != kind:
            continue
        source, target = found.source.text, found.target.text
        if (first in source and second in target) or (symmetric and first in target and second in source):
            return True
    return False


# -- a place inside a place ---------------------------------------------------------------------------


def test_coloc_a_place_phrase_set_off_by_a_comma_holds_the_place_before_it(nlp: Language) -> None:
    text = "Gunmen killed two farmers on Sunday in Saraqib, in the Idlib countryside, residents said."
    assert related(nlp, text, "CoLocated", "Saraqib", "Idlib")


def test_coloc_a_place_phrase_set_off_by_a_comma_holds_every_place_listed_before_it(nlp: Language) -> None:
    text = "The shelling spread to Kafr Nubl and Jisr al-Shughur, in the Idlib countryside, on Friday."
    assert related(nlp, text, "CoLocated", "Kafr Nubl", "Idlib")
    assert related(nlp, text, "CoLocated", "Jisr al-Shughur", "Idlib")


def test_coloc_a_list_of_place_phrases_puts_no_place_inside_another(nlp: Language) -> None:
    text = "Clashes were reported in Idlib, in Hama and in Latakia on Monday."
    assert not related(nlp, text, "CoLocated", "Idlib", "Hama")


def test_coloc_places_listed_after_a_comma_are_peers_even_when_a_name_is_inside_one(nlp: Language) -> None:
    text = "Russian troops at Hmeimim, the Conoco gas field and the Jibsa oil field were put on alert."
    assert related(nlp, text, "CoLocated", "Russian troops", "Hmeimim")
    assert not related(nlp, text, "CoLocated", "Hmeimim", "Conoco gas field")
    assert not related(nlp, text, "CoLocated", "Hmeimim", "Jibsa oil field")


# -- the sides of a named event and its place --------------------------------------------------------


def test_coloc_the_sides_hung_on_a_phrase_of_time_are_the_sides_of_the_event_and_at_its_place(
    nlp: Language,
) -> None:
    text = (
        "The monitor reported the clashes that broke out in Benghazi on the night of 3 May between the Rafallah "
        "Brigade and the Omar Mukhtar Battalion."
    )
    assert related(nlp, text, "FightingAgainst", "Rafallah Brigade", "Omar Mukhtar Battalion")
    assert related(nlp, text, "CoLocated", "Rafallah Brigade", "Benghazi")
    assert related(nlp, text, "CoLocated", "Omar Mukhtar Battalion", "Benghazi")


# -- a seat named beside its place ---------------------------------------------------------------------


def test_coloc_a_place_named_as_the_seat_of_an_actor_puts_the_actor_there(nlp: Language) -> None:
    text = "Protesters gathered in Benghazi, the main base of the Libyan National Army, on Friday."
    assert related(nlp, text, "CoLocated", "Libyan National Army", "Benghazi")
    assert not related(nlp, text, "Controls", "Libyan National Army", "Benghazi")
