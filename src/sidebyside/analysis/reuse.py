"""Who ran whose copy: the overlap matrix of a story, each article's closest, and direction.

The journalist's first question about a folder of coverage is which outlets ran the same
wire copy. The answer is the share of each article's sentences that each other article
carries (identical, reworded or moved): exactly `align(a, b).share_a_in_b`, the figure
`compare` prints, for every ordered pair. Nothing here approximates it: the speed comes
from doing each piece of work once.

* `AlignmentCache` prepares each article once (normalised sentences, word sets, its own
  inverted index), aligns each ordered pair at most once per session, and remembers
  every share the matrix computes; the Compare screen and the matrix share one.
* The matrix (`overlap_rows`, `overlap_matrix`; one row on demand:
  `overlap_row`) counts paired sentences with `align.carried_both`: `align`'s own stages
  1 and 2 for both directions of a pair, without laying out rows, weighing each word and
  scoring each sentence pair once. Articles with the same normalised text are computed
  once. A story-wide proof (`analysis/bounds.py`) tells which sentences could ever pair,
  so a sentence with no possible partner left in the other article is skipped and a
  proposed pair that could not reach the threshold is not scored. Rows can be computed
  in forked worker processes (`analysis/pool.py`); the result does not depend on the
  process, because `align` adds its weights in a fixed order.
* `closest` names each article's nearest other article; `find_reuse` says who copied
  whom where the text says so (a credit such as "told Reuters" naming the other
  article's outlet, the other outlet being a news agency, both crediting the same
  agency) or where containment is lopsided (nearly all of A inside a longer B), and
  `reuse_line` writes the sentence a report prints.

Matrices are lists of rows: `matrix[i][j]` is the share of article i's sentences that
article j carries; the diagonal is 1.0.
"""

from __future__ import annotations

import re
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from sidebyside.analysis.align import (
    DEFAULT_PARAMS,
    AlignParams,
    Bounds,
    Prepared,
    align_prepared,
    carried,
    carried_both,
    prepare,
)
from sidebyside.analysis.pool import auto_workers, forked_map
from sidebyside.model import Alignment, Article

# --- the cache -------------------------------------------------------------------------------


class AlignmentCache:
    """Prepared articles, alignments and shares of one session, keyed by article path.

    Safe to fill from a worker thread while the UI thread reads: every dictionary is
    guarded by one lock, and a pair is computed under that lock, so two threads asking
    for it at once compute it once. A path stands for the article loaded from it; a
    story reloaded from changed files needs a new cache.
    """

    def __init__(self, params: AlignParams = DEFAULT_PARAMS) -> None:
        self.params = params
        self._lock = threading.RLock()
        self._prepared: dict[str, Prepared] = {}
        self._alignments: dict[tuple[str, str], Alignment] = {}
        self._shares: dict[tuple[str, str], float] = {}
        self._matrices: dict[tuple[str, ...], _Stored] = {}
        #: Full alignments computed, and shares computed without one (for tests, stats).
        self.aligned = 0
        self.measured = 0

    def prepared(self, article: Article) -> Prepared:
        """The article's sentences normalised and indexed, once per session."""
        with self._lock:
            side = self._prepared.get(article.path)
            if side is None:
                side = self._prepared[article.path] = prepare(article.sentences)
            return side

    def get(self, a: Article, b: Article) -> Alignment:
        """`align(a, b)`, computed the first time the pair is asked for."""
        key = (a.path, b.path)
        with self._lock:
            found = self._alignments.get(key)
            if found is None:
                found = align_prepared(a, b, self.prepared(a), self.prepared(b), self.params)
                self._alignments[key] = found
                self.aligned += 1
            return found

    def known_share(self, a: Article, b: Article) -> float | None:
        """The share of a's sentences that b carries, if this session computed it already."""
        if a.path == b.path:
            return 1.0
        key = (a.path, b.path)
        with self._lock:
            if key in self._alignments:
                return self._alignments[key].share_a_in_b
            if key in self._shares:
                return self._shares[key]
            for stored in self._matrices.values():
                share = stored.share(a.path, b.path)
                if share is not None:
                    return share
            return None

    def share(self, a: Article, b: Article) -> float:
        """The share of a's sentences that b carries (`align(a, b).share_a_in_b`)."""
        with self._lock:
            known = self.known_share(a, b)
            if known is None:
                known = _share(carried(self.prepared(a), self.prepared(b), self.params), a)
                self._shares[(a.path, b.path)] = known
                self.measured += 1
            return known

    def _stored(self, articles: Sequence[Article]) -> _Stored:
        """The matrix store for this list of articles (created empty)."""
        key = tuple(a.path for a in articles)
        with self._lock:
            stored = self._matrices.get(key)
            if stored is None:
                stored = self._matrices[key] = _Stored(key)
            return stored


