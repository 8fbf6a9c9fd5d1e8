"""A scrolling view of one article's numbered sentences, drawn with the Line API.

Only the visible lines are rendered, so an article of 200,000 sentences scrolls as fast
as one of twenty. Article text goes into Segments as plain strings: it is never parsed
as Rich markup, so "[bold]" in an article is shown as typed.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sidebyside.model import Article
from sidebyside.tui.wrap import wrap


class ArticleView(ScrollView, can_focus=True):
    """Headline, metadata line, then the sentences, numbered, one paragraph per block."""

    COMPONENT_CLASSES = {"article-view--title", "article-view--meta", "article-view--number"}
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, article: Article, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self._lines: list[list[tuple[str, str]]] = []  # (text, component class or "")
        self._width = 0

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
        facts = [a.outlet or "outlet unknown", a.byline and f"by {a.byline}", a.dateline, a.date,
                 f"{len(a.sentences)} sentences"]
        for row in wrap(" · ".join(f for f in facts if f), width):
            lines.append([(row, "article-view--meta")])
        gutter = len(str(len(a.sentences))) + 2
        body = max(8, width - gutter)
        previous = None
        for number, (sentence, para) in enumerate(zip(a.sentences, a.paragraphs or range(len(a.sentences))), 1):
            if para != previous:
                lines.append([])
                previous = para
            for i, row in enumerate(wrap(sentence, body)):
                label = f"{number:>{gutter - 2}}  " if i == 0 else " " * gutter
                lines.append([(label, "article-view--number"), (row, "")])
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        segments = [
            Segment(text, base + self.get_component_rich_style(cls) if cls else base)
            for text, cls in self._lines[index]
        ]
        return Strip(segments).crop_extend(0, width, base)
