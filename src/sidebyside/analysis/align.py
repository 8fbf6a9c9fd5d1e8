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
   the article. This stage, and the indexing of each article it relies on (`prepare`),
   is `analysis/candidates.py`; this module places it between the other three.
3. **Order.** A maximum-weight increasing subsequence over all chosen pairs decides which
   pairs are in order; the others are `moved`.
4. **Related.** A sentence that also overlaps strongly with a second sentence on the other
   side (one long sentence split in two) keeps that link in `AlignedRow.related`.

Rows follow A's order; sentences only B has are placed after the row of the B sentence
before them, so B's sentences keep their order except the moved ones.

A story of hundreds of articles needs every ordered pair's share (`analysis/overlap.py`), so
the work that depends on one article only is done once by `prepare` and reused by
`align_prepared` and `carried`; `align(a, b)` is exactly those two steps. Word weights
are summed with `math.fsum` and words visited in sorted order, so a result does not
depend on the order a set happens to iterate in (which changes with Python's per-process
hash seed): the matrix computed in one process equals `compare` run in another.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise

from sidebyside.analysis.candidates import Pair, Prepared, Scorer, Weights, choose_pairs, prepare
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


DEFAULT_PARAMS = AlignParams()


def align(a: Article, b: Article, params: AlignParams = DEFAULT_PARAMS) -> Alignment:
    """Align the sentences of `a` and `b`: every sentence in exactly one row, A's order."""
    memo: dict[str, frozenset[str]] = {}
    return align_prepared(a, b, prepare(a.sentences, memo), prepare(b.sentences, memo), params)


def align_prepared(
    a: Article, b: Article, side_a: Prepared, side_b: Prepared, params: AlignParams = DEFAULT_PARAMS
) -> Alignment:
    """`align(a, b)` with both articles already passed through `prepare` (same result)."""
    n_a, n_b = len(side_a.norm), len(side_b.norm)
    anchors, candidates, chosen = _match(side_a, side_b, params)
    pairs = anchors + chosen
    in_order = _in_order(pairs)
    related = _related(candidates, pairs, params)
    return Alignment(a=a, b=b, rows=_rows(n_a, n_b, pairs, in_order, related))


@dataclass(frozen=True)
class Bounds:
    """What a whole story guarantees about its sentence pairs (proved in `analysis/bounds.py`).

    `partners[t]` holds every normalised sentence `u` that could pair with sentence `t`
    (score at least `pair_threshold`, or be an exact copy) in some pairing of two of the
    story's articles; t itself included. A sentence missing from `partners` may pair with
    anything.
    """

    partners: Mapping[str, AbstractSet[str]]


def carried(
    side_a: Prepared,
    side_b: Prepared,
    params: AlignParams = DEFAULT_PARAMS,
    bounds: Bounds | None = None,
) -> int:
    """How many of A's sentences B carries: the paired rows `align` would return.

    The same stages 1 and 2 as `align`, without ordering, related links and rows, so
    `carried(prepare(a), prepare(b)) / len(a.sentences) == align(a, b).share_a_in_b`.
    Candidates below `pair_threshold` are not kept (only `related` would use them).

    With a story's `bounds`, a sentence of A with no partner left in B is not looked at
    (it has no candidate that could reach `pair_threshold`, and it weighs nothing in
    anyone else's score), and a proposed pair that is no partner is not scored.
    """
    return _carried(side_a, side_b, params, bounds, Weights(side_a, side_b, params), False)


def carried_both(
    side_a: Prepared,
    side_b: Prepared,
    params: AlignParams = DEFAULT_PARAMS,
    bounds: Bounds | None = None,
) -> tuple[int, int]:
    """`(carried(a, b), carried(b, a))`, weighing each word and scoring each pair once."""
    weights = Weights(side_a, side_b, params)
    return (
        _carried(side_a, side_b, params, bounds, weights, False),
        _carried(side_b, side_a, params, bounds, weights, True),
    )


