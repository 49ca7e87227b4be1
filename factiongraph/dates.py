"""Normalise a written date to an ISO prefix (``2022``, ``2022-05``, ``2022-05-14``) with its precision."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import dateparser

Precision = Literal["day", "month", "year", "interval", "unknown"]

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_YEAR = re.compile(r"^\d{4}$")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_ENGLISH_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_PARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]}


@dataclass(frozen=True)
class PartialDate:
    """A date known to a given precision; ``iso`` has only the parts the text gave."""

    iso: str
    precision: Precision


def parse_date(text: str, *, languages: tuple[str, ...] = ("en",)) -> PartialDate | None:
    """Read ``2022-05``, ``May 2022``, ``14 May 2022`` or ``2022``; ``None`` when no year is written.

    Relative dates ("two weeks ago", "last April") need the publication date and are
    not read here: dateparser would resolve them against today.
    """
    text = text.strip()
    iso = _ISO_PREFIX.match(text)
    if iso:
        year, month, day = iso.groups()
        if day:
            return PartialDate(f"{year}-{int(month):02d}-{int(day):02d}", "day")
        if month:
            return PartialDate(f"{year}-{int(month):02d}", "month")
        return PartialDate(year, "year")
    if _YEAR.match(text):
        return PartialDate(text, "year")
    year = _HAS_YEAR.search(text)
    if year is None:
        return None
    parsed = dateparser.parse(text, languages=list(languages), settings=_PARSER_SETTINGS)
    if parsed is None:
        return PartialDate(year.group(), "year")
    if _DAY_NUMBER.search(_HAS_YEAR.sub("", text)):
        return PartialDate(parsed.strftime("%Y-%m-%d"), "day")
    if _ENGLISH_MONTH.search(text):
        return PartialDate(parsed.strftime("%Y-%m"), "month")
    return PartialDate(parsed.strftime("%Y"), "year")
