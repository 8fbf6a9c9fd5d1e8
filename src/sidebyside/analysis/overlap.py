"""The overlap matrix of a story, and each article's closest other article.

The journalist's first question about a folder of coverage is which articles carry
which: the share of each article's sentences that each other article carries
(identical, reworded or moved) -- `align(a, b).share_a_in_b`, the figure `compare`
prints, for every ordered pair. Articles with the same normalised text are computed once.

Up to `EXACT_MAX_TEXTS` distinct texts, every cell is exactly that figure: `align`'s own
stages 1 and 2 for both directions of each pair (`align.carried_both`), without laying
out rows. Beyond, pairs of articles grow as the square of the story and most of them
share nothing worth a cell, so the matrix comes from the story-wide sentence index
(`analysis/sentence_index.py`: every distinct sentence paired once, every share from two
sparse products), and the cells a decision depends on are then rechecked exactly with
`align`'s rule (`_recheck`): in each row, the `RECHECK_TOP` highest estimates and every
estimate within `RECHECK_MARGIN` of the best share found exactly, round after round until
no row asks for more. So each article's closest article and the nearest articles that
`analysis/copy.py` checks for shared wording rest on exact shares; the other cells are
estimates (for 300 generated articles, benchmarks/story.py: closest unchanged for 99.7%,
mean difference of a cell 0.004).

Rechecks can run in forked worker processes (`analysis/pool.py`); the result does not
depend on the process, because `align` adds its weights in a fixed order.

Matrices are lists of rows: `matrix[i][j]` is the share of article i's sentences that
article j carries; the diagonal is 1.0. A high share is likeness, not proof of copy:
`analysis/copy.py` asks for shared wording before it says one outlet ran another's copy.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sidebyside.analysis.align import DEFAULT_PARAMS, AlignParams, Prepared, carried, carried_both
from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.candidates import Words
from sidebyside.analysis.copy import agency_of
from sidebyside.analysis.pool import Stopped, auto_workers, check_stop, forked_map, stop_when
from sidebyside.model import Article, Closest

if TYPE_CHECKING:
    import numpy as np


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
#: Up to this many distinct texts every cell is computed exactly (a second or so).
EXACT_MAX_TEXTS = 40
#: In each row of a bigger story, the highest estimates rechecked exactly ...
RECHECK_TOP = 3
#: ... and every estimate within this of the best share found exactly in the row, ...
RECHECK_MARGIN = 0.05
#: ... once that best is at least this. An article that shares less with any other is
#: mostly its own reporting: its closest rests on a sentence or two that hundreds of
#: articles may share, so only the estimates that reach its best exact share are
#: rechecked: every one above it, and of those equal to it, `RECHECK_TIES`.
RECHECK_FLOOR = 0.2
RECHECK_TIES = 10
#: Shares closer than this are equal (an estimate and an exact share of the same count).
EPS = 1e-12
#: Pairs of texts rechecked per task handed to a worker process.
RECHECK_CHUNK = 64


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
    every new row is recorded there as it lands. Closing the generator early stops the
    work (and the workers). In a story of more than `EXACT_MAX_TEXTS` texts the rows all
    land at the end (a recheck may still change any row until then), after the estimate
    and the rechecks, which take seconds rather than the minutes of every pair.

    `should_stop` is for work that may be abandoned from another thread (the TUI's, when
    the user quits): it is asked between two articles prepared, two blocks of the
    estimate and two pairs of texts compared, and once it says True the generator ends
    at once, without the rows not yet complete. The caller tells a stop from the end by
    asking it.
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
        with stop_when(should_stop):
            work = _Work.of(articles, cache, params)
            if len(work.sides) > EXACT_MAX_TEXTS:
                rows = _estimated_rows(work, cache.words, workers, should_stop)
            else:
                rows = _exact_rows(work, workers, should_stop)
            for g, shares, done, total in rows:
                for i in work.members[g]:
                    row = stored.row(i) or stored.put(i, _row(i, shares, work, articles))
                    yield OverlapRow(i, tuple(row), done, total)
    except Stopped:
        return


def _exact_rows(
    work: _Work, workers: int, should_stop: Callable[[], bool] | None
) -> Iterator[tuple[int, list[float], int, int]]:
    """(text, its shares of every text, pairs done, pairs in all), text by text in order.

    Row g is complete once the texts before it have had their turn, so doing the texts in
    order completes the rows in order.
    """
    size = len(work.sides)
    total, done = size * (size - 1), 0
    counts: list[list[int]] = [[0] * size for _ in range(size)]
    for g, (ahead, back) in _group_rows(work, workers, should_stop):
        for h, (g_in_h, h_in_g) in enumerate(zip(ahead, back, strict=True), start=g + 1):
            counts[g][h], counts[h][g] = g_in_h, h_in_g
        done += 2 * len(ahead)
        yield g, _shares(counts[g], work.sides[g], work, g), done, total


def _estimated_rows(
    work: _Work, words: Words, workers: int, should_stop: Callable[[], bool] | None
) -> Iterator[tuple[int, list[float], int, int]]:
    """The rows of a big story: the index's estimates, with every cell that matters exact."""
    from sidebyside.analysis.sentence_index import estimated_shares

    estimate = estimated_shares(work.sides, words, work.params)
    exact = _recheck(work, estimate, workers, should_stop)
    by_row: dict[int, list[tuple[int, int]]] = {}
    for (g, h), count in exact.items():
        by_row.setdefault(g, []).append((h, count))
    for g in range(len(estimate)):
        check_stop()  # a row at a time: 10,000 rows of 10,000 cells take seconds to convert
        row = estimate[g].tolist()
        for h, count in by_row.get(g, ()):
            row[h] = _share(count, work.sides[g])
        if len(work.members[g]) > 1:  # several articles with this text
            row[g] = _share(carried(work.sides[g], work.sides[g], work.params, words), work.sides[g])
        yield g, row, len(exact), len(exact)


