"""The home screen: the story's articles in a table, keyboard first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from sidebyside.model import Article, Story


class ArticlesScreen(Screen):
    """Outlet, headline, byline, dateline and sentence count of every article."""

    BINDINGS = [
        Binding("enter", "open", "Read", tooltip="Read the highlighted article", priority=True),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        yield Header()
        count = len(self.story.articles)
        yield Static(f"{count} article{'s' * (count != 1)} · Enter reads one", id="summary")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "sidebyside"
        self.sub_title = "Articles"
        table = self.query_one(DataTable)
        table.add_column("#", key="n")
        table.add_column("Outlet", key="outlet", width=16)
        table.add_column("Headline", key="title")
        table.add_column("Byline", key="byline", width=14)
        table.add_column("Dateline", key="dateline", width=9)
        table.add_column("Sents", key="sentences")
        for number, article in enumerate(self.story.articles, 1):
            table.add_row(*self._cells(number, article), key=article.id)
        self._fit_headline()
        table.focus()

    def on_resize(self) -> None:
        self._fit_headline()

    def _fit_headline(self) -> None:
        """Give the headline column whatever width the other columns leave."""
        table = self.query_one(DataTable)
        others = sum(c.get_render_width(table) for k, c in table.columns.items() if k.value != "title")
        column = table.columns.get(next(k for k in table.columns if k.value == "title"))
        if column is not None:
            column.auto_width = False
            column.width = max(12, self.size.width - others - 2 * table.cell_padding - 1)
            table.refresh()

    @staticmethod
    def _cells(number: int, article: Article) -> tuple[str, ...]:
        # DataTable treats str cells as markup: hand it Text so article text stays literal.
        from rich.text import Text

        values = (
            str(number),
            article.outlet or "—",
            article.title or article.id,
            article.byline or "—",
            article.dateline or "—",
            str(len(article.sentences)),
        )
        return tuple(Text(v, no_wrap=True, overflow="ellipsis") for v in values)  # type: ignore[return-value]

    @property
    def current(self) -> Article | None:
        table = self.query_one(DataTable)
        if not self.story.articles:
            return None
        return self.story.articles[min(table.cursor_row, len(self.story.articles) - 1)]

    def action_open(self) -> None:
        from sidebyside.tui.screens.reader import ReaderScreen

        if article := self.current:
            self.app.push_screen(ReaderScreen(article))

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
