"""factiongraph's spaCy components, registered by name so the packaged config can assemble them.

- ``factiongraph.kb_patterns.v1``: entity-ruler patterns made from the actor KB,
  each pattern's ``id`` the canonical actor, so ``span.ent_id_`` links a name to its actor.
- ``fg_mentions``: the typed mentions (Person, Organisation, Location, Temporal,
  Nationality) on ``doc.spans["fg_mentions"]``, from the model's and the ruler's entities.
- ``fg_relations``: relations between mentions of one sentence, from trigger rules kept as data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from factiongraph.kb import load_kb

MENTIONS_KEY = "fg_mentions"
DESCRIPTIONS_KEY = "fg_descriptions"
ENTITY_TYPES = ("Person", "Organisation", "Location", "Temporal", "Nationality")
DEFAULT_LABEL_MAP = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "DATE": "Temporal",
    "TIME": "Temporal",
    "NORP": "Nationality",
    **{t: t for t in ENTITY_TYPES},
}


_CLOSING_BRACKET = re.compile(r"^\s*[)\]]")
"""The close of a parenthesised alias, "(HTS)", is not part of what links it to what follows."""


@dataclass(frozen=True)
class FoundRelation:
    """A typed relation between two mentions, with the sentence that says it."""

    type: str
    source: Span
    target: Span
    evidence: Span


if not Doc.has_extension("fg_relations"):
    Doc.set_extension("fg_relations", default=None)


def _apostrophe_variants(name: str) -> set[str]:
    """A name as written with straight and curly apostrophes (texts use both)."""
    return {name, name.replace("'", "’"), name.replace("’", "'")}


@Language.component("fg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, captions and bylines carry no full stop."""
    for token in doc[1:]:
        if doc[token.i - 1].is_space and doc[token.i - 1].text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


@registry.misc("factiongraph.kb_patterns.v1")
def kb_patterns(kb_path: str | None = None) -> list[dict[str, str]]:
    """One ruler pattern per name, demonym and spelling of every KB actor."""
    kb = load_kb(Path(kb_path) if kb_path else None)
    patterns: list[dict[str, str]] = []
    for actor in kb.actors:
        for name in actor.all_names():
            patterns += [{"label": actor.type, "pattern": v, "id": actor.id} for v in _apostrophe_variants(name)]
        for demonym in actor.demonyms:
            patterns.append({"label": "Nationality", "pattern": demonym, "id": actor.id})
    return patterns


def _read_lexicon(path: str | None, default_name: str) -> dict[str, Any]:
    source = Path(path) if path else resources.files("factiongraph") / "data" / "lexicons" / default_name
    return json.loads(source.read_text("utf-8"))


@Language.factory(
    "fg_mentions",
    default_config={"label_map": DEFAULT_LABEL_MAP, "roles_path": None},
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc.spans"],
)
def make_mentions(nlp: Language, name: str, label_map: dict[str, str], roles_path: str | None) -> MentionTyper:
    roles = _read_lexicon(roles_path, "roles.json")
    return MentionTyper(label_map, frozenset(roles["command"] + roles["other"]))


class MentionTyper:
    """Typed mentions: the entities factiongraph models under its own type names, and the
    descriptions of people ("the isolated commander") whose head is a role noun.

    Descriptions also go to ``doc.spans["fg_descriptions"]``: they stand for an actor
    but are not one of its names.
    """

    def __init__(self, label_map: dict[str, str], person_heads: frozenset[str]) -> None:
        self.label_map = label_map
        self.person_heads = person_heads

    def __call__(self, doc: Doc) -> Doc:
        mentions = []
        for ent in doc.ents:
            label = self.label_map.get(ent.label_)
            end = ent.end - 1 if ent[-1].tag_ == "POS" and len(ent) > 1 else ent.end
            if label is not None:
                mentions.append(Span(doc, ent.start, end, label=label, span_id=ent.ent_id_ or 0))
        taken = {i for m in mentions for i in range(m.start, m.end)}
        descriptions = [d for d in self._descriptions(doc) if not taken.intersection(range(d.start, d.end))]
        doc.spans[MENTIONS_KEY] = sorted(mentions + descriptions, key=lambda s: s.start)
        doc.spans[DESCRIPTIONS_KEY] = descriptions
        return doc

    def _descriptions(self, doc: Doc) -> list[Span]:
        found = []
        for chunk in doc.noun_chunks:
            root = chunk.root
            if root.tag_ in {"NN", "NNP"} and root.lower_ in self.person_heads:
                found.append(Span(doc, chunk.start, root.i + 1, label="Person"))
        return found


