"""Written dates to ISO prefixes with their precision."""

from __future__ import annotations

import pytest

from factiongraph.dates import PartialDate, parse_date


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
