"""The figure ledger: every count of the story by measure, and the ones that cannot all hold.

"About 1,200 evacuated" in one outlet and "about 1,500" in another is news; "over
2,400 wounded" beside "2,467 wounded" is not, and "killed in Elazig" beside "killed in
Malatya" are two different tolls. So:

* a *measure* is the thing counted (`figures.measure_of`: deaths, wounded, evacuated,
  ...) plus its place ("in Elazig") and scope: a part of a group ("one of them
  seriously", "five of the bombs") or an increment ("two more devices") is not the
  group's count and is never set against it, and a count dated to another year ("the
  worst since 2003, when 22 people died") is another event's;
* a qualifier makes a number a range (`value_range`): "over 2,400" is [2,400, inf),
  "about 1,200" is 1,200 +/- 10%, "up to 40" is [0, 40];
* a conflict holds values of one measure, from different articles or sources, whose
  ranges are pairwise disjoint: they cannot all be true. Compatible differences stay in
  the ledger, side by side, with their qualifiers, sources and outlets;
* a toll that only grows while a story goes on (`RISING`: the dead, the wounded, the
  displaced ...) given higher later is that toll updated, not a rival figure: three dead
  on Sunday and four on Tuesday can both hold, as can 14 arrests "by late afternoon" and
  at least 20 "by the evening". The same toll given *lower* later, or two values for
  one day (or one part of it), still conflict. A figure's day is its article's date, or
  the weekday that dates its statement ("On Monday evening the ministry had put the
  number of injured at 230", in Tuesday's paper, is Monday's figure).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sidebyside.analysis.figures import DESTROYED_WORDS, TURNOUT_WORDS, measure_of
from sidebyside.dates import WEEKDAY_NUMBER
from sidebyside.model import Article, ArticleQuotes, Figure

#: How far "about", "some", "roughly" ... stretch a number either way.
APPROXIMATE = 0.10
#: A measure given this many different values is a series (a table of results, a
#: running count), not rival claims: no conflict is drawn from it. Real disputes over
#: one toll have a handful of values; past this the pairwise check would be the slowest
#: step of a long article's analysis for a claim no reader could use.
MAX_RIVAL_VALUES = 24
#: Qualifier -> (low factor, high factor) of the number; math.inf for "no upper bound".
RANGES: dict[str, tuple[float, float]] = {
    **dict.fromkeys(
        ("about", "around", "some", "roughly", "approximately", "an estimated", "close to"),
        (1 - APPROXIMATE, 1 + APPROXIMATE),
    ),
    **dict.fromkeys(("nearly", "almost", "just under"), (1 - APPROXIMATE, 1.0)),
    **dict.fromkeys(
        ("more than", "over", "at least", "upwards of", "in excess of", "well over", "well above"), (1.0, math.inf)
    ),
    "just over": (1.0, 1 + APPROXIMATE),
    **dict.fromkeys(("up to", "as many as", "at most", "fewer than", "less than", "under"), (0.0, 1.0)),
}
#: Measures that only grow while a story unfolds: the dead are not brought back, and
#: people wounded, displaced, evacuated or arrested stay counted. A count of the missing
#: or trapped falls as people are found, and cancellations are counted per day: a later
#: difference in those says nothing about time.
RISING = frozenset({"deaths", "wounded", "casualties", "displaced", "evacuated", "arrested", "destroyed"})
#: The least crowd counted as a march's turnout: organisers and police dispute thousands;
#: a few hundred who "took part" are a group within the crowd (stewards, a breakaway).
CROWD = 1000
#: A sentence about another crowd: a counter-demonstration, a rally someone else held.
_OTHER_CROWD = re.compile(r"\bcounter[- ]?(?:protest|demonstration|rally|march)|\bheld by\b", re.IGNORECASE)
#: What a crowd's count counts: the crowd itself, not a group named in it ("stewards").
_CROWD = re.compile(
    r"^(?:(?:people|protesters|demonstrators|marchers|supporters)\s+)?(?:(?:had|have|has|were|was|are)\s+)*"
    r"(?:" + TURNOUT_WORDS + r")",
    re.IGNORECASE,
)
#: What a count of things destroyed may count: "destroyed" alone would set 140 homes
#: against 12 tanks. Each word is folded to the thing it names.
DESTROYED_THINGS = {
    **dict.fromkeys(("home", "homes", "house", "houses", "dwellings"), "homes"),
    **dict.fromkeys(("building", "buildings", "structures", "properties"), "buildings"),
}
_DESTROYED = r"(?:" + DESTROYED_WORDS + r")"
#: "homes destroyed": the thing, then the word, and nothing else ("destroyed or damaged" is not it).
_THING_WHAT = re.compile(r"^(" + "|".join(DESTROYED_THINGS) + r")\s+" + _DESTROYED + r"$", re.IGNORECASE)
_DESTROYED_ONLY = re.compile(r"^" + _DESTROYED + r"$", re.IGNORECASE)
#: "140 homes had been destroyed": the thing right after the number ("holiday homes" are not all homes).
_THING_AFTER = re.compile(r"^\s*(" + "|".join(DESTROYED_THINGS) + r")\b", re.IGNORECASE)
#: After the number: a part of a counted group ("one of them", "five of the bombs").
_PART = re.compile(r"^\s*of\s+(?:them|whom|those|these|the|its|their)\b", re.IGNORECASE)
#: After or before the number: an increment, not a total ("two more", "another 3").
_MORE_AFTER = re.compile(r"^\s*(?:more|additional|further|other|extra|new)\b", re.IGNORECASE)
_MORE_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.IGNORECASE)
#: A place right after the count: "killed in Elazig", "dead in Malatya province". Only
#: "in": "at the Vestkjem plant" names a site within the place, not another place.
_PLACE = re.compile(
    r"\bin\s+(?:the\s+)?((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|province|region|district|county|city|town))*)"
)
#: A count told about another event: "since 2003, when 22 people died", "22 died in 2003".
_YEAR_BEFORE = re.compile(r"\b(1[89]\d\d|20\d\d)\b[^.;]{0,25}\b(?:when|in\s+which|where)\b[^.;]*$")
_YEAR_AFTER = re.compile(r"^[^.;,]{0,60}?\b(?:in|of|since)\s+(1[89]\d\d|20\d\d)\b")
_NOT_PLACES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An""".split()
)


