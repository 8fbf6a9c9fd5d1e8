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
   rapidfuzz's token similarity. An inverted index of the left-over sentences' rarer
   words proposes candidates, so cost follows the edits between the two articles, not
   N x M nor their length; only the best few are scored. Copies left over from stage 1
   compete here too, with a perfect score. Pairs are chosen greedily, best first;
   between near-equal scores the one nearer to where the anchors say the sentence should
   be wins, so repeated sentences do not pair across the article. This stage is
   `analysis/candidates.py`; this module places it between the other three.
3. **Order.** A maximum-weight increasing subsequence over all chosen pairs decides which
   pairs are in order; the others are `moved`.
4. **Related.** A sentence that also overlaps strongly with a second sentence on the other
   side (one long sentence split in two) keeps that link in `AlignedRow.related`.

Rows follow A's order; sentences only B has are placed after the row of the B sentence
before them, so B's sentences keep their order except the moved ones.

Two long versions of one text cost about what an exact-match diff of them costs
(benchmarks/compare.py): tokenising, weighing and scoring touch the left-over sentences
only (and, past `weight_sample` exact copies, a sample of those for the word counts).

The overlap matrix (`analysis/overlap.py`) needs the share of many pairs, so `carried`
runs stages 1 and 2 alone, on articles `prepare`d once, with the story's tokenised
sentences (`candidates.Words`); `align(a, b)` is `prepare` and `align_prepared`. Word
weights are summed with `math.fsum` and words visited in sorted order, so a result does
not depend on the order a set happens to iterate in (which changes with Python's
per-process hash seed): a cell computed in one process equals `compare` run in another.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from sidebyside.analysis.candidates import (
    Pair,
    Prepared,
    Scorer,
    Weights,
    Words,
    choose_pairs,
    prepare,
    sample_of,
    sampled_counts,
)
from sidebyside.model import AlignedRow, Alignment, Article, RowKind


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
    #: Exact copies whose words are counted for the weights: all of them up to this many,
    #: else an even sample of about this many (see `candidates.Weights`).
    weight_sample: int = 256


DEFAULT_PARAMS = AlignParams()


def align(a: Article, b: Article, params: AlignParams = DEFAULT_PARAMS) -> Alignment:
    """Align the sentences of `a` and `b`: every sentence in exactly one row, A's order."""
    return align_prepared(a, b, prepare(a.sentences), prepare(b.sentences), params)


def align_prepared(
    a: Article,
    b: Article,
    side_a: Prepared,
    side_b: Prepared,
    params: AlignParams = DEFAULT_PARAMS,
    words: Words | None = None,
) -> Alignment:
    """`align(a, b)` with both articles already passed through `prepare` (same result).

    `words` may be shared between comparisons, so each distinct sentence is tokenised once.
    """
    n_a, n_b = len(side_a.norm), len(side_b.norm)
    anchors, candidates, chosen = _match(side_a, side_b, params, words or Words())
    pairs = anchors + chosen
    in_order = _in_order(pairs)
    related = _related(candidates, pairs, params)
    return Alignment(a=a, b=b, rows=_rows(n_a, n_b, pairs, in_order, related))


def carried(
    side_a: Prepared,
    side_b: Prepared,
    params: AlignParams = DEFAULT_PARAMS,
    words: Words | None = None,
    weights: Weights | None = None,
) -> int:
    """How many of A's sentences B carries: the paired rows `align` would return.

    The same stages 1 and 2 as `align`, without ordering, related links and rows, so
    `carried(prepare(a), prepare(b)) / len(a.sentences) == align(a, b).share_a_in_b`.
    Candidates below `pair_threshold` are not kept (only `related` would use them).
    `weights`: the pair's exact weights (`exact_weights`), when the caller has them.
    """
    n_a, n_b = len(side_a.norm), len(side_b.norm)
    anchors = _exact_in_order(side_a, side_b, params.max_copies)
    if len(anchors) == n_a or len(anchors) == n_b:
        return len(anchors)
    stage = _Stage2(side_a, side_b, anchors, params, words or Words(), weights)
    candidates = stage.scorer().candidates(stage.rest_a, params.pair_threshold)
    return len(anchors) + len(choose_pairs(candidates, params, stage.expected))


def carried_both(
    side_a: Prepared, side_b: Prepared, params: AlignParams = DEFAULT_PARAMS, words: Words | None = None
) -> tuple[int, int]:
    """`(carried(a, b), carried(b, a))`, weighing each word and each sentence once.

    The exact weights are the same both ways (see `candidates.Weights`).
    """
    words = words or Words()
    weights = exact_weights(side_a, side_b, params, words)
    return carried(side_a, side_b, params, words, weights), carried(side_b, side_a, params, words, weights)


