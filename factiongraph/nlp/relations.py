"""``fg_relations``: relations between two mentions of one sentence, from trigger rules kept as data.

A rule names the types allowed at each end and a regular expression that the text
between the two mentions must match whole ("X, the commander of Y", "Y, led by X").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph.lexicons import NounHeads, RelationRule, RelationTriggers, lexicon_model
from factiongraph.nlp.spans import (
    DESCRIPTIONS_KEY,
    NESTED_KEY,
    ClauseWords,
    FoundRelation,
    group_of,
    mentions_of,
    span_keys,
)

_LIST_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:(?:large\s+|most\s+|much\s+)?parts?\s+of\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
"""What joins the items of a list, including "X and part of Y" ("controls Idlib and part of the countryside")."""
_CLOSING_BRACKET = re.compile(r"^\s*[)\]]")
"""The close of a parenthesised alias, "(HTS)", is not part of what links it to what follows."""


def _in_list(first: int, second: int, mentions: list[Span], text: str) -> bool:
    """Whether two neighbouring mentions are items of a longer list ("Iran, Saudi Arabia, Egypt and Jordan"),
    where a comma separates peers rather than a place from the place that holds it."""
    label = mentions[first].label_

    def joined(left: Span, right: Span) -> bool:
        return left.label_ == label and bool(_LIST_SEPARATOR.fullmatch(text[left.end_char : right.start_char]))

    before = first > 0 and joined(mentions[first - 1], mentions[first])
    following = second + 1
    while following < len(mentions) and mentions[following].start < mentions[second].end:
        following += 1  # a name inside the second ("the Conoco gas field") is no next item
    after = following < len(mentions) and joined(mentions[second], mentions[following])
    return before or after


@dataclass(frozen=True)
class TriggerRule:
    """A rule of ``relation_triggers.json`` as validated, with its patterns compiled (its fragments filled in)."""

    rule: RelationRule
    between: re.Pattern[str]
    before: re.Pattern[str] | None


@cache
def _trigger_rules(path: str | None) -> tuple[list[TriggerRule], re.Pattern[str]]:
    """The compiled rules, and what before a rule's trigger noun makes it hypothetical."""
    triggers = lexicon_model(path, RelationTriggers)
    hypothetical = re.compile(f"(?:{triggers.hypothetical_before})$", re.IGNORECASE)
    rules = []
    for rule in triggers.rules:
        pattern = rule.between
        for key, value in triggers.fragments.items():
            pattern = pattern.replace("{" + key + "}", value)
        before = re.compile(f"(?:{rule.before})$", re.IGNORECASE) if rule.before is not None else None
        rules.append(TriggerRule(rule, re.compile(f"(?:{pattern})", re.IGNORECASE), before))
    return rules, hypothetical


@Language.factory(
    "fg_relations",
    default_config={"triggers_path": None, "heads_path": None, "max_gap_chars": 120, "clauses_path": None},
    requires=["doc.spans", "doc.sents"],
    assigns=["doc._.fg_relations"],
)
def make_relations(
    nlp: Language,
    name: str,
    triggers_path: str | None,
    heads_path: str | None,
    max_gap_chars: int,
    clauses_path: str | None = None,
) -> RelationFinder:
    command_heads = frozenset(lexicon_model(heads_path, NounHeads).person_command)
    rules, hypothetical = _trigger_rules(triggers_path)
    return RelationFinder(rules, hypothetical, command_heads, ClauseWords.read(clauses_path), max_gap_chars)


