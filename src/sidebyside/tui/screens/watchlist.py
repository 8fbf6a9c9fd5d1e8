"""The Watchlist: who the story follows, who else it quotes, and saving the list with the story.

Two lists side by side: the people watched (with the quotes the story gives each), and the
story's other named people, most quoted first, proposed by the app (`analysis.people`).
Enter moves the highlighted person from one list to the other; `a` watches a proposed
person, `x` drops a watched one, `+` types a name the story spells its own way, and `s`
saves the list in the story's story.toml, the one file the app writes in a story's folder.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from sidebyside.analysis.people import quote_counts
from sidebyside.ingest.load import display_path
from sidebyside.ingest.sidecar import STORY_FILE
from sidebyside.ingest.watchlist import is_bundled
from sidebyside.tui.screens.base import StoryScreen

#: How the list in use came about, in words (`analysis.watching.Source`).
SOURCES = {
    "--speaker": "named with --speaker",
    "story.toml": "the list saved with the story",
    "bundled": "the bundled story's three protagonists",
    "proposed": "proposed by the app from the story's most-quoted people; not saved",
    "edited": "changed in this session; not saved",
}


NOBODY_WATCHED = "Nobody is watched: Enter or a watches a person from the other list."
NOBODY_ELSE = "Nobody else the story quotes by name: + types a name."


class WatchlistScreen(StoryScreen):
    """The watched people and the proposals; the app's watchlist changes as keys are pressed."""

    DEFAULT_CSS = """
    WatchlistScreen #watch-summary {
        height: auto;
        padding: 0 1;
    }

    WatchlistScreen #watch-lists {
        height: 1fr;
    }

    WatchlistScreen .watch-column {
        width: 1fr;
        height: 1fr;
    }

    WatchlistScreen .watch-title {
        padding: 1 1 0 1;
        text-style: bold;
    }

    WatchlistScreen OptionList {
        height: 1fr;
    }
    """
    BINDINGS = [
        Binding("a", "watch", "Watch", tooltip="Watch the highlighted proposed person", id="watchlist.watch"),
        Binding("x,delete", "drop", "Drop", tooltip="Stop watching the highlighted person", id="watchlist.drop"),
        Binding("plus", "type_name", "Type a name", tooltip="Watch a person by name", id="watchlist.type_name"),
        Binding("s", "save", "Save", tooltip="Save the watchlist in the story's story.toml", id="watchlist.save"),
        Binding("tab", "switch_focus", "Switch list", show=False, id="watchlist.switch_focus"),
        Binding("escape", "dismiss", "Back", tooltip="Back to the previous screen", id="watchlist.back"),
        # The lists have the focus; OptionList binds only the arrows, Home and End.
        Binding("j", "focused.cursor_down", "Down", show=False, id="watchlist.down"),
        Binding("k", "focused.cursor_up", "Up", show=False, id="watchlist.up"),
        Binding("g", "focused.first", "First", show=False, id="watchlist.first"),
        Binding("G", "focused.last", "Last", show=False, id="watchlist.last"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="watch-summary")
        with Horizontal(id="watch-lists"):
            with Vertical(classes="watch-column"):
                yield Static("Watched", classes="watch-title")
                yield OptionList(id="watched")
            with Vertical(classes="watch-column"):
                yield Static("Also quoted, most first", classes="watch-title")
                yield OptionList(id="proposed")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Watchlist"
        self.sub_title = "who this story follows"
        self.fill()
        self.query_one("#proposed" if not self.app.speakers else "#watched", OptionList).focus()

    def fill(self) -> None:
        """(Re)build both lists from the app's watchlist, keeping each highlight in place."""
        story = self.app.quotes()
        counts = quote_counts(story.results)
        watched = self.query_one("#watched", OptionList)
        proposed = self.query_one("#proposed", OptionList)
        _refill(watched, [(name, _counted(*counts.get(name, (0, 0)))) for name in story.speakers], NOBODY_WATCHED)
        _refill(proposed, [(p.name, _counted(p.quotes, p.outlets)) for p in story.proposals], NOBODY_ELSE)
        self._summary()

    def _summary(self) -> None:
        folder = self.app.story_folder
        count = len(self.app.speakers)
        summary = Text()
        summary.append(f"Watching {count} {'person' if count == 1 else 'people'}", style="bold")
        summary.append(f" — {SOURCES[self.app.watch_source]}.\n")
        if folder is None:
            summary.append("The articles are in several folders: the list is kept for this session.", style="dim")
        elif is_bundled(folder):
            summary.append("The bundled story is part of the app: the list is kept for this session.", style="dim")
        else:
            summary.append(f"s saves the list to {display_path(folder / STORY_FILE)}.", style="dim")
        summary.append(" Enter moves the highlighted person to the other list.", style="dim")
        self.query_one("#watch-summary", Static).update(summary)

    # --- keys ---------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: the highlighted person goes to the other list."""
        event.stop()
        if event.option_list.id == "watched":
            self.action_drop()
        else:
            self.action_watch()

    def action_watch(self) -> None:
        name = _highlighted(self.query_one("#proposed", OptionList))
        if name is None:
            self.notify("Nobody else to propose: press + to type a name.", timeout=3)
            return
        self.app.follow(name)
        self.fill()

    def action_drop(self) -> None:
        name = _highlighted(self.query_one("#watched", OptionList))
        if name is None:
            self.notify("Nobody is watched yet.", timeout=3)
            return
        self.app.unfollow(name)
        self.fill()

    def action_type_name(self) -> None:
        self.app.ask_speaker(self.fill)

    def action_save(self) -> None:
        self.app.save_watchlist()
        self._summary()

    def action_switch_focus(self) -> None:
        watched, proposed = self.query_one("#watched", OptionList), self.query_one("#proposed", OptionList)
        (proposed if watched.has_focus else watched).focus()


def _counted(quotes: int, outlets: int) -> str:
    if not quotes:
        return "no quotes found"
    return f"{quotes} quote{'s' * (quotes != 1)}, {outlets} outlet{'s' * (outlets != 1)}"


def _refill(options: OptionList, rows: list[tuple[str, str]], empty: str) -> None:
    """Replace the list's rows (name, counts), keeping the highlight at the same place; a
    list with no rows says so in a line that cannot be picked."""
    at = options.highlighted
    options.clear_options()
    for name, counts in rows:
        line = Text(name, style="bold", no_wrap=True, overflow="ellipsis")
        line.append(f"  {counts}", style="dim")
        options.add_option(Option(line, id=name))
    if rows:
        options.highlighted = min(at or 0, len(rows) - 1)
    else:
        options.add_option(Option(Text(empty, style="dim italic"), disabled=True))


def _highlighted(options: OptionList) -> str | None:
    """The name of the highlighted row (its option id), or None for an empty list."""
    if options.highlighted is None:
        return None
    return options.get_option_at_index(options.highlighted).id
