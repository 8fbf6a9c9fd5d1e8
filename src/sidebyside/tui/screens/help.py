"""Help: every key that works on the screen underneath, with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from sidebyside.tui.keys import screen_keys
from sidebyside.tui.screens.base import Dialog

NAVIGATION = [
    ("↑ ↓ j k", "Move the cursor / scroll"),
    ("PgUp PgDn", "Page up / down"),
    ("Home End g G", "First / last row"),
    ("Tab", "Next pane (Articles: the overlap matrix; Compare: the sidebar)"),
    ("^p", "Command palette: every action by name"),
]


class HelpScreen(Dialog[None]):
    """A modal list of the keys of `screen`: its own, its widgets' and the app's, hidden ones too."""

    DEFAULT_CSS = """
    HelpScreen #help-box {
        width: 88;
        max-width: 95%;
        max-height: 90%;
        padding: 0 1;
    }

    HelpScreen #help-scroll {
        height: auto;
        max-height: 100%;
    }

    HelpScreen #help-title {
        dock: top;
        margin-bottom: 1;
    }

    HelpScreen #help-hint {
        dock: bottom;
        margin-top: 1;
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("escape,question_mark,f1,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.target = screen

    def keys(self) -> list[tuple[str, str]]:
        """(keys, what they do): every binding sidebyside defines on the screen, then navigation."""
        return [(key.keys, key.what) for key in screen_keys(self.target)] + NAVIGATION

    def compose(self) -> ComposeResult:
        # A grid wraps a long line under its own column, not under the keys.
        text = Table.grid(padding=(0, 3))
        text.add_column(style="bold", no_wrap=True)
        text.add_column()
        for key, what in self.keys():
            text.add_row(Text(key), Text(what))
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(text, id="help-keys")
            yield Static(Text("↑ ↓ scroll · Esc, ? or F1 closes this help", style="dim"), id="help-hint")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
