"""An actor's public affiliations from the knowledge base, beside what the articles say.

The KB records coalitions, leaders and alliances with dates (``Sultan Suleiman Shah Division BelongsTo
Syrian National Army``) that an article seldom spells out. The actor page shows them marked as the KB's,
without a quote: upward, the actor's own BelongsTo / InChargeOf / AlliesOf relations; downward, those of
other KB actors that point at it (its members, its commanders, its allies). An end is an :class:`ActorRef`
when that KB actor is in the store, else ``None`` and known by its KB name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factiongraph.graph.items import ActorRef
from factiongraph.kb import ActorRelation, KnowledgeBase
from factiongraph.store.queries import placeholders
from factiongraph.vocab import KB_AFFILIATIONS


@dataclass(frozen=True)
class KbRelation:
    """One KB relation with the actor at one end; ``name`` and ``kb_id`` are the other end's."""

    type: str
    source: ActorRef | None
    target: ActorRef | None
    name: str
    kb_id: str
    start: str | None
    end: str | None
    note: str | None


def kb_relations(db: Database, entity_id: int, kb: KnowledgeBase) -> list[KbRelation]:
    """The KB's coalition, command and alliance relations of the actor with id ``entity_id``: first those
    from it, then those pointing at it, each dated first (oldest first), then by the other end's name."""
    row = db.execute("SELECT kb_id, name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None or row[0] is None:
        return []
    kb_id, name, etype = row
    actor = kb.get(kb_id)
    upward = [r for r in actor.relations if r.type in KB_AFFILIATIONS] if actor else []
    downward = [(source, r) for source, r in kb.relations_into.get(kb_id, []) if r.type in KB_AFFILIATIONS]
    if not upward and not downward:
        return []
    others = sorted({r.target for r in upward} | {source for source, _ in downward})
    marks = placeholders(others)
    in_store = {
        other: ActorRef(eid, ename, etype_)
        for other, eid, ename, etype_ in db.execute(
            f"SELECT kb_id, id, name, type FROM entities WHERE kb_id IN ({marks})", others
        )
    }
    itself = ActorRef(entity_id, name, etype)

    def item(r: ActorRelation, other: str, source: ActorRef | None, target: ActorRef | None) -> KbRelation:
        known = kb.get(other)
        return KbRelation(r.type, source, target, known.name if known else other, other, r.start, r.end, r.note)

    def by_date(entry: KbRelation) -> tuple:
        when = entry.start or entry.end
        return (when is None, when or "", entry.name, entry.type)

    ups = [item(r, r.target, itself, in_store.get(r.target)) for r in upward]
    downs = [item(r, source, in_store.get(source), itself) for source, r in downward]
    return sorted(ups, key=by_date) + sorted(downs, key=by_date)
