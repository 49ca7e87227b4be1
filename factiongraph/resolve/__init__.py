"""Alias linking and entity resolution, within a document and across the store."""

from factiongraph.keys import name_key, translit_key
from factiongraph.resolve.document import DocumentResolver

__all__ = ["DocumentResolver", "name_key", "translit_key"]
