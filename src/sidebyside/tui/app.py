"""The Textual application: a thin layer over the domain core.

The app either receives a loaded Story (tests) or PATHs, which a thread worker reads with
the same `iter_story` the CLI uses, handing articles to the Articles screen in batches so
the first rows show at once and the keys answer while a large folder loads. Load
problems become notifications. Every binding of the current screen is also offered in the
command palette.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from sidebyside.model import Alignment, Article, Problem, Story
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.help import HelpScreen

if TYPE_CHECKING:
    from sidebyside.analysis.reuse import AlignmentCache
    from sidebyside.analysis.story_quotes import StoryQuotes

# The analysis modules (and the screens built on them) are imported where first needed,
# mostly inside the worker threads, so the first screen is drawn without waiting for them.


#: Articles handed to the table at a time while a folder loads.
BATCH = 25
#: Problems shown one by one before they are summarised.
MAX_NOTES = 4


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

    def __init__(self, story: Story | None = None, *, paths: list[str] | None = None) -> None:
        super().__init__()
        self.articles: list[Article] = list(story.articles) if story else []
        self.problems: list[Problem] = list(story.problems) if story else []
        self.paths = paths
        self.loading = paths is not None
        self._cache: AlignmentCache | None = None
        #: Overlap matrix rows by article index, filled in by a worker (None: not yet).
        self.matrix: list[tuple[float, ...] | None] = []
        self.comparing = False
        self.speakers: list[str] = []  # filled with the default watchlist on first use
        self._quotes: StoryQuotes | None = None
        self._notified = 0

    @property
    def story(self) -> Story:
        """The articles loaded so far (all of them once `loading` is False)."""
        return Story(articles=tuple(self.articles), problems=tuple(self.problems))

    @property
    def cache(self) -> AlignmentCache:
        """Alignments and shares of this session, shared by the matrix and Compare."""
        if self._cache is None:
            from sidebyside.analysis.reuse import AlignmentCache

            self._cache = AlignmentCache()
        return self._cache

    def quotes(self) -> StoryQuotes:
        """Quotes and figures of the whole story for the current watchlist (computed once)."""
        from sidebyside.analysis.story_quotes import story_quotes

        if not self.speakers:
            from sidebyside.analysis.speakers import DEFAULT_SPEAKERS

            self.speakers = list(DEFAULT_SPEAKERS)
        if self._quotes is None or len(self._quotes.results) != len(self.articles):
            self._quotes = story_quotes(self.story.articles, self.speakers)
        return self._quotes

    def ask_speaker(self, then: Callable[[], None]) -> None:
        """Ask for a name to follow; on an answer, extend the watchlist and call `then`."""

        from sidebyside.tui.screens.add_speaker import AddSpeaker

        self.quotes()  # the watchlist starts from the defaults

        def added(name: str | None) -> None:
            if name and name not in self.speakers:
                self.speakers.append(name)
                self._quotes = None
                self.notify(f"Following {name}.", timeout=3, markup=False)
                then()

        self.push_screen(AddSpeaker(), added)

    def action_quote_sheet(self) -> None:
        from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen

        if not isinstance(self.screen, QuoteSheetScreen):
            self.push_screen(QuoteSheetScreen())

    def alignment(self, a: Article, b: Article) -> Alignment:
        """The alignment of A with B, computed once per session and shared with the matrix."""
        return self.cache.get(a, b)

    def open_compare(self, left: Article, right: Article) -> None:
        """Push the Compare screen for two articles of the story."""
        from sidebyside.tui.screens.compare import CompareScreen

        articles = self.story.articles
        self.push_screen(CompareScreen(articles, articles.index(left), articles.index(right)))

    def on_mount(self) -> None:
        self.push_screen(ArticlesScreen())
        self._report(self.problems)
        if self.paths is not None:
            self.load(self.paths)
        else:
            self.compute_overlap()

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: list[str]) -> None:
        """Read the story off the UI thread, handing it over in small batches."""
        from sidebyside.ingest.story import iter_story

        batch: list[Article | Problem] = []
        last = time.monotonic()
        counted = [0, 1]

        def progress(done: int, total: int) -> None:
            counted[:] = [done, total]

        for item in iter_story(paths, progress):
            batch.append(item)
            if len(batch) >= BATCH or time.monotonic() - last > 0.1:
                self.call_from_thread(self._arrived, batch, *counted)
                batch, last = [], time.monotonic()
        self.call_from_thread(self._arrived, batch, counted[1], counted[1])
        self.call_from_thread(self._finished)

    def _arrived(self, batch: list[Article | Problem], done: int, total: int) -> None:
        articles = [x for x in batch if isinstance(x, Article)]
        problems = [x for x in batch if isinstance(x, Problem)]
        self.articles.extend(articles)
        self.problems.extend(problems)
        screen = self._articles_screen()
        if screen is not None and articles:
            screen.add_articles(articles)
        self._report(problems)
        self._progress(done, total)

    def _progress(self, done: int, total: int) -> None:
        if (screen := self._articles_screen()) is not None:
            screen.show_progress(done, total)

    def _finished(self) -> None:
        self.loading = False
        if (screen := self._articles_screen()) is not None:
            screen.show_progress(None, None)
        if not self.articles:
            self.exit(return_code=2, message="sidebyside: nothing to open: no usable articles")
            return
        self.compute_overlap()

    @work(thread=True, exclusive=True, group="overlap")
    def compute_overlap(self) -> None:
        """Every pair's share, row by row, into the matrix and the Closest column.

        One worker thread (no process pool: forking a threaded app is not safe); rows land
        in article order, and the shared cache keeps them for the Compare screen.
        """
        from sidebyside.analysis.reuse import overlap_rows

        articles = tuple(self.articles)
        self.call_from_thread(self._overlap_started, len(articles))
        for row in overlap_rows(articles, self.cache, workers=1):
            self.call_from_thread(self._overlap_row, row.index, row.shares, row.done, row.total)
        self.call_from_thread(self._overlap_finished, articles)

    def _overlap_started(self, count: int) -> None:
        self.comparing = True
        self.matrix[:] = [None] * count  # in place: the matrix view holds this list

    def _overlap_row(self, index: int, shares: tuple[float, ...], done: int, total: int) -> None:
        self.matrix[index] = shares
        if (screen := self._articles_screen()) is not None:
            screen.overlap_row()
            if total:
                screen.show_progress(done, total)

    def _overlap_finished(self, articles: tuple[Article, ...]) -> None:
        from sidebyside.analysis.reuse import closest

        self.comparing = False
        nearest = closest(articles, [list(r or ()) for r in self.matrix])
        if (screen := self._articles_screen()) is not None:
            screen.show_progress(None, None)
            screen.show_closest(nearest)

    def _articles_screen(self) -> ArticlesScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, ArticlesScreen)), None)

    def _report(self, problems: list[Problem]) -> None:
        """A notification per problem, folded into one once there are many."""
        shown = self._notified
        for problem in problems:
            shown += 1
            if shown <= MAX_NOTES:
                self.notify(str(problem), title="Not opened", severity="warning", timeout=8, markup=False)
        if shown > MAX_NOTES and self._notified <= MAX_NOTES:
            self.notify("More files could not be opened; `sidebyside articles PATH` lists them all.",
                        title="Not opened", severity="warning", timeout=8)
        self._notified = shown

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
