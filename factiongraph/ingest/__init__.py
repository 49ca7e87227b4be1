"""Read, clean and deduplicate articles from files and folders.

:class:`Article` is imported with the package; the readers (trafilatura, charset-normalizer) and the cleaner
(the lexicons) when first asked for, so that what only needs an article's shape (the store's records) does
not load them.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from factiongraph.ingest.article import Article, ReadFailure, detect_language

if TYPE_CHECKING:
    from factiongraph.ingest.clean import strip_boilerplate
    from factiongraph.ingest.readers import register_reader
    from factiongraph.ingest.sources import expand_paths, read_articles

_LAZY = {
    "strip_boilerplate": "factiongraph.ingest.clean",
    "register_reader": "factiongraph.ingest.readers",
    "expand_paths": "factiongraph.ingest.sources",
    "read_articles": "factiongraph.ingest.sources",
}

__all__ = [
    "Article",
    "ReadFailure",
    "detect_language",
    "expand_paths",
    "read_articles",
    "register_reader",
    "strip_boilerplate",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
