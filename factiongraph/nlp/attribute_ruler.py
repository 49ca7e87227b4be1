"""spaCy's attribute ruler with its rules looked up, not matched.

The English model's attribute ruler maps each fine-grained tag (and a few words) to a coarse part of
speech, features and lemma exceptions: 179 rules, nearly all about one token with exact values. spaCy
runs them through its general ``Matcher``, which tries every rule at every token: a tenth of the whole
parse. Here a rule with an exact value on one of its tokens is indexed by that value and tested only
where a token has it; the rest (operators, a rule with no exact value) still go through a ``Matcher``.
The matches, their order and so the attributes set are spaCy's own, only found faster. Patterns,
serialisation and scoring are the parent's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

from factiongraph.lexicons import VerbRelations, lexicon_model

# The token attributes whose value a lookup can compare: the same number in the pattern (a string's hash
# or a flag) and in ``Doc.to_array``. Others (MORPH's feature sets, LENGTH, extensions) stay matched.
_LOOKED_UP = ("TAG", "LOWER", "ORTH", "NORM", "DEP", "POS", "LEMMA", "SHAPE", "ENT_TYPE", "IS_SPACE", "IS_PUNCT")
_ALIASES = {"TEXT": "ORTH"}
# The value a rule is indexed by: the most selective attribute it has.
_INDEX_ORDER = ("LOWER", "ORTH", "NORM", "LEMMA", "TAG", "DEP", "POS", "SHAPE", "ENT_TYPE", "IS_SPACE", "IS_PUNCT")


@dataclass(frozen=True)
class _TokenTest:
    """What one token of a pattern must have: a value among or not among a set, or text a regex finds."""

    column: int
    among: frozenset[int] | None = None
    not_among: frozenset[int] | None = None
    regex: re.Pattern[str] | None = None

    def passes(self, vocab: Vocab, row: list[int]) -> bool:
        return self.accepts(vocab, row[self.column])

    def accepts(self, vocab: Vocab, value: int) -> bool:
        if self.among is not None:
            return value in self.among
        if self.not_among is not None:
            return value not in self.not_among
        return self.regex is not None and self.regex.search(vocab.strings[value]) is not None


@dataclass(frozen=True)
class _Rule:
    """A pattern found by lookup: the value of its ``anchor`` token's ``key`` test is looked up, then
    ``checks`` (the other tests, by their token's place in the pattern) decide. A one-token pattern with one
    test and no exact value (a regex) has no ``key``: its test is tried on each distinct value of the doc."""

    rule: int
    match_id: int
    length: int
    anchor: int
    key: _TokenTest | None
    checks: tuple[tuple[int, _TokenTest], ...]


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that finds its exact-value rules by lookup."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._reset_index()

    def _reset_index(self) -> None:
        self._matched = Matcher(self.vocab, validate=self.validate)
        self._index: dict[int, dict[int, list[_Rule]]] = {}
        self._scanned: list[_Rule] = []

    def clear(self) -> None:
        super().clear()
        self._reset_index()

    def add(self, patterns: Iterable[Sequence[dict[str, Any]]], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        for pattern in patterns:
            match_id = self.vocab.strings.add(str(rule))
            compiled = _compiled(self.vocab, pattern, rule, match_id)
            if compiled is None or not -len(pattern) <= index < len(pattern):
                self._matched.add(match_id, [pattern])
                continue
            if compiled.key is None:
                self._scanned.append(compiled)
                continue
            by_value = self._index.setdefault(compiled.key.column, {})
            for value in compiled.key.among or ():
                by_value.setdefault(value, []).append(compiled)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matched = self._matched(doc, allow_missing=True, as_spans=False) if len(self._matched) else []
        found = {(int(self.vocab.strings[match_id]), match_id, start, end) for match_id, start, end in matched}
        if not (self._index or self._scanned) or not len(doc):
            return sorted(found)
        rows = doc.to_array(list(_LOOKED_UP)).tolist()
        for compiled in self._scanned:
            ((_, test),) = compiled.checks
            column = [row[test.column] for row in rows]
            accepted = {value for value in set(column) if test.accepts(self.vocab, value)}
            found.update(
                (compiled.rule, compiled.match_id, position, position + 1)
                for position, value in enumerate(column)
                if value in accepted
            )
        for position, row in enumerate(rows):
            for column, by_value in self._index.items():
                for compiled in by_value.get(row[column], ()):
                    start = position - compiled.anchor
                    end = start + compiled.length
                    if start < 0 or end > len(rows):
                        continue
                    if not compiled.checks or all(
                        test.passes(self.vocab, rows[start + offset]) for offset, test in compiled.checks
                    ):
                        found.add((compiled.rule, compiled.match_id, start, end))
        return sorted(found)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """The parent's, without building a ``Span`` for every match."""
        for rule, match_id, start, end in matches:
            position = start + self.indices[rule] if self.indices[rule] >= 0 else end + self.indices[rule]
            if not start <= position < end:
                super().set_annotations(doc, [(rule, match_id, start, end)])  # raises spaCy's own error
            set_token_attrs(doc[position], self.attrs[rule])


def _compiled(vocab: Vocab, pattern: Sequence[dict[str, Any]], rule: int, match_id: int) -> _Rule | None:
    """A pattern as a lookup and tests, or None when a lookup cannot decide it (an operator, an attribute
    ``Doc.to_array`` does not give as the Matcher compares it, or no token with an exact value in a pattern of
    more than one test)."""
    tests: list[tuple[int, _TokenTest]] = []
    for offset, token in enumerate(pattern):
        token_tests = [_test(vocab, name, value) for name, value in token.items()]
        if not token_tests or None in token_tests:
            return None
        tests += [(offset, test) for test in token_tests if test is not None]
    keys = [(offset, test) for offset, test in tests if test.among is not None]
    if not keys:
        return _Rule(rule, match_id, 1, 0, None, tuple(tests)) if len(pattern) == 1 and len(tests) == 1 else None
    anchor, key = min(keys, key=lambda found: _INDEX_ORDER.index(_LOOKED_UP[found[1].column]))
    checks = tuple(found for found in tests if found != (anchor, key))
    return _Rule(rule, match_id, len(pattern), anchor, key, checks)


def _test(vocab: Vocab, name: str, value: Any) -> _TokenTest | None:
    attr = _ALIASES.get(name.upper(), name.upper())
    if attr not in _LOOKED_UP:
        return None
    column = _LOOKED_UP.index(attr)
    operator, argument = next(iter(value.items())) if isinstance(value, dict) and len(value) == 1 else ("", value)
    if operator == "REGEX":
        return _TokenTest(column, regex=re.compile(argument)) if isinstance(argument, str) else None
    values = _numbers(vocab, attr, [argument] if operator == "" else argument)
    if values is None or operator not in ("", "IN", "NOT_IN"):
        return None
    return _TokenTest(column, not_among=values) if operator == "NOT_IN" else _TokenTest(column, among=values)


def _numbers(vocab: Vocab, attr: str, values: Any) -> frozenset[int] | None:
    """Pattern values as ``Doc.to_array`` gives them: a flag as 0 or 1, a string as its hash."""
    if not isinstance(values, list) or not all(isinstance(v, str | bool | int) for v in values):
        return None
    if attr.startswith("IS_"):
        return frozenset(int(bool(v)) for v in values)
    return frozenset(vocab.strings.add(v) if isinstance(v, str) else int(v) for v in values)


@Language.factory(
    "fg_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable | None = attribute_ruler_score
) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@util.registry.misc("factiongraph.model_attribute_patterns.v1")
def model_attribute_patterns(model: str) -> list[dict[str, Any]]:
    """The attribute ruler patterns an installed spaCy model ships, read from its data directory."""
    package = util.get_package_path(model)
    meta = util.get_model_meta(package)
    data = Path(package) / f"{meta['lang']}_{meta['name']}-{meta['version']}" / "attribute_ruler" / "patterns"
    return srsly.read_msgpack(data)


@util.registry.misc("factiongraph.attribute_patterns.v1")
def attribute_patterns(model: str, verbs_path: str | None = None) -> list[dict[str, Any]]:
    """The model's patterns, then the lemmas of the verb forms its lemmatizer gets wrong ("retook" is not a
    lemma, "waged" not "wag"; ``verb_relations.json`` 'lemmas'): a later pattern's attributes win, and the
    lemmatizer keeps a lemma already set."""
    forms = lexicon_model(verbs_path, VerbRelations).lemmas
    fixes = [{"patterns": [[{"LOWER": form}]], "attrs": {"LEMMA": lemma}} for form, lemma in forms.items()]
    return model_attribute_patterns(model) + fixes
