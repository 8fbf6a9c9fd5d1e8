"""What the quote analysis produces: speech acts, their speakers, and each sentence's share.

These are plain records shared by every stage: `cues` creates `Act`s, `attribution` fills
in their `Speaker`s, `article` collects them into a `Speech` that `figures` later asks
"who gave this number?" (`Speech.speaker_at`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from typing import TypeVar

from sidebyside.analysis.quotes.marks import QuoteSpan
from sidebyside.model import Article, Quote


class Form(StrEnum):
    """Where an act's subject stands relative to its cue; it decides what the act covers."""

    PRE = "pre"  # "Haftar said ...": the words follow the cue
    TRAILING = "trailing"  # "..., said Salame." / "..., the official said.": the words come before
    PARTICIPLE = "participle"  # "..., acknowledging ...": the subject is the clause's
    COORDINATED = "coordinated"  # "... and called for ...": the subject is the act it joins
    ACCORDING = "according"  # "..., according to X": X is the source of the clause


class CueKind(StrEnum):
    """What a cue verb does with its words, which decides where they start and end."""

    SAY = "say"  # "said (that) ...": a reported clause
    TELL = "tell"  # "told the newspaper (that) ...": the hearer belongs to the cue
    REQUEST = "request"  # "called for ...", "accused X of ...": the whole predicate
    ACCORDING = "according"  # "according to X": the clause it attaches to


@dataclass(frozen=True)
class Speaker:
    """Who an act or quote belongs to: a watched person, or the article's own words."""

    person: str | None
    label: str
    personal: bool = True  # a person ("he" may refer to them), not a statement or an office

    @property
    def name(self) -> str:
        return self.person or self.label


@dataclass
class Act:
    """One speech act in a sentence: who spoke (subject), the cue, what they said (content)."""

    cue: str
    form: Form
    kind: CueKind
    cue_start: int
    cue_end: int
    boundary: int  # where this act's own words begin: its comma, connector or subject
    subject: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    speaker: Speaker | None = None
    #: Said in a ", who said" clause ("Berg slammed Ruiz, who said ..."): when the sentence's
    #: subject is another person, a pronoun after it could be either (`update_discourse`).
    relative: bool = False

    def covers(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.content)

    @property
    def content_start(self) -> int:
        return min((a for a, _ in self.content), default=self.cue_end)


