"""Two aligned columns that scroll as one, drawn with the Line API.

Each AlignedRow becomes a block of terminal lines as tall as the longer of its two
wrapped sentences, so both columns stay level however the text wraps. Only the
heights of all rows are computed up front (plain word wrap); the styled lines of a row,
with its word-level differences, are built when the row scrolls into view and cached,
so a 5,000-row comparison opens and scrolls as fast as a 50-row one. Narrow terminals get
a single column: A's sentence above B's.

Colour is never the only sign: the gutter marks each row's kind (= ~ > - +), removed words
are struck through and added words underlined, so the view reads the same on a 256- or
16-colour terminal, with NO_COLOR, and in a light theme (see the colour notes in the CSS).
A changed row whose only differences are framing (a person's label, an attribution verb, a
hedge: `analysis.framing.row_framing`) has an "f" beside its mark.

Article text is only ever put into Segments as plain strings, never parsed as markup.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sidebyside.analysis.framing import row_framing
from sidebyside.analysis.worddiff import DELETE, EQUAL, INSERT, word_diff
from sidebyside.layout import MIN_TWO_COLUMN_WIDTH, Span, cell_width, wrap, wrap_spans
from sidebyside.model import ROW_MARKS, AlignedRow, Alignment
from sidebyside.tui.widgets.word_marks import word_marks_css

NUMBER = 4  # "123 "
#: Beside the kind mark of a row whose only changes are framing ("~f").
FRAMING_MARK = "f"


class CompareView(ScrollView, can_focus=True):
    """The rows of an Alignment, with a cursor row and an optional differences-only filter."""

    DEFAULT_CSS = """
    CompareView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
    }

    CompareView.covered {
        display: none;
    }

    /* Row tints and changed words: fixed colours picked so that Rich's downgrade keeps
       them apart on 256-colour terminals (tmux, Terminal.app: five distinct cube colours)
       and 16-colour ones (differing rows grey, removed words red, added words green).
       The meaning never rests on colour alone: the gutter marks the row kind, removed
       words are struck through, added words bold and underlined (NO_COLOR keeps those). */

    CompareView > .compare-view--same {
    }

    CompareView > .compare-view--changed {
        background: #3a3620;
    }

    CompareView > .compare-view--moved {
        background: #18244e;
    }

    CompareView > .compare-view--only_a {
        background: #4a1e26;
    }

    CompareView > .compare-view--only_b {
        background: #1c4424;
    }

    CompareView:light > .compare-view--changed {
        background: #f2f0c8;
    }

    CompareView:light > .compare-view--moved {
        background: #d0daf5;
    }

    CompareView:light > .compare-view--only_a {
        background: #f5d2d2;
    }

    CompareView:light > .compare-view--only_b {
        background: #d0f0d2;
    }

    CompareView > .compare-view--number {
        color: $text-muted;
    }

    CompareView > .compare-view--related {
        color: $text-muted;
        text-style: italic;
    }

    /* A changed row whose only differences are framing (a label, an attribution verb, a
       hedge) carries an "f" beside its kind mark: a letter, so it needs no colour. */
    CompareView > .compare-view--framing {
        text-style: bold;
    }

    CompareView > .compare-view--divider {
        color: $text-muted;
    }

    CompareView > .compare-view--cursor {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    """ + word_marks_css("CompareView", "compare-view")
    COMPONENT_CLASSES = {
        "compare-view--same",
        "compare-view--changed",
        "compare-view--moved",
        "compare-view--only_a",
        "compare-view--only_b",
        "compare-view--deleted",
        "compare-view--inserted",
        "compare-view--number",
        "compare-view--related",
        "compare-view--cursor",
        "compare-view--divider",
        "compare-view--framing",
    }
    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="compare_view.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="compare_view.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="compare_view.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="compare_view.page_up"),
        Binding("home", "first", "First row", show=False, id="compare_view.first"),
        Binding("end", "last", "Last row", show=False, id="compare_view.last"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class CursorMoved(Message):
        """The cursor went to another row (the screen updates its status line)."""

        def __init__(self, row: AlignedRow | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, alignment: Alignment, *, only_differences: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.alignment = alignment
        self.only_differences = only_differences
        self.rows: list[AlignedRow] = []
        self._starts: list[int] = [0]
        self._width = 0
        self._cache: dict[int, list[Strip]] = {}
        self._select_rows()

    # --- data -------------------------------------------------------------------

    def show(
        self, alignment: Alignment, *, only_differences: bool | None = None, keep: AlignedRow | None = None
    ) -> None:
        """Display another alignment (or filter), keeping the cursor on `keep` if it is still shown."""
        self.alignment = alignment
        if only_differences is not None:
            self.only_differences = only_differences
        self._select_rows()
        self._width = 0
        self._layout()
        target = 0
        if keep is not None:
            target = self._index_near(keep)
        self.cursor = target
        self._scroll_to_cursor(center=True)

    def _select_rows(self) -> None:
        rows = self.alignment.rows
        self.rows = [r for r in rows if r.kind != "same"] if self.only_differences else list(rows)

    def _index_near(self, row: AlignedRow) -> int:
        """The shown row for the same A (or B) sentence, else the nearest following one."""
        for i, r in enumerate(self.rows):
            if (row.a is not None and r.a == row.a) or (row.a is None and r.b == row.b):
                return i
        if row.a is not None:
            for i, r in enumerate(self.rows):
                if r.a is not None and r.a >= row.a:
                    return i
        return 0

    @property
    def current(self) -> AlignedRow | None:
        return self.rows[self.cursor] if self.rows else None

    # --- layout -----------------------------------------------------------------

    def on_resize(self) -> None:
        self._layout()
        self._scroll_to_cursor()

    @property
    def two_columns(self) -> bool:
        return self._width >= MIN_TWO_COLUMN_WIDTH

    def _column_width(self) -> int:
        if self.two_columns:
            return max(4, (self._width - 2 - 3 - 2 * NUMBER) // 2)
        return max(4, self._width - 2 - NUMBER)

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or (width == self._width and self._starts[-1]):
            return
        self._width = width
        self._cache.clear()
        column = self._column_width()
        heights = _heights(self.alignment, column, self.two_columns)
        starts = [0]
        for row in self.rows:
            starts.append(starts[-1] + heights[(row.a, row.b)])
        self._starts = starts
        self.virtual_size = Size(width, starts[-1])
        self.refresh()

    def _row_at_line(self, line: int) -> int:
        return bisect_right(self._starts, line) - 1

    # --- cursor -----------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            self._cache.pop(index, None)
        self.refresh()
        self.post_message(self.CursorMoved(self.current))

    def action_cursor(self, step: int) -> None:
        self.cursor += step
        self._scroll_to_cursor()

    def action_page(self, direction: int) -> None:
        line = self._starts[self.cursor] + direction * max(1, self.size.height - 1)
        self.cursor = self._row_at_line(max(0, min(line, self._starts[-1] - 1)))
        self._scroll_to_cursor()

    def action_first(self) -> None:
        self.cursor = 0
        self._scroll_to_cursor()

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1
        self._scroll_to_cursor()

    def move_to(self, index: int, center: bool = True) -> None:
        self.cursor = index
        self._scroll_to_cursor(center=center)

    def _scroll_to_cursor(self, center: bool = False) -> None:
        if not self.rows or len(self._starts) <= self.cursor + 1:
            return
        top, bottom = self._starts[self.cursor], self._starts[self.cursor + 1]
        self.scroll_to_region(Region(0, top, 1, bottom - top), animate=False, center=center, force=True)

    def on_click(self, event: events.Click) -> None:
        line = round(self.scroll_offset.y) + event.y
        if self.rows and 0 <= line < self._starts[-1]:
            self.cursor = self._row_at_line(line)

    # --- drawing ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        line = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if not self.rows or line >= self._starts[-1] or width <= 0:
            return Strip.blank(width, self.rich_style)
        index = self._row_at_line(line)
        strips = self._cache.get(index)
        if strips is None:
            strips = self._render_row(index)
            if len(self._cache) > 2000:
                self._cache.clear()
            self._cache[index] = strips
        return strips[line - self._starts[index]]

    def kind_style(self, kind: str) -> Style:
        """The row style of a kind, for legends drawn outside the view."""
        return self._style(kind)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"compare-view--{name}")

    def _render_row(self, index: int) -> list[Strip]:
        row = self.rows[index]
        column = self._column_width()
        left, right = _spans(self.alignment, row)
        left_lines = wrap_spans(left, column) if row.a is not None else [[]]
        right_lines = wrap_spans(right, column) if row.b is not None else [[]]
        if row.related:
            extra = "also " + ", ".join(f"B{i + 1}" for i in row.related)
            right_lines.append([(extra, "related")])
        base = self.rich_style + self._style(row.kind)
        gutter = base + self._style("cursor") if index == self.cursor else base + self._style("number")
        mark = [Segment(ROW_MARKS[row.kind], gutter), Segment(" ", gutter)]
        if row_framing(self.alignment, row):
            mark[1] = Segment(FRAMING_MARK, gutter + self._style("framing"))
        number_a = f"{row.a + 1:>3} " if row.a is not None else " " * NUMBER
        number_b = f"{row.b + 1:>3} " if row.b is not None else " " * NUMBER
        strips: list[Strip] = []
        if self.two_columns:
            height = max(len(left_lines), len(right_lines))
            for i in range(height):
                segments = list(mark) if i == 0 else [Segment("  ", gutter)]
                segments.append(Segment(number_a if i == 0 else " " * NUMBER, gutter))
                segments += self._cells(left_lines[i] if i < len(left_lines) else [], column, base)
                segments.append(Segment(" │ ", base + self._style("divider")))
                segments.append(Segment(number_b if i == 0 else " " * NUMBER, base + self._style("number")))
                segments += self._cells(right_lines[i] if i < len(right_lines) else [], column, base)
                strips.append(Strip(segments).crop_extend(0, self._width, base))
        else:
            blocks = []
            if row.a is not None:
                blocks.append(("A" + number_a.strip().rjust(NUMBER - 2) + " ", left_lines))
            if row.b is not None:
                blocks.append(("B" + number_b.strip().rjust(NUMBER - 2) + " ", right_lines))
            for label, lines in blocks:
                for i, spans in enumerate(lines):
                    segments = list(mark) if not strips else [Segment("  ", gutter)]
                    segments.append(Segment(label if i == 0 else " " * NUMBER, gutter))
                    segments += self._cells(spans, column, base)
                    strips.append(Strip(segments).crop_extend(0, self._width, base))
        return strips

    def _cells(self, spans: list[Span], width: int, base: Style) -> list[Segment]:
        segments = [Segment(text, base + self._style(style) if style else base) for text, style in spans]
        used = sum(cell_width(text) for text, _ in spans)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments


@lru_cache(maxsize=8)
def _heights(alignment: Alignment, column: int, two_columns: bool) -> dict[tuple[int | None, int | None], int]:
    """Lines each row takes at this column width (plain wrap; styles never move a break)."""
    a, b = alignment.a.sentences, alignment.b.sentences
    heights = {}
    for row in alignment.rows:
        left = len(wrap(a[row.a], column)) if row.a is not None else 0
        right = len(wrap(b[row.b], column)) if row.b is not None else 0
        right += 1 if row.related else 0
        heights[(row.a, row.b)] = max(left, right, 1) if two_columns else max(left + right, 1)
    return heights


def _spans(alignment: Alignment, row: AlignedRow) -> tuple[list[Span], list[Span]]:
    """The two sentences as styled spans: deleted words on the left, inserted on the right."""
    a = alignment.a.sentences[row.a] if row.a is not None else ""
    b = alignment.b.sentences[row.b] if row.b is not None else ""
    if row.kind not in ("changed", "moved") or row.a is None or row.b is None or a == b:
        return [(a, "")], [(b, "")]
    left: list[Span] = []
    right: list[Span] = []
    for op, text in word_diff(a, b):
        if op == EQUAL:
            left.append((text, ""))
            right.append((text, ""))
        elif op == DELETE:
            left.append((text, "deleted"))
        elif op == INSERT:
            right.append((text, "inserted"))
    return left, right
