"""A scrolling view of one article's numbered sentences, drawn with the Line API.

Only the visible lines are rendered, so an article of 200,000 sentences scrolls as fast
as one of twenty. Article text goes into Segments as plain strings: it is never parsed
as Rich markup, so "[bold]" in an article is shown as typed.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sidebyside.layout import wrap
from sidebyside.model import Article


class ArticleView(ScrollView, can_focus=True):
    """Headline, metadata line, then the sentences, numbered, one paragraph per block."""

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        padding: 0 0 0 1;
        overflow-x: hidden;
        overflow-y: scroll;
    }

    ArticleView > .article-view--title {
        text-style: bold;
        color: $accent;
    }

    ArticleView > .article-view--meta {
        color: $text-muted;
    }

    ArticleView > .article-view--marked {
        background: $accent 30%;
    }

    ArticleView > .article-view--number {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {"article-view--title", "article-view--meta", "article-view--number", "article-view--marked"}
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="article.scroll_down"),
        Binding("k", "scroll_up", "Up", show=False, id="article.scroll_up"),
        Binding("home,g", "scroll_top", "Top", show=False, id="article.top"),
        Binding("end,G", "scroll_bottom", "Bottom", show=False, id="article.bottom"),
    ]

    def __init__(self, article: Article, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article
        self._lines: list[list[tuple[str, str]]] = []  # (text, component class or "")
        self._first_line: list[int] = []  # line where each sentence starts
        self._width = 0
        self.marked: int | None = None

    def on_resize(self) -> None:
        self._layout(self.scrollable_content_region.width)

    def _layout(self, width: int) -> None:
        if width == self._width or width <= 0:
            return
        self._width = width
        a = self.article
        lines: list[list[tuple[str, str]]] = []
        for row in wrap(a.title or a.id, width):
            lines.append([(row, "article-view--title")])
        outlet = a.outlet and (f"{a.outlet} (from the file name)" if a.outlet_from == "file name" else a.outlet)
        facts = [
            outlet or "outlet unknown",
            a.byline and f"by {a.byline}",
            a.dateline,
            a.date,
            f"{len(a.sentences)} sentence{'s' * (len(a.sentences) != 1)}",
        ]
        for row in wrap(" · ".join(f for f in facts if f), width):
            lines.append([(row, "article-view--meta")])
        if a.url:
            for row in wrap(a.url, width):
                lines.append([(row, "article-view--meta")])
        gutter = len(str(len(a.sentences))) + 2
        body = max(8, width - gutter)
        previous = None
        first_line: list[int] = []
        paragraphs = a.paragraphs or range(len(a.sentences))
        for number, (sentence, para) in enumerate(zip(a.sentences, paragraphs, strict=False), 1):
            if para != previous:
                lines.append([])
                previous = para
            first_line.append(len(lines))
            for i, row in enumerate(wrap(sentence, body)):
                label = f"{number:>{gutter - 2}}  " if i == 0 else " " * gutter
                lines.append([(label, "article-view--number"), (row, f"s{number - 1}")])
        self._lines = lines
        self._first_line = first_line
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        segments = [Segment(text, self._style_of(cls, base)) for text, cls in self._lines[index]]
        return Strip(segments).crop_extend(0, width, base)

    def _style_of(self, cls: str, base: Style) -> Style:
        """Component classes by name; "s<N>" is sentence N's text, marked when it is the target."""
        if not cls:
            return base
        if cls.startswith("s"):
            return base + self.get_component_rich_style("article-view--marked") if cls == f"s{self.marked}" else base
        return base + self.get_component_rich_style(cls)

    def action_scroll_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    @property
    def first_in_view(self) -> int:
        """The first sentence whose first line is on screen (the last one when none is)."""
        if not self._first_line:
            return 0
        top = round(self.scroll_offset.y)
        return min(bisect_left(self._first_line, top), len(self._first_line) - 1)

    @property
    def marked_in_view(self) -> bool:
        """Whether the marked sentence (if any) has a line on screen."""
        if self.marked is None or not self._first_line:
            return False
        top = round(self.scroll_offset.y)
        start = self._first_line[self.marked]
        end = self._first_line[self.marked + 1] if self.marked + 1 < len(self._first_line) else len(self._lines)
        return start < top + self.scrollable_content_region.height and end > top

    @property
    def current(self) -> int:
        """The sentence the reader is at: the marked one while it is on screen, else the first on screen."""
        return self.marked if self.marked is not None and self.marked_in_view else self.first_in_view

    def mark(self, index: int) -> None:
        """Mark sentence `index` where it is, without scrolling."""
        self.marked = index
        self.refresh()

    def show_sentence(self, index: int) -> None:
        """Scroll sentence `index` into the middle of the view and mark it."""
        if not self._first_line:
            self._layout(self.scrollable_content_region.width)
        if 0 <= index < len(self._first_line):
            self.marked = index
            top = self._first_line[index]
            end = self._first_line[index + 1] if index + 1 < len(self._first_line) else len(self._lines)
            self.scroll_to_region(Region(0, top, 1, max(1, end - top)), animate=False, center=True, force=True)
            self.refresh()
