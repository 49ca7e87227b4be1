"""The graph read by name in tests, as the CLI reads it: a name resolved once to an id, then the id-based
items the API answers, every list whole."""

from __future__ import annotations

from sqlite_utils import Database

from factiongraph.graph import EVERY, ActorDetail, EventItem, actor_detail, events_page, find_actor


def actor(db: Database, name: str) -> ActorDetail:
    """The API's page of the actor called ``name``, every list whole."""
    return actor_detail(db, find_actor(db, name), limit=EVERY)


def events(db: Database, *, actor: str | None = None, place: str | None = None, **filters: str) -> list[EventItem]:
    """Every event (``events --actor A --place P --type T --from --to``), oldest first."""
    actor_id = find_actor(db, actor) if actor else None
    place_id = find_actor(db, place) if place else None
    return events_page(db, actor=actor_id, place=place_id, limit=EVERY, **filters).items  # type: ignore[arg-type]


def latest(event: EventItem, kind: str) -> int | None:
    """The ``kind`` ("killed", "injured") toll of the latest report that gives one: tolls are revised as news
    comes in."""
    return next((getattr(r, kind) for r in reversed(event.reports) if getattr(r, kind) is not None), None)
