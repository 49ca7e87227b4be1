"""The HTTP API and the web UI's server: ``create_app(db_path, token=...)``."""

from factiongraph.api.app import create_app

__all__ = ["create_app"]
