"""Constructions of membership, alliance, command and contact (issue 9): lists, coordinated phrases and
founding, each on sentences written for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def related(nlp: Language, text: str, kind: str, first: str, second: str) -> bool:
    """Whether a kept relation of this type joins two mentions that contain these words, either way round for
    the symmetric types."""
    symmetric = kind in ("FightingAgainst", "AlliesOf", "CommWith", "CoLocated")
    for found in nlp(text)._.fg_relations:
        if found.type != kind:
            continue
        source, target = found.source.text, found.target.text
        if (first in source and second in target) or (symmetric and first in target and second in source):
            return True
    return False


def test_a_list_the_parser_hangs_inside_a_name_still_names_every_member(nlp: Language) -> None:
    text = (
        "The new alliance includes Jaysh al-Islam, the National Front for Liberation, Faylaq al-Rahman and "
        "Jaysh al-Izza, which joined last year."
    )
    for member in ("Jaysh al-Islam", "National Front for Liberation", "Faylaq al-Rahman", "Jaysh al-Izza"):
        assert related(nlp, text, "BelongsTo", member, "alliance"), member


def test_states_listed_as_the_members_of_a_coalition_belong_to_it(nlp: Language) -> None:
    text = "Since 2015 the alliance has included Qatar, Bahrain and Egypt."
    for member in ("Qatar", "Bahrain", "Egypt"):
        assert related(nlp, text, "BelongsTo", member, "alliance"), member


def test_a_predicate_adjective_with_two_prepositions_ties_its_subjects_to_both(nlp: Language) -> None:
    text = "The Levant Front and Jaysh al-Islam, both loyal to Turkey and to the Syrian Interim Government, left Afrin."
    for group in ("Levant Front", "Jaysh al-Islam"):
        assert related(nlp, text, "AlliesOf", group, "Turkey"), group
        assert related(nlp, text, "AlliesOf", group, "Syrian Interim Government"), group
