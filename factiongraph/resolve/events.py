"""Which event a report tells: reports of one event are joined to it, with the reason why.

GDELT's best-known failing is counting reports instead of events. Two reports tell one
event when they are of one kind (the same PLOVER category, and the same ACLED event type
where both give one, or two ACLED types on the same day in the same place: "an attack"
and "a car bomb"), their dates lie within the store's ``event_window_days`` of each other,
they share an actor (or one's actor belongs to the other's: "the Syrian army" and "the
Syrian government"; or one of them names none), and their places are the same, one lies
inside the other ("Saraqib" and "Idlib governorate") or two towns lie within the store's
``event_nearby_km`` ("Al Janudiyah" and "Jisr al-Shughur"); a report with neither an
actor nor a place in common joins nothing. These are decisions over what the reports
say, kept apart from the store that asks them.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from factiongraph.settings import setting

_PRECISION_RANK = {"town": 0, "district": 1, "governorate": 2, "country": 3}
"""Finer places first: the event's place is the finest its reports name."""
_REACH_KM = {"district": setting("event_district_reach_km"), "governorate": setting("event_governorate_reach_km")}
"""How far from its centre a district or governorate reaches, for towns the gazetteer does not place in one."""


@dataclass(frozen=True)
class EventPlace:
    """A place as the linker needs it: the gazetteer's containment and coordinates."""

    entity_id: int
    name: str
    gazetteer_id: str | None = None
    within: frozenset[str] = frozenset()
    """The gazetteer ids of the places that contain it."""
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: str | None = None
    namesake_of: frozenset[str] = frozenset()
    """The governorate a town is the namesake seat of: news says "Idlib" for the province as often as the city."""

    @property
    def rank(self) -> int:
        return _PRECISION_RANK.get(self.precision or "", -1)

    @property
    def town(self) -> bool:
        """A place as fine as a town, and not the seat that stands for its governorate."""
        return self.rank == 0 and not self.namesake_of


@dataclass(frozen=True)
class Told:
    """What a report (or every report of an event together) says of an event."""

    type: str
    acled_event_type: str | None
    actors: dict[int, str]
    """Entity id -> name."""
    places: tuple[EventPlace, ...]
    days: tuple[date, date] | None
    """The first and last day it may have happened on."""
    dated: bool = True
    """Whether the report gives a date; an undated one may have happened on any of the days before it."""
    parents: dict[int, str] = field(default_factory=dict)
    """The groups its actors belong to, by the knowledge base (group's entity id -> the actor's name):
    "the Syrian army" is of "the Syrian government"."""


def day_range(
    when_start: str | None, when_end: str | None, published: str | None, window_days: int
) -> tuple[date, date] | None:
    """The days a report's event may have happened on: its date as told, or, undated, the days up to
    the report's publication."""
    start, end = _first_day(when_start), _last_day(when_end or when_start)
    if start is None and end is None:
        told = _last_day(published)
        return (told - timedelta(days=window_days), told) if told else None
    if start is None or end is None:
        told = _last_day(published)
        start = start or (end - timedelta(days=window_days) if end else None)
        end = end or told or start
    return (start, end) if start and end and start <= end else None


def _parts(iso: str | None) -> tuple[int, int | None, int | None] | None:
    if not iso:
        return None
    try:
        pieces = [int(p) for p in iso[:10].split("-")]
        year, month, day = pieces[0], (pieces[1] if len(pieces) > 1 else None), (pieces[2] if len(pieces) > 2 else None)
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def _first_day(iso: str | None) -> date | None:
    parts = _parts(iso)
    return date(parts[0], parts[1] or 1, parts[2] or 1) if parts else None


def _last_day(iso: str | None) -> date | None:
    parts = _parts(iso)
    if parts is None:
        return None
    year, month, day = parts
    month = month or 12
    return date(year, month, day or calendar.monthrange(year, month)[1])


