"""The Story screen: the whole story at once, one sentence across every outlet (a collation).

Each row is one sentence and its counterparts in every article (`analysis.collate`, the
rows `sidebyside collate` prints), each column an outlet, by date or by closeness (`o`).
A desk editor sees where a sentence appears and how each outlet changed it; the filters
keep the rows many outlets carry (`f`: at least 2, 3 … of them) or those only one has
(`1`: what the others left out). Enter opens Compare on the cursor's outlet and the row's
reference, at that row.

The collation aligns every pair of articles, which takes a while for a big story, so a
worker thread builds it (through the session's alignment cache, so Compare and the
matrix reuse the pairs) and the cells' word changes too, and posts the result; the
screen shows the progress meanwhile. A worker stops when its screen is dismissed (Textual
cancels it, and `collate` asks between two pairs) and never touches the screen: it only
posts messages, which a dismissed screen does not handle.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.collate import (
    Collation,
    ColumnOrder,
    carried_by,
    collate,
    column_of,
    filter_rows,
    row_of,
)
from sidebyside.model import Article, Stopped
from sidebyside.tui.screens.base import StoryScreen
from sidebyside.tui.widgets.compare_view import CompareView
from sidebyside.tui.widgets.story_view import (
    CHANGED,
    REFERENCE,
    REWORDED,
    SAME,
    Cells,
    StoryView,
    story_cells,
)

#: How each column order is said in the summary line.
ORDER_WORDS: dict[ColumnOrder, str] = {"date": "by date", "closeness": "by closeness"}
#: What each cell mark means, for the status line.
MARK_WORDS = {
    REFERENCE: "the row's reference",
    SAME: "same words as the reference",
    CHANGED: "word changes against the reference",
    REWORDED: "reworded (mostly other words)",
}
#: Progress is posted at most this often (seconds): a message per pair would flood the UI.
PROGRESS_EVERY = 0.1


@dataclass
class CollationProgress(Message):
    """`done` of `total` pairs of articles aligned for the collation."""

    done: int
    total: int


@dataclass
class CollationReady(Message):
    """The collation is built, with its cells' word changes."""

    collation: Collation
    cells: Cells


