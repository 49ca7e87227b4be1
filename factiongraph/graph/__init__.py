"""Query API over the stored graph: id-based items, read alike by the CLI, the HTTP API and the UI."""

from factiongraph.graph.corrections import merge_event_ids, merge_ids, split_event_report, split_id
from factiongraph.graph.documents import DocumentDetail, DocumentSummary, document_detail, list_documents
from factiongraph.graph.items import (
    EVERY,
    ActorRef,
    ClaimItem,
    EventActor,
    EventItem,
    EventReport,
    Evidence,
    Page,
    PlaceRef,
    RelationItem,
    claims_page,
    events_page,
    find_actor,
    one_event,
    relations_page,
)
from factiongraph.graph.kb_links import KbRelation, kb_relations
from factiongraph.graph.network import EdgeTableCache, MapView, Network, map_view, network
from factiongraph.graph.profile import ActorDetail, PairTimeline, actor_detail, pair_timeline, written_as
from factiongraph.graph.queries import busiest_pair, members_of
from factiongraph.graph.search import ActorHit, documents_mentioning, search_actors
from factiongraph.graph.snapshot import Snapshot, StateItem, snapshot, snapshot_json
from factiongraph.graph.stats import Stats, store_stats

__all__ = [
    "EVERY",
    "ActorDetail",
    "ActorHit",
    "ActorRef",
    "ClaimItem",
    "DocumentDetail",
    "DocumentSummary",
    "EdgeTableCache",
    "EventActor",
    "EventItem",
    "EventReport",
    "Evidence",
    "KbRelation",
    "MapView",
    "Network",
    "Page",
    "PairTimeline",
    "PlaceRef",
    "RelationItem",
    "Snapshot",
    "StateItem",
    "Stats",
    "actor_detail",
    "busiest_pair",
    "claims_page",
    "document_detail",
    "documents_mentioning",
    "events_page",
    "find_actor",
    "kb_relations",
    "list_documents",
    "map_view",
    "members_of",
    "merge_event_ids",
    "merge_ids",
    "network",
    "one_event",
    "pair_timeline",
    "relations_page",
    "search_actors",
    "snapshot",
    "snapshot_json",
    "split_event_report",
    "split_id",
    "store_stats",
    "written_as",
]
