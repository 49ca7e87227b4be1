"""Find actors by any of their names: the search box's query, Arabic and every transliteration included."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factiongraph.graph.items import ActorRef, Page
from factiongraph.keys import name_key, translit_key
from factiongraph.store.queries import grouped, placeholders


@dataclass(frozen=True)
class ActorHit(ActorRef):
    aliases: list[str]
    """Its other names, in every script."""
    mentions: int
    kb_id: str | None


def search_actors(
    db: Database, q: str | None = None, *, entity_type: str | None = None, limit: int = 50, offset: int = 0
) -> Page[ActorHit]:
    """Actors whose names match ``q``, best match first; without ``q``, every actor, most mentioned first.

    A name matches through the project's name keys (case, diacritics, al-/ال and Arabic letter variants
    folded), whole, as a prefix or inside, or through its transliteration skeleton, so "Jolani", "Julani"
    and الجولاني find the same man.
    """
    key = name_key(q or "")
    if not key:
        return _most_mentioned(db, entity_type, limit, offset)
    pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.execute(
        "SELECT a.entity_id, e.name, MIN(CASE WHEN a.name_key = ? THEN 0 WHEN a.translit_key = ? THEN 1 "
        "WHEN a.name_key LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END), "
        "COALESCE((SELECT m.mentions FROM entity_mentions m WHERE m.entity_id = a.entity_id), 0) "
        "FROM aliases a JOIN entities e ON e.id = a.entity_id "
        "WHERE (a.name_key LIKE ? ESCAPE '\\' OR a.translit_key = ?) AND (? IS NULL OR e.type = ?) "
        "GROUP BY a.entity_id",
        [key, translit_key(q or ""), f"{pattern}%", f"%{pattern}%", translit_key(q or ""), entity_type, entity_type],
    ).fetchall()
    ranked = sorted(rows, key=lambda r: (r[2], -r[3], r[1]))
    page = ranked[offset : offset + limit]
    return Page(_hits(db, [r[0] for r in page], {r[0]: r[3] for r in page}), len(ranked), limit, offset)


def _most_mentioned(db: Database, entity_type: str | None, limit: int, offset: int) -> Page[ActorHit]:
    total = db.execute("SELECT COUNT(*) FROM entities WHERE ? IS NULL OR type = ?", [entity_type] * 2).fetchone()[0]
    rows = db.execute(
        "SELECT e.id, COALESCE((SELECT m.mentions FROM entity_mentions m WHERE m.entity_id = e.id), 0) AS n "
        "FROM entities e "
        "WHERE ? IS NULL OR e.type = ? ORDER BY n DESC, e.name, e.id LIMIT ? OFFSET ?",
        [entity_type, entity_type, limit, offset],
    ).fetchall()
    return Page(_hits(db, [r[0] for r in rows], dict(rows)), total, limit, offset)


def _hits(db: Database, ids: list[int], mentions: dict[int, int]) -> list[ActorHit]:
    marks = placeholders(ids)
    names = grouped(db.execute(f"SELECT entity_id, name FROM aliases WHERE entity_id IN ({marks}) ORDER BY id", ids))
    rows = {r[0]: r for r in db.execute(f"SELECT id, name, type, kb_id FROM entities WHERE id IN ({marks})", ids)}
    return [
        ActorHit(
            i, rows[i][1], rows[i][2], [n for n in names.get(i, []) if n != rows[i][1]], mentions.get(i, 0), rows[i][3]
        )
        for i in ids
    ]


def documents_mentioning(db: Database, ids: list[int]) -> dict[int, int]:
    """Id -> how many documents mention the actor, for a page of actors: counted apart from the search,
    since it reads every mention of a busy actor."""
    rows = db.execute(
        f"SELECT entity_id, COUNT(DISTINCT document_id) FROM mentions WHERE entity_id IN ({placeholders(ids)}) "
        "GROUP BY entity_id",
        ids,
    )
    return dict(rows.fetchall())
