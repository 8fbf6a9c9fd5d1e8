"""One story as a collation table: each row a sentence and its counterparts in every article.

A desk editor with eleven versions of one story asks "where does this sentence appear,
and how did each outlet change it?". Manuscript collation tools answer that for N
witnesses in one table; this module builds that table for news, headless, so the
`collate` command and the TUI's Story screen show the same rows.

How it is built, from what `compare` already trusts:

1. **Evidence.** Every pair of articles is aligned (`AlignmentCache.get`, so Compare
   reuses the work later; a big story's pairs on forked worker processes when the caller
   allows it, as `sidebyside collate` and `report` do: the same rows, `align` being the
   same in every process). Each paired row of an alignment (same, changed or moved) says
   "these two sentences are one", with the row's similarity.
2. **Rows.** The evidence is merged greedily, strongest first, into groups (a
   union-find), refusing any merge that would put two sentences of one article in one
   group, or that most of the alignments between the two groups did not make (one weak
   pairing must not chain two sentences many outlets carry into one row). So every
   sentence of every article stands in exactly one row, and a sentence one outlet split
   in two joins the half its counterpart was aligned with, the other half keeping a row
   of its own.
3. **Reading order.** Each article says its sentence s comes before its sentence s + 1;
   these links are taken column by column, in column order, and one that contradicts
   the links already kept (a moved sentence) is dropped, so a move costs only its own
   link and does not scramble the rest. The rows are a topological order of the kept
   links, the leftmost article's sentences first where several may come next (as
   `compare` reads A's own sentences of a gap before B's). Each column reads in
   increasing order except its moved sentences.
4. **Reference.** Each row's cell to compare the others with: the earliest-dated
   article's (fullest first among equal dates), else the fullest (most words) version,
   then the first column: who printed it first, or the most complete wording.

Columns are ordered by date (earliest first, undated last, ties as loaded), by
closeness (the article closest to all others first, then each time the one closest to
an article already placed) or as loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from heapq import heapify, heappop, heappush
from typing import Literal

from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.pool import auto_workers, forked_map
from sidebyside.analysis.text import normalise
from sidebyside.analysis.worddiff import EQUAL, INSERT, Op, tokenize, word_diff
from sidebyside.model import AlignedRow, Alignment, Article, Stopped

ColumnOrder = Literal["date", "closeness", "file"]
#: Two groups of sentences become one row only if their alignments paired at least this
#: share of the pairs of sentences between them (see `_groups`).
MIN_LINKAGE = 0.5
#: A cell sharing less than this share of its words with the reference is a rewrite (`kept_share`).
REWRITTEN_BELOW = 0.5
#: Pairs left to align from which `workers=None` uses the pool (30 articles: about half a
#: second of work, more than starting two processes costs), and pairs per task handed out.
POOL_MIN_PAIRS = 400
POOL_CHUNK = 64


@dataclass(frozen=True)
class CollatedRow:
    """One sentence across the story: each column's sentence index in it, or None."""

    cells: tuple[int | None, ...]  # one per column (Collation.articles order)
    reference: int  # the column whose sentence is the row's reference


@dataclass(frozen=True)
class Collation:
    """Every sentence of every article in exactly one row; rows in reading order."""

    articles: tuple[Article, ...]  # column order
    rows: tuple[CollatedRow, ...]

    @cached_property
    def _where(self) -> dict[tuple[int, int], int]:
        """(column, sentence) -> row, built on first use: a screen opens many rows by sentence."""
        return {(c, s): r for r, row in enumerate(self.rows) for c, s in enumerate(row.cells) if s is not None}


