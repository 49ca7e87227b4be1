"""Remove what is not the article: repeated captions, related-article lists, donation appeals."""

from __future__ import annotations

import re
from functools import cache

from factiongraph.lexicons import Boilerplate, lexicon_model


@cache
def _rules() -> tuple[float, re.Pattern[str], re.Pattern[str]]:
    rules = lexicon_model(None, Boilerplate)

    def whole_line(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("^(?:" + "|".join(patterns) + ")$", re.IGNORECASE)

    return rules.tail_fraction, whole_line(rules.cut_from), whole_line(rules.drop_line)


def strip_boilerplate(text: str) -> str:
    """The article's content: a repeated line kept once, the tail cut at its first boilerplate marker.

    Markers are only honoured in the last ``tail_fraction`` of the characters so that
    a heading inside the body never truncates the article.
    """
    tail_fraction, cut_from, drop_line = _rules()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    tail_start = int(len(text) * (1 - tail_fraction))
    seen: set[str] = set()
    kept: list[str] = []
    offset = 0
    for line in text.split("\n"):
        in_tail = offset >= tail_start
        offset += len(line) + 1
        stripped = line.strip()
        if in_tail and cut_from.match(stripped):
            break
        if stripped and (stripped in seen or (in_tail and drop_line.match(stripped))):
            continue
        seen.add(stripped)
        kept.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
