"""Every error factiongraph raises on purpose, each with a message that says what to do.

The CLI turns any :class:`FactiongraphError` into one line on stderr and a
non-zero exit; the API (later) into one JSON shape with ``status``.
"""

from __future__ import annotations

from pathlib import Path


class FactiongraphError(Exception):
    """Base class: ``str(error)`` is the one line a user sees."""

    status = 400


class InputError(FactiongraphError):
    """A file that cannot become a document: ``path: reason``."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class KnowledgeBaseError(InputError):
    """A knowledge-base file that does not validate."""


class LexiconError(InputError):
    """A lexicon file (trigger rules, verb frames, head nouns, ...) that cannot be read or does not validate."""


class UnknownActorError(FactiongraphError):
    """No actor in the store answers to a name."""

    status = 404

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no actor known as {name!r}: try 'factiongraph actors' to list them")


class InvalidQueryError(FactiongraphError):
    """A query parameter that cannot be used (a date that is not one, an unknown id)."""

    status = 422

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


class NotFoundError(FactiongraphError):
    """No actor, document or other record has the id asked for."""

    status = 404


class StoreError(FactiongraphError):
    """The store file cannot be used (wrong schema, newer version, not SQLite)."""

    status = 500
