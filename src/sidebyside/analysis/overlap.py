"""The overlap matrix of a story, and each article's closest other article.

The journalist's first question about a folder of coverage is which articles carry
which: the share of each article's sentences that each other article carries
(identical, reworded or moved) -- exactly `align(a, b).share_a_in_b`, the figure
`compare` prints, for every ordered pair. Nothing here approximates it: the speed comes
from doing each piece of work once.

The matrix (`overlap_rows`, `overlap_matrix`) counts paired sentences with
`align.carried_both`: `align`'s own stages 1 and 2 for both directions of a pair,
without laying out rows. Articles with the same normalised text are computed once. A
story-wide proof (`analysis/bounds.py`) tells which sentences could ever pair, so a
sentence with no possible partner is skipped. Rows can be computed in forked worker
processes (`analysis/pool.py`); the result does not depend on the process, because
`align` adds its weights in a fixed order.

Matrices are lists of rows: `matrix[i][j]` is the share of article i's sentences that
article j carries; the diagonal is 1.0. A high share is likeness, not proof of copy:
`analysis/copy.py` asks for shared wording before it says one outlet ran another's copy.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sidebyside.analysis.align import DEFAULT_PARAMS, AlignParams, Bounds, Prepared, carried, carried_both
from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.copy import agency_of
from sidebyside.analysis.pool import Stopped, auto_workers, check_stop, forked_map, stop_when
from sidebyside.model import Article


@dataclass(frozen=True)
class OverlapRow:
    """One article's row: `shares[j]` is the share of its sentences that article j carries.

    `done` of `total` is how far the whole matrix is when this row lands, in pairs of
    distinct texts compared: rows do not cost the same (the first ones carry the most
    pairs), so a progress bar should follow these, not the count of rows.
    """

    index: int
    shares: tuple[float, ...]
    done: int = 0
    total: int = 0


#: Below this many articles a worker pool costs more than it saves.
POOL_MIN_ARTICLES = 60


def overlap_rows(
    articles: Sequence[Article],
    cache: AlignmentCache | None = None,
    *,
    workers: int | None = 1,
    params: AlignParams | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[OverlapRow]:
    """Every article's row of the overlap matrix, yielded as each is ready, in order.

    `workers=None` picks up to 2 processes for stories of `POOL_MIN_ARTICLES` or more
    (forked; see `analysis/pool.py`). Rows already in `cache` are not computed again, and
    every new row is recorded there as it lands. Closing the generator early stops the work (and the workers).

    `should_stop` is for work that may be abandoned from another thread (the TUI's, when
    the user quits): it is asked between two articles prepared, two chunks of the bounds
    and two pairs of texts compared, and once it says True the generator ends at once,
    without the rows not yet complete. The caller tells a stop from the end by asking it.
    """
    if len(articles) < 2:  # nothing to compare: no need to read the sentences at all
        yield from (OverlapRow(i, (1.0,)) for i in range(len(articles)))
        return
    cache = cache or AlignmentCache(params or DEFAULT_PARAMS)
    params = params or cache.params
    stored = cache.matrix_store(articles)
    if stored.complete():
        yield from (OverlapRow(i, tuple(stored.row(i) or ())) for i in range(len(articles)))
        return
    workers = _workers(workers, len(articles))
    try:
        with stop_when(should_stop):  # reaches the bounds' chunks too (they run in `forked_map`)
            work = _Work.of(articles, cache, params, workers)
        size = len(work.sides)
        total, done = size * (size - 1), 0
        counts: list[list[int]] = [[0] * size for _ in range(size)]
        for g, (ahead, back) in _group_rows(work, workers, should_stop):
            for h, (g_in_h, h_in_g) in enumerate(zip(ahead, back, strict=True), start=g + 1):
                counts[g][h], counts[h][g] = g_in_h, h_in_g
            done += 2 * len(ahead)
            if len(work.members[g]) > 1:  # several articles with this text
                counts[g][g] = carried(work.sides[g], work.sides[g], params)
            for i in work.members[g]:
                row = stored.row(i) or stored.put(i, _row(i, counts[g], work, articles))
                yield OverlapRow(i, tuple(row), done, total)
    except Stopped:
        return


def overlap_matrix(
    articles: Sequence[Article],
    cache: AlignmentCache | None = None,
    *,
    workers: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
) -> list[list[float]]:
    """The whole matrix; `progress(done_rows, total_rows)` after each row."""
    matrix: list[list[float]] = [[] for _ in articles]
    for done, row in enumerate(overlap_rows(articles, cache, workers=workers), start=1):
        matrix[row.index] = list(row.shares)
        if progress is not None:
            progress(done, len(articles))
    return matrix


@dataclass(frozen=True)
class _Work:
    """What the rows need: each distinct text prepared once, and the story's bounds."""

    group_of: tuple[int, ...]
    members: tuple[tuple[int, ...], ...]
    sides: tuple[Prepared, ...]
    bounds: Bounds | None
    params: AlignParams

    @classmethod
    def of(cls, articles: Sequence[Article], cache: AlignmentCache, params: AlignParams, workers: int = 1) -> _Work:
        from sidebyside.analysis.bounds import story_bounds

        group_of: list[int] = []
        members: list[list[int]] = []
        sides: list[Prepared] = []
        seen: dict[tuple[str, ...], int] = {}
        for i, article in enumerate(articles):
            check_stop()  # `stop_when` of `overlap_rows`
            side = cache.prepared(article)
            g = seen.setdefault(side.norm, len(sides))
            if g == len(sides):
                sides.append(side)
                members.append([])
            group_of.append(g)
            members[g].append(i)
        bounds = story_bounds(sides, params, workers) if _bounds_pay(sides) else None
        return cls(tuple(group_of), tuple(map(tuple, members)), tuple(sides), bounds, params)

    def counts(self, g: int, should_stop: Callable[[], bool] | None = None) -> tuple[list[int], list[int]]:
        """For each later text h: sentences of g that h carries, and of h that g carries.

        Row g is complete once the texts before it have had their turn, so doing the
        texts in order completes the rows in order. Raises `Stopped` between two pairs
        once `should_stop()` is true: one row of a big story is thousands of pairs.
        """
        side, bounds, params = self.sides[g], self.bounds, self.params
        ahead, back = [], []
        for other in self.sides[g + 1 :]:
            if should_stop is not None and should_stop():
                raise Stopped
            g_in_h, h_in_g = carried_both(side, other, params, bounds)
            ahead.append(g_in_h)
            back.append(h_in_g)
        return ahead, back