def exact_weights(side_a: Prepared, side_b: Prepared, params: AlignParams, words: Words) -> Weights:
    """The weights of a pair from every sentence's words (the same for (a, b) and (b, a))."""
    return Weights(params, len(side_a.norm) + len(side_b.norm), words.counts(side_a), words.counts(side_b))


def _match(
    side_a: Prepared, side_b: Prepared, params: AlignParams, words: Words
) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """Stages 1 and 2: the exact anchors, the scored candidates and the pairs chosen."""
    n_a, n_b = len(side_a.norm), len(side_b.norm)
    anchors = _exact_in_order(side_a, side_b, params.max_copies)
    if len(anchors) == n_a or len(anchors) == n_b:
        return anchors, [], []  # nothing left on one side: stage 2 has nothing to pair
    stage = _Stage2(side_a, side_b, anchors, params, words)
    candidates = stage.scorer().candidates(stage.rest_a, params.related_threshold)
    return anchors, candidates, choose_pairs(candidates, params, stage.expected)


class _Stage2:
    """What stage 2 needs once stage 1 has paired the exact copies in order.

    The sentences left over on each side, their words, the word weights (from every
    sentence's words up to `weight_sample` anchors, else from the left-over sentences and
    a sample of the anchors: `candidates.sampled_counts`), and for each left-over A
    sentence the place in B where the anchors around it say it should be.
    """

    def __init__(
        self,
        side_a: Prepared,
        side_b: Prepared,
        anchors: list[Pair],
        params: AlignParams,
        words: Words,
        weights: Weights | None = None,
    ) -> None:
        self.side_a, self.side_b, self.params, self.tokens = side_a, side_b, params, words
        n_a, n_b = len(side_a.norm), len(side_b.norm)
        done_a, done_b = {p.a for p in anchors}, {p.b for p in anchors}
        self.rest_a = [i for i in range(n_a) if i not in done_a]
        self.rest_b = [j for j in range(n_b) if j not in done_b]
        norm_a, norm_b = side_a.norm, side_b.norm
        if len(anchors) <= params.weight_sample:  # every sentence counted: exact weights
            self.weights = weights or exact_weights(side_a, side_b, params, words)
        else:
            left = [norm_a[i] for i in self.rest_a] + [norm_b[j] for j in self.rest_b]
            sample = sample_of([norm_a[p.a] for p in anchors], params.weight_sample)
            table = words.of(left + list(sample))
            df = sampled_counts([table[t] for t in left], [table[t] for t in sample], len(anchors))
            self.weights = Weights(params, n_a + n_b, df, {})
        self.expected = _expected_positions(_unique(anchors, side_a, side_b), self.rest_a, n_a, n_b)

    def scorer(self) -> Scorer:
        return Scorer(self.side_a, self.side_b, self.params, self.rest_b, self.tokens, self.weights, self.expected)


# --- stage 1: exact copies in order ---------------------------------------------------------


def _exact_in_order(side_a: Prepared, side_b: Prepared, max_copies: int) -> list[Pair]:
    """The largest in-order set of identical sentences (Hunt–Szymanski LCS, O(r log n)).

    `r` is the number of equal (i, j) pairs: about n for articles without repeats, so
    this is a dict lookup and a bisect per sentence. A sentence B repeats more than
    `max_copies` times (boilerplate) is only tried against the copies near its
    proportional place, which bounds `r`; copies left out are paired in stage 2.
    """
    norm_a, where_b = side_a.norm, side_b.where
    scale = len(side_b.norm) / max(1, len(norm_a))
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
    out: list[Pair] = []
    node = tail_node[-1] if tail_node else -1
    while node >= 0:
        out.append(Pair(node_i[node], node_j[node], 1.0, True))
        node = node_prev[node]
    return out[::-1]


