"""The graph's vocabularies, defined once: actor types, relation types and their groups, claim stances, event types,
and the form of a stored date.

Every module that names one of these imports it from here, and the API serves them at ``/api/meta`` (with a
label and a colour each) so the web UI draws what this module says: a type added here reaches the lexicon
schemas, the store, the CLI, the exports and the UI together. No other factiongraph module is imported, so
anything may import this one.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple, get_args

ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
"""A stored date: YYYY, YYYY-MM or YYYY-MM-DD, in ASCII digits (``fullmatch`` for the stored form exactly)."""

# --------------------------------------------------------------------------------------------
# Actor and mention types
# --------------------------------------------------------------------------------------------

ActorType = Literal["Person", "Organisation", "Location", "Nationality"]
"""What a stored actor is: re3d's entity types less Temporal."""
MentionType = Literal[ActorType, "Temporal"]
"""What a mention in a text is: an actor's type, or a date."""
ACTOR_TYPES: tuple[ActorType, ...] = get_args(ActorType)
MENTION_TYPES: tuple[MentionType, ...] = (*ACTOR_TYPES, "Temporal")

AGENTS: frozenset[str] = frozenset({"Person", "Organisation", "Nationality"})
"""Mentions that act by themselves; a place acts only as a state ("Turkey said")."""
COLLECTIVES: frozenset[str] = frozenset({"Organisation", "Nationality", "Location"})
"""What a body, an office or a speaker can belong to or speak for: a group, or a state by its demonym or name."""
SPEAKERS: frozenset[str] = frozenset({"Person", "Organisation"})
"""Who can make a claim; a place stands for its government only when it is the subject itself ("Damascus said")."""

Category = Literal[
    "armed-group",
    "coalition",
    "state",
    "state-force",
    "agency",
    "political-body",
    "international-organisation",
    "media",
    "ethnic-religious-group",
    "person",
    "other",
]
"""The knowledge base's finer kinds of actor (``data/actors.yaml``)."""
CATEGORIES: tuple[Category, ...] = get_args(Category)

PlacePrecision = Literal["town", "district", "governorate", "country"]
"""How exactly a place's coordinates pin it down."""

# --------------------------------------------------------------------------------------------
# Relation types and their groups
# --------------------------------------------------------------------------------------------

RelationType = Literal[
    "AlliesOf",
    "BelongsTo",
    "CoLocated",
    "CommWith",
    "Dislikes",
    "FightingAgainst",
    "InChargeOf",
    "IsSynonymOf",
    "Likes",
    "Controls",
]
"""re3d's relation types, and Controls (a holder and the place it holds)."""
RELATION_TYPES: tuple[RelationType, ...] = get_args(RelationType)
RE3D_RELATION_TYPES: tuple[str, ...] = tuple(sorted(set(RELATION_TYPES) - {"Controls"}))
"""The types re3d annotates, which its evaluation scores."""

KbRelationType = Literal["BelongsTo", "InChargeOf", "AlliesOf", "FightingAgainst", "Controls"]
"""The relations the knowledge base records between its actors, with dates."""
KbAffiliationType = Literal["BelongsTo", "InChargeOf", "AlliesOf"]
"""The knowledge base's relations an actor page shows: coalitions, leaders and alliances."""
KB_AFFILIATIONS: tuple[KbAffiliationType, ...] = get_args(KbAffiliationType)

