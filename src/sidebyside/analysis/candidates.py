"""Stage 2 of the alignment: propose and score candidate pairs of sentences.

`align.py` pairs exact copies first; the sentences left over are matched here by what
they *say*. Each article is indexed once (`prepare`): its normalised sentences, their
content words and an inverted index of the words. For a pair of articles, words are
weighted by rarity (IDF over the sentences of both, so "Haftar" or "Libya", which occur
everywhere in a story about them, weigh little: `Weights`), the rarer words propose
candidates through the index so cost stays near-linear instead of N x M, and only the
best few proposals are scored (`Scorer`): weighted word overlap combined with rapidfuzz's
token similarity. `choose_pairs` then pairs greedily, best first, and between near-equal
scores the one nearer to where the anchors say the sentence should be wins, so repeated
sentences do not pair across the article.

Weights are summed with `math.fsum` over words in sorted order, so a score does not
depend on the order a set happens to iterate in (which changes with Python's
per-process hash seed).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from sidebyside.analysis.text import normalise, words_of_normalised

if TYPE_CHECKING:  # only for annotations: align.py imports this module
    from sidebyside.analysis.align import AlignParams


# --- one article ------------------------------------------------------------------------------

#: Articles up to this long get bit masks of their sentences (`Prepared.masks`).
MASK_LIMIT = 128


@dataclass(frozen=True)
class Prepared:
    """One article prepared for matching against any other: what depends on it alone.

    `words[i]` is sentence i's set of content words and `ordered[i]` the same words
    sorted (the order in which weights are added up); `df` counts the sentences each word
    occurs in, so a pair's document frequencies are two lookups instead of a recount;
    `where` lists the positions of each normalised sentence, `holding` those of the
    sentences that contain each word (the article's own inverted index, ascending), and
    `masks` the same as bits (bit j: sentence j), so "which sentences share a word with
    this one" is a few integer ORs; only for articles of at most `MASK_LIMIT` sentences
    (the only ones `Scorer._all_sharing` can use), else None.
    """

    norm: tuple[str, ...]
    words: tuple[frozenset[str], ...]
    ordered: tuple[tuple[str, ...], ...]
    df: dict[str, int]
    where: dict[str, list[int]]
    holding: dict[str, list[int]]
    masks: dict[str, int] | None


def prepare(sentences: Sequence[str], memo: dict[str, frozenset[str]] | None = None) -> Prepared:
    """Normalise and tokenise an article's sentences once, for any number of pairings.

    `memo` (normalised text -> words) may be shared between articles: reprints share
    most of their sentences, so each distinct sentence is tokenised once.
    """
    memo = {} if memo is None else memo
    norm = tuple(normalise(s) for s in sentences)
    for text in norm:
        if text not in memo:
            memo[text] = frozenset(words_of_normalised(text))
    words = tuple(memo[t] for t in norm)
    where: dict[str, list[int]] = defaultdict(list)
    holding: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(norm):
        where[text].append(j)
        for w in words[j]:
            holding[w].append(j)
    df = {w: len(js) for w, js in holding.items()}
    ordered = tuple(tuple(sorted(ws)) for ws in words)
    masks = None
    if len(norm) <= MASK_LIMIT:
        masks = {w: sum(1 << j for j in js) for w, js in holding.items()}
    return Prepared(norm, words, ordered, df, dict(where), dict(holding), masks)


# --- pairs of sentences -----------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """A pairing of sentence `a` of A with sentence `b` of B (chosen, or a candidate)."""

    a: int
    b: int
    score: float
    exact: bool
    containment: float = 1.0


class Weights:
    """The word weights of one pair of articles, shared by both directions of the pair.

    A word's weight is `log((N + 1) / df)` over the N sentences of both articles, `df`
    taken from the two prepared articles' counts: the same for (A, B) and (B, A), so
    `carried_both` weighs each word once and scores each sentence pair once (the score
    is symmetric: Dice, containment over the smaller total, and token similarity).
    Only what is asked for is weighed: a pair of reprints with two reworded sentences
    costs two sentences' words, not two articles'.
    """

    def __init__(self, side_a: Prepared, side_b: Prepared, params: AlignParams) -> None:
        total = len(side_a.words) + len(side_b.words)
        self._top = total + 1
        self._cap = max(params.common_floor, params.common_fraction * total)
        #: No word can be in more sentences than the cap: every word is indexable.
        self.none_common = total <= self._cap
        self._df_a, self._df_b = side_a.df, side_b.df
        self.weight: dict[str, float] = {}
        #: Words too common to propose candidates (they still count in the score).
        self.common: set[str] = set()
        #: Sentence totals of A (index 0) and B (index 1).
        self.totals: tuple[dict[int, float], dict[int, float]] = ({}, {})
        #: (A sentence, B sentence) -> (score, containment).
        self.scores: dict[tuple[int, int], tuple[float, float]] = {}

    def total(self, side: int, i: int, words: frozenset[str]) -> float:
        """The summed weight of sentence `i` of side 0 (A) or 1 (B)."""
        totals = self.totals[side]
        found = totals.get(i)
        if found is None:
            weight = self.weight
            if not weight.keys() >= words:
                self._weigh(words)
            found = totals[i] = math.fsum(map(weight.__getitem__, words))
        return found

    def _weigh(self, words: frozenset[str]) -> None:
        """Weigh the words not weighed yet, noting those too common to propose candidates."""
        weight, df_a, df_b, top, cap = self.weight, self._df_a, self._df_b, self._top, self._cap
        for w in words:
            if w not in weight:
                n = df_a.get(w, 0) + df_b.get(w, 0)
                weight[w] = math.log(top / n)
                if n > cap:
                    self.common.add(w)


class Scorer:
    """Finds and scores candidate pairs: rarity-weighted shared words plus token similarity.

    `flipped` says that this scorer's A is the B of `weights` (the second direction of
    `carried_both`).
    """

    def __init__(
        self,
        side_a: Prepared,
        side_b: Prepared,
        params: AlignParams,
        expected: list[float],
        done_b: set[int],
        weights: Weights,
        flipped: bool = False,
    ) -> None:
        self.a, self.b, self.params, self.expected = side_a, side_b, params, expected
        self.done_b, self.w, self.flipped = done_b, weights, flipped
        self.open_b = 0
        if side_b.masks is not None and weights.none_common:
            self.open_b = (1 << len(side_b.norm)) - 1 - sum(1 << j for j in done_b)

    def candidates(
        self,
        rest_a: list[int],
        floor: float,
        partners: Mapping[str, AbstractSet[str]] | None = None,
    ) -> list[Pair]:
        """Scored candidate pairs between the sentences not yet paired, scoring >= `floor`.

        B's unpaired sentences are found through B's own inverted index (`holding`),
        skipping the paired ones, so nothing here walks the whole of B.
        With `partners`, a proposed pair whose B sentence is not among the A sentence's
        partners is not scored: the caller vouches that it could not reach `floor`.
        """
        done_b = self.done_b
        side = 1 if self.flipped else 0
        out: list[Pair] = []
        for i in rest_a:
            exact = [j for j in self.b.where.get(self.a.norm[i], ()) if j not in done_b]
            out.extend(Pair(i, j, 1.0, True) for j in self._nearest(i, exact))
            allowed = partners.get(self.a.norm[i]) if partners is not None else None
            proposals = self._all_sharing(i, exact)
            if proposals is None:
                self.w.total(side, i, self.a.words[i])  # ranking needs A's words weighed
                proposals = self._proposals(i)
            for j in proposals:
                if allowed is not None and self.b.norm[j] not in allowed:
                    continue
                cand = self.score(i, j)
                if cand.score >= floor:
                    out.append(cand)
        return out

    def _all_sharing(self, i: int, copies: list[int]) -> list[int] | None:
        """The proposals of `_proposals` without weighing, when few B sentences compete.

        When no word is too common to index and at most `max_candidates` unpaired B
        sentences other than copies share a word with sentence `i`, the best
        `max_candidates` of them are all of them, whatever the weights.
        """
        masks, mask = self.b.masks, 0
        if masks is None or not self.w.none_common:
            return None
        for w in self.a.words[i]:
            bits = masks.get(w)
            if bits:
                mask |= bits
        mask &= self.open_b
        for j in copies:
            mask &= ~(1 << j)
        if mask.bit_count() > self.params.max_candidates:
            return None
        out = []
        while mask:
            low = mask & -mask
            out.append(low.bit_length() - 1)
            mask ^= low
        return out

    def _proposals(self, i: int) -> list[int]:
        """B sentences worth scoring against A sentence `i` (at most 2 x max_candidates).

        Those sharing the most weight of A's words that are not too common to index.
        """
        shared: dict[int, float] = defaultdict(float)
        holding, weight, common, done_b = self.b.holding, self.w.weight, self.w.common, self.done_b
        for w in self.a.ordered[i]:  # sorted: the same sums whatever the hash seed
            js = holding.get(w)
            if js and w not in common:
                wt = weight[w]
                for j in js:
                    if j not in done_b:
                        shared[j] += wt
        norm = self.a.norm[i]
        for j in [j for j in shared if self.b.norm[j] == norm]:
            del shared[j]  # copies are candidates already
        if not shared:
            return []
        k = self.params.max_candidates
        best = heapq.nlargest(k, shared, key=shared.__getitem__)
        bar = self.params.near_share * shared[best[0]]
        near = self._nearest(i, [j for j, s in shared.items() if s >= bar])
        return list(dict.fromkeys(best + near))

    def _nearest(self, i: int, js: list[int] | tuple[int, ...]) -> list[int]:
        """The `max_candidates` of `js` closest to where A sentence `i` is expected in B."""
        if len(js) <= self.params.max_candidates:
            return list(js)
        where = self.expected[i]
        return heapq.nsmallest(self.params.max_candidates, js, key=lambda j: abs(j - where))

    def score(self, i: int, j: int) -> Pair:
        """Combined similarity of A sentence `i` and B sentence `j`."""
        key = (j, i) if self.flipped else (i, j)
        found = self.w.scores.get(key)
        if found is None:
            found = self.w.scores[key] = self._score(i, j)
        return Pair(i, j, found[0], False, found[1])

    def _score(self, i: int, j: int) -> tuple[float, float]:
        """(score, containment) of A sentence `i` and B sentence `j`."""
        side = 1 if self.flipped else 0
        total_a = self.w.total(side, i, self.a.words[i])
        total_b = self.w.total(1 - side, j, self.b.words[j])
        common = math.fsum(map(self.w.weight.__getitem__, self.a.words[i] & self.b.words[j]))
        dice = 2 * common / (total_a + total_b) if common else 0.0
        containment = common / min(total_a, total_b) if common else 0.0
        overlap = (dice + containment) / 2
        if overlap < self.params.min_overlap:
            return 0.0, containment
        tokens = fuzz.token_sort_ratio(self.a.norm[i], self.b.norm[j]) / 100
        k = self.params.overlap_weight
        return k * overlap + (1 - k) * tokens, containment


def choose_pairs(candidates: list[Pair], params: AlignParams, expected: list[float]) -> list[Pair]:
    """Greedy one-to-one pairing, best score first; near-ties go to the expected place."""
    good = [c for c in candidates if c.score >= params.pair_threshold]
    good.sort(key=lambda c: (-round(c.score, 2), abs(c.b - expected[c.a]), c.a, c.b))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[Pair] = []
    for c in good:
        if c.a not in used_a and c.b not in used_b:
            used_a.add(c.a)
            used_b.add(c.b)
            out.append(c)
    return out