@cache
def _trigger_rules(path: str | None) -> list[dict[str, Any]]:
    source = Path(path) if path else resources.files("factiongraph") / "data" / "lexicons" / "relation_triggers.json"
    raw = json.loads(source.read_text("utf-8"))
    fragments = raw["fragments"]
    rules = []
    for rule in raw["rules"]:
        pattern = rule["between"]
        for key, value in fragments.items():
            pattern = pattern.replace("{" + key + "}", value)
        rules.append({**rule, "between": re.compile(f"(?:{pattern})", re.IGNORECASE)})
    return rules


@Language.factory(
    "fg_relations",
    default_config={"triggers_path": None, "roles_path": None, "max_gap_chars": 120},
    requires=["doc.spans", "doc.sents"],
    assigns=["doc._.fg_relations"],
)
def make_relations(
    nlp: Language, name: str, triggers_path: str | None, roles_path: str | None, max_gap_chars: int
) -> RelationFinder:
    command_heads = frozenset(_read_lexicon(roles_path, "roles.json")["command"])
    return RelationFinder(_trigger_rules(triggers_path), command_heads, max_gap_chars)


class RelationFinder:
    """Relations between pairs of mentions in a sentence whose in-between text matches a trigger rule."""

    def __init__(self, rules: list[dict[str, Any]], command_heads: frozenset[str], max_gap_chars: int) -> None:
        self.rules = rules
        self.command_heads = command_heads
        self.max_gap_chars = max_gap_chars

    def __call__(self, doc: Doc) -> Doc:
        found: list[FoundRelation] = []
        mentions = sorted(doc.spans[MENTIONS_KEY], key=lambda s: s.start)
        descriptions = {(d.start, d.end) for d in doc.spans[DESCRIPTIONS_KEY]}
        for i, first in enumerate(mentions):
            sentence = first.sent
            for j, second in enumerate(mentions[i + 1 :], start=i + 1):
                if second.start >= sentence.end:
                    break
                gap = _CLOSING_BRACKET.sub("", doc.text[first.end_char : second.start_char])
                if len(gap) > self.max_gap_chars:
                    break
                intervening = any(m.label_ != "Temporal" for m in mentions[i + 1 : j])
                is_description = ((first.start, first.end) in descriptions, (second.start, second.end) in descriptions)
                relation = self._match(first, second, gap, sentence, intervening, is_description)
                if relation is not None:
                    found.append(relation)
        doc._.fg_relations = found
        return doc

    def _match(
        self,
        first: Span,
        second: Span,
        gap: str,
        sentence: Span,
        intervening: bool,
        is_description: tuple[bool, bool],
    ) -> FoundRelation | None:
        for rule in self.rules:
            if first.label_ not in rule["first"] or second.label_ not in rule["second"]:
                continue
            if rule.get("same_type") and first.label_ != second.label_:
                continue
            if intervening and not rule.get("across_mentions", False):
                continue
            if any(
                key in rule and rule[key] != value
                for key, value in zip(("first_is_description", "second_is_description"), is_description, strict=True)
            ):
                continue
            if rule.get("first_commands") and first[-1].lower_ not in self.command_heads:
                continue
            if not rule["between"].fullmatch(gap):
                continue
            source, target = (first, second) if rule["source"] == "first" else (second, first)
            return FoundRelation(rule["type"], source, target, sentence)
        return None
