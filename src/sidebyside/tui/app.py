"""The Textual application: a thin layer over the domain core.

The app receives an already loaded Story (the CLI and the tests build it with the same
`load_story`), pushes the Articles screen, and turns load problems into notifications.
Every binding of the current screen is also offered in the command palette.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from sidebyside.analysis.align import align
from sidebyside.analysis.speakers import DEFAULT_SPEAKERS
from sidebyside.analysis.story_quotes import StoryQuotes, story_quotes
from sidebyside.model import Alignment, Article, Story
from sidebyside.tui.screens.add_speaker import AddSpeaker
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.help import HelpScreen
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen


class SideBySideApp(App[None]):
    """sidebyside: compare how outlets covered one story."""

    CSS_PATH = "app.tcss"
    TITLE = "sidebyside"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave sidebyside"),
        Binding("w", "quote_sheet", "Quotes", tooltip="Quote sheet: who said what, outlet by outlet"),
        Binding("question_mark", "help", "Keys", tooltip="Show every key of this screen"),
        Binding("f1", "help", "Keys", show=False),
    ]

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story
        self._alignments: dict[tuple[str, str], Alignment] = {}
        self.speakers: list[str] = list(DEFAULT_SPEAKERS)
        self._quotes: StoryQuotes | None = None

    def quotes(self) -> StoryQuotes:
        """Quotes and figures of the whole story for the current watchlist (computed once)."""
        if self._quotes is None:
            self._quotes = story_quotes(self.story.articles, self.speakers)
        return self._quotes

    def ask_speaker(self, then: Callable[[], None]) -> None:
        """Ask for a name to follow; on an answer, extend the watchlist and call `then`."""

        def added(name: str | None) -> None:
            if name and name not in self.speakers:
                self.speakers.append(name)
                self._quotes = None
                self.notify(f"Following {name}.", timeout=3)
                then()

        self.push_screen(AddSpeaker(), added)

    def action_quote_sheet(self) -> None:
        if not isinstance(self.screen, QuoteSheetScreen):
            self.push_screen(QuoteSheetScreen())

    def alignment(self, a: Article, b: Article) -> Alignment:
        """The alignment of A with B, computed once per session (screens ask often)."""
        key = (a.path, b.path)
        if key not in self._alignments:
            self._alignments[key] = align(a, b)
        return self._alignments[key]

    def open_compare(self, left: Article, right: Article) -> None:
        """Push the Compare screen for two articles of the story."""
        articles = self.story.articles
        self.push_screen(CompareScreen(articles, articles.index(left), articles.index(right)))

    def on_mount(self) -> None:
        self.push_screen(ArticlesScreen(self.story))
        for problem in self.story.problems:
            self.notify(str(problem), title="Not opened", severity="warning", timeout=8)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every key binding of the screen by name, then Textual's own."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            node, action = active.node, binding.action
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip or binding.description} ({self.get_key_display(binding)})",
                lambda node=node, action=action: self.run_action(action, node),
            )
        for command in super().get_system_commands(screen):
            if command.title not in {"Quit", "Keys"}:  # ours say the same, with their keys
                yield command
