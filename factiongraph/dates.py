"""Normalise a written date to an ISO prefix (``2022``, ``2022-05``, ``2022-05-14``) with its precision."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

import dateparser
from dateparser.date import DateDataParser

from factiongraph.keys import ARABIC_LETTER_FOLDS, ARABIC_MARKS, EASTERN_DIGITS
from factiongraph.lexicons import DateRules, lexicon_model

Precision = Literal["day", "month", "year", "interval", "unknown"]

# ASCII digits only: an ISO prefix is compared as a string, so "٢٠١٩" must become "2019" first (EASTERN_DIGITS).
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", re.ASCII)
_YEAR = re.compile(r"^\d{4}$", re.ASCII)
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)", re.ASCII)
_ENGLISH_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)", re.ASCII)
_PARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]}


@dataclass(frozen=True)
class PartialDate:
    """A date known to a given precision; ``iso`` has only the parts the text gave."""

    iso: str
    precision: Precision


def parse_date(text: str, *, languages: tuple[str, ...] = ("en",)) -> PartialDate | None:
    """Read ``2022-05``, ``May 2022``, ``14 May 2022`` or ``2022``; ``None`` when no year is written.

    Relative dates ("two weeks ago", "last April") need the publication date and are
    not read here: dateparser would resolve them against today. Arabic-Indic digits read as ASCII ones.
    """
    text = text.strip().translate(EASTERN_DIGITS)
    iso = _ISO_PREFIX.match(text)
    if iso:
        year, month, day = iso.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:  # "2022-13" is a typo or a range, not a date
            return None
        if day:
            return PartialDate(f"{year}-{int(month):02d}-{int(day):02d}", "day")
        if month:
            return PartialDate(f"{year}-{int(month):02d}", "month")
        return PartialDate(year, "year")
    if _YEAR.match(text):
        return PartialDate(text, "year") if int(text) else None
    year = _HAS_YEAR.search(text)
    if year is None or not int(year.group()):
        return None
    parsed = dateparser.parse(text, languages=list(languages), settings=_PARSER_SETTINGS)
    if parsed is None or f"{parsed.year:04d}" not in _HAS_YEAR.findall(text):
        # dateparser found some other year: "2017 year" read as 2017 years before today (the year 9)
        return PartialDate(year.group(), "year")
    iso = parsed.date().isoformat()  # zero-padded, where strftime("%Y") writes the year 999 as "999"
    if _DAY_NUMBER.search(_HAS_YEAR.sub("", text)):
        return PartialDate(iso, "day")
    if _ENGLISH_MONTH.search(text):
        return PartialDate(iso[:7], "month")
    return PartialDate(iso[:4], "year")


# --- Time spans: absolute, relative to publication, and intervals -------------------------------------------------


@dataclass(frozen=True)
class TimeSpan:
    """When a fact holds: a point (start == end for day/month/year precision), an interval, or open ends.

    ``precision`` "interval" means the fact holds from ``start`` to ``end`` (either may be open, ``None``);
    "unknown" means only bounds are known: the fact falls somewhere between ``start`` and ``end``.
    """

    start: str | None  # ISO prefix: 2017, 2017-07, 2017-07-14
    end: str | None
    precision: Precision  # day | month | year | interval | unknown
    text: str  # the words it was read from


@dataclass(frozen=True)
class _Published:
    """The publication date, known to a year, a month or a day."""

    year: int
    month: int | None
    day: int | None

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def anchor(self) -> date:
        """A day to count from; mid-month when only the month is known, so small offsets stay in it."""
        return date(self.year, self.month or 7, self.day or 15)


_ARABIC_COMMA = str.maketrans({"،": ","})
_EDGE_PUNCTUATION = " \t\n.,;:!?\"'()[]«»“”‘’"
_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DECADE = re.compile(r"(?<!\d)\d{3}0s\b|(?<!\w)'\d0s\b")
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY = r"\d{1,2}"


def _normalise(text: str) -> str:
    """Lower-case, unify Arabic spellings and digits, trim edge punctuation: lexicon and input meet halfway."""
    text = ARABIC_MARKS.sub("", text.lower()).translate(ARABIC_LETTER_FOLDS).translate(_ARABIC_COMMA)
    text = text.translate(EASTERN_DIGITS)
    return " ".join(text.split()).strip(_EDGE_PUNCTUATION)


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so 'march' wins over 'mar' and 'the end of' over 'of'."""
    return "|".join(re.escape(w) for w in sorted({_normalise(w) for w in words}, key=len, reverse=True))


