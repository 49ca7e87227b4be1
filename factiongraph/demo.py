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
    from factiongraph.graph import ActorProfile, RelationView

DEMO_DB = "factiongraph-demo.db"
DEMO_PAIR = ("Syrian National Army", "Hayat Tahrir al-Sham")
"""The question the project started from: how have these two related, and who says so?"""


def sample_corpus() -> Path:
    """The bundled sample articles, written by the project about public facts."""
    return Path(str(resources.files("factiongraph") / "data" / "sample"))


@dataclass
class DemoSummary:
    ingest: IngestSummary
    actors: list[ActorProfile] = field(default_factory=list)
    pair: tuple[str, str] | None = None
    timeline: list[RelationView] = field(default_factory=list)


def build_demo(db: Database, *, progress: Progress | None = None, top: int = 6) -> DemoSummary:
    """Ingest the sample corpus into ``db`` and gather the most mentioned actors and the timeline between
    the SNA and HTS, their members and leaders included (else the pair related in the most documents)."""
    from factiongraph.build import ingest  # here, not at the top: the demo command's help needs none of it
    from factiongraph.graph import actor_profile, busiest_pair, list_actors, relations_between
    from factiongraph.kb import load_kb

    summary = DemoSummary(ingest(db, [sample_corpus()], progress=progress))
    actors = [a for a in list_actors(db, limit=top * 3) if a.type in ("Person", "Organisation")]
    summary.actors = [actor_profile(db, a.name) for a in actors[:top]]
    try:
        summary.timeline = relations_between(db, *DEMO_PAIR, include_members=True, kb=load_kb())
        summary.pair = DEMO_PAIR
    except UnknownActorError:
        summary.pair = busiest_pair(db)
        if summary.pair:
            summary.timeline = relations_between(db, *summary.pair)
    return summary
