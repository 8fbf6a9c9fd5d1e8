"""Benchmark: `align` of two long articles against an exact-match sentence diff (issue 13).

DESIGN.md's targets, on realistic input (distinct sentences): aligning two 2,000-sentence
articles costs at most 1.5x an exact-match diff (difflib.SequenceMatcher, autojunk off)
of the same normalised sentence lists in one process, and `sidebyside compare --format
json` at most 2x a difflib script as whole processes; align grows no faster than
n log n from 1,000 to 8,000 sentences.

The pair is built from `make_story.Prose` (an invented vocabulary of 30,000 words drawn
with Zipf's law, names, numbers, quotations): A is n new sentences; B is A edited the way
a second outlet edits wire copy: 6% of sentences deleted, 6% new ones inserted, 15%
reworded (words replaced, dropped or added, quotes straightened), n/50 moved. The number
of distinct sentences is printed, so a flattering input shows. A fixed random seed makes
every run build the same pair.

Timings: the two functions (or commands) compared run alternately, round after round, so
load on the machine hits both alike; each round gives a ratio, and the ratios' median,
min and max are printed with each side's best time. The exact-match diff's time includes
normalising the sentences (it needs that to ignore quote styles too). Whole processes
are `sidebyside compare A B --format json` against a script that reads the two files,
splits them into sentences with a regular expression, normalises them with the app's
`normalise` and prints difflib's opcodes as JSON.

    python benchmarks/compare.py [--sentences 2000] [--rounds 9] [--growth 1000 2000 4000 8000]
                                 [--processes 7]

Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import difflib
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_story import Prose

from sidebyside.analysis.align import align
from sidebyside.analysis.text import normalise
from sidebyside.analysis.worddiff import word_diff
from sidebyside.model import Alignment, Article


@dataclass(frozen=True)
class Built:
    """The two articles; for each B sentence, the A sentence it came from (None: new)."""

    a: list[str]
    b: list[str]
    origin_b: list[int | None]
    reworded_b: set[int]


def build(n: int, seed: int = 20190512) -> Built:
    """Two n-sentence articles: A new prose, B an edited copy of A."""
    rng = random.Random(seed)
    prose = Prose(seed)
    a = [prose.sentence(rng) for _ in range(n)]
    b: list[tuple[str, int | None, bool]] = []  # text, origin, reworded
    for i, sentence in enumerate(a):
        roll = rng.random()
        if roll < 0.06:
            continue  # deleted
        if roll < 0.12:
            b.append((prose.sentence(rng), None, False))  # inserted before
        if rng.random() < 0.15:
            b.append((prose.reword(sentence, rng), i, True))
        else:
            b.append((sentence, i, False))
    for _ in range(n // 50):  # moves: a sentence taken out and put back elsewhere
        b.insert(rng.randrange(len(b)), b.pop(rng.randrange(len(b))))
    while len(b) < n:
        b.insert(rng.randrange(len(b)), (prose.sentence(rng), None, False))
    b = b[:n]
    return Built(
        a=a,
        b=[text for text, _, _ in b],
        origin_b=[k for _, k, _ in b],
        reworded_b={j for j, (_, _, r) in enumerate(b) if r},
    )


def quality(al: Alignment, built: Built) -> tuple[int, int, int, int]:
    """Reworded B sentences paired with their source; pairs of differing sentences that are right."""
    pairs = [(r.a, r.b) for r in al.rows if r.a is not None and r.b is not None]
    right = {j for i, j in pairs if built.origin_b[j] == i}
    fuzzy = [j for i, j in pairs if normalise(built.a[i]) != normalise(built.b[j])]
    return len(built.reworded_b & right), len(built.reworded_b), sum(j in right for j in fuzzy), len(fuzzy)


def article(name: str, sentences: list[str]) -> Article:
    return Article(
        id=name, path=name, outlet=name, title=None, byline=None, dateline=None,
        date=None, sentences=tuple(sentences),
    )  # fmt: skip


def exact_diff(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The baseline: an exact-match diff of the normalised sentence lists."""
    norm_a = [normalise(s) for s in a]
    norm_b = [normalise(s) for s in b]
    return difflib.SequenceMatcher(None, norm_a, norm_b, autojunk=False).get_opcodes()


