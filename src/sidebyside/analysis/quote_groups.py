"""One group per statement of one speaker, with every outlet that carries it.

The journalist wants "Haftar: 'were not met' -- AFP, Asharq Al-Awsat", not the same
words five times -- but never a group that puts one outlet's words in another's mouth.
So a group is built around its reference wording (the fullest direct wording, else the
fullest reported one) and every other printing joins it only by being like that
reference: a part of it (trimmed), a few words changed (altered), or indirect speech
reporting it. Printings are never chained to one another, so two different statements
that share a phrase ("political dialogue") are not merged through it. Each carrier keeps
the words its own outlet printed, with its `Fidelity` against the reference and the
word `changes`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sidebyside.analysis.copy import agency_of
from sidebyside.analysis.fidelity import (
    Change,
    Fidelity,
    changes,
    common_in_order,
    contains_run,
    fidelity,
    quote_words,
    similarity,
)
from sidebyside.analysis.text import STOPWORDS
from sidebyside.model import Article, ArticleQuotes, Quote, QuoteKind

#: Two direct printings this alike (share of words in order) are one statement, altered.
ALTERED_SIMILARITY = 0.75
#: ...or a part with a few words changed: this share of the shorter one's words in order.
ALTERED_PART = 0.8
#: Character-level likeness (rapidfuzz ratio) that also makes one statement (typos, spelling).
SIMILAR_CHARS = 85.0
#: A reported version joins a direct quote when this share of its content words are the
#: quote's, in order, and at least `REPORTED_MIN_WORDS` of them.
REPORTED_SHARE = 0.6
REPORTED_MIN_WORDS = 3
#: A part must have this many words to be matched inside a longer printing.
MIN_PART_WORDS = 2
#: A printing is compared with the references holding one of its rarest words (this many) ...
RARE_WORDS = 3
#: ... at most this many in all, from the rarest word first and each word's latest
#: statements first: on a small vocabulary every word is common, and comparing each
#: printing with every statement would be quadratic. On real text a printing's rarest
#: word is in one or two statements, far below the cap.
MAX_CANDIDATES = 24


@dataclass(frozen=True)
class Carrier:
    """One outlet's printing of a statement, in that outlet's own words."""

    article_id: str
    outlet: str
    sentence: int
    text: str
    kind: QuoteKind
    cue: str | None
    start: int
    end: int
    fidelity: Fidelity = Fidelity.VERBATIM
    changes: tuple[Change, ...] = field(default=())

    @property
    def differs(self) -> bool:
        """True when this outlet's wording is not the reference's (trimmed, altered, reported)."""
        return self.fidelity is not Fidelity.VERBATIM


@dataclass(frozen=True)
class QuoteGroup:
    """One statement of one speaker as carried by every outlet that carries it.

    `text` is the reference wording; `also_attributed_to` names other speakers some
    outlet gives the same words to -- worth a second look by the journalist.
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

    @property
    def differs(self) -> bool:
        """True when some outlet's wording differs from the reference."""
        return any(c.differs for c in self.carriers)

    def differs_between(self, a_id: str, b_id: str) -> bool:
        """True when both articles carry the statement, in words that are not the same."""
        a, b = self.carrier_in(a_id), self.carrier_in(b_id)
        return a is not None and b is not None and quote_words(a.text) != quote_words(b.text)

    def carrier_in(self, article_id: str) -> Carrier | None:
        """This article's printing (its first), or None when it does not carry the statement."""
        return next((c for c in self.carriers if c.article_id == article_id), None)


@dataclass(eq=False)
class _Building:
    """A group while it is built: the reference printing and the members so far."""

    anchor: int
    words: list[str]
    kind: QuoteKind
    members: list[int]


