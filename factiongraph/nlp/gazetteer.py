"""``fg_gazetteer``: actors and places found by name in any script, for languages the English
model does not read (Arabic first).

Names are compared token by token under :func:`~factiongraph.keys.name_key`, so
alef, ya and taa marbuta variants and the article ال meet. An Arabic word may carry
proclitics (و ف, then ب ل ك, or لل for ل + ال): "وإدلب" and "بإدلب" are Idlib. The bare
word is tried first, so a name that begins with one of those letters ("بشار") stays whole, and a word
the tokenizer knows whole is never read as clitics on a name: "فرقة" (a division) is not ف + "رقة" (Raqqa).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph.cache import cached
from factiongraph.kb import kb_files, load_kb
from factiongraph.keys import ARABIC_SCRIPT, name_key, without_arabic_proclitics
from factiongraph.lexicons import default_lexicon_path
from factiongraph.nlp.arabic.tokens import SPLITTER_LEXICONS, known_whole
from factiongraph.nlp.spans import DESCRIPTIONS_KEY, MENTIONS_KEY, NESTED_KEY
from factiongraph.places import PlaceIndex, default_index_sources

NameTable = dict[tuple[str, ...], tuple[str, str]]
"""Normalised token sequence → (entity type, KB actor id or place id)."""


@Language.factory(
    "fg_gazetteer",
    default_config={"kb_path": None, "places": True, "max_words": 7},
    assigns=["doc.spans", "doc._.fg_relations", "doc._.fg_events", "doc._.fg_claims"],
)
def make_gazetteer(nlp: Language, name: str, kb_path: str | None, places: bool, max_words: int) -> GazetteerMatcher:
    kb_file = Path(kb_path) if kb_path else None
    lexicons = [default_lexicon_path(n) for n in SPLITTER_LEXICONS]
    sources = [*kb_files(kb_file), *default_index_sources(), *lexicons, f"places={places} lang={nlp.lang}"]
    table = cached("gazetteer", sources, lambda: _name_table(nlp, kb_file, places))
    return GazetteerMatcher(table, max_words, known_whole(kb_path) if nlp.lang == "ar" else _nothing_known)


def _name_table(nlp: Language, kb_path: Path | None, places: bool) -> NameTable:
    """Every KB actor's and place's name as the pipeline's tokenizer reads it: reading the sixteen thousand
    names took two seconds, so the table is kept in the cache, keyed by the files it comes from (the
    Arabic tokenizer's lexicons among them)."""
    table: NameTable = {}
    if places:
        for place_name, place in PlaceIndex.default().pattern_names():
            table.setdefault(_key(nlp, place_name), ("Location", place.id))
    for actor in load_kb(kb_path).actors:
        for actor_name in actor.all_names():
            table[_key(nlp, actor_name)] = (actor.type, actor.id)
    table.pop((), None)
    return table


def _key(nlp: Language, name: str) -> tuple[str, ...]:
    return tuple(k for k in (name_key(t.norm_) for t in nlp.make_doc(name)) if k)


def _nothing_known(word: str) -> bool:
    return False


class GazetteerMatcher:
    """Longest known name at each position, left to right, as a typed mention."""

    def __init__(self, table: NameTable, max_words: int, known: Callable[[str], bool] = _nothing_known) -> None:
        self.table = table
        self.max_words = max_words
        self.known = known

    def __call__(self, doc: Doc) -> Doc:
        keys = [name_key(t.norm_) for t in doc]  # the norm: what a clitic-split token stands for (لل → ال)
        readings = [  # a word's keys once its proclitics are gone, fewest letters first
            [name_key(r) for r in without_arabic_proclitics(t.text)]
            if ARABIC_SCRIPT.search(t.text) and not self.known(t.text)
            else []
            for t in doc
        ]
        mentions: list[Span] = []
        i = 0
        while i < len(doc):
            match = self._longest(keys, readings, i)
            if match is None:
                i += 1
                continue
            end, (label, identifier) = match
            mentions.append(Span(doc, i, end, label=label, span_id=identifier))
            i = end
        doc.spans[MENTIONS_KEY] = mentions
        doc.spans[DESCRIPTIONS_KEY] = []
        doc.spans[NESTED_KEY] = []
        doc._.fg_relations = []
        doc._.fg_events = []
        doc._.fg_claims = []
        return doc

    def _longest(self, keys: list[str], readings: list[list[str]], start: int) -> tuple[int, tuple[str, str]] | None:
        if not keys[start]:
            return None
        for end in range(min(len(keys), start + self.max_words), start, -1):
            if not keys[end - 1]:
                continue
            rest = tuple(k for k in keys[start + 1 : end] if k)
            for first in dict.fromkeys((keys[start], *readings[start])):
                found = self.table.get((first, *rest))
                if found is not None:
                    return end, found
        return None
