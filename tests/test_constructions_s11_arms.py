"""Arms that act for their side (issue 9): the aircraft, artillery, vehicles and men of an actor do what it does, on
sentences the project wrote for them, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.nlp import load_pipeline
from tests.sentences import article_graph, related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_arms_a_government_word_on_arms_names_the_government(nlp: Language) -> None:
    text = "Witnesses said regime artillery shelled Saraqib on Sunday."
    assert related(nlp, text, "CoLocated", "regime", "Saraqib")


def test_arms_a_government_word_listed_with_a_state_on_arms_is_its_ally(nlp: Language) -> None:
    text = "Overnight, Iranian and regime warplanes pounded Saraqib and Jisr al-Shughur."
    assert related(nlp, text, "AlliesOf", "Iranian", "regime")
    assert related(nlp, text, "CoLocated", "regime", "Jisr al-Shughur")


def test_arms_a_government_word_on_arms_is_the_home_government(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "Syrian government forces massed north of Hama on Monday. Later that night regime helicopters bombed Saraqib."
    )
    _, edges = article_graph(fresh_db, text, tmp_path, published="2019-05")
    assert ("CoLocated", "Syrian government", "Saraqib") in edges


def test_arms_the_side_named_on_a_missile_is_the_doer_of_its_strike(nlp: Language) -> None:
    text = "Days later a Houthi missile strike on a barracks of the Giants Brigades killed dozens."
    assert related(nlp, text, "FightingAgainst", "Houthi", "Giants Brigades")
    text = "A Russian missile strike on a base of the Hamza Division wounded eleven."
    assert related(nlp, text, "FightingAgainst", "Russian", "Hamza Division")


def test_arms_a_state_listed_with_a_subject_state_acts_as_it_does(nlp: Language) -> None:
    text = "Officials said France and Britain had carried out a wave of strikes on Islamic State positions in Iraq."
    assert related(nlp, text, "CoLocated", "France", "Iraq")
    assert related(nlp, text, "CoLocated", "Britain", "Iraq")
    text = "KOBANI, Syria — Fighting resumed overnight."  # the country of a dateline is a place
    assert related(nlp, text, "CoLocated", "KOBANI", "Syria")


def test_arms_a_place_that_labels_a_paragraph_is_where_its_actors_are(nlp: Language) -> None:
    text = "Saraqib: Russian jets bombed the market at dawn, killing nine people."
    assert related(nlp, text, "CoLocated", "Russian", "Saraqib")
    text = "Maarat al-Numan (Maarat): Iranian-backed militias shelled the eastern outskirts through the night."
    assert related(nlp, text, "CoLocated", "Iranian-backed militias", "Maarat al-Numan")
    text = "Saraqib saw the worst of it: Russian jets bombed the market at dawn."  # a sentence, not a label
    assert not related(nlp, text, "CoLocated", "Russian", "Saraqib")


def test_arms_the_sides_listed_on_arms_that_act_are_allies(nlp: Language) -> None:
    assert related(nlp, "US and Iraqi troops stormed the village at dawn.", "AlliesOf", "US", "Iraqi")
    text = "Iranian and regime warplanes carried out dozens of strikes on Saraqib."
    assert related(nlp, text, "AlliesOf", "Iranian", "regime")


def test_arms_a_participle_on_arms_places_their_side(nlp: Language) -> None:
    assert related(
        nlp, "Turkish artillery stationed near Tal Halaf shelled the village.", "CoLocated", "Turkish", "Tal Halaf"
    )
    assert related(nlp, "Russian jets flying from Hmeimim struck the town.", "CoLocated", "Russian", "Hmeimim")
    text = "Rebels attacked the village, backed by Turkish artillery firing from outside Tal Halaf."
    assert related(nlp, text, "CoLocated", "Turkish", "Tal Halaf")


def test_arms_who_sends_men_or_arms_against_a_side_fights_it(nlp: Language) -> None:
    text = "The Hamza Division sent reinforcements against SDF positions near the town."
    assert related(nlp, text, "FightingAgainst", "Hamza Division", "SDF")
    text = "The raid began at dawn, with the Levant Front dispatching three car bombs against YPG checkpoints."
    assert related(nlp, text, "FightingAgainst", "Levant Front", "YPG")


def test_arms_it_after_a_name_a_state_opens_is_the_named_body(fresh_db: Database, tmp_path: Path) -> None:
    text = "US Central Command said on Monday that it had killed two Islamic State fighters near Raqqa."
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("FightingAgainst", "US Central Command", "Islamic State") in edges
    assert ("FightingAgainst", "United States", "Islamic State") not in edges
