"""An analyst's corrections by name or id: the query-side face of :mod:`factiongraph.store.corrections`."""

from __future__ import annotations

from sqlite_utils import Database

from factiongraph.errors import FactiongraphError
from factiongraph.graph.queries import ActorProfile, find_actor, profile_of
from factiongraph.keys import name_key
from factiongraph.store.corrections import merge_entities, split_alias


def merge(db: Database, keep: str, other: str) -> ActorProfile:
    """Record that ``other`` is the actor ``keep`` names; every later ingest honours it."""
    keep_id = find_actor(db, keep)
    merge_entities(db, keep_id, find_actor(db, other))
    return profile_of(db, keep_id)


def merge_ids(db: Database, keep_id: int, other_id: int) -> None:
    """:func:`merge` for actors known by id (the API's)."""
    merge_entities(db, keep_id, other_id)


def split(db: Database, actor: str, name: str) -> ActorProfile:
    """Record that ``name`` is not the actor ``actor``: the name and its mentions get an actor of their own."""
    return profile_of(db, split_id(db, find_actor(db, actor), name))


def split_id(db: Database, entity_id: int, name: str) -> int:
    """:func:`split` for an actor known by id; returns the id of the actor ``name`` now names."""
    actor = db.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()[0]
    key = name_key(name)
    known = {row[0] for row in db.execute("SELECT name_key FROM aliases WHERE entity_id = ?", [entity_id])}
    if key not in known:
        raise FactiongraphError(f"{actor!r} has no name {name!r}: 'factiongraph actor {actor}' lists its names")
    if key == name_key(actor):
        raise FactiongraphError(f"{name!r} is the canonical name of {actor!r}: split another name off it")
    return split_alias(db, entity_id, key, name)
