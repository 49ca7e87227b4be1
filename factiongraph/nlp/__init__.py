"""The spaCy pipeline: importing this package registers factiongraph's components."""

from factiongraph.nlp import components
from factiongraph.nlp.components import DESCRIPTIONS_KEY, ENTITY_TYPES, MENTIONS_KEY, FoundRelation
from factiongraph.nlp.pipeline import base_model_name, load_pipeline

__all__ = [
    "DESCRIPTIONS_KEY",
    "ENTITY_TYPES",
    "MENTIONS_KEY",
    "FoundRelation",
    "base_model_name",
    "components",
    "load_pipeline",
]
