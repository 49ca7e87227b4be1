"""The spaCy pipeline: importing this package registers factiongraph's components."""

from factiongraph.nlp import (
    arabic,
    attribute_ruler,
    claims,
    components,
    decide,
    events,
    frames,
    gazetteer,
    mentions,
    relations,
    structure,
)
from factiongraph.nlp.mentions import DEFAULT_LABEL_MAP
from factiongraph.nlp.pipeline import base_model_name, load_arabic_pipeline, load_pipeline
from factiongraph.nlp.spans import DESCRIPTIONS_KEY, MENTIONS_KEY, NESTED_KEY, FoundEvent, FoundRelation

__all__ = [
    "DEFAULT_LABEL_MAP",
    "DESCRIPTIONS_KEY",
    "MENTIONS_KEY",
    "NESTED_KEY",
    "FoundEvent",
    "FoundRelation",
    "arabic",
    "attribute_ruler",
    "base_model_name",
    "claims",
    "components",
    "decide",
    "events",
    "frames",
    "gazetteer",
    "load_arabic_pipeline",
    "load_pipeline",
    "mentions",
    "relations",
    "structure",
]
