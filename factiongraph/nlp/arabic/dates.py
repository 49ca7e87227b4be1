"""``fg_ar_dates``: the Arabic expressions of time a sentence gives, as ``Temporal`` mentions.

The words come from ``date_rules.json``, the lexicon :func:`factiongraph.dates.resolve_time` reads,
so what is found here is what the resolver can date against the publication date: month names (MSA
and Levantine), weekdays ("الجمعة"), "أمس", "اليوم", "الشهر الماضي", "منذ عام 2017", years in
Western or Eastern Arabic digits. A run of such words holding an anchor (a month, a weekday, a day
word, a year, or a unit followed by "الماضي"/"الحالي") is trimmed to what the resolver reads.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from factiongraph.dates import TimeSpan, resolve_time
from factiongraph.keys import ARABIC_SCRIPT, EASTERN_DIGITS, name_key
from factiongraph.lexicons import DateRules, lexicon_model
from factiongraph.nlp.arabic.tokens import lexicon_parts
from factiongraph.nlp.spans import MENTIONS_KEY

_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_PROBE_DATE = "2000-06-15"
"""Any publication date: the resolver needs one to read a relative expression, only whether it reads is asked."""


def _keys(words: object) -> set[str]:
    """The keys of the Arabic words a section of the date rules holds, wherever they sit."""
    found: set[str] = set()
    if isinstance(words, str) and ARABIC_SCRIPT.search(words):
        found.update(name_key(w) for w in words.split())
    return found.union(*(_keys(part) for part in lexicon_parts(words)))


class ArabicDates:
    """Finds runs of date words holding an anchor and keeps the longest part the resolver reads."""

    def __init__(self, rules: DateRules) -> None:
        self.anchors = _keys(rules.months) | _keys(rules.weekdays) | _keys(list(rules.days.entries))
        never_alone = _keys(rules.never_alone)
        self.anchors -= never_alone
        self.units = _keys(rules.units)
        self.relative = _keys(rules.last) | _keys(rules.this)
        self.glue = set().union(
            *(
                _keys(section)
                for section in (
                    rules.prefixes,
                    rules.day_parts,
                    rules.since,
                    rules.until,
                    rules.onwards,
                    rules.range_from,
                    rules.range_to,
                )
            ),
            _keys(rules.range_between),
            _keys(rules.context),
            self.units,
            self.relative,
            never_alone,
        )

    def _anchor(self, doc: Doc, i: int) -> bool:
        key = doc[i].norm_
        if key in self.anchors or _YEAR.match(doc[i].text.translate(EASTERN_DIGITS)):
            return True
        return key in self.units and i + 1 < len(doc) and doc[i + 1].norm_ in self.relative

    def _glue(self, doc: Doc, i: int) -> bool:
        text = doc[i].text.translate(EASTERN_DIGITS)
        return doc[i].norm_ in self.glue or (text.isdigit() and len(text) <= 2)

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans[MENTIONS_KEY])
        taken = {i for m in mentions for i in range(m.start, m.end)}
        found = []
        i = 0
        while i < len(doc):
            if i in taken or not (self._anchor(doc, i) or self._glue(doc, i)):
                i += 1
                continue
            end = i
            while end < len(doc) and end not in taken and (self._anchor(doc, end) or self._glue(doc, end)):
                if doc[end].is_sent_start and end > i:
                    break
                end += 1
            if any(self._anchor(doc, k) for k in range(i, end)):
                span = self._readable(doc, i, end)
                if span is not None:
                    found.append(span)
            i = end
        if found:
            doc.spans[MENTIONS_KEY] = sorted(mentions + found, key=lambda m: m.start)
        return doc

    def _readable(self, doc: Doc, start: int, end: int) -> Span | None:
        """The longest part of the run, trimmed at either end, that the resolver dates."""
        for width in range(end - start, 0, -1):
            for begin in range(start, end - width + 1):
                if not any(self._anchor(doc, k) for k in range(begin, begin + width)):
                    continue
                read = resolve_time(doc[begin : begin + width].text, published=_PROBE_DATE)
                if read is not None:
                    return self._trimmed(doc, begin, begin + width, read)
        return None

    @staticmethod
    def _trimmed(doc: Doc, start: int, end: int, read: TimeSpan) -> Span:
        """Without the leading words the date does not need ("في", "خلال")."""
        while end - start > 1:
            shorter = resolve_time(doc[start + 1 : end].text, published=_PROBE_DATE)
            if shorter is None or (shorter.start, shorter.end) != (read.start, read.end):
                break
            start += 1
        return Span(doc, start, end, label="Temporal")


@Language.factory("fg_ar_dates", requires=["doc.spans"], assigns=["doc.spans"])
def make_arabic_dates(nlp: Language, name: str) -> ArabicDates:
    return ArabicDates(lexicon_model(None, DateRules))
