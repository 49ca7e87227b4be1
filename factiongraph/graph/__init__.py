"""Query API over the stored graph."""

from factiongraph.graph.claims import ClaimView, list_claims
from factiongraph.graph.corrections import merge, split
from factiongraph.graph.events import EventView, list_events
from factiongraph.graph.queries import (
    ActorProfile,
    ActorSummary,
    Evidence,
    RelationView,
    actor_profile,
    busiest_pair,
    find_actor,
    list_actors,
    members_of,
    relations_between,
    relations_of,
)

__all__ = [
    "ActorProfile",
    "ActorSummary",
    "ClaimView",
    "EventView",
    "Evidence",
    "RelationView",
    "actor_profile",
    "busiest_pair",
    "find_actor",
    "list_actors",
    "list_claims",
    "list_events",
    "members_of",
    "merge",
    "relations_between",
    "relations_of",
    "split",
]
