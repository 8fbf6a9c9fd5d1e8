"""The keys of a screen, as help (`?`) and the command palette list them.

The footer has room for a few keys (at 80 columns, `esc` and `?` must stay in sight), so
most bindings are declared with `show=False`; help and the palette are where a user finds
the rest, so both list every binding sidebyside declares, hidden or not, one entry per
action with all of its keys. Moving the cursor (arrows, j/k, Home/End/g/G, PgUp/PgDn,
Tab) is the same everywhere: help sums it up in a few lines of its own instead.

A user searches the palette for what they want done ("add" a person), not for the name
a binding happens to have ("Watchlist"), so `KeyCommands` also finds a command by the
words of its description.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.command import Hit, Hits
from textual.dom import DOMNode
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider

#: The score of a command found by its description only: below a good match of its name.
DESCRIBED = 0.3

#: Actions that only move a cursor or scroll: summed up by help's navigation lines.
NAVIGATION = frozenset(
    {
        "cursor",
        "cursor_down",
        "cursor_up",
        "first",
        "last",
        "first_row",
        "last_row",
        "move",
        "page",
        "scroll_down",
        "scroll_up",
        "scroll_home",
        "scroll_end",
        "scroll_top",
        "scroll_bottom",
        "switch_focus",
    }
)


@dataclass(frozen=True)
class Key:
    """One action of a screen with every key bound to it."""

    keys: str  # as the footer shows them, e.g. "a" or "? f1"
    title: str  # the binding's short description: what the palette lists and matches
    what: str  # what it does, in a sentence (the tooltip, else the description)
    node: DOMNode  # where the action runs
    action: str


def screen_keys(screen: Screen) -> list[Key]:
    """The actions sidebyside binds on `screen` (its focused widget, the screen, the app)."""
    app = screen.app
    found: dict[tuple[int, str], tuple[list[str], Binding, DOMNode]] = {}
    for key, active in screen.active_bindings.items():
        binding, node = active.binding, active.node
        if not binding.description or not _ours(node, key, binding):
            continue
        if binding.action.partition("(")[0].rpartition(".")[2] in NAVIGATION:
            continue
        shown, _, _ = found.setdefault((id(node), binding.action), ([], binding, node))
        shown.append(app.get_key_display(binding))
    return [
        Key(
            " ".join(dict.fromkeys(shown)),
            binding.description,
            binding.tooltip or binding.description,
            node,
            binding.action,
        )
        for shown, binding, node in found.values()
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


class KeyCommands(SystemCommandsProvider):
    """The palette's commands (`App.get_system_commands`), found by name or by description."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        words = " ".join(query.lower().split())
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            score = matcher.match(name) or (DESCRIBED if words and words in help_text.lower() else 0)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
