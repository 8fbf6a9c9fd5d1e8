"""The `/` search bar: one line above the footer, a phrase, and where the search landed.

The bar only asks: it posts `Find` with the phrase and a direction, and the screen, which
knows its items (sentences, rows, quotes) and its cursor, moves and answers with `say`.
Enter (or ↓) finds the next match, ↑ the previous one, Esc closes the bar and hands the
keys back to the screen; the phrase is kept for the next `/` (and for n/N where a screen
has them free).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """Hidden until `open`; a one-line input and the result of the last search."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
    }

    SearchBar.open {
        display: block;
    }

    SearchBar > #search-prompt {
        width: auto;
        padding: 0 1;
        text-style: bold;
    }

    SearchBar > Input {
        width: 1fr;
    }

    SearchBar > #search-result {
        width: auto;
        max-width: 50%;
        padding: 0 1;
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Close search", tooltip="Close the search bar", id="search.close"),
        Binding("down", "find(1)", "Next match", tooltip="Go to the next match", id="search.next"),
        Binding("up", "find(-1)", "Previous match", tooltip="Go to the previous match", id="search.previous"),
    ]

    class Find(Message):
        """Find `phrase` from the screen's cursor: the next match (`step` 1) or the previous (-1)."""

        def __init__(self, phrase: str, step: int) -> None:
            super().__init__()
            self.phrase = phrase
            self.step = step

    class Closed(Message):
        """The bar was closed: the screen takes the focus back."""

    def compose(self) -> ComposeResult:
        yield Static(Text("/"), id="search-prompt")
        yield Input(placeholder="find words (any case)", compact=True, id="search-input")
        yield Static(id="search-result")

    @property
    def phrase(self) -> str:
        """The phrase typed last (kept after the bar is closed)."""
        return self.query_one(Input).value

    @property
    def is_open(self) -> bool:
        return self.has_class("open")

    def open(self) -> None:
        """Show the bar with the last phrase selected, ready to be typed over."""
        self.add_class("open")
        self.say("Enter finds · ↑ ↓ previous / next · Esc closes")
        field = self.query_one(Input)
        field.focus()
        field.select_all()

    def say(self, text: str) -> None:
        """Show where the search landed ("match 2 of 5"), or why it did not."""
        self.query_one("#search-result", Static).update(Text(text, no_wrap=True, overflow="ellipsis"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_find(1)

    def action_find(self, step: int) -> None:
        if not self.phrase.strip():
            self.say("Type the words to find")
            return
        self.post_message(self.Find(self.phrase, step))

    def action_close(self) -> None:
        self.remove_class("open")
        self.post_message(self.Closed())
