"""Across outlets: one entry per quote however many outlets carry it, and figure conflicts.

A story is a handful (or hundreds) of versions of the same reporting. The journalist
wants "Haftar: 'were not met' -- AFP, Asharq Al-Awsat", not the same words five times,
and wants to see at once that one outlet says 460 dead (per Salame) and another 510
killed (per the WHO). These are plain frozen dataclasses: the Compare screen's sidebar,
the quote sheet and the exports render them; nothing here knows about a screen.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from sidebyside.analysis.figures import extract_figures, measure_of
from sidebyside.analysis.quotes import analyse
from sidebyside.analysis.speakers import Watchlist, fold
from sidebyside.model import Article, ArticleQuotes, Figure, Quote, QuoteKind

#: Two versions of a quote at least this alike (rapidfuzz ratio, 0-100) are one quote.
SIMILAR = 85.0
#: A partial quote must have this many words to be matched inside a longer one.
MIN_PART_WORDS = 2


def analyse_story(articles: Sequence[Article], speakers: Watchlist | Iterable[str] | None = None) -> tuple[ArticleQuotes, ...]:
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


# ------------------------------------------------------------------ quotes


@dataclass(frozen=True)
class Carrier:
    """One outlet's printing of a quote."""

    article_id: str
    outlet: str
    sentence: int
    text: str
    kind: QuoteKind
    cue: str | None
    start: int
    end: int


@dataclass(frozen=True)
class QuoteGroup:
    """The same words (in full or in part) given to one speaker by one or more outlets.

    `text` is the fullest version; `also_attributed_to` names other speakers some outlet
    gives the same words to -- worth a second look by the journalist.
    """

    speaker: str
    text: str
    kind: QuoteKind
    watched: bool
    carriers: tuple[Carrier, ...]
    also_attributed_to: tuple[str, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.outlet for c in self.carriers))

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.article_id for c in self.carriers))


def normal(text: str) -> str:
    """Words only, lower case, no accents or punctuation: how quotes are compared."""
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


def group_quotes(results: Sequence[ArticleQuotes], speakers: Iterable[str] = ()) -> tuple[QuoteGroup, ...]:
    """One group per quote per speaker; watched speakers first, then by first appearance."""
    watched = set(speakers)
    by_speaker: dict[str, list[Carrier]] = defaultdict(list)
    for result in results:
        for q in result.quotes:
            by_speaker[q.speaker].append(_carrier(result.article, q))
    groups: list[QuoteGroup] = []
    for speaker, carriers in by_speaker.items():
        for members in _cluster([c.text for c in carriers]):
            chosen = [carriers[i] for i in members]
            fullest = max(chosen, key=lambda c: (c.kind == "direct", len(normal(c.text).split())))
            kind: QuoteKind = "direct" if any(c.kind == "direct" for c in chosen) else "indirect"
            groups.append(QuoteGroup(speaker, fullest.text, kind, speaker in watched, tuple(chosen)))
    groups = _cross_speakers(groups)
    order = {name: n for n, name in enumerate(speakers)}
    return tuple(sorted(groups, key=lambda g: (not g.watched, order.get(g.speaker, len(order)), g.speaker, _first(g))))


def _first(group: QuoteGroup) -> tuple[str, int]:
    c = group.carriers[0]
    return c.article_id, c.sentence


def _carrier(article: Article, q: Quote) -> Carrier:
    return Carrier(article.id, article.label, q.sentence, q.text, q.kind, q.cue, q.start, q.end)


