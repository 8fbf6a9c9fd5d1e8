"""Stage 2 of the alignment: propose and score candidate pairs of sentences.

`align.py` pairs exact copies first; the sentences left over are matched here by what
they *say*. Words are weighted by rarity (IDF over the sentences of both articles, so
"Haftar" or "Libya", which occur everywhere in a story about them, weigh little:
`Weights`); the rarer words of each left-over sentence of A propose candidates through an
inverted index of B's left-over sentences, so cost follows what is left to pair, not N x M
nor the length of the articles; only the best few proposals are scored (`Scorer`):
weighted word overlap combined with rapidfuzz's token similarity. `choose_pairs` then
pairs greedily, best first, and between near-equal scores the one nearer to where the
anchors say the sentence should be wins, so repeated sentences do not pair across the
article.

Cost follows the diff. A pair of long articles that share most of their text (the case
worth optimising: a reprint, a later version of a wire story) has few sentences left over
after the exact copies. Only those are indexed and scored; and past
`AlignParams.weight_sample` exact copies, only those and an evenly spread sample of the
copies are tokenised, the word counts the weights need from the shared text being
estimated from the sample (`sampled_counts`). Up to that many copies the counts are exact.

Weights are summed with `math.fsum`, which rounds correctly whatever the order of the
words, and ties between proposals are broken by sorted word order, so a score does not
depend on the order a set happens to iterate in (which changes with Python's
per-process hash seed).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz

from sidebyside.analysis.text import normalise, word_sets

if TYPE_CHECKING:  # only for annotations: align.py imports this module
    from sidebyside.analysis.align import AlignParams


#: Margin on the rough overlap that decides a pair is not worth scoring (rounding is ~1e-15).
EPS = 1e-9


# --- one article ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """One article prepared for matching against any other: what depends on it alone.

    `norm` holds its sentences normalised, `where` the positions of each normalised
    sentence (so exact copies are dict lookups).
    """

    norm: tuple[str, ...]
    where: dict[str, list[int]]


def prepare(sentences: Sequence[str]) -> Prepared:
    """Normalise an article's sentences once, for any number of pairings."""
    norm = tuple(map(normalise, sentences))
    where: dict[str, list[int]] = {}
    for j, text in enumerate(norm):
        found = where.get(text)
        if found is None:
            where[text] = [j]
        else:
            found.append(j)
    return Prepared(norm, where)


class Words:
    """Content words of normalised sentences, each distinct sentence tokenised once.

    One per comparison, or per session (`AlignmentCache`): reprints share most of their
    sentences, so a story's sentences are mostly tokenised already. Also keeps, per
    article text, how many of its sentences hold each word (`counts`), and each
    sentence's tokens sorted (`sorted_tokens`).
    """

    def __init__(self) -> None:
        self._sets: dict[str, frozenset[str]] = {}
        self._counts: dict[tuple[str, ...], Counter[str]] = {}
        self._sorted: dict[str, str] = {}

    def of(self, texts: Sequence[str]) -> dict[str, frozenset[str]]:
        """Make sure every text of `texts` is tokenised; return the table (text -> words)."""
        sets = self._sets
        new = [t for t in dict.fromkeys(texts) if t not in sets]
        if new:
            sets.update(zip(new, word_sets(new), strict=True))
        return sets

    def sorted_tokens(self, text: str) -> str:
        """The text's tokens sorted and joined: rapidfuzz's `token_sort_ratio` is `ratio`
        of these, so each sentence's are sorted once, not once per pair it is scored in."""
        found = self._sorted.get(text)
        if found is None:
            found = self._sorted[text] = " ".join(sorted(text.split()))
        return found

    def counts(self, side: Prepared) -> Counter[str]:
        """word -> how many of the article's sentences hold it (computed once per text)."""
        found = self._counts.get(side.norm)
        if found is None:
            table = self.of(side.norm)
            found = self._counts[side.norm] = Counter(chain.from_iterable(map(table.__getitem__, side.norm)))
        return found


