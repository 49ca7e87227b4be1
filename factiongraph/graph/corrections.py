"""An analyst's corrections by id, to actors and to events: the query-side face of
:mod:`factiongraph.store.corrections` and :mod:`factiongraph.store.events`, shared by the CLI and the API."""

from __future__ import annotations

from sqlite_utils import Database

from factiongraph.errors import FactiongraphError
from factiongraph.graph.items import EventItem, one_event
from factiongraph.keys import name_key
from factiongraph.store.corrections import merge_entities, split_alias
from factiongraph.store.events import merge_events, split_event


def merge_ids(db: Database, keep_id: int, other_id: int) -> None:
    """Record that ``other_id`` is the actor ``keep_id``; every later ingest honours it."""
    merge_entities(db, keep_id, other_id)


def split_id(db: Database, entity_id: int, name: str) -> int:
    """Record that ``name`` is not the actor ``entity_id``: the name and its mentions get an actor of their own,
    whose id this returns."""
    actor = db.execute("SELECT name FROM entities WHERE id = ?", [entity_id]).fetchone()[0]
    key = name_key(name)
    known = {row[0] for row in db.execute("SELECT name_key FROM aliases WHERE entity_id = ?", [entity_id])}
    if key not in known:
        raise FactiongraphError(f"{actor!r} has no name {name!r}: 'factiongraph actor {actor}' lists its names")
    if key == name_key(actor):
        raise FactiongraphError(f"{name!r} is the canonical name of {actor!r}: split another name off it")
    return split_alias(db, entity_id, key, name)


def merge_event_ids(db: Database, keep_id: int, other_id: int) -> EventItem:
    """Record that two events are one: every report of ``other_id`` now tells ``keep_id``; answers the kept event."""
    merge_events(db, keep_id, other_id)
    return one_event(db, keep_id)


def split_event_report(db: Database, event_id: int, document_id: int) -> EventItem:
    """Record that one article's reports of an event tell another event; answers the new event."""
    return one_event(db, split_event(db, event_id, document_id))
