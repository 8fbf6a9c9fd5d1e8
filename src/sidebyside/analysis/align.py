"""Pair each sentence of article A with its counterpart in article B.

The journalist's question is "which sentences did the other outlet keep, reword, move,
drop or add?". Outlets reprint wire copy verbatim, lightly edited, reordered or cut, so
the alignment runs in stages, cheapest first:

1. **Exact copies in order.** Sentences equal after `normalise` (quotes, dashes, spacing,
   case) are found through a dict of normalised text; a longest-common-subsequence pass
   (Hunt–Szymanski, a dict lookup per sentence when nothing repeats) keeps the largest
   set of them that is in order in both articles. These are the anchors.
2. **Everything else.** The sentences left over are matched by what they *say*: content
   words weighted by rarity (IDF over the sentences of both articles, so "Haftar" or
   "Libya", which occur everywhere in a story about them, weigh little) combined with
   rapidfuzz's token similarity. An inverted index of the rarer words proposes
   candidates, so cost stays near-linear instead of N x M; only the best few are scored.
   Copies left over from stage 1 compete here too, with a perfect score. Pairs are
   chosen greedily, best first; between near-equal scores the one nearer to where the
   anchors say the sentence should be wins, so repeated sentences do not pair across
   the article.
3. **Order.** A maximum-weight increasing subsequence over all chosen pairs decides which
   pairs are in order; the others are `moved`.
4. **Related.** A sentence that also overlaps strongly with a second sentence on the other
   side (one long sentence split in two) keeps that link in `AlignedRow.related`.

Rows follow A's order; sentences only B has are placed after the row of the B sentence
before them, so B's sentences keep their order except the moved ones.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from sidebyside.analysis.text import normalise, words_of_normalised
from sidebyside.model import AlignedRow, Alignment, Article


@dataclass(frozen=True)
class AlignParams:
    """The knobs of the alignment, with defaults tuned on the bundled story.

    `pair_threshold` applies to `overlap_weight * overlap + (1 - overlap_weight) *
    token_sort_ratio`, where `overlap` averages the IDF-weighted Dice coefficient of the
    two sentences' content words with the share of the shorter sentence's weight found
    in the longer one (so a sentence that grew a clause still pairs). Unrelated sentences
    of one story that share names score about 0.32-0.41 (the names weigh little, and any
    two English sentences look ~45% alike to a character-level ratio); genuine rewordings
    0.43 and up. `min_overlap` additionally demands real shared content, so string
    similarity alone never pairs two sentences.
    """

    pair_threshold: float = 0.42
    min_overlap: float = 0.15
    overlap_weight: float = 0.5
    #: A second sentence is "related" when it scores this much and most of the shorter
    #: sentence's weighted words are in the longer one.
    related_threshold: float = 0.36
    related_containment: float = 0.5
    max_related: int = 3
    #: Candidates scored per sentence of A: those sharing the most rare-word weight, and
    #: the nearest to its expected place of those sharing at least `near_share` of that.
    max_candidates: int = 8
    near_share: float = 0.5
    #: Copies of one repeated sentence tried per sentence in the exact in-order pass.
    max_copies: int = 8
    #: Words in more than this share of all sentences are not used to find candidates
    #: (they still count in the score) ...
    common_fraction: float = 0.05
    #: ... unless they occur in no more than this many sentences (small inputs index all).
    common_floor: int = 50


DEFAULT_PARAMS = AlignParams()


@dataclass(frozen=True)
class _Side:
    """One article prepared for matching: normalised sentences and their content words."""

    norm: list[str]
    words: list[frozenset[str]]


@dataclass(frozen=True)
class _Pair:
    """A pairing of sentence `a` of A with sentence `b` of B (chosen, or a candidate)."""

    a: int
    b: int
    score: float
    exact: bool
    containment: float = 1.0


def align(a: Article, b: Article, params: AlignParams = DEFAULT_PARAMS) -> Alignment:
    """Align the sentences of `a` and `b`: every sentence in exactly one row, A's order."""
    side_a, side_b = _prepare(a.sentences, b.sentences)
    n_a, n_b = len(side_a.norm), len(side_b.norm)
    anchors = _exact_in_order(side_a.norm, side_b.norm, params.max_copies)
    expected = _expected_positions(_unique(anchors, side_a.norm, side_b.norm), n_a, n_b)
    done_a, done_b = {p.a for p in anchors}, {p.b for p in anchors}
    rest_a = [i for i in range(n_a) if i not in done_a]
    rest_b = [j for j in range(n_b) if j not in done_b]
    candidates = _Scorer(side_a, side_b, params, expected).candidates(rest_a, rest_b)
    pairs = anchors + _choose(candidates, params, expected)
    in_order = _in_order(pairs)
    related = _related(candidates, pairs, params)
    return Alignment(a=a, b=b, rows=_rows(n_a, n_b, pairs, in_order, related))


