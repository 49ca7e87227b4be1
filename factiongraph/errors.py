"""Every error factiongraph raises on purpose, each with a message that says what to do.

The CLI turns any :class:`FactiongraphError` into one line on stderr and a
non-zero exit; the API (later) into one JSON shape with ``status``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

Model = TypeVar("Model", bound="BaseModel")


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


def validated(
    schema: type[Model], raw: object, path: Path, error: type[InputError], context: dict[str, object] | None = None
) -> Model:
    """``raw`` read as ``schema`` (its validators given ``context``); a file that does not fit raises ``error``
    naming the file and its first problem on one line ("actors.0.id: ... (2 problem(s))")."""
    from pydantic import ValidationError  # here: every command imports the errors, few validate a file

    try:
        return schema.model_validate(raw, context=context)
    except ValidationError as problem:
        first = problem.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        reason = f"{where}: {message}" if where else message
        raise error(path, f"{reason} ({problem.error_count()} problem(s))".replace("\n", " ")) from problem


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
