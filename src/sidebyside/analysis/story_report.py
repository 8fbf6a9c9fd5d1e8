"""What a story report holds: the findings of every analysis, computed once.

`export/report.py` lays these out as Markdown or HTML; keeping the analysis here means
the renderers never compute anything and the report says exactly what the screens say.
What only one outlet reported is read off the collation (its rows one article alone
carries), so the report, the Story screen and `collate --only-one` name the same sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.collate import Collation, carried_by, collate, filter_rows
from sidebyside.analysis.copy import Reuse, find_reuse
from sidebyside.analysis.framing import StoryFraming
from sidebyside.analysis.framing import framing as story_framing
from sidebyside.analysis.overlap import closest, overlap_matrix
from sidebyside.analysis.speakers import Watchlist
from sidebyside.analysis.story_quotes import StoryQuotes, story_quotes
from sidebyside.model import Article


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, in article order (matrix[i][j] = share of i found in j)."""

    articles: tuple[Article, ...]
    matrix: tuple[tuple[float, ...], ...]
    reuse: tuple[Reuse, ...]
    quotes: StoryQuotes
    unique: tuple[tuple[int, ...], ...]  # per article: indexes of sentences no other article carries
    nearest: tuple[tuple[int, float] | None, ...]  # per article: closest other (index, share)
    collation: Collation  # the whole story, one sentence and its counterparts per row
    framing: StoryFraming  # how each outlet frames the people the quotes watch


def build_report(
    articles: Sequence[Article],
    speakers: Sequence[str] | None = None,
    *,
    matrix: Sequence[Sequence[float]] | None = None,
    cache: AlignmentCache | None = None,
    quotes: StoryQuotes | None = None,
    collation: Collation | None = None,
    framing: StoryFraming | None = None,
    workers: int | None = 1,
) -> ReportData:
    """Run the analysis a report needs, once: matrix, shared copy, quotes, collation, framing.

    What a caller has already computed -- the TUI has the session's matrix, alignments,
    quotes and collation -- is passed in and reused rather than computed again (and the
    TUI must not fork the matrix's processes from its threads). The collation is built
    through `cache`, so its alignments are the matrix's and Compare's; the framing reads
    the quotes' results and watchlist, so both sections follow the same people.
    `workers`: processes for the matrix and the collation computed here; None lets a big
    story use the pool (the `report` command), 1 keeps it all in this thread (an app's).

    Raises ValueError when a given collation or framing is of other articles.
    """
    articles = tuple(articles)
    cache = cache if cache is not None else AlignmentCache()
    if matrix is None:
        matrix = overlap_matrix(articles, cache, workers=workers)
    matrix = [list(row) for row in matrix]
    if collation is None:
        collation = collate(articles, cache, workers=workers)
    elif not _same_articles(collation.articles, articles):
        raise ValueError("the collation given to build_report is of other articles")
    if framing is not None and not _same_articles(framing.articles, articles):
        raise ValueError("the framing given to build_report is of other articles")
    quotes = quotes if quotes is not None else story_quotes(articles, speakers)
    return ReportData(
        articles=articles,
        matrix=tuple(tuple(row) for row in matrix),
        reuse=tuple(find_reuse(articles, matrix)),
        quotes=quotes,
        unique=alone_in(collation, articles),
        nearest=tuple(
            (next(k for k, a in enumerate(articles) if a.id == c.other and k != i), c.share) if c.other else None
            for i, c in enumerate(closest(articles, matrix))
        ),
        collation=collation,
        framing=framing if framing is not None else story_framing(quotes.results, quotes.speakers),
    )


def reusable_views(
    articles: Sequence[Article], speakers: Sequence[str], collation: Collation | None, framing: StoryFraming | None
) -> tuple[Collation | None, StoryFraming | None]:
    """The collation and framing a screen already built, where they are of exactly these
    articles (and the framing of these people), for `build_report` to use; None for one
    that is not (the story grew, or the watchlist changed since), which it then builds."""
    if collation is not None and not _same_articles(collation.articles, articles):
        collation = None
    if framing is not None and (
        not _same_articles(framing.articles, articles) or framing.people != Watchlist.of(speakers).names
    ):
        framing = None
    return collation, framing


def _same_articles(these: Sequence[Article], those: Sequence[Article]) -> bool:
    """The same articles, whatever their order (a collation orders its columns)."""
    return sorted(a.path for a in these) == sorted(a.path for a in those)


def alone_in(collation: Collation, articles: Sequence[Article]) -> tuple[tuple[int, ...], ...]:
    """Per article of `articles` (in their order, not the collation's columns): the
    indexes of its sentences in rows no other article carries, in reading order."""
    column = {a.path: c for c, a in enumerate(collation.articles)}
    alone: list[list[int]] = [[] for _ in collation.articles]
    for r in filter_rows(collation, only_one=True):
        for c, sentence in enumerate(collation.rows[r].cells):
            if sentence is not None:
                alone[c].append(sentence)
    return tuple(tuple(sorted(alone[column[a.path]])) for a in articles)


def most_carried(collation: Collation, limit: int) -> tuple[int, ...]:
    """The `limit` rows carried by most articles (two at least; among equals, the earlier
    in reading order), in reading order: the sentences the story is made of."""
    shared = filter_rows(collation, min_outlets=2)
    chosen = sorted(shared, key=lambda r: -carried_by(collation.rows[r]))[: max(limit, 0)]
    return tuple(sorted(chosen))