# --- preparation -------------------------------------------------------------------------


def _prepare(sents_a: tuple[str, ...], sents_b: tuple[str, ...]) -> tuple[_Side, _Side]:
    """Normalise both articles; tokenise each distinct sentence once (reprints share most)."""
    norm_a = [normalise(s) for s in sents_a]
    norm_b = [normalise(s) for s in sents_b]
    memo: dict[str, frozenset[str]] = {}
    for text in (*norm_a, *norm_b):
        if text not in memo:
            memo[text] = frozenset(words_of_normalised(text))
    return (
        _Side(norm_a, [memo[t] for t in norm_a]),
        _Side(norm_b, [memo[t] for t in norm_b]),
    )


# --- stage 1: exact copies in order ---------------------------------------------------------


def _exact_in_order(norm_a: list[str], norm_b: list[str], max_copies: int) -> list[_Pair]:
    """The largest in-order set of identical sentences (Hunt–Szymanski LCS, O(r log n)).

    `r` is the number of equal (i, j) pairs: about n for articles without repeats, so
    this is a dict lookup and a bisect per sentence. A sentence B repeats more than
    `max_copies` times (boilerplate) is only tried against the copies near its
    proportional place, which bounds `r`; copies left out are paired in stage 2.
    """
    where_b: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(norm_b):
        where_b[text].append(j)
    scale = len(norm_b) / max(1, len(norm_a))
    tails: list[int] = []  # tails[k]: smallest b ending an increasing run of length k+1
    tail_node: list[int] = []  # the node that put it there
    node_i: list[int] = []
    node_j: list[int] = []
    node_prev: list[int] = []
    for i, text in enumerate(norm_a):
        where = where_b.get(text)
        if not where:
            continue
        if len(where) > max_copies:
            where = _window(where, i * scale, max_copies)
        for j in reversed(where):
            k = bisect_left(tails, j)
            if k < len(tails) and tails[k] == j:
                continue
            node_i.append(i)
            node_j.append(j)
            node_prev.append(tail_node[k - 1] if k else -1)
            if k == len(tails):
                tails.append(j)
                tail_node.append(len(node_i) - 1)
            else:
                tails[k] = j
                tail_node[k] = len(node_i) - 1
    out: list[_Pair] = []
    node = tail_node[-1] if tail_node else -1
    while node >= 0:
        out.append(_Pair(node_i[node], node_j[node], 1.0, True))
        node = node_prev[node]
    return out[::-1]


