"""Plain data passed between the stages: files -> Article -> analysis results.

Every stage is a pure function over these frozen dataclasses, so the headless commands
and the TUI see exactly the same values and the JSON exports are the test surface.
Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple


@dataclass(frozen=True)
class Problem:
    """One input that could not be used, with a message meant for the user."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


#: Where an article's outlet label came from, from the most to the least trusted.
OutletSource = Literal["sidecar", "page", "text", "file name"]


@dataclass(frozen=True)
class Article:
    """A cleaned article: metadata plus its body split into sentences.

    `paragraphs[i]` is the paragraph number of `sentences[i]`, so views can lay the
    sentences out as the outlet did without a second data structure. `credits` keeps the
    credit lines the cleaner took out of the body ("With AP", "(Reuters)", "Agencies"):
    never a byline, but evidence of whose copy the article runs.
    """

    id: str
    path: str
    outlet: str | None
    title: str | None
    byline: str | None
    dateline: str | None
    date: str | None
    sentences: tuple[str, ...]
    paragraphs: tuple[int, ...] = ()
    credits: tuple[str, ...] = ()
    #: The page's canonical address (from a saved HTML page, or a sidecar's `url`).
    url: str | None = None
    #: Where `outlet` came from: "sidecar", "page" (an HTML page's metadata), "text" (the
    #: article's own words) or "file name" (a file named in words, `al-jazeera.txt`), so a
    #: view can say how much to trust it; None when there is no outlet.
    outlet_from: OutletSource | None = None

    @property
    def label(self) -> str:
        """A short human name: the outlet, else the file name."""
        return self.outlet or self.id

    @property
    def publication_order(self) -> tuple[bool, str]:
        """Sort key by publication date (ISO, so it sorts as text), undated last; a stable
        sort keeps ties as loaded. Who ran a sentence first decides who copied whom, so
        every view that orders articles by date orders them by this."""
        return (self.date is None, self.date or "")


@dataclass(frozen=True)
class Story:
    """What one load of some PATHs produced: the usable articles and the problems."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Closest:
    """The other article that carries most of this one, and that share (None when alone).

    Here rather than beside `analysis.overlap.closest`, which computes it: the TUI receives
    it from the story's own process, and unpickling it must not import the analysis.
    """

    article: str
    other: str | None
    share: float


RowKind = Literal["same", "changed", "moved", "only_a", "only_b"]
#: One-character mark of each row kind (text views, legends, the TUI's gutter), in legend order.
ROW_MARKS: dict[RowKind, str] = {"same": "=", "changed": "~", "moved": ">", "only_a": "-", "only_b": "+"}
#: Each row kind in words, for legends, status lines and notes.
ROW_LABELS: dict[RowKind, str] = {
    "same": "same",
    "changed": "changed",
    "moved": "moved",
    "only_a": "only in A",
    "only_b": "only in B",
}


class AlignedRow(NamedTuple):
    """One row of a comparison: a sentence of A beside its counterpart in B (or nothing).

    `related` lists further B sentences that the A sentence also covers (one long
    sentence split in two by the other outlet); they have rows of their own too.
    A named tuple, not a dataclass: a long comparison builds thousands, and a frozen
    dataclass takes four times as long to build (docs/scale.md).
    """

    a: int | None
    b: int | None
    kind: RowKind
    similarity: float
    related: tuple[int, ...] = ()


@dataclass(frozen=True)
class Alignment:
    """Every sentence of A and of B in exactly one row, rows in A's order."""

    a: Article
    b: Article
    rows: tuple[AlignedRow, ...]

    @property
    def share_a_in_b(self) -> float:
        """Share of A's sentences that B carries, identical or reworded."""
        if not self.a.sentences:
            return 0.0
        found = sum(1 for r in self.rows if r.a is not None and r.b is not None)
        return found / len(self.a.sentences)


QuoteKind = Literal["direct", "indirect"]


@dataclass(frozen=True)
class Quote:
    """Words an article attributes to a speaker; `start`/`end` index the sentence text."""

    speaker: str
    text: str
    kind: QuoteKind
    sentence: int
    cue: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Figure:
    """A count in the body, what it counts and who gave it."""

    value: str
    number: float | int | None
    qualifier: str | None
    what: str | None
    attributed_to: str | None
    sentence: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class ArticleQuotes:
    """The quotes and figures found in one article."""

    article: Article
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    figures: tuple[Figure, ...] = field(default_factory=tuple)


class Stopped(Exception):
    """The work was asked to stop (`analysis.pool.stop_when`, a `should_stop` callback):
    whoever wanted it has gone. Here, not in `analysis.pool`, so the modules that only
    check for it (framing, collate) do not import multiprocessing."""
