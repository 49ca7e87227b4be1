"""The HTTP API (docs/api-contract.md) through FastAPI's TestClient, on the demo store plus the test articles."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from factiongraph import vocab
from factiongraph.api import create_app, models
from factiongraph.build import ingest
from factiongraph.demo import build_demo
from factiongraph.errors import InvalidQueryError
from factiongraph.graph.items import iso_prefix
from factiongraph.graph.network import EdgeTable, network
from factiongraph.graph.stats import Stats
from factiongraph.kb import Actor, ActorRelation, KnowledgeBase, load_kb
from factiongraph.store import open_store
from tests.conftest import TEST_DATA

TOKEN = "test-token"
XSS_TEXT = "A post read <script>alert('x')</script> and <img src=x onerror=alert(1)> in full."
XSS_ARTICLE = f"---\npublished: 2024-02-01\n---\nMarkup stays text\n\nThe Syrian National Army said so. {XSS_TEXT}\n"


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, the Arabic test article and an article carrying markup: parsed once for the session."""
    folder = tmp_path_factory.mktemp("api")
    (folder / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    path = folder / "api.db"
    db = open_store(path)
    build_demo(db)
    ingest(db, [TEST_DATA / "hts-idlib-ar.txt", folder / "xss.txt"])
    db.close()
    return path


@pytest.fixture(scope="session")
def client(api_db: Path) -> TestClient:
    return TestClient(create_app(api_db, token=TOKEN))


@pytest.fixture
def writable(api_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client over a copy of the store, for the write endpoints."""
    copy = tmp_path / "copy.db"
    shutil.copy(api_db, copy)
    yield TestClient(create_app(copy, token=TOKEN))


def get(client: TestClient, url: str, model: type | None = None, status: int = 200) -> Any:
    """The JSON answer to ``url``, checked for its status and, given a model (pydantic's or the library's
    dataclass), against the documented shape."""
    response = client.get(url)
    assert response.status_code == status, response.text
    if model is not None:
        TypeAdapter(model).validate_python(response.json())
    return response.json()


def actor_id(client: TestClient, name: str) -> int:
    return get(client, f"/api/actors?q={name}")["items"][0]["id"]


def assert_error(body: dict[str, Any], status: int, message: str) -> None:
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["message"] == message
    assert isinstance(body["error"]["details"], list)


@pytest.mark.slow
def test_api_stats_counts_and_date_range(client: TestClient) -> None:
    stats = get(client, "/api/stats", Stats)
    assert stats["documents"] == 12
    assert stats["actors"] > 50 and stats["relations"] > 20 and stats["events"] > 5 and stats["claims"] > 5
    assert stats["first"] <= "2017" < "2024" <= stats["last"]


@pytest.mark.slow
def test_api_actors_most_mentioned_first_and_paged(client: TestClient) -> None:
    first = get(client, "/api/actors?limit=3", models.Page[models.ActorHit])
    assert (first["limit"], first["offset"], len(first["items"])) == (3, 0, 3)
    mentions = [a["mentions"] for a in first["items"]]
    assert mentions == sorted(mentions, reverse=True)
    second = get(client, "/api/actors?limit=3&offset=3")
    assert second["total"] == first["total"]
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    assert second["items"][0]["mentions"] <= mentions[-1]
    people = get(client, "/api/actors?type=Person&limit=500")["items"]
    assert people and all(a["type"] == "Person" for a in people)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("هيئة تحرير الشام", "Hayat Tahrir al-Sham"),
        ("الجولاني", "Abu Mohammad al-Jolani"),
        ("Julani", "Abu Mohammad al-Jolani"),
        ("hts", "Hayat Tahrir al-Sham"),
        ("the SNA", "Syrian National Army"),
    ],
)
def test_api_actors_search_any_alias_arabic_too(client: TestClient, query: str, expected: str) -> None:
    hits = get(client, f"/api/actors?q={query}", models.Page[models.ActorHit])["items"]
    assert hits[0]["name"] == expected


@pytest.mark.slow
def test_api_actors_search_finds_a_name_inside_another(client: TestClient) -> None:
    names = [a["name"] for a in get(client, "/api/actors?q=Tahrir")["items"]]
    assert "Hayat Tahrir al-Sham" in names


@pytest.mark.slow
def test_api_actor_has_names_in_every_script_and_its_lists(client: TestClient) -> None:
    hts = actor_id(client, "HTS")
    actor = get(client, f"/api/actors/{hts}", models.ActorDetail)
    assert actor["name"] == "Hayat Tahrir al-Sham" and actor["kb_id"] == "hayat-tahrir-al-sham"
    assert {"HTS", "هيئة تحرير الشام"} <= set(actor["names"])
    assert actor["relations"] and actor["totals"]["relations"] == len(actor["relations"])
    assert all(hts in (r["source"]["id"], r["target"]["id"]) for r in actor["relations"])
    dated = [r["start"] for r in actor["relations"] if r["start"]]
    assert dated == sorted(dated)
    assert actor["relations"][-1]["when"] is None or len(dated) == len(actor["relations"])
    assert all(r["type"] == "Controls" and r["source"]["id"] == hts for r in actor["territory"])
    assert any("lat" in r["target"] for r in actor["territory"])
    assert all(r["type"] == "InChargeOf" and r["target"]["id"] == hts for r in actor["commanders"])
    assert actor["events"] and actor["claims_about"]


@pytest.mark.slow
def test_api_actor_lists_are_capped_with_totals(client: TestClient) -> None:
    hts = actor_id(client, "HTS")
    actor = get(client, f"/api/actors/{hts}?limit=1", models.ActorDetail)
    assert len(actor["relations"]) == 1 < actor["totals"]["relations"]


@pytest.mark.slow
def test_api_actor_has_its_knowledge_base_affiliations(client: TestClient) -> None:
    division, sna = actor_id(client, "Sultan Suleiman Shah Division"), actor_id(client, "SNA")
    actor = get(client, f"/api/actors/{division}", models.ActorDetail)
    assert actor["kb_id"] == "sultan-suleiman-shah-division"
    assert actor["knowledge_base"] and {k["type"] for k in actor["knowledge_base"]} <= {
        "BelongsTo",
        "InChargeOf",
        "AlliesOf",
    }
    coalition = next(k for k in actor["knowledge_base"] if k["kb_id"] == "syrian-national-army")
    assert coalition["type"] == "BelongsTo" and coalition["name"] == "Syrian National Army"
    assert coalition["source"] == {"id": division, "name": actor["name"], "type": actor["type"]}
    assert coalition["target"]["id"] == sna
    # Downward: the coalition's page has the division among its members, its leader among its commanders
    members = get(client, f"/api/actors/{sna}")["knowledge_base"]
    assert any(k["type"] == "BelongsTo" and k["source"] and k["source"]["id"] == division for k in members)
    hts, jolani = actor_id(client, "HTS"), actor_id(client, "Jolani")
    led = [k for k in get(client, f"/api/actors/{hts}")["knowledge_base"] if k["kb_id"] == "abu-mohammad-al-jolani"]
    assert len(led) >= 2 and all(k["type"] == "InChargeOf" and k["target"]["id"] == hts for k in led)
    assert all(k["source"]["id"] == jolani and k["start"] for k in led)
    assert [k["start"] for k in led] == sorted(k["start"] for k in led)


@pytest.mark.slow
def test_api_knowledge_base_end_not_in_the_store_is_named(api_db: Path) -> None:
    made_up = Actor(
        id="test-brigade",
        type="Organisation",
        category="armed-group",
        name="Test Brigade",
        relations=(ActorRelation(type="BelongsTo", target="syrian-national-army", start="2020", note="for the test"),),
    )
    client = TestClient(create_app(api_db, kb=KnowledgeBase(actors=(*load_kb().actors, made_up))))
    sna = actor_id(client, "SNA")
    entry = next(
        k
        for k in get(client, f"/api/actors/{sna}", models.ActorDetail)["knowledge_base"]
        if k["kb_id"] == "test-brigade"
    )
    assert entry == {
        "type": "BelongsTo",
        "source": None,
        "target": {"id": sna, "name": "Syrian National Army", "type": "Organisation"},
        "name": "Test Brigade",
        "kb_id": "test-brigade",
        "start": "2020",
        "end": None,
        "note": "for the test",
    }
    db = open_store(api_db)
    outside = db.execute("SELECT id FROM entities WHERE kb_id IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    db.close()
    assert get(client, f"/api/actors/{outside}")["knowledge_base"] == []


@pytest.mark.slow
def test_api_evidence_points_at_the_sentence_in_the_document(client: TestClient) -> None:
    relation = get(client, "/api/relations?limit=1")["items"][0]
    evidence = relation["evidence"]
    document = get(client, f"/api/documents/{evidence['document_id']}")
    assert document["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert evidence["title"] == document["title"]


@pytest.mark.slow
def test_api_unknown_ids_answer_404(client: TestClient) -> None:
    assert_error(get(client, "/api/actors/999999", status=404), 404, "no actor with id 999999")
    assert_error(get(client, "/api/documents/999999", status=404), 404, "no document with id 999999")
    assert_error(get(client, "/api/pair?a=1&b=999999", status=404), 404, "no actor with id 999999")
    assert_error(get(client, "/api/events?actor=999999", status=404), 404, "no actor with id 999999")
    assert get(client, "/api/no-such-thing", status=404)["error"]["status"] == 404


@pytest.mark.slow
def test_api_pair_timeline_by_date_with_members(client: TestClient) -> None:
    sna, hts = actor_id(client, "SNA"), actor_id(client, "HTS")
    plain = get(client, f"/api/pair?a={sna}&b={hts}", models.PairTimeline)
    assert (plain["a"]["name"], plain["b"]["name"]) == ("Syrian National Army", "Hayat Tahrir al-Sham")
    wide = get(client, f"/api/pair?a={sna}&b={hts}&include_members=true", models.PairTimeline)
    assert len(wide["relations"]) >= len(plain["relations"])
    assert wide["totals"]["relations"] == len(wide["relations"])
    dated = [r["start"] is not None for r in wide["relations"]]
    assert dated == sorted(dated, reverse=True), "dated facts come first, undated last"
    starts = [r["start"] for r in wide["relations"] if r["start"] is not None]
    assert starts == sorted(starts)


@pytest.mark.slow
def test_api_pair_window_and_bad_dates(client: TestClient) -> None:
    sna, hts = actor_id(client, "SNA"), actor_id(client, "HTS")
    early = get(client, f"/api/pair?a={sna}&b={hts}&include_members=true&to=2010")
    assert early["relations"] == []
    body = get(client, f"/api/pair?a={sna}&b={hts}&from=2020-13", status=422)
    assert_error(body, 422, "from: '2020-13' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    body = get(client, f"/api/pair?a={sna}&b={hts}&to=May 2020", status=422)
    assert_error(body, 422, "to: 'May 2020' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    assert get(client, f"/api/pair?a={sna}&b={hts}&from=2020-02-30", status=422)["error"]["status"] == 422
    assert get(client, f"/api/pair?a={sna}&b={hts}&from=2020-02-29")["a"]["id"] == sna


@pytest.mark.slow
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=0", "limit: Input should be greater than or equal to 1"),
        ("limit=501", "limit: Input should be less than or equal to 500"),
        ("limit=ten", "limit: Input should be a valid integer, unable to parse string as an integer"),
        ("offset=-1", "offset: Input should be greater than or equal to 0"),
    ],
)
def test_api_bad_paging_answers_422_with_one_line(client: TestClient, query: str, message: str) -> None:
    body = get(client, f"/api/relations?{query}", status=422)
    assert_error(body, 422, message)
    assert body["error"]["details"][0]["loc"][-1] == query.split("=")[0]


@pytest.mark.slow
def test_api_relations_paged_and_filtered(client: TestClient) -> None:
    everything = get(client, "/api/relations?limit=500", models.Page[models.RelationItem])
    assert everything["total"] == len(everything["items"])
    second = get(client, "/api/relations?limit=1&offset=1")["items"]
    assert second == everything["items"][1:2]
    controls = get(client, "/api/relations?type=Controls&limit=500")["items"]
    assert controls and all(r["type"] == "Controls" for r in controls)
    hts = actor_id(client, "HTS")
    outgoing = get(client, f"/api/relations?source={hts}&limit=500")["items"]
    assert outgoing and all(r["source"]["id"] == hts for r in outgoing)
    relation = outgoing[0]
    other = relation["target"]["id"]
    both = get(client, f"/api/relations?source={other}&target={hts}&limit=500")["items"]
    assert relation["id"] in {r["id"] for r in both}
    either = get(client, f"/api/relations?actor={hts}&limit=500")
    assert either["total"] == get(client, f"/api/actors/{hts}")["totals"]["relations"]
    dated = get(client, "/api/relations?from=2019&to=2019&limit=500")["items"]
    assert dated and all((r["start"] or r["evidence"]["published"])[:4] <= "2019" for r in dated)


@pytest.mark.slow
def test_api_events_filtered(client: TestClient) -> None:
    events = get(client, "/api/events?limit=500", models.Page[models.EventItem])["items"]
    kind = events[0]["type"]
    assert all(e["type"] == kind for e in get(client, f"/api/events?type={kind}&limit=500")["items"])
    hts = actor_id(client, "HTS")
    by_hts = get(client, f"/api/events?actor={hts}&limit=500")["items"]
    assert by_hts and all(hts in {a["id"] for a in e["actors"]} for e in by_hts)
    placed = next(e for e in events if e["place"])
    at = get(client, f"/api/events?place={placed['place']['id']}&limit=500")["items"]
    assert placed["id"] in {e["id"] for e in at}
    assert get(client, "/api/events?from=2030")["total"] == 0


@pytest.mark.slow
def test_api_claims_filtered_by_stance_speaker_and_subject(client: TestClient) -> None:
    claims = get(client, "/api/claims?limit=500", models.Page[models.ClaimItem])["items"]
    assert {"asserted", "denied"} <= {c["stance"] for c in claims}
    denied = get(client, "/api/claims?stance=denied&limit=500")["items"]
    assert denied and all(c["stance"] == "denied" for c in denied)
    spoken = next(c for c in claims if c["speaker"])
    by = get(client, f"/api/claims?speaker={spoken['speaker']['id']}&limit=500")["items"]
    assert spoken["id"] in {c["id"] for c in by}
    about = next(c for c in claims if c["about"])
    subject = about["about"][0]["id"]
    assert about["id"] in {c["id"] for c in get(client, f"/api/claims?about={subject}&limit=500")["items"]}
    body = get(client, "/api/claims?stance=rumoured", status=422)
    assert body["error"]["message"] == "stance: Input should be 'asserted', 'denied', 'possible' or 'likely'"


@pytest.mark.slow
def test_api_documents_list_and_reader_offsets(client: TestClient) -> None:
    page = get(client, "/api/documents?limit=5", models.Page[models.DocumentSummary])
    assert page["total"] == 12 and len(page["items"]) == 5
    assert set(page["items"][0]) == {"id", "title", "published", "url", "language"}
    document = get(client, f"/api/documents/{page['items'][0]['id']}", models.DocumentDetail)
    text = document["text"]
    assert document["sentences"] and all(0 <= s["start"] < s["end"] <= len(text) for s in document["sentences"])
    assert document["mentions"] and all(text[m["start"] : m["end"]].strip() for m in document["mentions"])
    assert document["relations"]
    for relation in document["relations"]:
        assert 0 <= relation["start"] < relation["end"] <= len(text)


@pytest.mark.slow
def test_api_document_markup_comes_back_as_json_string_data(client: TestClient) -> None:
    found = get(client, "/api/documents?limit=500")["items"]
    xss = next(d for d in found if d["title"] == "Markup stays text")
    response = client.get(f"/api/documents/{xss['id']}")
    assert response.headers["content-type"] == "application/json"
    assert XSS_TEXT in response.json()["text"]


@pytest.mark.slow
def test_api_graph_window_types_and_limits(client: TestClient) -> None:
    whole = get(client, "/api/graph", models.Network)
    assert whole["nodes"] and whole["edges"]
    ids = {n["id"] for n in whole["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in whole["edges"])
    assert all(e["id"] == f"{e['source']}-{e['target']}-{e['type']}" for e in whole["edges"])
    degrees = [n["degree"] for n in whole["nodes"]]
    assert degrees == sorted(degrees, reverse=True)
    windowed = get(client, "/api/graph?from=2017&to=2019")
    assert windowed["edges"] and all(e["first"] and e["first"][:4] <= "2019" for e in windowed["edges"])
    assert all(e["last"] >= "2017" for e in windowed["edges"])
    typed = get(client, "/api/graph?types=Controls,FightingAgainst")
    assert typed["edges"] and {e["type"] for e in typed["edges"]} <= {"Controls", "FightingAgainst"}
    small = get(client, "/api/graph?limit=2&max_edges=1")
    assert len(small["nodes"]) == 2 and len(small["edges"]) <= 1
    assert get(client, "/api/graph?min_count=1000")["nodes"] == []
    assert get(client, "/api/graph?from=2019-00", status=422)["error"]["message"].startswith("from: '2019-00'")


@pytest.mark.slow
def test_api_graph_asked_again_is_answered_from_the_table_until_the_store_changes(api_db: Path) -> None:
    db = open_store(api_db)
    table = EdgeTable.load(db)
    asked = {"start": "2017", "end": None, "min_count": 1, "limit": 300, "max_edges": 1000}
    first = table.network(db, types=["Controls", "FightingAgainst"], **asked)
    assert table.network(db, types=["FightingAgainst", "Controls"], **asked) is first
    assert table.network(db, types=None, **asked) is not first
    assert EdgeTable.load(db).network(db, types=["Controls", "FightingAgainst"], **asked) == first


@pytest.mark.slow
def test_api_graph_counts_agree_with_sql(api_db: Path) -> None:
    db = open_store(api_db)
    edges = {(e.source, e.target, e.type): e.count for e in network(db, limit=10_000, max_edges=100_000).edges}
    grouped = db.execute("SELECT source_id, target_id, type, COUNT(*) FROM relations GROUP BY 1, 2, 3").fetchall()
    assert edges == {(s, t, kind): n for s, t, kind, n in grouped}


@pytest.mark.slow
def test_api_map_has_coordinates(client: TestClient) -> None:
    view = get(client, "/api/map", models.MapView)
    assert view["events"] and all(e["place"]["lat"] is not None for e in view["events"])
    assert view["controlled"] and all(r["target"]["lat"] is not None for r in view["controlled"])
    assert all(r["type"] == "Controls" for r in view["controlled"])


@pytest.mark.slow
def test_api_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = get(client, "/openapi.json")
    assert set(spec["paths"]) == {
        "/api/actors",
        "/api/actors/{entity_id}",
        "/api/pair",
        "/api/relations",
        "/api/events",
        "/api/events/{event_id}",
        "/api/events/merge",
        "/api/events/split",
        "/api/claims",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/graph",
        "/api/map",
        "/api/snapshot",
        "/api/meta",
        "/api/stats",
        "/api/merge",
        "/api/split",
    }
    for path in spec["paths"].values():
        for operation in path.values():
            assert operation["summary"] and "200" in operation["responses"]
            assert "ErrorResponse" in str(operation["responses"].get("422", operation["responses"].get("404")))


@pytest.mark.slow
def test_api_writes_need_the_token(client: TestClient, api_db: Path) -> None:
    body = {"keep": "HTS", "other": "SNA"}
    missing = client.post("/api/merge", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert_error(missing.json(), 401, "writes need the header 'Authorization: Bearer <token>'")
    wrong = client.post("/api/merge", json=body, headers={"Authorization": f"Bearer {TOKEN}x"})
    assert wrong.status_code == 401
    basic = client.post("/api/split", json={"actor": 1, "name": "x"}, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    read_only = TestClient(create_app(api_db))
    refused = read_only.post("/api/documents", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 403
    assert "start it with --token" in refused.json()["error"]["message"]


@pytest.mark.slow
def test_api_merge_with_the_token(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    ahrar = actor_id(writable, "Ahrar al-Sham")
    merged = writable.post("/api/merge", json={"keep": "HTS", "other": ahrar}, headers=auth)
    assert merged.status_code == 200, merged.text
    models.ActorDetail.model_validate(merged.json())
    assert merged.json()["name"] == "Hayat Tahrir al-Sham" and "Ahrar al-Sham" in merged.json()["names"]
    assert writable.get(f"/api/actors/{ahrar}").status_code == 404
    again = writable.post("/api/merge", json={"keep": "HTS", "other": "HTS"}, headers=auth)
    assert_error(again.json(), 400, "an entity cannot be merged with itself")
    unknown = writable.post("/api/merge", json={"keep": "HTS", "other": "Nobody at all"}, headers=auth)
    assert unknown.status_code == 404


@pytest.mark.slow
def test_api_graph_follows_a_merge(writable: TestClient) -> None:
    ahrar = actor_id(writable, "Ahrar al-Sham")
    assert ahrar in {n["id"] for n in get(writable, "/api/graph")["nodes"]}
    merged = writable.post(
        "/api/merge", json={"keep": "HTS", "other": ahrar}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert merged.status_code == 200
    assert ahrar not in {n["id"] for n in get(writable, "/api/graph")["nodes"]}


@pytest.mark.slow
def test_api_split_with_the_token(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    hts = actor_id(writable, "HTS")
    split = writable.post("/api/split", json={"actor": hts, "name": "Jabhat al-Nusra"}, headers=auth)
    assert split.status_code == 200, split.text
    assert split.json()["id"] != hts and "Jabhat al-Nusra" in split.json()["names"]
    assert "Jabhat al-Nusra" not in writable.get(f"/api/actors/{hts}").json()["names"]
    bad = writable.post("/api/split", json={"actor": hts, "name": ""}, headers=auth)
    assert bad.status_code == 422 and bad.json()["error"]["message"].startswith("body.name: ")


@pytest.mark.slow
def test_api_ingest_one_document_with_the_token(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    article = {
        "title": "A new report",
        "published": "March 2023",
        "url": "https://example.org/new",
        "text": "Hayat Tahrir al-Sham fought the Syrian National Army near Afrin in March 2023. <b>bold</b>",
    }
    created = writable.post("/api/documents", json=article, headers=auth)
    assert created.status_code == 200, created.text
    body = created.json()
    assert body["created"] and body["published"] == "2023-03" and body["title"] == "A new report"
    document = writable.get(f"/api/documents/{body['id']}").json()
    assert document["text"] == article["text"] and document["mentions"]
    again = writable.post("/api/documents", json=article, headers=auth).json()
    assert (again["id"], again["created"]) == (body["id"], False)
    bad = writable.post("/api/documents", json={**article, "text": "x y", "published": "someday"}, headers=auth)
    assert bad.status_code == 400 and "cannot be read" in bad.json()["error"]["message"]


@pytest.mark.slow
def test_api_root_says_how_to_build_the_ui_when_it_is_not_built(api_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factiongraph.api.app.static_dir", lambda: None)
    response = TestClient(create_app(api_db)).get("/")
    assert response.status_code == 200 and "make setup" in response.text


def test_api_empty_store_answers_every_view(tmp_path: Path) -> None:
    empty = TestClient(create_app(tmp_path / "empty.db"))
    assert get(empty, "/api/stats") == {
        "documents": 0,
        "actors": 0,
        "relations": 0,
        "events": 0,
        "claims": 0,
        "first": None,
        "last": None,
    }
    assert get(empty, "/api/graph", models.Network) == {"nodes": [], "edges": [], "total_nodes": 0, "total_edges": 0}
    assert get(empty, "/api/graph?from=2020")["nodes"] == []
    assert get(empty, "/api/map")["events"] == []
    for path in ("/api/actors", "/api/actors?q=HTS", "/api/relations", "/api/events", "/api/claims", "/api/documents"):
        assert get(empty, path) == {"items": [], "total": 0, "limit": 50, "offset": 0}


def test_api_meta_serves_every_vocabulary_once(tmp_path: Path) -> None:
    """The UI draws with /api/meta's vocabularies: each is factiongraph.vocab's, whole and in its order."""
    meta = get(TestClient(create_app(tmp_path / "empty.db")), "/api/meta", models.Meta)
    assert [t["name"] for t in meta["actor_types"]] == ["Organisation", "Person", "Location", "Nationality"]
    assert {t["name"] for t in meta["relation_types"]} == set(vocab.RELATION_TYPES)
    assert [t["label"] for t in meta["relation_types"]][:3] == ["belongs to", "in charge of", "allies of"]
    assert [t["name"] for t in meta["stances"]] == ["asserted", "likely", "possible", "denied"]
    assert set(meta["relation_groups"]) == set(vocab.RELATION_GROUPS)
    assert meta["relation_groups"]["incidental"] == ["CoLocated", "IsSynonymOf"]
    symmetric = ["AlliesOf", "CoLocated", "CommWith", "FightingAgainst", "IsSynonymOf"]
    assert meta["relation_groups"]["symmetric"] == symmetric
    assert meta["event_types"] == list(vocab.EVENT_TYPES) and "ASSAULT" in meta["event_types"]
    assert meta["acled_event_types"]["Riots"] == ["Violent demonstration", "Mob violence"]
    assert all(t["color"].startswith("#") for key in ("actor_types", "relation_types", "stances") for t in meta[key])


@pytest.mark.parametrize("value", ["2020", "2020-02", "2020-02-29", "1999-12-31"])
def test_api_iso_prefix_takes_dates(value: str) -> None:
    assert iso_prefix("from", value) == value


@pytest.mark.parametrize("value", ["20", "2021-02-29", "2020-00", "2020-1", "2020/02", "yesterday", "2020-02-01T00"])
def test_api_iso_prefix_refuses_what_is_not_a_date(value: str) -> None:
    with pytest.raises(InvalidQueryError, match=f"from: '{value}' is not a date"):
        iso_prefix("from", value)