class CollationScreen(StoryScreen):
    """The Story screen: a grid of the collated rows, a cursor on one outlet's cell."""

    BINDINGS = [
        Binding(
            "enter",
            "compare",
            "Compare",
            tooltip="Compare the cursor's outlet with the row's reference, at this row",
            id="story.compare",
        ),
        Binding(
            "f",
            "carried",
            "Filter",
            tooltip="Show only the rows carried by at least 2, 3 … outlets, then all again (cycle)",
            id="story.carried",
        ),
        Binding(
            "1",
            "only_one",
            "Unique",
            tooltip="Show only the rows one outlet alone carries: what the others left out (toggle)",
            id="story.only_one",
        ),
        Binding(
            "o",
            "order",
            "Order",
            show=False,
            tooltip="Order the outlets by date (earliest first) or by closeness (toggle)",
            id="story.order",
        ),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the previous screen", id="story.back"),
    ]

    def __init__(self, at: tuple[str, int] | None = None) -> None:
        """`at`: the (article id, sentence) to put the cursor on once the rows are built."""
        super().__init__()
        self.at = at
        self.order: ColumnOrder = "date"
        self.min_outlets = 1
        self.only_one = False
        self.collation: Collation | None = None
        self._waiting: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="story-summary")
        yield StoryView(id="story")
        yield Static(id="story-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Story"
        self.sub_title = "every sentence, outlet by outlet"
        self.query_one(StoryView).focus()
        if self.app.loading:  # the rows depend on every article: wait for the last one
            self._waiting = self.set_interval(0.25, self._wait)
            self._wait()
        else:
            self._collate()

    def _wait(self) -> None:
        if self.app.loading:
            count = len(self.app.articles)
            self._summary(f"Still loading the story ({count} article{'s' * (count != 1)} so far)…")
            return
        if self._waiting is not None:
            self._waiting.stop()
            self._waiting = None
        self._collate()

    # --- the worker and what it posts -----------------------------------------------------

    def _collate(self) -> None:
        articles = self.app.story.articles
        self._summary(f"Collating {len(articles)} article{'s' * (len(articles) != 1)}…")
        self.build(articles, self.order, self.app.cache)

    @work(thread=True, exclusive=True, group="story")
    def build(self, articles: tuple[Article, ...], order: ColumnOrder, cache: AlignmentCache) -> None:
        """In a worker: the collation and its cells, posted when done (progress meanwhile)."""
        worker = get_current_worker()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY:
                last[0] = now
                self.post_message(CollationProgress(done, total))

        try:
            collation = collate(articles, cache, order, should_stop=lambda: worker.is_cancelled, progress=progress)
            cells = story_cells(collation, should_stop=lambda: worker.is_cancelled)
        except Stopped:
            return
        if not worker.is_cancelled:
            self.post_message(CollationReady(collation, cells))

    def on_collation_progress(self, message: CollationProgress) -> None:
        if self.is_live:
            count = len(self.app.articles)
            self._summary(f"Collating {count} articles… {message.done:,} of {message.total:,} pairs aligned")

    def on_collation_ready(self, message: CollationReady) -> None:
        if not self.is_live:
            return
        at = self._place()
        self.collation = self.app.collation = message.collation
        view = self.query_one(StoryView)
        view.show(message.collation, message.cells, self._rows(), at=self._cell_of(at))
        self.at = None
        self._describe()

    # --- where the cursor is, as a place in an article -----------------------------------

    def _place(self) -> tuple[str, int] | None:
        """The cursor's (article id, sentence): its cell's, else its row reference's; or
        where the screen was asked to open. Survives a new column order."""
        if self.collation is None:
            return self.at
        view = self.query_one(StoryView)
        if view.current is None:
            return None
        row = self.collation.rows[view.current]
        column = view.column if row.cells[view.column] is not None else row.reference
        sentence = row.cells[column]
        assert sentence is not None
        return self.collation.articles[column].id, sentence

    def _cell_of(self, place: tuple[str, int] | None) -> tuple[int, int] | None:
        """The (row, column) of a place in the current collation, None if it has none."""
        if place is None or self.collation is None:
            return None
        try:
            column = column_of(self.collation, place[0])
            return row_of(self.collation, column, place[1]), column
        except KeyError:  # an article or sentence the collation does not have
            return None

    # --- text around the grid -----------------------------------------------------------

    def _rows(self) -> tuple[int, ...]:
        assert self.collation is not None
        return filter_rows(self.collation, min_outlets=self.min_outlets, only_one=self.only_one)

    def _summary(self, text: str) -> None:
        self.query_one("#story-summary", Static).update(Text(text, no_wrap=True, overflow="ellipsis"))

    def _describe(self) -> None:
        """The summary line: which rows the filter shows, how many of how many, the order."""
        if self.collation is None:
            return
        view = self.query_one(StoryView)
        total, shown, n = len(self.collation.rows), len(view.shown), len(self.collation.articles)
        if self.only_one:
            rows = f"{shown} of {total} rows: only one outlet (what the others left out; 1 shows all)"
        elif self.min_outlets > 1:
            rows = f"{shown} of {total} rows: carried by ≥ {self.min_outlets} outlets (f: more, then all)"
        else:
            rows = f"All {total} rows"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(rows, style="bold" if shown != total else "")
        text.append(f" · {n} outlet{'s' * (n != 1)} {ORDER_WORDS[self.order]}")
        text.append("  * reference  = same  ~ changed: ", style="dim")
        text.append("struck", style="dim strike")
        text.append(" not printed, ", style="dim")
        text.append("underlined", style="dim bold underline")
        text.append(" its own  ≈ reworded", style="dim")
        self.query_one("#story-summary", Static).update(text)
        self._status()

    def on_story_view_cursor_moved(self, _: StoryView.CursorMoved) -> None:
        self._status()

    def _status(self) -> None:
        """The cursor's row and cell in words: who carries it, what this outlet did with it."""
        status = self.query_one("#story-status", Static)
        view = self.query_one(StoryView)
        if self.collation is None:
            return
        if view.current is None:
            status.update(Text("No row matches the filter (f or 1 changes it).", no_wrap=True))
            return
        row = self.collation.rows[view.current]
        articles = self.collation.articles
        article = articles[view.column]
        text = f"Row {view.current + 1} · carried by {carried_by(row)} of {len(articles)}"
        sentence = row.cells[view.column]
        cell = view.cells[view.current][view.column]
        if sentence is None or cell is None:
            text += f" · not in {article.label}"
        else:
            text += f" · {article.label}, sentence {sentence + 1}: {MARK_WORDS[cell.mark]}"
        if view.column != row.reference:
            text += f" · reference: {articles[row.reference].label}"
        status.update(Text(text, no_wrap=True, overflow="ellipsis"))

    def on_resize(self) -> None:
        self._describe()

    # --- actions -----------------------------------------------------------------------

    def action_carried(self) -> None:
        if self.collation is None:
            return
        n = len(self.collation.articles)
        if n < 2:
            self.notify("One article: it carries every row.", timeout=3)
            return
        if self.only_one:
            self.min_outlets = 2
        else:  # all, at least 2, 3 … all n, then all rows again
            self.min_outlets = 1 if self.min_outlets >= n else self.min_outlets + 1
        self.only_one = False
        self._filter()

    def action_only_one(self) -> None:
        if self.collation is None:
            return
        self.only_one = not self.only_one
        self.min_outlets = 1
        self._filter()

    def _filter(self) -> None:
        self.query_one(StoryView).filter(self._rows())
        self._describe()

    def action_order(self) -> None:
        if self.collation is None:
            return
        self.order = "closeness" if self.order == "date" else "date"
        self._collate()  # the cursor stays on its sentence (`on_collation_ready`)

    def action_compare(self) -> None:
        """Compare the cursor's outlet (else the next one carrying the row) with the row's
        reference, the Compare cursor on this row."""
        if self.collation is None:
            return
        view = self.query_one(StoryView)
        if view.current is None:
            return
        row = self.collation.rows[view.current]
        articles = self.collation.articles
        n = len(articles)
        others = [
            c
            for c in ((view.column + step) % n for step in range(n))
            if c != row.reference and row.cells[c] is not None
        ]
        if not others:
            self.notify(
                f"Only {articles[row.reference].label} carries this row: nothing to compare it with.",
                timeout=3,
                markup=False,
            )
            return
        reference = articles[row.reference]
        self.app.open_compare(reference, articles[others[0]])
        compare = self.app.screen
        sentence = row.cells[row.reference]

        def at_row() -> None:
            for rows in compare.query(CompareView):
                index = next((i for i, r in enumerate(rows.rows) if r.a == sentence), None)
                if index is not None:
                    rows.move_to(index)

        compare.call_after_refresh(at_row)