class _Stored:
    """The rows of one story's matrix computed so far (compact: 8 bytes a cell)."""

    def __init__(self, paths: tuple[str, ...]) -> None:
        self.index = {path: i for i, path in enumerate(paths)}
        self.rows: list[array[float] | None] = [None] * len(paths)

    def share(self, a: str, b: str) -> float | None:
        i, j = self.index.get(a), self.index.get(b)
        if i is None or j is None or self.rows[i] is None:
            return None
        return self.rows[i][j]  # type: ignore[index]


def _share(count: int, article: Article) -> float:
    """`Alignment.share_a_in_b` from a count of paired sentences (same division)."""
    return count / len(article.sentences) if article.sentences else 0.0


# --- the matrix ------------------------------------------------------------------------------


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
) -> Iterator[OverlapRow]:
    """Every article's row of the overlap matrix, yielded as each is ready, in order.

    `workers=None` picks up to 2 processes for stories of `POOL_MIN_ARTICLES` or more
    (forked; see `analysis/pool.py`). Rows already in `cache` are not computed again, and
    every new row is recorded there as it lands, so `cache.known_share` sees it while the
    rest is computed. Closing the generator early stops the work (and the workers).
    """
    if len(articles) < 2:  # nothing to compare: no need to read the sentences at all
        yield from (OverlapRow(i, (1.0,)) for i in range(len(articles)))
        return
    cache = cache or AlignmentCache(params or DEFAULT_PARAMS)
    params = params or cache.params
    stored = cache._stored(articles)
    if all(row is not None for row in stored.rows):
        yield from (OverlapRow(i, tuple(row)) for i, row in enumerate(stored.rows))  # type: ignore[arg-type]
        return
    workers = _workers(workers, len(articles))
    work = _Work.of(articles, cache, params, workers)
    size = len(work.sides)
    total, done = size * (size - 1), 0
    counts: list[list[int]] = [[0] * size for _ in range(size)]
    for g, (ahead, back) in _group_rows(work, workers):
        for h, (g_in_h, h_in_g) in enumerate(zip(ahead, back), start=g + 1):
            counts[g][h], counts[h][g] = g_in_h, h_in_g
        done += 2 * len(ahead)
        if len(work.members[g]) > 1:  # several articles with this text
            counts[g][g] = carried(work.sides[g], work.sides[g], params)
        for i in work.members[g]:
            row = stored.rows[i]
            if row is None:
                row = _row(i, counts[g], work, articles)
                with cache._lock:
                    stored.rows[i] = row
            yield OverlapRow(i, tuple(row), done, total)


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


def overlap_row(articles: Sequence[Article], i: int, cache: AlignmentCache | None = None) -> OverlapRow:
    """Article i's row alone, on demand: the share of its sentences each article carries.

    For the article under the cursor of a story too big to wait for the whole matrix:
    n - 1 pairs, without the story-wide bounds (which pay off only over many rows).
    Every share lands in `cache`.
    """
    cache = cache or AlignmentCache()
    a = articles[i]
    return OverlapRow(i, tuple(1.0 if j == i else cache.share(a, b) for j, b in enumerate(articles)))


@dataclass(frozen=True)
class _Work:
    """What the rows need: each distinct text prepared once, and the story's bounds."""

    group_of: tuple[int, ...]
    members: tuple[tuple[int, ...], ...]
    sides: tuple[Prepared, ...]
    bounds: Bounds | None
    params: AlignParams

    @classmethod
    def of(
        cls, articles: Sequence[Article], cache: AlignmentCache, params: AlignParams, workers: int = 1
    ) -> _Work:
        from sidebyside.analysis.bounds import story_bounds

        group_of: list[int] = []
        members: list[list[int]] = []
        sides: list[Prepared] = []
        seen: dict[tuple[str, ...], int] = {}
        for i, article in enumerate(articles):
            side = cache.prepared(article)
            g = seen.setdefault(side.norm, len(sides))
            if g == len(sides):
                sides.append(side)
                members.append([])
            group_of.append(g)
            members[g].append(i)
        bounds = story_bounds(sides, params, workers) if _bounds_pay(sides) else None
        return cls(tuple(group_of), tuple(map(tuple, members)), tuple(sides), bounds, params)

    def counts(self, g: int) -> tuple[list[int], list[int]]:
        """For each later text h: sentences of g that h carries, and of h that g carries.

        Row g is complete once the texts before it have had their turn, so doing the
        texts in order completes the rows in order.
        """
        side, bounds, params = self.sides[g], self.bounds, self.params
        ahead, back = [], []
        for other in self.sides[g + 1 :]:
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


