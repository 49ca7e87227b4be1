"""Score a store's events against a gold file of incidents and the reports that tell them.

An analyst counts incidents, not reports. Each event mention the store holds is read as
telling the gold incident that its article reports, of its PLOVER category, whose place
(or governorate) or one of whose actors it names; a mention that tells none is spurious.
Then: how many of the (incident, report) pairs some mention tells; how well reports are
joined (pairs of mentions from two articles: joined in the store and one incident in the
gold, precision and recall); how many incidents are split over several events and how
many events join several incidents; and how many reports' death tolls are read right.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from factiongraph.build import ingest
from factiongraph.errors import InputError
from factiongraph.evaluation_graph import Tally
from factiongraph.keys import name_key
from factiongraph.resolve.events import inside
from factiongraph.store import open_store
from factiongraph.store.events import event_places
from factiongraph.store.queries import entity_ids_for_name


@dataclass(frozen=True)
class EventScore:
    incidents: int
    events: int
    """Events with a report from the scored articles."""
    reports: Tally
    """(incident, report) pairs some mention tells."""
    linked_pairs: int
    right_pairs: int
    gold_pairs: int
    split: int
    """Events beyond the first that hold reports of one incident."""
    merged: int
    """Events that hold reports of more than one incident."""
    spurious: int
    """Mentions that tell no gold incident."""
    deaths: Tally
    """Reports with a death toll whose toll was read right."""
    not_events: Tally = field(default_factory=Tally)
    """Articles that tell no incident and in which the store found none."""

    @property
    def link_precision(self) -> float:
        return self.right_pairs / self.linked_pairs if self.linked_pairs else 0.0

    @property
    def link_recall(self) -> float:
        return self.right_pairs / self.gold_pairs if self.gold_pairs else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "incidents": self.incidents,
            "events": self.events,
            "reports": self.reports.as_dict(),
            "link_precision": round(self.link_precision, 4),
            "link_recall": round(self.link_recall, 4),
            "split": self.split,
            "merged": self.merged,
            "spurious": self.spurious,
            "deaths": self.deaths.as_dict(),
            "not_events": self.not_events.as_dict(),
        }


def _ids(db: Database, names: Iterable[str]) -> set[int]:
    return {i for name in names if name for i in entity_ids_for_name(db, name_key(name))}


def score_events(db: Database, gold_path: Path) -> EventScore:
    """Score the events of the articles named in the gold file (matched by file name) in ``db``."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    documents = {Path(source).name: doc_id for doc_id, source in db.execute("SELECT id, source FROM documents")}
    incidents = gold["events"]
    places = {
        g["id"]: _ids(db, [g.get("place", ""), g.get("place_en", ""), g.get("governorate", "")]) for g in incidents
    }
    actors = {g["id"]: _ids(db, [*g.get("actors", []), *g.get("actors_en", [])]) for g in incidents}
    scored = {documents[f] for g in incidents for f in g["reports"] if f in documents}
    scored |= {documents[f] for f in gold.get("not_events", []) if f in documents}
    rows = db.execute(
        "SELECT m.id, m.event_id, m.document_id, m.type, m.place_id, m.killed FROM event_mentions m "
        f"WHERE m.document_id IN ({','.join('?' * len(scored))})",
        sorted(scored),
    ).fetchall()
    mention_actors: dict[int, set[int]] = {}
    for mention_id, entity_id in db.execute(
        "SELECT a.mention_id, a.entity_id FROM event_mention_actors a JOIN event_mentions m ON m.id = a.mention_id"
    ):
        mention_actors.setdefault(mention_id, set()).add(entity_id)
    located = event_places(db, [r[4] for r in rows if r[4] is not None] + [i for ids in places.values() for i in ids])
    told_by: dict[int, str] = {}  # mention -> incident
    for mention_id, _, document_id, event_type, place_id, _ in rows:
        best: tuple[int, str] | None = None
        for incident in incidents:
            files = {documents.get(f) for f in incident["reports"]}
            if document_id not in files or incident["type"] != event_type:
                continue
            place = located.get(place_id) if place_id is not None else None
            at_place = place is not None and any(
                inside(place, located[p]) or inside(located[p], place) for p in places[incident["id"]] if p in located
            )
            with_actor = bool(mention_actors.get(mention_id, set()) & actors[incident["id"]])
            fit = 2 * at_place + with_actor
            if fit and (best is None or fit > best[0]):
                best = (fit, incident["id"])
        if best is not None:
            told_by[mention_id] = best[1]
    event_of = {r[0]: r[1] for r in rows}
    document_of = {r[0]: r[2] for r in rows}
    killed_of = {r[0]: r[5] for r in rows}
    reports = Tally(
        sum(
            1
            for g in incidents
            for f in g["reports"]
            if any(told_by.get(m) == g["id"] and document_of[m] == documents.get(f) for m in told_by)
        ),
        sum(len(g["reports"]) for g in incidents),
    )
    linked = right = gold_pairs = 0
    for first, second in combinations(sorted(told_by), 2):
        if document_of[first] == document_of[second]:
            continue
        same_event = event_of[first] == event_of[second]
        same_incident = told_by[first] == told_by[second]
        linked += same_event
        right += same_event and same_incident
        gold_pairs += same_incident
    events_of_incident: dict[str, set[int]] = {}
    incidents_of_event: dict[int, set[str]] = {}
    for mention_id, incident in told_by.items():
        events_of_incident.setdefault(incident, set()).add(event_of[mention_id])
        incidents_of_event.setdefault(event_of[mention_id], set()).add(incident)
    deaths = Tally(
        sum(
            1
            for g in incidents
            for f, toll in g.get("fatalities", {}).items()
            if any(
                told_by.get(m) == g["id"] and document_of[m] == documents.get(f) and killed_of[m] == toll
                for m in told_by
            )
        ),
        sum(len(g.get("fatalities", {})) for g in incidents),
    )
    quiet = [documents[f] for f in gold.get("not_events", []) if f in documents]
    return EventScore(
        incidents=len(incidents),
        events=len({r[1] for r in rows}),
        reports=reports,
        linked_pairs=linked,
        right_pairs=right,
        gold_pairs=gold_pairs,
        split=sum(len(events) - 1 for events in events_of_incident.values()),
        merged=sum(1 for found in incidents_of_event.values() if len(found) > 1),
        spurious=sum(1 for r in rows if r[0] not in told_by),
        deaths=deaths,
        not_events=Tally(sum(1 for d in quiet if d not in {r[2] for r in rows}), len(quiet)),
    )


def evaluate_event_corpus(
    folder: Path, *, kb_path: Path | None = None, progress: Callable[[str], None] | None = None
) -> EventScore:
    """Ingest a folder of reports into a new store of its own and score its events against the folder's
    ``gold.json``."""
    gold = folder / "gold.json"
    if not gold.is_file():
        raise InputError(gold, "is missing: an event corpus keeps its gold in gold.json")
    with tempfile.TemporaryDirectory() as scratch:
        db = open_store(Path(scratch) / "events.db")
        ingest(db, sorted(folder.glob("*.txt")), kb_path=kb_path, progress=progress)
        score = score_events(db, gold)
        db.close()
    return score