@dataclass
class SentenceSpeech:
    """What one sentence holds: its quotations and speech acts, speakers resolved."""

    index: int
    text: str
    spans: list[QuoteSpan]
    acts: list[Act]
    quote_speakers: dict[int, Speaker] = field(default_factory=dict)  # span index -> speaker
    paragraph_speaker: Speaker | None = None  # set when a trailing "..., said X." ends the paragraph

    def watched_first(self, acts: Iterable[Act]) -> Act | None:
        """Innermost act speaking for a watched person, else the innermost act."""
        ordered = sorted(acts, key=lambda a: (-a.content_start, sum(b - s for s, b in a.content)))
        for act in ordered:
            if act.speaker is not None and act.speaker.person:
                return act
        return ordered[0] if ordered else None

    def innermost(self, stretches: Sequence[tuple[int, int]]) -> list[Act | None]:
        """`watched_first` of the voiced acts covering each stretch, for many stretches at once.

        A sentence of thousands of quotations and acts is not read once per quotation: when
        the stretches are in order, each act marks the stretches it covers (`first_covering`).
        """
        if len(stretches) * len(self.acts) <= PAIRWISE:
            return [self._innermost_at(start, end) for start, end in stretches]
        voiced = sorted(
            (a for a in self.acts if a.speaker is not None),
            key=lambda a: (-a.content_start, sum(b - s for s, b in a.content)),
        )
        watched = first_covering(stretches, [(a, a.content) for a in voiced if a.speaker and a.speaker.person])
        anyone = first_covering(stretches, [(a, a.content) for a in voiced])
        if watched is None or anyone is None:
            return [self._innermost_at(start, end) for start, end in stretches]
        return [w if w is not None else a for w, a in zip(watched, anyone, strict=True)]

    def _innermost_at(self, start: int, end: int) -> Act | None:
        return self.watched_first(a for a in self.acts if a.speaker is not None and a.covers(start, end))

    def speaker_at(self, start: int, end: int) -> Speaker | None:
        """Who the words at [start, end) belong to, for figures and the quote sheet."""
        for i, span in enumerate(self.spans):
            if span.start <= start and end <= span.end and i in self.quote_speakers:
                return self.quote_speakers[i]
        according = [a for a in self.acts if a.form == Form.ACCORDING and a.covers(start, end)]
        if according:
            return according[-1].speaker
        act = self.watched_first(a for a in self.acts if a.covers(start, end) and a.speaker is not None)
        if act is not None:
            return act.speaker
        return self.paragraph_speaker

    def speakers_at(self, stretches: Sequence[tuple[int, int]]) -> list[Speaker | None]:
        """`speaker_at` for each of many stretches (a sentence's figures), without reading
        every quotation and act once per stretch when the stretches are in order."""
        if len(stretches) * (len(self.spans) + len(self.acts)) <= PAIRWISE:
            return [self.speaker_at(start, end) for start, end in stretches]
        quoted = first_covering(
            stretches,
            [
                (self.quote_speakers[i], [(s.start, s.end)])
                for i, s in enumerate(self.spans)
                if i in self.quote_speakers
            ],
        )
        according = first_covering(stretches, [(a, a.content) for a in reversed(self.acts) if a.form == Form.ACCORDING])
        if quoted is None or according is None:
            return [self.speaker_at(start, end) for start, end in stretches]
        inner = self.innermost(stretches)
        out: list[Speaker | None] = []
        for q, acc, act in zip(quoted, according, inner, strict=True):
            if q is not None:
                out.append(q)
            elif acc is not None:
                out.append(acc.speaker)
            elif act is not None:
                out.append(act.speaker)
            else:
                out.append(self.paragraph_speaker)
        return out


@dataclass
class Speech:
    """The analysed article: every sentence's acts and the quotes they yield."""

    article: Article
    sentences: list[SentenceSpeech]
    quotes: tuple[Quote, ...]

    def speaker_at(self, sentence: int, start: int, end: int) -> Speaker | None:
        return self.sentences[sentence].speaker_at(start, end)

    def speakers_at(self, sentence: int, stretches: Sequence[tuple[int, int]]) -> list[Speaker | None]:
        return self.sentences[sentence].speakers_at(stretches)


T = TypeVar("T")
#: Up to this many pairs of stretches and acts (or quotations), each stretch is read alone.
PAIRWISE = 256


def first_covering(
    stretches: Sequence[tuple[int, int]], ranked: Sequence[tuple[T, Sequence[tuple[int, int]]]]
) -> list[T | None] | None:
    """For each stretch [start, end), the first item of `ranked` one of whose ranges
    [a, b) contains it (a <= start and end <= b), or None where none does.

    Linear in stretches and ranges (up to a log): with the stretches in order, the
    stretches a range contains are consecutive, and each is marked once, by the first
    item to reach it. Returns None when the stretches are not in order (sorted by start
    and by end), for the caller to fall back to reading them one by one.
    """
    starts = [start for start, _ in stretches]
    ends = [end for _, end in stretches]
    if any(x > y for x, y in pairwise(starts)) or any(x > y for x, y in pairwise(ends)):
        return None
    found: list[T | None] = [None] * len(stretches)
    unmarked = list(range(len(stretches) + 1))  # the next stretch not marked yet, at or after i

    def next_unmarked(i: int) -> int:
        root = i
        while unmarked[root] != root:
            root = unmarked[root]
        while unmarked[i] != root:  # path compression
            unmarked[i], i = root, unmarked[i]
        return root

    for item, ranges in ranked:
        for a, b in ranges:
            k, stop = next_unmarked(bisect_left(starts, a)), bisect_right(ends, b)
            while k < stop:
                found[k] = item
                unmarked[k] = k + 1
                k = next_unmarked(k + 1)
    return found
