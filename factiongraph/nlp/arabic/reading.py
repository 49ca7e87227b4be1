"""What the Arabic relation and claim components share: phrases as token keys, and a sentence's words
and mentions read without a parse."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span

from factiongraph.kb import load_kb
from factiongraph.lexicons import ArabicVerbForms
from factiongraph.nlp.arabic.tokens import verb_forms
from factiongraph.nlp.spans import MENTIONS_KEY
from factiongraph.vocab import AGENTS

Phrase = tuple[str, ...]
"""A phrase as the keys (``token.norm_``) of its clitic-split tokens."""

PUNCTUATION = frozenset("،,؛;:-–—()[]«»\"“”'‘’/")


@cache
def states(kb_path: str | None) -> frozenset[str]:
    """The knowledge base's states: named as places, they act and speak ("قصفت تركيا", "نفت تركيا")."""
    return frozenset(a.id for a in load_kb(Path(kb_path) if kb_path else None).actors if a.category == "state")


def phrase(nlp: Language, text: str) -> Phrase:
    """The keys of a lexicon phrase, split as the tokenizer splits the text it is matched against."""
    return tuple(t.norm_ for t in nlp.make_doc(text) if not t.is_space and t.text not in PUNCTUATION)


def phrases(nlp: Language, texts: Iterable[str]) -> set[Phrase]:
    return {p for p in (phrase(nlp, t) for t in texts) if p}


def verb_phrases(nlp: Language, entry: ArabicVerbForms) -> set[Phrase]:
    """Every form of a verb entry (its stems inflected, and its written-out forms) as phrases."""
    return phrases(nlp, [*verb_forms(entry), *(entry.forms or [])])


class Sentence:
    """One sentence's word keys (punctuation and spaces dropped, each with its token index) and mentions; the
    ``fillers`` are words an item of a list may open with ("وأغلب Y", "ومقاتلي Y")."""

    def __init__(self, sentence: Span, joiners: set[Phrase], fillers: frozenset[str] = frozenset()) -> None:
        self.span = sentence
        self.doc = sentence.doc
        self.words = [t.i for t in sentence if not t.is_space and t.text not in PUNCTUATION]
        self.position = {i: n for n, i in enumerate(self.words)}
        self.mentions = [
            m
            for m in self.doc.spans[MENTIONS_KEY]
            if sentence.start <= m.start and m.end <= sentence.end and m.label_ != "Temporal"
        ]
        self.joiners = joiners
        self.fillers = fillers
        self.lists = self._lists()

    def key(self, token: int) -> str:
        return self.doc[token].norm_

    def keys(self, start: int, end: int) -> Phrase:
        """The word keys of the tokens from ``start`` to ``end`` (token indices), punctuation left out."""
        return tuple(self.doc[i].norm_ for i in self.words if start <= i < end)

    def matches_at(self, token: int, candidates: set[Phrase], longest: int) -> Phrase | None:
        """The longest phrase of ``candidates`` that starts at the word ``token``."""
        at = self.position.get(token)
        if at is None:
            return None
        for width in range(min(longest, len(self.words) - at), 0, -1):
            keys = tuple(self.doc[i].norm_ for i in self.words[at : at + width])
            if keys in candidates:
                return keys
        return None

    def word_after(self, token: int, count: int = 1) -> int | None:
        """The token index of the ``count``-th word after token ``token``, if the sentence has it."""
        at = self.position.get(token)
        if at is None or at + count >= len(self.words):
            return None
        return self.words[at + count]

    def _lists(self) -> dict[int, list[Span]]:
        """Each mention (by start) with the items of the list it stands in: mentions of one type joined by
        و or a comma ("X و Y و Z", "X، Y و Z")."""
        lists: dict[int, list[Span]] = {}
        current: list[Span] = []
        for mention in self.mentions:
            if current and self._joined(current[-1], mention):
                current.append(mention)
            else:
                current = [mention]
            for item in current:
                lists[item.start] = current
        return lists

    def _joined(self, left: Span, right: Span) -> bool:
        if left.label_ != right.label_ and not {left.label_, right.label_} <= AGENTS:
            return False
        between = self.keys(left.end, right.start)
        while between and between[-1] in self.fillers:  # "معظم X وأغلب Y": a list's items may carry a quantity
            between = between[:-1]
        has_comma = any(self.doc[i].text in "،," for i in range(left.end, right.start))
        return between in self.joiners or (not between and has_comma)

    def items(self, mention: Span) -> list[Span]:
        return self.lists.get(mention.start, [mention])

    def mention_at(self, token: int) -> Span | None:
        return next((m for m in self.mentions if m.start == token), None)

    def next_mention(self, after: int, limit: int) -> Span | None:
        """The first mention starting at or after token ``after`` with at most ``limit`` words before it."""
        for mention in self.mentions:
            if mention.start >= after:
                return mention if len(self.keys(after, mention.start)) <= limit else None
        return None

    def previous_mention(self, before: int, limit: int) -> Span | None:
        """The last mention ending at or before token ``before`` with at most ``limit`` words after it."""
        for mention in reversed(self.mentions):
            if mention.end <= before:
                return mention if len(self.keys(mention.end, before)) <= limit else None
        return None
