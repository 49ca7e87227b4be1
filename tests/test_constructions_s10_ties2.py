"""Allies and members, second round (issue 9): constructions read from the parse on sentences the project wrote
for them, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_a_singular_relative_clause_describes_the_container_not_its_plural_members(nlp: Language) -> None:
    text = "The Northern Front, a coalition of tribal militias that fights alongside the Kenyan army, held the road."
    assert related(nlp, text, "AlliesOf", "a coalition", "Kenyan army")
    assert not related(nlp, text, "AlliesOf", "tribal militias", "Kenyan army")


def test_a_plural_relative_clause_still_describes_the_members(nlp: Language) -> None:
    text = "The Northern Front, a coalition of tribal militias that fight alongside the Kenyan army, held the road."
    assert related(nlp, text, "AlliesOf", "tribal militias", "Kenyan army")


def test_a_part_set_off_after_a_name_is_that_name_s_where_the_parser_hangs_it_far_off(nlp: Language) -> None:
    text = "Iraq, which has fought the YPJ, the PKK's female core, for years, gave the plan a guarded welcome."
    assert related(nlp, text, "BelongsTo", "YPJ", "PKK")


def test_a_leader_named_after_a_list_of_merged_groups_leads_what_they_formed(nlp: Language) -> None:
    text = (
        "The Sahel Front was formed in 2019 from a merger of Katiba Macina, Ansar Dine and other jihadist groups "
        "under the leadership of Amadou Koufa."
    )
    assert related(nlp, text, "InChargeOf", "Amadou Koufa", "Sahel Front")
    assert not related(nlp, text, "InChargeOf", "Amadou Koufa", "other jihadist groups")
