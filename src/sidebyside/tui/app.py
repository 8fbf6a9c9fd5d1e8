"""The Textual application: a thin layer over the domain core.

`make_app` builds it on a loaded Story (tests, scripts) or on PATHs, which a thread worker
reads with the same `iter_story` the CLI uses, handing articles over in batches so the first
rows show at once and the keys answer while a large folder loads. Workers never touch the
screens: they post the messages of `tui.messages`, which the app handles on the UI thread,
updating its own state and the Articles screen if it is still there. Load problems become
notifications. Every binding of the current screen is also offered in the command palette
(`tui/keys.py`), and `e` exports (a comparison, the story report) go through one flow here:
a file name, a check, a worker that builds the text, and the careful writer of `report`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from sidebyside.model import Alignment, Article, ArticleQuotes, Closest, Problem, Story
from sidebyside.tui.keys import KeyCommands, screen_keys
from sidebyside.tui.messages import (
    ExportReady,
    OverlapDone,
    OverlapRow,
    OverlapStarted,
    StoryBatch,
    StoryLoaded,
)
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.widgets.matrix_view import MatrixRow

if TYPE_CHECKING:
    from sidebyside.analysis.alignment_cache import AlignmentCache
    from sidebyside.analysis.collate import Collation
    from sidebyside.analysis.framing import StoryFraming
    from sidebyside.analysis.story_quotes import StoryQuotes
    from sidebyside.analysis.watching import Watching
    from sidebyside.commands.story_worker import StoryWorker
    from sidebyside.tui.saving import Checked

# The analysis modules and every screen but the first (and what they use) are imported
# where first needed, mostly inside the worker threads, so the first screen is drawn
# without waiting for them.


#: Articles handed to the table at a time while a folder loads.
BATCH = 25
#: Problems shown one by one before they are summarised.
MAX_NOTES = 4
NOTHING_TO_OPEN = "sidebyside: nothing to open: no usable articles"


def make_app(
    story: Story | None = None,
    *,
    paths: Sequence[str | PathLike[str]] | None = None,
    speakers: Sequence[str] | None = None,
    background: StoryWorker | None = None,
) -> SideBySideApp:
    """The app, the one way the CLI, the tests and the scripts build it.

    Give either a loaded `story` (everything shown from the first frame) or `paths`, which a
    worker reads while the Articles screen is already up, as `sidebyside PATH...` does.
    `speakers` (`--speaker`) replace the story's own watchlist (see `SideBySideApp.quotes`).
    `background`, with `paths`, is the process already reading them (`sidebyside PATH...`
    starts it before importing Textual: `commands/story_worker.py`); the app then shows
    what it sends instead of reading and comparing in its own threads.
    """
    if (story is None) == (paths is None):
        raise TypeError("make_app takes a story or paths: exactly one of them")
    if paths is not None:
        return SideBySideApp(paths=[str(path) for path in paths], speakers=speakers, background=background)
    return SideBySideApp(story, speakers=speakers)


class SideBySideApp(App[None]):
    """sidebyside: compare how outlets covered one story."""

    CSS_PATH = "app.tcss"
    TITLE = "sidebyside"
    COMMANDS = {KeyCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave sidebyside", id="app.quit"),
        # One Ctrl-C quits, as in any terminal program (Textual's own asks for Ctrl-Q instead).
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.quit_ctrl_c"),
        Binding(
            "w", "quote_sheet", "Quotes", tooltip="Quote sheet: who said what, outlet by outlet", id="app.quote_sheet"
        ),
        # Capital F: `f` filters on the Quote sheet and the Story screen. Not in the footer,
        # where at 80 columns it would push `?` out of sight; help and the palette list it.
        Binding(
            "F",
            "framing",
            "Framing",
            show=False,
            tooltip="Framing: the labels, attribution verbs and hedges each outlet uses for each watched person",
            id="app.framing",
        ),
        Binding("question_mark", "help", "Keys", tooltip="Show every key of this screen", id="app.help"),
        Binding("f1", "help", "Keys", show=False, key_display="F1", id="app.help_f1"),
    ]

    def __init__(
        self,
        story: Story | None = None,
        *,
        paths: list[str] | None = None,
        speakers: Sequence[str] | None = None,
        background: StoryWorker | None = None,
    ) -> None:
        super().__init__()
        self.background = background
        if background is not None and story is None:
            story = background.read_ready()  # read already: the first frame shows it
        self.articles: list[Article] = list(story.articles) if story else []
        self.problems: list[Problem] = list(story.problems) if story else []
        self.paths = paths
        self.loading = paths is not None and story is None
        self._cache: AlignmentCache | None = None
        #: Overlap matrix rows by article index, filled in by a worker; replaced, never mutated.
        self.matrix: tuple[MatrixRow, ...] = ()
        #: Each article's closest other, once the matrix is complete (the Articles screen
        #: shows it when it mounts, if the matrix was quicker than the screen).
        self.nearest: list[Closest] = []
        self.comparing = False
        #: The people watched: --speaker's, else settled on first use (`quotes`); the user edits it.
        self.speakers: list[str] = list(speakers or [])
        #: The list the story opened with and where it came from; None until settled.
        self.watching: Watching | None = None
        self._quotes: StoryQuotes | None = None
        #: The story's analysis, and the names it resolved (redone only when those change).
        self._results: tuple[ArticleQuotes, ...] = ()
        self._resolved: tuple[str, ...] = ()
        self._notified = 0
        #: The Story and Framing screens' last results, for the report (`e`) to reuse; a
        #: result of other articles or other people is never reused (`reusable_views`).
        self.collation: Collation | None = None
        self.framing: StoryFraming | None = None

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
        """Quotes and figures of the whole story for the current watchlist (computed once).

        On first use the watchlist is settled (`analysis.watching`): --speaker's, else the
        story.toml's, else the bundled story's three, else the story's most-quoted named
        people, proposed and watched until the user changes the list. The analysis is
        redone only when the people it resolves change (a typed name the story does not
        print in full); watching or dropping one of the story's named people only regroups.
        """
        from sidebyside.analysis.people import propose, story_watchlist
        from sidebyside.analysis.story_quotes import analyse_story, summarise
        from sidebyside.analysis.watching import provisional

        if self._quotes is not None and len(self._quotes.results) == len(self.articles):
            return self._quotes
        articles = self.story.articles
        opening = self.watching or self._given_watchlist()
        watched = self.speakers if self.watching else opening.names if opening else ()
        resolved = story_watchlist(watched, articles).names
        if len(self._results) != len(articles) or self._resolved != resolved:
            self._results, self._resolved = analyse_story(articles, watched), resolved
        if opening is None:
            opening = provisional(propose(self._results, ()))
        if self.watching is None and not (opening.proposed and self.loading):  # proposals wait for every article
            self.watching, self.speakers = opening, list(opening.names)
            if opening.proposed:
                self.notify(
                    f"Watching the story's most-quoted people: {', '.join(opening.names) or 'nobody yet'}. "
                    "Press + to choose who to follow.",
                    title="Proposed watchlist",
                    timeout=6,
                    markup=False,
                )
        self._quotes = summarise(self._results, self.speakers if self.watching else opening.names)
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
        """Ask for a name to follow (the Watchlist's `+`); on an answer, follow them and call `then`."""

        from sidebyside.tui.screens.add_speaker import AddSpeaker

        def added(name: str | None) -> None:
            if not name:
                return
            if self.follow(name):
                self.notify(f"Following {name}.", timeout=3, markup=False)
                then()
            else:
                self.notify(f"Already following {name}.", timeout=3, markup=False)

        self.push_screen(AddSpeaker(), added)

    def action_quote_sheet(self) -> None:
        from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen

        if not isinstance(self.screen, QuoteSheetScreen):
            self.push_screen(QuoteSheetScreen())

    def action_framing(self) -> None:
        from sidebyside.tui.screens.framing import FramingScreen

        if not isinstance(self.screen, FramingScreen):
            self.push_screen(FramingScreen())

    def alignment(self, a: Article, b: Article) -> Alignment:
        """The alignment of A with B, computed once per session and shared with the matrix."""
        return self.cache.get(a, b)

    def open_compare(self, left: Article, right: Article) -> None:
        """Push the Compare screen for two articles of the story."""
        from sidebyside.tui.screens.compare import CompareScreen

        articles = self.story.articles
        self.push_screen(CompareScreen(articles, articles.index(left), articles.index(right)))

    def get_default_screen(self) -> ArticlesScreen:
        """The Articles screen is the app's first screen itself, not pushed over an empty
        default one: pushing costs a second layout and refresh before the first paint."""
        return ArticlesScreen()

    def on_mount(self) -> None:
        self._report(self.problems)
        if self.paths is not None and self.background is not None:
            if not self.loading and not self.articles:  # read already, and nothing usable
                self._nothing_to_open()
                return
            # after the first frame: the matrix, ready or not, must not hold up the table
            self.call_after_refresh(self.load_in_background, self.background, self.paths)
        elif self.paths is not None:
            self.load(self.paths)
        else:
            self._start_overlap()

    # --- loading: a worker reads, the handlers show ------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: list[str]) -> None:
        """Read the story off the UI thread, handing it over in small batches."""
        self._read(paths)

    def _read(self, paths: list[str], skip: int = 0) -> list[Article] | None:
        """In a worker: read `paths` (past the first `skip` items, articles or problems,
        already delivered), deliver them in batches, then StoryLoaded. The articles
        delivered, or None if the worker was cancelled meanwhile."""
        from sidebyside.ingest.story import iter_story

        batch: list[Article | Problem] = []
        last = time.monotonic()
        counted = [0, 1]

        def progress(done: int, total: int) -> None:
            counted[:] = [done, total]

        worker = get_current_worker()
        articles: list[Article] = []
        for number, item in enumerate(iter_story(paths, progress)):
            if worker.is_cancelled:  # the user quit while a big folder loads
                return None
            if number < skip:
                continue
            batch.append(item)
            if isinstance(item, Article):
                articles.append(item)
            if len(batch) >= BATCH or time.monotonic() - last > 0.1:
                if not self._deliver(_batch(batch, *counted)):
                    return None
                batch, last = [], time.monotonic()
        if self._deliver(_batch(batch, counted[1], counted[1])) and self._deliver(StoryLoaded()):
            return articles
        return None

    @work(thread=True, exclusive=True, group="load")
    def load_in_background(self, background: StoryWorker, paths: list[str]) -> None:
        """Show what the story's own process reads and computes (`commands/story_worker.py`).

        Its events become the messages `load` and `compute_overlap` post, so the screens
        cannot tell the difference. Should the process end early (killed, or an error it
        did not expect), this thread reads the rest and computes the matrix itself.
        """
        from sidebyside.commands.story_worker import Lost

        worker = get_current_worker()
        articles: list[Article] = list(self.articles)  # what `read_ready` found, if anything
        delivered, loaded = len(self.articles) + len(self.problems), not self.loading
        try:
            for event in background.events(lambda: worker.is_cancelled):
                if event[0] == "batch":
                    _, new, problems, done, total = event
                    articles.extend(new)
                    delivered += len(new) + len(problems)
                    message: Message = StoryBatch(new, problems, done, total)
                elif event[0] == "loaded":
                    loaded, message = True, StoryLoaded()
                elif event[0] == "started":
                    message = OverlapStarted(event[1])
                elif event[0] == "row":
                    message = OverlapRow(*event[1:])
                else:
                    message = OverlapDone(tuple(articles), event[1])
                if not self._deliver(message):
                    return
            if not worker.is_cancelled:
                background.stop()  # it has sent "done" and exits: reap it now, not at quit
        except Lost:
            background.stop()
            if not loaded:
                rest = self._read(paths, skip=delivered)
                if rest is None:
                    return
                articles.extend(rest)
            self._overlap(tuple(articles))

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
            self._nothing_to_open()
            return
        if self.background is None:  # else the story's process sends the matrix
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
        self._overlap(articles)

    def _overlap(self, articles: tuple[Article, ...]) -> None:
        """In a worker: the matrix of `articles`, row by row, as messages."""
        from sidebyside.analysis.overlap import overlap_rows

        worker = get_current_worker()
        if not articles or not self._deliver(OverlapStarted(len(articles))):
            return
        rows: dict[int, tuple[float, ...]] = {}
        for row in overlap_rows(articles, self.cache, workers=1, should_stop=lambda: worker.is_cancelled):
            rows[row.index] = row.shares
            if not self._deliver(OverlapRow(row.index, row.shares, row.done, row.total)):
                return
        self._deliver(_done(articles, rows))

    def _deliver(self, message: Message) -> bool:
        """From a worker thread: hand `message` to the UI thread (posting is thread-safe).

        False once nobody will handle it (the worker was cancelled, or the app is closing):
        the worker then stops instead of computing for an app that has gone.
        """
        return not get_current_worker().is_cancelled and self.post_message(message)

    def on_overlap_started(self, message: OverlapStarted) -> None:
        self.comparing = True
        self.matrix = (None,) * message.count
        self.nearest = []
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
        self.comparing = False
        self.nearest = message.nearest
        if (screen := self._articles_screen()) is not None:
            screen.show_progress(None, None)
            screen.show_closest(message.nearest)

    def _nothing_to_open(self) -> None:
        """Leave with the message and status 2, once the first screen is up: leaving while
        its header is still being mounted made Textual raise (exit status 1)."""
        self.call_after_refresh(self.exit, return_code=2, message=NOTHING_TO_OPEN)

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
        from sidebyside.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`w` has nothing to do on the Quote sheet itself, nor `F` on the Framing screen:
        not offered there (footer, help, palette).

        The footer asks this while the first screen is drawn; the Quote sheet's module (and
        the analysis it imports) is loaded only once the sheet is first opened, so until
        then no screen can be one and nothing is imported to find out (the same for Framing).
        """
        if action == "quote_sheet":
            sheet = sys.modules.get("sidebyside.tui.screens.quote_sheet")
            return sheet is None or not isinstance(self.screen, sheet.QuoteSheetScreen)
        if action == "framing":
            screen = sys.modules.get("sidebyside.tui.screens.framing")
            return screen is None or not isinstance(self.screen, screen.FramingScreen)
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every key of the screen by name, hidden ones too, then Textual's own."""
        seen: set[str] = set()
        for key in screen_keys(screen):
            if key.title in seen:
                continue
            seen.add(key.title)
            yield SystemCommand(
                key.title,
                f"{key.what} ({key.keys})",
                lambda node=key.node, action=key.action: self.run_action(action, node),
            )
        for command in super().get_system_commands(screen):
            if command.title not in {"Quit", "Keys"}:  # ours say the same, with their keys
                yield command

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """The palette's Screenshot: to ~/Downloads as Textual does, or here when there is none.

        A server or a fresh account often has no Downloads folder, and Textual would then
        fail to save; the current folder is where the user is working.
        """
        from platformdirs import user_downloads_path

        if path is None and not user_downloads_path().is_dir():
            path = os.getcwd()
        return super().deliver_screenshot(filename, path, time_format)

    # --- exports: a file name, a check, a worker builds the text, the UI thread writes it ---

    @property
    def inputs(self) -> list[str]:
        """Every path the story reads: an export never replaces one of them."""
        if self.paths is not None:
            return list(self.paths)
        return [a.path for a in self.articles] + [p.path for p in self.problems]

    def export(self, title: str, suggestion: str, what: str, build: Callable[[], str], busy: str = "") -> None:
        """`e`: ask for a file name, check it (and ask before replacing a file), build the
        text with `build` in a worker (a report takes a while), then write it.

        `what` names the export in the messages ("comparison"); `busy`, if given, is said
        while the text is being built.
        """
        from sidebyside.tui import saving
        from sidebyside.tui.screens.save_file import ConfirmReplace, SaveFile

        def start(checked: Checked, replace_existing: bool) -> None:
            if busy:
                self.notify(busy, timeout=3)
            self._build_export(checked, replace_existing, what, build)

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                checked = saving.check(name, self.inputs)
            except saving.Refused as refused:
                self.notify(str(refused), title="Not saved", severity="error", markup=False)
                return
            if not checked.exists:
                start(checked, False)
                return

            def answered(replace_existing: bool | None) -> None:
                if replace_existing:
                    start(checked, True)
                else:
                    self.notify(f"Kept {checked.target.shown}; nothing written.", timeout=3, markup=False)

            self.push_screen(ConfirmReplace(checked.target.shown), answered)

        self.push_screen(SaveFile(title, suggestion), named)

    @work(thread=True, group="export")
    def _build_export(self, checked: Checked, replace_existing: bool, what: str, build: Callable[[], str]) -> None:
        self._deliver(ExportReady(checked, replace_existing, what, build()))

    def on_export_ready(self, message: ExportReady) -> None:
        from sidebyside.commands.safe_write import Interrupted
        from sidebyside.tui import saving

        shown = message.checked.target.shown
        try:
            saving.write(message.checked, message.text, replace_existing=message.replace_existing)
        except saving.Refused as refused:
            self.notify(str(refused), title="Not saved", severity="error", markup=False)
        except OSError as err:
            self.notify(
                f"{shown}: cannot write ({err.strerror or err})", title="Not saved", severity="error", markup=False
            )
        except Interrupted as stop:  # a signal (the terminal closed) during the write
            kept = "the file was complete and is kept" if stop.written else "nothing written"
            self.exit(return_code=stop.status, message=f"sidebyside: {shown}: interrupted; {kept}")
        else:
            self.notify(f"Saved the {message.what} to {shown}.", title="Saved", timeout=4, markup=False)

    # --- the watchlist: who the story follows (`quotes` settles it) ---------------------

    @property
    def story_folder(self) -> Path | None:
        """The folder the story's files share (where its story.toml is), None when several."""
        from sidebyside.ingest.watchlist import story_folder

        return story_folder(self.paths if self.paths is not None else [a.path for a in self.articles])

    def _given_watchlist(self) -> Watching | None:
        """The list given to the story, if any: --speaker's (or `speakers` set before first
        use), else the one saved in story.toml, else the bundled story's."""
        from sidebyside.analysis.watching import opening_list

        return opening_list(self.story_folder, self.speakers or None)

    @property
    def watch_source(self) -> str:
        """Where the list in use came from (`analysis.watching.Source`)."""
        self.quotes()
        if self.watching is None:
            return "proposed"
        return self.watching.source if self.speakers == list(self.watching.names) else "edited"

    def follow(self, name: str) -> bool:
        """Follow `name` (spelt as given); False when the list already holds it."""
        from sidebyside.analysis.speakers import fold

        if any(fold(n) == fold(name) for n in self._settled()):
            return False
        self.speakers.append(name)
        self._quotes = None
        return True

    def unfollow(self, name: str) -> None:
        """Stop following `name`; their quotes stay in the story, among the others'."""
        self.speakers = [n for n in self._settled() if n != name]
        self._quotes = None

    def _settled(self) -> list[str]:
        """The list, settled before the user changes it: while a folder still loads, the
        people proposed so far become the list."""
        from sidebyside.analysis.watching import Watching

        story = self.quotes()
        if self.watching is None:
            self.watching = Watching(story.speakers, "proposed")
            self.speakers = list(story.speakers)
        return self.speakers

    def open_watchlist(self, then: Callable[[], None]) -> None:
        """The Watchlist screen (`+` on the Quote sheet and in Compare); `then` runs when it
        closes, for the screen below to show the list as it now is."""
        from sidebyside.tui.screens.watchlist import WatchlistScreen

        self._settled()
        self.clear_notifications()  # "press + to choose": done, and it would cover the lists
        self.push_screen(WatchlistScreen(), lambda _: then())

    def save_watchlist(self) -> None:
        """Write the list to the story's story.toml (`ingest.watchlist`), or say why not."""
        from sidebyside.analysis.watching import Watching
        from sidebyside.ingest.load import display_path
        from sidebyside.ingest.watchlist import NotSaved, save_speakers

        try:
            written = save_speakers(self.story_folder, self._settled(), [a.path for a in self.articles])
        except NotSaved as err:
            self.notify(f"The watchlist was not saved: {err}.", title="Not saved", severity="warning", markup=False)
            return
        self.watching = Watching(tuple(self.speakers), "story.toml")
        self.notify(f"Saved the watchlist to {display_path(written)}.", title="Saved", timeout=4, markup=False)


def _done(articles: tuple[Article, ...], rows: dict[int, tuple[float, ...]]) -> OverlapDone:
    """In a worker: the end of the matrix, with each article's closest other worked out
    there (the UI thread would otherwise import the analysis while it draws)."""
    from sidebyside.analysis.overlap import closest

    return OverlapDone(articles, closest(articles, [list(rows.get(i, ())) for i in range(len(articles))]))


def _batch(items: list[Article | Problem], done: int, total: int) -> StoryBatch:
    """What the load worker read since its last batch, sorted into articles and problems."""
    return StoryBatch(
        articles=[x for x in items if isinstance(x, Article)],
        problems=[x for x in items if isinstance(x, Problem)],
        done=done,
        total=total,
    )
