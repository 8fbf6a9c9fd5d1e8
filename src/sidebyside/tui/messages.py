"""What the app's worker threads report, as messages handled on the UI thread.

A worker never touches a screen or a widget: it posts one of these to the app (posting is
thread-safe), and the app's handlers update its state and whichever screen is still there
to show it. A message that arrives after its screen was dismissed, or while the app shuts
down, is then simply not shown, instead of querying widgets that no longer exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from sidebyside.model import Article, Problem

if TYPE_CHECKING:
    from sidebyside.model import Closest
    from sidebyside.tui.saving import Checked


@dataclass
class StoryBatch(Message):
    """More of the story was read: articles and problems, and how many files of how many are done."""

    articles: list[Article]
    problems: list[Problem]
    done: int
    total: int


@dataclass
class StoryLoaded(Message):
    """Every file has been read."""


@dataclass
class OverlapStarted(Message):
    """Comparing every pair of `count` articles for the matrix has begun."""

    count: int


@dataclass
class OverlapRow(Message):
    """Row `index` of the matrix: the share of its sentences that each article carries."""

    index: int
    shares: tuple[float, ...]
    done: int
    total: int


@dataclass
class OverlapDone(Message):
    """Every row of the matrix of `articles` has been delivered; `nearest` is each
    article's closest other (computed by the worker, off the UI thread)."""

    articles: tuple[Article, ...]
    nearest: list[Closest]


@dataclass
class ExportReady(Message):
    """The text of an export (`what`: "comparison", "report") is built; the app writes it."""

    checked: Checked
    replace_existing: bool
    what: str
    text: str