def collate(
    articles: Sequence[Article],
    cache: AlignmentCache | None = None,
    order: ColumnOrder = "date",
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = 1,
) -> Collation:
    """The collation of `articles`, columns in `order` (see the module docstring).

    Aligns every pair through `cache` (a new one when None); `workers=None` lets a big
    story's pairs run on up to two forked processes (`analysis/pool.py`: never from a
    thread of an app, which is why 1 is the default). `should_stop` is asked between two
    pairs (two tasks of the pool); once it says True, `model.Stopped` is raised (the
    caller has gone: nothing half-built is returned). `progress(done, total)` is called
    as pairs are done, for a progress bar.
    """
    cache = cache or AlignmentCache()
    loaded = tuple(articles)
    alignments = _align_pairs(loaded, cache, should_stop, progress, workers)
    columns = _column_order(loaded, alignments, order)
    position = {file_index: column for column, file_index in enumerate(columns)}
    groups = _groups(loaded, alignments)
    cells_of: list[dict[int, int]] = []  # each group: column -> sentence
    for members in groups:
        cells_of.append({position[i]: s for i, s in members})
    ordered = tuple(loaded[i] for i in columns)
    rows = []
    for g in _reading_order(ordered, cells_of):
        cells = tuple(cells_of[g].get(c) for c in range(len(ordered)))
        rows.append(CollatedRow(cells, _reference(ordered, cells)))
    return Collation(ordered, tuple(rows))


# --- helpers a view needs ---------------------------------------------------------------------


def carried_by(row: CollatedRow) -> int:
    """How many articles carry the row's sentence."""
    return sum(1 for s in row.cells if s is not None)


def filter_rows(collation: Collation, *, min_outlets: int = 1, only_one: bool = False) -> tuple[int, ...]:
    """Indexes of the rows carried by at least `min_outlets` articles (with `only_one`:
    by exactly one, what every other outlet left out), in reading order."""
    return tuple(
        r
        for r, row in enumerate(collation.rows)
        if carried_by(row) >= min_outlets and (not only_one or carried_by(row) == 1)
    )


def row_of(collation: Collation, column: int, sentence: int) -> int:
    """The row holding sentence `sentence` of the article in `column` (to open a quote's row).

    Raises KeyError for a sentence the article does not have.
    """
    return collation._where[(column, sentence)]


def column_of(collation: Collation, article_id: str) -> int:
    """The column of the article with this id. Raises KeyError for an id not in the collation."""
    for column, article in enumerate(collation.articles):
        if article.id == article_id:
            return column
    raise KeyError(article_id)


def cell_text(collation: Collation, row: CollatedRow, column: int) -> str | None:
    """The sentence of `column` in `row`, or None when that article does not carry it."""
    sentence = row.cells[column]
    return None if sentence is None else collation.articles[column].sentences[sentence]


def cell_changes(collation: Collation, row: CollatedRow, column: int) -> list[Op] | None:
    """The cell's word changes against the row's reference (`worddiff` ops: deletions are
    the reference's words this outlet does not print, insertions its own); None for an
    empty cell or the reference itself.

    A sentence that differs from the reference only in typography (curly or straight
    quotes, a hyphen for a dash) is the same sentence, as `compare` calls it "same": one
    EQUAL op, so no view marks a change an editor cannot see.
    """
    text = cell_text(collation, row, column)
    if text is None or column == row.reference:
        return None
    reference = cell_text(collation, row, row.reference)
    assert reference is not None  # the reference column always carries the row
    if normalise(text) == normalise(reference):
        return [(EQUAL, text)]
    return word_diff(reference, text)


CellKind = Literal["reference", "same", "reworded", "changed"]


@dataclass(frozen=True)
class CollatedCell:
    """One outlet's version of a row's sentence, as every view shows it.

    `kind`: the row's "reference"; the "same" words (typography aside); "reworded", most
    of its words its own, shown whole (marking every word shows nothing a reader can
    use); else "changed", shown with its word `changes` against the reference.
    """

    kind: CellKind
    sentence: int  # its index in its article
    text: str
    changes: tuple[Op, ...]  # empty unless kind == "changed"


def collated_cell(collation: Collation, row: CollatedRow, column: int) -> CollatedCell | None:
    """The cell of `column` in `row` as every view shows it; None where that article does
    not carry the sentence. The Story screen, `collate` and the report all ask this, so
    one cell is never "same" in one and "reworded" in another."""
    sentence = row.cells[column]
    text = cell_text(collation, row, column)
    if sentence is None or text is None:
        return None
    changes = cell_changes(collation, row, column)
    if changes is None:
        return CollatedCell("reference", sentence, text, ())
    if all(op == EQUAL for op, _ in changes):
        return CollatedCell("same", sentence, text, ())
    if kept_share(changes) < REWRITTEN_BELOW:
        return CollatedCell("reworded", sentence, text, ())
    return CollatedCell("changed", sentence, text, tuple(changes))