def _carried(
    side_a: Prepared,
    side_b: Prepared,
    params: AlignParams,
    bounds: Bounds | None,
    weights: Weights,
    flipped: bool,
) -> int:
    """`carried` with the pair's `weights` given (`flipped`: A is the weights' B)."""
    n_a, n_b = len(side_a.norm), len(side_b.norm)
    anchors = _exact_in_order(side_a, side_b, params.max_copies)
    if len(anchors) == n_a or len(anchors) == n_b:
        return len(anchors)
    done_a, done_b = {p.a for p in anchors}, {p.b for p in anchors}
    rest_a = [i for i in range(n_a) if i not in done_a]
    partners = None
    if bounds is not None:
        partners = bounds.partners
        rest_b = [j for j in range(n_b) if j not in done_b]
        rest_a = _with_partner(side_a, side_b, rest_a, rest_b, partners)
        if not rest_a:
            return len(anchors)
    expected = _expected_positions(_unique(anchors, side_a, side_b), n_a, n_b)
    scorer = Scorer(side_a, side_b, params, expected, done_b, weights, flipped)
    candidates = scorer.candidates(rest_a, params.pair_threshold, partners)
    return len(anchors) + len(choose_pairs(candidates, params, expected))


def _match(side_a: Prepared, side_b: Prepared, params: AlignParams) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """Stages 1 and 2: the exact anchors, the scored candidates and the pairs chosen."""
    n_a, n_b = len(side_a.norm), len(side_b.norm)
    anchors = _exact_in_order(side_a, side_b, params.max_copies)
    if len(anchors) == n_a or len(anchors) == n_b:
        return anchors, [], []  # nothing left on one side: stage 2 has nothing to pair
    done_a, done_b = {p.a for p in anchors}, {p.b for p in anchors}
    rest_a = [i for i in range(n_a) if i not in done_a]
    expected = _expected_positions(_unique(anchors, side_a, side_b), n_a, n_b)
    scorer = Scorer(side_a, side_b, params, expected, done_b, Weights(side_a, side_b, params))
    candidates = scorer.candidates(rest_a, params.related_threshold)
    return anchors, candidates, choose_pairs(candidates, params, expected)


def _with_partner(
    side_a: Prepared,
    side_b: Prepared,
    rest_a: list[int],
    rest_b: list[int],
    partners: Mapping[str, AbstractSet[str]],
) -> list[int]:
    """The A sentences that have a possible partner among B's unpaired sentences."""
    left_b = {side_b.norm[j] for j in rest_b}
    out = []
    for i in rest_a:
        allowed = partners.get(side_a.norm[i])
        if allowed is None or not left_b.isdisjoint(allowed):
            out.append(i)
    return out


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


def _expected_positions(anchors: list[Pair], n_a: int, n_b: int) -> list[float]:
    """Where in B each A sentence would sit, interpolated between the anchors."""
    points = [(-1, -1.0)] + [(p.a, float(p.b)) for p in anchors] + [(n_a, float(n_b))]
    expected = [0.0] * n_a
    for (ia, ja), (ib, jb) in pairwise(points):
        step = (jb - ja) / (ib - ia)
        for i in range(ia + 1, ib):
            expected[i] = ja + (i - ia) * step
        if 0 <= ia < n_a:
            expected[ia] = ja
    return expected


# --- stage 3: order --------------------------------------------------------------------------


def _in_order(pairs: list[Pair]) -> set[int]:
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


def _row_of(i: int, pair: Pair | None, in_order: bool, related: tuple[int, ...]) -> AlignedRow:
    """The row of A sentence `i`, classified."""
    if pair is None:
        return AlignedRow(i, None, "only_a", 0.0, related)
    kind: RowKind = ("same" if pair.exact else "changed") if in_order else "moved"
    return AlignedRow(i, pair.b, kind, round(pair.score, 3), related)
