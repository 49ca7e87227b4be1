"""Arabic tokens that carry meaning: proclitics and enclitic pronouns split off the word they ride on.

An Arabic word may carry a conjunction (و ف), a preposition (ب ل ك, or لل for ل + the article) and
an object or possessive pronoun (ها هم ه ...): "ولهيئة" is و + ل + هيئة, "قائدها" is قائد + ها. The
article ال stays on its noun, as in the Penn Arabic Treebank's scheme: it changes no meaning a rule
reads, and names keep the form the knowledge base gives them.

No library fits (the README says why), so the split is guarded by a lexicon: a word is split only
when what remains is a known word (the words of ``arabic_words.json``, every form of the Arabic
lexicons' cue words, and the words of every Arabic name of the knowledge base and the places) or
when the remainder opens with the article and three more letters ("والمعارضة"). A word known whole
is never split: لبنان, وادي, بشار and كفر stay as written. Every token is a substring of the text,
so offsets hold and ``doc.text`` is the text; a token whose form differs from what it stands for
(the ل of لل standing for ال, a taa marbuta written ت before a pronoun) says so in its ``norm_``,
which holds the token's look-up key (:func:`~factiongraph.keys.name_key` of the restored form).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path

from pydantic import BaseModel
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from factiongraph.keys import ARABIC_SCRIPT, name_key
from factiongraph.lexicons import SCHEMAS, ArabicVerbForms, ArabicWords, lexicon_model

_MARKS = "\u064b-\u065f\u0670\u0640"
"""Diacritics and the tatweel: written on a letter, never a letter of their own."""
_WORD = re.compile(rf"\d+(?:[.,٫]\d+)+|[\w{_MARKS}]+|\S")
"""A number with its decimals, a run of letters and digits with their marks, or one other character."""
_TATWEEL = "\u0640"
_ARTICLE = "ال"
_STRETCHED = re.compile(r"^(?:[وف][بلك]?|[بلك])\u0640+")


def _letters(word: str) -> tuple[str, list[int]]:
    """The word without its marks, and for each of its letters the index in the word where it stands."""
    letters, where = [], []
    for i, char in enumerate(word):
        if not re.match(rf"[{_MARKS}]", char):
            letters.append(char)
            where.append(i)
    return "".join(letters), where


SPLIT_CACHE_WORDS = 1 << 16
"""Words whose split a splitter remembers: the common ones of a long stream, not every word it ever met
(unbounded, the cache grew with the corpus)."""


class CliticSplitter:
    """Splits one word into its proclitics, stem and enclitic pronoun when the lexicon allows it."""

    def __init__(
        self,
        known: Iterable[str],
        *,
        conjunctions: Iterable[str],
        prepositions: Iterable[str],
        enclitics: Iterable[str],
        article_letters: int,
    ) -> None:
        self.known = frozenset(k for k in (name_key(w) for w in known) if k)
        self.conjunctions = tuple(conjunctions)
        self.prepositions = tuple(prepositions)
        self.enclitics = tuple(sorted(enclitics, key=len, reverse=True))
        self.article_letters = article_letters

    def is_known(self, word: str) -> bool:
        return name_key(word) in self.known

    @lru_cache(maxsize=SPLIT_CACHE_WORDS)  # noqa: B019 - one splitter per pipeline, and words repeat
    def split(self, word: str) -> tuple[tuple[str, str], ...]:
        """The pieces of ``word`` as (text, norm) pairs, texts in order and adding up to the word."""
        whole = ((word, name_key(word)),)
        bare, where = _letters(word)
        if not ARABIC_SCRIPT.match(bare) or len(bare) < 2:
            return whole
        stretched = _STRETCHED.match(word)
        if stretched and stretched.end() < len(word):  # "لـهيئة": a clitic drawn out by the tatweel
            head, rest = word[: stretched.end()], self.split(word[stretched.end() :])
            if len(head.rstrip(_TATWEEL)) == 2:  # "ولـ": the conjunction, then the stretched preposition
                return ((head[0], name_key(head[0])), (head[1:], name_key(head[1])), *rest)
            return ((head, name_key(head.rstrip(_TATWEEL))), *rest)
        if len(bare) < 3 or self.is_known(bare):
            return whole
        cuts = self.cuts(bare)
        if cuts is None:
            return whole
        starts = [0, *(where[c] for c, _ in cuts[1:]), len(word)]
        return tuple((word[b:e], name_key(form)) for (_, form), b, e in zip(cuts, starts, starts[1:], strict=False))

    def cuts(self, bare: str) -> list[tuple[int, str]] | None:
        """Where the pieces of the bare word start, each with the form it stands for; None: do not split."""
        for prefixes, rest_at, rest, shift in self._proclitic_readings(bare):
            stem_cuts = self._stem(rest, guarded=bool(prefixes))
            if stem_cuts is None:
                continue
            cuts = prefixes + [(rest_at + start - (shift if start else 0), form) for start, form in stem_cuts]
            return cuts if len(cuts) > 1 else None
        return None

    def _proclitic_readings(self, bare: str) -> list[tuple[list[tuple[int, str]], int, str, int]]:
        """Ways to read the word's opening letters as proclitics, fewest letters first, the bare word last:
        each the proclitics with where they start, where the rest starts, the rest as it stands for a word,
        and how many letters that form has more than the text (لل: the article's alef)."""
        readings = []
        for conjunction in ("", *self.conjunctions):
            if not bare.startswith(conjunction):
                continue
            after = len(conjunction)
            for preposition in ("", *self.prepositions):
                if not bare.startswith(preposition, after):
                    continue
                at = after + len(preposition)
                prefixes = [(0, conjunction)] if conjunction else []
                prefixes += [(after, preposition)] if preposition else []
                if preposition == "ل" and bare.startswith("ل", at) and len(bare) - at > 3:
                    readings.append((prefixes, at, _ARTICLE + bare[at + 1 :], 1))
                if prefixes:
                    readings.append((prefixes, at, bare[at:], 0))
        readings.sort(key=lambda r: (r[1], r[3]))
        readings.append(([], 0, bare, 0))
        return readings

    def _stem(self, rest: str, *, guarded: bool) -> list[tuple[int, str]] | None:
        """The stem and pronoun pieces of what follows the proclitics (offsets into it); None when the
        remainder is no word this splitter may cut off."""
        if len(rest) < 2:
            return None
        if self.is_known(rest):
            return [(0, rest)]
        for enclitic in self.enclitics:
            stem = rest[: -len(enclitic)]
            if not rest.endswith(enclitic) or len(stem) < 2:
                continue
            for form in (stem, stem[:-1] + "ة" if stem.endswith("ت") else None):
                if form and self.is_known(form):
                    return [(0, form), (len(stem), enclitic)]
        if guarded and rest.startswith(_ARTICLE) and len(rest) - len(_ARTICLE) >= self.article_letters:
            return [(0, rest)]
        return None


class ArabicTokenizer:
    """Words and punctuation by a regular expression, then each Arabic word split by the :class:`CliticSplitter`."""

    def __init__(self, vocab: Vocab, splitter: CliticSplitter) -> None:
        self.vocab = vocab
        self.splitter = splitter

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[str] = []
        position = 0
        for match in _WORD.finditer(text):
            self._gap(text[position : match.start()], words, spaces, norms)
            for piece, norm in self.splitter.split(match.group()):
                words.append(piece)
                spaces.append(False)
                norms.append(norm or piece)
            position = match.end()
        self._gap(text[position:], words, spaces, norms)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, norm in zip(doc, norms, strict=True):
            token.norm_ = norm
        return doc

    @staticmethod
    def _gap(gap: str, words: list[str], spaces: list[bool], norms: list[str]) -> None:
        """Whitespace between two tokens: one plain space is the first token's trailing space, anything
        else a whitespace token of its own (as spaCy keeps line breaks)."""
        if not gap:
            return
        if gap.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
            norms.append(gap)

    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> ArabicTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs: object) -> None:
        """Nothing to save: the tokenizer is rebuilt from the lexicons and the knowledge base."""

    def from_disk(self, path: str | Path, **kwargs: object) -> ArabicTokenizer:
        return self