def kept_share(changes: list[Op]) -> float:
    """The share of a cell's words that are the reference's words, from its `cell_changes`.

    Below `REWRITTEN_BELOW` the outlet rewrote the sentence: marking every word shows
    nothing a reader can use, so views print such a cell whole, marked as reworded.
    """
    kept = added = 0
    for op, text in changes:
        words = sum(1 for token in tokenize(text) if token[0].isalnum())
        if op == EQUAL:
            kept += words
        elif op == INSERT:
            added += words
    return kept / (kept + added) if kept + added else 1.0


# --- 1. evidence ---------------------------------------------------------------------------------


def _align_pairs(
    articles: tuple[Article, ...],
    cache: AlignmentCache,
    should_stop: Callable[[], bool] | None,
    progress: Callable[[int, int], None] | None,
    workers: int | None = 1,
) -> dict[tuple[int, int], Alignment]:
    """(i, j) -> align(articles[i], articles[j]) for every i < j, in loading order.

    The pairs the cache lacks go to the pool when there are enough of them and `workers`
    allows it (`collate`); each worker sends back rows only, and the alignments are
    built here on this process's articles and kept in the cache.
    """
    n = len(articles)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    missing = [(i, j) for i, j in pairs if not cache.has(articles[i], articles[j])]
    workers = auto_workers(len(missing), POOL_MIN_PAIRS) if workers is None else workers
    pooled = workers > 1 and len(missing) >= 2 * POOL_CHUNK
    if pooled:  # reports the progress itself; every pair is in the cache afterwards
        _pool_align(articles, cache, missing, workers, should_stop, progress, done=len(pairs) - len(missing))
    out: dict[tuple[int, int], Alignment] = {}
    for i, j in pairs:
        if should_stop is not None and should_stop():
            raise Stopped
        out[(i, j)] = cache.get(articles[i], articles[j])
        if progress is not None and not pooled:
            progress(len(out), len(pairs))
    return out


#: The articles and cache of the collation being built, read by forked workers (never pickled).
_POOL_ARTICLES: tuple[Article, ...] = ()
_POOL_CACHE: AlignmentCache | None = None


def _pool_rows(task: list[tuple[int, int]]) -> list[tuple[AlignedRow, ...]]:
    """In a worker: the rows of each pair of the task."""
    assert _POOL_CACHE is not None
    return [_POOL_CACHE.get(_POOL_ARTICLES[i], _POOL_ARTICLES[j]).rows for i, j in task]


def _pool_align(
    articles: tuple[Article, ...],
    cache: AlignmentCache,
    missing: list[tuple[int, int]],
    workers: int,
    should_stop: Callable[[], bool] | None,
    progress: Callable[[int, int], None] | None,
    done: int,
) -> None:
    """Align the `missing` pairs on `workers` forked processes, into `cache`."""
    global _POOL_ARTICLES, _POOL_CACHE
    total = done + len(missing)
    tasks = [missing[k : k + POOL_CHUNK] for k in range(0, len(missing), POOL_CHUNK)]
    _POOL_ARTICLES, _POOL_CACHE = articles, cache
    try:
        for task, rows in zip(tasks, forked_map(_pool_rows, tasks, workers, should_stop=should_stop), strict=True):
            for (i, j), pair_rows in zip(task, rows, strict=True):
                cache.add(Alignment(articles[i], articles[j], pair_rows))
            done += len(task)
            if progress is not None:
                progress(done, total)
    finally:
        _POOL_ARTICLES, _POOL_CACHE = (), None


# --- 2. rows -------------------------------------------------------------------------------------


