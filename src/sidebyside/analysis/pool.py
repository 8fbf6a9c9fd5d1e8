"""Worker processes for the story-wide work (the overlap matrix), shared by fork.

The matrix of a big story is pure CPU work in Python, so threads do not help; processes
do. Forked workers inherit the prepared story (sentences, their words) from the
parent's memory instead of receiving it pickled, which for hundreds of articles would
cost more than it saves. The caller puts what the workers read in a module-level
variable before calling `forked_map`, and the mapped function reads it there.

Only where fork is the safe, native way to start processes (Linux); elsewhere, and for
`workers <= 1`, the same function runs in this process, one item after another. Results
do not depend on the process: `align` adds its weights in a fixed order.

Stopping. The workers ignore Ctrl-C: the terminal sends SIGINT to the whole process
group, and only the parent should hear it (a worker would print its own traceback). The
parent's KeyboardInterrupt, like any exception or closing the generator early, leaves
`forked_map`, which terminates the workers before it returns. Work that an app may
abandon (the TUI's matrix, when the user quits) runs under `stop_when(should_stop)`:
`forked_map` then raises `Stopped` between two items once `should_stop()` is true, and
long items can call `check_stop()` themselves.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, TypeVar

from sidebyside.model import Stopped

if TYPE_CHECKING:  # multiprocessing is imported when a pool is started: most stories need none
    import multiprocessing.pool

T = TypeVar("T")
R = TypeVar("R")


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP reached the parent alone (`kill PID`, `timeout`, a closed terminal)
    while the workers ran: ended like a Ctrl-C, with the signal's exit status (128 + N)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.status = 128 + signum


#: The stop check of the work running in this thread (`stop_when`), if any.
_SHOULD_STOP: ContextVar[Callable[[], bool] | None] = ContextVar("sidebyside_should_stop", default=None)


@contextmanager
def stop_when(should_stop: Callable[[], bool] | None) -> Iterator[None]:
    """Within the block, `forked_map` and `check_stop` raise `Stopped` once `should_stop()` is true.

    For a block that does not yield: the check belongs to the thread that runs it.
    `None` changes nothing.
    """
    if should_stop is None:
        yield
        return
    token = _SHOULD_STOP.set(should_stop)
    try:
        yield
    finally:
        _SHOULD_STOP.reset(token)


def check_stop(should_stop: Callable[[], bool] | None = None) -> None:
    """Raise `Stopped` if `should_stop` (default: the one of `stop_when`) says so. Cheap."""
    should_stop = should_stop or _SHOULD_STOP.get()
    if should_stop is not None and should_stop():
        raise Stopped


def can_fork() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def auto_workers(n_articles: int, minimum: int) -> int:
    """Up to 2 processes (DESIGN's machine) once a story has `minimum` articles."""
    return min(2, os.cpu_count() or 1) if n_articles >= minimum else 1


def forked_map(
    function: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    *,
    ordered: bool = True,
    chunksize: int = 1,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[R]:
    """`map(function, items)` over `workers` forked processes (in order unless told not to).

    Raises `Stopped` between two items once `should_stop()` (default: the one of
    `stop_when`) is true. However it ends, no worker outlives it.
    """
    items = list(items)
    should_stop = should_stop or _SHOULD_STOP.get()
    if workers <= 1 or len(items) < 2 or not can_fork():
        for item in items:
            check_stop(should_stop)
            yield function(item)
        return
    with _pool(min(workers, len(items))) as pool:
        mapper = pool.imap if ordered else pool.imap_unordered
        for result in mapper(function, items, chunksize=chunksize):
            check_stop(should_stop)
            yield result


@contextmanager
def _pool(processes: int) -> Iterator[multiprocessing.pool.Pool]:
    """A fork pool whose workers ignore SIGINT, terminated however the block ends.

    SIGINT is held back while the workers start, so none can receive it before it ignores
    it; the parent gets a Ctrl-C pressed meanwhile as soon as the pool is up.
    """
    import multiprocessing

    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, *ENDING})
    pool = None
    before = {}
    if threading.current_thread() is threading.main_thread():
        # A SIGTERM to the parent alone would kill it and leave each busy worker writing
        # a traceback into a closed pipe: end as a Ctrl-C does instead.
        before = {signum: signal.signal(signum, _terminate) for signum in ENDING}
    try:
        pool = multiprocessing.get_context("fork").Pool(processes, initializer=_worker_signals)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a signal held back is raised here
        yield pool
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        if pool is not None:
            pool.terminate()
            pool.join()
        for signum, handler in before.items():
            signal.signal(signum, handler)


#: The signals that end a run (besides Ctrl-C): `kill`, `timeout`, a terminal closing.
ENDING = (signal.SIGTERM, signal.SIGHUP)


def _terminate(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def _worker_signals() -> None:
    """In a worker: leave Ctrl-C to the parent, and die quietly when it terminates the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in ENDING:
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, *ENDING})