def alternate(fns: list[Callable[[], object]], rounds: int) -> list[list[float]]:
    """Wall times of each function, run in turn round after round."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - start)
    return times


def ratio_line(label: str, ours: list[float], base: list[float], target: float) -> str:
    """Median, min and max of the per-round ratios, and the ratio of the best times."""
    ratios = [o / b for o, b in zip(ours, base, strict=True)]
    return (
        f"{label:<40}{statistics.median(ratios):6.2f} x  (min {min(ratios):.2f}, max {max(ratios):.2f}; "
        f"best/best {min(ours) / min(base):.2f}; target <= {target})"
    )


def word_diffs(al: Alignment) -> int:
    """Word diffs of every paired row whose texts differ (what the Compare screen shows)."""
    count = 0
    for row in al.rows:
        if row.a is not None and row.b is not None and row.kind != "same":
            word_diff(al.a.sentences[row.a], al.b.sentences[row.b])
            count += 1
    return count


def in_process(built: Built, rounds: int) -> None:
    a, b = built.a, built.b
    art_a, art_b = article("A", a), article("B", b)
    al = align(art_a, art_b)  # warm-up (imports, caches) and the result we report on
    t_exact, t_align = alternate([lambda: exact_diff(a, b), lambda: align(art_a, art_b)], rounds)
    t_words = alternate([lambda: word_diffs(al)], 3)[0]

    tracemalloc.start()
    word_diffs(align(art_a, art_b))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    kinds = Counter(r.kind for r in al.rows)
    distinct = len(set(map(normalise, a + b)))
    print(f"articles: {len(a)} and {len(b)} sentences, {distinct} distinct sentences in the two")
    print(f"rows: {len(al.rows)}  " + "  ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    found, reworded, right, fuzzy = quality(al, built)
    print(f"reworded sentences of B paired with their source: {found} of {reworded}")
    print(f"pairs of differing sentences with the right source: {right} of {fuzzy}")
    print(f"exact-match diff (normalise + difflib), best: {min(t_exact) * 1000:8.1f} ms")
    print(f"align, best:                                  {min(t_align) * 1000:8.1f} ms")
    print(ratio_line(f"align / exact diff ({rounds} rounds):", t_align, t_exact, 1.5))
    print(f"word diffs of {word_diffs(al)} paired, differing rows: {min(t_words) * 1000:8.1f} ms")
    print(f"peak memory, align + word diffs:              {peak / 2**20:8.1f} MB")


def growth(sizes: list[int], rounds: int) -> None:
    """Best times of align and the exact diff per size, and the growth exponents."""
    print(f"\n{'sentences':>9} {'distinct':>8} {'exact ms':>9} {'align ms':>9} {'ratio':>6}")
    rows = []
    for n in sizes:
        built = build(n)
        a, b = built.a, built.b
        art_a, art_b = article("A", a), article("B", b)
        align(art_a, art_b)
        t_exact, t_align = alternate(
            [lambda a=a, b=b: exact_diff(a, b), lambda x=art_a, y=art_b: align(x, y)],
            rounds,
        )
        distinct = len(set(map(normalise, built.a + built.b)))
        rows.append((n, min(t_exact), min(t_align)))
        print(f"{n:>9} {distinct:>8} {min(t_exact) * 1000:>9.1f} {min(t_align) * 1000:>9.1f} "
              f"{min(t_align) / min(t_exact):>6.2f}")  # fmt: skip
    (n0, e0, a0), (n1, e1, a1) = rows[0], rows[-1]
    nlogn = (n1 * math.log(n1)) / (n0 * math.log(n0))
    print(
        f"from {n0} to {n1} sentences: align x{a1 / a0:.1f} (exponent {math.log(a1 / a0) / math.log(n1 / n0):.2f}), "
        f"exact diff x{e1 / e0:.1f} (exponent {math.log(e1 / e0) / math.log(n1 / n0):.2f}); "
        f"n log n would be x{nlogn:.1f}"
    )


#: The whole-process baseline: read, split into sentences, normalise, diff, print JSON.
DIFF_SCRIPT = """
import difflib, json, re, sys
from sidebyside.analysis.text import normalise
def sentences(path):
    text = open(path, encoding="utf-8").read()
    return [normalise(s) for s in re.split(r"(?<=[.!?\\u201d])\\s+", text) if s.strip()]
a, b = sentences(sys.argv[1]), sentences(sys.argv[2])
ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
print(json.dumps({"a": len(a), "b": len(b), "opcodes": ops}))
"""


def whole_process(built: Built, runs: int) -> None:
    """`sidebyside compare --format json` against the difflib script, as fresh processes.

    The package is byte-compiled first, as a pip install does: an editable checkout run
    with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every changed module in every
    process, a cost no user pays.
    """
    import compileall

    import sidebyside

    compileall.compile_dir(Path(sidebyside.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, sentences in (("a.txt", built.a), ("b.txt", built.b)):
            path = Path(tmp) / name
            paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
            path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
            paths.append(str(path))
        ours = [sys.executable, "-m", "sidebyside", "compare", *paths, "--format", "json"]
        base = [sys.executable, "-c", DIFF_SCRIPT, *paths]
        for command in (ours, base):  # warm the file cache; check that both work
            subprocess.run(command, check=True, capture_output=True)
        times = alternate(
            [lambda: subprocess.run(ours, check=True, capture_output=True),
             lambda: subprocess.run(base, check=True, capture_output=True)],
            runs,
        )  # fmt: skip
    t_ours, t_base = times
    print(f"\nwhole process, {runs} alternating runs each:")
    print(f"difflib script, best:                         {min(t_base) * 1000:8.1f} ms")
    print(f"sidebyside compare --format json, best:       {min(t_ours) * 1000:8.1f} ms")
    print(ratio_line("compare / difflib script:", t_ours, t_base, 2.0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--growth", type=int, nargs="*", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--processes", type=int, default=7, help="whole-process runs of each command (0: skip)")
    args = parser.parse_args()

    built = build(args.sentences)
    in_process(built, args.rounds)
    if args.processes:
        whole_process(built, args.processes)
    if len(args.growth) >= 2:
        growth(args.growth, max(3, args.rounds // 3))


if __name__ == "__main__":
    main()
