"""The project's places file (``data/places.yaml``): its schema, which file is in use, and reading it.

A user's own places file (the setting ``places_file``) is read instead of the shipped one, by the pipeline's
place index and the graph's queries alike: :func:`places_path` is the one place that says which.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, field_validator, model_validator

from factiongraph.errors import KnowledgeBaseError, validated
from factiongraph.keys import name_key
from factiongraph.schema import SLUG, StrictModel
from factiongraph.settings import setting_file
from factiongraph.vocab import PlacePrecision

Kind = Literal[
    "country",
    "governorate",
    "region",
    "district",
    "town",
    "village",
    "crossing",
    "plain",
    "river",
    "camp",
    "base",
    "site",
]

ARABIC_RANGES = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_LETTER = re.compile(f"[{ARABIC_RANGES}]")
ARABIC_NAME = re.compile(f"^[{ARABIC_RANGES}\u200c\u200d\\s\\-]+$")


class PlaceEntry(StrictModel):
    """One place of ``data/places.yaml``; an entry of kind country adds to the GeoNames country."""

    id: str
    name: str
    kind: Kind
    precision: PlacePrecision
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    aliases: tuple[str, ...] = ()
    arabic: tuple[str, ...] = ()
    within: str | None = None
    admin1: str | None = Field(None, pattern=r"^\d{2}$")
    """GeoNames' first-level division code of a governorate: the GeoNames towns it gives lie within it."""

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"{value!r} is not a lower-case slug such as 'bab-al-hawa-crossing'")
        return value

    @field_validator("arabic")
    @classmethod
    def _arabic_script(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        wrong = [v for v in values if not ARABIC_NAME.match(v)]
        if wrong:
            raise ValueError(f"not Arabic script: {', '.join(wrong)}")
        return values

    @field_validator("aliases")
    @classmethod
    def _no_arabic_aliases(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        wrong = [v for v in values if ARABIC_LETTER.search(v)]
        if wrong:
            raise ValueError(f"Arabic-script names belong under 'arabic': {', '.join(wrong)}")
        return values

    @model_validator(mode="after")
    def _country_entries(self) -> PlaceEntry:
        if (self.kind == "country") != (self.precision == "country"):
            raise ValueError(f"{self.id}: kind country and precision country go together")
        if self.kind == "country" and self.within:
            raise ValueError(f"{self.id}: a country is within nothing")
        return self

    def all_names(self) -> list[str]:
        """Every surface form, canonical name first, without repeats or blanks."""
        return list(dict.fromkeys(n.strip() for n in (self.name, *self.aliases, *self.arabic) if n.strip()))


class PlacesFile(StrictModel):
    """The whole project gazetteer; ``within`` must name an entry of it, and no name two entries."""

    schema_version: Literal[1] = 1
    pattern_stoplist: tuple[str, ...] = ()
    places: tuple[PlaceEntry, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> PlacesFile:
        ids = [p.id for p in self.places]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"place ids used twice: {', '.join(duplicates)}")
        known = set(ids)
        dangling = sorted(f"{p.id} -> {p.within}" for p in self.places if p.within and p.within not in known)
        if dangling:
            raise ValueError(f"'within' names unknown places: {', '.join(dangling)}")
        countries = [p.country for p in self.places if p.kind == "country"]
        twice = sorted({c for c in countries if countries.count(c) > 1})
        if twice:
            raise ValueError(f"two country entries for {', '.join(twice)}")
        owner: dict[str, str] = {}
        clashes: list[str] = []
        for place in self.places:
            for key in {name_key(n) for n in place.all_names()}:
                if owner.setdefault(key, place.id) != place.id:
                    clashes.append(f"{key!r} ({owner[key]}, {place.id})")
        if clashes:
            raise ValueError(f"names given to two places: {', '.join(clashes[:5])}")
        return self


@cache
def default_places_path() -> Path:
    """The places file shipped with the package (kept: the store's writer asks for it for every event)."""
    return Path(str(resources.files("factiongraph") / "data" / "places.yaml"))


def places_path() -> Path:
    """The places file in use: the user's (the setting ``places_file``), else the shipped one."""
    return setting_file("places_file") or default_places_path()


def read_places_file(path: Path | str) -> PlacesFile:
    """Read and validate one gazetteer file; errors name the file and the first problem."""
    path = Path(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise KnowledgeBaseError(path, f"cannot be read: {error}") from error
    return validated(PlacesFile, raw or {}, path, KnowledgeBaseError)
