"""The home screen: the story's articles in a table, keyboard first."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from sidebyside.model import Article, Story
from sidebyside.tui.screens.base import StoryScreen
from sidebyside.tui.widgets.matrix_view import MatrixView
from sidebyside.tui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from sidebyside.model import Closest

MARK = "●"
#: Below this width byline and dateline give their room to the headline.
COMPACT_BELOW = 110
#: Below this height the overlap matrix is hidden (the table needs the rows).
TINY_BELOW = 20


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int | None = None
    compact_width: int | None = None
    wide_only: bool = False


COLUMNS = (
    Column("mark", " ", 1),
    Column("n", "#"),
    Column("outlet", "Outlet", 16, compact_width=10),
    Column("title", "Headline"),
    Column("byline", "Byline", 14, wide_only=True),
    Column("dateline", "Dateline", 9, wide_only=True),
    Column("date", "Date", 10),
    Column("sentences", "Sents"),
    Column("closest", "Closest", 18, compact_width=14),
)


class ArticlesScreen(StoryScreen):
    """Outlet, headline, byline, dateline, date and sentence count of every article.

    Space marks articles; with two marked, `c` or Enter opens them side by side, and the
    marks are cleared (back here, Enter reads again). `o` orders the rows by publication
    date (who ran it first matters when deciding who copied whom) and back; the `#` column
    keeps each article's number in the story, the one the matrix, the report and `overlap`
    use. An outlet that only the file name gives is shown in italics: a label, not
    something the page said. `e` saves the story report.
    """

    BINDINGS = [
        Binding(
            "enter",
            "open",
            "Read",
            tooltip="Read the highlighted article (compare the two marked)",
            priority=True,
            id="articles.open",
        ),
        Binding(
            "space",
            "mark",
            "Mark",
            show=False,  # the summary line says "Space marks two": the footer's room goes to `s`
            tooltip="Mark or unmark the highlighted article for comparison",
            id="articles.mark",
        ),
        Binding(
            "c", "compare", "Compare", tooltip="Compare the two marked articles side by side", id="articles.compare"
        ),
        Binding(
            "o", "order", "Order", tooltip="Order the articles by publication date, or as loaded", id="articles.order"
        ),
        Binding(
            "s",
            "story",
            "Story",
            tooltip="The whole story at once: each sentence across every outlet, and how each changed it",
            id="articles.story",
        ),
        Binding(
            "e",
            "export",
            "Export report",
            show=False,
            tooltip="Save the story report as Markdown (as sidebyside report)",
            id="articles.export",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: list[int] = []
        self._closest: dict[int, str] = {}
        self._compact: bool | None = None  # set by the first build
        self.by_date = False
        self._dated = False  # whether the table has its date column
        self._view: list[int] = []  # the article index shown in each row

    @property
    def story(self) -> Story:
        return self.app.story

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield RowTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(
            Text(
                "Overlap: share of each row's sentences that the column's article carries · Tab, then Enter compares",
                style="dim",
                no_wrap=True,
                overflow="ellipsis",
            ),
            id="matrix-caption",
        )
        yield MatrixView(self.story.articles, self.app.matrix, id="matrix")
        yield Footer()

    def add_articles(self, articles: list[Article]) -> None:
        """Append rows for articles that finished loading (the table stays usable meanwhile)."""
        self.show_matrix()
        if self._compact is None:
            return  # not built yet: the first build takes every article loaded so far
        table = self.query_one(DataTable)
        if self.by_date or (not self._dated and any(a.date for a in articles)):
            # A new article may belong anywhere in date order, or bring the first date.
            self._build()
            self._summarise()
            return
        start = table.row_count
        for index, article in enumerate(articles, start):
            table.add_row(*self._cells(index, article), key=article.path)
            self._view.append(index)
        if start == 0:
            self._fit_headline()
        self._summarise()

    def show_matrix(self) -> None:
        """Hand the matrix the app's current articles and rows (a row arrived, or articles)."""
        for matrix in self.query(MatrixView):
            matrix.show(self.story.articles, self.app.matrix)

    def show_closest(self, nearest: list[Closest]) -> None:
        """Fill the Closest column once the matrix is complete."""
        by_id = {a.id: a for a in self.story.articles}
        table = self.query_one(DataTable)
        for index, (article, near) in enumerate(zip(self.story.articles, nearest, strict=False)):
            text = f"{near.share:.0%} {by_id[near.other].label}" if near.other else "—"
            self._closest[index] = text
            if self._compact is not None and "closest" in [c.key for c in self._columns()]:
                table.update_cell(article.path, "closest", Text(text, no_wrap=True, overflow="ellipsis"))

    def on_matrix_view_open(self, event: MatrixView.Open) -> None:
        articles = self.story.articles
        self.app.open_compare(articles[event.row], articles[event.column])

    def show_progress(self, done: int | None, total: int | None) -> None:
        """Show how far loading has got; None hides the bar.

        The bar is mounted the first time there is progress to show: a story read before
        the first frame (the usual case) never needs one, and the first paint does not
        wait for its widgets and their styles.
        """
        from textual.widgets import ProgressBar

        bars = self.query(ProgressBar)
        if done is not None and not bars:
            self.mount(ProgressBar(total=total, id="loading", show_eta=False), after="#summary")
            bars = self.query(ProgressBar)
        for bar in bars:
            bar.display = done is not None
            if done is not None:
                bar.update(total=total, progress=done)
        self._summarise()

    def on_mount(self) -> None:
        self.title = "sidebyside"
        self.sub_title = "Articles"
        self._build()
        # What the workers delivered between compose and now (the matrix of a small story
        # may be done before its first screen is): their messages found no screen to show it.
        self.show_matrix()
        if self.app.nearest:
            self.show_closest(self.app.nearest)
        self._summarise()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        tiny = self.size.height < TINY_BELOW
        self.set_class(tiny, "tiny")  # the matrix gives its room to the table
        if tiny and isinstance(self.focused, MatrixView):
            self.query_one(DataTable).focus()
        if self._compact != (self.size.width < COMPACT_BELOW):
            self._build()
        self._fit_headline()

    def _columns(self) -> list[Column]:
        """The columns for this width: narrow terminals drop byline and dateline, and the
        date column shows once some article has a date (a column of dashes is noise)."""
        dated = self._dated
        return [c for c in COLUMNS if not (self._compact and c.wide_only) and (dated or c.key != "date")]

    def _order(self) -> list[int]:
        """Article indices in row order: as loaded, or by date (undated last, ties as loaded).

        Dates are ISO (`YYYY-MM-DD`, from the page, the text or a sidecar), so they sort as text.
        """
        articles = self.story.articles
        view = list(range(len(articles)))
        if self.by_date:
            view.sort(key=lambda i: articles[i].publication_order)
        return view

    def _build(self) -> None:
        """(Re)build the table for the current width and order, keeping the cursor on its
        article and the marks."""
        table = self.query_one(DataTable)
        current = self._view[table.cursor_row] if 0 <= table.cursor_row < len(self._view) else None
        self._compact = self.size.width < COMPACT_BELOW
        self._dated = any(a.date for a in self.story.articles)
        table.clear(columns=True)
        for column in self._columns():
            width = column.compact_width if self._compact and column.compact_width else column.width
            table.add_column(column.label, key=column.key, width=width)
        self._view = self._order()
        for index in self._view:
            table.add_row(*self._cells(index, self.story.articles[index]), key=self.story.articles[index].path)
        table.move_cursor(row=self._view.index(current) if current in self._view else 0)
        self._fit_headline()

    def _fit_headline(self) -> None:
        """Give the headline column whatever width the other columns leave."""
        table = self.query_one(DataTable)
        others = sum(c.get_render_width(table) for k, c in table.columns.items() if k.value != "title")
        column = next(c for k, c in table.columns.items() if k.value == "title")
        column.auto_width = False
        column.width = max(8, self.size.width - others - 2 * table.cell_padding - 1)
        table.refresh()

    def _summarise(self) -> None:
        count = len(self.story.articles)
        text = f"{count} article{'s' * (count != 1)} · Enter reads · Space marks two · c compares"
        if self.app.loading:
            text = f"Loading… {count} article{'s' * (count != 1)} so far"
        elif self.app.comparing:
            text = f"{count} articles · comparing every pair for the matrix…"
        if self.marked:
            names = " and ".join(self.story.articles[i].label for i in self.marked)
            text = f"Marked: {names} · c compares"
        elif not self.app.loading:
            notes = ["by date, undated last" if self.by_date else ""]
            if any(a.outlet_from == "file name" for a in self.story.articles):
                notes.append("italic outlet: from the file name")
            text = " · ".join([text, *(n for n in notes if n)])
        self.query_one("#summary", Static).update(Text(text, no_wrap=True, overflow="ellipsis"))

    def _cells(self, index: int, article: Article) -> tuple[Text, ...]:
        # DataTable treats str cells as markup: hand it Text so article text stays literal.
        values = {
            "mark": MARK if index in self.marked else "",
            "n": str(index + 1),
            "outlet": article.outlet or "—",
            "title": article.title or article.id,
            "byline": article.byline or "—",
            "dateline": article.dateline or "—",
            "date": article.date or "—",
            "sentences": str(len(article.sentences)),
            "closest": self._closest.get(index, "…"),
        }
        styles = {"outlet": "italic"} if article.outlet_from == "file name" else {}
        return tuple(
            Text(values[c.key], no_wrap=True, overflow="ellipsis", style=styles.get(c.key, "")) for c in self._columns()
        )

    @property
    def cursor(self) -> int:
        """The article index of the highlighted row."""
        row = self.query_one(DataTable).cursor_row
        return self._view[min(max(row, 0), len(self._view) - 1)] if self._view else 0

    def action_open(self) -> None:
        if isinstance(self.focused, MatrixView):
            self.focused.action_open()
            return
        if not self.story.articles:
            return
        if len(self.marked) == 2:
            self.action_compare()
        else:
            from sidebyside.tui.screens.reader import ReaderScreen

            self.app.push_screen(ReaderScreen(self.story.articles[self.cursor]))

    def action_mark(self) -> None:
        index = self.cursor
        marked = [i for i in self.marked if i != index]
        if index not in self.marked:
            marked = (marked + [index])[-2:]
        self._set_marks(marked)
        self.query_one(DataTable).action_cursor_down()

    def _set_marks(self, marked: list[int]) -> None:
        self.marked = marked
        table = self.query_one(DataTable)
        for i, article in enumerate(self.story.articles):
            table.update_cell(article.path, "mark", Text(MARK if i in self.marked else ""))
        self._summarise()

    def action_compare(self) -> None:
        articles = self.story.articles
        if len(articles) < 2:
            self.notify("Comparing needs two articles; this story has one.", severity="warning")
            return
        picked = list(self.marked)
        if len(picked) == 1 and self.cursor != picked[0]:
            picked.append(self.cursor)
        if len(picked) != 2:
            self.notify("Mark two articles with Space, then press c.", timeout=3)
            return
        self.app.open_compare(articles[picked[0]], articles[picked[1]])
        self._set_marks([])  # done with: back here, Enter reads again

    def action_order(self) -> None:
        self.by_date = not self.by_date
        if self.by_date and not any(a.date for a in self.story.articles):
            self.notify("No article has a publication date; a sidecar can give one (date = 2019-05-26).", timeout=4)
        self._build()
        self._summarise()

    def action_story(self) -> None:
        from sidebyside.tui.screens.story import CollationScreen

        self.app.push_screen(CollationScreen())

    def action_export(self) -> None:
        app = self.app
        articles = self.story.articles
        rows = [row for row in app.matrix if row is not None]
        if app.loading or app.comparing or not articles or len(rows) != len(articles):
            self.notify("The report needs the whole overlap matrix; press e again once it is complete.", timeout=4)
            return
        from sidebyside.analysis.story_report import build_report, reusable_views
        from sidebyside.export.report import report_markdown
        from sidebyside.tui import saving

        cache, quotes = app.cache, app.quotes()
        collation, framing = reusable_views(articles, quotes.speakers, app.collation, app.framing)
        title = f"Story report: {articles[0].title or articles[0].id}"
        app.export(
            "Save the story report (Markdown)",
            saving.suggest_name("report", _story_name(articles)),
            "report",
            # the session's matrix, alignments, quotes and what the Story and Framing screens
            # built: nothing computed twice, no process forked
            lambda: report_markdown(
                build_report(articles, matrix=rows, cache=cache, quotes=quotes, collation=collation, framing=framing),
                title,
            ),
            busy="Building the report…",
        )


def _story_name(articles: tuple[Article, ...]) -> str:
    """The name of the folder the articles share ("seeds"), for a default file name."""
    try:
        folder = os.path.commonpath([os.path.dirname(os.path.abspath(a.path)) for a in articles])
    except ValueError:  # different drives
        return "story"
    return os.path.basename(folder) or "story"
