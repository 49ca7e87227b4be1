"""Security of the server (issue 12): markup stays data, SQL stays SQL, files stay inside the UI's folder, writes
need the token, the Host header must name the server, and every answer carries the security headers."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from factiongraph.api import create_app
from factiongraph.api.security import CONTENT_SECURITY_POLICY, host_names
from factiongraph.build import ingest
from factiongraph.cli import app as cli
from factiongraph.kb import Actor, ActorRelation, KnowledgeBase, load_kb
from factiongraph.store import open_store
from factiongraph.web import static_dir

TOKEN = "security-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MARKUP = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
ARTICLE = f"""---
published: 2024-03-01
---
Title with {MARKUP}

Hayat Tahrir al-Sham fought the Syrian National Army near Afrin on 1 March 2024. A post read {MARKUP} in full.
"""
INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE documents; --",
    '"; DROP TABLE entities; --',
    "1; DROP TABLE relations",
    "%' OR 1=1 --",
    "Robert'); DROP TABLE aliases;--",
    "') UNION SELECT name, sql, 1 FROM sqlite_master --",
    "\\'; DELETE FROM documents WHERE '1'='1",
]
"""Classic payloads: each would change the answer or the store if a parameter were pasted into SQL."""
GET_TEXT = [
    "/api/actors?q={}",
    "/api/actors?type={}",
    "/api/relations?type={}",
    "/api/relations?from={}",
    "/api/events?type={}",
    "/api/events?to={}",
    "/api/claims?stance={}",
    "/api/graph?types={}",
    "/api/graph?from={}",
    "/api/map?to={}",
    "/api/snapshot?on={}",
    "/api/snapshot?on=2024&actor={}",
    "/api/pair?a=1&b=2&from={}",
    "/api/actors/{}",
    "/api/documents/{}",
    "/api/events/{}",
    "/api/relations?source={}",
    "/api/documents?offset={}",
]
"""Every GET parameter, the text ones and the numeric ones (which must refuse the text with a 422)."""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one article whose title and text carry markup, parsed like any other."""
    folder = tmp_path_factory.mktemp("security")
    (folder / "markup.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "s.db"
    db = open_store(path)
    result = ingest(db, [folder / "markup.txt"])
    assert result.new == 1, result.failures
    db.close()
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path, token=TOKEN, allowed_hosts=["testserver"]))