def _workers(workers: int | None, n: int) -> int:
    return auto_workers(n, POOL_MIN_ARTICLES) if workers is None else max(1, workers)


#: The work of the current matrix, read by forked workers (never pickled).
_POOL_WORK: _Work | None = None


def _pool_counts(g: int) -> tuple[list[int], list[int]]:
    assert _POOL_WORK is not None
    return _POOL_WORK.counts(g)


def _group_rows(work: _Work, workers: int) -> Iterator[tuple[int, tuple[list[int], list[int]]]]:
    """(text, its counts against the later texts), text by text in order.

    With several workers the texts are handed out one at a time (the first ones have the
    most pairs) and the answers come back in order.
    """
    global _POOL_WORK
    _POOL_WORK = work
    try:
        yield from enumerate(forked_map(_pool_counts, range(len(work.sides)), workers))
    finally:
        _POOL_WORK = None


# --- closest ---------------------------------------------------------------------------------


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
    agency = [agency_of(a.outlet) is not None for a in articles]
    out = []
    for i, article in enumerate(articles):
        others = [j for j in range(len(articles)) if j != i]
        if not others:
            out.append(Closest(article.id, None, 0.0))
            continue
        j = min(others, key=lambda j: (-matrix[i][j], -matrix[j][i], not agency[j], j))
        out.append(Closest(article.id, articles[j].id, matrix[i][j]))
    return out


# --- direction -------------------------------------------------------------------------------

#: News agencies, with the other names articles credit them by. An outlet that is an
#: agency is the likelier source: its business is selling copy to the others.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Xinhua": ("Xinhua",),
    "ANSA": ("ANSA",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "Kyodo": ("Kyodo",),
    "TASS": ("TASS",),
    "PA": ("PA Media", "Press Association"),
    "Yonhap": ("Yonhap",),
    "PTI": ("PTI", "Press Trust of India"),
    "KUNA": ("KUNA",),
    "WAM": ("WAM",),
    "MENA": ("MENA",),
    "Interfax": ("Interfax",),
}
#: Words that make a mention of an outlet a credit: "told Reuters", "according to AFP",
#: "Reuters reported", "(AFP)", "© 2019 AFP".
#: The crediting words match in any case, the outlet's name only as written.
CREDIT_BEFORE = r"\b(?i:told|to|according to|by|from|via|quoted by|cited by|in an interview with)"
CREDIT_AFTER = r"(?i:reported|reports|said|says|quoted|cited|news agency|reporter|correspondent)\b"
COPYRIGHT = r"(?:©|\((?i:c)\)|\b(?i:copyright)\b)\s*(?:\d{4}\s*)?"
#: At least this share of the closest article's sentences makes a reuse worth a line.
REUSE_MIN_SHARE = 0.3
#: "Nearly all of A inside B": A's share in B at least this, and this far above B's in A.
CONTAINED_SHARE = 0.8
CONTAINED_GAP = 0.25

ReuseKind = Literal["credited", "agency", "common_source", "contained", "undirected"]


@dataclass(frozen=True)
class Reuse:
    """`article` ran copy that `source` also has; `share` of its sentences are in `source`.

    `back` is the share of `source`'s sentences that `article` carries. `kind` says what
    the direction rests on, `evidence` says it in words for a report; for "undirected"
    nothing says who came first and the two are in article order.
    """

    article: str
    source: str
    share: float
    back: float
    kind: ReuseKind
    evidence: str


def agency_of(name: str | None) -> str | None:
    """The agency an outlet name stands for ("Agence France-Presse" -> "AFP"), or None."""
    if not name:
        return None
    folded = name.strip().casefold()
    for agency, aliases in AGENCIES.items():
        if any(folded == alias.casefold() for alias in aliases):
            return agency
    return None


def credit(article: Article, outlet: str | None) -> str | None:
    """The words in which `article` credits `outlet` ("told Reuters"), or None.

    A bare mention counts only in a crediting phrase, so "Reuters" in "the Reuters
    building" is not a credit but "a French official told Reuters" is. An article does
    not credit its own outlet.
    """
    if not outlet or (article.outlet and article.outlet.casefold() == outlet.casefold()):
        return None
    names = _names(outlet)
    pattern = re.compile(
        rf"{CREDIT_BEFORE}\s+(?:the\s+)?(?:{names})\b"
        rf"|\((?:{names})\)"
        rf"|\b(?:{names})\s+{CREDIT_AFTER}"
        rf"|{COPYRIGHT}(?:{names})\b"
    )
    for sentence in article.sentences:
        if m := pattern.search(sentence):
            return " ".join(m.group(0).split())
    return None


