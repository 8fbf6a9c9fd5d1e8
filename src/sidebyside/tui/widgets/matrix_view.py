"""The overlap matrix: a colour-scaled grid of shares with a cell cursor (Line API).

Row i, column j shows the share of article i's sentences that article j carries. Only the
visible lines are drawn, so a story of hundreds of articles costs what the screen shows;
rows not computed yet show a dot and fill in as the worker delivers them (the screen hands
the view each new state with `show`). Enter on a cell asks the screen to compare that pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sidebyside.layout import cell_width
from sidebyside.model import Article

CELL = 5  # " 100%" / "  47 "
LABEL = 18

#: A row of the matrix: shares by column, or None while not computed yet.
MatrixRow = tuple[float, ...] | None


class MatrixView(ScrollView, can_focus=True):
    """Shares of every ordered pair; arrows move the cell cursor, Enter opens the pair."""

    DEFAULT_CSS = """
    MatrixView {
        height: auto;
        max-height: 45%;
        overflow-x: auto;
        overflow-y: auto;
    }

    MatrixView:focus {
        background-tint: $foreground 4%;
    }

    MatrixView > .matrix-view--header {
        color: $text-muted;
        text-style: bold;
    }

    MatrixView > .matrix-view--label {
        color: $text;
    }

    MatrixView > .matrix-view--cursor {
        text-style: bold reverse;
    }

    MatrixView > .matrix-view--scale {
        background: $primary;
    }
    """
    COMPONENT_CLASSES = {"matrix-view--header", "matrix-view--label", "matrix-view--cursor", "matrix-view--scale"}
    BINDINGS = [
        Binding("up,k", "move(0,-1)", "Up", show=False, id="matrix.up"),
        Binding("down,j", "move(0,1)", "Down", show=False, id="matrix.down"),
        Binding("left,h", "move(-1,0)", "Left", show=False, id="matrix.left"),
        Binding("right,l", "move(1,0)", "Right", show=False, id="matrix.right"),
        Binding("home,g", "first_row", "First row", show=False, id="matrix.first_row"),
        Binding("end,G", "last_row", "Last row", show=False, id="matrix.last_row"),
        Binding(
            "enter", "open", "Compare pair", tooltip="Compare the row article with the column article", id="matrix.open"
        ),
    ]

    cursor: reactive[tuple[int, int]] = reactive((0, 1), always_update=True)

    class Open(Message):
        """Compare article `row` (left) with article `column` (right)."""

        def __init__(self, row: int, column: int) -> None:
            super().__init__()
            self.row = row
            self.column = column

    def __init__(self, articles: Sequence[Article], rows: Sequence[MatrixRow], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.articles: tuple[Article, ...] = ()
        self.rows: tuple[MatrixRow, ...] = ()
        self.show(articles, rows)

    def show(self, articles: Sequence[Article], rows: Sequence[MatrixRow]) -> None:
        """Show these articles and rows instead of the previous ones: resize the grid and redraw.

        The view keeps its own copies (tuples), so the caller's lists can change meanwhile.
        """
        self.articles = tuple(articles)
        self.rows = tuple(rows)
        # The cursor starts on the first pair (0, 1); a story of one article has none.
        self.set_reactive(MatrixView.cursor, self.validate_cursor(self.cursor))
        size = Size(LABEL + CELL * len(self.articles) + 1, len(self.articles) + 1)
        if size != self.virtual_size:
            self.virtual_size = size
        self.refresh()

    def _share_row(self, i: int) -> MatrixRow:
        return self.rows[i] if i < len(self.rows) else None

    # --- cursor ------------------------------------------------------------------

    def validate_cursor(self, value: tuple[int, int]) -> tuple[int, int]:
        last = max(0, len(self.articles) - 1)
        return max(0, min(value[0], last)), max(0, min(value[1], last))

    def watch_cursor(self) -> None:
        row, column = self.cursor
        self.scroll_to_region(Region(LABEL + column * CELL, row + 1, CELL, 1), animate=False, force=True)
        self.refresh()

    def action_move(self, dx: int, dy: int) -> None:
        row, column = self.cursor
        self.cursor = (row + dy, column + dx)

    def action_first_row(self) -> None:
        self.cursor = (0, self.cursor[1])

    def action_last_row(self) -> None:
        self.cursor = (len(self.articles) - 1, self.cursor[1])

    def action_open(self) -> None:
        row, column = self.cursor
        if row != column and column < len(self.articles):
            self.post_message(self.Open(row, column))
        else:
            self.notify("That is the article against itself; pick another column.", timeout=3)

    # --- drawing -----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        line = y + scroll_y
        base = self.rich_style
        if line == 0:
            header = self.get_component_rich_style("matrix-view--header")
            segments = [Segment(" " * LABEL, header)]
            segments += [Segment(f"{j + 1:>{CELL - 1}} ", header) for j in range(len(self.articles))]
        elif line <= len(self.articles):
            segments = self._row_segments(line - 1, base)
        else:
            return Strip.blank(width, base)
        strip = Strip(segments)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _row_segments(self, i: int, base: Style) -> list[Segment]:
        label_style = self.get_component_rich_style("matrix-view--label")
        label = f"{i + 1:>3} {self.articles[i].label}"
        if cell_width(label) > LABEL - 1:
            label = label[: LABEL - 2] + "…"
        segments = [Segment(label + " " * (LABEL - cell_width(label)), label_style)]
        shares = self._share_row(i)
        cursor_style = self.get_component_rich_style("matrix-view--cursor")
        scale = self.get_component_rich_style("matrix-view--scale")
        for j in range(len(self.articles)):
            if shares is None:
                text, style = "  ·  ", base
            elif i == j:
                text, style = "  —  ", base
            else:
                share = shares[j]
                text = f"{round(share * 100):>3}% " if share else "   · "
                style = _shade(base, scale, share)
            if (i, j) == self.cursor:
                style = style + cursor_style
            segments.append(Segment(text, style))
        return segments


def _shade(base: Style, scale: Style, share: float) -> Style:
    """Blend from the background to the scale colour by share, text readable on top."""
    background = base.bgcolor or Color.parse("black")
    target = scale.bgcolor or Color.parse("blue")
    b = background.get_truecolor()
    t = target.get_truecolor()
    mix = 0.15 + 0.85 * share if share else 0.0
    blended = Color.from_rgb(*(round(x + (y - x) * mix) for x, y in zip(b, t, strict=True)))
    light = sum(blended.get_truecolor()) / 3 > 140
    return base + Style(bgcolor=blended, color="black" if light else "white", bold=share >= 0.5)
