"""Written dates to ISO prefixes with their precision."""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources

import pytest

from factiongraph import dates
from factiongraph.dates import PartialDate, TimeSpan, parse_date, resolve_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-05", PartialDate("2022-05", "month")),
        ("2022-5-3", PartialDate("2022-05-03", "day")),
        ("2014", PartialDate("2014", "year")),
        ("May 2022", PartialDate("2022-05", "month")),
        ("in July 2017", PartialDate("2017-07", "month")),
        ("14 May 2022", PartialDate("2022-05-14", "day")),
        ("March 23, 2019", PartialDate("2019-03-23", "day")),
        ("the end of 2016", PartialDate("2016", "year")),
    ],
)
def test_dates_absolute(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["two weeks ago", "October 20", "last April", "recently", "garbage"])
def test_dates_without_a_written_year_are_not_guessed(text: str) -> None:
    assert parse_date(text) is None


# --- resolve_time ---------------------------------------------------------------------------------------------------


def point(iso: str, precision: str, text: str) -> TimeSpan:
    return TimeSpan(iso, iso, precision, text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["2022-05", "2022-5-3", "2014", "May 2022", "in July 2017", "14 May 2022", "March 23, 2019", "the end of 2016"],
)
def test_time_absolute_dates_are_the_points_parse_date_reads(text: str) -> None:
    expected = parse_date(text)
    assert expected is not None
    assert resolve_time(text, published="2023-01-01") == point(expected.iso, expected.precision, text)
    assert resolve_time(text, published=None) == point(expected.iso, expected.precision, text)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("July 14th, 2017", "2017-07-14", "day"),
        ("14th of July 2017", "2017-07-14", "day"),
        ("Sept. 2019", "2019-09", "month"),
        ("late 2016", "2016", "year"),
        ("mid-2016", "2016", "year"),
    ],
)
def test_time_absolute_english_variants(text: str, iso: str, precision: str) -> None:
    assert resolve_time(text, published=None) == point(iso, precision, text)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        # Levantine month names: dateparser does not know them.
        ("في تموز 2017", "2017-07", "month"),
        ("أيلول 2021", "2021-09", "month"),
        ("كانون الثاني 2015", "2015-01", "month"),
        ("كانون الأول 2016", "2016-12", "month"),
        ("تشرين الأول 2015", "2015-10", "month"),
        ("تشرين الثاني 2019", "2019-11", "month"),
        ("شباط 2012", "2012-02", "month"),
        ("آذار 2011", "2011-03", "month"),
        ("ايار 2013", "2013-05", "month"),  # written without hamza
        ("14 تموز 2017", "2017-07-14", "day"),
        ("تشرين الأول ٢٠١٥", "2015-10", "month"),  # Eastern Arabic digits
        # Modern Standard Arabic month names.
        ("يوليو 2017", "2017-07", "month"),
        ("في يناير 2020", "2020-01", "month"),
        ("3 ديسمبر 2016", "2016-12-03", "day"),
        # Both names, as the Syrian press often writes them.
        ("تموز/يوليو 2017", "2017-07", "month"),
        ("تموز (يوليو) 2017", "2017-07", "month"),
        # Arabic placing words.
        ("في عام 2017", "2017", "year"),
        ("أواخر 2016", "2016", "year"),
    ],
)
def test_time_arabic_months(text: str, iso: str, precision: str) -> None:
    assert resolve_time(text, published=None) == point(iso, precision, text)


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("last April", "2022-05-14", "2022-04"),
        ("last April", "2022-03-01", "2021-04"),
        ("last April", "2022-04-20", "2021-04"),  # strictly before the publication month
        ("this past April", "2022-06", "2022-04"),
        ("this April", "2022-05-14", "2022-04"),
        ("in April", "2022-04-02", "2022-04"),  # the publication month itself
        ("in April", "2022-03-01", "2021-04"),  # not after publication
        ("April", "2022-12", "2022-04"),
        ("تموز الماضي", "2022-05-14", "2021-07"),
        ("في نيسان", "2022-05-14", "2022-04"),
        ("July last year", "2022-05-14", "2021-07"),
        ("July of last year", "2022-05-14", "2021-07"),
        ("تموز من العام الماضي", "2022-05-14", "2021-07"),
    ],
)
def test_time_months_without_a_year_count_from_publication(text: str, published: str, iso: str) -> None:
    assert resolve_time(text, published=published) == point(iso, "month", text)


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("October 20", "2022-05-14", "2021-10-20"),
        ("on 20 October", "2022-11-14", "2022-10-20"),
        ("May 14", "2022-05-14", "2022-05-14"),
        ("May 20", "2022-05-14", "2021-05-20"),  # would be after publication
    ],
)
def test_time_day_and_month_without_a_year(text: str, published: str, iso: str) -> None:
    assert resolve_time(text, published=published) == point(iso, "day", text)


