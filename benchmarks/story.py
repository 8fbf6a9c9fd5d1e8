"""Benchmark: the overlap matrix of a generated many-article story (issues 5 and 13).

Builds a folder of `--count` articles (default 300) with `make_story.py` (wire texts and
their updates, reprints edited by each outlet, outlets' own reporting: distinct
sentences from a 30,000-word invented vocabulary) in a temporary directory, then times,
each once: load + clean + segment (`load_story`), quotes and figures (`analyse_story`),
and the overlap matrix (`overlap_matrix`, as `sidebyside overlap` runs it): for a story
of more than `EXACT_MAX_TEXTS` texts, the story-wide sentence index's estimate (also
timed alone, before) and the exact rechecks of the cells each row's decisions need.

`--exact` also computes the matrix the exact way -- every pair of texts through `align`'s
stages 1 and 2, what every cell was before issue 13 -- and compares: each article's
closest article (the same one, or one with the same share), and how far the cells are.
That takes minutes for hundreds of articles.

Peak memory: the peak resident set of this process and of its largest worker
(`resource.getrusage`, interpreter and libraries included) and, with `--tracemalloc`,
the peak of Python allocations during the matrix (tracing slows everything down, so
times of such a run are not comparable).

    python benchmarks/story.py [--count 300] [--workers 2] [--exact] [--tracemalloc] [--no-quotes]

Prints figures only; nothing is asserted. DESIGN.md's targets for 1,000 articles: the
matrix in 15 s on 2 cores and 500 MB, closest unchanged for 99% of articles against the
exact method (measured on 300); load, clean, segment and quotes in 20 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_story import make_story

from sidebyside.analysis import overlap, text
from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.overlap import POOL_MIN_ARTICLES, closest, overlap_matrix
from sidebyside.analysis.pool import auto_workers
from sidebyside.analysis.sentence_index import estimated_shares
from sidebyside.analysis.text import normalise
from sidebyside.ingest.story import load_story
from sidebyside.model import Article

T = TypeVar("T")


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident set of this process, and of the largest waited-for child, in MB."""
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own * scale / 2**20, children * scale / 2**20


def timed(label: str, fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"{label:<44}{elapsed:8.2f} s", flush=True)
    return result, elapsed


def estimate_alone(articles: list[Article]) -> int:
    """The sentence index's estimate of the story's distinct texts; returns how many texts."""
    cache = AlignmentCache()
    work = overlap._Work.of(articles, cache, cache.params)
    estimated_shares(work.sides, cache.words, work.params)
    return len(work.sides)


def exact_matrix(articles: list[Article], workers: int) -> list[list[float]]:
    """Every cell through `align`'s stages 1 and 2: the matrix before issue 13."""
    saved = overlap.EXACT_MAX_TEXTS
    overlap.EXACT_MAX_TEXTS = len(articles) + 1
    try:
        return overlap_matrix(articles, workers=workers)
    finally:
        overlap.EXACT_MAX_TEXTS = saved


def compare_with_exact(articles: list[Article], matrix: list[list[float]], exact: list[list[float]]) -> None:
    ours = closest(articles, matrix)
    theirs = closest(articles, exact)
    index = {a.id: i for i, a in enumerate(articles)}
    same = sum(a.other == b.other for a, b in zip(ours, theirs, strict=True))
    tied = sum(
        a.other == b.other
        or (a.other is not None and b.other is not None and exact[i][index[a.other]] == exact[i][index[b.other]])
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True))
    )
    n = len(articles)
    cells = [(i, j) for i in range(n) for j in range(n) if i != j]
    diffs = [abs(matrix[i][j] - exact[i][j]) for i, j in cells]
    print(
        f"closest unchanged: {same}/{n} ({same / n:.1%}); same or an equal share: {tied}/{n} ({tied / n:.1%})\n"
        f"cells equal to the exact ones: {sum(d == 0 for d in diffs) / len(cells):.1%}; "
        f"mean difference {sum(diffs) / len(cells):.4f}, largest {max(diffs):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--workers", type=int, default=None, help="default: up to 2 processes")
    parser.add_argument("--exact", action="store_true", help="also compute every cell exactly and compare")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--no-quotes", action="store_true", help="skip the quotes phase")
    parser.add_argument("--seed", type=int, default=20190512)
    args = parser.parse_args()
    workers = args.workers or auto_workers(args.count, POOL_MIN_ARTICLES)
    print(f"{args.count} articles, {os.cpu_count()} cores, {workers} worker(s)")

    with tempfile.TemporaryDirectory() as tmp:
        make_story(Path(tmp), args.count, args.seed)
        story, t_load = timed("load + clean + segment", lambda: load_story([tmp]))
    articles = list(story.articles)
    sentences = [normalise(s) for a in articles for s in a.sentences]
    print(f"{len(articles)} articles, {len(sentences)} sentences, {len(set(sentences))} distinct sentences")

    t_quotes = 0.0
    if not args.no_quotes:
        from sidebyside.analysis.story_quotes import analyse_story

        _, t_quotes = timed("quotes + figures", lambda: analyse_story(articles))

    texts, _ = timed("  of the matrix: the index's estimate alone", lambda: estimate_alone(articles))
    text._WORD_OF.clear()  # the matrix starts cold, as in a fresh `sidebyside overlap`
    if args.tracemalloc:
        tracemalloc.start()
    matrix, t_matrix = timed(
        "overlap matrix (estimate + exact rechecks)", lambda: overlap_matrix(articles, workers=workers)
    )
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
    tracemalloc.stop()
    print(f"{'total (load, quotes, matrix)':<44}{t_load + t_quotes + t_matrix:8.2f} s")
    print(f"{texts} distinct texts; {len(articles) * (len(articles) - 1)} ordered pairs of articles")
    own, child = peak_rss_mb()
    print(f"peak RSS: this process {own:.0f} MB, largest worker {child:.0f} MB")
    if traced is not None:
        print(f"peak Python allocations during the matrix (tracemalloc): {traced:.0f} MB")
    if args.exact:
        exact, _ = timed("exact matrix (every pair through align)", lambda: exact_matrix(articles, workers))
        compare_with_exact(articles, matrix, exact)


if __name__ == "__main__":
    main()
