"""Relations, events and claims as id-based items, fetched in pages: what the HTTP API, the UI and the CLI read.
A name becomes an id once, by :func:`find_actor`; every list below takes ids.

Every item carries its actors as :class:`ActorRef` (id, name, type) and its :class:`Evidence` (the sentence
and its offsets), so a client can link each fact to the actor pages and to the sentence in its article.
Lists are selected as ids first (sorted and paged on indexes) and only the page is fetched whole, so a
page costs the same however many facts an actor has.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Generic, TypeVar

from sqlite_utils import Database

from factiongraph.errors import InvalidQueryError, NotFoundError, UnknownActorError
from factiongraph.keys import name_key
from factiongraph.store.events import UnknownEventError
from factiongraph.store.queries import entity_ids_for_name, grouped, placeholders, published_window, sentence_sql
from factiongraph.vocab import ISO_DATE

T = TypeVar("T")


@dataclass(frozen=True)
class ActorRef:
    id: int
    name: str
    type: str


@dataclass(frozen=True)
class PlaceRef(ActorRef):
    """An actor with coordinates: a place, or a country standing for its territory."""

    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class EventActor(ActorRef):
    """An actor of an event and its part: "source" acts, "target" is acted on."""

    role: str


@dataclass(frozen=True)
class Evidence:
    """The sentence that says a fact, with its character offsets in the document's text."""

    document_id: int
    title: str | None
    published: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class EventReport:
    """What one article says of an event: its outlet and date, its counts, why it was joined, its sentences."""

    document_id: int
    title: str | None
    outlet: str | None
    published: str | None
    killed: int | None
    injured: int | None
    joined_because: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class RelationItem:
    id: int
    type: str
    source: ActorRef
    target: ActorRef
    """A :class:`PlaceRef` when the target has coordinates."""
    when: str | None
    start: str | None
    end: str | None
    precision: str | None
    evidence: Evidence


@dataclass(frozen=True)
class EventItem:
    id: int
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    when: str | None
    precision: str | None
    place: PlaceRef | None
    actors: list[EventActor]
    """Those that act first; an actor that acts in any report acts."""
    evidence: Evidence
    """The first report's sentence."""
    reports: list[EventReport]
    """One per article, first published first."""


