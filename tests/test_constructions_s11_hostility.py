"""Constructions of liking and disliking (issue 9, Dislikes and Likes), each on sentences the project wrote for it,
through the whole English pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factiongraph.nlp import load_pipeline
from tests.sentences import related

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.mark.parametrize(
    "text",
    [
        "The Kurdish council accused Ankara of shelling the villages near the river.",
        "Later the Ahrar al-Sham movement said it held Moscow responsible for the massacre.",
    ],
)
def test_a_capital_a_verb_judges_stands_for_its_state(nlp: Language, text: str) -> None:
    doc = nlp(text)
    judged = [m for m in doc.spans["fg_mentions"] if m.text in ("Ankara", "Moscow")]
    assert [m.label_ for m in judged] == ["Organisation"]
    assert any(r.type == "Dislikes" and r.target.text in ("Ankara", "Moscow") for r in doc._.fg_relations)


def test_a_capital_held_is_still_a_place(nlp: Language) -> None:
    doc = nlp("The rebels held Damascus for a week.")
    assert [m.label_ for m in doc.spans["fg_mentions"] if m.text == "Damascus"] == ["Location"]


@pytest.mark.parametrize(("verb", "kind"), [("praised", "Likes"), ("condemned", "Dislikes")])
def test_who_judges_an_operation_judges_who_just_did_an_act_of_its_kind(nlp: Language, verb: str, kind: str) -> None:
    text = (
        "Fighters of the Hamza Division stormed the village on Friday and captured the posts of the Manbij "
        f"Military Council. The Free Syrian Army commander Abu Omar {verb} the operation."
    )
    assert related(nlp, text, kind, "Abu Omar", "Hamza Division")


def test_an_operation_named_sentences_after_an_act_is_not_that_act(nlp: Language) -> None:
    text = (
        "Fighters of the Hamza Division captured the posts of the Manbij Military Council on Friday. The "
        "council's media office later said the villagers had fled. Aid groups counted 400 families on the road. "
        "The Free Syrian Army commander Abu Omar condemned the operation."
    )
    assert not related(nlp, text, "Dislikes", "Abu Omar", "Hamza Division")


def test_who_sanctions_a_states_bodies_dislikes_the_state(nlp: Language) -> None:
    text = "In March the European Union imposed sanctions on four Iranian ministries over the drone deliveries."
    assert related(nlp, text, "Dislikes", "European Union", "Iranian")


def test_constructions_the_object_of_an_infinitive_is_not_where_the_judged_state_is(nlp: Language) -> None:
    """'accused Tehran of failing to restrain Baghdad': Tehran stands for Iran, and the infinitive's 'to' puts
    neither in Baghdad."""
    text = "Kurdish officials accused Tehran of failing to restrain Baghdad."
    assert related(nlp, text, "Dislikes", "Kurdish officials", "Tehran")
    assert not related(nlp, text, "CoLocated", "Tehran", "Baghdad")
    assert related(nlp, "Hezbollah fighters went to fight in Qusayr.", "CoLocated", "Hezbollah", "Qusayr")
