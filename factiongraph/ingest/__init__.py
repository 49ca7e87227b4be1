"""Read, clean and deduplicate articles from files and folders."""

from factiongraph.ingest.article import Article, ReadFailure, detect_language
from factiongraph.ingest.clean import strip_boilerplate
from factiongraph.ingest.readers import register_reader
from factiongraph.ingest.sources import expand_paths, read_articles

__all__ = [
    "Article",
    "ReadFailure",
    "detect_language",
    "expand_paths",
    "read_articles",
    "register_reader",
    "strip_boilerplate",
]
