"""Alias linking and entity resolution, within a document and across the store.

:class:`DocumentResolver` (which reads spaCy's Docs) is imported when first asked for, so that the store,
which uses :mod:`factiongraph.resolve.events` alone, does not load spaCy.
"""

from typing import TYPE_CHECKING

from factiongraph.keys import name_key, translit_key

if TYPE_CHECKING:
    from factiongraph.resolve.document import DocumentResolver

__all__ = ["DocumentResolver", "name_key", "translit_key"]


def __getattr__(name: str) -> object:
    if name == "DocumentResolver":
        from factiongraph.resolve.document import DocumentResolver

        return DocumentResolver
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
