"""Alias linking and entity resolution, within a document and across the store."""

from factiongraph.resolve.document import DocumentResolver
from factiongraph.resolve.keys import name_key, translit_key

__all__ = ["DocumentResolver", "name_key", "translit_key"]
