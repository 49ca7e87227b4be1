"""Plain records passed from resolution to the store: no spaCy objects, no SQL.

Offsets are Python string offsets into the stored document text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Article:
    """An article as read from a file, before any NLP.

    ``source`` names where it came from (a path, ``path#line``); ``external_id``
    keeps a corpus's own identifier (re3d's ``_id``) so outputs can refer to it.
    """

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    external_id: str | None = None

    def with_defaults(self, **defaults: str | None) -> Article:
        """Fill metadata the file did not give from ``defaults`` (CLI flags); the file wins."""
        missing = {k: v for k, v in defaults.items() if v is not None and getattr(self, k) is None}
        return replace(self, **missing) if missing else self

    @property
    def fingerprint(self) -> str:
        """Content key: identical texts (up to case and white space) get the same fingerprint."""
        canonical = re.sub(r"\s+", " ", self.text).strip().casefold()
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Alias:
    """A name of an entity and the keys it is looked up by (normalised, transliteration skeleton)."""

    name: str
    key: str
    translit: str


@dataclass(frozen=True)
class EntityRecord:
    """A canonical entity a document speaks of; ``key`` is its identity across documents.

    ``aliases`` include the canonical name.
    """

    key: str
    type: str
    name: str
    kb_id: str | None = None
    aliases: tuple[Alias, ...] = ()
    place: PlaceRecord | None = None


@dataclass(frozen=True)
class PlaceRecord:
    """Where a place is, and how precisely (town, district, governorate, country)."""

    id: str
    latitude: float
    longitude: float
    precision: str


@dataclass(frozen=True)
class MentionRecord:
    begin: int
    end: int
    text: str
    type: str
    sentence: int
    entity_key: str | None = None
    name_key: str = ""


@dataclass(frozen=True)
class RelationRecord:
    """``source`` --type--> ``target``, said by the sentence ``evidence_begin:evidence_end``."""

    type: str
    source_key: str
    target_key: str
    source_begin: int
    source_end: int
    target_begin: int
    target_end: int
    sentence: int
    evidence_begin: int
    evidence_end: int
    when_start: str | None = None
    when_end: str | None = None
    precision: str = "unknown"


@dataclass(frozen=True)
class EventRecord:
    """A PLOVER-typed event: its actors by role ("source" acts, "target" is acted on), place, date, sentence."""

    type: str
    actors: tuple[tuple[str, str], ...]
    place_key: str | None
    sentence: int
    evidence_begin: int
    evidence_end: int
    when_start: str | None = None
    when_end: str | None = None
    precision: str = "unknown"
    trigger: str | None = None
    """The word that tells it ("clashes", "shelled")."""
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    killed: int | None = None
    injured: int | None = None


@dataclass(frozen=True)
class ClaimRecord:
    """What a speaker claims and how firmly (asserted, denied, possible, likely), about which actors."""

    speaker_key: str | None
    speaker_text: str | None
    stance: str
    content: str
    cue: str
    about: tuple[str, ...]
    sentence: int
    evidence_begin: int
    evidence_end: int
    when_start: str | None = None
    when_end: str | None = None


@dataclass
class ResolvedDocument:
    """Everything the store keeps about one article."""

    article: Article
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: dict[str, EntityRecord] = field(default_factory=dict)
    mentions: list[MentionRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
