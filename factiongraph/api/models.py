"""The API's response and request shapes (docs/api-contract.md); pydantic, so /openapi.json documents them.

Where the library's dataclass is the shape as it is (:class:`Evidence`, :class:`NetworkEdge`, and /api/stats's
:class:`~factiongraph.graph.stats.Stats`), the API names it rather than a copy of its fields."""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from factiongraph import vocab
from factiongraph.graph.items import Evidence
from factiongraph.graph.network import NetworkEdge
from factiongraph.vocab import Category, EventType, KbAffiliationType, RelationType, Stance

T = TypeVar("T")

MAX_INT = 2**63 - 1
"""SQLite's largest INTEGER: a larger number is no id and no count, and would overflow the driver."""
Id = Annotated[int, Field(strict=True, ge=1, le=MAX_INT)]
"""An id in a request body: a JSON integer (not true, not 2.0) that SQLite can hold."""


class ActorRef(BaseModel):
    id: int
    name: str
    type: str = Field(description=f"As stored: {', '.join(vocab.ACTOR_TYPES)}, ...")


class PlaceRef(ActorRef):
    lat: float | None
    lon: float | None


class RelationItem(BaseModel):
    id: int
    type: str
    source: ActorRef
    target: PlaceRef | ActorRef = Field(description="With lat/lon when the target is a place with coordinates.")
    when: str | None = Field(description='An ISO date, or an interval "start/end" with ".." for an open end.')
    start: str | None
    end: str | None
    precision: str | None
    evidence: Evidence


class EventActor(ActorRef):
    role: Literal["source", "target"] = Field(description='"source" acts, "target" is acted on.')


class EventReport(BaseModel):
    """One article's report of an event."""

    document_id: int
    title: str | None
    outlet: str | None
    published: str | None
    killed: int | None = Field(description="The death toll this report gives.")
    injured: int | None
    joined_because: str = Field(description="Why this report was taken to tell this event.")
    evidence: list[Evidence]


class EventItem(BaseModel):
    """An event counted once however many articles report it."""

    id: int
    type: str = Field(description="PLOVER category.")
    mode: str | None = Field(description="PLOVER mode: how it was done.")
    acled_event_type: str | None
    acled_sub_event_type: str | None
    when: str | None
    precision: str | None
    place: PlaceRef | None
    actors: list[EventActor] = Field(description="Those that act first.")
    evidence: Evidence = Field(description="The first report's sentence.")
    reports: list[EventReport] = Field(description="One per article, first published first.")


class ClaimItem(BaseModel):
    id: int
    speaker: ActorRef | None
    speaker_text: str | None = Field(description="For an unnamed source, the words that describe it.")
    stance: Stance
    about: list[ActorRef]
    content: str
    when: str | None
    evidence: Evidence


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class ActorHit(ActorRef):
    aliases: list[str]
    mentions: int
    kb_id: str | None


class KbRelation(BaseModel):
    """A public affiliation from the actor knowledge base: no article says it, so it has no evidence."""

    type: KbAffiliationType
    source: ActorRef | None = Field(description="null when that KB actor is not in the store (see `name`).")
    target: ActorRef | None = Field(description="null when that KB actor is not in the store (see `name`).")
    name: str = Field(description="The other end's name in the knowledge base.")
    kb_id: str = Field(description="The other end's knowledge-base id.")
    start: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    end: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD.")
    note: str | None


class ActorDetail(ActorRef):
    kb_id: str | None
    lat: float | None
    lon: float | None
    precision: str | None = Field(description="How exactly lat/lon place it: town, governorate, country, ...")
    names: list[str] = Field(description="Every name, in every script.")
    affiliations: list[RelationItem] = Field(description="BelongsTo from this actor.")
    members: list[RelationItem] = Field(description="BelongsTo to this actor.")
    commanders: list[RelationItem] = Field(description="InChargeOf to this actor.")
    commands: list[RelationItem] = Field(description="InChargeOf from this actor.")
    territory: list[RelationItem] = Field(description="Controls from this actor.")
    relations: list[RelationItem] = Field(description="All, dated first, oldest first.")
    events: list[EventItem]
    claims_about: list[ClaimItem]
    claims_by: list[ClaimItem]
    totals: dict[str, int] = Field(description="How many items each list has in all; each list holds at most `limit`.")
    knowledge_base: list[KbRelation] = Field(
        description="The knowledge base's BelongsTo, InChargeOf and AlliesOf relations from this actor, then to it; "
        "not capped."
    )


class PairTimeline(BaseModel):
    a: ActorRef
    b: ActorRef
    relations: list[RelationItem]
    claims: list[ClaimItem]
    totals: dict[str, int] = Field(description="How many relations and claims there are in all (lists are capped).")


