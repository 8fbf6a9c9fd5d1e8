"""Reading view: one article's clean text, sentences numbered as the analysis counts them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from sidebyside.model import Article
from sidebyside.tui.widgets.article_view import ArticleView


class ReaderScreen(Screen):
    """The article as the analysis sees it; Esc goes back to the list."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the articles"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArticleView(self.article, id="article")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.article.label
        self.sub_title = self.article.id
        self.query_one(ArticleView).focus()
