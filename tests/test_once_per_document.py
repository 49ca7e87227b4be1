"""What the components share per document is read again whenever its mention spans are set again."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from factiongraph.nlp.spans import (
    MENTIONS_KEY,
    NESTED_KEY,
    group_of,
    mentions_of,
    mentions_per_token,
    once_per_document,
)


def test_once_per_document_reads_a_document_once_and_again_when_its_mentions_change() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Hamas fought Fatah in Gaza.")
    doc.spans[MENTIONS_KEY] = [doc[0:1], doc[2:3]]
    calls: list[Doc] = []

    def starts(read: Doc) -> list[int]:
        calls.append(read)
        return [m.start for m in read.spans[MENTIONS_KEY]]

    assert once_per_document(doc, starts) == once_per_document(doc, starts) == [0, 2]
    assert len(calls) == 1
    doc.spans[MENTIONS_KEY].append(doc[4:5])
    assert once_per_document(doc, starts) == [0, 2, 4]
    doc.spans[MENTIONS_KEY] = [doc[4:5]]
    assert once_per_document(doc, starts) == [4]
    other = nlp("Hamas fought Fatah in Gaza.")
    other.spans[MENTIONS_KEY] = []
    assert once_per_document(other, starts) == []
    assert len(calls) == 4


def test_mentions_per_token_follows_the_mentions_set_again() -> None:
    doc = spacy.blank("en")("Hamas fought Fatah.")
    for token in doc:
        token.is_sent_start = token.i == 0
    doc.spans[MENTIONS_KEY] = [doc[0:1]]
    assert mentions_per_token(doc) == [1, 1, 1, 1]
    doc.spans[MENTIONS_KEY] = [doc[0:1], doc[2:3]]
    assert mentions_per_token(doc) == [2, 2, 2, 2]


def test_mentions_of_is_the_group_read_once_and_again_when_set_again() -> None:
    doc = spacy.blank("en")("Hamas fought Fatah.")
    doc.spans[MENTIONS_KEY] = [doc[0:1]]
    assert mentions_of(doc) is mentions_of(doc)
    assert mentions_of(doc) == list(doc.spans[MENTIONS_KEY])
    doc.spans[MENTIONS_KEY] = [doc[2:3]]
    assert [m.text for m in mentions_of(doc)] == ["Fatah"]


def test_group_of_reads_each_group_once_and_again_when_set_again() -> None:
    doc = spacy.blank("en")("Hamas fought Fatah.")
    doc.spans[MENTIONS_KEY] = [doc[0:1], doc[2:3]]
    doc.spans[NESTED_KEY] = [doc[0:1]]
    assert group_of(doc, NESTED_KEY) is group_of(doc, NESTED_KEY)
    assert [m.text for m in group_of(doc, NESTED_KEY)] == ["Hamas"]
    doc.spans[NESTED_KEY] = [doc[2:3]]
    assert [m.text for m in group_of(doc, NESTED_KEY)] == ["Fatah"]
    assert [m.text for m in group_of(doc, MENTIONS_KEY)] == ["Hamas", "Fatah"]