#: The story-wide bounds cost about a pass over each distinct sentence's candidate
#: partners and save work in every pair of texts: worth it from this many texts, for
#: articles of ordinary length (not for a pair of 200,000-sentence files).
BOUNDS_MIN_TEXTS = 8
BOUNDS_MAX_AVERAGE = 400


def _bounds_pay(sides: Sequence[Prepared]) -> bool:
    """Whether computing the story's bounds will save more than it costs (speed only)."""
    sentences = sum(len(side.norm) for side in sides)
    return len(sides) >= BOUNDS_MIN_TEXTS and sentences <= BOUNDS_MAX_AVERAGE * len(sides)


def _row(i: int, counts: list[int], work: _Work, articles: Sequence[Article]) -> array[float]:
    """Article i's row from its text's counts (the diagonal is 1.0 by definition)."""
    article = articles[i]
    row = array("d", (_share(counts[work.group_of[j]], article) for j in range(len(articles))))
    row[i] = 1.0
    return row


def _share(count: int, article: Article) -> float:
    """`Alignment.share_a_in_b` from a count of paired sentences (same division)."""
    return count / len(article.sentences) if article.sentences else 0.0


def _workers(workers: int | None, n: int) -> int:
    return auto_workers(n, POOL_MIN_ARTICLES) if workers is None else max(1, workers)


#: The work of the current matrix and its stop check, read by forked workers (never pickled).
_POOL_WORK: _Work | None = None
_POOL_STOP: Callable[[], bool] | None = None


def _pool_counts(g: int) -> tuple[list[int], list[int]]:
    assert _POOL_WORK is not None
    return _POOL_WORK.counts(g, _POOL_STOP)


def _group_rows(
    work: _Work, workers: int, should_stop: Callable[[], bool] | None = None
) -> Iterator[tuple[int, tuple[list[int], list[int]]]]:
    """(text, its counts against the later texts), text by text in order.

    With several workers the texts are handed out one at a time (the first ones have the
    most pairs) and the answers come back in order; a stop is then seen between two texts
    (a forked worker's copy of `should_stop` never changes), in this process between two pairs.
    """
    global _POOL_WORK, _POOL_STOP
    _POOL_WORK, _POOL_STOP = work, should_stop
    try:
        yield from enumerate(forked_map(_pool_counts, range(len(work.sides)), workers, should_stop=should_stop))
    finally:
        _POOL_WORK, _POOL_STOP = None, None


@dataclass(frozen=True)
class Closest:
    """The other article that carries most of this one, and that share (None when alone)."""

    article: str
    other: str | None
    share: float


def closest(articles: Sequence[Article], matrix: Sequence[Sequence[float]]) -> list[Closest]:
    """Each article's closest other article.

    The highest share; among equals, the one that carries it back most, then a news
    agency (the likelier source of copy many outlets ran word for word), then the first.
    """
    agency = [agency_of(a.outlet) is not None for a in articles]  # a tie goes to the agency
    out = []
    for i, article in enumerate(articles):
        others = [j for j in range(len(articles)) if j != i]
        if not others:
            out.append(Closest(article.id, None, 0.0))
            continue
        j = min(others, key=lambda j: (-matrix[i][j], -matrix[j][i], not agency[j], j))
        out.append(Closest(article.id, articles[j].id, matrix[i][j]))
    return out
