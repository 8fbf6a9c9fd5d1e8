"""Which sentences of a story could ever pair: proved, so the overlap matrix stays exact.

The overlap matrix needs `align`'s share for every ordered pair of articles, tens of
thousands of pairs for a big story. Much of the work in a pair is scoring sentences that
share a few words but could never reach `pair_threshold`. A pair's score depends on the
two articles only through the word weights `log((N + 1) / n)`: N sentences in the two
articles, n of them containing the word. The story limits both: N is at least the two
shortest articles' lengths summed (and at most the two longest), and n is at most twice
the most sentences any one article has the word in, at least 2 for a word both
sentences have, and at most N - 1 for a word one of them lacks.

Bound. For sentences s and t sharing the words I, in units of the largest weight a
shared word can have, `log((N+1)/2)`: each shared word weighs at most 1 and each other
word at least its `low` mass (the least ratio any allowed N and n give). Containment and
Dice grow with shared weight and shrink with unshared weight, so

    containment <= |I| / (|I| + min(m(s - I), m(t - I))),
    dice        <= 2|I| / (2|I| + m(s - I) + m(t - I)),

and with the token similarity (which does not depend on the articles) the score's best
case follows. A pair whose best case stays below `pair_threshold` (or whose overlap
cannot reach `min_overlap`) is no partner: `align` never pairs them, in any two of the
story's articles. Margins of `EPS`, far above the rounding error of a few dozen
additions, keep every real partner in.

Search. A partner needs containment >= min_overlap, so on one side the shared count must
be at least c = theta / (1 - theta) times that side's unshared mass. Sort a sentence's
words rarest first; its "prefix" is the shortest head P with |rest| < c * m(P): a sentence
sharing no word of P cannot meet the condition on this side (prefix filtering, as in
similarity joins). So each pair worth judging shares a prefix word of one of its two
sentences, and a word common to the whole story ("Haftar" in a story about him) sits
outside most prefixes: its long posting list is rarely walked.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from sidebyside.analysis.align import DEFAULT_PARAMS, AlignParams, Bounds, Prepared
from sidebyside.analysis.pool import check_stop, forked_map

#: Margin on every comparison with a threshold (scores are sums of a few dozen floats).
EPS = 1e-9


@dataclass(frozen=True)
class Span:
    """The sentence totals N = n_a + n_b that two of the story's articles can have."""

    low: int
    high: int


def story_bounds(prepared: Sequence[Prepared], params: AlignParams = DEFAULT_PARAMS, workers: int = 1) -> Bounds:
    """The partners of every distinct sentence of the story (see the module docstring).

    The candidate pairs are judged in `workers` forked processes when there are several.
    """
    lengths = sorted(len(p.norm) for p in prepared)
    if len(lengths) < 2:
        return Bounds(partners={})
    # Stage 2 only runs when both articles have a sentence left, so N >= 2.
    span = Span(max(2, lengths[0] + lengths[1]), max(2, lengths[-1] + lengths[-2]))
    low = _low_masses(_most_per_article(prepared), span)
    return Bounds(partners=_partners(_distinct(prepared), low, params, workers))


def _most_per_article(prepared: Sequence[Prepared]) -> dict[str, int]:
    """For each word, the most sentences one article has it in."""
    most: dict[str, int] = {}
    for side in prepared:
        for word, n in side.df.items():
            if n > most.get(word, 0):
                most[word] = n
    return most


def _low_masses(most: dict[str, int], span: Span) -> dict[str, float]:
    """Each word's `low` mass, computed once per distinct per-article count."""
    by_count = {d: low_mass(d, span) for d in set(most.values())}
    return {word: by_count[d] for word, d in most.items()}


def low_mass(d: int, span: Span) -> float:
    """Least weight of a word one sentence has and the other lacks, per largest shared weight.

    `log((N+1)/n)` with n <= min(2d, N-1), against `log((N+1)/2)`. As N grows the ratio
    falls while N - 1 < 2d (n follows N) and rises after (n is stuck at 2d), so its least
    value on the span is at N = 2d + 1 clamped to the span; the ends and the neighbours
    are tried as well. Capped at 1: a lower bound may be low.
    """
    tries = {span.low, span.high}
    tries.update(min(max(n, span.low), span.high) for n in (2 * d, 2 * d + 1, 2 * d + 2))
    return min(1.0, *(_ratio(n, min(2 * d, n - 1)) for n in tries))


def _ratio(total: int, df: int) -> float:
    """log((total+1)/df) / log((total+1)/2)."""
    return math.log((total + 1) / df) / math.log((total + 1) / 2)


@dataclass(frozen=True)
class _Sentences:
    """The story's distinct normalised sentences with their words."""

    norm: list[str]
    words: list[frozenset[str]]


def _distinct(prepared: Sequence[Prepared]) -> _Sentences:
    seen: dict[str, frozenset[str]] = {}
    for side in prepared:
        for text, words in zip(side.norm, side.words, strict=True):
            seen.setdefault(text, words)
    return _Sentences(list(seen), list(seen.values()))


