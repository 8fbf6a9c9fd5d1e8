"""Reading view: one article's clean text, sentences numbered as the analysis counts them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header

from sidebyside.model import Article
from sidebyside.tui.screens.base import StoryScreen
from sidebyside.tui.screens.pick_article import PickArticle
from sidebyside.tui.widgets.article_view import ArticleView


class ReaderScreen(StoryScreen):
    """The article as the analysis sees it; Esc goes back to the list."""

    BINDINGS = [
        Binding("c", "compare", "Compare", tooltip="Compare this article with another one", id="reader.compare"),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the articles", id="reader.back"),
    ]

    def __init__(self, article: Article, sentence: int | None = None) -> None:
        super().__init__()
        self.article = article
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArticleView(self.article, id="article")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.article.label
        self.sub_title = self.article.id
        view = self.query_one(ArticleView)
        view.focus()
        if self.sentence is not None:
            self.call_after_refresh(view.show_sentence, self.sentence)

    def action_compare(self) -> None:
        articles = self.app.story.articles
        if len(articles) < 2:
            self.notify("Comparing needs two articles; this story has one.", severity="warning")
            return

        def chosen(other: Article | None) -> None:
            if other is not None:
                self.app.open_compare(self.article, other)

        self.app.push_screen(PickArticle(articles, self.article), chosen)
