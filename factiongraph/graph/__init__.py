"""Query API over the stored graph."""

from factiongraph.graph.claims import ClaimView, list_claims
from factiongraph.graph.corrections import merge, merge_event_ids, merge_ids, split, split_event_report, split_id
from factiongraph.graph.documents import DocumentDetail, DocumentSummary, document_detail, list_documents
from factiongraph.graph.events import EventReport, EventView, event_detail, list_events
from factiongraph.graph.items import (
    ActorRef,
    Citation,
    ClaimItem,
    EventItem,
    Page,
    PlaceRef,
    RelationItem,
    claims_page,
    events_page,
    relations_page,
)
from factiongraph.graph.kb_links import KbRelation, kb_relations
from factiongraph.graph.network import EdgeTableCache, MapView, Network, map_view, network
from factiongraph.graph.profile import ActorDetail, PairTimeline, actor_detail, pair_timeline
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
from factiongraph.graph.search import ActorHit, search_actors
from factiongraph.graph.snapshot import Snapshot, StateItem, snapshot, snapshot_json
from factiongraph.graph.stats import StoreStats, store_stats

__all__ = [
    "ActorDetail",
    "ActorHit",
    "ActorProfile",
    "ActorRef",
    "ActorSummary",
    "Citation",
    "ClaimItem",
    "ClaimView",
    "DocumentDetail",
    "DocumentSummary",
    "EdgeTableCache",
    "EventItem",
    "EventReport",
    "EventView",
    "Evidence",
    "KbRelation",
    "MapView",
    "Network",
    "Page",
    "PairTimeline",
    "PlaceRef",
    "RelationItem",
    "RelationView",
    "Snapshot",
    "StateItem",
    "StoreStats",
    "actor_detail",
    "actor_profile",
    "busiest_pair",
    "claims_page",
    "document_detail",
    "events_page",
    "find_actor",
    "kb_relations",
    "list_actors",
    "list_claims",
    "list_documents",
    "event_detail",
    "list_events",
    "merge_event_ids",
    "split_event_report",
    "map_view",
    "members_of",
    "merge",
    "merge_ids",
    "network",
    "pair_timeline",
    "relations_between",
    "relations_of",
    "relations_page",
    "search_actors",
    "snapshot",
    "snapshot_json",
    "split",
    "split_id",
    "store_stats",
]
