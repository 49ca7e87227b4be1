"""The HTTP API (docs/api-contract.md): a thin FastAPI layer over :mod:`factiongraph.graph`, plus the web UI.

Each worker thread opens its own SQLite connection (sqlite objects cannot cross threads); WAL lets the
readers go on while a write endpoint writes. Every error, ours, FastAPI's or an unexpected one, answers one
JSON shape: ``{"error": {"status", "message", "details"}}``. Every integer parameter is bounded to what SQLite
stores (a larger one is a 422, not an overflow), and every answer carries the security headers of
:mod:`factiongraph.api.security`.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as InPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import TypeAdapter
from sqlite_utils import Database
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from factiongraph import __version__
from factiongraph.api import models
from factiongraph.api.models import MAX_INT
from factiongraph.api.security import SecurityMiddleware
from factiongraph.errors import FactiongraphError
from factiongraph.graph.corrections import merge_event_ids, merge_ids, split_event_report, split_id
from factiongraph.graph.documents import document_detail, document_summary, list_documents
from factiongraph.graph.items import (
    actor_id,
    claims_page,
    events_page,
    find_actor,
    iso_prefix,
    one_event,
    relations_page,
)
from factiongraph.graph.network import EdgeTableCache, map_view, network
from factiongraph.graph.profile import actor_detail, pair_timeline
from factiongraph.graph.search import search_actors
from factiongraph.graph.snapshot import snapshot, snapshot_json
from factiongraph.graph.stats import Stats, store_stats
from factiongraph.ingest import Article
from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.store import connect, open_store
from factiongraph.vocab import Stance
from factiongraph.web import static_dir

Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_INT, description="Items to skip.")]
IdParam = Annotated[int, InPath(ge=1, le=MAX_INT)]
IdQuery = Annotated[int, Query(ge=1, le=MAX_INT)]
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_INT)]
_ISO = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
"""The dates :func:`iso_prefix` takes, told in the schema (it checks the calendar too: no 30 February)."""
_DATE = {"pattern": f"^({_ISO})?$"}  # empty: no bound
From = Annotated[
    str | None,
    Query(alias="from", description="Window start: YYYY, YYYY-MM or YYYY-MM-DD.", json_schema_extra=_DATE),
]
To = Annotated[
    str | None, Query(alias="to", description="Window end: YYYY, YYYY-MM or YYYY-MM-DD.", json_schema_extra=_DATE)
]

_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": models.ErrorResponse, "description": "Unknown id"},
    422: {"model": models.ErrorResponse, "description": "Invalid parameter"},
}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    400: {
        "model": models.ErrorResponse,
        "description": "A body that is not JSON, or a change that cannot be made (an actor merged with itself, "
        "a publication date that cannot be read)",
    },
    401: {"model": models.ErrorResponse, "description": "No token, or a wrong one"},
    403: {"model": models.ErrorResponse, "description": "The server was started without a token: it takes no writes"},
}

_ANY = TypeAdapter(Any)

_NOT_BUILT = (
    "<!doctype html><meta charset=utf-8><title>factiongraph</title>"
    "<p>The web UI has not been built: run <code>make setup</code> in the repository, then restart "
    "<code>factiongraph serve</code>. The API is described at <a href=/openapi.json>/openapi.json</a> and answers at "
    "<a href=/api/stats>/api/stats</a>."
)


_bearer = HTTPBearer(auto_error=False, description="The token the server was started with.")


def _writer(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Let a write through only with the server's token; a server without one takes no writes."""
    token: str | None = request.app.state.token
    if token is None:
        raise HTTPException(403, "this server takes no writes: start it with --token (or FACTIONGRAPH_TOKEN)")
    given = credentials.credentials if credentials else ""
    if not given or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            401, "writes need the header 'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"}
        )