def _window(positions: list[int], centre: float, size: int) -> list[int]:
    """The `size` entries of sorted `positions` around `centre`."""
    start = max(0, min(bisect_left(positions, centre) - size // 2, len(positions) - size))
    return positions[start : start + size]


def _unique(anchors: list[_Pair], norm_a: list[str], norm_b: list[str]) -> list[_Pair]:
    """The anchors whose sentence occurs once in each article: these cannot be coincidences.

    A repeated sentence ("Reuters reported.") can anchor at a copy far from where the
    surrounding text went; interpolating between such anchors would send every sentence
    near it looking in the wrong place.
    """
    count = Counter(norm_a)
    count.update(norm_b)
    return [p for p in anchors if count[norm_a[p.a]] == 2]


def _expected_positions(anchors: list[_Pair], n_a: int, n_b: int) -> list[float]:
    """Where in B each A sentence would sit, interpolated between the anchors."""
    points = [(-1, -1.0)] + [(p.a, float(p.b)) for p in anchors] + [(n_a, float(n_b))]
    expected = [0.0] * n_a
    for (ia, ja), (ib, jb) in zip(points, points[1:]):
        step = (jb - ja) / (ib - ia)
        for i in range(ia + 1, ib):
            expected[i] = ja + (i - ia) * step
        if 0 <= ia < n_a:
            expected[ia] = ja
    return expected


# --- stage 2: everything else ---------------------------------------------------------------


class _Scorer:
    """Finds and scores candidate pairs: rarity-weighted shared words plus token similarity."""

    def __init__(
        self, side_a: _Side, side_b: _Side, params: AlignParams, expected: list[float]
    ) -> None:
        self.a, self.b, self.params, self.expected = side_a, side_b, params, expected
        df: Counter[str] = Counter()
        for words in (*side_a.words, *side_b.words):
            df.update(words)
        total = len(side_a.words) + len(side_b.words)
        self.weight = {w: math.log((total + 1) / n) for w, n in df.items()}
        self.total_a = [sum(map(self.weight.__getitem__, ws)) for ws in side_a.words]
        self.total_b = [sum(map(self.weight.__getitem__, ws)) for ws in side_b.words]
        cap = max(params.common_floor, params.common_fraction * total)
        self.indexable = {w for w, n in df.items() if n <= cap}

    def candidates(self, rest_a: list[int], rest_b: list[int]) -> list[_Pair]:
        """Scored candidate pairs between the sentences not yet paired."""
        index: dict[str, list[int]] = defaultdict(list)
        copies: dict[str, list[int]] = defaultdict(list)
        for j in rest_b:
            copies[self.b.norm[j]].append(j)
            for w in self.b.words[j] & self.indexable:
                index[w].append(j)
        floor = self.params.related_threshold
        out: list[_Pair] = []
        for i in rest_a:
            exact = copies.get(self.a.norm[i], ())
            out.extend(_Pair(i, j, 1.0, True) for j in self._nearest(i, exact))
            for j in self._proposals(i, index):
                cand = self.score(i, j)
                if cand.score >= floor:
                    out.append(cand)
        return out

    def _proposals(self, i: int, index: dict[str, list[int]]) -> list[int]:
        """B sentences worth scoring against A sentence `i` (at most 2 x max_candidates)."""
        shared: dict[int, float] = defaultdict(float)
        for w in self.a.words[i] & self.indexable:
            weight = self.weight[w]
            for j in index.get(w, ()):
                shared[j] += weight
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

    def score(self, i: int, j: int) -> _Pair:
        """Combined similarity of A sentence `i` and B sentence `j`."""
        common = sum(map(self.weight.__getitem__, self.a.words[i] & self.b.words[j]))
        total_a, total_b = self.total_a[i], self.total_b[j]
        dice = 2 * common / (total_a + total_b) if common else 0.0
        containment = common / min(total_a, total_b) if common else 0.0
        overlap = (dice + containment) / 2
        if overlap < self.params.min_overlap:
            return _Pair(i, j, 0.0, False, containment)
        tokens = fuzz.token_sort_ratio(self.a.norm[i], self.b.norm[j]) / 100
        k = self.params.overlap_weight
        return _Pair(i, j, k * overlap + (1 - k) * tokens, False, containment)


def _choose(candidates: list[_Pair], params: AlignParams, expected: list[float]) -> list[_Pair]:
    """Greedy one-to-one pairing, best score first; near-ties go to the expected place."""
    good = [c for c in candidates if c.score >= params.pair_threshold]
    good.sort(key=lambda c: (-round(c.score, 2), abs(c.b - expected[c.a]), c.a, c.b))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[_Pair] = []
    for c in good:
        if c.a not in used_a and c.b not in used_b:
            used_a.add(c.a)
            used_b.add(c.b)
            out.append(c)
    return out


# --- stage 3: order --------------------------------------------------------------------------


def _in_order(pairs: list[_Pair]) -> set[int]:
    """A indices of the pairs kept in order: a maximum-weight increasing run over B.

    Weighted by score so a confident pair is not declared moved to keep a doubtful one
    in place. Fenwick tree over B positions, O(p log m).
    """
    ordered = sorted(pairs, key=lambda p: p.a)
    size = max((p.b for p in ordered), default=-1) + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    back: list[int] = []
    for n, pair in enumerate(ordered):
        best, prev = _prefix_max(tree, pair.b)  # best run ending at a smaller b
        back.append(prev)
        _raise(tree, pair.b + 1, (best + pair.score, n))
    _, node = _prefix_max(tree, size)
    keep: set[int] = set()
    while node >= 0:
        keep.add(ordered[node].a)
        node = back[node]
    return keep


def _prefix_max(tree: list[tuple[float, int]], end: int) -> tuple[float, int]:
    """Best (weight, node) among positions 1..end of the Fenwick tree."""
    best = (0.0, -1)
    while end > 0:
        if tree[end][0] > best[0]:
            best = tree[end]
        end -= end & -end
    return best


def _raise(tree: list[tuple[float, int]], pos: int, value: tuple[float, int]) -> None:
    """Record `value` at `pos` (1-based) if it beats what is there."""
    while pos < len(tree):
        if value[0] > tree[pos][0]:
            tree[pos] = value
        pos += pos & -pos


# --- stage 4: related ------------------------------------------------------------------------


def _related(
    candidates: list[_Pair], pairs: list[_Pair], params: AlignParams
) -> dict[int, tuple[int, ...]]:
    """B sentences related to an A sentence beyond its own pair (split or merged sentences).

    A candidate that was not chosen counts when one of its sentences is left without a
    partner (so the link explains a gap, not a second opinion on two settled pairs) and
    the shorter sentence is mostly contained in the longer one.
    """
    pair_of_a = {p.a: p.b for p in pairs}
    paired_b = {p.b for p in pairs}
    found: dict[int, list[_Pair]] = defaultdict(list)
    for c in candidates:
        if pair_of_a.get(c.a) == c.b or (c.a in pair_of_a and c.b in paired_b):
            continue
        if c.score >= params.related_threshold and c.containment >= params.related_containment:
            found[c.a].append(c)
    return {
        i: tuple(c.b for c in sorted(cs, key=lambda c: (-c.score, c.b))[: params.max_related])
        for i, cs in found.items()
    }


# --- rows ------------------------------------------------------------------------------------


def _rows(
    n_a: int,
    n_b: int,
    pairs: list[_Pair],
    in_order: set[int],
    related: dict[int, tuple[int, ...]],
) -> tuple[AlignedRow, ...]:
    """Lay the pairs out: A's order; B-only rows after the A-only rows of their gap."""
    pair_of_a = {p.a: p for p in pairs}
    paired_b = {p.b for p in pairs}
    a_of_b = {p.b: p.a for p in pairs if p.a in in_order}
    anchored: dict[int, list[int]] = defaultdict(list)  # A row -> B-only sentences after it
    anchor = -1  # A index of the last in-order pair met in B's order; -1 = top
    for j in range(n_b):
        if j in a_of_b:
            anchor = a_of_b[j]
        elif j not in paired_b:
            anchored[anchor].append(j)

    # B-only sentences wait until just before the next in-order pair, so each gap between
    # two shared sentences reads "what only A has" then "what only B has".
    rows: list[AlignedRow] = []
    pending = list(anchored[-1])
    for i in range(n_a):
        if i in in_order and i in pair_of_a:
            rows.extend(AlignedRow(None, j, "only_b", 0.0) for j in pending)
            pending = list(anchored.get(i, ()))
        rows.append(_row_of(i, pair_of_a.get(i), i in in_order, related.get(i, ())))
        if not (i in in_order and i in pair_of_a):
            pending.extend(anchored.get(i, ()))
    rows.extend(AlignedRow(None, j, "only_b", 0.0) for j in pending)
    return tuple(rows)


def _row_of(i: int, pair: _Pair | None, in_order: bool, related: tuple[int, ...]) -> AlignedRow:
    """The row of A sentence `i`, classified."""
    if pair is None:
        return AlignedRow(i, None, "only_a", 0.0, related)
    kind = ("same" if pair.exact else "changed") if in_order else "moved"
    return AlignedRow(i, pair.b, kind, round(pair.score, 3), related)
