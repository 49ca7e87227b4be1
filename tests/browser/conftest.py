"""Browser tests: the real app on a demo store, driven by Debian's chromium through Playwright.

The tests are marked ``browser`` (select them with ``-m browser``) and ``slow``, so ``make test-fast``
leaves them out.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from factiongraph.api import create_app
from factiongraph.api.security import host_names
from factiongraph.build import ingest
from factiongraph.demo import build_demo
from factiongraph.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox as root in a container; nothing that phones home, so the run stays on loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
ARABIC_ARTICLE = REPO / "tests" / "data" / "hts-idlib-ar.txt"
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
DOCS = REPO / "docs" / "screenshots"

XSS_TITLE = "Markup in an article stays text"
XSS_ARTICLE = f"""---
published: 2024-02-01
lang: en
---
{XSS_TITLE}

A statement posted by the Syrian National Army read <script>window.__xss=1</script> in full.
Another post carried <img src=x onerror="window.__xss=1"> and was shared widely.
"""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: tests that drive the web UI in Debian's chromium (make browser)")


@dataclass
class DemoSite:
    """The running app: its base URL, and what the tests need to know of the store behind it."""

    url: str
    pair: tuple[str, str]


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[str, str]]:
    """The demo store built once, plus an Arabic article and one whose text carries markup."""
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "demo.db"
    db = open_store(path)
    summary = build_demo(db)
    article = folder / "xss.txt"
    article.write_text(XSS_ARTICLE, encoding="utf-8")
    result = ingest(db, [ARABIC_ARTICLE, article])
    assert result.new == 2, result.failures
    assert summary.pair, "the demo store has no related pair of actors"
    db.close()
    return path, summary.pair


@pytest.fixture(scope="session")
def site(demo_store: tuple[Path, tuple[str, str]]) -> Iterator[DemoSite]:
    """The real app, with the Host check `serve` puts on a loopback bind."""
    path, pair = demo_store
    with serve(create_app(path, allowed_hosts=host_names("127.0.0.1"))) as url:
        yield DemoSite(url, pair)


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port, in a background thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="package")
def browser():
    """Chromium under Playwright for the browser tests alone: Playwright's synchronous API keeps an event loop
    running on the main thread while it is open, which ``asyncio.run`` in any later test refuses."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (`make browser` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageWatch:
    """What a page did that a test should fail on: script errors, CSP violations, requests off the app."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)
    """Parts of console errors a test provokes on purpose (the browser logs every 404 it gets)."""

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(part in e for part in self.expected)]


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser, site: DemoSite, watch: PageWatch):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, device_scale_factor=1, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("pageerror", lambda error: watch.errors.append(f"page error: {error}"))
    page.on("console", lambda m: watch.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on(
        "request",
        lambda r: watch.foreign.append(r.url) if not r.url.startswith((site.url, "data:")) else None,
    )
    yield page
    context.close()
    assert not watch.unexpected(), watch.unexpected()
    assert not watch.foreign, f"the UI asked for something off the app: {watch.foreign}"


@pytest.fixture
def screenshot():
    """Saves a screenshot to test-artifacts/screenshots, and to docs/screenshots with FACTIONGRAPH_UPDATE_DOCS=1."""

    def take(page, name: str, *, docs: bool = True) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path))
        if docs and os.environ.get("FACTIONGRAPH_UPDATE_DOCS") == "1":
            DOCS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, DOCS / f"{name}.png")
        return path

    return take