def store_state(path: Path) -> tuple[list[tuple[Any, ...]], dict[str, int], str]:
    """The schema, the row count of every table and the integrity check: what an injection would change."""
    with sqlite3.connect(path) as connection:
        schema = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables = [row[1] for row in schema if row[0] == "table"]
        counts = {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    connection.close()
    return schema, counts, integrity


# --- SQL injection ---------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("payload", INJECTIONS)
def test_security_sql_injection_through_every_get_parameter_changes_nothing(
    client: TestClient, store_path: Path, payload: str
) -> None:
    before = store_state(store_path)
    for url in GET_TEXT:
        response = client.get(url.format(payload.replace("%", "%25").replace("#", "%23").replace("&", "%26")))
        assert response.status_code in (200, 404, 422), (url, response.text)
        assert response.headers["content-type"] == "application/json"
        if url == "/api/actors?q={}":
            assert response.json()["items"] == [], "a quote in a search widened it: the query was not bound"
    assert store_state(store_path) == before


@pytest.mark.slow
@pytest.mark.parametrize("payload", INJECTIONS)
def test_security_sql_injection_through_write_bodies_is_stored_as_text(
    store_path: Path, tmp_path: Path, payload: str
) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(store_path.read_bytes())
    writer = TestClient(create_app(copy, token=TOKEN))
    schema, counts, _ = store_state(copy)
    for path, body in [
        ("/api/merge", {"keep": payload, "other": "HTS"}),
        ("/api/merge", {"keep": "HTS", "other": payload}),
        ("/api/split", {"actor": payload, "name": "x"}),
        ("/api/split", {"actor": "HTS", "name": payload}),
        ("/api/events/merge", {"keep": payload, "other": 1}),
    ]:
        response = writer.post(path, json=body, headers=AUTH)
        assert response.status_code in (400, 404, 422), (path, body, response.text)
    assert store_state(copy) == (schema, counts, "ok")
    created = writer.post(
        "/api/documents",
        json={"title": payload, "url": payload, "text": f"The Syrian National Army said {payload} again."},
        headers=AUTH,
    )
    assert created.status_code == 200, created.text
    document = writer.get(f"/api/documents/{created.json()['id']}").json()
    assert (document["title"], document["url"]) == (payload, payload)
    assert payload in document["text"]
    after_schema, after_counts, integrity = store_state(copy)
    assert after_schema == schema and integrity == "ok"
    assert after_counts["documents"] == counts["documents"] + 1


# --- Markup stays text -------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_security_markup_in_articles_comes_back_as_json_strings(client: TestClient) -> None:
    """The API never renders: titles and texts with markup are JSON string data, as written."""
    listed = client.get("/api/documents").json()["items"]
    document = next(d for d in listed if d["title"] == f"Title with {MARKUP}")
    detail = client.get(f"/api/documents/{document['id']}")
    assert detail.headers["content-type"] == "application/json"
    assert f"A post read {MARKUP} in full." in detail.json()["text"]


@pytest.mark.slow
def test_security_markup_in_knowledge_base_names_comes_back_as_json_strings(store_path: Path) -> None:
    hostile = Actor(
        id="markup-brigade",
        type="Organisation",
        category="armed-group",
        name=MARKUP,
        relations=(ActorRelation(type="BelongsTo", target="syrian-national-army", note=MARKUP),),
    )
    client = TestClient(create_app(store_path, kb=KnowledgeBase(actors=(*load_kb().actors, hostile))))
    sna = client.get("/api/actors?q=Syrian National Army").json()["items"][0]["id"]
    entry = next(k for k in client.get(f"/api/actors/{sna}").json()["knowledge_base"] if k["kb_id"] == "markup-brigade")
    assert (entry["name"], entry["note"]) == (MARKUP, MARKUP)


def test_security_the_ui_renders_no_markup_string() -> None:
    """The UI builds its DOM from text nodes (web/src/dom.js): no innerHTML, no HTML string parsing, no eval."""
    sources = Path(__file__).resolve().parents[1] / "web" / "src"
    forbidden = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser")
    for path in sources.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert not [word for word in forbidden if word in text], path


# --- Files stay inside the UI's folder -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def live(store_path: Path) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, for requests a client library would clean up first."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(store_path, token=TOKEN, allowed_hosts=host_names("127.0.0.1"))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the app did not start"
        time.sleep(0.05)
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def raw_get(address: str, target: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 GET with the request target sent exactly as given (no client normalises it)."""
    name, port = address.rsplit(":", 1)
    with socket.create_connection((name, int(port)), timeout=10) as connection:
        request = f"GET {target} HTTP/1.1\r\nHost: {address if host is None else host}\r\nConnection: close\r\n\r\n"
        connection.sendall(request.encode("latin-1"))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


@pytest.mark.slow
@pytest.mark.parametrize(
    "target",
    [
        "/../../../../etc/passwd",
        "/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/docs/../../../../etc/passwd",
        "/docs/..%2f..%2f..%2fapi%2fapp.py",
        "/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fapi%2fapp.py",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "//etc/passwd",
        "/static/../../pyproject.toml",
        "/.%2e/.%2e/.%2e/pyproject.toml",
        "/index.html%00.js",
    ],
)
def test_security_static_files_stay_in_the_ui_folder(live: str, target: str) -> None:
    if static_dir() is None:
        pytest.skip("the web UI is not built (make setup builds it)")
    status, headers, body = raw_get(live, target)
    assert b"root:" not in body and b"[build-system]" not in body and b"create_app" not in body
    assert status in (400, 404) or body.startswith(b"<!doctype html>"), (status, body[:200])
    assert headers["x-content-type-options"] == "nosniff"


def test_security_no_endpoint_takes_a_file_name() -> None:
    """The only files the server reads are the store and the UI's; no parameter names a path."""
    spec = TestClient(create_app(Path(__file__).parent / "data" / "none.db")).get("/openapi.json").json()
    names = {p["name"] for path in spec["paths"].values() for op in path.values() for p in op.get("parameters", [])}
    assert not names & {"path", "file", "filename", "dir", "folder", "kb", "db"}


# --- Tokens -----------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": ""}, {"Authorization": "Bearer"}, {"Authorization": "Bearer "},
     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}, {"X-Token": TOKEN}],
)  # fmt: skip
def test_security_writes_refuse_a_missing_wrong_or_empty_token(client: TestClient, headers: dict[str, str]) -> None:
    for path, body in [
        ("/api/merge", {"keep": "HTS", "other": "SNA"}),
        ("/api/split", {"actor": "HTS", "name": "HTS"}),
        ("/api/events/merge", {"keep": 1, "other": 2}),
        ("/api/events/split", {"event": 1, "document": 1}),
        ("/api/documents", {"text": "The Syrian National Army said so."}),
    ]:
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == 401, (path, headers, response.text)
        assert response.json()["error"]["status"] == 401