@dataclass(frozen=True)
class _Search:
    """Everything the judging of candidate pairs reads (shared with forked workers)."""

    norm: list[str]
    words: list[frozenset[str]]
    holding: dict[str, list[int]]
    prefixes: list[frozenset[str]]
    mass: list[float]
    low: dict[str, float]
    params: AlignParams


#: The search of the current `story_bounds`, read by forked workers.
_SEARCH: _Search | None = None


def _partners(
    sentences: _Sentences, low: dict[str, float], params: AlignParams, workers: int
) -> dict[str, frozenset[str]]:
    """norm -> the norms it could pair with, itself included."""
    global _SEARCH
    norm, words = sentences.norm, sentences.words
    holding: dict[str, list[int]] = defaultdict(list)
    for k, ws in enumerate(words):
        for w in ws:
            holding[w].append(k)
    mass = [math.fsum(map(low.__getitem__, ws)) for ws in words]
    prefixes = [_prefix(ws, holding, low, params.min_overlap) for ws in words]
    found: list[list[str]] = [[text] for text in norm]
    step = max(1, len(norm) // (32 * max(1, workers)))
    chunks = [range(k, min(k + step, len(norm))) for k in range(0, len(norm), step)]
    _SEARCH = _Search(norm, words, holding, prefixes, mass, low, params)
    try:
        for pairs in forked_map(_judge, chunks, workers, ordered=False):
            for s, t in pairs:
                found[s].append(norm[t])
                found[t].append(norm[s])
    finally:
        _SEARCH = None
    return {text: frozenset(f) for text, f in zip(norm, found, strict=True)}


def _judge(chunk: range) -> list[tuple[int, int]]:
    """The partner pairs (s, t) found from the prefixes of the sentences s in `chunk`.

    Each unordered pair is judged once: from the first sentence (in story order) whose
    prefix finds the other.
    """
    search = _SEARCH
    assert search is not None
    norm, words, holding, prefixes, mass = (
        search.norm, search.words, search.holding, search.prefixes, search.mass,
    )  # fmt: skip
    may_pair = _Judge(search.low, search.params)
    out: list[tuple[int, int]] = []
    for s in chunk:
        check_stop()  # quitting the TUI stops a long bounds pass within a sentence
        ws = words[s]
        seen: set[int] = {s}
        for w in prefixes[s]:
            for t in holding[w]:
                if t in seen:
                    continue
                seen.add(t)
                if t < s and not prefixes[t].isdisjoint(ws):
                    continue  # judged from t, whose prefix finds s
                if may_pair(norm[s], ws, mass[s], norm[t], words[t], mass[t]):
                    out.append((s, t))
    return out


def _prefix(
    words: frozenset[str], holding: dict[str, list[int]], low: dict[str, float], theta: float
) -> frozenset[str]:
    """The rarest words of a sentence, one of which a partner must share (or the other
    sentence's prefix must find this one)."""
    c = theta / (1 - theta) * (1 - EPS)
    order = sorted(words, key=lambda w: (len(holding[w]), w))
    total = 0.0
    for k, w in enumerate(order):
        total += low[w]
        if len(order) - k - 1 < c * total - EPS:
            return frozenset(order[: k + 1])
    return frozenset(order)


class _Judge:
    """Whether the best case of a pair's score reaches `pair_threshold` (see the docstring)."""

    def __init__(self, low: dict[str, float], params: AlignParams) -> None:
        self.low_of = low.__getitem__
        self.theta = params.min_overlap - EPS
        self.k = params.overlap_weight
        self.threshold = params.pair_threshold

    def __call__(self, s: str, ws: frozenset[str], mass_s: float, t: str, wt: frozenset[str], mass_t: float) -> bool:
        shared = ws & wt
        if not shared:
            return False  # no shared weight: `align` scores the pair 0
        n = len(shared)
        m = math.fsum(map(self.low_of, shared))
        rest_s, rest_t = mass_s - m, mass_t - m
        best = overlap(n, rest_s if rest_s > 0 else 0.0, rest_t if rest_t > 0 else 0.0)
        if best < self.theta:
            return False
        k = self.k
        if k >= 1:
            return True
        needed = (self.threshold - k * best) / (1 - k) - EPS
        if needed <= 0:
            return True
        # Token similarity is at most 2 * shorter / (sum of lengths) (sorting tokens keeps
        # the lengths); rapidfuzz returns 0 below its cutoff, set EPS under what is needed.
        if 2 * min(len(s), len(t)) < needed * (len(s) + len(t)):
            return False
        tokens = fuzz.token_sort_ratio(s, t, score_cutoff=needed * 100) / 100
        return k * best + (1 - k) * tokens >= self.threshold - EPS


def overlap(shared: float, rest_s: float, rest_t: float) -> float:
    """`align`'s overlap, (Dice + containment) / 2, from shared and unshared weights."""
    if shared <= 0:
        return 0.0
    containment = shared / (shared + min(rest_s, rest_t))
    dice = 2 * shared / (2 * shared + rest_s + rest_t)
    return (containment + dice) / 2
