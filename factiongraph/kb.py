"""The actor knowledge base: an analyst's gazetteer of the conflict's actors, kept as data.

The shipped file ``data/actors.yaml`` is validated against the models below
(unknown keys are an error, so a typo cannot silently drop a name). A user's
own file merges over it actor by actor (same ``id`` replaces, new ``id`` adds).
"""

from __future__ import annotations

from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationInfo, field_validator, model_validator

from factiongraph.cache import cached, keep_for_the_run
from factiongraph.errors import KnowledgeBaseError, validated
from factiongraph.keys import name_key, translit_key
from factiongraph.schema import SLUG, StrictModel
from factiongraph.vocab import ISO_DATE, ActorType, Category, KbRelationType


def _check_date(value: str | None) -> str | None:
    if value is not None and not ISO_DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    return value


class FormerName(StrictModel):
    """A name the actor went by for a while (``until`` is when it stopped)."""

    name: str
    start: str | None = None
    until: str | None = None

    _dates = field_validator("start", "until")(_check_date)


class ActorRelation(StrictModel):
    """Public, dated knowledge linking this actor to another KB actor."""

    type: KbRelationType
    target: str
    start: str | None = None
    end: str | None = None
    note: str | None = None

    _dates = field_validator("start", "end")(_check_date)


class Actor(StrictModel):
    """One actor of the conflict under every name it is known by."""

    id: str
    type: ActorType
    category: Category
    name: str
    aliases: tuple[str, ...] = ()
    arabic: tuple[str, ...] = ()
    former_names: tuple[FormerName, ...] = ()
    demonyms: tuple[str, ...] = ()
    seat: str | None = None
    """The city whose name stands for the actor when it acts ("Ankara said", "sanctions by Washington")."""
    government_of: str | None = None
    """The state this actor governs, so that "government forces" in an article about that state are it."""
    formed: str | None = None
    dissolved: str | None = None
    relations: tuple[ActorRelation, ...] = ()
    description: str | None = None

    _dates = field_validator("formed", "dissolved")(_check_date)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"{value!r} is not a lower-case slug such as 'hayat-tahrir-al-sham'")
        return value

    def all_names(self) -> list[str]:
        """Every surface form, canonical name first, without repeats."""
        names = [self.name, *self.aliases, *(f.name for f in self.former_names), *self.arabic]
        return list(dict.fromkeys(n for n in names if n.strip()))


class KnowledgeBase(StrictModel):
    """The whole gazetteer; relation targets must name actors in it, or in the KB a user's file merges over
    (the ids given as ``known_ids`` in the validation context)."""

    schema_version: Literal[1] = 1
    actors: tuple[Actor, ...] = Field(default_factory=tuple)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> KnowledgeBase:
        ids = [a.id for a in self.actors]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"actor ids used twice: {', '.join(duplicates)}")
        known = set(ids) | set((info.context or {}).get("known_ids", ()))
        targets = [(a.id, r.target) for a in self.actors for r in a.relations]
        targets += [(a.id, a.government_of) for a in self.actors if a.government_of]
        dangling = sorted({f"{source} -> {target}" for source, target in targets if target not in known})
        if dangling:
            raise ValueError(f"relations to unknown actors: {', '.join(dangling)}")
        return self

    @cached_property
    def by_id(self) -> dict[str, Actor]:
        """The actors by id, built on first use (the KB is read once and asked often)."""
        return {a.id: a for a in self.actors}

    @cached_property
    def name_keys(self) -> tuple[tuple[str, str, str, str, str], ...]:
        """Every name of every actor as (actor id, type, name, its name key, its transliteration skeleton).

        The resolver and the name mender index the KB by these keys at every start: :func:`load_kb` computes
        them before the KB goes into the start-up cache, so later runs read them with it."""
        return tuple((a.id, a.type, n, name_key(n), translit_key(n)) for a in self.actors for n in a.all_names())

    @cached_property
    def relations_into(self) -> dict[str, list[tuple[str, ActorRelation]]]:
        """The relations pointing at each actor, as (source actor id, relation): its members, its leaders."""
        into: dict[str, list[tuple[str, ActorRelation]]] = {}
        for actor in self.actors:
            for relation in actor.relations:
                into.setdefault(relation.target, []).append((actor.id, relation))
        return into

    def get(self, actor_id: str) -> Actor | None:
        return self.by_id.get(actor_id)

    def merged_with(self, other: KnowledgeBase) -> KnowledgeBase:
        """This KB with ``other``'s actors replacing or adding to ours, key by key (by id)."""
        by_id = {a.id: a for a in self.actors}
        by_id.update({a.id: a for a in other.actors})
        return KnowledgeBase(actors=tuple(by_id.values()))


def read_kb_file(path: Path | str, *, over: KnowledgeBase | None = None) -> KnowledgeBase:
    """Read and validate one KB file; errors name the file and the first problem. A user's file read ``over``
    the shipped KB may point its relations at the shipped KB's actors."""
    path = Path(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise KnowledgeBaseError(path, f"cannot be read: {error}") from error
    context = {"known_ids": over.by_id} if over is not None else None
    return validated(KnowledgeBase, raw or {}, path, KnowledgeBaseError, context)


def default_kb_path() -> Path:
    return Path(str(resources.files("factiongraph") / "data" / "actors.yaml"))


def kb_files(extra: Path | None = None) -> list[Path]:
    """The files :func:`load_kb` reads: what an index built from the KB is keyed by in the cache."""
    return [default_kb_path(), *([extra] if extra else [])]


@cache
def load_kb(extra: Path | None = None) -> KnowledgeBase:
    """The shipped KB, merged with a user's file when one is given; read from the cache while the files
    are unchanged."""

    def read() -> KnowledgeBase:
        kb = read_kb_file(default_kb_path())
        kb = kb.merged_with(read_kb_file(extra, over=kb)) if extra else kb
        kb.name_keys  # noqa: B018 - computed now, to be cached with the KB
        return kb

    kb = cached("kb", kb_files(extra), read)
    keep_for_the_run()
    return kb


def find_in_kb(kb: KnowledgeBase, name: str) -> Actor:
    """The KB actor with ``name`` among its names or its id (any spelling the keys fold)."""
    wanted = name_key(name)
    for actor in kb.actors:
        if actor.id == name or any(name_key(n) == wanted for n in actor.all_names()):
            return actor
    raise KnowledgeBaseError(default_kb_path(), f"has no actor named {name!r}: 'factiongraph kb list' lists them")