@dataclass(frozen=True)
class _Rules:
    """The compiled lexicon; built once because the regexes are large alternations."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    days: dict[str, int]
    last_words: frozenset[str]
    context: frozenset[str]
    recent: frozenset[str]
    absolute: re.Pattern[str]
    month_day: re.Pattern[str]
    month_of_relative_year: re.Pattern[str]
    weekday: re.Pattern[str]
    unit: re.Pattern[str]
    ago: re.Pattern[str]
    prefix: re.Pattern[str]
    range_from_to: re.Pattern[str]
    range_between: re.Pattern[str]
    range_dash: re.Pattern[str]
    since: re.Pattern[str]
    until: re.Pattern[str]
    has_month: re.Pattern[str]


def _by_number(section: dict[str, list[str]]) -> dict[str, int]:
    """Invert ``{"7": ["july", "تموز"]}`` to ``{"july": 7, "تموز": 7}``."""
    return {_normalise(name): int(number) for number, names in section.items() for name in names}


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Read ``date_rules.json`` once and compile its vocabulary into the patterns the resolver uses."""
    lexicon = lexicon_model(None, DateRules)
    months = _by_number(lexicon.months.entries)
    weekdays = _by_number(lexicon.weekdays.entries)
    numbers = {_normalise(k): int(v) for k, v in lexicon.numbers.entries.items()}
    units = {_normalise(w): unit for unit, forms in lexicon.units.entries.items() for w in forms}
    days = {_normalise(k): int(v) for k, v in lexicon.days.entries.items()}
    month = f"(?:{_alternation(list(months))})\\.?"
    last_before, last_after = _alternation(lexicon.last.before), _alternation(lexicon.last.after)
    this_before, this_after = _alternation(lexicon.this.before), _alternation(lexicon.this.after)
    day_part = _alternation(lexicon.day_parts.words)
    unit = _alternation(list(units))
    count = f"\\d+|{_alternation(list(numbers))}"
    day_month = (
        f"(?:(?P<day1>{_DAY}){_ORDINAL}\\s+(?:of\\s+)?)?(?P<month>{month})"
        f"(?:\\s*[/(]\\s*(?P<month2>{month})\\s*\\)?)?(?:\\s+(?P<day2>{_DAY}){_ORDINAL})?"
    )
    # a relative word before or after what it places in time: "last Friday", "Friday last", "this month"
    before = f"(?P<before>{last_before}|{this_before})"
    after = f"(?P<after>{last_after}|{this_after})"
    last_words = {_normalise(w) for w in lexicon.last.before + lexicon.last.after}
    return _Rules(
        months=months,
        weekdays=weekdays,
        numbers=numbers,
        units=units,
        days=days,
        last_words=frozenset(last_words),
        context=frozenset(_normalise(w) for w in lexicon.context.words),
        recent=frozenset(_normalise(w) for w in lexicon.recent.words),
        absolute=re.compile(f"^{day_month},?\\s+(?:of\\s+)?(?P<year>\\d{{4}})$"),
        month_day=re.compile(f"^(?:{before}\\s+)?{day_month}(?:\\s+{after})?$"),
        month_of_relative_year=re.compile(
            f"^{day_month},?\\s+(?:(?:{_alternation(lexicon.month_year_joiners.words)})\\s+)?(?P<rest>.+)$"
        ),
        weekday=re.compile(
            f"^(?:{before}\\s+)?(?:(?:{day_part})\\s+)*"
            f"(?P<weekday>{_alternation(list(weekdays))})(?:\\s+(?:{day_part}))*"
            f"(?:\\s+{after})?$"
        ),
        unit=re.compile(f"^(?:{before}\\s+(?P<unit1>{unit})|(?P<unit2>{unit})\\s+{after})$"),
        ago=re.compile(f"^(?P<count>{count})\\s+(?P<unit>{unit})\\s+(?:{_alternation(lexicon.ago.words)})$"),
        prefix=re.compile(f"^(?:{_alternation(lexicon.prefixes.words)})(?:\\s+|-)(?P<rest>.+)$"),
        range_from_to=re.compile(
            f"^(?:(?:{_alternation(lexicon.range_from.words)})\\s+)?(?P<a>.+?)"
            f"\\s+(?:{_alternation(lexicon.range_to.words)})\\s+(?P<b>.+)$"
        ),
        range_between=re.compile(
            f"^(?:{_alternation(lexicon.range_between.words)})\\s+(?P<a>.+?)"
            f"\\s+(?:{_alternation(lexicon.range_and.words)})\\s*(?P<b>.+)$"
        ),
        range_dash=re.compile(r"^(?P<a>\d{4})\s*[-–—]\s*(?P<b>\d{4})$|^(?P<a2>.+?)\s+[-–—]\s+(?P<b2>.+)$"),
        since=re.compile(
            f"^(?:{_alternation(lexicon.since.words)})\\s+(?P<a>.+?)(?:\\s+(?:{_alternation(lexicon.onwards.words)}))?$"
        ),
        until=re.compile(f"^(?:{_alternation(lexicon.until.words)})\\s+(?P<b>.+)$"),
        has_month=re.compile(f"(?<!\\w)(?:{_alternation(list(months))})(?!\\w)"),
    )


