"""Benchmark: how load and quotes grow with the size of a story (issue 6).

For 100, 300 and 1,000 articles written by `make_story.py` (wire texts, their updates and
reprints, outlets' own reporting: distinct sentences from an invented 30,000-word
vocabulary, with quotations; a fixed random seed) into a temporary folder, times, each in
a fresh process:

* load: read, decode, clean, recognise, segment (`ingest.story.load_story`);
* quotes: quotes and figures of every article, grouped across outlets, conflicts
  (`analysis.story_quotes.story_quotes`, what the quote sheet and `sidebyside quotes` use);
* both together;

and peak memory: the peak of Python allocations (`tracemalloc`, from a second, traced
run of the same work, as tracing slows it down) and the process's peak resident set
(`ru_maxrss` of the untraced run: interpreter and libraries included). One row per size,
so the growth curve is visible. The overlap matrix is `benchmarks/story.py`'s business.

    python benchmarks/scale.py [--sizes 100 300 1000] [--seed 20190512]

DESIGN.md's target for 1,000 articles: 20 s (load, clean, segment, quotes, overlap
matrix) on 2 cores, 500 MB. Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent


def peak_rss_mb() -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def measure(folder: str, traced: bool) -> dict[str, float]:
    """Run the work once in this (fresh) process; times in s, memory in MB."""
    from sidebyside.analysis.story_quotes import story_quotes
    from sidebyside.analysis.text import normalise
    from sidebyside.ingest.story import load_story

    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    story = load_story([folder])
    loaded = time.perf_counter()
    sheet = story_quotes(story.articles)
    done = time.perf_counter()
    out = {
        "load": loaded - start,
        "quotes": done - loaded,
        "articles": len(story.articles),
        "problems": len(story.problems),
        "sentences": sum(len(a.sentences) for a in story.articles),
        "distinct": len({normalise(s) for a in story.articles for s in a.sentences}),
        "quote_count": sum(len(r.quotes) for r in sheet.results),
        "figure_count": sum(len(r.figures) for r in sheet.results),
        "groups": len(sheet.groups),
        "rss": peak_rss_mb(),
    }
    if traced:
        out["traced"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return out


def child(folder: str, traced: bool) -> dict[str, float]:
    """`measure` in a new interpreter, so each row's peak memory is its own."""
    args = [sys.executable, __file__, "--child", folder] + (["--traced"] if traced else [])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--seed", type=int, default=20190512)
    parser.add_argument("--child", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.traced)))
        return

    sys.path.insert(0, str(HERE))
    from make_story import make_story

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; each size in a fresh process")
    header = (
        f"{'articles':>8} {'sentences':>9} {'distinct':>8} {'quotes':>6} {'figures':>7} | "
        f"{'load s':>6} {'quotes s':>8} {'total s':>7} {'ms/article':>10} | {'traced MB':>9} {'RSS MB':>7}"
    )
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            make_story(Path(tmp), size, args.seed)
            run = child(tmp, traced=False)
            traced = child(tmp, traced=True)
        total = run["load"] + run["quotes"]
        print(
            f"{run['articles']:>8} {run['sentences']:>9} {run['distinct']:>8} {run['quote_count']:>6} "
            f"{run['figure_count']:>7} | "
            f"{run['load']:>6.2f} {run['quotes']:>8.2f} {total:>7.2f} "
            f"{1000 * total / max(1, run['articles']):>10.2f} | "
            f"{traced['traced']:>9.1f} {run['rss']:>7.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