def _distance_km(a: EventPlace, b: EventPlace) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def inside(inner: EventPlace, outer: EventPlace) -> bool:
    """Whether ``inner`` is ``outer`` or lies within it: by the gazetteer's containment (a governorate's
    seat standing for it too), by country, or for a town the gazetteer does not place, by its distance from
    a district's or governorate's centre."""
    if inner.entity_id == outer.entity_id:
        return True
    if outer.gazetteer_id is not None and outer.gazetteer_id in inner.within:
        return True
    if outer.namesake_of & inner.within and inner.entity_id != outer.entity_id:
        return True  # "Saraqib" and "Idlib": the province is meant as often as the city
    if outer.rank <= inner.rank:
        return False
    if outer.precision == "country":
        return inner.country is not None and inner.country == outer.country
    reach = _REACH_KM.get(outer.precision or "")
    distance = _distance_km(inner, outer)
    return reach is not None and distance is not None and distance <= reach


def _place_in_common(report: Told, event: Told, nearby_km: float) -> str | None:
    """The place both name, by the finest each gives: two reports that name towns must name the same town
    (or two close by), whatever governorate holds both; a town and a governorate meet when one holds the other."""
    mine_towns = [p for p in report.places if p.town]
    their_towns = [p for p in event.places if p.town]
    mine_all, theirs_all = (mine_towns, their_towns) if mine_towns and their_towns else (report.places, event.places)
    for mine in mine_all:
        for theirs in theirs_all:
            if mine.entity_id == theirs.entity_id:
                return f"both in {mine.name}"
            if inside(mine, theirs):
                return f"{mine.name} lies in {theirs.name}"
            if inside(theirs, mine):
                return f"{theirs.name} lies in {mine.name}"
            distance = _distance_km(mine, theirs)
            if mine.town and theirs.town and distance is not None and distance <= nearby_km:
                return f"{mine.name} is {distance:.0f} km from {theirs.name}"
    return None


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two ranges; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def reason_to_join(
    report: Told, event: Told, window_days: int, nearby_km: float
) -> tuple[tuple[int, int, int], str] | None:
    """Why ``report`` tells ``event``, with a score to rank events that both fit (more actors shared, a
    place in common, closer dates), or None when it does not."""
    if report.type != event.type:
        return None
    if report.days is None or event.days is None:
        return None
    gap = _gap_days(report.days, event.days)
    if gap > window_days:
        return None
    kinds = {k for k in (report.acled_event_type, event.acled_event_type) if k}
    if len(kinds) > 1 and gap:
        return None  # "an attack" and "a car bomb" are one event only on one day in one place
    shared = [name for entity_id, name in report.actors.items() if entity_id in event.actors]
    shared += [f"{child} (of {event.actors[p]})" for p, child in report.parents.items() if p in event.actors]
    shared += [f"{child} (of {report.actors[p]})" for p, child in event.parents.items() if p in report.actors]
    if report.actors and event.actors and not shared:
        return None
    place = _place_in_common(report, event, nearby_km)
    if report.places and event.places and place is None:
        return None
    if not shared and place is None:
        return None  # nothing in common but the kind and the day
    if len(kinds) > 1 and (place is None or not report.places or not event.places):
        return None
    kind = report.acled_event_type or event.acled_event_type or report.type
    reasons = [f"same kind ({kind})" if len(kinds) < 2 else f"told as {' and as '.join(sorted(kinds))} on one day"]
    reasons.append(f"shared actors: {', '.join(shared)}" if shared else "no actor named on one side")
    reasons.append(place or "no place named on one side")
    reasons.append("dates overlap" if gap == 0 else f"dates {gap} day{'s' if gap > 1 else ''} apart")
    reasons[-1] += f" (window {window_days} days)"
    return (len(shared), 1 if place else 0, -gap), "; ".join(reasons)


def best_event(report: Told, candidates: dict[int, Told], window_days: int, nearby_km: float) -> tuple[int, str] | None:
    """The event among ``candidates`` (id -> what its reports say) that ``report`` tells, with the reason."""
    fits = [
        (found[0], -event_id, event_id, found[1])
        for event_id, told in candidates.items()
        if (found := reason_to_join(report, told, window_days, nearby_km)) is not None
    ]
    if not fits:
        return None
    _, _, event_id, reason = max(fits)
    return event_id, reason


def finest_place(places: list[EventPlace]) -> EventPlace | None:
    """The most precise of the places an event's reports name ("Saraqib" over "Idlib")."""
    ranked = [p for p in places if p.rank >= 0] or places
    return min(ranked, key=lambda p: (p.rank, p.entity_id)) if ranked else None
