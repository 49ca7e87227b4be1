"""Tasks for tests of :func:`factiongraph.workers.ordered_map`, in a module of their own: a worker process
imports the module of the function it runs, and this one imports nothing heavy."""

from __future__ import annotations

import os

DYING_ITEM = 13


def square_or_die(items: list[int]) -> list[int]:
    """Kills its process on ``DYING_ITEM``, as a crash in native code would."""
    if DYING_ITEM in items:
        os._exit(3)
    return [item * item for item in items]


def with_process_id(items: list[int]) -> list[tuple[int, int]]:
    """Each item with the id of the process that handled it."""
    return [(item, os.getpid()) for item in items]


def process_ids(items: list[int]) -> list[int]:
    """The id of the process that handled each item."""
    return [os.getpid() for _ in items]
