"""A function over a stream, run in worker processes in chunks, its results handed back in input order.

What :func:`ordered_map` guarantees, and why:

- **Input order.** Results come back in the order their items went in, so whoever consumes them (the
  store's one writer) sees the stream as one process would.
- **Memory bounded by the window, not the stream.** At most ``window`` chunks are out at once; the
  input is read only as results are taken.
- **Workers renewed.** A worker process exits after ``chunks_per_worker`` chunks and a fresh one takes
  its place, so whatever a long-lived parser accumulates (spaCy's string store and lexemes grow with
  every new word it meets) is given back.
- **A worker that dies costs its item only.** When a worker process dies (killed, out of memory, a
  crash in native code) the pool is broken with every chunk in it; a new pool runs those chunks' items
  again one at a time, and the one that breaks it alone gets ``on_broken``'s result.

Workers are started with ``spawn``: a fresh interpreter, nothing inherited from the caller (an open
store, threads), whatever the platform.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

logger = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def ordered_map(
    function: Callable[[list[Item]], list[Result]],
    items: Iterable[Item],
    *,
    workers: int,
    chunk_size: int,
    chunks_per_worker: int,
    on_broken: Callable[[Item, BaseException], Result],
    window: int | None = None,
) -> Iterator[Result]:
    """``function`` over ``items`` in ``workers`` processes, ``chunk_size`` items a call, one result per item
    in input order (see the module's docstring).

    :param function: takes a chunk of items and returns one result for each, in order; it runs in a worker,
        so it and its arguments must pickle (a module-level function).
    :param chunks_per_worker: chunks a worker process handles before it is replaced by a fresh one.
    :param on_broken: the result for an item whose worker process died under it.
    :param window: chunks out at once; by default two per worker, so a worker always has the next one.
    """
    window = window or 2 * workers
    pool = _pool(workers, chunks_per_worker)
    source = iter(items)
    chunks = iter(lambda: list(islice(source, chunk_size)), [])
    pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
    suspects: deque[Item] = deque()  # the items of a pool that broke, to run again one at a time
    try:
        while True:
            if suspects and not pending:
                pending.append(([suspects[0]], _submitted(pool, function, [suspects[0]])))
            while not suspects and len(pending) < window and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, _submitted(pool, function, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool as error:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(workers, chunks_per_worker)
                if suspects:  # it ran alone: it is the one
                    logger.debug("a worker process died on one item", exc_info=error)
                    yield on_broken(suspects.popleft(), error)
                else:
                    suspects.extend(item for in_pool, _ in [(chunk, future), *pending] for item in in_pool)
                    pending.clear()
                continue
            if suspects:
                suspects.popleft()
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submitted(
    pool: ProcessPoolExecutor, function: Callable[[list[Item]], list[Result]], chunk: list[Item]
) -> Future[list[Result]]:
    """``function`` of ``chunk`` handed to ``pool``; a pool already broken (a worker died before the chunk
    went in) gives a future failed as the ones in it fail, so the chunk is run again with theirs."""
    try:
        return pool.submit(function, chunk)
    except BrokenProcessPool as error:
        failed: Future[list[Result]] = Future()
        failed.set_exception(error)
        return failed


def _pool(workers: int, chunks_per_worker: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        max_tasks_per_child=chunks_per_worker,
        initializer=_end_with_parent,
    )


def _end_with_parent() -> None:
    """In a worker: end when the process that started it ends. A worker waits for its next chunk on a queue
    whose other end its siblings hold too, so a parent killed outright (SIGKILL, out of memory) would leave
    it waiting for ever."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
