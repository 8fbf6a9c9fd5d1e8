"""The Textual application: a thin layer over the domain core.

`make_app` builds it on a loaded Story (tests, scripts) or on PATHs, which a thread worker
reads with the same `iter_story` the CLI uses, handing articles over in batches so the first
rows show at once and the keys answer while a large folder loads. Workers never touch the
screens: they post the messages of `tui.messages`, which the app handles on the UI thread,
updating its own state and the Articles screen if it is still there. Load problems become
notifications. Every binding of the current screen is also offered in the command palette.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from os import PathLike
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from sidebyside.model import Alignment, Article, Problem, Story
from sidebyside.tui.messages import OverlapDone, OverlapRow, OverlapStarted, StoryBatch, StoryLoaded
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.help import HelpScreen
from sidebyside.tui.widgets.matrix_view import MatrixRow

if TYPE_CHECKING:
    from sidebyside.analysis.alignment_cache import AlignmentCache
    from sidebyside.analysis.story_quotes import StoryQuotes

# The analysis modules (and the screens built on them) are imported where first needed,
# mostly inside the worker threads, so the first screen is drawn without waiting for them.


#: Articles handed to the table at a time while a folder loads.
BATCH = 25
#: Problems shown one by one before they are summarised.
MAX_NOTES = 4


def make_app(story: Story | None = None, *, paths: Sequence[str | PathLike[str]] | None = None) -> SideBySideApp:
    """The app, the one way the CLI, the tests and the scripts build it.

    Give either a loaded `story` (everything shown from the first frame) or `paths`, which a
    worker reads while the Articles screen is already up, as `sidebyside PATH...` does.
    """
    if (story is None) == (paths is None):
        raise TypeError("make_app takes a story or paths: exactly one of them")
    if paths is not None:
        return SideBySideApp(paths=[str(path) for path in paths])
    return SideBySideApp(story)


class SideBySideApp(App[None]):
    """sidebyside: compare how outlets covered one story."""

    CSS_PATH = "app.tcss"
    TITLE = "sidebyside"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave sidebyside", id="app.quit"),
        Binding(
            "w", "quote_sheet", "Quotes", tooltip="Quote sheet: who said what, outlet by outlet", id="app.quote_sheet"
        ),
        Binding("question_mark", "help", "Keys", tooltip="Show every key of this screen", id="app.help"),
        Binding("f1", "help", "Keys", show=False, id="app.help_f1"),
    ]

    def __init__(self, story: Story | None = None, *, paths: list[str] | None = None) -> None:
        super().__init__()
        self.articles: list[Article] = list(story.articles) if story else []
        self.problems: list[Problem] = list(story.problems) if story else []
        self.paths = paths
        self.loading = paths is not None
        self._cache: AlignmentCache | None = None
        #: Overlap matrix rows by article index, filled in by a worker; replaced, never mutated.
        self.matrix: tuple[MatrixRow, ...] = ()
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
            from sidebyside.analysis.alignment_cache import AlignmentCache

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

    def quotes_if_ready(self) -> StoryQuotes | None:
        """The story's quotes if they were computed for the current articles, else None.

        For what may only show them when they are at hand (the Compare status line), so
        moving the cursor never starts a story-wide analysis.
        """
        if self._quotes is not None and len(self._quotes.results) == len(self.articles):
            return self._quotes
        return None

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
            self._start_overlap()

    # --- loading: a worker reads, the handlers show ------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: list[str]) -> None:
        """Read the story off the UI thread, handing it over in small batches."""
        from sidebyside.ingest.story import iter_story

        batch: list[Article | Problem] = []
        last = time.monotonic()
        counted = [0, 1]

        def progress(done: int, total: int) -> None:
            counted[:] = [done, total]

        worker = get_current_worker()
        for item in iter_story(paths, progress):
            if worker.is_cancelled:  # the user quit while a big folder loads
                return
            batch.append(item)
            if len(batch) >= BATCH or time.monotonic() - last > 0.1:
                if not self._deliver(_batch(batch, *counted)):
                    return
                batch, last = [], time.monotonic()
        if self._deliver(_batch(batch, counted[1], counted[1])):
            self._deliver(StoryLoaded())

    def on_story_batch(self, message: StoryBatch) -> None:
        self.articles.extend(message.articles)
        self.problems.extend(message.problems)
        screen = self._articles_screen()
        if screen is not None and message.articles:
            screen.add_articles(message.articles)
        self._report(message.problems)
        if screen is not None:
            screen.show_progress(message.done, message.total)

    def on_story_loaded(self, _: StoryLoaded) -> None:
        self.loading = False
        if (screen := self._articles_screen()) is not None:
            screen.show_progress(None, None)
        if not self.articles:
            self.exit(return_code=2, message="sidebyside: nothing to open: no usable articles")
            return
        self._start_overlap()

    # --- the overlap matrix: a worker computes, the handlers show ------------------------

    def _start_overlap(self) -> None:
        self.compute_overlap(tuple(self.articles))

    @work(thread=True, exclusive=True, group="overlap")
    def compute_overlap(self, articles: tuple[Article, ...]) -> None:
        """Every pair's share, row by row, into the matrix and the Closest column.

        One worker thread (no process pool: forking a threaded app is not safe); rows land
        in article order, and the shared cache keeps them for the Compare screen. A big
        story's matrix takes minutes, so the work itself asks whether the worker was
        cancelled (the user quit, or a new matrix replaces this one), between two pairs of
        texts: Python cannot stop a thread, and the process waits for it before it exits.
        """
        from sidebyside.analysis.overlap import overlap_rows

        worker = get_current_worker()
        if not self._deliver(OverlapStarted(len(articles))):
            return
        for row in overlap_rows(articles, self.cache, workers=1, should_stop=lambda: worker.is_cancelled):
            if not self._deliver(OverlapRow(row.index, row.shares, row.done, row.total)):
                return
        self._deliver(OverlapDone(articles))

    def _deliver(self, message: Message) -> bool:
        """From a worker thread: hand `message` to the UI thread (posting is thread-safe).

        False once nobody will handle it (the worker was cancelled, or the app is closing):
        the worker then stops instead of computing for an app that has gone.
        """
        return not get_current_worker().is_cancelled and self.post_message(message)

    def on_overlap_started(self, message: OverlapStarted) -> None:
        self.comparing = True
        self.matrix = (None,) * message.count
        if (screen := self._articles_screen()) is not None:
            screen.show_matrix()

    def on_overlap_row(self, message: OverlapRow) -> None:
        index = message.index
        self.matrix = (*self.matrix[:index], message.shares, *self.matrix[index + 1 :])
        if (screen := self._articles_screen()) is not None:
            screen.show_matrix()
            if message.total:
                screen.show_progress(message.done, message.total)

    def on_overlap_done(self, message: OverlapDone) -> None:
        from sidebyside.analysis.overlap import closest

        self.comparing = False
        nearest = closest(message.articles, [list(r or ()) for r in self.matrix])
        if (screen := self._articles_screen()) is not None:
            screen.show_progress(None, None)
            screen.show_closest(nearest)

    def _articles_screen(self) -> ArticlesScreen | None:
        """The Articles screen, if it is still there to show what a worker delivered."""
        return next((s for s in self.screen_stack if isinstance(s, ArticlesScreen) and s.is_live), None)

    def _report(self, problems: list[Problem]) -> None:
        """A notification per problem, folded into one once there are many."""
        shown = self._notified
        for problem in problems:
            shown += 1
            if shown <= MAX_NOTES:
                self.notify(str(problem), title="Not opened", severity="warning", timeout=8, markup=False)
        if shown > MAX_NOTES and self._notified <= MAX_NOTES:
            self.notify(
                "More files could not be opened; `sidebyside articles PATH` lists them all.",
                title="Not opened",
                severity="warning",
                timeout=8,
            )
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


def _batch(items: list[Article | Problem], done: int, total: int) -> StoryBatch:
    """What the load worker read since its last batch, sorted into articles and problems."""
    return StoryBatch(
        articles=[x for x in items if isinstance(x, Article)],
        problems=[x for x in items if isinstance(x, Problem)],
        done=done,
        total=total,
    )
