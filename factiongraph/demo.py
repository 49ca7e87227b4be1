"""The demo: a store built from the bundled sample corpus, and a summary worth reading.

The same builder feeds the tests, so what the README shows is what the tests check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from factiongraph.errors import UnknownActorError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from factiongraph.build import IngestSummary, Progress
    from factiongraph.graph import ActorDetail, RelationItem

DEMO_DB = "factiongraph-demo.db"
DEMO_PAIR = ("Syrian National Army", "Hayat Tahrir al-Sham")
"""The question the project started from: how have these two related, and who says so?"""


def sample_corpus() -> Path:
    """The bundled sample articles, written by the project about public facts."""
    return Path(str(resources.files("factiongraph") / "data" / "sample"))


@dataclass(frozen=True)
class DemoActor:
    """One of the most mentioned actors: the API's page of it, how the articles write it, and its relations."""

    actor: ActorDetail
    written_as: list[str]
    relations: list[RelationItem]


@dataclass
class DemoSummary:
    ingest: IngestSummary
    actors: list[DemoActor] = field(default_factory=list)
    pair: tuple[str, str] | None = None
    timeline: list[RelationItem] = field(default_factory=list)


def build_demo(db: Database, *, progress: Progress | None = None, top: int = 6) -> DemoSummary:
    """Ingest the sample corpus into ``db`` and gather the most mentioned actors and the timeline between
    the SNA and HTS, their members and leaders included (else the pair related in the most documents)."""
    from factiongraph.build import ingest  # here, not at the top: the demo command's help needs none of it
    from factiongraph.graph import (
        EVERY,
        actor_detail,
        busiest_pair,
        find_actor,
        pair_timeline,
        relations_page,
        search_actors,
        written_as,
    )
    from factiongraph.kb import load_kb

    summary = DemoSummary(ingest(db, [sample_corpus()], progress=progress))
    hits = [h for h in search_actors(db, limit=top * 3).items if h.mentions and h.type in ("Person", "Organisation")]
    for hit in hits[:top]:
        relations = relations_page(db, actor=hit.id, limit=EVERY).items
        summary.actors.append(DemoActor(actor_detail(db, hit.id, limit=1), written_as(db, hit.id), relations))
    try:
        first, second = find_actor(db, DEMO_PAIR[0]), find_actor(db, DEMO_PAIR[1])
        summary.timeline = pair_timeline(db, first, second, include_members=True, kb=load_kb(), limit=EVERY).relations
        summary.pair = DEMO_PAIR
    except UnknownActorError:
        busiest = busiest_pair(db)
        if busiest:
            pair = pair_timeline(db, *busiest, limit=EVERY)
            summary.pair, summary.timeline = (pair.a.name, pair.b.name), pair.relations
    return summary
