"""Reading view: one article's clean text, sentences numbered as the analysis counts them."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header

from sidebyside.model import Article
from sidebyside.tui.screens.pick_article import PickArticle
from sidebyside.tui.screens.searchable import SearchableScreen
from sidebyside.tui.widgets.article_view import ArticleView
from sidebyside.tui.widgets.search_bar import SearchBar


class ReaderScreen(SearchableScreen):
    """The article as the analysis sees it; Esc goes back to the list."""

    BINDINGS = [
        Binding("c", "compare", "Compare", tooltip="Compare this article with another one", id="reader.compare"),
        Binding("slash", "search", "Find", tooltip="Find words in the article (Enter: next match)", id="reader.search"),
        Binding(
            "n", "find(1)", "Next match", show=False, tooltip="Go to the next match of the search", id="reader.next"
        ),
        Binding(
            "N", "find(-1)", "Previous match", show=False, tooltip="Go to the previous match", id="reader.previous"
        ),
        Binding(
            "y",
            "copy",
            "Copy",
            tooltip="Copy the current sentence (the marked one, else the first on screen)",
            id="reader.copy",
        ),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the articles", id="reader.back"),
    ]

    def __init__(self, article: Article, sentence: int | None = None) -> None:
        super().__init__()
        self.article = article
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArticleView(self.article, id="article")
        yield SearchBar(id="search")
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

    def action_copy(self) -> None:
        if not self.article.sentences:
            self.notify("This article has no sentences to copy.", timeout=3)
            return
        view = self.query_one(ArticleView)
        index = view.current
        self.app.copy_to_clipboard(self.article.sentences[index])
        view.mark(index)
        self.notify(f"Copied sentence {index + 1} ({self.article.label}).", timeout=3, markup=False)

    # --- search: the sentences ---------------------------------------------------------

    def search_items(self) -> Sequence[Sequence[str]]:
        return [(sentence,) for sentence in self.article.sentences]

    def search_cursor(self) -> int:
        view = self.query_one(ArticleView)
        return view.current if view.marked_in_view else view.first_in_view - 1

    def search_go(self, index: int) -> None:
        self.query_one(ArticleView).show_sentence(index)
