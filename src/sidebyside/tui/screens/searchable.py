"""What the reading view, Compare and the Quote sheet share: `/` search over their items.

Each screen says what its items are (sentences, rows, quotes), where its cursor is and how
to move to an item; the search itself (`tui/find.py`) and the bar (`SearchBar`) are the
same everywhere, so the keys and the messages are too.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widget import Widget

from sidebyside.tui.find import find
from sidebyside.tui.screens.base import StoryScreen
from sidebyside.tui.widgets.search_bar import SearchBar


class SearchableScreen(StoryScreen):
    """A screen with a SearchBar (its compose yields one) over the items it lists.

    Bind `search` to `/`; screens where n/N are free bind them to `find(1)` and `find(-1)`.
    """

    _before_search: Widget | None = None

    def search_items(self) -> Sequence[Sequence[str]]:
        """The texts of each item, in order: the phrase is looked for in each text."""
        raise NotImplementedError

    def search_cursor(self) -> int:
        """The index of the item under the cursor: the search starts after it."""
        raise NotImplementedError

    def search_go(self, index: int) -> None:
        """Move the cursor to item `index` and show it."""
        raise NotImplementedError

    def search_miss(self, phrase: str) -> str:
        """What to say when no item holds the phrase (a screen may add why)."""
        return f"no match for “{phrase.strip()}”"

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        if not bar.is_open:
            self._before_search = self.focused
        bar.open()

    def action_find(self, step: int) -> None:
        """n/N: the next or previous match of the phrase searched last."""
        bar = self.query_one(SearchBar)
        if not bar.phrase.strip():
            self.notify("Press / to find words first.", timeout=3)
            return
        self._find(bar.phrase, step)

    def on_search_bar_find(self, event: SearchBar.Find) -> None:
        self._find(event.phrase, event.step)

    def on_search_bar_closed(self, _: SearchBar.Closed) -> None:
        before = self._before_search
        if before is not None and before.is_attached and before.display:
            before.focus()
        else:
            self.focus_next()

    def _find(self, phrase: str, step: int) -> None:
        hit = find(self.search_items(), phrase, self.search_cursor(), step)
        if hit is not None:
            self.search_go(hit.index)
        said = str(hit) if hit is not None else self.search_miss(phrase)
        bar = self.query_one(SearchBar)
        bar.say(said)
        if not bar.is_open:  # n/N after the bar was closed: say it where it shows
            self.notify(said, timeout=2, markup=False)
