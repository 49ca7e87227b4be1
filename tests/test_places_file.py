"""A user's places file (the setting ``places_file``): read instead of the shipped one by the pipeline's place index
and ruler and by the graph's queries alike (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factiongraph.api import create_app
from factiongraph.errors import KnowledgeBaseError
from factiongraph.graph import pair_timeline
from factiongraph.ingest import Article
from factiongraph.kb import KnowledgeBase
from factiongraph.nlp.components import ruler_patterns
from factiongraph.places import PlaceIndex, default_places_path, places_path
from factiongraph.records import EntityRecord, PlaceRecord, RelationRecord, ResolvedDocument
from factiongraph.settings import SETTINGS_ENV
from factiongraph.store import open_store, write_document

MY_PLACES = """\
places:
  - {id: quux-district, name: Quux District, kind: district, precision: district,
     latitude: 36.1, longitude: 37.1, country: SY}
  - {id: quux-hill, name: Quux Hill, kind: site, precision: town,
     latitude: 36.2, longitude: 37.2, country: SY, within: quux-district}
"""
TEXT = "Alpha Front fighters were seen on Quux Hill. The Beta Brigade controls Quux District."


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's settings file naming ``my-places.yaml`` beside it, by a path relative to its folder."""
    (tmp_path / "my-places.yaml").write_text(MY_PLACES, encoding="utf-8")
    path = tmp_path / "settings.toml"
    path.write_text('places_file = "my-places.yaml"\n', encoding="utf-8")
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


@pytest.fixture
def pair_store(tmp_path: Path) -> Path:
    """A store where the Alpha Front is seen on Quux Hill and the Beta Brigade controls Quux District."""

    def entity(key: str, kind: str, name: str, place: PlaceRecord | None = None) -> EntityRecord:
        return EntityRecord(key=key, type=kind, name=name, place=place)

    def relation(kind: str, source: str, target: str, sentence: int, begin: int, end: int) -> RelationRecord:
        return RelationRecord(kind, source, target, begin, begin + 1, end - 1, end, sentence, begin, end)

    path = tmp_path / "pair.db"
    split = TEXT.index(" The Beta")
    write_document(
        open_store(path),
        ResolvedDocument(
            article=Article(text=TEXT, source="pair.txt", published="2024-03-01", lang="en"),
            sentences=[(0, split), (split + 1, len(TEXT))],
            entities={
                "org:alpha": entity("org:alpha", "Organisation", "Alpha Front"),
                "org:beta": entity("org:beta", "Organisation", "Beta Brigade"),
                "place:hill": entity(
                    "place:hill", "Location", "Quux Hill", PlaceRecord("fg:quux-hill", 36.2, 37.2, "town")
                ),
                "place:district": entity(
                    "place:district",
                    "Location",
                    "Quux District",
                    PlaceRecord("fg:quux-district", 36.1, 37.1, "district"),
                ),
            },
            relations=[
                relation("CoLocated", "org:alpha", "place:hill", 0, 0, split),
                relation("Controls", "org:beta", "place:district", 1, split + 1, len(TEXT)),
            ],
        ),
    )
    return path


def visits(path: Path, through_api: bool) -> list[str]:
    """The relations the pair view of the Alpha Front and the Beta Brigade, with their members, shows: from the
    API (which reads the store's edge table) or from the graph layer's SQL."""
    db = open_store(path)
    alpha, beta = (
        db.execute("SELECT id FROM entities WHERE name = ?", [n]).fetchone()[0] for n in ("Alpha Front", "Beta Brigade")
    )
    if not through_api:
        return [r.type for r in pair_timeline(db, alpha, beta, include_members=True).relations]
    client = TestClient(create_app(path, kb=KnowledgeBase(actors=())))
    response = client.get(f"/api/pair?a={alpha}&b={beta}&include_members=true")
    assert response.status_code == 200, response.text
    return [r["type"] for r in response.json()["relations"]]


@pytest.mark.parametrize("through_api", [True, False])
def test_places_file_a_users_file_places_the_queries(
    pair_store: Path, settings_file: Path, monkeypatch: pytest.MonkeyPatch, through_api: bool
) -> None:
    """The pair view's visits into the other's territory read what holds a place from the user's file."""
    assert visits(pair_store, through_api) == ["CoLocated"]  # Quux Hill lies in the district Beta holds
    monkeypatch.delenv(SETTINGS_ENV)
    assert visits(pair_store, through_api) == []  # the shipped file knows neither place


def test_places_file_a_users_file_is_the_pipelines_index_and_ruler(settings_file: Path) -> None:
    assert places_path() == settings_file.parent / "my-places.yaml"
    hill = PlaceIndex.default().lookup("Quux Hill")
    assert hill is not None and (hill.id, hill.within) == ("fg:quux-hill", "fg:quux-district")
    assert PlaceIndex.default().lookup("Bab al-Hawa") is None  # the shipped file's places are not read
    patterns = ruler_patterns(places=True)
    assert {"label": "Location", "pattern": "Quux Hill", "id": "fg:quux-hill"} in patterns


def test_places_file_without_one_the_shipped_file_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SETTINGS_ENV, raising=False)
    assert places_path() == default_places_path()
    assert PlaceIndex.default().lookup("Quux Hill") is None


def test_places_file_a_missing_file_is_an_error_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('places_file = "nowhere.yaml"\n', encoding="utf-8")
    monkeypatch.setenv(SETTINGS_ENV, str(settings))
    with pytest.raises(KnowledgeBaseError, match="nowhere.yaml"):
        PlaceIndex.default()
