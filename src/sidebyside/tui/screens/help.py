"""Help: every key that works on the screen underneath, with what it does."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from sidebyside.layout import cell_width
from sidebyside.tui.screens.base import Dialog

NAVIGATION = [
    ("↑ ↓ j k", "Move the cursor / scroll"),
    ("PgUp PgDn", "Page up / down"),
    ("Home End", "First / last row"),
    ("Tab", "Next pane (Articles: the overlap matrix; Compare: the sidebar)"),
]


def _ours(node: object, key: str, binding: Binding) -> bool:
    """Whether a sidebyside class declared this binding (not Textual's defaults)."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("sidebyside"):
            for declared in cls.__dict__.get("BINDINGS", []):
                if isinstance(declared, tuple):
                    declared = Binding(*declared)
                if declared.action == binding.action and key in declared.key.split(","):
                    return True
    return False


class HelpScreen(Dialog[None]):
    """A modal list of the keys of `screen`: its own, its widgets' and the app's."""

    DEFAULT_CSS = """
    HelpScreen #help-box {
        width: auto;
        max-width: 90%;
        max-height: 90%;
        padding: 1 2;
    }

    HelpScreen #help-box > Static {
        width: auto;
    }

    HelpScreen #help-title {
        margin-bottom: 1;
    }

    HelpScreen #help-hint {
        margin-top: 1;
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help.close_question_mark"),
        Binding("q", "dismiss", "Close", show=False, id="help.close_q"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.target = screen

    def keys(self) -> list[tuple[str, str]]:
        """(key, what it does) for the bindings sidebyside defines, then navigation."""
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for key, active in self.target.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or not _ours(active.node, key, binding):
                continue
            if binding.action in {"cursor_down", "cursor_up", "scroll_down", "scroll_up"}:
                continue
            what = binding.tooltip or binding.description
            if what in seen:
                continue
            seen.add(what)
            rows.append((self.app.get_key_display(binding), what))
        rows.sort(key=lambda row: row[1] in {"Leave sidebyside", "Show every key of this screen"})
        rows += NAVIGATION
        rows.append(("^p", "Command palette: every action by name"))
        return rows

    def compose(self) -> ComposeResult:
        rows = self.keys()
        width = max(cell_width(key) for key, _ in rows) + 3
        text = Text()
        for key, what in rows:
            text.append(key + " " * (width - cell_width(key)), style="bold")
            text.append(what + "\n")
        text.rstrip()
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(text, id="help-keys")
            yield Static(Text("Esc closes this help.", style="dim"), id="help-hint")