class RelationFinder:
    """Relations between pairs of mentions in a sentence whose in-between text matches a trigger rule."""

    def __init__(
        self,
        rules: list[TriggerRule],
        hypothetical: re.Pattern[str],
        command_heads: frozenset[str],
        clauses: ClauseWords,
        max_gap_chars: int,
    ) -> None:
        self.hypothetical = hypothetical
        self.clauses = clauses
        self.command_heads = command_heads
        self.max_gap_chars = max_gap_chars
        self.rules_for: dict[tuple[str, str], list[TriggerRule]] = {}
        for rule in rules:
            for first in rule.rule.first:
                for second in rule.rule.second:
                    self.rules_for.setdefault((first, second), []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        found: list[FoundRelation] = []
        mentions = list(mentions_of(doc))
        descriptions = span_keys(group_of(doc, DESCRIPTIONS_KEY))
        nested_spans = list(group_of(doc, NESTED_KEY))
        nested = span_keys(nested_spans)
        text = doc.text  # built from the tokens on every access: read it once
        sentence_of = {}
        for sentence in doc.sents:
            sentence_of.update(dict.fromkeys(range(sentence.start, sentence.end), sentence))
        for i, first in enumerate(mentions):
            sentence = sentence_of[first.start]
            intervening = False
            for j, second in enumerate(mentions[i + 1 :], start=i + 1):
                if second.start >= sentence.end or second.start_char - first.end_char > self.max_gap_chars:
                    break
                if second.start < first.end:
                    continue
                rules = self.rules_for.get((first.label_, second.label_))
                if rules and (second.start, second.end) not in nested:
                    gap = _CLOSING_BRACKET.sub("", text[first.end_char : second.start_char])
                    is_description = (
                        (first.start, first.end) in descriptions,
                        (second.start, second.end) in descriptions,
                    )
                    in_list = partial(_in_list, i, j, mentions, text)
                    matched = self._match(
                        rules, first, second, gap, sentence, intervening, is_description, in_list, text
                    )
                    if matched is not None:
                        relation, mutual = matched
                        listed = [relation, *self._conjuncts(relation, second, mentions, text, nested_spans)]
                        found += listed
                        if mutual:  # "tension between X and Y" goes both ways
                            found += [
                                FoundRelation(r.type, r.target, r.source, r.evidence, r.construction) for r in listed
                            ]
                intervening = intervening or (
                    second.label_ != "Temporal" and (second.start, second.end) not in descriptions
                )
        found += self._members(doc, [m for m in mentions if (m.start, m.end) in descriptions])
        doc._.fg_relations = found
        return doc

    @staticmethod
    def _conjuncts(
        relation: FoundRelation, second: Span, mentions: list[Span], text: str, nested: list[Span]
    ) -> list[FoundRelation]:
        """The same relation to the names listed after the second end ("in Iraq and Syria", "met X, Y and Z").

        A title is one person, so synonyms do not extend; nor does a relation to a listed title with an
        affiliation of its own ("HTS commander al-Jolani and SNA leader al-Jassem")."""
        if relation.type == "IsSynonymOf":
            return []
        other = relation.source if relation.target is second else relation.target
        found = []
        previous = second
        for mention in mentions:
            if mention.start < previous.end or mention.label_ != second.label_:
                continue
            if not _LIST_SEPARATOR.fullmatch(text[previous.end_char : mention.start_char]):
                break
            if mention[0].tag_ in ("PRP", "PRP$"):
                break  # "taken by ISIL terrorists, we have heard": a pronoun starts a new clause, not a list item
            if mention.root.dep_ == "conj" and other.start <= mention.root.head.i < other.end:
                break  # "X, led by Y, and Z joined": Z is listed with X, not with Y
            if any(mention.start <= n.start and n.end <= mention.end and n.label_ == other.label_ for n in nested):
                break
            if relation.target is second:
                found.append(FoundRelation(relation.type, relation.source, mention, relation.evidence, "list"))
            else:
                found.append(FoundRelation(relation.type, mention, relation.target, relation.evidence, "list"))
            previous = mention
        return found

    def _members(self, doc: Doc, descriptions: list[Span]) -> list[FoundRelation]:
        """A description that takes in the group after "of" ("40 members of the Coalition") belongs to it."""
        found = []
        for nested in group_of(doc, NESTED_KEY):
            before = nested.start - 1 - (nested.start > 1 and doc[nested.start - 1].lower_ == "the")
            if nested.label_ != "Organisation" or before < 0 or doc[before].lower_ not in ("of", "from"):
                continue
            outer = next((m for m in descriptions if m.start < nested.start < m.end), None)
            if outer is None or (outer.root.lower_ in self.command_heads and outer.root.text[:1].isupper()):
                continue  # "Secretary of State" names an office; "ministers of the Coalition" are members
            if outer.label_ in ("Person", "Organisation"):
                found.append(FoundRelation("BelongsTo", outer, nested, nested.sent, "member-of"))
        return found

    def _verb_has_another_subject(self, first: Span, second: Span) -> bool:
        """Whether the verb between two mentions has a subject that is not, and does not take in, the first
        one ("HTS, which drove out the Zenki movement, fought alongside the NFL": the Zenki movement did not
        fight; "a spokesman for Ahrar al-Sham accused HTS" speaks for Ahrar al-Sham)."""
        for token in first.doc[first.end : second.start]:
            if token.pos_ == "VERB":
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
                return any(
                    not (c.left_edge.i <= first.start and first.end <= c.right_edge.i + 1)
                    and c.lower_ not in self.clauses.lexicon.relative_pronouns
                    for c in subjects
                )
        return False

    def _match(
        self,
        rules: list[TriggerRule],
        first: Span,
        second: Span,
        gap: str,
        sentence: Span,
        intervening: bool,
        is_description: tuple[bool, bool],
        in_list: Callable[[], bool],
        text: str,
    ) -> tuple[FoundRelation, bool] | None:
        """The relation of the first rule that fits, and whether it holds both ways.

        Cheap tests come first: most pairs of mentions fail on the text between them."""
        for compiled in rules:
            rule = compiled.rule
            if rule.same_type and first.label_ != second.label_:
                continue
            if intervening and not rule.across_mentions:
                continue
            first_described, second_described = rule.first_is_description, rule.second_is_description
            if (first_described is not None and first_described != is_description[0]) or (
                second_described is not None and second_described != is_description[1]
            ):
                continue
            if not compiled.between.fullmatch(gap):
                continue
            if rule.not_in_list and in_list():
                continue
            if rule.first_commands and first[-1].lower_ not in self.command_heads:
                continue
            if rule.first_definite is not None and rule.first_definite != (
                first[0].lower_ == "the" or first[0].tag_ == "PRP$"
            ):
                continue
            if not all(self.clauses.asserted(t) for t in first.doc[first.end : second.start]):
                continue
            if self._verb_has_another_subject(first, second):
                continue
            if rule.type == "CoLocated" and _object_of_an_infinitive(first, second):
                continue
            if compiled.before is not None:
                context = text[sentence.start_char : first.start_char]
                trigger = compiled.before.search(context)
                if not trigger or self.hypothetical.search(context[: trigger.start()]):
                    continue
            source, target = (first, second) if rule.source == "first" else (second, first)
            return FoundRelation(rule.type, source, target, sentence), bool(rule.mutual)
        return None


def _object_of_an_infinitive(first: Span, second: Span) -> bool:
    """Whether the second mention is the object of an infinitive between the two ("accused Tehran of failing to
    restrain Baghdad"): the "to" a trigger reads as a preposition of place marks that verb, whose object it is."""
    verb = second.root.head
    return (
        second.root.dep_ == "dobj"
        and first.end <= verb.i < second.start
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