@dataclass(frozen=True)
class FigureClaim:
    """One outlet's printing of a count, with the measure it was judged to count."""

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
    measure: str | None = None


@dataclass(frozen=True)
class FigureGroup:
    """Every claim of one number, with one qualifier, for one measure ("deaths: at least 510")."""

    measure: str
    number: int | float
    qualifier: str | None
    claims: tuple[FigureClaim, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.outlet for c in self.claims))

    @property
    def sources(self) -> tuple[str | None, ...]:
        return tuple(dict.fromkeys(c.source for c in self.claims))

    @property
    def qualifiers(self) -> tuple[str, ...]:
        return (self.qualifier,) if self.qualifier else ()

    @property
    def range(self) -> tuple[float, float]:
        return value_range(self.number, self.qualifier)


@dataclass(frozen=True)
class FigureConflict:
    """Values of one measure that cannot all hold, ascending by number."""

    measure: str
    values: tuple[FigureGroup, ...]


def value_range(number: float, qualifier: str | None) -> tuple[float, float]:
    """The numbers a qualified figure allows: "over 2,400" -> (2400, inf)."""
    low, high = RANGES.get(qualifier or "", (1.0, 1.0))
    return number * low, number * high


def compatible(a: FigureGroup, b: FigureGroup) -> bool:
    """True when both values can hold at once (their ranges meet)."""
    (a_low, a_high), (b_low, b_high) = a.range, b.range
    return a_low <= b_high and b_low <= a_high