def _verb_forms(entry: ArabicVerbForms) -> list[str]:
    """The common inflections of a verb given by its past and present stems: قصف, قصفت, قصفوا, يقصف, تقصف ..."""
    inflections = lexicon_model(None, ArabicWords).verb_inflections
    forms = []
    if past := entry.past:
        forms += [past + ending for ending in inflections.past_endings]
    if present := entry.present:
        forms += [
            prefix + present + ending
            for prefix in inflections.present_prefixes
            for ending in inflections.present_endings
        ]
    return forms


def lexicon_parts(value: object) -> list[object]:
    """What a value of a lexicon holds, for walking the lexicon whole: a model's fields (not its ``$comment``)
    and the words a section is keyed by, a mapping's keys and values, a list's items."""
    if isinstance(value, BaseModel):
        fields = [getattr(value, name) for name in type(value).model_fields if name != "comment"]
        return [*fields, *lexicon_parts(value.model_extra or {})]
    if isinstance(value, dict):
        return [part for key, item in value.items() for part in (key, item)]  # a word may be a key ({"أمس": -1})
    if isinstance(value, list):
        return list(value)
    return []


def cue_words(lexicon: BaseModel) -> list[str]:
    """Every word of an Arabic lexicon: its phrases' words and its verbs' forms, wherever they sit."""
    words: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.extend(value.split())
        if isinstance(value, ArabicVerbForms):
            words.extend(_verb_forms(value))
        for part in lexicon_parts(value):
            walk(part)

    walk(lexicon)
    return [w for w in words if ARABIC_SCRIPT.search(w)]