def group_quotes(results: Sequence[ArticleQuotes], speakers: Iterable[str] = ()) -> tuple[QuoteGroup, ...]:
    """One group per statement per speaker; watched speakers first, then by first appearance."""
    watched = tuple(speakers)
    by_speaker: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
    for result in results:
        for q in result.quotes:
            by_speaker[q.speaker].append((result.article, q))
    groups: list[QuoteGroup] = []
    for speaker, printed in by_speaker.items():
        groups.extend(_statements(speaker, printed, speaker in watched))
    groups = _cross_speakers(groups)
    order = {name: n for n, name in enumerate(watched)}
    return tuple(sorted(groups, key=lambda g: (not g.watched, order.get(g.speaker, len(order)), g.speaker, _first(g))))


def _statements(speaker: str, printed: Sequence[tuple[Article, Quote]], watched: bool) -> list[QuoteGroup]:
    """The groups of one speaker's printings.

    Printings are taken fullest first (direct before reported), so each group's first
    member is its reference. Identical wordings are decided once, and a printing is only
    compared with the references that hold one of its rarest words (a part has all its
    words in its reference; a reported version most of them).
    """
    words = [quote_words(q.text) for _, q in printed]
    order = sorted(range(len(printed)), key=lambda i: (printed[i][1].kind != "direct", -len(words[i]), i))
    building: list[_Building] = []
    decided: dict[tuple[QuoteKind, tuple[str, ...]], _Building] = {}
    index: dict[str, list[_Building]] = defaultdict(list)
    frequency: dict[str, int] = defaultdict(int)
    for w in words:
        for word in set(w):
            frequency[word] += 1
    for i in order:
        kind = printed[i][1].kind
        key = (kind, tuple(words[i]))
        group = decided.get(key)
        if group is None:
            known = [w for w in set(words[i]) if w in index]
            rare = sorted(known, key=lambda w: (frequency[w], w))[:RARE_WORDS]
            candidates = list(dict.fromkeys(g for w in rare for g in reversed(index[w][-MAX_CANDIDATES:])))
            candidates = candidates[:MAX_CANDIDATES]
            group = _best(words[i], kind, printed[i][1].text, candidates, printed)
            if group is None:
                group = _Building(i, words[i], kind, [])
                building.append(group)
                for word in set(words[i]):
                    index[word].append(group)
            decided[key] = group
        group.members.append(i)
    return [_freeze(speaker, watched, g, printed) for g in building]


def _best(
    words: list[str],
    kind: QuoteKind,
    text: str,
    candidates: Sequence[_Building],
    printed: Sequence[tuple[Article, Quote]],
) -> _Building | None:
    """The reference this printing reports or reprints, the likeliest first; None if none."""
    scored = [
        (score, -n)
        for n, g in enumerate(candidates)
        if (score := _same_statement(words, kind, text, g, printed[g.anchor][1].text)) > 0
    ]
    if not scored:
        return None
    _, neg = max(scored)
    return candidates[-neg]


def _same_statement(words: list[str], kind: QuoteKind, text: str, group: _Building, ref_text: str) -> float:
    """How surely a printing is the group's statement (0: it is not)."""
    ref = group.words
    if not words or not ref:
        return 0.0
    if words == ref:
        return 2.0
    if len(words) >= MIN_PART_WORDS and contains_run(ref, words):
        return 1.0 + len(words) / len(ref)
    if kind == "direct" or group.kind == "indirect":
        # Both direct, or both reported: the same words with a few changed.
        alike = similarity(words, ref)
        shorter = min(len(words), len(ref))
        common = common_in_order(words, ref)
        if alike >= ALTERED_SIMILARITY and common >= 3:
            return alike
        if shorter >= 4 and common / shorter >= ALTERED_PART and common >= 4:
            return common / max(len(words), len(ref))
        if kind == group.kind and fuzz.ratio(" ".join(words), " ".join(ref)) >= SIMILAR_CHARS:
            return alike
        return 0.0
    # Indirect speech of a direct quote: most of its content words are the quote's, in order.
    content = [w for w in words if w not in STOPWORDS]
    ref_content = [w for w in ref if w not in STOPWORDS]
    common = common_in_order(content, ref_content)
    if common >= REPORTED_MIN_WORDS and content and common / len(content) >= REPORTED_SHARE:
        return common / len(content) * 0.9
    return 0.0