def measure_key(article: Article, figure: Figure) -> str | None:
    """The measure a figure counts, with place and scope, or None when it counts no known measure.

    "killed in Elazig" -> "deaths in Elazig"; "one of them seriously" -> "wounded (part)";
    "another 3 killed" -> "deaths (more)"; "since 2003, when 22 people died" -> "deaths (2003)".
    """
    measure = measure_of(figure.what)
    if measure is None:
        return None
    text = article.sentences[figure.sentence] if figure.sentence < len(article.sentences) else ""
    before, after = text[: figure.start], text[figure.end :]
    if measure == "turnout" and not (
        figure.attributed_to
        and (figure.number or 0) >= CROWD
        and _CROWD.match(figure.what or "")
        and not _OTHER_CROWD.search(text)
    ):
        return None  # "200 marchers broke away", "1,500 stewards took part": a group in the crowd
    if measure == "destroyed":  # "140 homes had been destroyed", "the number of homes destroyed at 210"
        thing = _THING_WHAT.match(figure.what or "") or (
            _DESTROYED_ONLY.match(figure.what or "") and _THING_AFTER.match(after)
        )
        if not thing:
            return None
        measure = f"destroyed: {DESTROYED_THINGS[thing.group(1).lower()]}"
    if _PART.match(after) or (figure.what or "").startswith("of them"):
        return f"{measure} (part)"
    if _MORE_AFTER.match(after) or _MORE_BEFORE.search(before):
        return f"{measure} (more)"
    if year := _YEAR_BEFORE.search(before[-80:]) or _YEAR_AFTER.match(after):
        measure = f"{measure} ({year.group(1)})"
    place = _place(after) or (None if _WIDER.search(after) else _opening_place(before))
    return f"{measure} in {place}" if place else measure


#: A sentence that opens on its place: "In Portavel, the country's second city, 18,000 marched".
#: Not when the count's own words widen it ("... marched across the country").
_WIDER = re.compile(r"\b(?:across the country|nationwide|in total|in all|altogether)\b", re.IGNORECASE)
_OPENING_PLACE = re.compile(r"^In\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*),")


def _opening_place(before: str) -> str | None:
    """The place a sentence opens on, when the count comes after it."""
    m = _OPENING_PLACE.match(before)
    if not m or m.group(1).split()[0] in _NOT_PLACES:
        return None
    return m.group(1)


def _place(after: str) -> str | None:
    """The place named in the count's own clause, within a few words of the number."""
    clause = re.split(r"[;:()]|,\s|\s[-–—]\s|\b(?:and|while|but|as|after|when|since)\b", after, maxsplit=1)[0]
    m = _PLACE.search(clause[:60])
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0].strip(".") in _NOT_PLACES:
        words.pop(0)
    return " ".join(words).rstrip(".") or None


def claim_of(article: Article, figure: Figure) -> FigureClaim:
    """A figure as the ledger holds it: with its outlet and measure."""
    return FigureClaim(
        article.id, article.label, figure.value, figure.number, figure.qualifier, figure.what,
        figure.attributed_to, figure.sentence, figure.start, figure.end, measure_key(article, figure),
    )  # fmt: skip


def group_figures(results: Sequence[ArticleQuotes]) -> tuple[FigureGroup, ...]:
    """Figures with a known measure and number, grouped by measure, number and qualifier."""
    groups: dict[tuple[str, int | float, str], list[FigureClaim]] = {}
    for result in results:
        for f in result.figures:
            claim = claim_of(result.article, f)
            if claim.measure is None or f.number is None:
                continue
            groups.setdefault((claim.measure, f.number, f.qualifier or ""), []).append(claim)
    return tuple(
        FigureGroup(m, n, q or None, tuple(c))
        for (m, n, q), c in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2]))
    )