def _parse_published(published: str | None) -> _Published | None:
    """Accept an ISO prefix or a full ISO timestamp; anything unreadable counts as unknown."""
    match = _PUBLISHED.match(published.strip()) if published else None
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return _Published(year, month, day)


def _point(iso: str, precision: Precision, text: str) -> TimeSpan:
    return TimeSpan(iso, iso, precision, text)


def _year_point(year: int, text: str) -> TimeSpan | None:
    """A year counted back from publication, if the calendar has it ("2023 years ago" has none)."""
    return _point(f"{year:04d}", "year", text) if 1 <= year <= 9999 else None


def _month_point(year: int, month: int, text: str) -> TimeSpan | None:
    return _point(f"{year:04d}-{month:02d}", "month", text) if 1 <= year <= 9999 else None


def _days_before(anchor: date, days: int) -> date | None:
    """``days`` before ``anchor``, or None past the calendar's start ("99999999 days ago")."""
    try:
        return anchor - timedelta(days=days)
    except OverflowError:
        return None


def _later(iso: str, published: _Published) -> bool:
    """True when ``iso`` is after publication at the precision both share (zero-padded ISO sorts as text)."""
    bound = published.iso
    shared = min(len(iso), len(bound))
    return iso[:shared] > bound[:shared]


def _day_or_month(day: date, published: _Published, text: str) -> TimeSpan | None:
    """A day when publication gives the day; otherwise only its month can be trusted."""
    if published.month is None:
        return None
    if published.day is None:
        return _point(day.isoformat()[:7], "month", text)
    return _point(day.isoformat(), "day", text)