@pytest.mark.parametrize(
    ("text", "published", "iso", "precision"),
    [
        ("last year", "2022-05-14", "2021", "year"),
        ("last year", "2022", "2021", "year"),
        ("this year", "2022-05", "2022", "year"),
        ("earlier this year", "2022-05-14", "2022", "year"),
        ("العام الماضي", "2022-05-14", "2021", "year"),
        ("السنة الماضية", "2022-05-14", "2021", "year"),
        ("هذا العام", "2022-05-14", "2022", "year"),
        ("last month", "2022-05-14", "2022-04", "month"),
        ("last month", "2022-01", "2021-12", "month"),
        ("this month", "2022-05-14", "2022-05", "month"),
        ("الشهر الماضي", "2022-01-10", "2021-12", "month"),
        ("two years ago", "2022-05-14", "2020", "year"),
        ("a decade ago", "2022", "2012", "year"),
        ("three months ago", "2022-02-14", "2021-11", "month"),
        ("3 months ago", "2022-05", "2022-02", "month"),
        ("ten days ago", "2022-05-14", "2022-05-04", "day"),
        ("two weeks ago", "2022-05-14", "2022-04-30", "day"),
    ],
)
def test_time_relative_years_months_and_counts(text: str, published: str, iso: str, precision: str) -> None:
    assert resolve_time(text, published=published) == point(iso, precision, text)


@pytest.mark.parametrize(
    ("text", "published", "iso", "precision"),
    [
        ("yesterday", "2022-05-14", "2022-05-13", "day"),
        ("yesterday", "2022-05-01", "2022-04-30", "day"),
        ("today", "2022-05-14", "2022-05-14", "day"),
        ("the day before yesterday", "2022-05-14", "2022-05-12", "day"),
        ("last night", "2022-05-14", "2022-05-13", "day"),
        ("أمس", "2022-05-14", "2022-05-13", "day"),
        ("last week", "2022-05-14", "2022-05-07", "day"),  # seven days before, dateparser's convention
        ("الأسبوع الماضي", "2022-05-14", "2022-05-07", "day"),
        # 2022-05-14 is a Saturday, 2022-05-16 a Monday.
        ("on Monday", "2022-05-14", "2022-05-09", "day"),
        ("on Monday", "2022-05-16", "2022-05-16", "day"),
        ("last Monday", "2022-05-16", "2022-05-09", "day"),
        ("Friday night", "2022-05-14", "2022-05-13", "day"),
        ("يوم الجمعة", "2022-05-14", "2022-05-13", "day"),
        ("yesterday", "2022-05-14T09:30:00Z", "2022-05-13", "day"),  # a full timestamp is fine
        # Without the publication day only the month is trusted.
        ("yesterday", "2022-05", "2022-05", "month"),
        ("last week", "2022-05", "2022-05", "month"),
        ("on Monday", "2022-05", "2022-05", "month"),
    ],
)
def test_time_relative_days(text: str, published: str, iso: str, precision: str) -> None:
    assert resolve_time(text, published=published) == point(iso, precision, text)


