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

KB_RELATION_TYPES = ("BelongsTo", "InChargeOf", "AlliesOf")


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


@dataclass(frozen=True)
class _Link:
    source: str
    relation: ActorRelation


@dataclass(frozen=True)
class _KbIndex:
    """The KB's coalition and command relations by the actor they start from and the one they point at."""

    names: dict[str, str]
    outgoing: dict[str, list[_Link]]
    incoming: dict[str, list[_Link]]


_indexes: dict[int, tuple[KnowledgeBase, _KbIndex]] = {}


def _index(kb: KnowledgeBase) -> _KbIndex:
    """The index of ``kb``, built once per KB object (``load_kb`` answers the same object each time)."""
    cached = _indexes.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    outgoing: dict[str, list[_Link]] = {}
    incoming: dict[str, list[_Link]] = {}
    for actor in kb.actors:
        for relation in actor.relations:
            if relation.type in KB_RELATION_TYPES:
                link = _Link(actor.id, relation)
                outgoing.setdefault(actor.id, []).append(link)
                incoming.setdefault(relation.target, []).append(link)
    index = _KbIndex({a.id: a.name for a in kb.actors}, outgoing, incoming)
    if len(_indexes) > 8:  # a long-lived process given many KBs keeps only the latest few
        _indexes.clear()
    _indexes[id(kb)] = (kb, index)
    return index


def kb_relations(db: Database, entity_id: int, kb: KnowledgeBase) -> list[KbRelation]:
    """The KB's coalition, command and alliance relations of the actor with id ``entity_id``: first those
    from it, then those pointing at it, each dated first (oldest first), then by the other end's name."""
    row = db.execute("SELECT kb_id, name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None or row[0] is None:
        return []
    kb_id, name, etype = row
    index = _index(kb)
    upward, downward = index.outgoing.get(kb_id, []), index.incoming.get(kb_id, [])
    if not upward and not downward:
        return []
    others = sorted({link.relation.target for link in upward} | {link.source for link in downward})
    marks = placeholders(others)
    in_store = {
        other: ActorRef(eid, ename, etype_)
        for other, eid, ename, etype_ in db.execute(
            f"SELECT kb_id, id, name, type FROM entities WHERE kb_id IN ({marks})", others
        )
    }
    itself = ActorRef(entity_id, name, etype)

    def item(link: _Link, other: str, source: ActorRef | None, target: ActorRef | None) -> KbRelation:
        r = link.relation
        return KbRelation(r.type, source, target, index.names.get(other, other), other, r.start, r.end, r.note)

    def by_date(entry: KbRelation) -> tuple:
        when = entry.start or entry.end
        return (when is None, when or "", entry.name, entry.type)

    ups = [item(link, link.relation.target, itself, in_store.get(link.relation.target)) for link in upward]
    downs = [item(link, link.source, in_store.get(link.source), itself) for link in downward]
    return sorted(ups, key=by_date) + sorted(downs, key=by_date)