def _groups(articles: tuple[Article, ...], alignments: dict[tuple[int, int], Alignment]) -> list[list[tuple[int, int]]]:
    """The sentences merged into rows: each group a list of (article, sentence).

    Evidence is taken strongest first (ties in a fixed order, so the result never depends
    on set or dict iteration). A merge is refused when it would give one article two
    sentences in a group; when fewer than `MIN_LINKAGE` of the pairs of sentences it
    would join were paired by their alignment (versions of one sentence are paired by
    nearly every alignment between them, and one weak pairing must not chain two
    sentences carried by many outlets into one row); or when the alignments that paired
    one of its sentences with another sentence of the other side's article are as many as
    those that support it. A sentence that A's alignment with C pairs with C's sentence 6
    does not join C's sentence 5 because B's alignments paired it with both. Every
    sentence ends in exactly one group.
    """
    offset = [0]
    for article in articles:
        offset.append(offset[-1] + len(article.sentences))
    owner = [i for i, article in enumerate(articles) for _ in article.sentences]
    parent = list(range(offset[-1]))
    columns: list[set[int]] = [{owner[node]} for node in range(offset[-1])]  # valid at roots
    links: list[dict[int, int]] = [{} for _ in range(offset[-1])]  # root -> other root -> pairings

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    evidence = [
        (-row.similarity, offset[i] + row.a, offset[j] + row.b)
        for (i, j), alignment in alignments.items()
        for row in alignment.rows
        if row.a is not None and row.b is not None
    ]
    evidence.sort()
    partner: dict[tuple[int, int], int] = {}  # (sentence, other article) -> the sentence its alignment paired
    for _, x, y in evidence:
        links[x][y] = links[x].get(y, 0) + 1
        links[y][x] = links[y].get(x, 0) + 1
        partner[(x, owner[y])] = y
        partner[(y, owner[x])] = x
    held: list[dict[int, int]] = [{owner[node]: node} for node in range(offset[-1])]  # at roots: article -> node

    def contradicted(xs: dict[int, int], ys: dict[int, int]) -> int:
        """How many article pairs' alignments paired a sentence of one side with another
        sentence of the other side's article."""
        return sum(
            1
            for i, x in xs.items()
            for j, y in ys.items()
            if partner.get((x, j), y) != y or partner.get((y, i), x) != x
        )

    for _, x, y in evidence:
        x, y = root(x), root(y)
        if x == y or not columns[x].isdisjoint(columns[y]):
            continue
        support = links[x][y]
        if support < MIN_LINKAGE * len(columns[x]) * len(columns[y]):
            continue
        if support <= contradicted(held[x], held[y]):
            continue
        if len(links[x]) < len(links[y]):
            x, y = y, x
        parent[y] = x
        columns[x] |= columns[y]
        columns[y] = set()
        held[x].update(held[y])
        held[y] = {}
        del links[x][y]
        for w, count in links[y].items():  # y's pairings are x's now
            if w != x:
                links[x][w] = links[x].get(w, 0) + count
                links[w][x] = links[w].get(x, 0) + count
                del links[w][y]
        links[y] = {}

    members: dict[int, list[tuple[int, int]]] = {}
    for node in range(offset[-1]):
        members.setdefault(root(node), []).append((owner[node], node - offset[owner[node]]))
    return list(members.values())


# --- 3. reading order ------------------------------------------------------------------------------


def _reading_order(articles: tuple[Article, ...], cells_of: list[dict[int, int]]) -> list[int]:
    """The groups in reading order (see the module docstring).

    "Sentence s comes before sentence s + 1" is taken from each column in turn, in column
    order, and kept unless it contradicts what was kept before (a cycle: a moved
    sentence). The rows are then a topological order of what was kept; among rows free to
    come next, the one whose first column is leftmost, then earliest in it, so one
    article's own sentences stay together and precede the next article's in a gap.
    """
    group_at: list[dict[int, int]] = [{} for _ in articles]  # column -> sentence -> group
    for g, cells in enumerate(cells_of):
        for column, sentence in cells.items():
            group_at[column][sentence] = g
    before = _Precedence(len(cells_of))
    for column, article in enumerate(articles):
        for s in range(1, len(article.sentences)):
            before.add(group_at[column][s - 1], group_at[column][s])
    home = [min(cells.items()) for cells in cells_of]  # (leftmost column, its sentence)
    waiting = [len(before.pred[g]) for g in range(len(cells_of))]
    ready = [(home[g], g) for g in range(len(cells_of)) if not waiting[g]]
    heapify(ready)
    order: list[int] = []
    while ready:
        _, g = heappop(ready)
        order.append(g)
        for nxt in before.succ[g]:
            waiting[nxt] -= 1
            if not waiting[nxt]:
                heappush(ready, (home[nxt], nxt))
    return order


