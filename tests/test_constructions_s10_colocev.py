"""CoLocated between an actor and a place named in the same sentence (issue 9): the constructions of place
attachment the parse breaks, each on sentences the project wrote for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_constructions_a_list_of_places_gives_each_place(nlp: Language) -> None:
    text = "Russian troops at Tiyas, the Exxon gas field and the al-Shaer oil field have been shelled twice since May."
    for place in ("Tiyas", "Exxon gas field", "al-Shaer oil field"):
        assert related(nlp, text, "CoLocated", "Russian troops", place), place
    text = "French troops at Gao, the Total gas field and the al-Qaeda training camp have been targeted since June."
    assert related(nlp, text, "CoLocated", "French troops", "al-Qaeda training camp")


def test_constructions_places_an_unnamed_place_names_are_where_the_subject_is(nlp: Language) -> None:
    text = (
        "The Levant Front, which keeps about two hundred fighters at bases in the region including the Exxon gas "
        "field and the Shell oil field, stayed out of the fighting."
    )
    for place in ("Exxon gas field", "Shell oil field"):
        assert related(nlp, text, "CoLocated", "Levant Front", place), place


def test_constructions_on_the_outskirts_of_a_place_is_a_phrase_of_place(nlp: Language) -> None:
    text = "Fighting between the Levant Front and the Hamza Division continues on the edges of Azaz."
    for side in ("Levant Front", "Hamza Division"):
        assert related(nlp, text, "CoLocated", side, "Azaz"), side
    text = "The Levant Front clashed with the Hamza Division on the outskirts of Azaz on Monday."
    assert related(nlp, text, "CoLocated", "Levant Front", "Azaz")


def test_constructions_a_second_clause_about_an_event_places_its_sides(nlp: Language) -> None:
    text = (
        "UNSMIL is following with deep concern the fighting that broke out in Zawiya on Sunday between the Halbous "
        "Brigade and the Marsa Brigade, and that continued into Monday in the neighbourhoods of Harsha and Jadida."
    )
    for side in ("Halbous Brigade", "Marsa Brigade"):
        for place in ("Zawiya", "Harsha", "Jadida"):
            assert related(nlp, text, "CoLocated", side, place), (side, place)


def test_constructions_who_is_sent_to_fight_somewhere_is_there_not_who_sends(nlp: Language) -> None:
    text = "Hezbollah deployed the Radwan Force to fight in Qusayr and Homs."
    assert related(nlp, text, "CoLocated", "Radwan Force", "Qusayr")
    assert not related(nlp, text, "CoLocated", "Hezbollah", "Qusayr")
    text = (
        "The Liwa Zainabiyoun, a Pakistani militia that Iran recruited and deployed to fight for the Syrian "
        "government in Aleppo, Hama and Homs, was sanctioned."
    )
    assert related(nlp, text, "CoLocated", "Pakistani militia", "Hama")
    assert not related(nlp, text, "CoLocated", "Iran", "Hama")
