"""A function over a stream, run by Ray actors on every node of a cluster, its results handed back in input order.

The Ray counterpart of :func:`factiongraph.workers.ordered_map`, with the same guarantees:

- **Actors, not tasks.** One actor per CPU of the cluster, each a process that keeps what ``function`` loads
  (the pipeline: seconds to load, cached in the process) for every chunk it is given; a task per chunk
  would load it again wherever Ray placed the task.
- **Input order.** Results come back in the order their items went in, so the store's one writer, here in
  the driver, sees the stream as one process would.
- **Memory bounded by the window, not the stream.** The driver reads the input as it submits chunks, and at
  most ``window`` chunks (two per actor by default) are out at once; a result leaves the object store as
  soon as it is taken.
- **Actors renewed.** An actor is given ``chunks_per_actor`` chunks, then a fresh one takes its place (the old
  one ends once its last chunk is done), so whatever a long-lived parser accumulates is given back.
- **A chunk that breaks costs its bad item only.** When a chunk raises or its actor dies (killed, out of
  memory, its node lost; Ray restarts it), its items are run again one at a time and the one that breaks
  again gets ``on_broken``'s result.

Ray is imported here only, so nothing else pays for it at start-up.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
"""The object store of a Ray instance started here: results are small and few are out at once, and Ray's
default (30% of the memory) would take from the actors' pipelines what they need."""

TRIES_ON_LOST_ACTOR = 3
"""Times one item is run when its actor is lost under it each time: an actor lost is restarted, and an item
sent to it meanwhile (or running beside the one that killed it) is not at fault, but an item that kills
every actor it runs on is."""


class ChunkRunner:
    """A Ray actor's state: ``function``, which caches what it loads in this process for every chunk after."""

    def __init__(self, function: Callable[[list[Any]], list[Any]]) -> None:
        self.function = function

    def run(self, chunk: list[Any]) -> list[Any]:
        return self.function(chunk)


def ray_ordered_map(
    function: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    chunk_size: int,
    chunks_per_actor: int,
    on_broken: Callable[[Item, BaseException], Result],
    address: str | None = None,
    window: int | None = None,
) -> Iterator[Result]:
    """``function`` over ``items`` in Ray actors, ``chunk_size`` items a call, one result per item in input
    order (see the module's docstring).

    :param function: takes a chunk of items and returns one result for each, in order; it runs in an actor,
        maybe on another machine, so it must pickle and its module must be installed there.
    :param chunks_per_actor: chunks an actor handles before a fresh one takes its place.
    :param on_broken: the result for an item whose chunk raised or lost its actor, and that broke again alone.
    :param address: a running cluster (``auto``, ``ray://host:10001``); without it a Ray instance is started
        on this machine and stopped at the end. One already started in this process is used as it is.
    :param window: chunks out at once; by default two per actor, so an actor always has the next one.
    """
    import ray
    from ray.exceptions import ActorUnavailableError, RayError, RayTaskError

    with _ray_cluster(address):
        actor = ray.remote(ChunkRunner).options(num_cpus=1, max_restarts=-1, max_task_retries=0)
        runners = [actor.remote(function) for _ in range(max(1, int(ray.cluster_resources().get("CPU", 1))))]
        logger.info("extracting with %d Ray actors", len(runners))
        busy = [0] * len(runners)  # chunks out per actor
        given = [0] * len(runners)  # chunks given to the actor now in each place
        window = window or 2 * len(runners)
        source = iter(items)
        chunks = iter(lambda: list(islice(source, chunk_size)), [])
        pending: deque[tuple[list[Item], int, Any]] = deque()

        def submit(chunk: list[Item]) -> tuple[list[Item], int, Any]:
            """``chunk`` sent to the actor with the fewest chunks out."""
            runner = min(range(len(runners)), key=busy.__getitem__)
            if given[runner] == chunks_per_actor:  # dropping the last handle ends it after its chunks
                runners[runner], given[runner] = actor.remote(function), 0
            busy[runner] += 1
            given[runner] += 1
            return chunk, runner, runners[runner].run.remote(chunk)

        def take(chunk: list[Item], runner: int, result: Any, tries: int = 1) -> list[Result]:
            """``chunk``'s results; when it broke, each of its items run again alone."""
            try:
                return ray.get(result)
            except RayError as error:
                broke = error
            finally:
                busy[runner] -= 1
            if len(chunk) == 1 and isinstance(broke, ActorUnavailableError) and tries < TRIES_ON_LOST_ACTOR:
                return take(*submit(chunk), tries=tries + 1)
            if len(chunk) == 1:
                return [on_broken(chunk[0], broke.cause if isinstance(broke, RayTaskError) else broke)]
            logger.debug("a chunk broke in Ray; its items run again one by one", exc_info=broke)
            return [one for item in chunk for one in take(*submit([item]))]

        while True:
            while len(pending) < window and (chunk := next(chunks, None)) is not None:
                pending.append(submit(chunk))
            if not pending:
                return
            yield from take(*pending.popleft())


@contextmanager
def _ray_cluster(address: str | None) -> Iterator[None]:
    """Ray connected to ``address``, or to a Ray instance started here for the time of the block; a
    connection this process already has is used and left open."""
    import ray

    if ray.is_initialized():
        yield
        return
    options: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.ERROR}
    if address is None:
        from factiongraph.workers import available_cores

        options |= {
            "num_cpus": available_cores(),
            "include_dashboard": False,
            "object_store_memory": LOCAL_OBJECT_STORE_BYTES,
        }
    ray.init(address=address, **options)
    try:
        yield
    finally:
        ray.shutdown()