@dataclass(frozen=True)
class ClaimItem:
    id: int
    speaker: ActorRef | None
    speaker_text: str | None
    stance: str
    about: list[ActorRef]
    content: str
    when: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list: the items, how many there are in all, and where the page starts."""

    items: list[T]
    total: int
    limit: int
    offset: int


EVERY = 2**63 - 1
"""A page size that holds a whole list (SQLite's largest LIMIT): what the CLI prints without a --limit."""


def iso_prefix(parameter: str, value: str | None) -> str | None:
    """``value`` checked as an ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD), the form every stored date has."""
    if value is None or value == "":
        return None
    match = ISO_DATE.fullmatch(value)  # ASCII digits, no trailing newline: the stored form exactly
    if match:
        year, month, day = match.groups()
        valid_day = month is None or 1 <= int(month) <= 12 and (day is None or 1 <= int(day) <= _days(year, month))
        if valid_day and int(year) > 0:  # no year 0 in the calendar (nor in Python's dates)
            return value
    raise InvalidQueryError(parameter, f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")


def _days(year: str, month: str) -> int:
    return monthrange(int(year), int(month))[1]


def format_when(start: str | None, end: str | None) -> str | None:
    """A date ("2019-09") or an ISO 8601 interval with open ends as ".." ("2017/..", "../2017-07")."""
    if start is None and end is None:
        return None
    if start == end:
        return start
    return f"{start or '..'}/{end or '..'}"


def dated_order(t: str) -> str:
    """ORDER BY terms for facts aliased ``t``: dated first, oldest first, then by id. The same expressions
    as the indexes of migration 0003, so a capped list of one actor's facts is read in index order."""
    return f"COALESCE({t}.when_start, {t}.when_end) IS NULL, COALESCE({t}.when_start, {t}.when_end), {t}.id"


def page_ids(
    db: Database, id_sql: str, from_where: str, params: Sequence[object], order: str, limit: int, offset: int = 0
) -> tuple[int, list[int]]:
    """How many rows ``from_where`` (``FROM ... WHERE ...``) selects, and the ids (``id_sql``) of the page
    ``offset``..``offset + limit`` in ``order``: a list is counted whole and only its page is fetched."""
    total = db.execute(f"SELECT COUNT(*) {from_where}", params).fetchone()[0]
    rows = db.execute(
        f"SELECT {id_sql} {from_where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return total, [row[0] for row in rows]


def parts_ids(db: Database, id_sql: str, parts: Sequence[tuple[str, Sequence[object], str]], limit: int) -> list[int]:
    """The ids (``id_sql``) of the first ``limit`` rows of a list made of ``parts`` (``FROM ... WHERE ...``, its
    parameters and its order) in turn, every row of a part before the next part's: each part is read on its
    own, so that each can be one range of an index, and only while the page is not full."""
    ids: list[int] = []
    for from_where, params, order in parts:
        if len(ids) < limit:
            rows = db.execute(f"SELECT {id_sql} {from_where} ORDER BY {order} LIMIT ?", [*params, limit - len(ids)])
            ids += [row[0] for row in rows]
    return ids


def check_actors(db: Database, *entity_ids: int | None) -> None:
    """:class:`NotFoundError` unless every id given (``None`` is not one) is an actor's."""
    for entity_id in entity_ids:
        if entity_id is not None:
            check_actor(db, entity_id)


def check_actor(db: Database, entity_id: int) -> ActorRef:
    """The actor with id ``entity_id``, or :class:`NotFoundError`."""
    refs = actor_refs(db, [entity_id])
    if entity_id not in refs:
        raise NotFoundError(f"no actor with id {entity_id}")
    return refs[entity_id]


def actor_id(db: Database, ref: int | str) -> int:
    """The id of the actor ``ref`` is: an id, or any of its names (:class:`UnknownActorError` if none)."""
    return check_actor(db, ref).id if isinstance(ref, int) else find_actor(db, ref)


def find_actor(db: Database, name: str) -> int:
    """The id of the actor answering to ``name`` (any alias, any spelling the keys fold; the most mentioned of
    several), or :class:`UnknownActorError`: every command and endpoint that takes a name reads it here."""
    ids = entity_ids_for_name(db, name_key(name))
    if not ids:
        raise UnknownActorError(name)
    return ids[0]


def actor_refs(db: Database, ids: Sequence[int]) -> dict[int, ActorRef]:
    """Id -> reference; actors with coordinates come as :class:`PlaceRef`."""
    if not ids:
        return {}
    unique = list(set(ids))
    rows = db.execute(
        f"SELECT id, name, type, latitude, longitude FROM entities WHERE id IN ({placeholders(unique)})", unique
    )
    return {
        eid: PlaceRef(eid, name, etype, lat, lon) if lat is not None else ActorRef(eid, name, etype)
        for eid, name, etype, lat, lon in rows
    }


_IDS_A_QUERY = 10_000
"""Items fetched by one query at most: an id is a parameter, and SQLite may take no more than 32,766."""


def in_chunks(fetch: Callable[[Database, Sequence[int]], list[T]]) -> Callable[[Database, Sequence[int]], list[T]]:
    """``fetch`` (items by ids, in the order given) run on :data:`_IDS_A_QUERY` ids at a time: a page of the API
    is one query, the whole of a busy actor's list the CLI prints a few."""

    @wraps(fetch)
    def fetch_all(db: Database, ids: Sequence[int]) -> list[T]:
        return [item for at in range(0, len(ids), _IDS_A_QUERY) for item in fetch(db, ids[at : at + _IDS_A_QUERY])]

    return fetch_all


@in_chunks
def relation_items(db: Database, ids: Sequence[int]) -> list[RelationItem]:
    """The relations with these ids, in the order given."""
    if not ids:
        return []
    rows = db.execute(
        "SELECT r.id, r.type, r.source_id, r.target_id, r.when_start, r.when_end, r.precision, "
        f"{_citation('r')} FROM relations r JOIN documents d ON d.id = r.document_id "
        f"WHERE r.id IN ({placeholders(ids)})",
        list(ids),
    ).fetchall()
    refs = actor_refs(db, [r[2] for r in rows] + [r[3] for r in rows])
    by_id = {
        rid: RelationItem(
            rid, rtype, plain_ref(refs[sid]), refs[tid], format_when(start, end), start, end, precision, Evidence(*cite)
        )
        for rid, rtype, sid, tid, start, end, precision, *cite in rows
    }
    return [by_id[i] for i in ids if i in by_id]


@in_chunks
def event_items(db: Database, ids: Sequence[int]) -> list[EventItem]:
    """The events with these ids, in the order given; actors that act first."""
    if not ids:
        return []
    rows = db.execute(
        "SELECT e.id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.when_start, e.when_end, "
        f"e.precision, e.place_id, {_citation('e')} FROM events e JOIN documents d ON d.id = e.document_id "
        f"WHERE e.id IN ({placeholders(ids)})",
        list(ids),
    ).fetchall()
    actors: dict[int, dict[int, str]] = {}
    for event_id, entity_id, role in db.execute(
        f"SELECT event_id, entity_id, role FROM event_actors WHERE event_id IN ({placeholders(ids)}) "
        "ORDER BY role = 'target', role, entity_id",
        list(ids),
    ):
        actors.setdefault(event_id, {}).setdefault(entity_id, role)  # one that acts in any report acts
    refs = actor_refs(db, [r[8] for r in rows if r[8] is not None] + [a for v in actors.values() for a in v])
    reports = event_reports(db, list(ids))
    by_id = {
        eid: EventItem(
            eid,
            etype,
            mode,
            acled,
            acled_sub,
            format_when(start, end),
            precision,
            _place(refs[place]) if place is not None else None,
            [EventActor(refs[a].id, refs[a].name, refs[a].type, role) for a, role in actors.get(eid, {}).items()],
            Evidence(*cite),
            reports.get(eid, []),
        )
        for eid, etype, mode, acled, acled_sub, start, end, precision, place, *cite in rows
    }
    return [by_id[i] for i in ids if i in by_id]


def one_event(db: Database, event_id: int) -> EventItem:
    """The event with this id (:class:`~factiongraph.store.events.UnknownEventError` if none)."""
    found = event_items(db, [event_id])
    if not found:
        raise UnknownEventError(f"no event with id {event_id}")
    return found[0]


def event_reports(db: Database, event_ids: Sequence[int]) -> dict[int, list[EventReport]]:
    """Each event's reports, one per article, earliest published first; an article's counts are the
    highest its sentences give."""
    if not event_ids:
        return {}
    rows = db.execute(
        "SELECT m.event_id, m.document_id, d.title, d.outlet, d.published, m.killed, m.injured, m.joined_because, "
        f"m.evidence_begin, m.evidence_end, {sentence_sql('m')} "
        "FROM event_mentions m JOIN documents d ON d.id = m.document_id "
        f"WHERE m.event_id IN ({placeholders(event_ids)}) "
        "ORDER BY m.event_id, d.published IS NULL, d.published, m.document_id, m.id",
        list(event_ids),
    ).fetchall()
    found: dict[int, dict[int, EventReport]] = {}
    for event_id, doc_id, title, outlet, published, killed, injured, why, begin, end, quote in rows:
        evidence = Evidence(doc_id, title, published, quote, begin, end)
        report = found.setdefault(event_id, {}).get(doc_id)
        if report is None:
            found[event_id][doc_id] = EventReport(doc_id, title, outlet, published, killed, injured, why, (evidence,))
            continue
        found[event_id][doc_id] = EventReport(
            doc_id,
            title,
            outlet,
            published,
            max((c for c in (report.killed, killed) if c is not None), default=None),
            max((c for c in (report.injured, injured) if c is not None), default=None),
            report.joined_because,
            report.evidence if evidence in report.evidence else (*report.evidence, evidence),
        )
    return {event_id: list(by_document.values()) for event_id, by_document in found.items()}


@in_chunks
def claim_items(db: Database, ids: Sequence[int]) -> list[ClaimItem]:
    """The claims with these ids, in the order given."""
    if not ids:
        return []
    rows = db.execute(
        "SELECT c.id, c.speaker_id, c.speaker_text, c.stance, c.content, c.when_start, c.when_end, "
        f"{_citation('c')} FROM claims c JOIN documents d ON d.id = c.document_id "
        f"WHERE c.id IN ({placeholders(ids)})",
        list(ids),
    ).fetchall()
    about = grouped(
        db.execute(f"SELECT claim_id, entity_id FROM claim_about WHERE claim_id IN ({placeholders(ids)})", list(ids))
    )
    refs = actor_refs(db, [r[1] for r in rows if r[1] is not None] + [a for v in about.values() for a in v])
    by_id = {
        cid: ClaimItem(
            cid,
            plain_ref(refs[speaker]) if speaker is not None else None,
            text,
            stance,
            [plain_ref(refs[a]) for a in about.get(cid, [])],
            content,
            format_when(start, end),
            Evidence(*cite),
        )
        for cid, speaker, text, stance, content, start, end, *cite in rows
    }
    return [by_id[i] for i in ids if i in by_id]


def relations_page(
    db: Database,
    *,
    source: int | None = None,
    target: int | None = None,
    actor: int | None = None,
    relation_type: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[RelationItem]:
    """Relations, dated ones oldest first and undated ones last, filtered by their ends, type and window
    (in which an undated relation counts at its article's publication date).

    With both ``source`` and ``target``, relations in either direction between them; ``actor`` is either end.
    """
    check_actors(db, source, target, actor)
    clauses, params = ["1"], []
    if source is not None and target is not None:
        clauses.append("((r.source_id = ? AND r.target_id = ?) OR (r.source_id = ? AND r.target_id = ?))")
        params += [source, target, target, source]
    elif source is not None or target is not None:
        clauses.append("r.source_id = ?" if source is not None else "r.target_id = ?")
        params.append(source if source is not None else target)
    if actor is not None:
        clauses.append("(r.source_id = ? OR r.target_id = ?)")
        params += [actor, actor]
    if relation_type:
        clauses.append("r.type = ?")
        params.append(relation_type)
    window, window_params = published_window("r", start, end)
    where = " AND ".join(clauses) + " AND " + window
    from_ = "FROM relations r JOIN documents d ON d.id = r.document_id" if start or end else "FROM relations r"
    total, ids = page_ids(db, "r.id", f"{from_} WHERE {where}", params + window_params, dated_order("r"), limit, offset)
    return Page(relation_items(db, ids), total, limit, offset)


def events_page(
    db: Database,
    *,
    actor: int | None = None,
    event_type: str | None = None,
    place: int | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[EventItem]:
    """Events oldest first (an undated one at its article's date), filtered as asked.

    The matching events are counted first (on covering indexes); that count decides how the page is read.
    An actor or place in many events has its page read in date order from the index of every event
    (migration 0006), stopping at the page's end; one in few has its events picked by its own index and sorted.
    """
    check_actors(db, actor, place)
    window, window_params = published_window("e", start, end)
    dated = "COALESCE(e.when_start, e.when_end, e.published)"
    # in a window every event is dated (its date or its article's), so the order needs no IS NULL term
    order, ordered_index = (
        (f"{dated}, e.id", "events_window") if start or end else (f"{dated} IS NULL, {dated}, e.id", "events_listed")
    )

    def where(busy: bool) -> tuple[str, list[object]]:
        clauses, params = [window], list(window_params)
        if actor is not None:
            taking_part = "SELECT event_id FROM event_actors WHERE entity_id = ?"
            correlated = "SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.entity_id = ?"
            clauses.append(f"EXISTS ({correlated})" if busy else f"e.id IN ({taking_part})")
            params.append(actor)
        if event_type:
            clauses.append("e.type = ?")
            params.append(event_type)
        if place is not None:
            clauses.append("+e.place_id = ?" if busy else "e.place_id = ?")
            params.append(place)
        return " AND ".join(clauses), params

    clauses, params = where(busy=False)
    total = db.execute(f"SELECT COUNT(*) FROM events e WHERE {clauses}", params).fetchone()[0]
    busy = (actor is not None or place is not None) and ordered_read_is_cheaper(db, "events", total, offset + limit)
    clauses, params = where(busy)
    indexed = f" INDEXED BY {ordered_index}" if busy else ""
    ids = [
        row[0]
        for row in db.execute(
            f"SELECT e.id FROM events e{indexed} WHERE {clauses} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return Page(event_items(db, ids), total, limit, offset)


def ordered_read_is_cheaper(db: Database, table: str, matching: int, wanted: int) -> bool:
    """Whether reading all of ``table`` in order until ``wanted`` of the ``matching`` rows are found (about
    ``wanted * rows / matching`` rows read) costs less than picking the matching rows and sorting them."""
    rows = db.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0] or 0
    return matching * matching > rows * wanted


def claims_page(
    db: Database,
    *,
    about: int | None = None,
    speaker: int | None = None,
    stance: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[ClaimItem]:
    """Claims oldest first (an undated one at its article's date), filtered by subject, speaker and stance.

    As in :func:`events_page`, the count decides how the page is read: the claims about an actor named in
    many are read in date order from the index of every claim, those about one named in few picked and sorted.
    The claims about an actor, unfiltered, are counted from ``claim_about`` alone (one row per claim and subject).
    """
    check_actors(db, about, speaker)

    def where(busy: bool) -> tuple[str, list[object]]:
        clauses, params = ["1"], []
        if about is not None:
            correlated = "SELECT 1 FROM claim_about a WHERE a.claim_id = c.id AND a.entity_id = ?"
            subjects = "SELECT claim_id FROM claim_about WHERE entity_id = ?"
            clauses.append(f"EXISTS ({correlated})" if busy else f"c.id IN ({subjects})")
            params.append(about)
        if speaker is not None:
            clauses.append("c.speaker_id = ?")
            params.append(speaker)
        if stance:
            clauses.append("c.stance = ?")
            params.append(stance)
        return " AND ".join(clauses), params

    clauses, params = where(busy=False)
    if about is not None and speaker is None and not stance:
        total = db.execute("SELECT COUNT(*) FROM claim_about WHERE entity_id = ?", [about]).fetchone()[0]
    else:
        total = db.execute(f"SELECT COUNT(*) FROM claims c WHERE {clauses}", params).fetchone()[0]
    busy = about is not None and speaker is None and ordered_read_is_cheaper(db, "claims", total, offset + limit)
    clauses, params = where(busy)
    indexed = " INDEXED BY claims_listed" if busy else ""
    ids = [
        row[0]
        for row in db.execute(
            f"SELECT c.id FROM claims c{indexed} WHERE {clauses} "
            "ORDER BY COALESCE(c.when_start, c.published), c.document_id, c.evidence_begin, c.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    return Page(claim_items(db, ids), total, limit, offset)


def _citation(t: str) -> str:
    """The columns of a :class:`Evidence` of the fact aliased ``t``, in its fields' order."""
    return f"{t}.document_id, d.title, d.published, {sentence_sql(t)}, {t}.evidence_begin, {t}.evidence_end"


def plain_ref(ref: ActorRef) -> ActorRef:
    """An actor as a bare reference (sources, event actors, speakers carry no coordinates)."""
    return ActorRef(ref.id, ref.name, ref.type)


def _place(ref: ActorRef) -> PlaceRef:
    return ref if isinstance(ref, PlaceRef) else PlaceRef(ref.id, ref.name, ref.type, None, None)
