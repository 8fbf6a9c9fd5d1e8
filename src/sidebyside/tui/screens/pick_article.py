"""A small dialog: pick the article to compare with."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sidebyside.model import Article
from sidebyside.tui.screens.base import Dialog


class PickArticle(Dialog[Article | None]):
    """Lists the other articles; Enter picks one, Esc cancels; j/k, g/G move as everywhere."""

    DEFAULT_CSS = """
    PickArticle #pick-box {
        width: 80%;
        max-width: 100;
        max-height: 80%;
    }

    PickArticle #pick-list {
        height: auto;
        max-height: 20;
        border: none;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without comparing", id="pick_article.cancel"),
        # The list has the focus; OptionList binds only the arrows, Home and End.
        Binding("j", "focused.cursor_down", "Down", show=False, id="pick_article.down"),
        Binding("k", "focused.cursor_up", "Up", show=False, id="pick_article.up"),
        Binding("g", "focused.first", "First", show=False, id="pick_article.first"),
        Binding("G", "focused.last", "Last", show=False, id="pick_article.last"),
    ]

    def __init__(self, articles: tuple[Article, ...], exclude: Article) -> None:
        super().__init__()
        self.choices = [a for a in articles if a is not exclude]
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box", classes="dialog"):
            yield Static(Text(f"Compare {self.exclude.label} with…", style="bold"))
            yield OptionList(
                *[
                    Option(Text(f"{a.label} — {a.title or a.id}", no_wrap=True, overflow="ellipsis"), id=str(i))
                    for i, a in enumerate(self.choices)
                ],
                id="pick-list",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
