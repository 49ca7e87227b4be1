"""The indexed attribute ruler sets what spaCy's own attribute ruler sets, from the same patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from factiongraph.nlp.attribute_ruler import IndexedAttributeRuler

CORPUS = Path(__file__).parent / "corpus"

# One of each kind of rule: exact values, IN and NOT_IN sets, a flag, a regex, several tokens,
# an index from the end, rules no value can be looked up by, and a later rule overriding an earlier one.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBZ"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "fighters"}]], "attrs": {"MORPH": "Number=Plur"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["nsubj", "aux", "det"]}}]], "attrs": {"MORPH": "Case=Acc"}},
    {"patterns": [[{"TEXT": "Raqqa"}]], "attrs": {"POS": "PROPN"}},
]

WORDS = ["Raqqa", "fighters", "gon", "na", "say", "y'", "all", "took", "this", "nothin'", "  ", "the", "town"]
TAGS = ["NNP", "NN", "VBG", "TO", "VB", "PRP", "DT", "VBD", "DT", "NN", "_SP", "DT", "NN"]
DEPS = ["nsubj", "nsubj", "aux", "aux", "ROOT", "nsubj", "det", "conj", "dobj", "dobj", "dep", "det", "pobj"]


def _annotated(nlp: spacy.language.Language, ruler: AttributeRuler) -> list[tuple[str, str, str]]:
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[4] * len(WORDS))
    ruler(doc)
    return [(token.pos_, str(token.morph), token.lemma_) for token in doc]


def test_the_same_attributes_as_spacys_ruler_from_the_same_patterns() -> None:
    nlp = spacy.blank("en")
    plain, indexed = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    plain.add_patterns(PATTERNS)
    indexed.add_patterns(PATTERNS)
    assert indexed.patterns == plain.patterns
    assert _annotated(nlp, indexed) == _annotated(nlp, plain)
    assert _annotated(nlp, indexed)[1] == ("NOUN", "Number=Plur", "")


def test_patterns_survive_a_round_trip_and_clearing() -> None:
    nlp = spacy.blank("en")
    indexed = IndexedAttributeRuler(nlp.vocab)
    indexed.add_patterns(PATTERNS)
    restored = IndexedAttributeRuler(nlp.vocab).from_bytes(indexed.to_bytes())
    assert _annotated(nlp, restored) == _annotated(nlp, indexed)
    restored.clear()
    assert restored.patterns == []
    assert _annotated(nlp, restored) == [("", "", "")] * len(WORDS)


@pytest.mark.slow
def test_the_pipelines_rules_set_the_same_attributes_on_the_corpus() -> None:
    from factiongraph.nlp import load_pipeline
    from factiongraph.nlp.attribute_ruler import attribute_patterns
    from factiongraph.nlp.pipeline import base_model_name

    nlp = load_pipeline()
    plain = AttributeRuler(nlp.vocab)
    plain.add_patterns(attribute_patterns(base_model_name()))
    indexed = nlp.get_pipe("fg_attribute_ruler")
    assert indexed.patterns == plain.patterns
    texts = [path.read_text("utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    until_parsed = nlp.pipe_names[nlp.pipe_names.index("fg_attribute_ruler") :]
    with nlp.select_pipes(disable=until_parsed):
        for parsed in nlp.pipe(texts):
            expected, found = plain(parsed.copy()), indexed(parsed.copy())
            assert [(t.pos_, str(t.morph), t.lemma_) for t in found] == [
                (t.pos_, str(t.morph), t.lemma_) for t in expected
            ], parsed.text[:60]
