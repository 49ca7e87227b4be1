"""Small registered components: sentence breaks at blank lines, the actor ruler, and its patterns from the
KB and places."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import intify_attr
from spacy.errors import Warnings
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP
from spacy.tokens import Doc
from spacy.util import registry

from factiongraph.cache import cached
from factiongraph.kb import kb_files, load_kb
from factiongraph.keys import name_key
from factiongraph.nlp.spans import DATELINE_DASHES, DATELINE_MAX_TOKENS
from factiongraph.places import PlaceIndex, default_index_sources

_ANNOTATED_ATTRS = frozenset({"TAG", "POS", "MORPH", "LEMMA", "DEP"})
"""Token attributes only trained components set: the ruler reads its patterns with the tokenizer alone."""


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
    the place index's names (``id`` the place) that no KB actor uses; read from the cache while the
    KB and place files are unchanged."""
    kb_file = Path(kb_path) if kb_path else None
    sources = [*kb_files(kb_file), *(default_index_sources() if places else ()), f"places={places}"]
    return cached("ruler-patterns", sources, lambda: _ruler_patterns(kb_file, places))


def _ruler_patterns(kb_path: Path | None, places: bool) -> list[dict[str, str]]:
    kb = load_kb(kb_path)
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
    vocabulary of its own, and keeping what it read in the cache.

    The ruler would otherwise tokenize its fifteen thousand names into the pipeline's vocabulary, which
    keeps no new word once it holds ten thousand: the tokenizer caches only words the vocabulary holds,
    so every word of the articles not among the names was tokenized anew each time it came back. The
    phrase matcher compares hashes of the lower-cased words, which do not depend on the vocabulary, so
    those hashes are what the cache keeps (keyed by the patterns' texts and the tokenizer's settings) and
    what the matcher is given: reading the names took a second at every start. A phrase pattern is kept
    as its text, not as a Doc; :attr:`patterns` gives them back as spaCy's ruler does.
    """

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        if str(config.get("phrase_matcher_attr")).upper() in _ANNOTATED_ATTRS:
            raise ValueError(f"{name}: phrase_matcher_attr must be an attribute the tokenizer alone sets")
        super().__init__(nlp, name, **config)
        self.tokenizer_settings = nlp.tokenizer.to_bytes(exclude=["vocab"])

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        patterns = list(patterns)
        token_patterns = [p for p in patterns if not isinstance(p["pattern"], str)]
        if token_patterns:
            super().add_patterns(token_patterns)
        phrases = [p for p in patterns if isinstance(p["pattern"], str)]
        keys_by_label: dict[str, list[tuple[int, ...]]] = {}
        for entry, keys in zip(phrases, self._phrase_keys([p["pattern"] for p in phrases]), strict=True):
            label = entry["label"]
            if entry.get("id"):
                label = self._create_label(entry["label"], entry["id"])
                self._ent_ids[self.matcher._normalize_key(label)] = (entry["label"], entry["id"])
            self.phrase_patterns[label].append(entry["pattern"])
            keys_by_label.setdefault(label, []).append(keys)
        for label, keys in keys_by_label.items():
            self.phrase_matcher.add(label, keys)

    def _require_patterns(self) -> None:
        """The parent's warning for a ruler without patterns, told by the first label that has one: the
        parent counts the patterns of all two thousand labels on every document."""
        if not any(self.token_patterns.values()) and not any(self.phrase_patterns.values()):
            warnings.warn(Warnings.W036.format(name=self.name), stacklevel=2)

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """Every pattern as it was added, phrase patterns as their text."""
        found = []
        for label, added in (*self.token_patterns.items(), *self.phrase_patterns.items()):
            ent_label, ent_id = self._split_label(label)
            found += [{"label": ent_label, "pattern": p, **({"id": ent_id} if ent_id else {})} for p in added]
        return found

    def _phrase_keys(self, texts: list[str]) -> list[tuple[int, ...]]:
        """Each text's tokens as the phrase matcher compares them: the hashes of their matched attribute."""
        attr = intify_attr(self.phrase_matcher_attr or "ORTH")

        def read() -> list[tuple[int, ...]]:
            reader = spacy.blank(self.nlp.lang)
            reader.tokenizer.from_bytes(self.tokenizer_settings, exclude=["vocab"])
            return [tuple(doc.to_array(attr).tolist()) for doc in reader.tokenizer.pipe(texts)]

        sources = [f"spacy {spacy.__version__}", f"attr {attr}", self.tokenizer_settings, "\0".join(texts)]
        return cached("ruler-phrases", sources, read)


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
