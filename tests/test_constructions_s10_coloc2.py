"""CoLocated between an actor and a place named in the same sentence (issue 9), second round: constructions the
parse breaks, each on sentences the project wrote for it, through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_constructions_a_capital_that_opens_a_dateline_is_a_place_not_its_state(nlp: Language) -> None:
    # the parser makes the dateline's capital the subject: it is where the text was written, not its state acting
    text = (
        "TEHRAN (Delta Wire) — Iranian President Masoud Pezeshkian and his Iraqi counterpart Abdul Latif Rashid "
        "agreed on Tuesday on a border pact, after four hours of talks in the Saadabad Palace."
    )
    assert related(nlp, text, "CoLocated", "Masoud Pezeshkian", "Saadabad Palace")
    assert related(nlp, text, "CoLocated", "Masoud Pezeshkian", "TEHRAN")
    assert not related(nlp, text, "CoLocated", "TEHRAN", "Saadabad Palace")
