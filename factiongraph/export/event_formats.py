"""What the event datasets call factiongraph's actors and places: ACLED's inter codes, disorder types and geo
precision, PLOVER's location resolution and contexts (``data/event_formats.json``, docs/plover-acled.md).

Shared by the ``acled-csv`` and ``plover`` exports; the knowledge is in the data file, this module reads it
and applies it with the knowledge base and the place gazetteer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import Field, model_validator

from factiongraph.export.model import Event
from factiongraph.kb import Actor, KnowledgeBase, load_kb
from factiongraph.places import PlaceIndex
from factiongraph.schema import StrictModel
from factiongraph.vocab import ACLED_SUB_EVENT_TYPES, Category, PlacePrecision

Side = Literal["acts", "acted_on"]
InterCode = int


class _BySide(StrictModel):
    acts: InterCode = Field(ge=1, le=8)
    acted_on: InterCode = Field(ge=1, le=8)


class AcledCodes(StrictModel):
    disorder_types: dict[str, str]
    disorder_by_sub_event: dict[str, str]
    inter_codes: dict[str, str]
    inter_by_category: dict[Category, Literal["state", "group"] | InterCode | _BySide]
    geo_precision: dict[PlacePrecision, Literal[1, 2, 3]]

    @model_validator(mode="after")
    def _complete(self) -> AcledCodes:
        missing = set(ACLED_SUB_EVENT_TYPES) - set(self.disorder_types)
        if missing:
            raise ValueError(f"ACLED event types without a disorder type: {', '.join(sorted(missing))}")
        if sorted(self.inter_codes) != [str(code) for code in range(1, 9)]:
            raise ValueError("inter_codes must name ACLED's codes 1 to 8")
        return self


class PloverCodes(StrictModel):
    resolution: dict[PlacePrecision, str]
    contexts: dict[str, list[str]]


class EventFormats(StrictModel):
    version: Literal[1]
    acled: AcledCodes
    plover: PloverCodes


@cache
def event_formats() -> EventFormats:
    """The shipped ``data/event_formats.json``, checked."""
    text = (resources.files("factiongraph") / "data" / "event_formats.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data.pop("$comment", None)
    return EventFormats.model_validate(data)


@dataclass(frozen=True)
class PlaceFacts:
    """Where a gazetteer place lies: its country (ISO code and name) and its governorate."""

    country_code: str | None
    country: str | None
    admin1: str | None
    precision: str | None


def place_facts(place_id: str | None, precision: str | None) -> PlaceFacts:
    """The country and first-level division of a gazetteer place (``entities.place_id``)."""
    index = PlaceIndex.default()
    place = index.get(place_id) if place_id else None
    if place is None:
        return PlaceFacts(None, None, None, precision)
    country = index.get(f"country:{place.country}")
    admin1 = place.name.removesuffix(" Governorate") if place.kind == "governorate" else None
    outer = place
    seen: set[str] = set()
    while admin1 is None and outer.within and outer.within not in seen:
        seen.add(outer.within)
        outer = index.get(outer.within)  # type: ignore[assignment]
        if outer is None:
            break
        if outer.kind == "governorate":
            admin1 = outer.name.removesuffix(" Governorate")
    return PlaceFacts(place.country, country.name if country else None, admin1, precision or place.precision)


class InterCoder:
    """ACLED's inter code of a knowledge-base actor in an event in a given country."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or load_kb()
        self.rules = event_formats().acled.inter_by_category
        self._places = PlaceIndex.default()

    def code(self, kb_id: str | None, side: Side, event_country: str | None) -> InterCode | None:
        """The code, or None for an actor the knowledge base does not know (no guess)."""
        actor = self.kb.get(kb_id) if kb_id else None
        if actor is None:
            return None
        if actor.government_of:
            return self._state_code(actor, event_country)
        rule = self.rules[actor.category]
        if isinstance(rule, _BySide):
            return getattr(rule, side)
        if rule == "state":
            return self._state_code(actor, event_country)
        if rule == "group":
            group = next((g for g in self._groups(actor) if g.category != "person"), None)
            return self.code(group.id, side, event_country) if group else 7
        return rule

    def _groups(self, person: Actor) -> list[Actor]:
        targets = [r.target for r in person.relations if r.type in ("InChargeOf", "BelongsTo")]
        return [a for a in (self.kb.get(t) for t in targets) if a is not None]

    def _state_code(self, actor: Actor, event_country: str | None) -> InterCode:
        home = self.country_of(actor)
        return 1 if event_country is None or home is None or home == event_country else 8

    def country_of(self, actor: Actor) -> str | None:
        """The ISO code of the state an actor is or serves, up its BelongsTo chain."""
        todo, seen = [actor], set()
        while todo:
            current = todo.pop(0)
            if current.id in seen:
                continue
            seen.add(current.id)
            state = self.kb.get(current.government_of) if current.government_of else None
            if current.category == "state":
                state = current
            if state is not None:
                place = self._places.lookup(state.name)
                return place.country if place else None
            todo += [a for r in current.relations if r.type == "BelongsTo" and (a := self.kb.get(r.target))]
        return None


@dataclass(frozen=True)
class EventDays:
    """The days an event's date allows; ``dated`` False when it is its first report's publication date."""

    first: date
    last: date
    dated: bool

    @property
    def middle(self) -> date:
        return self.first + (self.last - self.first) / 2

    @property
    def acled_time_precision(self) -> int:
        """ACLED's time_precision: 1 a day, 2 a week or a few days, 3 longer or not told."""
        if self.dated and self.first == self.last:
            return 1
        return 2 if self.dated and (self.last - self.first).days < 7 else 3


def event_days(event: Event) -> EventDays | None:
    """The event's days from its date, else from its first report's publication date; None when neither is."""
    from factiongraph.resolve.events import day_range

    if event.start or event.end:
        days = day_range(event.start, event.end, None, 0)
        if days:
            return EventDays(days[0], days[1], True)
    published = next((r.published for r in event.reports if r.published), None)
    days = day_range(published, published, None, 0) if published else None
    return EventDays(days[0], days[1], False) if days else None


def event_sides(event: Event) -> tuple[list[str], list[str]]:
    """The node ids of who acts and who is acted on; one who acts in any report is not also acted on."""
    acting = list(dict.fromkeys(a.node for a in event.actors if a.role == "source"))
    acted_on = [n for n in dict.fromkeys(a.node for a in event.actors if a.role == "target") if n not in acting]
    return acting, acted_on
