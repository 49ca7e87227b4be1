"""The CLI reads what the API answers (issue 15): a name resolved to an id once, then the same id-based items,
in the same order, rendered as lines."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factiongraph.api import create_app
from factiongraph.cli import app
from factiongraph.demo import build_demo
from factiongraph.graph import find_actor
from factiongraph.graph import items as graph_items
from factiongraph.graph.items import claim_items, event_items, relation_items
from factiongraph.store import connect, open_store

pytestmark = pytest.mark.slow

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-reads") / "demo.db"
    db = open_store(path)
    build_demo(db)
    db.close()
    return path


@pytest.fixture(scope="module")
def client(demo: Path) -> TestClient:
    return TestClient(create_app(demo))


def ids_of(demo: Path, *names: str) -> list[int]:
    db = connect(demo)
    try:
        return [find_actor(db, name) for name in names]
    finally:
        db.close()


def cli(demo: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", str(demo)])
    assert result.exit_code == 0, result.output
    return result.stdout


def api(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_cli_reads_events_as_the_api_lists_them(demo: Path, client: TestClient) -> None:
    """The same events in the same order, each with the API's actors in the API's order (those that act first)."""
    [hts] = ids_of(demo, "HTS")
    items = api(client, "/api/events", actor=hts, limit=100)["items"]
    headlines = re.findall(
        r"#(\d+) \w+(?: \[[^]]*\])? (.*?)(?: at .*)? \(\d+ reports?", cli(demo, "events", "--actor", "HTS")
    )
    assert len(items) > 3
    assert [(int(i), who) for i, who in headlines] == [
        (e["id"], ", ".join(f"{a['name']} ({a['role']})" for a in e["actors"])) for e in items
    ]


def test_cli_reads_a_timeline_as_the_api_pairs_it(demo: Path, client: TestClient) -> None:
    """The relations of `relations A B` are the pair view's, in its order: undated ones last."""
    for first, second, members in (("Ahrar al-Sham", "HTS", []), ("SNA", "HTS", ["--include-members"])):
        a, b = ids_of(demo, first, second)
        pair = api(client, "/api/pair", a=a, b=b, include_members=bool(members), limit=500)
        headlines = cli(demo, "relations", first, second, *members).splitlines()[::2]
        assert pair["relations"]
        assert headlines == [
            f"{r['when'] or 'pub. ' + r['evidence']['published']:>15}  "
            f"{r['source']['name']} {r['type']} {r['target']['name']}"
            for r in pair["relations"]
        ]


def test_cli_reads_claims_and_an_actors_relations_as_the_api_pages_them(demo: Path, client: TestClient) -> None:
    [hts] = ids_of(demo, "HTS")
    claims = api(client, "/api/claims", about=hts, limit=100)["items"]
    printed = re.findall(r"“(.*)” \(doc (\d+),", cli(demo, "claims", "--about", "HTS"))
    assert claims
    assert printed == [(c["evidence"]["sentence"].strip(), str(c["evidence"]["document_id"])) for c in claims]
    relations = api(client, "/api/relations", actor=hts, limit=500)["items"]
    quoted = re.findall(r"“(.*)” \(doc (\d+)\)", cli(demo, "actor", "HTS"))
    assert sorted(quoted) == sorted(
        (r["evidence"]["sentence"].strip(), str(r["evidence"]["document_id"])) for r in relations
    )


def test_cli_reads_a_whole_list_in_queries_of_a_bounded_size(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Items fetched a few ids at a time (SQLite takes a bounded number of parameters) are those one query
    fetches, in the order asked."""
    db = connect(demo)
    tables = {relation_items: "relations", event_items: "events", claim_items: "claims"}
    whole = {
        fetch: fetch(db, [r[0] for r in db.execute(f"SELECT id FROM {t} ORDER BY id DESC")])
        for fetch, t in tables.items()
    }
    monkeypatch.setattr(graph_items, "_IDS_A_QUERY", 3)
    for fetch, items in whole.items():
        assert len(items) > 3
        assert fetch(db, [item.id for item in items]) == items
    db.close()
