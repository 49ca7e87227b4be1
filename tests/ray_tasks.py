"""Set-up for the Ray actors of tests, in a module of their own: Ray imports it in each worker process."""

from __future__ import annotations


def break_on_marker() -> None:
    """A worker process's set-up hook: its pipeline breaks on articles holding ``tests.breaking_ingest.MARKER``."""
    import tests.breaking_ingest  # noqa: F401 - registers the breaking component
    from factiongraph.nlp import load_pipeline

    nlp = load_pipeline(None)
    if "fg_test_breaks_in_worker" not in nlp.pipe_names:
        nlp.add_pipe("fg_test_breaks_in_worker", before="fg_mentions")