def _window(positions: list[int], centre: float, size: int) -> list[int]:
    """The `size` entries of sorted `positions` around `centre`."""
    start = max(0, min(bisect_left(positions, centre) - size // 2, len(positions) - size))
    return positions[start : start + size]


def _unique(anchors: list[Pair], side_a: Prepared, side_b: Prepared) -> list[Pair]:
    """The anchors whose sentence occurs once in each article: these cannot be coincidences.

    A repeated sentence ("Reuters reported.") can anchor at a copy far from where the
    surrounding text went; interpolating between such anchors would send every sentence
    near it looking in the wrong place.
    """
    norm_a, where_a, where_b = side_a.norm, side_a.where, side_b.where
    return [p for p in anchors if len(where_a[norm_a[p.a]]) == 1 == len(where_b[norm_a[p.a]])]


def _expected_positions(anchors: list[Pair], rest_a: list[int], n_a: int, n_b: int) -> dict[int, float]:
    """Where in B each left-over A sentence would sit, interpolated between the anchors."""
    points_a = [-1] + [p.a for p in anchors] + [n_a]
    points_b = [-1.0] + [float(p.b) for p in anchors] + [float(n_b)]
    expected: dict[int, float] = {}
    for i in rest_a:
        k = bisect_left(points_a, i)  # points_a[k - 1] < i < points_a[k]: i is no anchor
        ia, ib, ja, jb = points_a[k - 1], points_a[k], points_b[k - 1], points_b[k]
        expected[i] = ja + (i - ia) * ((jb - ja) / (ib - ia))
    return expected


# --- stage 3: order --------------------------------------------------------------------------


def _in_order(pairs: list[Pair]) -> set[int]:
    """A indices of the pairs kept in order: a maximum-weight increasing run over B.

    Weighted by score so a confident pair is not declared moved to keep a doubtful one
    in place. A Fenwick tree over B positions (prefix maxima of run weight, with the pair
    that ends the run), O(p log m); its two lists and loops are inlined, as a long
    comparison runs them thousands of times.
    """
    ordered = sorted(pairs, key=lambda p: p.a)
    size = max((p.b for p in ordered), default=-1) + 1
    weight = [0.0] * (size + 1)  # weight[pos]: best run weight in this node's range
    node_at = [-1] * (size + 1)  # the pair ending that run
    back: list[int] = []
    for n, pair in enumerate(ordered):
        best, prev, end = 0.0, -1, pair.b  # best run ending at a smaller b
        while end > 0:
            if weight[end] > best:
                best, prev = weight[end], node_at[end]
            end -= end & -end
        back.append(prev)
        value, pos = best + pair.score, pair.b + 1
        while pos <= size:
            if value > weight[pos]:
                weight[pos], node_at[pos] = value, n
            pos += pos & -pos
    best, node, end = 0.0, -1, size
    while end > 0:
        if weight[end] > best:
            best, node = weight[end], node_at[end]
        end -= end & -end
    keep: set[int] = set()
    while node >= 0:
        keep.add(ordered[node].a)
        node = back[node]
    return keep


# --- stage 4: related ------------------------------------------------------------------------


def _related(candidates: list[Pair], pairs: list[Pair], params: AlignParams) -> dict[int, tuple[int, ...]]:
    """B sentences related to an A sentence beyond its own pair (split or merged sentences).

    A candidate that was not chosen counts when one of its sentences is left without a
    partner (so the link explains a gap, not a second opinion on two settled pairs) and
    the shorter sentence is mostly contained in the longer one.
    """
    pair_of_a = {p.a: p.b for p in pairs}
    paired_b = {p.b for p in pairs}
    found: dict[int, list[Pair]] = defaultdict(list)
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
    pairs: list[Pair],
    in_order: set[int],
    related: dict[int, tuple[int, ...]],
) -> tuple[AlignedRow, ...]:
    """Lay the pairs out: A's order; B-only rows after the A-only rows of their gap."""
    pair_of_a = {p.a: p for p in pairs}
    paired_b = {p.b for p in pairs}
    a_of_b = {p.b: p.a for p in pairs if p.a in in_order}
    anchored: dict[int, list[int]] = {}  # A row -> B-only sentences after it
    anchor = -1  # A index of the last in-order pair met in B's order; -1 = top
    for j in range(n_b):
        a = a_of_b.get(j)
        if a is not None:
            anchor = a
        elif j not in paired_b:
            anchored.setdefault(anchor, []).append(j)

    # B-only sentences wait until just before the next in-order pair, so each gap between
    # two shared sentences reads "what only A has" then "what only B has".
    rows: list[AlignedRow] = []
    pending = list(anchored.get(-1, ()))
    for i in range(n_a):
        pair = pair_of_a.get(i)
        if pair is None:
            rows.append(AlignedRow(i, None, "only_a", 0.0, related.get(i, ())))
        else:
            kept = i in in_order
            if kept:
                rows.extend(AlignedRow(None, j, "only_b", 0.0) for j in pending)
                pending = []
            kind: RowKind = ("same" if pair.exact else "changed") if kept else "moved"
            rows.append(AlignedRow(i, pair.b, kind, round(pair.score, 3), related.get(i, ())))
        pending.extend(anchored.get(i, ()))
    rows.extend(AlignedRow(None, j, "only_b", 0.0) for j in pending)
    return tuple(rows)