def test_security_an_empty_token_is_refused_when_the_app_is_made(tmp_path: Path) -> None:
    for empty in ("", "   "):
        with pytest.raises(ValueError, match="empty"):
            create_app(tmp_path / "s.db", token=empty)


@pytest.mark.parametrize("token", ["", " "])
def test_security_serve_refuses_an_empty_token_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    monkeypatch.delenv("FACTIONGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--token", token])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: refusing an empty --token: it would let anyone write; give a real one, or none to take no writes"
    ]
    assert not (tmp_path / "s.db").exists()


# --- The Host header ---------------------------------------------------------------------------------------------


def test_security_host_names_of_a_loopback_bind() -> None:
    assert host_names("127.0.0.1") == {"127.0.0.1", "localhost", "[::1]"}
    assert host_names("::1") == {"127.0.0.1", "localhost", "[::1]"}
    assert host_names("localhost", ["factiongraph.example"]) == {
        "127.0.0.1",
        "localhost",
        "[::1]",
        "factiongraph.example",
    }
    assert host_names("192.0.2.7") == {"192.0.2.7"}
    wildcard = host_names("0.0.0.0")
    assert {"localhost", "127.0.0.1", socket.gethostname().lower()} <= wildcard and "evil.example" not in wildcard


@pytest.mark.slow
@pytest.mark.parametrize(
    ("host", "status"),
    [("{address}", 200), ("localhost:{port}", 200), ("127.0.0.1", 200), ("[::1]:{port}", 200), ("LOCALHOST", 200),
     ("evil.example", 400), ("evil.example:{port}", 400), ("127.0.0.1.evil.example", 400), ("localhost.", 400),
     ("127.0.0.2", 400), ("", 400), ("localhost@evil.example", 400), ("[::1", 400)],
)  # fmt: skip
def test_security_the_host_header_must_name_the_server(live: str, host: str, status: int) -> None:
    """A DNS-rebinding page sends its own name as Host: the server answers it 400 in the error shape."""
    port = live.rsplit(":", 1)[1]
    code, headers, body = raw_get(live, "/api/stats", host=host.format(address=live, port=port))
    assert code == status, body
    if status == 400:
        assert body.startswith(b'{"error": {"status": 400') and headers["content-type"] == "application/json"
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_security_serve_checks_the_host_names_of_its_bind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **_kwargs: served.append(app))
    monkeypatch.delenv("FACTIONGRAPH_TOKEN", raising=False)
    args = ["serve", "--db", str(tmp_path / "s.db"), "--allow-host", "Factiongraph.Example", "--allow-host", "::2"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert served[0].allowed_hosts == {"127.0.0.1", "localhost", "[::1]", "factiongraph.example", "[::2]"}
    client = TestClient(served[0], base_url="http://factiongraph.example")
    assert client.get("/api/stats").status_code == 200
    assert client.get("/api/stats", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.slow
def test_security_no_host_check_when_the_caller_does_its_own(store_path: Path) -> None:
    assert TestClient(create_app(store_path)).get("/api/stats", headers={"host": "anything"}).status_code == 200


# --- Headers -----------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("method", "url", "status"),
    [("GET", "/", 200), ("GET", "/app.js", 200), ("GET", "/docs/", 200), ("GET", "/docs/swagger-ui-bundle.js", 200),
     ("GET", "/openapi.json", 200), ("GET", "/api/stats", 200), ("GET", "/api/actors/99999", 404),
     ("GET", "/api/actors?limit=0", 422), ("GET", "/no/such/file", 404), ("POST", "/api/merge", 401),
     ("DELETE", "/api/stats", 405)],
)  # fmt: skip
def test_security_headers_on_every_answer(client: TestClient, method: str, url: str, status: int) -> None:
    if static_dir() is None and not url.startswith(("/api", "/openapi")):
        pytest.skip("the web UI is not built (make setup builds it)")
    response = client.request(method, url)
    assert response.status_code == status
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY and "script-src 'self';" in CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


# --- /docs offline ------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_security_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    """/docs is Swagger UI from the npm package swagger-ui-dist, copied by the web build: no CDN."""
    if static_dir() is None:
        pytest.skip("the web UI is not built (make setup builds it)")
    page = client.get("/docs", follow_redirects=True)
    assert page.status_code == 200 and 'id="swagger-ui"' in page.text
    assert "http://" not in page.text and "https://" not in page.text and "<script>" not in page.text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "docs.js"):
        assert asset in page.text
        assert client.get(f"/docs/{asset}").status_code == 200
    assert "cdn" not in client.get("/docs/docs.js").text.lower()
    assert client.get("/redoc").status_code == 404
