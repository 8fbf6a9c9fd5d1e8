"""A small dialog: name another person to follow through the story."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from sidebyside.tui.screens.base import Dialog


class AddSpeaker(Dialog[str | None]):
    """Type a name ("Giuseppe Conte"); Enter adds it to the watchlist, Esc cancels."""

    DEFAULT_CSS = """
    AddSpeaker #speaker-box {
        width: 64;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add_speaker.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-box", classes="dialog"):
            yield Static(Text("Follow another person", style="bold"))
            yield Static(
                Text(
                    "Full name as the articles print it; surnames, titles and one-letter typos are matched.",
                    style="dim",
                )
            )
            yield Input(placeholder="e.g. Giuseppe Conte", id="speaker-name")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        self.dismiss(name or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