class _Precedence:
    """ "a before b" links between groups, kept acyclic as they are added.

    A link that would close a cycle is refused. A topological order of the nodes is kept
    up to date (Pearce and Kelly's dynamic algorithm), so a link that agrees with it costs
    nothing, and one that does not searches only the nodes between its two ends.
    """

    def __init__(self, size: int) -> None:
        self.succ: list[set[int]] = [set() for _ in range(size)]
        self.pred: list[set[int]] = [set() for _ in range(size)]
        self._place = list(range(size))  # a topological order: every link goes to a larger place

    def add(self, a: int, b: int) -> None:
        """Keep "a before b", unless b already comes before a."""
        place = self._place
        low, high = place[b], place[a]
        if low < high:
            ahead = self._reach(b, self.succ, lambda w: place[w] <= high)
            if a in ahead:
                return
            behind = self._reach(a, self.pred, lambda w: place[w] > low)
            moved = sorted(behind, key=place.__getitem__) + sorted(ahead, key=place.__getitem__)
            for node, slot in zip(moved, sorted(place[w] for w in moved), strict=True):
                place[node] = slot
        self.succ[a].add(b)
        self.pred[b].add(a)

    @staticmethod
    def _reach(start: int, links: list[set[int]], inside: Callable[[int], bool]) -> list[int]:
        """The nodes reachable from `start` along `links` without leaving `inside`."""
        seen = {start}
        stack = [start]
        while stack:
            for w in links[stack.pop()]:
                if w not in seen and inside(w):
                    seen.add(w)
                    stack.append(w)
        return list(seen)


# --- 4. reference ----------------------------------------------------------------------------------


def _reference(articles: tuple[Article, ...], cells: tuple[int | None, ...]) -> int:
    """The column whose sentence the row's others are compared with.

    The earliest-dated article carrying the row; among equal dates, or with no date at
    all, the fullest version (most words, then most characters); then the first column.
    """
    present = [c for c, s in enumerate(cells) if s is not None]
    dated = [c for c in present if articles[c].date is not None]
    if dated:
        earliest = min(articles[c].date or "" for c in dated)
        present = [c for c in dated if articles[c].date == earliest]

    def fullness(column: int) -> tuple[int, int, int]:
        text = articles[column].sentences[cells[column] or 0]
        return (-len(text.split()), -len(text), column)

    return min(present, key=fullness)


# --- column order ----------------------------------------------------------------------------------


def _column_order(
    articles: tuple[Article, ...], alignments: dict[tuple[int, int], Alignment], order: ColumnOrder
) -> list[int]:
    """Loading indexes of the articles in column order."""
    indexes = list(range(len(articles)))
    if order == "date":
        return sorted(indexes, key=lambda i: articles[i].publication_order)
    if order == "closeness":
        return _by_closeness(len(articles), _closeness(articles, alignments))
    return indexes


def _closeness(articles: tuple[Article, ...], alignments: dict[tuple[int, int], Alignment]) -> list[list[float]]:
    """How close each two articles are: the mean of the share of each carried by the other."""
    n = len(articles)
    close = [[0.0] * n for _ in range(n)]
    for (i, j), alignment in alignments.items():
        paired = sum(1 for row in alignment.rows if row.a is not None and row.b is not None)
        shares = [paired / len(articles[k].sentences) if articles[k].sentences else 0.0 for k in (i, j)]
        close[i][j] = close[j][i] = sum(shares) / 2
    return close


def _by_closeness(n: int, close: list[list[float]]) -> list[int]:
    """The article closest to all others first, then each time the one closest to an
    article already placed (ties: closest to all placed, then loading order), so outlets
    that ran one copy stand side by side."""
    if n == 0:
        return []
    first = min(range(n), key=lambda i: (-sum(close[i]), i))
    placed = [first]
    left = [i for i in range(n) if i != first]
    while left:
        nxt = min(left, key=lambda j: (-max(close[p][j] for p in placed), -sum(close[p][j] for p in placed), j))
        placed.append(nxt)
        left.remove(nxt)
    return placed
