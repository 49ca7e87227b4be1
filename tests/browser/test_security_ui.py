"""The UI against hostile data and hostile pages: markup in actor names, knowledge-base entries and titles shows as
text and runs nothing; the app cannot be framed; /docs works offline under the same CSP."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from factiongraph.api import create_app
from factiongraph.api.security import CONTENT_SECURITY_POLICY, host_names
from factiongraph.kb import Actor, ActorRelation, KnowledgeBase, load_kb
from tests.browser.conftest import XSS_TITLE, PageWatch, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAME = '<img src=x onerror="window.__xss=1">Brigade'
NOTE = "<script>window.__xss=2</script> said so"
TITLE = '<svg onload="window.__xss=3">Title</svg>'
INJECTED = "img[src='x'], svg[onload], script:not([src])"
"""What the markup would have made had it been parsed: none of it may be in the page."""


@dataclass
class HostileSite:
    url: str
    renamed: int
    sna: int
    document: int


@pytest.fixture(scope="module")
def hostile(
    demo_store: tuple[Path, tuple[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HostileSite]:
    """The demo store with markup where an article could put it (an actor's name, a title) and a knowledge base
    whose entry names and notes carry markup, served like `factiongraph serve` on loopback."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    shutil.copy(demo_store[0], path)
    with sqlite3.connect(path) as db:
        renamed = db.execute("SELECT id FROM entities WHERE name = 'Sultan Suleiman Shah Division'").fetchone()[0]
        db.execute("UPDATE entities SET name = ? WHERE id = ?", [NAME, renamed])
        sna = db.execute("SELECT id FROM entities WHERE kb_id = 'syrian-national-army'").fetchone()[0]
        document = db.execute("SELECT id FROM documents WHERE title = ?", [XSS_TITLE]).fetchone()[0]
        db.execute("UPDATE documents SET title = ? WHERE id = ?", [TITLE, document])
    db.close()
    made_up = Actor(
        id="markup-brigade",
        type="Organisation",
        category="armed-group",
        name=NAME,
        relations=(ActorRelation(type="BelongsTo", target="syrian-national-army", start="2020", note=NOTE),),
    )
    kb = KnowledgeBase(actors=(*load_kb().actors, made_up))
    with serve(create_app(path, kb=kb, allowed_hosts=host_names("127.0.0.1"))) as url:
        yield HostileSite(url, renamed, sna, document)


@pytest.fixture
def hostile_page(browser, hostile: HostileSite):
    """A page that fails the test on a script error, a CSP violation or a request off the app."""
    watch = PageWatch()
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("pageerror", lambda error: watch.errors.append(f"page error: {error}"))
    page.on("console", lambda m: watch.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith((hostile.url, "data:")) else watch.foreign.append(r.url))
    yield page
    context.close()
    assert not watch.unexpected(), watch.unexpected()
    assert not watch.foreign, f"the page asked for something off the app: {watch.foreign}"


def assert_nothing_ran(page) -> None:
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(INJECTED).count() == 0


def test_ui_actor_named_with_markup_shows_the_markup_as_text(hostile_page, hostile: HostileSite) -> None:
    page = hostile_page
    response = page.goto(f"{hostile.url}/#/actor/{hostile.renamed}")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    page.locator("h1").filter(has_text="Brigade").wait_for()
    assert NAME in page.locator("h1").inner_text()
    assert_nothing_ran(page)
    page.goto(f"{hostile.url}/#/search?q={quote('Brigade')}")
    page.get_by_text(NAME).first.wait_for()
    assert_nothing_ran(page)


def test_ui_knowledge_base_entry_with_markup_shows_as_text(hostile_page, hostile: HostileSite) -> None:
    with urlopen(f"{hostile.url}/api/actors/{hostile.sna}") as answer:
        entries = json.load(answer)["knowledge_base"]
    assert any(e["name"] == NAME and e["note"] == NOTE for e in entries)
    page = hostile_page
    page.goto(f"{hostile.url}/#/actor/{hostile.sna}")
    page.locator(".kb-name").filter(has_text="Brigade").first.wait_for()
    assert NAME in page.locator("body").inner_text()
    assert_nothing_ran(page)


def test_ui_title_with_markup_shows_as_text(hostile_page, hostile: HostileSite) -> None:
    page = hostile_page
    page.goto(f"{hostile.url}/#/document/{hostile.document}")
    page.locator(".doc-text").wait_for()
    assert TITLE in page.locator("body").inner_text()
    assert_nothing_ran(page)


def test_ui_network_and_overview_with_markup_names_run_nothing(hostile_page, hostile: HostileSite) -> None:
    page = hostile_page
    for view in ("#/", "#/network", "#/map"):
        page.goto(f"{hostile.url}/{view}")
        page.wait_for_load_state("networkidle")
        assert_nothing_ran(page)


def test_ui_cannot_be_framed(browser, hostile: HostileSite) -> None:
    """frame-ancestors 'none' and X-Frame-Options: a page elsewhere that frames the app gets nothing of it."""
    context = browser.new_context()
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "frame" in m.text.lower() else None)
    page.set_content(f'<iframe id=app src="{hostile.url}/" width=800 height=600></iframe>')
    page.wait_for_timeout(1500)
    frame = page.frame_locator("#app")
    assert frame.locator(".stats, nav, .brand").count() == 0
    assert any("frame-ancestors" in text or "X-Frame-Options" in text for text in refused), refused
    context.close()


def test_ui_docs_work_offline_under_the_csp(hostile_page, hostile: HostileSite) -> None:
    """Swagger UI from the web build: it draws every endpoint with nothing fetched off the app and no CSP
    violation (the page fixture fails on either)."""
    page = hostile_page
    response = page.goto(f"{hostile.url}/docs")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    page.locator(".swagger-ui .info .title").filter(has_text="factiongraph").wait_for()
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 15
    assert page.url.startswith(hostile.url)
