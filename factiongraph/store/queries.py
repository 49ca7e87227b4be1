"""Read-side queries over the store that more than one layer needs."""

from __future__ import annotations

from sqlite_utils import Database


def find_entity_key(db: Database, name_keys: list[str], entity_type: str) -> str | None:
    """The key of a stored entity of ``entity_type`` answering to one of ``name_keys``, if exactly one does."""
    if not name_keys:
        return None
    marks = ",".join("?" * len(name_keys))
    rows = db.execute(
        f"SELECT DISTINCT e.key FROM aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE a.name_key IN ({marks}) AND e.type = ?",
        [*name_keys, entity_type],
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def entity_ids_for_name(db: Database, name_key: str) -> list[int]:
    """Ids of entities with a name whose key is ``name_key``, most mentioned first."""
    rows = db.execute(
        "SELECT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id "
        "LEFT JOIN mentions m ON m.entity_id = e.id WHERE a.name_key = ? "
        "GROUP BY e.id ORDER BY COUNT(m.id) DESC, e.id",
        [name_key],
    ).fetchall()
    return [r[0] for r in rows]
