"""The read model every exporter takes: the graph loaded once from the store, filters applied.

An exporter never writes SQL: it receives an :class:`ExportGraph` (nodes, edges, events, claims, the documents
they cite and, when it asks for them, the mentions) and turns it into its format. So a filter narrows every
format alike, and a plugin depends on these dataclasses, not on the store's schema.

Identifiers are the stable ones of the JSON export: a node's ``id`` is its entity key (``kb:<actor>`` for KB
actors), an edge's ``e<n>``, an event's ``v<event id>``, a claim's ``c<claim id>``; the ``source``, ``target``,
``place``, ``speaker`` and ``about`` fields hold node ids. Dates are ISO prefixes (``2017``, ``2017-07``,
``2017-07-14``); ``start``/``end`` are the interval the sentence gives, either open (``None``), and ``when`` is
the same as the JSON export writes it (``2019-09``, ``2017/..``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from factiongraph.errors import InvalidQueryError
from factiongraph.graph.items import EventReport, event_reports, find_actor, format_when, iso_prefix
from factiongraph.places.schema import ARABIC_LETTER
from factiongraph.store.queries import grouped, placeholders, published_window, sentence_sql

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class ExportFilters:
    """What to keep. Each filter narrows relations, events and claims; nodes are then what those touch.

    :param start: keep facts whose dates (an undated fact: its article's publication date) meet the window
        from this ISO date on.
    :param end: ... up to this ISO date (its whole year, month or day).
    :param actors: names (any alias or spelling) of the actors to keep: the facts they are a side of, an
        event's actor or place, a claim's speaker or subject.
    :param types: relation types (``Controls``) and event types (``ASSAULT``): relations are narrowed when a
        relation type is named, events when an event type is; claims have no type.
    """

    start: str | None = None
    end: str | None = None
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    @property
    def narrows(self) -> bool:
        return bool(self.start or self.end or self.actors or self.types)


@dataclass(frozen=True)
class Span:
    """Characters of a document's text: ``text == document.text[begin:end]``."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """The sentence that says a fact, by offsets into its document; for a relation, also the words that name
    its two sides (what re3d's schema records)."""

    document_id: int
    begin: int
    end: int
    text: str
    source: Span | None = None
    target: Span | None = None


@dataclass(frozen=True)
class Document:
    """An article cited as provenance (its text is not loaded: evidence carries the sentences)."""

    id: int
    source: str
    external_id: str | None
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: str | None
    lang: str | None


@dataclass(frozen=True)
class Node:
    """An entity: actor, person, place. ``aliases`` are its other names, Arabic ones included."""

    id: str
    entity_id: int
    type: str
    name: str
    aliases: tuple[str, ...]
    kb_id: str | None
    latitude: float | None
    longitude: float | None
    place_precision: str | None
    """How precisely the coordinates place it (a place's ``city``, ``admin1``, ...), None without them."""
    place_id: str | None = None
    """The gazetteer's id of a place (``fg:raqqa``, ``country:TR``): its country and governorate."""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def arabic_names(self) -> tuple[str, ...]:
        return tuple(n for n in self.names if ARABIC_LETTER.search(n))


@dataclass(frozen=True)
class Edge:
    """One fact: a relation of one type between two nodes over one interval, with every sentence that says it,
    in the order they were stored."""

    id: str
    type: str
    source: str
    target: str
    start: str | None
    end: str | None
    when: str | None
    precision: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class EventActor:
    node: str
    role: str
    """``source`` acts, ``target`` is acted on."""


@dataclass(frozen=True)
class Event:
    """An event counted once, however many articles report it; ``reports`` one per article, first first."""

    id: str
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    start: str | None
    end: str | None
    when: str | None
    precision: str
    place: str | None
    actors: tuple[EventActor, ...]
    reports: tuple[EventReport, ...]

    @property
    def fatalities(self) -> int | None:
        """The latest report's death toll: tolls are revised as news comes in."""
        return next((r.killed for r in reversed(self.reports) if r.killed is not None), None)

    @property
    def injured(self) -> int | None:
        return next((r.injured for r in reversed(self.reports) if r.injured is not None), None)


@dataclass(frozen=True)
class Claim:
    """Something a speaker says about nodes, with a stance; an unnamed speaker keeps its words."""

    id: str
    speaker: str | None
    speaker_text: str | None
    stance: str
    about: tuple[str, ...]
    content: str
    start: str | None
    end: str | None
    when: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Mention:
    """A name in a document, resolved to a node or not (``node`` None)."""

    document_id: int
    begin: int
    end: int
    type: str
    text: str
    node: str | None


@dataclass(frozen=True)
class ExportGraph:
    """What an exporter writes. ``mentions`` is empty unless the exporter asked for them."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    documents: dict[int, Document]
    filters: ExportFilters = field(default_factory=ExportFilters)
    mentions: tuple[Mention, ...] = ()

    def node(self, node_id: str) -> Node:
        """The node with this id (an edge's ``source``, an event's ``place``)."""
        return self._nodes_by_id[node_id]

    @cached_property
    def _nodes_by_id(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}


def load_export_graph(db: Database, filters: ExportFilters | None = None, *, mentions: bool = False) -> ExportGraph:
    """Read the graph from the store once, narrowed by ``filters``.

    Without filters the nodes are every entity mentioned or related (as the JSON export always had); with
    them, the entities the kept facts touch and the actors named.

    :raises InvalidQueryError: a date that is not YYYY, YYYY-MM or YYYY-MM-DD, or a type the store has not.
    :raises UnknownActorError: an actor no entity answers to.
    """
    filters = filters or ExportFilters()
    start, end = iso_prefix("--from", filters.start), iso_prefix("--to", filters.end)
    actor_ids = [find_actor(db, name) for name in filters.actors]
    relation_types, event_types = _split_types(db, filters.types)
    scope = _Scope(start, end, actor_ids)
    edges = _edges(db, scope, relation_types)
    events = _events(db, scope, event_types)
    claims = _claims(db, scope)
    if filters.narrows:
        touched = {k for e in edges for k in (e.source, e.target)}
        touched |= {a.node for v in events for a in v.actors} | {v.place for v in events if v.place}
        touched |= {c.speaker for c in claims if c.speaker} | {k for c in claims for k in c.about}
        nodes = [n for n in _nodes(db) if n.id in touched or n.entity_id in actor_ids]
        cited = {ev.document_id for e in edges for ev in e.evidence} | {c.evidence.document_id for c in claims}
        cited |= {r.document_id for v in events for r in v.reports}
        documents = {i: d for i, d in _documents(db).items() if i in cited}
    else:
        nodes, documents = _nodes(db), _documents(db)
    kept = {n.entity_id for n in nodes} if filters.narrows else None
    return ExportGraph(
        tuple(nodes),
        tuple(edges),
        tuple(events),
        tuple(claims),
        documents,
        filters,
        tuple(_mentions(db, kept, set(documents))) if mentions else (),
    )


@dataclass(frozen=True)
class _Scope:
    """The date window and actors as SQL over a fact table aliased ``t``."""

    start: str | None
    end: str | None
    actor_ids: list[int]

    def where(self, t: str, actor_sql: str) -> tuple[str, list[object]]:
        clause, params = published_window(t, self.start, self.end)
        if self.actor_ids:
            marks = placeholders(self.actor_ids)
            clause += " AND (" + actor_sql.format(t=t, ids=marks) + ")"
            params += self.actor_ids * actor_sql.count("{ids}")
        return clause, params


def _type_clause(column: str, types: list[str]) -> tuple[str, list[object]]:
    return (f" AND {column} IN ({placeholders(types)})", list(types)) if types else ("", [])


def _split_types(db: Database, types: Iterable[str]) -> tuple[list[str], list[str]]:
    """The named types as (relation types, event types); one the store has neither of is an error listing both."""
    relation_types = {r[0] for r in db.execute("SELECT DISTINCT type FROM relations")}
    event_types = {r[0] for r in db.execute("SELECT DISTINCT type FROM events")}
    unknown = [t for t in types if t not in relation_types | event_types]
    if unknown:
        raise InvalidQueryError(
            "--type",
            f"the store has no relation or event of type {unknown[0]!r}: relation types are "
            f"{', '.join(sorted(relation_types)) or 'none'}; event types {', '.join(sorted(event_types)) or 'none'}",
        )
    return [t for t in types if t in relation_types], [t for t in types if t in event_types]


def _nodes(db: Database) -> list[Node]:
    aliases = grouped(db.execute("SELECT entity_id, name FROM aliases ORDER BY id"))
    rows = db.execute(
        "SELECT id, key, type, name, kb_id, latitude, longitude, precision, place_id FROM entities "
        "WHERE id IN (SELECT entity_id FROM mentions) OR id IN (SELECT source_id FROM relations) "
        "OR id IN (SELECT target_id FROM relations) ORDER BY id"
    )
    return [
        Node(
            key, entity_id, etype, name, tuple(a for a in aliases.get(entity_id, []) if a != name), kb, lat, lon, *place
        )
        for entity_id, key, etype, name, kb, lat, lon, *place in rows
    ]


def _documents(db: Database) -> dict[int, Document]:
    rows = db.execute(
        "SELECT id, source, external_id, title, url, outlet, author, published, lang FROM documents ORDER BY id"
    )
    return {row[0]: Document(*row) for row in rows}


def _span_sql(t: str, side: str) -> str:
    """SQL for the offsets and words naming one side (``source``, ``target``) of the relation aliased ``t``."""
    begin, end = f"{t}.{side}_begin", f"{t}.{side}_end"
    return f"{begin}, {end}, substr(d.text, {begin} + 1, {end} - {begin})"


def _edges(db: Database, scope: _Scope, types: list[str]) -> list[Edge]:
    """Relations grouped into facts: one edge per type, sides and interval, its sentences in stored order."""
    where, params = scope.where("r", "{t}.source_id IN ({ids}) OR {t}.target_id IN ({ids})")
    typed, type_params = _type_clause("r.type", types)
    rows = db.execute(
        "SELECT r.type, s.key, t.key, r.when_start, r.when_end, r.precision, r.document_id, r.evidence_begin, "
        f"r.evidence_end, {sentence_sql('r')}, {_span_sql('r', 'source')}, {_span_sql('r', 'target')} "
        "FROM relations r JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id "
        f"JOIN documents d ON d.id = r.document_id WHERE {where}{typed} ORDER BY r.id",
        params + type_params,
    )
    facts: dict[tuple[str, str, str, str | None, str | None], tuple[list[object], list[Evidence]]] = {}
    for rtype, source, target, start, stop, precision, document_id, begin, end, quote, *sides in rows:
        evidence = Evidence(document_id, begin, end, quote, Span(*sides[:3]), Span(*sides[3:]))
        facts.setdefault((rtype, source, target, start, stop), ([precision], []))[1].append(evidence)
    return [
        Edge(f"e{n}", rtype, source, target, start, stop, format_when(start, stop), str(first[0]), tuple(evidence))
        for n, ((rtype, source, target, start, stop), (first, evidence)) in enumerate(facts.items(), start=1)
    ]


def _events(db: Database, scope: _Scope, types: list[str]) -> list[Event]:
    where, params = scope.where(
        "e", "{t}.id IN (SELECT event_id FROM event_actors WHERE entity_id IN ({ids})) OR {t}.place_id IN ({ids})"
    )
    typed, type_params = _type_clause("e.type", types)
    rows = db.execute(
        "SELECT e.id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.when_start, e.when_end, "
        f"e.precision, p.key FROM events e LEFT JOIN entities p ON p.id = e.place_id WHERE {where}{typed} "
        "ORDER BY e.id",
        params + type_params,
    ).fetchall()
    actors = grouped(
        db.execute(
            "SELECT a.event_id, x.key, a.role FROM event_actors a JOIN entities x ON x.id = a.entity_id "
            "ORDER BY a.event_id, a.role, a.rowid"
        )
    )
    reports = event_reports(db, [r[0] for r in rows])
    return [
        Event(
            f"v{event_id}",
            event_type,
            mode,
            acled,
            acled_sub,
            start,
            stop,
            format_when(start, stop),
            precision,
            place,
            tuple(EventActor(key, role) for key, role in actors.get(event_id, [])),
            tuple(reports.get(event_id, [])),
        )
        for event_id, event_type, mode, acled, acled_sub, start, stop, precision, place in rows
    ]


def _claims(db: Database, scope: _Scope) -> list[Claim]:
    where, params = scope.where(
        "c", "{t}.speaker_id IN ({ids}) OR {t}.id IN (SELECT claim_id FROM claim_about WHERE entity_id IN ({ids}))"
    )
    about = grouped(
        db.execute("SELECT a.claim_id, e.key FROM claim_about a JOIN entities e ON e.id = a.entity_id ORDER BY a.rowid")
    )
    rows = db.execute(
        "SELECT c.id, s.key, c.speaker_text, c.stance, c.content, c.when_start, c.when_end, c.document_id, "
        f"c.evidence_begin, c.evidence_end, {sentence_sql('c')} "
        "FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN entities s ON s.id = c.speaker_id "
        f"WHERE {where} ORDER BY c.id",
        params,
    )
    return [
        Claim(
            f"c{claim_id}",
            speaker,
            speaker_text,
            stance,
            tuple(about.get(claim_id, [])),
            content,
            start,
            stop,
            format_when(start, stop),
            Evidence(document_id, begin, end, quote),
        )
        for claim_id, speaker, speaker_text, stance, content, start, stop, document_id, begin, end, quote in rows
    ]


def _mentions(db: Database, entity_ids: set[int] | None, document_ids: set[int]) -> list[Mention]:
    """Every mention; narrowed, those of the kept nodes in the cited documents."""
    rows = db.execute(
        "SELECT m.document_id, m.begin, m.end, m.type, m.text, m.entity_id, e.key FROM mentions m "
        "LEFT JOIN entities e ON e.id = m.entity_id ORDER BY m.document_id, m.begin, m.id"
    )
    return [
        Mention(document_id, begin, end, mtype, text, key)
        for document_id, begin, end, mtype, text, entity_id, key in rows
        if entity_ids is None or (entity_id in entity_ids and document_id in document_ids)
    ]
