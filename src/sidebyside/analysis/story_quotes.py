"""The story across outlets: quote groups (`quote_groups`) and the figure ledger (`figure_ledger`).

A story is a handful (or hundreds) of versions of the same reporting. `story_quotes`
analyses every article with roles learnt story-wide and returns one `StoryQuotes`: the
statements each outlet carries, with how faithfully, and every count with the values
that cannot all hold. These are plain frozen dataclasses: the Compare screen's sidebar,
the quote sheet and the exports render them; nothing here knows about a screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sidebyside.analysis.figure_ledger import (
    FigureClaim,
    FigureConflict,
    FigureGroup,
    claim_of,
    figure_conflicts,
    group_figures,
)
from sidebyside.analysis.figures import extract_figures
from sidebyside.analysis.quote_groups import Carrier, QuoteGroup, group_quotes
from sidebyside.analysis.quotes import analyse
from sidebyside.analysis.speakers import Watchlist
from sidebyside.model import Article, ArticleQuotes

__all__ = [
    "Carrier",
    "FigureClaim",
    "FigureConflict",
    "FigureGroup",
    "QuoteGroup",
    "StoryQuotes",
    "analyse_story",
    "story_quotes",
    "summarise",
]


def analyse_story(
    articles: Sequence[Article], speakers: Watchlist | Iterable[str] | None = None
) -> tuple[ArticleQuotes, ...]:
    """Quotes and figures of every article, with roles learnt from the whole story.

    Roles one outlet ties to a name ("Ghassan Salame, the UN special representative")
    resolve another outlet's bare role ("the U.N. envoy for Libya"), so the watchlist
    learns from all articles before any one is read.
    """
    watchlist = Watchlist.of(speakers).learn(articles)
    out = []
    for article in articles:
        speech = analyse(article, watchlist)
        out.append(ArticleQuotes(article, speech.quotes, extract_figures(article, watchlist, speech)))
    return tuple(out)


# ------------------------------------------------------------------ the whole story


@dataclass(frozen=True)
class StoryQuotes:
    """Everything the sidebar and the quote sheet show for one story."""

    speakers: tuple[str, ...]
    results: tuple[ArticleQuotes, ...]
    groups: tuple[QuoteGroup, ...]
    figures: tuple[FigureGroup, ...]
    conflicts: tuple[FigureConflict, ...]

    def groups_for(self, speaker: str) -> tuple[QuoteGroup, ...]:
        return tuple(g for g in self.groups if g.speaker == speaker)

    @property
    def other_figures(self) -> tuple[FigureClaim, ...]:
        """Counts that fit no measure ("40,000 workers") or have no exact number ("tens of
        thousands"): not grouped or compared, but a quote sheet still lists every figure."""
        claims = (claim_of(r.article, f) for r in self.results for f in r.figures)
        return tuple(c for c in claims if c.number is None or c.measure is None)


def summarise(results: Sequence[ArticleQuotes], speakers: Watchlist | Iterable[str] | None = None) -> StoryQuotes:
    """Groups and conflicts for results already computed (e.g. by `analyse_story`)."""
    names = Watchlist.of(speakers).names
    return StoryQuotes(
        speakers=names,
        results=tuple(results),
        groups=group_quotes(results, names),
        figures=group_figures(results),
        conflicts=figure_conflicts(results),
    )


def story_quotes(articles: Sequence[Article], speakers: Watchlist | Iterable[str] | None = None) -> StoryQuotes:
    """Analyse a story and summarise it across outlets in one call."""
    return summarise(analyse_story(articles, speakers), speakers)
