"""The story across outlets: quote groups (`quote_groups`) and the figure ledger (`figure_ledger`).

A story is a handful (or hundreds) of versions of the same reporting. `story_quotes`
analyses every article with roles learnt story-wide and returns one `StoryQuotes`: the
statements each outlet carries, with how faithfully, and every count with the values
that cannot all hold. These are plain frozen dataclasses: the Compare screen's sidebar,
the quote sheet and the exports render them; nothing here knows about a screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sidebyside.analysis.figure_ledger import (
    FigureClaim,
    FigureConflict,
    FigureGroup,
    claim_of,
    figure_conflicts,
    group_figures,
)
from sidebyside.analysis.figures import extract_figures
from sidebyside.analysis.people import Proposal, propose, story_watchlist
from sidebyside.analysis.quote_groups import Carrier, QuoteGroup, group_quotes
from sidebyside.analysis.quotes import analyse
from sidebyside.analysis.quotes.voices import one_spelling, voice
from sidebyside.analysis.speakers import Watchlist
from sidebyside.model import Article, ArticleQuotes, Figure

__all__ = [
    "Carrier",
    "FigureClaim",
    "FigureConflict",
    "FigureGroup",
    "Proposal",
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

    Every person the story names is resolved like a watched one (`people.story_watchlist`):
    "Transport Secretary Amelia Rutherford", "Rutherford" and "the transport secretary" are
    one speaker, "Amelia Rutherford", watched or not. Roles one outlet ties to a name
    ("Ghassan Salame, the UN special representative") resolve another outlet's bare role
    ("the U.N. envoy for Libya"), so the watchlist learns from all articles before any
    one is read. A pronoun nobody could be found for, a crowd or a document is given no
    words (`quotes.voices`), and an unnamed speaker has one spelling across the story.
    """
    watchlist = story_watchlist(speakers, articles).learn(articles)
    named = set(watchlist.names)
    found = []
    for article in articles:
        speech = analyse(article, watchlist)
        figures = tuple(_voiced(f, named) for f in extract_figures(article, watchlist, speech))
        found.append(ArticleQuotes(article, speech.quotes, figures))
    return _one_spelling_each(found, named)


def _voiced(figure: Figure, named: set[str]) -> Figure:
    """The figure with a source to show: none for a pronoun, a crowd or a document nobody
    owns (`voices.voice`), as quotes have none."""
    source = figure.attributed_to
    if source is None or source in named:
        return figure
    shown = voice(source)
    return figure if shown == source else replace(figure, attributed_to=shown)


def _one_spelling_each(results: Sequence[ArticleQuotes], named: set[str]) -> tuple[ArticleQuotes, ...]:
    """The results with one spelling per unnamed speaker across the story ("Police" and
    "police" are one), so that their statements group like a named person's."""
    labels = [q.speaker for r in results for q in r.quotes if q.speaker not in named]
    labels += [f.attributed_to for r in results for f in r.figures if f.attributed_to and f.attributed_to not in named]
    spelling = one_spelling(labels)
    if all(spelling[label] == label for label in spelling):
        return tuple(results)
    return tuple(
        ArticleQuotes(
            r.article,
            tuple(replace(q, speaker=spelling.get(q.speaker, q.speaker)) for q in r.quotes),
            tuple(
                replace(f, attributed_to=spelling.get(f.attributed_to, f.attributed_to)) if f.attributed_to else f
                for f in r.figures
            ),
        )
        for r in results
    )


# ------------------------------------------------------------------ the whole story


@dataclass(frozen=True)
class StoryQuotes:
    """Everything the sidebar and the quote sheet show for one story."""

    speakers: tuple[str, ...]
    results: tuple[ArticleQuotes, ...]
    groups: tuple[QuoteGroup, ...]
    figures: tuple[FigureGroup, ...]
    conflicts: tuple[FigureConflict, ...]
    #: The story's named people outside the watchlist, most quoted first (`people.propose`).
    proposals: tuple[Proposal, ...] = ()

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
        proposals=propose(results, names),
    )


def story_quotes(articles: Sequence[Article], speakers: Watchlist | Iterable[str] | None = None) -> StoryQuotes:
    """Analyse a story and summarise it across outlets in one call."""
    return summarise(analyse_story(articles, speakers), speakers)