def figure_conflicts(results: Sequence[ArticleQuotes]) -> tuple[FigureConflict, ...]:
    """Values of one measure that cannot all hold, each set pairwise incompatible.

    Parts and increments ("(part)", "(more)") are never compared: the whole they belong
    to is not known. One article giving two numbers on one authority is a narrative
    ("rose from 400 to 510"), not a conflict (`_independent`); nor is a rising toll
    printed higher by a later article (`_updated`).
    """
    articles = {r.article.id: r.article for r in results}
    times: dict[tuple[str, int], tuple[str, int | None] | None] = {}

    def time_of(claim: FigureClaim) -> tuple[str, int | None] | None:
        key = (claim.article_id, claim.sentence)  # each sentence read once, however many pairs ask
        if key not in times:
            times[key] = figure_time(articles[claim.article_id], claim.sentence)
        return times[key]

    by_measure: dict[str, list[FigureGroup]] = defaultdict(list)
    for group in group_figures(results):
        if not group.measure.endswith(("(part)", "(more)")):
            by_measure[group.measure].append(group)
    out: list[FigureConflict] = []
    for measure, values in by_measure.items():
        if len(values) > MAX_RIVAL_VALUES:
            continue
        clashes = [
            (a, b)
            for n, a in enumerate(values)
            for b in values[n + 1 :]
            if not compatible(a, b) and _independent(a, b) and not _updated(a, b, time_of)
        ]
        for members in _cliques(values, clashes):
            out.append(FigureConflict(measure, tuple(sorted(members, key=lambda v: (v.number, v.qualifier or "")))))
    return tuple(out)


def _independent(a: FigureGroup, b: FigureGroup) -> bool:
    """True when the two values come from different articles or from different named sources.

    One article giving two numbers on one authority is telling a change ("rose from 400
    to 510"); two outlets, or a union and a company in one article, disagree.
    """
    articles = {c.article_id for c in a.claims} | {c.article_id for c in b.claims}
    sources_a = {c.source for c in a.claims if c.source}
    sources_b = {c.source for c in b.claims if c.source}
    return len(articles) > 1 or bool(sources_a and sources_b and sources_a.isdisjoint(sources_b))


def _updated(a: FigureGroup, b: FigureGroup, time_of: Callable[[FigureClaim], tuple[str, int | None] | None]) -> bool:
    """True when two clashing values of a `RISING` measure read as one toll updated: every
    printing of the higher value has a known time (`figure_time`, through `time_of`), and
    each printing of the lower value whose time is known came before all of them, or cannot
    be ordered against one (a part of the day known for only one); at least one came
    before. Printings of the lower value at an unknown time tell nothing and are left out;
    a higher value of unknown time may be the older or a rival one. ISO dates compare as text.
    """
    if _base_measure(a.measure) not in RISING:
        return False
    low, high = (a, b) if a.range[1] < b.range[0] else (b, a)
    high_times = [time_of(c) for c in high.claims]
    low_times = [t for t in map(time_of, low.claims) if t]
    highs = [t for t in high_times if t]
    if not low_times or len(highs) < len(high_times):
        return False
    order = [_order(low_time, high_time) for low_time in low_times for high_time in highs]
    return "before" in order and "not before" not in order


def _order(earlier: tuple[str, int | None], later: tuple[str, int | None]) -> str:
    """Whether a figure given at time `earlier` came "before" one given at `later`, "not
    before", or "unknown" (one day, a part of it known for only one of them)."""
    (day, part), (other_day, other_part) = earlier, later
    if day != other_day:
        return "before" if day < other_day else "not before"
    if part is None and other_part is None:
        return "not before"  # two values for one day
    if part is None or other_part is None:
        return "unknown"
    return "before" if part < other_part else "not before"


