"""Benchmark: `align` on two 2,000-sentence articles vs an exact-match sentence diff.

DESIGN.md's target: aligning two 2,000-sentence articles costs at most 3x an exact-match
diff (difflib.SequenceMatcher, autojunk off) of the same normalised sentence lists, while
also pairing reworded sentences, with peak memory under 200 MB.

The articles are built from the bundled seeds: A is seed sentences drawn at random; B is
A with sentences deleted, reworded (synonyms, dropped and added words, "U.N." -> "UN",
quote styles), inserted and moved. A fixed random seed makes every run build the same
pair. Both timings are best of several runs in the same process; the exact-match diff's
time includes normalising the sentences (it needs that to ignore quote styles too).

    python benchmarks/compare.py [--sentences 2000] [--repeat 7]

Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import difflib
import random
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sidebyside.analysis.align import align
from sidebyside.analysis.text import normalise
from sidebyside.analysis.worddiff import word_diff
from sidebyside.ingest.story import load_story
from sidebyside.model import Alignment, Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SYNONYMS = {
    "said": "stated", "told": "informed", "offensive": "assault", "killed": "left dead",
    "people": "persons", "began": "started", "capital": "city", "fighting": "clashes",
    "official": "spokesman", "warned": "cautioned", "met": "held talks", "army": "force",
    "government": "administration", "Tuesday": "on Tuesday", "U.N.": "UN",
}  # fmt: skip
FILLERS = ("also", "reportedly", "on Sunday", "again", "officially", "in fact")


def seed_sentences() -> list[str]:
    """The distinct sentences of the bundled story."""
    seen: set[str] = set()
    out: list[str] = []
    for article in load_story([str(SEEDS)]).articles:
        for sentence in article.sentences:
            if normalise(sentence) not in seen:
                seen.add(normalise(sentence))
                out.append(sentence)
    return out


def reword(sentence: str, rng: random.Random) -> str:
    """An edited version of `sentence`: what a second outlet does to wire copy."""
    words = sentence.replace("“", '"').replace("”", '"').split()
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(words))
        roll = rng.random()
        if roll < 0.4 and words[k].strip(",.") in SYNONYMS:
            words[k] = words[k].replace(words[k].strip(",."), SYNONYMS[words[k].strip(",.")])
        elif roll < 0.7 and len(words) > 6:
            del words[k]
        else:
            words.insert(k, rng.choice(FILLERS))
    for k, word in enumerate(words):
        if word.strip(",.") in SYNONYMS and rng.random() < 0.3:
            words[k] = word.replace(word.strip(",."), SYNONYMS[word.strip(",.")])
    return " ".join(words)


@dataclass(frozen=True)
class Built:
    """The two articles, and for each sentence the seed sentence it came from."""

    a: list[str]
    b: list[str]
    origin_a: list[int]
    origin_b: list[int]
    reworded_b: set[int]


def build(n: int, seed: int = 20190512) -> Built:
    """Two n-sentence articles: A from the seeds, B an edited copy of A."""
    rng = random.Random(seed)
    pool = seed_sentences()
    origin_a = [rng.randrange(len(pool)) for _ in range(n)]
    b: list[tuple[str, int, bool]] = []  # text, origin, reworded
    for k in origin_a:
        roll = rng.random()
        if roll < 0.06:
            continue  # deleted
        if roll < 0.12:
            extra = rng.randrange(len(pool))
            b.append((pool[extra], extra, False))  # inserted before
        if rng.random() < 0.15:
            b.append((reword(pool[k], rng), k, True))
        else:
            b.append((pool[k], k, False))
    for _ in range(n // 50):  # moves: a sentence taken out and put back elsewhere
        b.insert(rng.randrange(len(b)), b.pop(rng.randrange(len(b))))
    while len(b) < n:
        extra = rng.randrange(len(pool))
        b.insert(rng.randrange(len(b)), (reword(pool[extra], rng), extra, True))
    b = b[:n]
    return Built(
        a=[pool[k] for k in origin_a],
        b=[text for text, _, _ in b],
        origin_a=origin_a,
        origin_b=[k for _, k, _ in b],
        reworded_b={j for j, (_, _, r) in enumerate(b) if r},
    )


def quality(al: Alignment, built: Built) -> tuple[int, int, int, int]:
    """Reworded B sentences paired with a copy of their source; reworded pairs that are right.

    Sentences repeat, so a pair counts as right when both come from the same seed
    sentence, wherever the copy is.
    """
    pairs = [(r.a, r.b) for r in al.rows if r.a is not None and r.b is not None]
    right = {j for i, j in pairs if built.origin_a[i] == built.origin_b[j]}
    fuzzy = [j for _, j in pairs if normalise(al.a.sentences[_]) != normalise(al.b.sentences[j])]
    found = len(built.reworded_b & right)
    return found, len(built.reworded_b), sum(j in right for j in fuzzy), len(fuzzy)


def article(name: str, sentences: list[str]) -> Article:
    return Article(
        id=name, path=name, outlet=name, title=None, byline=None, dateline=None,
        date=None, sentences=tuple(sentences),
    )  # fmt: skip


def best_times(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best wall time of each function, run in turn so load on the machine hits all alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def exact_diff(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The baseline: an exact-match diff of the normalised sentence lists."""
    norm_a = [normalise(s) for s in a]
    norm_b = [normalise(s) for s in b]
    return difflib.SequenceMatcher(None, norm_a, norm_b, autojunk=False).get_opcodes()


def word_diffs(al: Alignment) -> int:
    """Word diffs of every paired row whose texts differ (what the Compare screen shows)."""
    count = 0
    for row in al.rows:
        if row.a is not None and row.b is not None and row.kind != "same":
            word_diff(al.a.sentences[row.a], al.b.sentences[row.b])
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    built = build(args.sentences)
    a, b = built.a, built.b
    art_a, art_b = article("A", a), article("B", b)
    al = align(art_a, art_b)  # warm-up (imports, caches) and the result we report on

    t_exact, t_align, t_words = best_times(
        [lambda: exact_diff(a, b), lambda: align(art_a, art_b), lambda: word_diffs(al)],
        args.repeat,
    )

    tracemalloc.start()
    word_diffs(align(art_a, art_b))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    kinds = Counter(r.kind for r in al.rows)
    print(f"articles: {len(a)} and {len(b)} sentences ({len(set(map(normalise, a)))} distinct)")
    print(f"rows: {len(al.rows)}  " + "  ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    found, reworded, right, fuzzy = quality(al, built)
    print(f"reworded sentences of B paired with their source: {found} of {reworded}")
    print(f"pairs of differing sentences with the right source: {right} of {fuzzy}")
    print(f"exact-match diff (normalise + difflib): {t_exact * 1000:8.1f} ms")
    print(f"align:                                  {t_align * 1000:8.1f} ms")
    print(f"ratio align / exact:                    {t_align / t_exact:8.2f} x   (target <= 3)")
    print(f"word diffs of {word_diffs(al)} paired, differing rows:   {t_words * 1000:8.1f} ms")
    print(f"peak memory, align + word diffs:        {peak / 2**20:8.1f} MB  (target <= 200)")


if __name__ == "__main__":
    main()