MEMBERSHIP: frozenset[str] = frozenset({"BelongsTo", "InChargeOf"})
"""A member's or a leader's tie to its group: an actor's affiliations."""
SYMMETRIC: frozenset[str] = frozenset({"FightingAgainst", "AlliesOf", "CommWith", "IsSynonymOf", "CoLocated"})
"""Relations that read the same both ways: one found either way is the same fact."""
HOSTILE: frozenset[str] = frozenset({"FightingAgainst", "Dislikes"})
ATTITUDES: frozenset[str] = frozenset({"Likes", "Dislikes"})
"""What one side thinks of another, said rather than done."""
BETWEEN_ACTORS: frozenset[str] = frozenset({"CommWith", "Likes", "Dislikes", "AlliesOf", "FightingAgainst"})
"""Relations between two sides, each of which can be a group's men or its area standing for it."""
MET_THERE: frozenset[str] = frozenset({"FightingAgainst", "CommWith"})
"""Relations whose sides meet where the clause happens: a battle's, a meeting's place is both sides'."""
PLACED: frozenset[str] = frozenset({"CoLocated", "Controls"})
"""Relations from an actor to a place where it is: a group's men there put the group there."""
LASTING: frozenset[str] = frozenset({"BelongsTo", "InChargeOf", "Controls"})
"""Relations that hold over a time, with a start and an end, rather than happen at one."""
PRESUPPOSED: frozenset[str] = LASTING | {"IsSynonymOf", "AlliesOf"}
"""What a noun phrase can take for granted ("HTS leader X", "the Turkish-backed SNA")."""
INCIDENTAL: frozenset[str] = frozenset({"CoLocated", "IsSynonymOf"})
"""Where or who an actor is rather than how it stands to another: off by default in the network, since
co-location links every actor to every place of a sentence and buries the rest."""

RELATION_GROUPS: dict[str, frozenset[str]] = {
    "membership": MEMBERSHIP,
    "symmetric": SYMMETRIC,
    "hostile": HOSTILE,
    "attitudes": ATTITUDES,
    "between_actors": BETWEEN_ACTORS,
    "met_there": MET_THERE,
    "placed": PLACED,
    "lasting": LASTING,
    "presupposed": PRESUPPOSED,
    "incidental": INCIDENTAL,
    "kb_affiliations": frozenset(KB_AFFILIATIONS),
}
"""Every group by the name ``/api/meta`` serves it under."""

# --------------------------------------------------------------------------------------------
# Claim stances
# --------------------------------------------------------------------------------------------

Stance = Literal["asserted", "denied", "possible", "likely"]
"""How a claim is put."""
STANCES: tuple[Stance, ...] = get_args(Stance)
ASSERTED: Stance = "asserted"

# --------------------------------------------------------------------------------------------
# Event types
# --------------------------------------------------------------------------------------------

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
"""The PLOVER event categories."""
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)

AcledEventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]
ACLED_SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
"""ACLED's event types and the sub-event types of each, as its codebook names them."""

# --------------------------------------------------------------------------------------------
# How the UI shows them
# --------------------------------------------------------------------------------------------


class Term(NamedTuple):
    """A value of a vocabulary as a reader sees it: its name, a label and the colour it is drawn in."""

    name: str
    label: str
    color: str


RELATION_TERMS: tuple[Term, ...] = (
    Term("BelongsTo", "belongs to", "#2563eb"),
    Term("InChargeOf", "in charge of", "#7c3aed"),
    Term("AlliesOf", "allies of", "#059669"),
    Term("Likes", "likes", "#65a30d"),
    Term("CommWith", "communicates with", "#0891b2"),
    Term("Controls", "controls", "#b45309"),
    Term("FightingAgainst", "fighting against", "#dc2626"),
    Term("Dislikes", "dislikes", "#db2777"),
    Term("CoLocated", "co-located", "#64748b"),
    Term("IsSynonymOf", "same as", "#94a3b8"),
)
"""Every relation type, from ties within a side through talk to hostility, then the incidental ones."""
ACTOR_TERMS: tuple[Term, ...] = (
    Term("Organisation", "Organisation", "#1e3a8a"),
    Term("Person", "Person", "#b45309"),
    Term("Location", "Location", "#047857"),
    Term("Nationality", "Nationality", "#6b21a8"),
)
STANCE_TERMS: tuple[Term, ...] = (
    Term("asserted", "asserted", "#1d4ed8"),
    Term("likely", "likely", "#0d9488"),
    Term("possible", "possible", "#ca8a04"),
    Term("denied", "denied", "#b91c1c"),
)
"""Every stance, firmest first."""
