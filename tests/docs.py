"""Hand-built ``Doc``s, so that the tests of factiongraph's own components need no trained model.

A test writes the sentence, the parse a reader gives it and the names a recogniser would find in it. The
parse is a table, one row per token: the word, its Penn tag, its dependency, the word it hangs on (its own
word for the root; ``word#2`` for the second of two alike) and, where it is not the word in lower case,
its lemma. :func:`parse` builds the ``Doc`` with the blank tokenizer's words and spaces, so the text between
two names is the sentence's own; :func:`pipeline` adds factiongraph's components by name to
``spacy.blank("en")``, as ``nlp/config.cfg`` adds them after the trained ones.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph.nlp import MENTIONS_KEY

AFTER_THE_PARSER = ("fg_mentions", "fg_relations", "fg_frames", "fg_structure", "fg_events", "fg_claims", "fg_decide")
"""factiongraph's components that read the parse and the names, in the order of ``nlp/config.cfg``."""

TAG_POS = {
    **dict.fromkeys([".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"], "PUNCT"),
    **dict.fromkeys(["NN", "NNS"], "NOUN"),
    **dict.fromkeys(["NNP", "NNPS"], "PROPN"),
    **dict.fromkeys(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"], "VERB"),
    **dict.fromkeys(["JJ", "JJR", "JJS", "AFX"], "ADJ"),
    **dict.fromkeys(["RB", "RBR", "RBS", "WRB"], "ADV"),
    **dict.fromkeys(["PRP", "PRP$", "WP", "WP$", "WDT", "EX"], "PRON"),
    **dict.fromkeys(["DT", "PDT"], "DET"),
    **dict.fromkeys(["IN", "RP"], "ADP"),
    "CC": "CCONJ",
    "CD": "NUM",
    "MD": "AUX",
    "POS": "PART",
    "TO": "PART",
    "_SP": "SPACE",
}
"""The universal part of speech of each Penn tag, as the English model's attribute ruler maps them."""
_AUXILIARY_DEPS = frozenset({"aux", "auxpass"})

Names = dict[str, str | tuple[str, str]]
"""A name as written → its type, or its type and the KB actor it is (what the actor ruler gives it)."""


@cache
def pipeline(names: tuple[str, ...] = AFTER_THE_PARSER) -> Language:
    """``spacy.blank("en")`` with these of factiongraph's components, each as the config makes it."""
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(name)
    return nlp


def parse(nlp: Language, text: str, table: str, names: Names | None = None) -> Doc:
    """``text`` tokenized as the pipeline does, with the parse of ``table`` and ``names`` as its entities (the
    longest where two overlap, as the ruler takes them)."""
    rows = [line.split() for line in table.strip().splitlines()]
    tokenized = nlp.make_doc(text)
    words = [row[0] for row in rows]
    assert words == [t.text for t in tokenized], f"the table's words are not the tokenizer's: {tokenized}"
    tags = [row[1] for row in rows]
    deps = [row[2] for row in rows]
    lemmas = [row[4] if len(row) > 4 else row[0].lower() for row in rows]
    pos = [
        "AUX" if TAG_POS[tag] == "VERB" and (dep in _AUXILIARY_DEPS or lemma == "be") else TAG_POS[tag]
        for tag, dep, lemma in zip(tags, deps, lemmas, strict=True)
    ]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in tokenized],
        tags=tags,
        pos=pos,
        deps=deps,
        heads=[_index_of(row[3], words) for row in rows],
        lemmas=lemmas,
    )
    found = [span for written, kind in (names or {}).items() for span in _occurrences(nlp, doc, written, kind)]
    taken: set[int] = set()
    entities = []
    for span in sorted(found, key=len, reverse=True):
        if taken.isdisjoint(range(span.start, span.end)):
            entities.append(span)
            taken.update(range(span.start, span.end))
    doc.ents = sorted(entities)
    return doc


def run(nlp: Language, doc: Doc) -> Doc:
    """The doc through each of the pipeline's components, as ``nlp(text)`` would run them after the parser."""
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def relations(doc: Doc) -> set[tuple[str, str, str]]:
    """(type, source, target) of each relation the pipeline kept."""
    return {(r.type, r.source.text, r.target.text) for r in doc._.fg_relations}


def mentions(doc: Doc) -> dict[str, str]:
    """Each mention's text and type."""
    return {m.text: m.label_ for m in doc.spans[MENTIONS_KEY]}


def _index_of(head: str, words: list[str]) -> int:
    """The index of ``word`` or of ``word#n``, the n-th of those words."""
    word, _, nth = head.partition("#")
    found = [i for i, w in enumerate(words) if w == word]
    assert len(found) == 1 or nth, f"{word!r} is {len(found)} words of the table: write {word}#n"
    return found[int(nth or 1) - 1]


def _occurrences(nlp: Language, doc: Doc, written: str, kind: str | tuple[str, str]) -> list[Span]:
    """Each place the words of ``written`` stand in the doc, as an entity of that type (and KB actor)."""
    label, actor = (kind, "") if isinstance(kind, str) else kind
    wanted = [t.text for t in nlp.make_doc(written)]
    words = [t.text for t in doc]
    size = len(wanted)
    return [
        Span(doc, i, i + size, label=label, span_id=actor)
        for i in range(len(words) - size + 1)
        if words[i : i + size] == wanted
    ]
