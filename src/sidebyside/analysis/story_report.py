"""What a story report holds: the findings of every analysis, computed once.

`export/report.py` lays these out as Markdown or HTML; keeping the analysis here means
the renderers never compute anything and the report says exactly what the screens say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.copy import Reuse, find_reuse
from sidebyside.analysis.overlap import closest, overlap_matrix
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
    nearest: tuple[tuple[int, float] | None, ...] = ()  # per article: closest other (index, share)


def build_report(
    articles: Sequence[Article],
    speakers: Sequence[str] | None = None,
    *,
    matrix: Sequence[Sequence[float]] | None = None,
    cache: AlignmentCache | None = None,
    quotes: StoryQuotes | None = None,
) -> ReportData:
    """Run the analysis a report needs, once: matrix, shared copy, quotes, unique sentences.

    What a caller has already computed -- the TUI has the session's matrix, alignments and
    quotes -- is passed in and reused rather than computed again (and the TUI must not
    fork the matrix's processes from its threads).
    """
    articles = tuple(articles)
    cache = cache if cache is not None else AlignmentCache()
    if matrix is None:
        matrix = overlap_matrix(articles, cache, workers=None)
    matrix = [list(row) for row in matrix]
    unique = []
    for i, a in enumerate(articles):
        carried: set[int] = set()
        for j, b in enumerate(articles):
            if i != j and matrix[i][j] > 0:  # a pair that shares nothing needs no alignment
                carried.update(r.a for r in cache.get(a, b).rows if r.a is not None and r.b is not None)
        unique.append(tuple(n for n in range(len(a.sentences)) if n not in carried))
    return ReportData(
        articles=articles,
        matrix=tuple(tuple(row) for row in matrix),
        reuse=tuple(find_reuse(articles, matrix)),
        quotes=quotes if quotes is not None else story_quotes(articles, speakers),
        unique=tuple(unique),
        nearest=tuple(
            (next(k for k, a in enumerate(articles) if a.id == c.other and k != i), c.share) if c.other else None
            for i, c in enumerate(closest(articles, matrix))
        ),
    )
