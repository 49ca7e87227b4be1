"""The API against its own description (/openapi.json): schemathesis sends what the schema allows and what it
does not (huge integers, odd Unicode, empty strings, negative pages), and every answer must be no 5xx, in the
documented shape and, for an error, the one JSON error shape. The fixed cases below pin what it found."""

from __future__ import annotations

import calendar
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, BaseSchema, Case, GenerationMode
from schemathesis.checks import positive_data_acceptance

from factiongraph.api import create_app
from factiongraph.demo import build_demo
from factiongraph.store import open_store

TOKEN = "schema-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLES = 40
"""Cases per operation and mode: enough to reach the edges (schemathesis tries them first), few enough to stay
in a minute or two."""
HUGE = 2**63
"""One past SQLite's largest integer: once answered 500 in plain text."""


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "demo.db"
    db = open_store(path)
    build_demo(db)
    db.close()
    return path


@pytest.fixture(scope="module")
def api_schema(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> BaseSchema:
    """The schema of an app over a copy of the demo store (the write endpoints change it), with the token."""
    copy = tmp_path_factory.mktemp("schema-copy") / "demo.db"
    shutil.copy(demo_db, copy)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(copy, token=TOKEN))


@pytest.mark.slow
@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda mode: mode.value)
def test_api_answers_within_its_schema(api_schema: BaseSchema, mode: GenerationMode) -> None:
    """Every operation, with data the schema allows (positive) and data it forbids (negative): no 5xx, the
    documented status, content type and shape, a 4xx for what the schema forbids, and errors in the one shape.

    Operations are looped here, not parametrized by schemathesis's pytest plugin: its fixture-based loader
    does not run under pytest 9."""
    failures: dict[str, str] = {}
    for result in api_schema.get_all_operations():
        operation = result.ok()
        try:
            fuzz(operation, mode)
        except Unsatisfiable:  # nothing to send that the schema forbids (GET /api/stats takes no parameter)
            assert mode is GenerationMode.NEGATIVE
        except (Exception, BaseExceptionGroup) as failure:  # every operation's failures are told, not the first's
            failures[operation.label] = describe(failure)
    assert not failures, "\n\n".join(f"{label}:\n{failure}" for label, failure in failures.items())


def fuzz(operation: APIOperation, mode: GenerationMode) -> None:
    """Schemathesis's checks on ``EXAMPLES`` cases of one operation."""
    # A write can be refused for what no schema says (an actor merged with itself, a date no one can read):
    # 400, documented. Reads must take everything their schema allows.
    excluded = [positive_data_acceptance] if operation.method.upper() == "POST" else []

    @given(case=operation.as_strategy(generation_mode=mode).filter(calendar_possible))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case: Case) -> None:
        response = case.call_and_validate(headers=AUTH, excluded_checks=excluded)
        if response.status_code >= 400:
            assert_error_shape(response.json(), response.status_code)

    check()


def describe(failure: BaseException) -> str:
    """A failure and, for a group, each of its failures: hypothesis's summary alone says only how many."""
    parts = [str(failure)[:3000]]
    if isinstance(failure, BaseExceptionGroup) and not str(failure).startswith("Schemathesis"):
        parts += [describe(inner) for inner in failure.exceptions]
    return "\n".join(parts)


def calendar_possible(case: Case) -> bool:
    """JSON Schema cannot say that 30 February is no date, so generated dates keep to the calendar."""
    for value in (case.query or {}).values():
        day = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", value) if isinstance(value, str) else None
        if day and int(day[3]) > calendar.monthrange(int(day[1]), int(day[2]))[1]:
            return False
    return True


def assert_error_shape(body: Any, status: int) -> None:
    assert isinstance(body, dict) and set(body) == {"error"}, body
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], list)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """An app over an empty store: these answers do not depend on what is stored."""
    return TestClient(create_app(tmp_path_factory.mktemp("empty") / "e.db", token=TOKEN))


@pytest.mark.parametrize(
    "url",
    [
        f"/api/documents/{HUGE}",
        "/api/documents/99999999999999999999999999999999999999",
        f"/api/actors/{HUGE}",
        f"/api/events/{HUGE}",
        f"/api/pair?a=1&b={HUGE}",
        f"/api/pair?a={-HUGE - 1}&b=1",
        f"/api/relations?source={HUGE}",
        f"/api/relations?target={HUGE}",
        f"/api/relations?actor={HUGE}",
        f"/api/events?actor={HUGE}",
        f"/api/events?place={HUGE}",
        f"/api/claims?about={HUGE}",
        f"/api/claims?speaker={HUGE}",
        f"/api/actors?offset={HUGE}",
        f"/api/documents?offset={HUGE}",
        f"/api/graph?min_count={HUGE}",
        f"/api/actors?limit={HUGE}",
        "/api/actors?offset=-1",
        "/api/documents/0",
        "/api/documents/-1",
        "/api/actors/1.5",
        "/api/actors/%EF%BF%BF",
        "/api/snapshot?on=0000",
        "/api/relations?from=0000-01",
        "/api/relations?to=%D9%A2%D9%A0%D9%A2%D9%A0",
        "/api/events?from=2020%0A",
    ],
)
def test_api_out_of_range_numbers_and_dates_answer_422_in_the_error_shape(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/json"
    assert_error_shape(response.json(), 422)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/events/merge", {"keep": HUGE, "other": 1}),
        ("/api/events/split", {"event": 1, "document": HUGE}),
        ("/api/merge", {"keep": HUGE, "other": "x"}),
        ("/api/split", {"actor": HUGE, "name": "x"}),
        ("/api/split", {"actor": 1, "name": ""}),
        ("/api/documents", {"text": ""}),
    ],
)
def test_api_out_of_range_bodies_answer_422_in_the_error_shape(client: TestClient, path: str, body: dict) -> None:
    response = client.post(path, json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert_error_shape(response.json(), 422)


@pytest.mark.parametrize(
    "url",
    [
        "/api/actors?q=",
        "/api/actors?q=%00",
        "/api/actors?q=%F0%9F%92%A5%E2%80%AE%D8%A7%D9%84",
        "/api/actors?q=%ED%A0%80",
        "/api/actors?type=%C0%80",
        "/api/relations?type=",
        "/api/graph?types=,,,",
        "/api/snapshot?on=2020&actor=",
        "/api/relations?from=&to=",
    ],
)
def test_api_odd_text_answers_without_a_5xx(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert_error_shape(response.json(), response.status_code)


def test_api_unexpected_error_answers_500_in_the_error_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug is still one JSON line, with no traceback in it."""

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr("factiongraph.api.app.store_stats", broken)
    response = TestClient(create_app(tmp_path / "s.db"), raise_server_exceptions=False).get("/api/stats")
    assert response.status_code == 500
    assert_error_shape(response.json(), 500)
    assert "secret detail" not in response.text and "Traceback" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
