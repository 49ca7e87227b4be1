"""CoLocated between an actor and a place, or a place and the place it lies in (issue 9), third round: each
construction on sentences the project wrote for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related, relations

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_constructions_who_is_in_the_area_around_a_place_is_at_it(nlp: Language) -> None:
    # the list puts both sides in 'the area'; the place that names the area is where they were
    text = (
        "Clashes between Hezbollah and the Free Syrian Army went on into the night in several districts, "
        "including Bab Amr and the area around the Khalidiya mosque."
    )
    assert related(nlp, text, "CoLocated", "Hezbollah", "the Khalidiya mosque")
    assert related(nlp, text, "CoLocated", "Free Syrian Army", "the Khalidiya mosque")
    # a facility is the place, not the town it is named after
    text = (
        "Fighting between the Tiger Forces and Jaish al-Izza spread on Friday to several villages, including "
        "Kafr Zita and the area around Hama airport."
    )
    assert related(nlp, text, "CoLocated", "Tiger Forces", "Hama airport")
    assert ("CoLocated", "Tiger Forces", "Hama") not in relations(nlp, text)


def test_constructions_a_participle_on_named_places_places_them(nlp: Language) -> None:
    # 'in the east of Z' hangs on the participle, not on the towns: it still says where they are
    text = (
        "Trucks took hundreds of Hezbollah fighters and their families to Arsal and Qaa, towns held by the Lebanese "
        "army in the east of the Bekaa valley."
    )
    assert related(nlp, text, "CoLocated", "Arsal", "Bekaa valley")
    assert related(nlp, text, "CoLocated", "Qaa", "Bekaa valley")


def test_constructions_a_place_said_to_lie_somewhere_is_there(nlp: Language) -> None:
    text = "Rebels have been fighting government forces for control of Maarat al-Numan, which sits on the M5 highway."
    assert related(nlp, text, "CoLocated", "Maarat al-Numan", "M5 highway")
    text = "The army shelled Kafr Nabl, which lies in the south of Idlib province."
    assert related(nlp, text, "CoLocated", "Kafr Nabl", "Idlib province")


def test_constructions_who_is_at_places_named_in_one_description_is_at_each(nlp: Language) -> None:
    # the parser makes 'Azaz and Mare, towns' one phrase: whoever is taken to it is at each town it names
    text = (
        "Lorries carried hundreds of Ahrar al-Sham fighters and their families to Azaz and Mare, towns held by "
        "Turkish-backed rebels north of Aleppo."
    )
    assert ("CoLocated", "Ahrar al-Sham fighters", "Azaz") in relations(nlp, text)
    assert ("CoLocated", "Ahrar al-Sham fighters", "Mare") in relations(nlp, text)


def test_constructions_places_listed_on_a_phrase_after_their_plural_are_its_own(nlp: Language) -> None:
    # the parser hangs 'including' on the fighters the villages were taken from: the villages are the list's
    text = (
        "In the first week of March, the Tiger Forces retook four villages of Hama province from Ahrar al-Sham "
        "fighters, including Kafr Zita, a village the rebels had held since May."
    )
    assert related(nlp, text, "Controls", "Tiger Forces", "Kafr Zita")


def test_constructions_the_groups_a_subject_includes_are_where_it_is(nlp: Language) -> None:
    text = "Iraqi security forces, including units of the Counter Terrorism Service, closed the roads into Fallujah."
    assert related(nlp, text, "CoLocated", "Counter Terrorism Service", "Fallujah")
