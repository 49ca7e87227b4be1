"""The web UI's built assets: the npm project in ``web/`` builds into ``static/`` here."""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"


def static_dir() -> Path | None:
    """The folder of built UI files, or None when the UI has not been built (``make setup`` builds it)."""
    return STATIC_DIR if (STATIC_DIR / "index.html").is_file() else None
