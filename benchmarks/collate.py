"""Benchmark: the collation of a generated many-outlet story (issue 15).

Writes `--count` articles (default 50) with `make_story.py` (wire texts, their updates and
reprints edited by each outlet, outlets' own reporting: distinct sentences from an
invented 30,000-word vocabulary, a fixed random seed) into a temporary folder, loads
them, and times `analysis.collate.collate`, as `sidebyside collate` and the Story screen
run it:

* the whole collation from an empty cache (every pair aligned: 1,225 for 50 articles);
* the same again with the cache filled, so what the pairs cost and what the merge,
  reading order and references cost show apart;
* text, Markdown and JSON rendering of the result;
* one process against the pool (`workers=None`, as the `collate` and `report` commands
  run it; the Story screen uses one thread), each from an empty cache, alternately for
  `--rounds` rounds: the per-round ratios' median, min and max, and whether the rows are
  the same.

Peak memory: the peak of Python allocations during the collation from an empty cache
(`tracemalloc`, from a second, traced run, as tracing slows it down), and the process's
peak resident set (`resource.getrusage`, interpreter and libraries included).

    python benchmarks/collate.py [--count 50] [--seed 20190512] [--rounds 3]

Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_story import make_story

from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.collate import carried_by, collate
from sidebyside.analysis.text import normalise
from sidebyside.export.collate import collate_markdown, collate_payload, collate_text
from sidebyside.export.json import dumps
from sidebyside.ingest.story import load_story


def peak_rss_mb() -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20190512)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of one process and the pool")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        make_story(Path(folder), args.count, args.seed)
        started = time.perf_counter()
        articles = load_story([folder]).articles
        loaded = time.perf_counter() - started

    sentences = sum(len(a.sentences) for a in articles)
    distinct = len({normalise(s) for a in articles for s in a.sentences})
    print(f"{len(articles)} articles, {sentences} sentences, {distinct} distinct (load {loaded:.2f} s)")

    cache = AlignmentCache()
    started = time.perf_counter()
    collation = collate(articles, cache)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    collate(articles, cache)
    warm = time.perf_counter() - started
    started = time.perf_counter()
    text = collate_text(collation, 120)
    markdown = collate_markdown(collation)
    payload = dumps(collate_payload(collation))
    rendered = time.perf_counter() - started
    rss = peak_rss_mb()

    tracemalloc.start()
    collate(articles, AlignmentCache())
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    n = len(collation.articles)
    by_all = sum(1 for row in collation.rows if carried_by(row) == n)
    by_one = sum(1 for row in collation.rows if carried_by(row) == 1)
    print(f"pairs aligned: {cache.aligned}")
    print(f"rows: {len(collation.rows)} ({by_all} carried by all, {by_one} by one article only)")
    print(f"collate, empty cache:  {cold:.2f} s")
    print(f"collate, filled cache: {warm:.2f} s  (merge, reading order, references)")
    print(
        f"render text + markdown + json: {rendered:.2f} s "
        f"({len(text) // 1024} + {len(markdown) // 1024} + {len(payload) // 1024} KiB)"
    )
    print(f"peak Python allocations during collate (tracemalloc): {traced_peak:.1f} MB")
    print(f"peak resident set of the process: {rss:.0f} MB")

    serial: list[float] = []
    pooled: list[float] = []
    same = True
    for _ in range(args.rounds):
        for times, workers in ((serial, 1), (pooled, None)):
            started = time.perf_counter()
            result = collate(articles, AlignmentCache(), workers=workers)
            times.append(time.perf_counter() - started)
            same = same and result == collation
    ratios = [p / s for p, s in zip(pooled, serial, strict=True)]
    print(
        f"collate, empty cache, {args.rounds} alternating rounds: "
        f"one process median {statistics.median(serial):.2f} s, "
        f"pool of up to 2 median {statistics.median(pooled):.2f} s; pool / one process "
        f"{statistics.median(ratios):.2f} x (min {min(ratios):.2f}, max {max(ratios):.2f}); same rows: {same}"
    )


if __name__ == "__main__":
    main()
