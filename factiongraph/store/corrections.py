"""An analyst's corrections: merge two entities, split a name off one. Both are recorded, and
every later write applies them, so they survive re-ingesting the same files."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlite_utils import Database

from factiongraph.errors import FactiongraphError
from factiongraph.records import EntityRecord, ResolvedDocument
from factiongraph.store.transactions import write_transaction


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _entity(db: Database, entity_id: int) -> tuple[int, str, str, str]:
    row = db.execute("SELECT id, key, type, name FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise FactiongraphError(f"no entity with id {entity_id}")
    return row


def redirect(redirects: dict[str, str], key: str) -> str:
    """The key an entity now lives under, following merges (``redirects``: the entity_redirects table)."""
    seen = {key}
    while key in redirects:
        key = redirects[key]
        if key in seen:
            break
        seen.add(key)
    return key


def merge_entities(db: Database, keep_id: int, drop_id: int) -> None:
    """Fold ``drop_id`` into ``keep_id``: its names, mentions and relations move; the merge is recorded. Both are
    looked up under the write lock, so a merge or an ingest in another process meanwhile is seen."""
    if keep_id == drop_id:
        raise FactiongraphError("an entity cannot be merged with itself")
    with write_transaction(db):
        _, keep_key, _, _ = _entity(db, keep_id)
        _, drop_key, _, _ = _entity(db, drop_id)
        db.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, name, name_key, translit_key) "
            "SELECT ?, name, name_key, translit_key FROM aliases WHERE entity_id = ?",
            [keep_id, drop_id],
        )
        db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [keep_id, drop_id])
        db.execute("UPDATE relations SET source_id = ? WHERE source_id = ?", [keep_id, drop_id])
        db.execute("UPDATE relations SET target_id = ? WHERE target_id = ?", [keep_id, drop_id])
        db.execute("DELETE FROM relations WHERE source_id = target_id")
        db.execute("UPDATE OR IGNORE event_actors SET entity_id = ? WHERE entity_id = ?", [keep_id, drop_id])
        db.execute("UPDATE OR IGNORE event_mention_actors SET entity_id = ? WHERE entity_id = ?", [keep_id, drop_id])
        db.execute("UPDATE events SET place_id = ? WHERE place_id = ?", [keep_id, drop_id])
        db.execute("UPDATE event_mentions SET place_id = ? WHERE place_id = ?", [keep_id, drop_id])
        db.execute("UPDATE claims SET speaker_id = ? WHERE speaker_id = ?", [keep_id, drop_id])
        db.execute("UPDATE OR IGNORE claim_about SET entity_id = ? WHERE entity_id = ?", [keep_id, drop_id])
        db.execute("DELETE FROM entities WHERE id = ?", [drop_id])
        db.execute(
            "INSERT OR REPLACE INTO entity_redirects (from_key, to_key, created_at) VALUES (?, ?, ?)",
            [drop_key, keep_key, _now()],
        )
        db.execute("UPDATE entity_redirects SET to_key = ? WHERE to_key = ?", [keep_key, drop_key])


def split_alias(db: Database, entity_id: int, name_key: str, name: str) -> int:
    """Move the name (and the mentions written so) off an entity onto an entity of its own; recorded."""
    with write_transaction(db):
        _, key, entity_type, _ = _entity(db, entity_id)
        new_key = f"{entity_type.lower()}:{name_key}"
        if new_key == key:
            new_key = f"{key}~split"
        new_id = db["entities"].lookup({"key": new_key}, {"type": entity_type, "name": name})
        db.execute(
            "UPDATE aliases SET entity_id = ? WHERE entity_id = ? AND name_key = ?", [new_id, entity_id, name_key]
        )
        db.execute(
            "UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND name_key = ?", [new_id, entity_id, name_key]
        )
        db.execute(
            "INSERT OR REPLACE INTO alias_splits (entity_key, name_key, to_key, created_at) VALUES (?, ?, ?, ?)",
            [key, name_key, new_key, _now()],
        )
    return new_id


def apply_corrections(db: Database, resolved: ResolvedDocument) -> ResolvedDocument:
    """The document as the analyst's corrections say: merged keys redirected, split names moved."""
    splits: dict[tuple[str, str], str] = {
        (entity_key, name_key): to_key
        for entity_key, name_key, to_key in db.execute("SELECT entity_key, name_key, to_key FROM alias_splits")
    }
    redirects = dict(db.execute("SELECT from_key, to_key FROM entity_redirects").fetchall())
    if not splits and not redirects:
        return resolved
    moved_at: dict[tuple[int, int], str] = {}
    mentions = []
    for mention in resolved.mentions:
        key = mention.entity_key and redirect(redirects, mention.entity_key)
        if key and (split := splits.get((key, mention.name_key))):
            key = split
            moved_at[(mention.begin, mention.end)] = split
        mentions.append(replace(mention, entity_key=key))
    entities: dict[str, EntityRecord] = {}
    for entity in resolved.entities.values():
        target = redirect(redirects, entity.key)
        entities.setdefault(target, replace(entity, key=target))
    for mention in resolved.mentions:
        split = moved_at.get((mention.begin, mention.end))
        if split and split not in entities:
            entities[split] = EntityRecord(key=split, type=mention.type, name=mention.text)
    relations = [
        replace(
            r,
            source_key=moved_at.get((r.source_begin, r.source_end)) or redirect(redirects, r.source_key),
            target_key=moved_at.get((r.target_begin, r.target_end)) or redirect(redirects, r.target_key),
        )
        for r in resolved.relations
    ]
    relations = [r for r in relations if r.source_key != r.target_key]
    events = [
        replace(
            e,
            actors=tuple(dict.fromkeys((redirect(redirects, key), role) for key, role in e.actors)),
            place_key=e.place_key and redirect(redirects, e.place_key),
        )
        for e in resolved.events
    ]
    claims = [
        replace(
            c,
            speaker_key=c.speaker_key and redirect(redirects, c.speaker_key),
            about=tuple(dict.fromkeys(redirect(redirects, k) for k in c.about)),
        )
        for c in resolved.claims
    ]
    return replace(resolved, mentions=mentions, entities=entities, relations=relations, events=events, claims=claims)
