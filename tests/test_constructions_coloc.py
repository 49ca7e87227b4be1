"""Constructions that put an actor at a place and a place inside a place (issue 9, CoLocated), each on sentences
the project wrote for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


# -- a place inside a place ---------------------------------------------------------------------------


def test_coloc_a_place_phrase_set_off_by_a_comma_holds_the_place_before_it(nlp: Language) -> None:
    text = "Gunmen killed two farmers on Sunday in Saraqib, in the Idlib countryside, residents said."
    assert related(nlp, text, "CoLocated", "Saraqib", "Idlib")


def test_coloc_a_place_phrase_set_off_by_a_comma_holds_every_place_listed_before_it(nlp: Language) -> None:
    text = "The shelling spread to Kafr Nubl and Jisr al-Shughur, in the Idlib countryside, on Friday."
    assert related(nlp, text, "CoLocated", "Kafr Nubl", "Idlib")
    assert related(nlp, text, "CoLocated", "Jisr al-Shughur", "Idlib")


def test_coloc_where_a_named_place_lies_holds_however_the_clause_is_hedged(nlp: Language) -> None:
    text = "Officials estimate that hundreds of fighters slipped into Iraq's Nineveh province."
    assert related(nlp, text, "CoLocated", "Nineveh province", "Iraq")


def test_coloc_a_place_on_a_river_lies_by_it_but_an_actor_on_a_place_is_not_there(nlp: Language) -> None:
    assert related(
        nlp, "The Tabqa Dam on the Euphrates was damaged in the fighting.", "CoLocated", "Tabqa", "Euphrates"
    )
    assert not related(nlp, "Russian sanctions on Syria hurt the Levant Front.", "CoLocated", "Russian", "Syria")


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
    text = "Delegates flew to Aden, the seat of the Presidential Leadership Council, on Sunday."
    assert related(nlp, text, "CoLocated", "Presidential Leadership Council", "Aden")
    assert not related(nlp, text, "Controls", "Presidential Leadership Council", "Aden")


# -- who took part in an event, and where --------------------------------------------------------------


def test_coloc_the_place_of_the_side_an_event_befell_is_the_events_place(nlp: Language) -> None:
    text = "The Levant Front launched an assault on suspected ISIS hideouts in the Bab Amr neighbourhood of Homs."
    assert related(nlp, text, "CoLocated", "Levant Front", "Bab Amr")


def test_coloc_event_nouns_listed_together_share_the_verb_of_doing_them(nlp: Language) -> None:
    text = "The Tiger Forces have taken part in sieges and attacks on civilians in Homs and in Hama."
    assert related(nlp, text, "CoLocated", "Tiger Forces", "Homs")
    assert related(nlp, text, "CoLocated", "Tiger Forces", "Hama")


def test_coloc_the_side_struck_is_at_the_place_whoever_struck(nlp: Language) -> None:
    text = "In Manbij, a drone hit a warehouse used by the Levant Front as a depot, killing two guards."
    assert related(nlp, text, "CoLocated", "Levant Front", "Manbij")


def test_coloc_who_leads_the_subject_goes_where_it_goes_but_holds_nothing_for_it(nlp: Language) -> None:
    assert related(nlp, "Rebel fighters led by the Levant Front entered Azaz on Sunday.", "CoLocated", "Levant", "Azaz")
    text = "The alliance led by the Levant Front holds most of Azaz."
    assert not related(nlp, text, "Controls", "Levant Front", "Azaz")


def test_coloc_the_men_of_the_first_group_listed_go_where_the_others_go(nlp: Language) -> None:
    text = (
        "Fighters of the Levant Front, Jaysh al-Islam and the Sultan Murad Division pulled back from the Marea area "
        "into the district of Tal Rifaat, commanders said."
    )
    for group in ("Levant Front", "Jaysh al-Islam", "Sultan Murad Division"):
        assert related(nlp, text, "CoLocated", group, "Tal Rifaat"), group


def test_coloc_both_sides_of_a_fight_for_control_of_a_place_are_there(nlp: Language) -> None:
    text = "The Levant Front clashed with the Hamza Division for control of Afrin."
    assert related(nlp, text, "CoLocated", "Levant Front", "Afrin")
    assert related(nlp, text, "CoLocated", "Hamza Division", "Afrin")
    assert not related(nlp, text, "Controls", "Hamza Division", "Afrin")


def test_coloc_each_of_coordinated_place_phrases_places_the_subject(nlp: Language) -> None:
    text = "The Hurras al-Din group operates mainly in Idlib and in the Latakia mountains."
    assert related(nlp, text, "CoLocated", "Hurras al-Din", "Latakia mountains")


def test_coloc_a_passage_through_a_place_puts_who_passes_there(nlp: Language) -> None:
    text = "On Friday, fighters of the Levant Front crossed from Azaz through the Bab al-Salama crossing into Afrin."
    assert related(nlp, text, "CoLocated", "Levant Front", "Bab al-Salama")


# -- what is said of an actor by a copula or an apposition ---------------------------------------------


def test_coloc_one_said_to_be_one_of_the_men_in_a_place_is_there(nlp: Language) -> None:
    text = "For years, Abu Ali al-Hamwi was one of the most feared commanders in Raqqa."
    assert related(nlp, text, "CoLocated", "Abu Ali al-Hamwi", "Raqqa")


def test_coloc_who_is_seen_doing_something_in_a_place_is_there(nlp: Language) -> None:
    text = "Wagner Group advisers were seen supervising drills in Bangui on Tuesday."
    assert related(nlp, text, "CoLocated", "Wagner Group", "Bangui")


# -- a dateline ----------------------------------------------------------------------------------------


def test_coloc_who_reports_a_datelined_sentence_after_it_is_not_at_the_dateline(nlp: Language) -> None:
    text = "ALEPPO, Syria — Rebels shelled two districts of the city, the Syrian Observatory for Human Rights said."
    assert not related(nlp, text, "CoLocated", "Syrian Observatory for Human Rights", "ALEPPO")
