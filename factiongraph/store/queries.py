"""Read-side queries over the store that more than one layer needs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Sized
from typing import Any

from sqlite_utils import Database


def entity_candidates(
    db: Database, name_keys: list[str], translit_keys: list[str], entity_type: str
) -> list[tuple[str, str, bool]]:
    """Stored entities of ``entity_type`` with a name whose key, or transliteration key, is one of those given.

    Each candidate is ``(entity key, the alias's name key, whether the name key itself matched)``.
    """
    if not name_keys and not translit_keys:
        return []
    names, skeletons = placeholders(name_keys), placeholders(translit_keys)
    rows = db.execute(
        f"SELECT DISTINCT e.key, a.name_key, a.name_key IN ({names or 'NULL'}) FROM aliases a "
        f"JOIN entities e ON e.id = a.entity_id "
        f"WHERE (a.name_key IN ({names or 'NULL'}) OR a.translit_key IN ({skeletons or 'NULL'})) AND e.type = ?",
        [*name_keys, *name_keys, *translit_keys, entity_type],
    ).fetchall()
    return [(key, alias_key, bool(exact)) for key, alias_key, exact in rows]


def entity_ids_for_name(db: Database, name_key: str) -> list[int]:
    """Ids of entities with a name whose key is ``name_key``, most mentioned first."""
    rows = db.execute(
        "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id "
        "LEFT JOIN entity_mentions m ON m.entity_id = e.id WHERE a.name_key = ? "
        "GROUP BY e.id ORDER BY COALESCE(MAX(m.mentions), 0) DESC, e.id",
        [name_key],
    ).fetchall()
    return [r[0] for r in rows]


def placeholders(values: Sized) -> str:
    """``?,?,?``: one SQL parameter mark per value, for ``IN (...)``."""
    return ",".join("?" * len(values))


def sentence_sql(t: str) -> str:
    """SQL for the sentence that says the fact aliased ``t``: its evidence offsets into the text of ``documents d``."""
    return f"substr(d.text, {t}.evidence_begin + 1, {t}.evidence_end - {t}.evidence_begin)"


def grouped(rows: Iterable[Sequence[Any]]) -> dict[Any, list[Any]]:
    """``(id, value)`` or ``(id, a, b, ...)`` rows as id -> values, in row order: the many side of a join."""
    groups: dict[Any, list[Any]] = {}
    for first, *rest in rows:
        groups.setdefault(first, []).append(rest[0] if len(rest) == 1 else tuple(rest))
    return groups


def window_clause(start_sql: str, end_sql: str, start: str | None, end: str | None) -> tuple[str, list[object]]:
    """SQL keeping facts whose date span ``start_sql``..``end_sql`` meets the window ``start``..``end``.

    Dates are ISO prefixes, so "2017-07" is in a window ending "2017" and one starting "2017-07-15". A date
    within the end's prefix compares below the end followed by :data:`AFTER_ANY_DATE`, so both bounds are plain
    comparisons of the columns an index can range over.
    """
    clauses, params = ["1"], []
    if start:
        clauses.append(f"{end_sql} >= ?")
        params.append(start)
    if end:
        clauses.append(f"{start_sql} < ?")
        params.append(end + AFTER_ANY_DATE)
    return " AND ".join(clauses), params


def window_parts(start_sql: str, end_sql: str, start: str | None, end: str | None) -> list[tuple[str, list[object]]]:
    """:func:`window_clause` split in two conditions that each range over an index led by ``start_sql``: facts
    that began before the window and run into it (only a span, ``end_sql > start_sql``, can), then those that
    begin inside it. Together they keep exactly what :func:`window_clause` keeps, and every fact of the first
    comes before every fact of the second in date order, so a list ordered by date reads one, then the other.
    A window with no start is one condition already."""
    if not start:
        return [window_clause(start_sql, end_sql, start, end)]
    before_end, end_params = (f" AND {start_sql} < ?", [end + AFTER_ANY_DATE]) if end else ("", [])
    return [
        (f"{end_sql} > {start_sql} AND {end_sql} >= ? AND {start_sql} < ?{before_end}", [start, start, *end_params]),
        (f"{start_sql} >= ? AND {end_sql} >= ?{before_end}", [start, start, *end_params]),
    ]


AFTER_ANY_DATE = "\U0010ffff"
"""The last code point: after any character a stored date has, so ``date < "2017" + AFTER_ANY_DATE`` holds
exactly when the date's first four characters are at most "2017"."""


def published_window(t: str, start: str | None, end: str | None) -> tuple[str, list[object]]:
    """:func:`window_clause` over the dates of the fact aliased ``t``, an undated one counting at its
    article's publication date (which every fact carries since migration 0006)."""
    return window_clause(
        f"COALESCE({t}.when_start, {t}.when_end, {t}.published)",
        f"COALESCE({t}.when_end, {t}.when_start, {t}.published)",
        start,
        end,
    )
