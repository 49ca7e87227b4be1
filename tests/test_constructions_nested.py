"""Relations written inside one noun phrase (issue 9): a name nested in a bigger name, a "pro-" modifier, a
possessive, a title with its owner; on sentences the project wrote for them, through the whole English pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from sqlite_utils import Database

from factiongraph.nlp import load_pipeline
from tests.sentences import article_graph, related, relations

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_nested_a_kb_group_opening_a_kb_body_s_name_owns_it(nlp: Language) -> None:
    text = "The UN Security Council met on Tuesday to discuss the ceasefire."
    assert related(nlp, text, "BelongsTo", "UN Security Council", "UN")


def test_nested_a_pro_prefix_makes_the_modified_groups_allies_of_the_named_state(nlp: Language) -> None:
    text = "Pro-Iranian militias shelled the outskirts of the town on Friday."
    assert related(nlp, text, "AlliesOf", "militias", "Iranian")


def test_nested_a_pro_prefix_in_apposition_reaches_the_named_group(nlp: Language) -> None:
    text = "The Sultan Suleiman Shah Brigade, a pro-Turkish faction, entered the village."
    assert related(nlp, text, "AlliesOf", "Sultan Suleiman Shah Brigade", "Turkish")


def test_nested_a_stance_towards_a_man_s_fighters_is_towards_him(nlp: Language) -> None:
    text = "Ankara and Doha were quick to praise Ahmed al-Kassab's fighters."
    assert ("Likes", "Ankara", "Ahmed al-Kassab") in relations(nlp, text)


def test_nested_a_pro_government_group_is_the_named_government_s_ally(fresh_db: Database, tmp_path: Path) -> None:
    text = (
        "The Syrian government said on Monday that the talks had failed. "
        "The pro-government Baqir Brigade entered the village of Kafr Nabl."
    )
    _, edges = article_graph(fresh_db, text, tmp_path)
    assert ("AlliesOf", "Baqir Brigade", "Syrian government") in edges