def _shift_month(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


def _month_day(year: int, month: int, day: int | None, text: str) -> TimeSpan | None:
    if day is None:
        return _month_point(year, month, text)
    try:
        return _point(date(year, month, day).isoformat(), "day", text)
    except ValueError:
        return None


def _month_number(rules: _Rules, match: re.Match[str]) -> int | None:
    """The month of a match; a doubled name ("تموز/يوليو") must agree with itself."""
    month = rules.months[match["month"].rstrip(".")]
    second = match["month2"]
    if second is not None and rules.months[second.rstrip(".")] != month:
        return None
    return month


def _day_number(match: re.Match[str]) -> int | None:
    if match["day1"] and match["day2"]:
        return None
    found = match["day1"] or match["day2"]
    return int(found) if found else None


def _absolute(text: str, raw: str) -> TimeSpan | None:
    """ISO prefixes and month names with a written year in any lexicon language, without calling dateparser."""
    if _ISO_PREFIX.match(text):
        partial = parse_date(text)
        return _point(partial.iso, partial.precision, raw) if partial else None
    rules = _rules()
    match = rules.absolute.match(text)
    if match is None:
        return None
    month = _month_number(rules, match)
    if month is None:
        return None
    return _month_day(int(match["year"]), month, _day_number(match), raw)


class _Unreadable(ValueError):
    """A rule recognised the expression but cannot place it ('from 2017 to 2014', 'last April' published in 2022
    with no month, 'last decade'): no later rule, and above all not dateparser, may guess instead."""


def _relative(text: str, published: _Published | None, raw: str) -> TimeSpan | None:
    """Expressions counted from publication; ``None`` if no rule knows the form, never later than publication."""
    if published is None:
        return None
    span = _relative_unchecked(text, published, raw)
    if span is not None and span.start is not None and _later(span.start, published):
        raise _Unreadable(raw)
    return span


def _relative_unchecked(text: str, published: _Published, raw: str) -> TimeSpan | None:
    """``None`` when no relative form matches; raises when one matches but publication cannot place it."""
    rules = _rules()
    span: TimeSpan | None
    if text in rules.days:
        span = _day_or_month(published.anchor + timedelta(days=rules.days[text]), published, raw)
    elif match := rules.unit.match(text):
        span = _last_or_this_unit(rules, match, published, raw)
    elif match := rules.ago.match(text):
        span = _ago(rules, match, published, raw)
    elif match := rules.weekday.match(text):
        span = _weekday(rules, match, published, raw)
    elif match := rules.month_day.match(text):
        span = _month_without_year(rules, match, published, raw)
    elif (match := rules.month_of_relative_year.match(text)) and (year := _relative_year(match["rest"], published)):
        month = _month_number(rules, match)
        span = _month_day(int(year), month, _day_number(match), raw) if month else None
    else:
        return None
    if span is None:
        raise _Unreadable(raw)
    return span


def _relative_year(text: str, published: _Published) -> str | None:
    """The year of 'last year' / 'two years ago' / 'العام الماضي', for 'July last year'; ``None`` for anything else."""
    try:
        span = _relative_unchecked(text, published, text)
    except _Unreadable:
        return None
    return span.start if span is not None and span.precision == "year" else None


def _last_or_this_unit(rules: _Rules, match: re.Match[str], published: _Published, raw: str) -> TimeSpan | None:
    """'last year', 'this month', 'last week', 'العام الماضي', 'هذا العام'."""
    unit = rules.units[match["unit1"] or match["unit2"]]
    last = (match["before"] or match["after"]) in rules.last_words
    if unit == "year":
        return _year_point(published.year - int(last), raw)
    if unit == "month" and published.month is not None:
        return _month_point(*_shift_month(published.year, published.month, int(last)), raw)
    if unit == "week" and last:
        week_before = _days_before(published.anchor, 7)
        return _day_or_month(week_before, published, raw) if week_before else None
    if unit == "week" and published.day is not None:
        monday = published.anchor - timedelta(days=published.anchor.weekday())
        return TimeSpan(monday.isoformat(), published.iso, "unknown", raw)
    if unit == "week":
        return _day_or_month(published.anchor, published, raw)
    return None


def _ago(rules: _Rules, match: re.Match[str], published: _Published, raw: str) -> TimeSpan | None:
    """'two years ago' (year), 'three months ago' (month), 'ten days ago' (day, or month if that is all we know)."""
    count = int(match["count"]) if match["count"].isdigit() else rules.numbers[match["count"]]
    unit = rules.units[match["unit"]]
    if unit in ("year", "decade"):
        return _year_point(published.year - count * (10 if unit == "decade" else 1), raw)
    if unit == "month":
        if published.month is None:
            return None
        return _month_point(*_shift_month(published.year, published.month, count), raw)
    day = _days_before(published.anchor, count * (7 if unit == "week" else 1))
    return _day_or_month(day, published, raw) if day else None


def _weekday(rules: _Rules, match: re.Match[str], published: _Published, raw: str) -> TimeSpan | None:
    """'on Monday' is the latest Monday up to publication; 'last Monday' the latest one before it."""
    if published.month is None:
        return None
    back = (published.anchor.weekday() - rules.weekdays[match["weekday"]]) % 7
    if back == 0 and (match["before"] or match["after"]) in rules.last_words:
        back = 7
    day = _days_before(published.anchor, back)
    return _day_or_month(day, published, raw) if day else None


def _month_without_year(rules: _Rules, match: re.Match[str], published: _Published, raw: str) -> TimeSpan | None:
    """'last April' is strictly before the publication month; 'April'/'this April' may be the publication month."""
    if published.month is None:
        return None
    month = _month_number(rules, match)
    if month is None:
        return None
    day = _day_number(match)
    written = (month, day or 0)
    bound = (published.month, (published.day or 31) if day else 0)
    last = (match["before"] or match["after"]) in rules.last_words
    year = published.year if (written < bound if last else written <= bound) else published.year - 1
    return _month_day(year, month, day, raw)


def _strippings(text: str) -> list[str]:
    """The text, then the text without each leading placing word ('in', 'late', 'the end of', 'في')."""
    rules = _rules()
    found = [text]
    while match := rules.prefix.match(found[-1]):
        found.append(match["rest"])
    return found


def _endpoint(text: str, published: _Published | None, languages: tuple[str, ...]) -> TimeSpan | None:
    """One end of an interval: any absolute or relative point, but no nested interval."""
    for candidate in _strippings(text):
        span = _absolute(candidate, text) or _relative(candidate, published, text)
        if span is not None:
            return span
    if _HAS_YEAR.search(text):
        partial = parse_date(text, languages=languages)
        if partial is not None:
            return _point(partial.iso, partial.precision, text)
    return None


def _borrow_year(start: str, end: str) -> str:
    """'from March to July 2017': the start takes the end's year (and month, for 'from 3 to 5 July 2017')."""
    if _HAS_YEAR.search(start):
        return start
    year = _HAS_YEAR.search(end)
    if year is None:
        return start
    if _rules().has_month.search(start):
        return f"{start} {year.group()}"
    day_first = re.match(rf"^\d{{1,2}}{_ORDINAL}\s+(\D.*)$", end)
    if re.fullmatch(rf"\d{{1,2}}{_ORDINAL}", start) and day_first:
        return f"{start} {day_first.group(1)}"
    return start


def _interval(text: str, published: _Published | None, languages: tuple[str, ...], raw: str) -> TimeSpan | None:
    """'from 2014 to 2017', 'between 2014 and 2017', '2014-2017', 'since July 2017', 'until 2017'."""
    rules = _rules()
    for pattern in (rules.range_from_to, rules.range_between, rules.range_dash):
        match = pattern.match(text)
        if match is None:
            continue
        a, b = match["a"] or match.groupdict().get("a2"), match["b"] or match.groupdict().get("b2")
        start = _endpoint(_borrow_year(a, b), published, languages)
        end = _endpoint(b, published, languages)
        if start is None or end is None or start.start is None or end.end is None:
            continue
        shared = min(len(start.start), len(end.end))
        if start.start[:shared] > end.end[:shared]:
            raise _Unreadable(raw)
        return TimeSpan(start.start, end.end, "interval", raw)
    if match := rules.since.match(text):
        start = _endpoint(match["a"], published, languages)
        if start is not None and start.start is not None:
            return TimeSpan(start.start, None, "interval", raw)
    if match := rules.until.match(text):
        end = _endpoint(match["b"], published, languages)
        if end is not None and end.end is not None:
            return TimeSpan(None, end.end, "interval", raw)
    return None


_FALLBACK_PRECISION: dict[str, Precision] = {
    "time": "day",
    "day": "day",
    "week": "day",
    "month": "month",
    "year": "year",
}


def _dateparser_relative(text: str, published: _Published, languages: tuple[str, ...]) -> TimeSpan | None:
    """Last resort for relative forms our rules lack ('قبل شهرين'), counted from publication, never from today."""
    if published.month is None:
        return None
    settings = {
        "RELATIVE_BASE": datetime.combine(published.anchor, datetime.min.time()),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    data = DateDataParser(languages=list(languages), settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    precision = _FALLBACK_PRECISION.get(data.period or "day", "day")
    if precision == "day" and published.day is None:
        precision = "month"
    iso = data.date_obj.date().isoformat()[: {"day": 10, "month": 7}.get(precision, 4)]
    return None if _later(iso, published) else _point(iso, precision, text)


def resolve_time(text: str, *, published: str | None, languages: tuple[str, ...] = ("en",)) -> TimeSpan | None:
    """Read a temporal expression against the article's publication date (ISO prefix, may be None).

    Absolute dates (anything ``parse_date`` reads, plus Arabic month names with a year) become points.
    Relative ones ("last April", "two years ago", "on Monday", "العام الماضي") are counted from ``published``
    and are ``None`` without it, or when they would fall after it. "since X" / "until X" / "from X to Y"
    become intervals. "recently" becomes ``TimeSpan(None, published, "unknown")``: all we know is that it was
    no later than publication; "this week" likewise gives its Monday and publication as bounds ("unknown").
    "at the time" and decades ("the 1990s") are ``None``: only the caller knows the story's time, and a decade
    is not a date. Day-level relatives ("yesterday", "last week" = seven days before) give a day when
    ``published`` has one, else the month they fall in. The lexicon rules read English and Arabic whatever
    ``languages`` says (the scripts do not collide); ``languages`` is what dateparser is allowed to try.
    """
    raw = text.strip()
    normalised = _normalise(raw)
    rules = _rules()
    if not normalised or normalised in rules.context or _DECADE.search(normalised):
        return None
    pub = _parse_published(published)
    if normalised in rules.recent:
        return TimeSpan(None, pub.iso, "unknown", raw) if pub else None
    try:
        for candidate in _strippings(normalised):
            span = _interval(candidate, pub, languages, raw) or _absolute(candidate, raw)
            span = span or _relative(candidate, pub, raw)
            if span is not None:
                return span
    except _Unreadable:
        return None
    if _HAS_YEAR.search(normalised):
        partial = parse_date(raw.translate(EASTERN_DIGITS), languages=languages)
        return _point(partial.iso, partial.precision, raw) if partial else None
    return _dateparser_relative(raw, pub, languages) if pub else None
