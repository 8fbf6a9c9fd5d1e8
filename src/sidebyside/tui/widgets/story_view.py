"""The collation grid of the Story screen: one row per sentence, one column per outlet (Line API).

Each collated row becomes a block of terminal lines as tall as its longest wrapped cell,
so the outlets' versions of a sentence stay level. The cells' styled text (each outlet's
word changes against the row's reference) does not depend on the width, so it is built
once, off the UI thread, by `story_cells`; the view computes only the heights of the rows
per column width (plain word wrap: styles never move a break) and wraps a cell's spans
when it scrolls into view. Only the visible lines, and in them only the visible columns,
are drawn, so a story of 50 outlets scrolls as fast as one of five.

The column headers (outlet and date) stay on top and the row numbers on the left while
the grid scrolls under them, up and down and sideways.

Colour is never the only sign: each cell starts with a mark (`*` the row's reference,
`=` the same words, `~` word changes marked, `≈` reworded, shown whole), removed words
are struck through and added words bold and underlined, as in Compare, and the cursor's
row number and column header are drawn in reverse. Article text is only ever put into
Segments as plain strings, never parsed as markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sidebyside.analysis.collate import CellKind, Collation, collated_cell
from sidebyside.analysis.worddiff import DELETE, EQUAL, INSERT, Op
from sidebyside.export.collate import terminal_line
from sidebyside.export.table import fit
from sidebyside.layout import Span, cell_width, wrap, wrap_spans
from sidebyside.model import Stopped
from sidebyside.tui.widgets.word_marks import word_marks_css

#: The row number on the left: "123 " and a space.
GUTTER = 5
#: The column headers on top: the outlet, then its date.
HEADER = 2
#: Columns are never narrower than this (a sentence needs some room) nor wider than MAX_COLUMN.
MIN_COLUMN = 30
MAX_COLUMN = 60
#: What a column spends besides its text: the mark, a space, a space and the rule.
CHROME = 4

REFERENCE = "*"
SAME = "="
CHANGED = "~"
REWORDED = "≈"
#: Component classes that colour text only (see `StoryView._style`).
FOREGROUND_ONLY = frozenset({"mark", "absent", "number", "rule"})
#: What an empty cell shows: the outlet does not carry the row's sentence.
ABSENT = "·"


@dataclass(frozen=True)
class Cell:
    """One outlet's version of a row's sentence, as the grid shows it."""

    mark: str  # REFERENCE, SAME, CHANGED or REWORDED
    spans: tuple[Span, ...]  # styles: "" plain, "deleted" (the reference's only), "inserted" (this outlet's own)

    @property
    def plain(self) -> str:
        """The text drawn, styles aside (what the row heights are computed from)."""
        return "".join(text for text, _ in self.spans)


#: Every row's cells, in column order; None where the outlet does not carry the sentence.
Cells = tuple[tuple[Cell | None, ...], ...]


def story_cells(collation: Collation, should_stop: Callable[[], bool] | None = None) -> Cells:
    """The cells of every row of `collation` (the work a worker does once the rows are known).

    `should_stop` is asked before each row; once it says True, `model.Stopped` is
    raised: the screen has gone, and diffing the rest of 50 outlets' rows is wasted.
    """
    cells = []
    for r in range(len(collation.rows)):
        if should_stop is not None and should_stop():
            raise Stopped
        cells.append(tuple(_cell(collation, r, c) for c in range(len(collation.articles))))
    return tuple(cells)


#: Each kind of cell's mark.
MARKS: dict[CellKind, str] = {"reference": REFERENCE, "same": SAME, "changed": CHANGED, "reworded": REWORDED}


def _cell(collation: Collation, index: int, column: int) -> Cell | None:
    cell = collated_cell(collation, collation.rows[index], column)
    if cell is None:
        return None
    if cell.kind == "changed":
        return Cell(CHANGED, diff_spans(list(cell.changes)))
    return Cell(MARKS[cell.kind], ((terminal_line(cell.text), ""),))


def diff_spans(changes: list[Op]) -> tuple[Span, ...]:
    """Word changes as one text: the reference's words the outlet dropped ("deleted"), then
    the words it printed instead ("inserted"), the shared words plain.

    A replaced word follows the struck one directly in the diff ("people'schildren's"): a
    space goes between them so they read, and wrap, as two words.
    """
    spans: list[Span] = []
    previous = EQUAL
    for op, text in changes:
        clean = terminal_line(text)
        if op == INSERT and previous == DELETE and spans and spans[-1][0][-1:].isalnum() and clean[:1].isalnum():
            spans.append((" ", ""))
        spans.append((clean, {DELETE: "deleted", INSERT: "inserted"}.get(op, "")))
        previous = op
    return tuple(spans)


def column_width(room: int, columns: int) -> int:
    """Each column's width (text and chrome) when `room` cells are left of the row numbers.

    As many columns as fit at MIN_COLUMN share the room, so the screen is filled and a
    few outlets get wide columns; never wider than MAX_COLUMN.
    """
    fits = max(1, room // MIN_COLUMN)
    return max(MIN_COLUMN, min(MAX_COLUMN, room // max(1, min(fits, columns))))


def row_heights(cells: Cells, text_width: int) -> list[int]:
    """Lines each row takes with cells `text_width` wide: its tallest wrapped cell."""
    return [max((len(wrap(cell.plain, text_width)) for cell in row if cell is not None), default=1) for row in cells]


class StoryView(ScrollView, can_focus=True):
    """The rows of a collation (all, or those a filter keeps) with a row and column cursor."""

    DEFAULT_CSS = """
    StoryView {
        height: 1fr;
        overflow-x: auto;
        overflow-y: auto;
    }

    /* The row's reference cell: a tint besides its `*`. */
    StoryView > .story-view--reference {
        background: #18244e;
    }

    StoryView:light > .story-view--reference {
        background: #d0daf5;
    }

    StoryView > .story-view--header {
        background: $panel;
        text-style: bold;
    }

    StoryView > .story-view--date {
        background: $panel;
        color: $text-muted;
        text-style: italic;
    }

    StoryView > .story-view--number {
        color: $text-muted;
    }

    StoryView > .story-view--mark {
        color: $text-muted;
        text-style: bold;
    }

    StoryView > .story-view--absent {
        color: $text-muted;
    }

    StoryView > .story-view--rule {
        color: $panel-lighten-2;
    }

    StoryView > .story-view--cursor-row {
        background: $foreground 8%;
    }

    StoryView > .story-view--cursor-cell {
        background: $accent 45%;
    }

    StoryView > .story-view--cursor {
        background: $accent;
        color: $text;
        text-style: bold reverse;
    }
    """ + word_marks_css("StoryView", "story-view")
    COMPONENT_CLASSES = {
        "story-view--deleted",
        "story-view--inserted",
        "story-view--reference",
        "story-view--header",
        "story-view--date",
        "story-view--number",
        "story-view--mark",
        "story-view--absent",
        "story-view--rule",
        "story-view--cursor-row",
        "story-view--cursor-cell",
        "story-view--cursor",
    }
    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="story_view.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="story_view.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="story_view.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="story_view.page_up"),
        Binding("home,g", "first", "First row", show=False, id="story_view.first"),
        Binding("end,G", "last", "Last row", show=False, id="story_view.last"),
        Binding(
            "right,l",
            "column(1)",
            "Next outlet",
            show=False,
            tooltip="Move to the next outlet's column",
            id="story_view.right",
        ),
        Binding(
            "left,h",
            "column(-1)",
            "Previous outlet",
            show=False,
            tooltip="Move to the previous outlet's column",
            id="story_view.left",
        ),
    ]

    class CursorMoved(Message):
        """The cursor went to another cell (the screen updates its status line)."""

        def __init__(self, row: int | None, column: int) -> None:
            super().__init__()
            self.row = row  # the collation's row index, None when no row is shown
            self.column = column

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.collation: Collation | None = None
        self.cells: Cells = ()
        #: The collation rows shown (a filter's result), in reading order.
        self.shown: tuple[int, ...] = ()
        #: The cursor: an index into `shown`, and a column.
        self.cursor = 0
        self.column = 0
        self._starts: list[int] = [0]
        self._width = 0  # the width the layout was made for (0: to do)
        self._column_width = MIN_COLUMN
        self._heights: list[int] = []
        self._lines: dict[tuple[int, int], list[list[Span]]] = {}

    # --- data -------------------------------------------------------------------

    def show(
        self, collation: Collation, cells: Cells, shown: Sequence[int], *, at: tuple[int, int] | None = None
    ) -> None:
        """Display `collation` (its `cells` from `story_cells`), the rows `shown` only, the
        cursor on `at` (a collation row and a column; the nearest shown row that follows)."""
        self.collation = collation
        self.cells = cells
        self.shown = tuple(shown)
        self._width = 0
        self._layout()
        row, column = at if at is not None else (None, self.column)
        self.move_to(row, column, center=True)

    def filter(self, shown: Sequence[int]) -> None:
        """Show only the rows `shown`, keeping the cursor on its row if it is still shown."""
        current = self.current
        self.shown = tuple(shown)
        self._place_rows()
        self.move_to(current, self.column, center=True)

    @property
    def current(self) -> int | None:
        """The collation row under the cursor, None when no row is shown."""
        return self.shown[self.cursor] if self.shown else None

    # --- layout -----------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout()
        self._scroll_to_cursor()

    @property
    def column_cells(self) -> int:
        """Each column's width on screen at the current size, its mark and rule included."""
        return self._column_width

    @property
    def text_width(self) -> int:
        """The width of a cell's text at the current size."""
        return self._column_width - CHROME

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if self.collation is None or width <= 0 or width == self._width:
            return
        self._width = width
        self._column_width = column_width(width - GUTTER, len(self.collation.articles))
        self._lines.clear()
        self._heights = row_heights(self.cells, self.text_width)
        self._place_rows()

    def _place_rows(self) -> None:
        """Where each shown row starts, and the size of the whole grid."""
        starts = [0]
        for index in self.shown:
            starts.append(starts[-1] + self._heights[index])
        self._starts = starts
        self.virtual_size = Size(self._width + self._hidden_columns() * self._column_width, HEADER + max(1, starts[-1]))
        self.refresh()

    def _hidden_columns(self) -> int:
        """Columns that do not fit beside the others: scrolled sideways a column at a time,
        so the last position shows the last columns whole."""
        columns = len(self.collation.articles) if self.collation else 0
        return max(0, columns - max(1, (self._width - GUTTER) // self._column_width))

    def _shown_at_line(self, line: int) -> int:
        return bisect_right(self._starts, line) - 1

    # --- cursor -----------------------------------------------------------------

    def move_to(self, row: int | None, column: int, *, center: bool = False) -> None:
        """Put the cursor on collation row `row` (else the nearest shown row after it, else
        the last) and on `column`, and scroll them into view."""
        columns = len(self.collation.articles) if self.collation else 0
        self.column = max(0, min(column, columns - 1))
        if row is None or not self.shown:
            self.cursor = 0
        else:
            self.cursor = min(bisect_right(self.shown, row - 1), len(self.shown) - 1)
        self._moved(center=center)

    def _moved(self, center: bool = False) -> None:
        self.refresh()
        self._scroll_to_cursor(center=center)
        self.post_message(self.CursorMoved(self.current, self.column))

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.shown) - 1))
        self._moved()

    def action_column(self, step: int) -> None:
        columns = len(self.collation.articles) if self.collation else 0
        self.column = max(0, min(self.column + step, columns - 1))
        self._moved()

    def action_page(self, direction: int) -> None:
        if not self.shown:
            return
        line = self._starts[self.cursor] + direction * max(1, self.size.height - HEADER - 1)
        self.cursor = self._shown_at_line(max(0, min(line, self._starts[-1] - 1)))
        self._moved()

    def action_first(self) -> None:
        self.cursor = 0
        self._moved()

    def action_last(self) -> None:
        self.cursor = max(0, len(self.shown) - 1)
        self._moved()

    def _scroll_to_cursor(self, center: bool = False) -> None:
        """Bring the cursor cell into the part of the view the headers and numbers leave."""
        if not self.shown or len(self._starts) <= self.cursor + 1:
            return
        top, bottom = self._starts[self.cursor], self._starts[self.cursor + 1]
        region = Region(0, HEADER + top, 1, bottom - top)
        self.scroll_to_region(
            region, spacing=Spacing(HEADER, 0, 0, 0), animate=False, center=center, force=True, x_axis=False
        )
        first = round(self.scroll_offset.x) // self._column_width
        shown = max(1, (self._width - GUTTER) // self._column_width)
        if not first <= self.column < first + shown:
            first = self.column if self.column < first else self.column - shown + 1
            self.scroll_to(x=min(first, self._hidden_columns()) * self._column_width, animate=False, force=True)

    def on_click(self, event: events.Click) -> None:
        if self.collation is None:
            return
        column = (round(self.scroll_offset.x) + event.x - GUTTER) // self._column_width
        line = round(self.scroll_offset.y) + event.y - HEADER
        if event.x >= GUTTER and 0 <= column < len(self.collation.articles):
            self.column = column
        if event.y >= HEADER and self.shown and 0 <= line < self._starts[-1]:
            self.cursor = self._shown_at_line(line)
        self._moved()

    # --- drawing ----------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """A component's style; only its own colour and text style for those that set no
        background, so the cell's background (reference, cursor) shows through."""
        return self.get_component_rich_style(f"story-view--{name}", partial=name in FOREGROUND_ONLY)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if self.collation is None or width <= 0:
            return Strip.blank(width, base)
        if y < HEADER:
            return self._line(self._gutter_head(y, base), lambda c: self._head_cell(c, y, base), width, base)
        line = round(self.scroll_offset.y) + y - HEADER
        if not self.shown or line >= self._starts[-1]:
            return Strip.blank(width, base)
        index = self._shown_at_line(line)
        part = line - self._starts[index]
        row = self.shown[index]
        is_cursor = index == self.cursor
        number = f"{row + 1:>{GUTTER - 1}} " if part == 0 else " " * GUTTER
        gutter = [Segment(number, base + self._style("cursor" if is_cursor and part == 0 else "number"))]
        return self._line(gutter, lambda c: self._body_cell(row, c, part, is_cursor, base), width, base)

    def _line(self, gutter: list[Segment], cell: Any, width: int, base: Style) -> Strip:
        """The gutter, then the columns in view (only those are built), cut to the view."""
        scroll_x = round(self.scroll_offset.x)
        room = width - GUTTER
        first = scroll_x // self._column_width
        last = min(len(self.cells[0]) if self.cells else 0, (scroll_x + room) // self._column_width + 1)
        segments: list[Segment] = []
        for column in range(first, last):
            segments += cell(column)
        offset = scroll_x - first * self._column_width
        columns = Strip(segments).crop_extend(offset, offset + room, base)
        return Strip([*gutter, *columns]).crop_extend(0, width, base)

    def _gutter_head(self, y: int, base: Style) -> list[Segment]:
        return [Segment(fit(" row" if y == 0 else "", GUTTER), base + self._style("header" if y == 0 else "date"))]

    def _head_cell(self, column: int, y: int, base: Style) -> list[Segment]:
        """Line `y` of a column's header: its number and outlet, then its date."""
        assert self.collation is not None
        article = self.collation.articles[column]
        style = base + self._style("header" if y == 0 else "date")
        if y == 0 and article.outlet_from == "file name":  # a label, not what the page said
            style += Style(italic=True)
        if column == self.column:
            style += self._style("cursor")
        text = f"{column + 1} {terminal_line(article.label)}" if y == 0 else article.date or "undated"
        return [
            Segment(" " + fit(text, self._column_width - 3) + " ", style),
            Segment("│", base + self._style("rule")),
        ]

    def _body_cell(self, row: int, column: int, part: int, is_cursor: bool, base: Style) -> list[Segment]:
        """Line `part` of a cell: its mark (first line only), its text, the rule."""
        cell = self.cells[row][column]
        style = base
        if cell is not None and cell.mark == REFERENCE:
            style += self._style("reference")
        if is_cursor:
            style += self._style("cursor-cell" if column == self.column else "cursor-row")
        width = self.text_width
        segments = [Segment(cell.mark if cell is not None and part == 0 else " ", style + self._style("mark"))]
        segments.append(Segment(" ", style))
        if cell is None:
            segments.append(Segment(fit(ABSENT if part == 0 else "", width), style + self._style("absent")))
        else:
            lines = self._cell_lines(row, column, cell)
            spans = lines[part] if part < len(lines) else []
            segments += [Segment(text, style + self._style(name) if name else style) for text, name in spans]
            used = sum(cell_width(text) for text, _ in spans)
            segments.append(Segment(" " * (width - used), style))
        segments.append(Segment(" ", style))
        segments.append(Segment("│", base + self._style("rule")))
        return segments

    def _cell_lines(self, row: int, column: int, cell: Cell) -> list[list[Span]]:
        """A cell's wrapped lines at the current width, wrapped when first drawn."""
        lines = self._lines.get((row, column))
        if lines is None:
            if len(self._lines) > 20_000:
                self._lines.clear()
            lines = self._lines[(row, column)] = wrap_spans(list(cell.spans), self.text_width)
        return lines