def _recheck(
    work: _Work, estimate: np.ndarray, workers: int, should_stop: Callable[[], bool] | None
) -> dict[tuple[int, int], int]:
    """Exact counts of the cells a row's decision needs: (g, h) -> sentences of g that h carries.

    In each row, in order of estimate (then of the estimate the other way): the first
    `RECHECK_TOP` with an estimate above 0, and each one after while its estimate is
    within `RECHECK_MARGIN` of the best share the row has exactly (below `RECHECK_FLOOR`:
    above it, and `RECHECK_TIES` equal to it); and, where the best exact share is tied,
    the other way round for each tied cell (`closest` breaks the tie on it). Rounds until no row asks for another
    cell (two or three, in practice); the cells of a round are spread over `workers`
    processes.
    """
    import numpy as np

    size = len(work.sides)
    orders = []
    for g in range(size):
        check_stop()  # thousands of rows of thousands of cells: the user may quit meanwhile
        row = estimate[g]
        others = [h for h in np.flatnonzero(row > 0).tolist() if h != g]
        others.sort(key=lambda h: (-row[h], -estimate[h, g], h))
        orders.append(others)
    best = [float(estimate[g, order[0]]) if order else 0.0 for g, order in enumerate(orders)]
    exact: dict[tuple[int, int], int] = {}
    while True:
        wanted: dict[tuple[int, int], None] = {}
        for g, order in enumerate(orders):
            check_stop()
            row, low, ties = estimate[g], best[g] < RECHECK_FLOOR, 0
            bar = best[g] if low else best[g] - RECHECK_MARGIN
            for rank, h in enumerate(order):
                if rank >= RECHECK_TOP:
                    if row[h] < bar - EPS:
                        break
                    if low and row[h] <= best[g] + EPS:
                        ties += 1
                        if ties > RECHECK_TIES:
                            break
                if (g, h) not in exact:
                    wanted[(g, h)] = None
            known = [(exact[(g, h)], h) for h in order if (g, h) in exact]
            top = max((count for count, _ in known), default=None)
            for count, h in known:
                if count == top and (h, g) not in exact:
                    wanted[(h, g)] = None
        if not wanted:
            return exact
        # A pair wanted both ways is computed as one (`carried_both` shares the work).
        tasks = [(g, h, (h, g) in wanted) for g, h in wanted if (h, g) not in wanted or g < h]
        chunks = [tasks[k : k + RECHECK_CHUNK] for k in range(0, len(tasks), RECHECK_CHUNK)]
        for results in _pool_map(work, chunks, workers, should_stop):
            exact.update(results)
        for g, order in enumerate(orders):
            found = [exact[(g, h)] for h in order if (g, h) in exact]
            best[g] = _share(max(found, default=0), work.sides[g])


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
    """What the rows need: each distinct text prepared once, and who has which text."""

    group_of: tuple[int, ...]
    members: tuple[tuple[int, ...], ...]
    sides: tuple[Prepared, ...]
    params: AlignParams
    words: Words

    @classmethod
    def of(cls, articles: Sequence[Article], cache: AlignmentCache, params: AlignParams) -> _Work:
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
        return cls(tuple(group_of), tuple(map(tuple, members)), tuple(sides), params, cache.words)

    def counts(self, g: int, should_stop: Callable[[], bool] | None = None) -> tuple[list[int], list[int]]:
        """For each later text h: sentences of g that h carries, and of h that g carries.

        Raises `Stopped` between two pairs once `should_stop()` is true: one row of a big
        story is many pairs.
        """
        ahead, back = [], []
        for h in range(g + 1, len(self.sides)):
            check_stop(should_stop)
            g_in_h, h_in_g = self.pair(g, h)
            ahead.append(g_in_h)
            back.append(h_in_g)
        return ahead, back

    def pair(self, g: int, h: int) -> tuple[int, int]:
        """(sentences of text g that text h carries, and of h that g carries), exactly."""
        return carried_both(self.sides[g], self.sides[h], self.params, self.words)

    def cells(self, g: int, h: int, both: bool) -> list[tuple[tuple[int, int], int]]:
        """The exact counts of cell (g, h), and of (h, g) if `both`."""
        if both:
            g_in_h, h_in_g = self.pair(g, h)
            return [((g, h), g_in_h), ((h, g), h_in_g)]
        return [((g, h), carried(self.sides[g], self.sides[h], self.params, self.words))]