def test_time_this_week_is_bounded_by_its_monday_and_publication() -> None:
    expected = TimeSpan("2022-05-09", "2022-05-14", "unknown", "this week")
    assert resolve_time("this week", published="2022-05-14") == expected


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [("قبل شهرين", "2022-03", "month"), ("قبل أسبوعين", "2022-04-30", "day")],
)
def test_time_arabic_relatives_our_rules_lack_go_to_dateparser_from_publication(
    text: str, iso: str, precision: str
) -> None:
    assert resolve_time(text, published="2022-05-14", languages=("ar",)) == point(iso, precision, text)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("last April", None),
        ("yesterday", None),
        ("two years ago", None),
        ("since last year", None),
        ("last April", "2022"),  # a year alone cannot say which April
        ("last month", "2022"),
        ("yesterday", "2022"),
        ("yesterday", "not a date"),
        ("April this year", "2022-03-01"),  # would be after publication
        ("next year", "2022-05-14"),
        ("in three days", "2022-05-14"),
        ("last decade", "2022-05-14"),
    ],
)
def test_time_relative_needs_a_publication_date_and_stays_before_it(text: str, published: str | None) -> None:
    assert resolve_time(text, published=published) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since 2017", "2017", None),
        ("since July 2017", "2017-07", None),
        ("ever since March 2011", "2011-03", None),
        ("from 2017 onwards", "2017", None),
        ("منذ 2017", "2017", None),
        ("منذ تموز 2017", "2017-07", None),
        ("from 2014 to 2017", "2014", "2017"),
        ("between 2014 and 2017", "2014", "2017"),
        ("2014-2017", "2014", "2017"),
        ("2014–2017", "2014", "2017"),
        ("April 2017 to May 2018", "2017-04", "2018-05"),
        ("July 2014 - March 2017", "2014-07", "2017-03"),
        ("from March to July 2017", "2017-03", "2017-07"),  # the start borrows the end's year
        ("from 3 to 5 July 2017", "2017-07-03", "2017-07-05"),
        ("from early 2014 to late 2016", "2014", "2016"),
        ("من 2014 إلى 2017", "2014", "2017"),
        ("بين عامي 2014 و2017", "2014", "2017"),
        ("بين تموز وآب 2017", "2017-07", "2017-08"),
        ("until July 2017", None, "2017-07"),
        ("till 2017", None, "2017"),
        ("up to 2019", None, "2019"),
        ("حتى أيلول 2021", None, "2021-09"),
    ],
)
def test_time_intervals(text: str, start: str | None, end: str | None) -> None:
    assert resolve_time(text, published=None) == TimeSpan(start, end, "interval", text)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since last year", "2021", None),
        ("since April", "2022-04", None),
        ("from last April to this month", "2022-04", "2022-05"),
    ],
)
def test_time_intervals_with_relative_ends(text: str, start: str | None, end: str | None) -> None:
    assert resolve_time(text, published="2022-05-14") == TimeSpan(start, end, "interval", text)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("recently", "2022-05-14", TimeSpan(None, "2022-05-14", "unknown", "recently")),
        ("in recent weeks", "2022-05", TimeSpan(None, "2022-05", "unknown", "in recent weeks")),
        ("مؤخراً", "2022-05-14", TimeSpan(None, "2022-05-14", "unknown", "مؤخراً")),
        ("recently", None, None),
        ("at the time", "2022-05-14", None),
        ("آنذاك", "2022-05-14", None),
        ("in the 2010s", "2022-05-14", None),
        ("the early 1990s", None, None),
        ("from 2017 to 2014", None, None),  # contradicts itself
        ("garbage", "2022-05-14", None),
        ("from Aleppo to Idlib", "2022-05-14", None),
        ("October 20", None, None),
        ("", "2022-05-14", None),
    ],
)
def test_time_vague_contextual_and_unreadable(text: str, published: str | None, expected: TimeSpan | None) -> None:
    assert resolve_time(text, published=published) == expected


def test_dates_impossible_iso_months_are_not_dates() -> None:
    assert parse_date("2022-13") is None
    assert resolve_time("2022-13", published=None) is None


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("July 2017", None),
        ("14 May 2022", None),
        ("في تموز 2017", None),
        ("since July 2017", None),
        ("between 2014 and 2017", None),
        ("last April", "2022-05-14"),
        ("two years ago", "2022-05-14"),
        ("on Monday", "2022-05-14"),
        ("recently", "2022-05-14"),
    ],
)
def test_time_common_forms_do_not_need_dateparser(
    monkeypatch: pytest.MonkeyPatch, text: str, published: str | None
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateparser called")

    monkeypatch.setattr(dates.dateparser, "parse", refuse)
    monkeypatch.setattr(dates, "DateDataParser", refuse)
    assert resolve_time(text, published=published) is not None


def test_time_dateparser_is_told_the_languages_and_the_publication_date(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    real = dates.DateDataParser

    def spy(**kwargs: object) -> object:
        seen.update(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(dates, "DateDataParser", spy)
    span = resolve_time("قبل شهرين", published="2020-01-10", languages=("ar",))
    assert span == point("2019-11", "month", "قبل شهرين")
    assert seen["languages"] == ["ar"]
    assert seen["settings"]["RELATIVE_BASE"] == datetime(2020, 1, 10)  # type: ignore[index]


def test_time_lexicon_names_every_month_in_english_msa_and_levantine_arabic() -> None:
    lexicon = json.loads((resources.files("factiongraph") / "data" / "lexicons" / "date_rules.json").read_text("utf-8"))
    assert "$comment" in lexicon
    months = {int(k): names for k, names in lexicon["months"].items() if k != "$comment"}
    assert sorted(months) == list(range(1, 13))
    assert all(len([n for n in names if n.isascii()]) >= 1 for names in months.values())
    assert all(len([n for n in names if not n.isascii()]) >= 2 for names in months.values())