def _freeze(speaker: str, watched: bool, group: _Building, printed: Sequence[tuple[Article, Quote]]) -> QuoteGroup:
    """The finished group, carriers in article order, each labelled against the reference."""
    _, ref = printed[_reference(group, printed)]
    carriers = []
    for i in sorted(group.members):
        article, q = printed[i]
        label = fidelity(q.text, q.kind, ref.text, ref.kind)
        # Word edits where the words can be set side by side: two direct quotations, or two
        # reports of the statement ("about 1,200" -> "about 1,500" in the same paraphrase).
        comparable = label in (Fidelity.TRIMMED, Fidelity.ALTERED) or (
            label is Fidelity.REPORTED and q.kind == ref.kind == "indirect"
        )
        edits = changes(q.text, ref.text) if comparable else ()
        carriers.append(
            Carrier(article.id, article.label, q.sentence, q.text, q.kind, q.cue, q.start, q.end, label, edits)
        )
    return QuoteGroup(speaker, ref.text, ref.kind, watched, tuple(carriers))


def _reference(group: _Building, printed: Sequence[tuple[Article, Quote]]) -> int:
    """The printing whose words the others are measured against: the fullest wording.

    Fullest means no other printing of the same kind holds it as a part (so a cut
    version reads "trimmed", never the full one "altered"). Where several are fullest --
    versions of one quote with words changed -- the reference is the one more outlets
    print, then the earliest dated, then one from an article that credits no one else's
    copy, then a news agency's (the likelier original), then the longest: the wire's
    "people's" is the reference, the reprint's "our children's" the alteration, not the
    other way round.
    """
    kind = printed[group.anchor][1].kind
    members = [i for i in group.members if printed[i][1].kind == kind]
    # Decided per distinct wording, so a statement reprinted by a thousand outlets costs
    # a thousand lookups, not a million comparisons.
    wordings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in members:
        wordings[tuple(quote_words(printed[i][1].text))].append(i)
    fullest = {w for w in wordings if not any(other != w and _part_of(list(w), list(other)) for other in wordings)}

    def rank(i: int) -> tuple[int, str, bool, bool, int, int]:
        article = printed[i][0]
        words = tuple(quote_words(printed[i][1].text))
        reprint = bool(article.credits)  # "With NPA": it runs someone else's copy
        return (
            -len(wordings[words]),
            article.date or "9999",
            reprint,
            agency_of(article.outlet) is None,
            -len(words),
            i,
        )

    candidates = [i for w in fullest for i in wordings[w]]
    return min(candidates, key=rank) if candidates else group.anchor


def _part_of(short: list[str], long: list[str]) -> bool:
    return len(short) < len(long) and contains_run(long, short)


def _first(group: QuoteGroup) -> tuple[str, int]:
    c = group.carriers[0]
    return c.article_id, c.sentence


def _cross_speakers(groups: list[QuoteGroup]) -> list[QuoteGroup]:
    """Note, on each direct quote, other speakers some outlet gives the same words to."""
    direct = [k for k, g in enumerate(groups) if g.kind == "direct"]
    words = {k: quote_words(groups[k].text) for k in direct}
    index: dict[str, list[int]] = defaultdict(list)
    for k in direct:
        for word in set(words[k]):
            index[word].append(k)
    others: dict[int, list[str]] = defaultdict(list)
    for k in direct:
        rare = sorted(set(words[k]), key=lambda w: (len(index[w]), w))[:2]
        for other in {o for w in rare for o in index[w][:MAX_CANDIDATES] if o > k}:
            a, b = groups[k], groups[other]
            if a.speaker == b.speaker:
                continue
            short, long_ = sorted((words[k], words[other]), key=len)
            if (len(short) >= MIN_PART_WORDS and contains_run(long_, short)) or similarity(short, long_) >= 0.85:
                others[k].append(b.speaker)
                others[other].append(a.speaker)
    return [
        QuoteGroup(g.speaker, g.text, g.kind, g.watched, g.carriers, tuple(dict.fromkeys(others[k])))
        if k in others
        else g
        for k, g in enumerate(groups)
    ]
