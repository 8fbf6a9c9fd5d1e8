"""What the quote analysis produces: speech acts, their speakers, and each sentence's share.

These are plain records shared by every stage: `cues` creates `Act`s, `attribution` fills
in their `Speaker`s, `article` collects them into a `Speech` that `figures` later asks
"who gave this number?" (`Speech.speaker_at`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

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


@dataclass
class Speech:
    """The analysed article: every sentence's acts and the quotes they yield."""

    article: Article
    sentences: list[SentenceSpeech]
    quotes: tuple[Quote, ...]

    def speaker_at(self, sentence: int, start: int, end: int) -> Speaker | None:
        return self.sentences[sentence].speaker_at(start, end)