#: A weekday that dates its sentence's statement: at the head of the sentence ("On Monday
#: evening the ministry had put ..."), or right after its speech verb ("said on Monday",
#: "told reporters Monday"). Not a weekday that names the event ("the earthquake, which
#: struck on Sunday", "Monday's quake") nor one that starts a stretch ("since Monday").
_DAY = (
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!['’]s\b|\s+(?:morning|afternoon|evening|night)['’]s\b)"
)
_SPEECH = r"(?:said|says|announced|reported|confirmed|added|estimated|released|published|issued)"
_WEEKDAY = re.compile(
    r"^(?:(?:late|early|by)\s+)?(?:on\s+)?"
    + _DAY
    + r"|\b(?:"
    + _SPEECH
    + r"|told\s+\w+(?:\s+\w+)?|statement)\s+(?:on\s+)?"
    + _DAY
    + r"|\bon\s+"
    + _DAY
    + r"(?=\s+"
    + _SPEECH
    + r"\b)",
    re.IGNORECASE,
)

#: The parts of a day a running count is given for ("14 arrested by late afternoon", "at
#: least 20 by the evening"), in order; read only where they date the count ("by the
#: evening", "on Monday evening", "this morning"), not in "the Evening Standard" or
#: "last night" (the day before).
DAY_PARTS = {"morning": 1, "noon": 2, "midday": 2, "afternoon": 3, "evening": 4, "night": 5, "tonight": 5}
_DAY_PART = re.compile(
    r"(?<!\bsince )\b(?:(?:by|this|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:the\s+)?"
    r"(?:late\s+|early\s+)?(morning|noon|midday|afternoon|evening|night)|(tonight))\b",
    re.IGNORECASE,
)


def figure_time(article: Article, sentence: int) -> tuple[str, int | None] | None:
    """When a figure of the article's `sentence` is given for: its day (`figure_day`) and
    the part of the day the sentence names (`DAY_PARTS`), if it names one; None when the day
    is unknown."""
    day = figure_day(article, sentence)
    if day is None:
        return None
    text = article.sentences[sentence] if sentence < len(article.sentences) else ""
    parts = {DAY_PARTS[(m.group(1) or m.group(2)).lower()] for m in _DAY_PART.finditer(text)}
    return day, parts.pop() if len(parts) == 1 else None


def figure_day(article: Article, sentence: int) -> str | None:
    """The day (ISO) a figure of the article's `sentence` is given for: the article's
    date, or the last day on or before it with the weekday that dates the statement
    (`_WEEKDAY`). None when the article is undated or two such weekdays differ."""
    try:
        published = date.fromisoformat(article.date or "")
    except ValueError:
        return None
    text = article.sentences[sentence] if sentence < len(article.sentences) else ""
    days = {WEEKDAY_NUMBER[next(g for g in m.groups() if g).lower()] for m in _WEEKDAY.finditer(text)}
    if not days:
        return published.isoformat()
    if len(days) > 1:
        return None
    back = (published.weekday() - days.pop()) % 7
    return (published - timedelta(days=back)).isoformat()


def _base_measure(measure: str) -> str:
    """The class of a measure key, without its group, place or year ("deaths: civilians
    in Elazig" -> "deaths")."""
    return re.split(r":| in | \(", measure, maxsplit=1)[0]


def _cliques(
    values: Sequence[FigureGroup], clashes: Sequence[tuple[FigureGroup, FigureGroup]]
) -> list[list[FigureGroup]]:
    """Sets of values in which every two clash, greedily grown from each clashing pair."""
    clashing: dict[int, set[int]] = defaultdict(set)
    for a, b in clashes:
        clashing[id(a)].add(id(b))
        clashing[id(b)].add(id(a))
    out: list[list[FigureGroup]] = []
    seen: set[frozenset[int]] = set()
    for a, b in clashes:
        members = [a, b]
        for v in values:
            if v is not a and v is not b and all(id(m) in clashing[id(v)] for m in members):
                members.append(v)
        key = frozenset(id(m) for m in members)
        if key not in seen and not any(key < s for s in seen):
            seen.add(key)
            out.append(members)
    return [m for m in out if not any(frozenset(id(x) for x in m) < s for s in seen)]
