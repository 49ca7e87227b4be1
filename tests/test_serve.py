"""``factiongraph serve``: refuses to listen off loopback without a token, and serves on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2
import pytest
from typer.testing import CliRunner

from factiongraph.cli import app
from factiongraph.cli.serve import is_loopback

runner = CliRunner()


def test_serve_refuses_to_bind_off_loopback_without_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTIONGRAPH_TOKEN", raising=False)
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: refusing to serve on 0.0.0.0 without a token: pass --token or set FACTIONGRAPH_TOKEN"
    ]
    assert not (tmp_path / "s.db").exists()


@pytest.mark.slow
def test_demo_serve_builds_then_serves_on_loopback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr("factiongraph.cli.demo.run_server", lambda *args: calls.append(args))
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "d.db"), "--silent", "--serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == [(tmp_path / "d.db", "127.0.0.1", 8123, None)]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False),
     ("192.168.1.4", False), ("::", False), ("example.org", False)],
)  # fmt: skip
def test_serve_knows_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "FACTIONGRAPH_TOKEN"}
    server = subprocess.Popen(
        [sys.executable, "-m", "factiongraph", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline, stats = time.monotonic() + 30, None
        while stats is None and time.monotonic() < deadline and server.poll() is None:
            try:
                stats = httpx2.get(f"http://127.0.0.1:{port}/api/stats", timeout=1).json()
            except httpx2.HTTPError:
                time.sleep(0.2)
        assert stats is not None, server.stderr.read().decode() if server.poll() is not None else "no answer in 30 s"
        assert stats["documents"] == 0
    finally:
        server.terminate()
        server.wait(timeout=10)
