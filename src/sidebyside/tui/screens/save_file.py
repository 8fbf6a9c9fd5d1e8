"""Two small dialogs for `e` (export): name the file, and say yes before replacing one."""

from __future__ import annotations

import os

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from sidebyside.tui.screens.base import Dialog


class SaveFile(Dialog[str | None]):
    """The suggested name, in the current folder, ready to be typed over; Enter saves, Esc cancels."""

    DEFAULT_CSS = """
    SaveFile #save-box {
        width: 72;
        max-width: 95%;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="save_file.cancel")]

    def __init__(self, title: str, suggestion: str) -> None:
        super().__init__()
        self.heading = title
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="save-box", classes="dialog"):
            yield Static(Text(self.heading, style="bold"))
            yield Static(Text(f"A name alone saves in {os.getcwd()}", style="dim", overflow="ellipsis", no_wrap=True))
            yield Input(value=self.suggestion, id="save-name")
            yield Static(Text("Enter saves · Esc cancels", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmReplace(Dialog[bool]):
    """`name` exists: y replaces it, n or Esc keeps it."""

    DEFAULT_CSS = """
    ConfirmReplace #replace-box {
        width: 64;
        max-width: 95%;
    }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Replace", tooltip="Replace the existing file", id="confirm_replace.yes"),
        Binding("n,escape", "answer(False)", "Keep it", tooltip="Keep the existing file", id="confirm_replace.no"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.file_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="replace-box", classes="dialog"):
            yield Static(Text(f"{self.file_name} exists. Replace it?", style="bold"))
            yield Static(Text("y replaces it · n or Esc keeps it", style="dim"))

    def action_answer(self, replace: bool) -> None:
        self.dismiss(replace)