def same_words(a: str, b: str) -> bool:
    """True when two normalised quotes are one: one inside the other, or nearly equal."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short.split()) >= MIN_PART_WORDS and f" {short} " in f" {long_} ":
        return True
    return fuzz.ratio(a, b) >= SIMILAR


def _cluster(texts: Sequence[str]) -> list[list[int]]:
    """Indices of `texts` grouped by `same_words` (transitively), in first-seen order.

    Identical texts merge first; then each text is compared only with texts sharing one
    of its two rarest words, so a story of hundreds of wire copies stays near-linear.
    """
    norms = [normal(t) for t in texts]
    unique = list(dict.fromkeys(norms))
    pos = {n: k for k, n in enumerate(unique)}
    parent = list(range(len(unique)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, others in _candidates(unique).items():
        for other in others:
            if same_words(unique[k], unique[other]):
                rx, ry = find(k), find(other)
                if rx != ry:
                    parent[max(rx, ry)] = min(rx, ry)
    clusters: dict[int, list[int]] = {}
    for i, n in enumerate(norms):
        clusters.setdefault(find(pos[n]), []).append(i)
    return list(clusters.values())


def _candidates(texts: Sequence[str]) -> dict[int, set[int]]:
    """For each text, the other texts sharing one of its two rarest words.

    A quote inside a longer one has all its words there, so the longer text is found
    from the shorter's rarest words (not necessarily the other way round).
    """
    index: dict[str, list[int]] = defaultdict(list)
    for k, text in enumerate(texts):
        for word in set(text.split()):
            index[word].append(k)
    out: dict[int, set[int]] = {}
    for k, text in enumerate(texts):
        rare = sorted(set(text.split()), key=lambda w: len(index[w]))[:2]
        out[k] = {o for w in rare for o in index[w] if o != k}
    return out


def _cross_speakers(groups: list[QuoteGroup]) -> list[QuoteGroup]:
    """Note, on each direct quote, other speakers some outlet gives the same words to."""
    direct = [k for k, g in enumerate(groups) if g.kind == "direct"]
    norms = [normal(groups[k].text) for k in direct]
    others: dict[int, list[str]] = defaultdict(list)
    for a, candidates in _candidates(norms).items():
        for b in candidates:
            ga, gb = groups[direct[a]], groups[direct[b]]
            if ga.speaker != gb.speaker and same_words(norms[a], norms[b]):
                others[direct[a]].append(gb.speaker)
                others[direct[b]].append(ga.speaker)
    return [
        QuoteGroup(g.speaker, g.text, g.kind, g.watched, g.carriers, tuple(dict.fromkeys(others[k]))) if k in others else g
        for k, g in enumerate(groups)
    ]


# ------------------------------------------------------------------ figures


@dataclass(frozen=True)
class FigureClaim:
    """One outlet's printing of a count."""

    article_id: str
    outlet: str
    value: str
    number: int | float | None
    qualifier: str | None
    what: str | None
    source: str | None
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class FigureGroup:
    """Every claim of one number for one measure ("deaths: 510")."""

    measure: str
    number: int | float
    claims: tuple[FigureClaim, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.outlet for c in self.claims))

    @property
    def sources(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(c.source for c in self.claims))

    @property
    def qualifiers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.qualifier for c in self.claims if c.qualifier))

    @property
    def shown_number(self) -> str:
        """The number as a reader writes it: "2,467", "1.5"."""
        return f"{self.number:,}" if isinstance(self.number, int) else f"{self.number:g}"


@dataclass(frozen=True)
class FigureConflict:
    """One measure for which outlets or sources give different numbers, side by side."""

    measure: str
    values: tuple[FigureGroup, ...]  # ascending by number


def group_figures(results: Sequence[ArticleQuotes]) -> tuple[FigureGroup, ...]:
    """Figures with a known measure and number, grouped by (measure, number)."""
    groups: dict[tuple[str, int | float], list[FigureClaim]] = {}
    for result in results:
        for f in result.figures:
            measure = measure_of(f.what)
            if measure is None or f.number is None:
                continue
            groups.setdefault((measure, f.number), []).append(_claim(result.article, f))
    return tuple(FigureGroup(m, n, tuple(c)) for (m, n), c in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])))


def _claim(article: Article, f: Figure) -> FigureClaim:
    return FigureClaim(article.id, article.label, f.value, f.number, f.qualifier, f.what, f.attributed_to, f.sentence, f.start, f.end)


def figure_conflicts(results: Sequence[ArticleQuotes]) -> tuple[FigureConflict, ...]:
    """Measures given different numbers by different outlets or sources.

    One article alone giving two numbers from one source is a narrative ("rose from 400
    to 510"), not a conflict; a subgroup ("deaths: civilians") is its own measure so a
    part is never set against the whole.
    """
    by_measure: dict[str, list[FigureGroup]] = defaultdict(list)
    for group in group_figures(results):
        by_measure[group.measure].append(group)
    out = []
    for measure, values in by_measure.items():
        if len(values) < 2:
            continue
        origins = {(c.article_id, c.source) for v in values for c in v.claims}
        if len({a for a, _ in origins}) < 2 and len({s for _, s in origins}) < 2:
            continue
        out.append(FigureConflict(measure, tuple(sorted(values, key=lambda v: v.number))))
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
        return tuple(
            _claim(r.article, f)
            for r in self.results
            for f in r.figures
            if f.number is None or measure_of(f.what) is None
        )



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
