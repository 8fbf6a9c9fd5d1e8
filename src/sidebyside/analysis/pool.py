"""Worker processes for the story-wide work (bounds, overlap matrix), shared by fork.

The matrix of a big story is pure CPU work in Python, so threads do not help; processes
do. Forked workers inherit the prepared story (sentences, indexes, bounds) from the
parent's memory instead of receiving it pickled, which for hundreds of articles would
cost more than it saves. The caller puts what the workers read in a module-level
variable before calling `forked_map`, and the mapped function reads it there.

Only where fork is the safe, native way to start processes (Linux); elsewhere, and for
`workers <= 1`, the same function runs in this process, one item after another. Results
do not depend on the process: `align` adds its weights in a fixed order.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


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
) -> Iterator[R]:
    """`map(function, items)` over `workers` forked processes (in order unless told not to)."""
    items = list(items)
    if workers <= 1 or len(items) < 2 or not can_fork():
        yield from map(function, items)
        return
    with multiprocessing.get_context("fork").Pool(min(workers, len(items))) as pool:
        mapper = pool.imap if ordered else pool.imap_unordered
        yield from mapper(function, items, chunksize=chunksize)