def sampled_counts(left: Sequence[frozenset[str]], sample: Sequence[frozenset[str]], anchors: int) -> dict[str, float]:
    """The sentences of two long articles holding each word, estimated from a sample.

    `left` holds the words of each sentence stage 1 left unpaired, `sample` those of an
    even sample of the `anchors` exact copies it paired (`sample_of`): each anchor stands
    for two sentences with the same words, so the sample's counts are scaled to twice the
    anchors. The counts of a story's common words are what the weights need from the
    shared text, and a sample finds them.
    """
    df: dict[str, float] = dict(Counter(chain.from_iterable(left)))
    scale = 2 * anchors / len(sample) if sample else 0.0
    for w, n in Counter(chain.from_iterable(sample)).items():
        df[w] = df.get(w, 0) + scale * n
    return df


def sample_of(anchored: Sequence[str], size: int) -> Sequence[str]:
    """Every k-th of the anchors' texts, k chosen so that about `size` are kept."""
    step = max(1, -(-len(anchored) // max(1, size)))  # ceil division
    return anchored[::step]


# --- pairs of sentences -----------------------------------------------------------------------


class Pair(NamedTuple):
    """A pairing of sentence `a` of A with sentence `b` of B (chosen, or a candidate).

    A named tuple: a long comparison makes thousands, and a tuple is quick to build.
    """

    a: int
    b: int
    score: float
    exact: bool
    containment: float = 1.0


class Weights:
    """The word weights of one pair of articles.

    A word's weight is `log((N + 1) / df)`: N sentences in the two articles, df of them
    holding the word, `df_a[w] + df_b[w]`. The caller gives each article's counts
    (`Words.counts`) or, for long articles that share most of their text, an estimate
    (`sampled_counts`). Only what is asked for is weighed: a pair of reprints with two
    reworded sentences costs two sentences' words, not two articles'. With the exact
    counts the weights of (A, B) and (B, A) are the same, so `carried_both` shares them.
    """

    def __init__(self, params: AlignParams, total: int, df_a: Mapping[str, float], df_b: Mapping[str, float]) -> None:
        self._top = total + 1
        self._cap = max(params.common_floor, params.common_fraction * total)
        self._df_a, self._df_b = df_a, df_b
        self.weight: dict[str, float] = {}
        #: Words too common to propose candidates (they still count in the score).
        self.common: set[str] = set()
        #: Summed weight of each sentence weighed so far, by normalised text.
        self.totals: dict[str, float] = {}

    def total(self, text: str, words: frozenset[str]) -> float:
        """The summed weight of sentence `text`, holding `words`."""
        found = self.totals.get(text)
        if found is None:
            found = self.totals[text] = self.weigh(words)
        return found

    def weigh(self, words: frozenset[str]) -> float:
        """The summed weight of a sentence's words, weighing those not weighed yet."""
        weight = self.weight
        new = words.difference(weight)  # walks `words`, looking each up in the dict
        if new:
            df_a, df_b, top, cap = self._df_a, self._df_b, self._top, self._cap
            for w in new:
                n = df_a.get(w, 0) + df_b.get(w, 0)
                weight[w] = math.log(top / n)
                if n > cap:
                    self.common.add(w)
        return math.fsum(map(weight.__getitem__, words))


class Scorer:
    """Finds and scores candidate pairs between A's and B's left-over sentences.

    `rest_b` are B's sentences stage 1 left unpaired, `expected[i]` where A sentence i
    would sit in B.
    """

    def __init__(
        self,
        side_a: Prepared,
        side_b: Prepared,
        params: AlignParams,
        rest_b: list[int],
        words: Words,
        weights: Weights,
        expected: Mapping[int, float],
    ) -> None:
        self.a, self.b, self.params, self.w, self.expected = side_a, side_b, params, weights, expected
        self.tokens = words
        self.words = table = words.of(())
        self.open_b = set(rest_b)
        #: The inverted index of B's left-over sentences, ascending in each list.
        self.holding: dict[str, list[int]] = defaultdict(list)
        for j in rest_b:
            for w in table[side_b.norm[j]]:
                self.holding[w].append(j)

    def candidates(self, rest_a: list[int], floor: float) -> list[Pair]:
        """Scored candidate pairs between the sentences not yet paired, scoring >= `floor`.

        Each left-over A sentence gets its unpaired exact copies in B (score 1.0; the
        nearest `max_candidates` to its expected place) and the proposals of
        `_proposals`, scored as `_score` does; pairs whose overlap plainly falls short
        of `min_overlap` (scored 0) are told from the proposals' sums without scoring.
        """
        open_b, norm_a, norm_b, words = self.open_b, self.a.norm, self.b.norm, self.words
        weights = self.w
        weight_of, total, totals = weights.weight.__getitem__, weights.total, weights.totals
        min_overlap = self.params.min_overlap - EPS
        out: list[Pair] = []
        for i in rest_a:
            text = norm_a[i]
            exact = [j for j in self.b.where.get(text, ()) if j in open_b]
            out.extend(Pair(i, j, 1.0, True) for j in self._nearest(i, exact))
            words_i = words[text]
            total_i = total(text, words_i)  # weighs the words, and so finds the common ones
            proposals, shared_rare = self._proposals(i, text, exact)
            common_i = words_i & weights.common
            for j in proposals:
                text_j = norm_b[j]
                total_j = totals.get(text_j) or total(text_j, words[text_j])
                # The shared weight from the proposals plus the common words: the overlap to
                # within rounding, enough to drop pairs far below `min_overlap` unscored.
                rough = shared_rare.get(j, 0.0)
                if common_i:
                    rough += sum(map(weight_of, common_i & words[text_j]))
                lighter = min(total_i, total_j)
                if rough / (total_i + total_j) + rough / (2 * lighter) < min_overlap:
                    score, containment = 0.0, rough / lighter
                else:
                    score, containment = self._score(text, text_j, total_i, total_j)
                if score >= floor:
                    out.append(Pair(i, j, score, False, containment))
        return out

    def _score(self, text_a: str, text_b: str, total_a: float, total_b: float) -> tuple[float, float]:
        """(score, containment) of two sentences with these weight totals.

        `overlap_weight * overlap + (1 - overlap_weight) * token_sort_ratio`, where overlap
        averages the weighted Dice coefficient and the containment of the lighter
        sentence (see `AlignParams`); 0 when overlap is below `min_overlap`. Symmetric.
        """
        shared = self.words[text_a] & self.words[text_b]
        common = math.fsum(map(self.w.weight.__getitem__, shared)) if shared else 0.0
        dice = 2 * common / (total_a + total_b) if common else 0.0
        containment = common / min(total_a, total_b) if common else 0.0
        overlap = (dice + containment) / 2
        if overlap < self.params.min_overlap:
            return 0.0, containment
        sort = self.tokens.sorted_tokens
        tokens = fuzz.ratio(sort(text_a), sort(text_b)) / 100
        k = self.params.overlap_weight
        return k * overlap + (1 - k) * tokens, containment

    def _proposals(self, i: int, text: str, copies: list[int]) -> tuple[list[int], dict[int, float]]:
        """B sentences worth scoring against A sentence `i` (at most 2 x max_candidates).

        Those sharing the most weight of A's words that are not too common to index, and
        of those sharing at least `near_share` of the best, the nearest to `i`'s place;
        with the weight each shares. Words are visited in sorted order and B sentences in
        ascending order, so ties fall the same way in every process. `copies` (B's open
        copies of the sentence) are candidates already.
        """
        words = self.words[text]
        holding, weight, common = self.holding, self.w.weight, self.w.common
        shared: dict[int, float] = {}
        get = shared.get
        for w in sorted(words):
            js = holding.get(w)
            if js and w not in common:
                wt = weight[w]
                for j in js:
                    shared[j] = get(j, 0.0) + wt
        for j in copies:
            shared.pop(j, None)
        k = self.params.max_candidates
        if len(shared) <= k:
            return list(shared), shared  # the best k are all of them, and the near ones among them
        # `heapq.nlargest(k, ...)` is documented to equal this, ties included; sorting in C is quicker.
        best = sorted(shared, key=shared.__getitem__, reverse=True)[:k]
        bar = self.params.near_share * shared[best[0]]
        near = self._nearest(i, [j for j, s in shared.items() if s >= bar])
        return list(dict.fromkeys(best + near)), shared

    def _nearest(self, i: int, js: list[int]) -> list[int]:
        """The `max_candidates` of `js` closest to where A sentence `i` is expected in B."""
        if len(js) <= self.params.max_candidates:
            return js
        where = self.expected[i]
        return sorted(js, key=lambda j: abs(j - where))[: self.params.max_candidates]


def choose_pairs(candidates: list[Pair], params: AlignParams, expected: Mapping[int, float]) -> list[Pair]:
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
