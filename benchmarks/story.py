"""Benchmark: the overlap matrix of a generated many-article story (issue 5).

Builds a folder of `--count` articles (default 300) with `make_story.py` in a temporary
directory, then times, each once: load + clean + segment (`load_story`), quotes and
figures (`analyse_story`, for DESIGN's whole-pipeline target), and the full overlap
matrix (every ordered pair's share, equal to `align(a, b).share_a_in_b`), of which the
story-wide bounds are a part (timed separately, before). Peak memory: the peak resident
set of this process and of its largest worker (`resource.getrusage`, interpreter and
libraries included) and, with `--tracemalloc`, the peak of Python allocations during the
matrix (tracing slows everything down, so times of such a run are not comparable).

    python benchmarks/story.py [--count 300] [--workers 2] [--check 200] [--tracemalloc]

`--check N` recomputes N random cells with `align` and says whether all are equal.
`--workers` defaults to what `sidebyside overlap` uses (up to 2 processes).
Prints figures only; nothing is asserted. DESIGN.md's targets for 1,000 articles (load,
clean, segment, quotes, matrix): 20 s on 2 cores, 500 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_story import make_story

from sidebyside.analysis.align import align, prepare
from sidebyside.analysis.bounds import story_bounds
from sidebyside.analysis.overlap import POOL_MIN_ARTICLES, overlap_matrix
from sidebyside.analysis.pool import auto_workers
from sidebyside.ingest.story import load_story


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident set of this process, and of the largest waited-for child, in MB."""
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own * scale / 2**20, children * scale / 2**20


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"{label:<34}{elapsed:8.2f} s")
    return result, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--workers", type=int, default=None, help="default: up to 2 processes")
    parser.add_argument("--check", type=int, default=0, metavar="N")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--no-quotes", action="store_true", help="skip the quotes phase")
    parser.add_argument("--seed", type=int, default=20190512)
    args = parser.parse_args()
    workers = args.workers or auto_workers(args.count, POOL_MIN_ARTICLES)
    print(f"{args.count} articles, {os.cpu_count()} cores, {workers} worker(s)")

    with tempfile.TemporaryDirectory() as tmp:
        make_story(Path(tmp), args.count, args.seed)
        story, t_load = timed("load + clean + segment", lambda: load_story([tmp]))
    articles = story.articles

    t_quotes = 0.0
    if not args.no_quotes:
        from sidebyside.analysis.story_quotes import analyse_story

        _, t_quotes = timed("quotes + figures", lambda: analyse_story(articles))

    memo: dict[str, frozenset[str]] = {}
    sides = [prepare(a.sentences, memo) for a in articles]
    bounds, _ = timed("  of the matrix: bounds alone", lambda: story_bounds(sides, workers=workers))

    if args.tracemalloc:
        tracemalloc.start()
    matrix, t_matrix = timed("overlap matrix (bounds included)", lambda: overlap_matrix(articles, workers=workers))
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
    tracemalloc.stop()

    n = len(articles)
    distinct = len({side.norm for side in sides})
    print(f"{'total (load, quotes, matrix)':<34}{t_load + t_quotes + t_matrix:8.2f} s")
    print(
        f"{n} articles, {sum(len(a.sentences) for a in articles)} sentences, {distinct} distinct texts, "
        f"{len(bounds.partners)} distinct sentences; {n * (n - 1)} ordered pairs, "
        f"{distinct * (distinct - 1)} between distinct texts "
        f"({t_matrix / max(1, distinct * (distinct - 1)) * 1e6:.0f} us each)"
    )
    own, child = peak_rss_mb()
    print(f"peak RSS: this process {own:.0f} MB, largest worker {child:.0f} MB")
    if traced is not None:
        print(f"peak Python allocations during the matrix (tracemalloc): {traced:.0f} MB")
    if args.check:
        rng = random.Random(1)
        cells = [(rng.randrange(n), rng.randrange(n)) for _ in range(args.check)]
        equal = all(i == j or matrix[i][j] == align(articles[i], articles[j]).share_a_in_b for i, j in cells)
        print(f"{args.check} random cells equal to align(a, b).share_a_in_b: {equal}")


if __name__ == "__main__":
    main()