def _row(i: int, shares: list[float], work: _Work, articles: Sequence[Article]) -> array[float]:
    """Article i's row from its text's shares (the diagonal is 1.0 by definition)."""
    row = array("d", (shares[work.group_of[j]] for j in range(len(articles))))
    row[i] = 1.0
    return row


def _shares(counts: list[int], side: Prepared, work: _Work, g: int) -> list[float]:
    """A text's shares from its counts; articles that share the text carry it whole."""
    if len(work.members[g]) > 1:
        counts = list(counts)
        counts[g] = carried(side, side, work.params)
    return [_share(c, side) for c in counts]


def _share(count: int, side: Prepared) -> float:
    """`Alignment.share_a_in_b` from a count of paired sentences (same division)."""
    return count / len(side.norm) if side.norm else 0.0


def _workers(workers: int | None, n: int) -> int:
    return auto_workers(n, POOL_MIN_ARTICLES) if workers is None else max(1, workers)


#: The work of the current matrix and its stop check, read by forked workers (never pickled).
_POOL_WORK: _Work | None = None
_POOL_STOP: Callable[[], bool] | None = None


def _pool_counts(g: int) -> tuple[list[int], list[int]]:
    assert _POOL_WORK is not None
    return _POOL_WORK.counts(g, _POOL_STOP)


def _pool_cells(tasks: list[tuple[int, int, bool]]) -> list[tuple[tuple[int, int], int]]:
    assert _POOL_WORK is not None
    out = []
    for g, h, both in tasks:
        check_stop(_POOL_STOP)
        out.extend(_POOL_WORK.cells(g, h, both))
    return out


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


def _pool_map(
    work: _Work, chunks: list[list[tuple[int, int, bool]]], workers: int, should_stop: Callable[[], bool] | None
) -> Iterator[list[tuple[tuple[int, int], int]]]:
    """`work.cells` of every task of each chunk, chunk by chunk, over `workers` processes."""
    global _POOL_WORK, _POOL_STOP
    _POOL_WORK, _POOL_STOP = work, should_stop
    try:
        yield from forked_map(_pool_cells, chunks, workers, should_stop=should_stop)
    finally:
        _POOL_WORK, _POOL_STOP = None, None


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
