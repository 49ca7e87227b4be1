"""Small registered components: sentence breaks at blank lines, the actor ruler, and its patterns from the
KB and places."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP
from spacy.tokens import Doc
from spacy.util import registry

from factiongraph.kb import load_kb
from factiongraph.keys import name_key
from factiongraph.nlp.spans import DATELINE_DASHES, DATELINE_MAX_TOKENS
from factiongraph.places import PlaceIndex


@Language.component("fg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, captions and bylines carry no full stop. A paragraph that
    opens with a dateline in capitals ("DEIR EZ-ZOR, Syria (Wire) — ...") is one sentence up to the words
    after its dash, which the parser would otherwise cut at the capitals."""
    starts = [0]
    for token in doc[1:]:
        if doc[token.i - 1].is_space and doc[token.i - 1].text.count("\n") >= 2:
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:
        if not (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) > 1):
            continue
        opening = doc[start : start + DATELINE_MAX_TOKENS]
        dash = next((t.i for t in opening if t.text in DATELINE_DASHES), None)
        if dash is not None and "\n" not in doc[start:dash].text:
            for token in doc[start + 1 : min(dash + 2, len(doc))]:
                token.is_sent_start = False
    return doc


def _apostrophe_variants(name: str) -> set[str]:
    """A name as written with straight and curly apostrophes (texts use both)."""
    return {name, name.replace("'", "’"), name.replace("’", "'")}


@registry.misc("factiongraph.ruler_patterns.v1")
def ruler_patterns(kb_path: str | None = None, places: bool = True) -> list[dict[str, str]]:
    """One ruler pattern per name, demonym and spelling of every KB actor (``id`` the actor), then
    the place index's names (``id`` the place) that no KB actor uses."""
    kb = load_kb(Path(kb_path) if kb_path else None)
    patterns: list[dict[str, str]] = []
    for actor in kb.actors:
        for name in actor.all_names():
            patterns += [{"label": actor.type, "pattern": v, "id": actor.id} for v in _apostrophe_variants(name)]
        for demonym in actor.demonyms:
            patterns.append({"label": "Nationality", "pattern": demonym, "id": actor.id})
    if places:
        taken = {name_key(p["pattern"]) for p in patterns}
        for name, place in PlaceIndex.default().pattern_names():
            if name_key(name) not in taken:
                patterns.append({"label": "Location", "pattern": name, "id": place.id})
    return patterns


class ActorRuler(EntityRuler):
    """spaCy's entity ruler, reading its phrase patterns with a twin of the pipeline's tokenizer on a
    vocabulary of its own.

    The ruler would otherwise tokenize its fifteen thousand names into the pipeline's vocabulary, which
    keeps no new word once it holds ten thousand: the tokenizer caches only words the vocabulary holds,
    so every word of the articles not among the names was tokenized anew each time it came back. The
    phrase matcher compares hashes of the lower-cased words, which do not depend on the vocabulary.
    """

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self.pattern_reader = spacy.blank(nlp.lang)
        self.pattern_reader.tokenizer.from_bytes(nlp.tokenizer.to_bytes(exclude=["vocab"]), exclude=["vocab"])

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        pipeline, self.nlp = self.nlp, self.pattern_reader
        try:
            super().add_patterns(list(patterns))
        finally:
            self.nlp = pipeline


@Language.factory(
    "fg_entity_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={
        "phrase_matcher_attr": "LOWER",
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite_ents": True,
        "ent_id_sep": DEFAULT_ENT_ID_SEP,
        "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"},
    },
)
def make_actor_ruler(
    nlp: Language,
    name: str,
    phrase_matcher_attr: str | None,
    matcher_fuzzy_compare: Callable[..., bool],
    validate: bool,
    overwrite_ents: bool,
    ent_id_sep: str,
    scorer: Callable[..., dict[str, Any]] | None,
) -> ActorRuler:
    return ActorRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate,
        overwrite_ents=overwrite_ents,
        ent_id_sep=ent_id_sep,
        scorer=scorer,
    )
