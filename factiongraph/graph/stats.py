"""What a store holds, in counts and a date range: the UI's header and the bounds of its time slider."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class Stats:
    """Counts of each kind of record, and the span of their dates."""

    documents: int
    actors: int
    relations: int
    events: int
    claims: int
    first: str | None
    """The earliest date of a relation, an event or an article."""
    last: str | None


def store_stats(db: Database) -> Stats:
    """Counts of each kind of record, and the span of dates they cover."""
    counts = [
        db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("documents", "entities", "relations", "events", "claims")
    ]
    first, last = db.execute(
        "SELECT MIN(first), MAX(last) FROM ("
        "SELECT MIN(when_start) AS first, MAX(COALESCE(when_end, when_start)) AS last FROM relations "
        "UNION ALL SELECT MIN(when_start), MAX(COALESCE(when_end, when_start)) FROM events "
        "UNION ALL SELECT MIN(published), MAX(published) FROM documents)"
    ).fetchone()
    return Stats(*counts, first, last)
