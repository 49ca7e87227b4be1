"""Plain records passed from resolution to the store: no spaCy objects, no SQL.

Offsets are Python string offsets into the stored document text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factiongraph.ingest.article import Article


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
