"""An analyst's corrections by name or id, to actors and to events: the query-side face of
:mod:`factiongraph.store.corrections` and :mod:`factiongraph.store.events`."""

from __future__ import annotations

from sqlite_utils import Database

from factiongraph.errors import FactiongraphError
from factiongraph.graph.events import EventView, event_detail
from factiongraph.graph.queries import ActorProfile, find_actor, profile_of
from factiongraph.keys import name_key
from factiongraph.store.corrections import merge_entities, split_alias
from factiongraph.store.events import merge_events, split_event


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


def merge_event_ids(db: Database, keep_id: int, other_id: int) -> EventView:
    """Record that two events are one: every report of ``other_id`` now tells ``keep_id``."""
    merge_events(db, keep_id, other_id)
    return event_detail(db, keep_id)


def split_event_report(db: Database, event_id: int, document_id: int) -> EventView:
    """Record that one article's reports of an event tell another event; answers the new event."""
    return event_detail(db, split_event(db, event_id, document_id))