class DocumentSummary(BaseModel):
    id: int
    title: str | None
    published: str | None
    url: str | None
    language: str | None


class TextSpan(BaseModel):
    start: int
    end: int


class MentionSpan(TextSpan):
    entity: ActorRef


class RelationSpan(TextSpan):
    id: int
    type: str
    source: ActorRef
    target: ActorRef


class DocumentDetail(DocumentSummary):
    text: str = Field(description="Plain text, never markup; every offset points into it.")
    sentences: list[TextSpan]
    mentions: list[MentionSpan]
    relations: list[RelationSpan]


class NetworkNode(ActorRef):
    degree: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    total_nodes: int = Field(description="Actors tied to any other in the window, before `limit` is applied.")
    total_edges: int = Field(description="Edges among the kept actors, before `max_edges` is applied.")


class MapView(BaseModel):
    events: list[EventItem]
    controlled: list[RelationItem]
    totals: dict[str, int]


class Held(BaseModel):
    """What every snapshot item has: the interval its statements give together, and their evidence."""

    start: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD; null when open to the past.")
    end: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD; null when nothing says it ended.")
    evidence: list[Evidence] = Field(description="Every statement's sentence, oldest article first.")


class ControlHeld(Held):
    actor: ActorRef
    place: PlaceRef | ActorRef = Field(description="With lat/lon when the place has coordinates.")


class MembershipHeld(Held):
    member: ActorRef
    group: ActorRef


class CommandHeld(Held):
    commander: ActorRef
    unit: ActorRef


class Snapshot(BaseModel):
    on: str = Field(description="The date asked for, read as the whole year, month or day it names.")
    controls: list[ControlHeld]
    memberships: list[MembershipHeld]
    commands: list[CommandHeld]


class ErrorBody(BaseModel):
    status: int
    message: str
    details: list[dict[str, object]] = []


class ErrorResponse(BaseModel):
    error: ErrorBody


class MergeRequest(BaseModel):
    keep: Id | str = Field(description="Id or any name of the actor to keep.")
    other: Id | str = Field(description="Id or any name of the actor that is the same one.")


class EventMergeRequest(BaseModel):
    keep: Id = Field(description="Id of the event to keep.")
    other: Id = Field(description="Id of the event that is the same one.")


class EventSplitRequest(BaseModel):
    event: Id = Field(description="Id of the event.")
    document: Id = Field(description="Id of the document whose reports tell another event.")


class SplitRequest(BaseModel):
    actor: Id | str = Field(description="Id or any name of the actor.")
    name: str = Field(min_length=1, description="The name that is not this actor.")


class DocumentRequest(BaseModel):
    text: str = Field(min_length=1)
    title: str | None = None
    published: str | None = Field(None, description="YYYY, YYYY-MM, YYYY-MM-DD or written out ('May 2022').")
    url: str | None = None


class DocumentCreated(DocumentSummary):
    created: bool = Field(description="False when the same text was already stored.")


class Term(BaseModel):
    """A value of a vocabulary as the UI shows it."""

    name: str
    label: str
    color: str = Field(description="A CSS colour.")


class Meta(BaseModel):
    """The vocabularies of :mod:`factiongraph.vocab`, for a client to draw with instead of copying them."""

    actor_types: list[Term]
    relation_types: list[Term] = Field(description="Every relation type, in the order a legend lists them.")
    relation_groups: dict[str, list[RelationType]] = Field(
        description="Named sets of relation types: symmetric, hostile, incidental (off in the network by default), ..."
    )
    stances: list[Term] = Field(description="Every claim stance, firmest first.")
    event_types: list[EventType] = Field(description="The PLOVER event categories.")
    acled_event_types: dict[str, list[str]] = Field(description="ACLED's event types and the sub-event types of each.")
    categories: list[Category] = Field(description="The knowledge base's kinds of actor.")


def meta() -> Meta:
    """:class:`Meta` from :mod:`factiongraph.vocab`."""
    order = {t: i for i, t in enumerate(vocab.RELATION_TYPES)}
    return Meta(
        actor_types=[Term(**t._asdict()) for t in vocab.ACTOR_TERMS],
        relation_types=[Term(**t._asdict()) for t in vocab.RELATION_TERMS],
        relation_groups={name: sorted(group, key=order.__getitem__) for name, group in vocab.RELATION_GROUPS.items()},
        stances=[Term(**t._asdict()) for t in vocab.STANCE_TERMS],
        event_types=list(vocab.EVENT_TYPES),
        acled_event_types={k: list(v) for k, v in vocab.ACLED_SUB_EVENT_TYPES.items()},
        categories=list(vocab.CATEGORIES),
    )