def verb_forms(entry: ArabicVerbForms) -> list[str]:
    """The forms a verb entry of an Arabic lexicon stands for (see :func:`_verb_forms`)."""
    return _verb_forms(entry)


SPLITTER_LEXICONS = (
    "arabic_words.json",
    "arabic_relations.json",
    "arabic_claims.json",
    "arabic_names.json",
    "date_rules.json",
)
"""The lexicons whose words the tokenizer knows whole (the first gives its clitics too), beside the KB's and
the place index's names: what a table of names read by this tokenizer is keyed by in the cache."""


@cache
def _splitter(kb_path: str | None) -> CliticSplitter:
    from factiongraph.kb import load_kb
    from factiongraph.places import PlaceIndex

    words = lexicon_model(None, ArabicWords)
    known = list(words.words)
    for name in SPLITTER_LEXICONS[1:]:
        known += cue_words(lexicon_model(None, SCHEMAS[name]))
    names = [name for actor in load_kb(Path(kb_path) if kb_path else None).actors for name in actor.all_names()]
    names += [name for name, _ in PlaceIndex.default().pattern_names()]
    clitics = words.clitics
    options = {
        "conjunctions": clitics.conjunctions,
        "prepositions": clitics.prepositions,
        "enclitics": clitics.enclitics,
        "article_letters": clitics.article_letters,
    }
    arabic = [name.split() for name in names if ARABIC_SCRIPT.search(name)]
    single = {words[0] for words in arabic if len(words) == 1}
    inner = {w for words in arabic if len(words) > 1 for w in words} - single
    # A word inside a longer name that reads as clitics on a known word ("لنصرة" in "... لنصرة أهل الشام")
    # is split as in the text rather than known whole; a one-word name ("لبنان") and a word no reading
    # splits ("بشار") are known, so stay whole.
    every = CliticSplitter([*known, *single, *inner], **options)
    whole = [w for w in inner if every.cuts(_letters(w)[0]) is None]
    return CliticSplitter([*known, *single, *whole], **options)


def known_whole(kb_path: str | None) -> Callable[[str], bool]:
    """Whether the tokenizer of this knowledge base keeps a word whole: a word it knows, never read as clitics."""
    return _splitter(kb_path).is_known


@registry.tokenizers("factiongraph.ArabicTokenizer.v1")
def make_arabic_tokenizer(kb_path: str | None = None):  # noqa: ANN201 - spaCy's tokenizer-factory shape
    """The tokenizer of ``config_ar.cfg``: a factory that takes the ``nlp`` object, as spaCy's own do."""

    def create(nlp) -> ArabicTokenizer:  # noqa: ANN001
        return ArabicTokenizer(nlp.vocab, _splitter(kb_path))

    return create
