"""The cues a claim hangs on: the lexicon (``data/lexicons/claim_cues.json``, one validated
:class:`~factiongraph.lexicons.ClaimCues`), the words that can start a claim, the stance a reporting
verb gives, and the source phrases ("according to X")."""

from __future__ import annotations

from spacy.tokens import Token

from factiongraph.lexicons import ClaimCues
from factiongraph.settings import setting

MAX_CLIMB = int(setting("clause_climb"))
"""Enough steps up the tree to reach a participle's governing verb; a bound keeps odd parses cheap."""

Reporting = dict[int, tuple[str, Token | None]]
"""A sentence's reporting verbs by token index: the stance each gives, and its particle ("out" of "rule out")."""


def is_cue(token: Token, cues: ClaimCues) -> bool:
    """Whether a pre-filter hit can start a claim, before its sentence is looked at."""
    lower = token.lower_
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if lemma in cues.verb_stances or lemma in cues.phrasal_stances or lemma in cues.quoting_verbs:
            return True
    return (
        lower in cues.source_links
        or lower in cues.modal_noun_stances
        or (lower in cues.modal_adjective_stances and token.dep_ == "acomp")
    )


def reporting_stance(verb: Token, cues: ClaimCues) -> tuple[str, Token | None] | None:
    """The stance a reporting verb gives, and its particle ("out" of "rule out"), or None if it reports nothing."""
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return None  # "the ceasefire agreed in Moscow", "the attack described as": a modifier, not a report
    lemma = verb.lemma_.lower()
    if lemma in cues.verb_stances:
        return cues.verb_stances[lemma], None
    if lemma in cues.phrasal_stances:
        particles = cues.phrasal_stances[lemma]
        for child in verb.children:
            if child.dep_ in ("prt", "prep") and child.lower_ in particles and not _a_time(child):
                return particles[child.lower_], child
            if child.dep_ == "oprd" and "as" in particles and _judges(verb, child):
                return particles["as"], child  # "called the order a coup" as "regarded it as a coup"
        return None
    if lemma in cues.object_verbs:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(o.lower_ in cues.modal_noun_stances for o in objects):
            return "asserted", None
    return None


def source_phrase(token: Token, cues: ClaimCues) -> tuple[Token, Token, Token, Token] | None:
    """ "according to X": the two cue words, X, and the verb of the clause the phrase attaches to."""
    link = next((c for c in token.children if c.lower_ == cues.source_links[token.lower_]), None)
    if link is None:
        return None
    source = next((c for c in link.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    head = token.head
    for _ in range(MAX_CLIMB):
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            break
        head = head.head
    return token, link, source, head


def _a_time(preposition: Token) -> bool:
    """ "on Sunday" is when, not what: "called on Sunday for talks" is a call for talks."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in preposition.children)


def _judges(verb: Token, predicate: Token) -> bool:
    """Whether "called X Y" judges X rather than names it: a description, not a name ("the campaign it
    calls Claw-Sword"), of another, not oneself ("a group calling itself X")."""
    reflexive = any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children)
    return predicate.pos_ != "PROPN" and not reflexive