def _names(outlet: str) -> str:
    """A regex alternation of the outlet's name and, for an agency, its other names."""
    agency = agency_of(outlet)
    names = {outlet.strip(), *(AGENCIES[agency] if agency else ())}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def direction(
    a: Article, b: Article, a_in_b: float, b_in_a: float, agencies: Sequence[str] = tuple(AGENCIES)
) -> Reuse:
    """Who likely copied whom between a and b, and on what evidence."""
    if cue := credit(a, b.outlet):
        return Reuse(a.id, b.id, a_in_b, b_in_a, "credited", f"credited '{cue}'")
    if cue := credit(b, a.outlet):
        return Reuse(b.id, a.id, b_in_a, a_in_b, "credited", f"credited '{cue}'")
    agency_a, agency_b = agency_of(a.outlet), agency_of(b.outlet)
    if agency_b and not agency_a:
        return Reuse(a.id, b.id, a_in_b, b_in_a, "agency", f"{b.outlet} is a news agency")
    if agency_a and not agency_b:
        return Reuse(b.id, a.id, b_in_a, a_in_b, "agency", f"{a.outlet} is a news agency")
    for agency in agencies:
        cue_a, cue_b = credit(a, agency), credit(b, agency)
        if cue_a and cue_b:
            return Reuse(a.id, b.id, a_in_b, b_in_a, "common_source", f"both credit {agency} ('{cue_a}')")
    if a_in_b >= CONTAINED_SHARE and a_in_b - b_in_a >= CONTAINED_GAP and len(a.sentences) < len(b.sentences):
        return Reuse(a.id, b.id, a_in_b, b_in_a, "contained", _contained(a_in_b, b_in_a))
    if b_in_a >= CONTAINED_SHARE and b_in_a - a_in_b >= CONTAINED_GAP and len(b.sentences) < len(a.sentences):
        return Reuse(b.id, a.id, b_in_a, a_in_b, "contained", _contained(b_in_a, a_in_b))
    return Reuse(a.id, b.id, a_in_b, b_in_a, "undirected", "no credit or containment says who came first")


def _contained(inside: float, back: float) -> str:
    return f"{inside:.0%} of it is in the longer article, which has only {back:.0%} of its sentences"


def find_reuse(
    articles: Sequence[Article],
    matrix: Sequence[Sequence[float]],
    min_share: float = REUSE_MIN_SHARE,
) -> list[Reuse]:
    """One Reuse per article whose closest other carries at least `min_share` of it.

    A pair that is each other's closest gives one entry, oriented by `direction`.
    """
    out: list[Reuse] = []
    done: set[frozenset[str]] = set()
    by_id = {a.id: i for i, a in enumerate(articles)}
    for near in closest(articles, matrix):
        if near.other is None or near.share < min_share:
            continue
        pair = frozenset((near.article, near.other))
        if pair in done:
            continue
        done.add(pair)
        i, j = by_id[near.article], by_id[near.other]
        out.append(direction(articles[i], articles[j], matrix[i][j], matrix[j][i]))
    return out


def reuse_line(reuse: Reuse, articles: Sequence[Article]) -> str:
    """The sentence a report prints, e.g.
    "SMA News reprints Reuters (100% of its sentences; credited 'told Reuters')"."""
    names = labels(articles)
    a, b, pct = names[reuse.article], names[reuse.source], f"{reuse.share:.0%}"
    if reuse.kind in ("credited", "agency"):
        verb = "reprints" if reuse.share >= 0.95 else "runs copy from" if reuse.share >= 0.5 else "uses copy from"
        return f"{a} {verb} {b} ({pct} of its sentences; {reuse.evidence})"
    if reuse.kind == "common_source":
        return f"{a} and {b} run the same copy ({pct} of {a}'s sentences; {reuse.evidence})"
    if reuse.kind == "contained":
        return f"{a} is nearly all inside {b} ({reuse.evidence}): cut from {b}, or both from a common source"
    return f"{a} and {b} share {pct} of {a}'s sentences ({reuse.evidence})"


def reuse_lines(articles: Sequence[Article], matrix: Sequence[Sequence[float]]) -> list[str]:
    """The who-copied-whom lines of a story, ready for a report."""
    return [reuse_line(r, articles) for r in find_reuse(articles, matrix)]


def labels(articles: Sequence[Article]) -> dict[str, str]:
    """id -> the name a line uses: the outlet, with the file name when outlets repeat."""
    count: dict[str, int] = {}
    for a in articles:
        count[a.label] = count.get(a.label, 0) + 1
    return {a.id: a.label if count[a.label] == 1 else f"{a.label} ({a.id})" for a in articles}