def create_app(
    db_path: Path,
    *,
    token: str | None = None,
    kb: KnowledgeBase | None = None,
    allowed_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """The API over the store at ``db_path``; write endpoints need ``Authorization: Bearer <token>``,
    and without a ``token`` the server takes no writes at all (an empty one is refused: it would let
    anyone write). ``kb`` is the actor knowledge base (the library's, ``load_kb()``, by default), read
    here so that no request pays for parsing it. ``allowed_hosts`` are the Host names answered (see
    :func:`~factiongraph.api.security.host_names`); None answers any, for a caller that checks itself."""
    if token is not None and not token.strip():
        raise ValueError("the token is empty: a server with an empty token would let anyone write")
    open_store(db_path).close()
    knowledge = kb if kb is not None else load_kb()
    local = threading.local()
    write_lock = threading.Lock()
    edge_tables = EdgeTableCache(db_path)

    def store() -> Database:
        """This thread's connection to the store."""
        db = getattr(local, "db", None)
        if db is None:
            db = local.db = connect(db_path)
        return db

    api = APIRouter(prefix="/api", responses=_ERRORS)
    writes = APIRouter(prefix="/api", responses=_WRITE_ERRORS, dependencies=[Depends(_writer)])

    @api.get("/actors", response_model=models.Page[models.ActorHit])
    def actors(
        q: Annotated[str | None, Query(description="Any name or spelling, Arabic too.")] = None,
        type: Annotated[str | None, Query(description="Organisation, Person, Location, ...")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Actors whose names match `q`, best match first; without `q`, most mentioned first."""
        return _json(search_actors(store(), q, entity_type=type, limit=limit, offset=offset))

    @api.get("/actors/{entity_id}", response_model=models.ActorDetail)
    def actor(
        entity_id: IdParam, limit: Annotated[int, Query(ge=1, le=500, description="Items per list at most.")] = 50
    ) -> Response:
        """One actor: names, affiliations, members, commanders, territory, relations, events and claims."""
        return _json(actor_detail(store(), entity_id, limit=limit, kb=knowledge))

    @api.get("/pair", response_model=models.PairTimeline)
    def pair(
        a: IdQuery,
        b: IdQuery,
        include_members: bool = False,
        from_: From = None,
        to: To = None,
        limit: Annotated[int, Query(ge=1, le=500, description="Relations and claims at most.")] = 200,
    ) -> Response:
        """The timeline between two actors: relations either way and claims between them, by date."""
        start, end = iso_prefix("from", from_), iso_prefix("to", to)
        db = store()
        kb, table = (knowledge, edge_tables.get(db)) if include_members else (None, None)
        return _json(
            pair_timeline(
                db, a, b, include_members=include_members, kb=kb, start=start, end=end, limit=limit, table=table
            )
        )

    @api.get("/relations", response_model=models.Page[models.RelationItem])
    def relations(
        source: OptionalId = None,
        target: OptionalId = None,
        actor: Annotated[int | None, Query(ge=1, le=MAX_INT, description="Either end.")] = None,
        type: str | None = None,
        from_: From = None,
        to: To = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Relations with their quotes; with both `source` and `target`, either direction."""
        start, end = iso_prefix("from", from_), iso_prefix("to", to)
        return _json(
            relations_page(
                store(),
                source=source,
                target=target,
                actor=actor,
                relation_type=type,
                start=start,
                end=end,
                limit=limit,
                offset=offset,
            )
        )

    @api.get("/events", response_model=models.Page[models.EventItem])
    def events(
        actor: OptionalId = None,
        type: Annotated[str | None, Query(description="PLOVER category.")] = None,
        place: OptionalId = None,
        from_: From = None,
        to: To = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Events, oldest first, by actor, type, place and window."""
        start, end = iso_prefix("from", from_), iso_prefix("to", to)
        return _json(
            events_page(
                store(), actor=actor, event_type=type, place=place, start=start, end=end, limit=limit, offset=offset
            )
        )

    @api.get("/events/{event_id}", response_model=models.EventItem)
    def event(event_id: IdParam) -> Response:
        """One event with every article that reports it: outlet, date, tolls, sentences, why it was joined."""
        return _json(one_event(store(), event_id))

    @api.get("/claims", response_model=models.Page[models.ClaimItem])
    def claims(
        about: OptionalId = None,
        speaker: OptionalId = None,
        stance: Stance | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Claims with speaker and stance, by subject, speaker and stance."""
        return _json(claims_page(store(), about=about, speaker=speaker, stance=stance, limit=limit, offset=offset))

    @api.get("/documents", response_model=models.Page[models.DocumentSummary])
    def documents(limit: Limit = 50, offset: Offset = 0) -> Response:
        """Documents in the order they were stored."""
        return _json(list_documents(store(), limit=limit, offset=offset))

    @api.get("/documents/{document_id}", response_model=models.DocumentDetail)
    def document(document_id: IdParam) -> Response:
        """One document's text, sentences, mentions and relation evidence, as offsets into the text."""
        return _json(document_detail(store(), document_id))

    @api.get("/graph", response_model=models.Network)
    def graph(
        from_: From = None,
        to: To = None,
        types: Annotated[str | None, Query(description="Relation types, comma-separated: BelongsTo,CommWith")] = None,
        min_count: Annotated[int, Query(ge=1, le=MAX_INT, description="Edges said at least this many times.")] = 1,
        limit: Annotated[int, Query(ge=1, le=2000, description="The most connected actors kept.")] = 300,
        max_edges: Annotated[int, Query(ge=1, le=20000, description="The edges said most often kept.")] = 1000,
    ) -> Response:
        """The network in a time window; undated relations only when no window is given."""
        start, end = iso_prefix("from", from_), iso_prefix("to", to)
        kinds = [t.strip() for t in types.split(",") if t.strip()] if types else None
        db = store()
        return _json(
            network(
                db,
                start=start,
                end=end,
                types=kinds,
                min_count=min_count,
                limit=limit,
                max_edges=max_edges,
                table=edge_tables.get(db),
            )
        )

    @api.get("/map", response_model=models.MapView)
    def map_(from_: From = None, to: To = None, limit: Limit = 200) -> Response:
        """Events at places with coordinates and places held (Controls) in a window; 200 of each by default,
        as building each event with its reports is what a map answer costs (the UI says how many more)."""
        return _json(map_view(store(), start=iso_prefix("from", from_), end=iso_prefix("to", to), limit=limit))

    @api.get("/snapshot", response_model=models.Snapshot)
    def snapshot_(
        on: Annotated[
            str,
            Query(
                description="The date: YYYY, YYYY-MM or YYYY-MM-DD (the whole year, month or day).",
                json_schema_extra={"pattern": f"^{_ISO}$"},
            ),
        ],
        actor: Annotated[str | None, Query(description="Only what this actor (any name) is on either side of.")] = None,
    ) -> Response:
        """Who controls which places, who belongs to which group and who commands what on a date, each with
        the interval its statements give and their evidence: `factiongraph snapshot --format json`, with
        each actor as an ActorRef (a place's with lat/lon) for links and the map."""
        db = store()
        return _json(snapshot_json(snapshot(db, on, actor=find_actor(db, actor) if actor else None), refs=True))

    meta = models.meta().model_dump_json()

    @api.get("/meta", response_model=models.Meta)
    def meta_() -> Response:
        """The vocabularies: actor types, relation types and their groups, stances, event types, each with the
        label and colour the UI draws it in; the same for every store, so a client reads them once."""
        return Response(meta, media_type="application/json")

    @api.get("/stats", response_model=Stats)
    def stats() -> Response:
        """Counts, and the first and last dates (the time slider's range)."""
        return _json(store_stats(store()))

    @writes.post("/merge", response_model=models.ActorDetail)
    def merge(body: models.MergeRequest) -> Response:
        """Merge `other` into `keep`; later ingests follow the merge. Answers the kept actor."""
        db = store()
        keep, other = actor_id(db, body.keep), actor_id(db, body.other)
        with write_lock:
            merge_ids(db, keep, other)
        return _json(actor_detail(db, keep, kb=knowledge))

    @writes.post("/split", response_model=models.ActorDetail)
    def split(body: models.SplitRequest) -> Response:
        """Split `name` off `actor` onto an actor of its own; later ingests keep them apart. Answers the new actor."""
        db = store()
        entity_id = actor_id(db, body.actor)
        with write_lock:
            new_id = split_id(db, entity_id, body.name)
        return _json(actor_detail(db, new_id, kb=knowledge))

    @writes.post("/events/merge", response_model=models.EventItem)
    def merge_events_(body: models.EventMergeRequest) -> Response:
        """Merge event `other` into `keep`: every report of it now tells `keep`. Answers the kept event."""
        with write_lock:
            kept = merge_event_ids(store(), body.keep, body.other)
        return _json(kept)

    @writes.post("/events/split", response_model=models.EventItem)
    def split_event_(body: models.EventSplitRequest) -> Response:
        """Split one document's reports off an event onto an event of their own. Answers the new event."""
        with write_lock:
            split_off = split_event_report(store(), body.event, body.document)
        return _json(split_off)

    @writes.post("/documents", response_model=models.DocumentCreated)
    def ingest_document(body: models.DocumentRequest) -> Response:
        """Ingest one article (parsed, resolved and stored like a file); the same text twice adds nothing."""
        from factiongraph.build import ingest_article  # spaCy loads here, not when the server starts

        db = store()
        article = Article(text=body.text, source="api", title=body.title, url=body.url, published=body.published)
        with write_lock:
            outcome = ingest_article(db, article)
        return _json({**document_summary(db, outcome.document_id).__dict__, "created": outcome.created})

    app = _SecuredApp(
        allowed_hosts,
        title="factiongraph",
        version=__version__,
        description="A sourced, time-aware knowledge graph of armed actors: every fact with the sentence that says it.",
        docs_url=None,  # /docs is the web build's copy of Swagger UI (the default loads it from a CDN)
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.token = token
    app.include_router(api)
    app.include_router(writes)
    _add_error_handlers(app)
    static = static_dir()
    if static is not None:
        app.mount("/", StaticFiles(directory=static, html=True), name="web")
    else:

        @app.get("/", include_in_schema=False, response_class=HTMLResponse)
        @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
        def not_built() -> str:
            return _NOT_BUILT

    return app


class _SecuredApp(FastAPI):
    """FastAPI inside :class:`SecurityMiddleware`, outside even its last-resort error handler, so that a 500
    carries the security headers too (``add_middleware`` would put it inside)."""

    def __init__(self, allowed_hosts: Iterable[str] | None, **kwargs: Any) -> None:
        self.allowed_hosts = allowed_hosts
        super().__init__(**kwargs)

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityMiddleware(super().build_middleware_stack(), allowed_hosts=self.allowed_hosts)


def _json(value: Any) -> Response:
    """``value`` (the library's dataclasses) as JSON, serialized by pydantic from what it is, subclasses
    included (a place target keeps its coordinates): several times faster than FastAPI's
    convert-validate-serialize, which would dominate a large actor page. ``response_model`` still
    documents the shape, and the tests check each answer against it."""
    return Response(_ANY.dump_json(value), media_type="application/json")


def _error(status: int, message: str, details: list[dict[str, Any]] | None = None, **kwargs: Any) -> JSONResponse:
    body = {"error": {"status": status, "message": message, "details": details or []}}
    return JSONResponse(body, status_code=status, **kwargs)


def _add_error_handlers(app: FastAPI) -> None:
    """One error shape for everything: validation, unknown routes and ids, the library's own errors."""

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()]
        message = "; ".join(f"{_where(d['loc'])}: {d['msg']}" for d in details)
        return _error(422, message or "invalid request", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return _error(error.status_code, str(error.detail), headers=getattr(error, "headers", None))

    @app.exception_handler(FactiongraphError)
    async def library_error(_request: Request, error: FactiongraphError) -> JSONResponse:
        return _error(error.status, str(error))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, _exception: Exception) -> JSONResponse:
        """A bug still answers in the one shape, without its traceback (the server's log has it)."""
        return _error(500, "internal error: the server's log says more")


def _where(loc: list[Any]) -> str:
    """``["query", "limit"]`` -> ``limit``; ``["body", "keep"]`` -> ``body.keep``."""
    return ".".join(str(part) for part in (loc[1:] if loc and loc[0] in ("query", "path") else loc))
