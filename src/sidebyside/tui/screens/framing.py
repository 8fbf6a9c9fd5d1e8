"""The Framing screen: the words each outlet uses for a watched person.

One person at a time (`[` and `]`, or Tab, switch), a row per outlet, and three columns:
the labels naming the person ("strongman", "commander"), the verbs attributing their words
("said", "claimed") and the hedges around them ("self-styled", "reportedly"), each cell the
distinct terms with how often the outlet uses them (`analysis.framing`, the table
`sidebyside framing` prints). Below the table, the highlighted cell's terms in their
sentences, each term marked where it stands, so "AFP calls him a strongman" can be checked
against the words printed; Enter opens the Reader at the first of those sentences.

The verbs are the cues of the story's quotes, so the table is built from the app's quotes
for its watchlist (`SideBySideApp.quotes`, computed once on the UI thread, which owns the
watchlist, and shared with the Quote sheet and the sidebar); `framing` then reads every
sentence of every article again, which takes a while on a big story, so a worker thread
computes it and posts the result. The worker never touches the screen, and a result that arrives once the screen
has been dismissed is not shown (`StoryScreen.is_live`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from sidebyside.analysis.framing import KINDS, Framing, FramingTerm, StoryFraming, TermKind, framing
from sidebyside.export.framing import NOT_NAMED, PLURALS, counted_text
from sidebyside.layout import cell_width
from sidebyside.model import Article, ArticleQuotes, Stopped
from sidebyside.tui.screens.base import StoryScreen
from sidebyside.tui.widgets.row_table import RowTable

#: The table's columns after the outlet: one per kind of term.
HEADINGS: dict[TermKind, str] = {"label": "Labels", "verb": "Verbs", "hedge": "Hedges"}
#: How a term stands out in its sentence: not by colour alone.
TERM_STYLE = "bold reverse"
#: The outlet column is at most this wide (a date goes on a second line).
OUTLET_WIDTH = 18
#: The narrowest a column of terms gets; the table scrolls sideways below that.
MIN_TERMS_WIDTH = 10
PERSON_KEYS = Binding.Group("Person")


@dataclass
class FramingReady(Message):
    """The story's framing is computed, for the people watched when it was asked for."""

    found: StoryFraming


class FramingScreen(StoryScreen):
    """Person × outlet: labels, attribution verbs and hedges; the cell's sentences below."""

    BINDINGS = [
        Binding(
            "enter",
            "read",
            "Read",
            tooltip="Read the article at the sentence of the highlighted cell's first term",
            priority=True,  # the table's own Enter would only select the cell
            id="framing.read",
        ),
        Binding(
            "left_square_bracket",
            "person(-1)",
            "Previous person",
            tooltip="Show the previous watched person",
            group=PERSON_KEYS,
            id="framing.previous_person",
        ),
        Binding(
            "right_square_bracket",
            "person(1)",
            "Next person",
            tooltip="Show the next watched person",
            group=PERSON_KEYS,
            id="framing.next_person",
        ),
        # Tab too (the screen has one pane), kept out of the footer, which shows `[ ]`.
        Binding(
            "shift+tab",
            "person(-1)",
            "Previous person",
            show=False,
            tooltip="Show the previous watched person",
            id="framing.previous_person_tab",
        ),
        Binding(
            "tab",
            "person(1)",
            "Next person",
            show=False,
            tooltip="Show the next watched person",
            id="framing.next_person_tab",
        ),
        Binding(
            "plus",
            "watchlist",
            "Watchlist",
            show=False,
            tooltip="Choose the people to follow: add, drop, save the list with the story",
            id="framing.watchlist",
        ),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the previous screen", id="framing.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.found: StoryFraming | None = None
        #: Which watched person the table shows, by name (kept when the list changes).
        self.person: str | None = None
        self._waiting: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="framing-people")
        yield RowTable(id="framing-table", cursor_type="cell", zebra_stripes=True)
        yield Static(id="framing-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Framing"
        self.sub_title = "how each outlet names the people it quotes"
        self.query_one(DataTable).focus()
        if self.app.loading:  # every outlet is a row: wait for the last article
            self._waiting = self.set_interval(0.25, self._wait)
            self._wait()
        else:
            self._start()

    def _wait(self) -> None:
        if self.app.loading:
            count = len(self.app.articles)
            self._say(f"Still loading the story ({count} article{'s' * (count != 1)} so far)…")
            return
        if self._waiting is not None:
            self._waiting.stop()
            self._waiting = None
        self._start()

    # --- the worker and what it posts -------------------------------------------------------

    def _start(self) -> None:
        """Compute the framing for the app's watchlist as it is now."""
        story = self.app.quotes()
        self._say(f"Reading how {len(story.results)} outlets frame {', '.join(story.speakers) or 'nobody'}…")
        self.build(story.results, story.speakers)

    @work(thread=True, exclusive=True, group="framing")
    def build(self, results: Sequence[ArticleQuotes], names: Sequence[str]) -> None:
        """In a worker: the story's framing, posted when done (unless the screen went)."""
        worker = get_current_worker()
        try:
            found = framing(results, names, should_stop=lambda: worker.is_cancelled)
        except Stopped:
            return
        if not worker.is_cancelled:
            self.post_message(FramingReady(found))

    def on_framing_ready(self, message: FramingReady) -> None:
        if not self.is_live:
            return
        self.found = self.app.framing = message.found
        if self.person not in message.found.people:
            self.person = message.found.people[0] if message.found.people else None
        self.fill()
        self.refresh_bindings()  # `[ ]` follow the number of people

    # --- the table, the people line and the detail ----------------------------------------------

    def fill(self) -> None:
        """(Re)build the table for the current person, the cursor kept where it was."""
        if self.found is None:
            return
        table = self.query_one(DataTable)
        at = table.cursor_coordinate if table.row_count else None
        table.clear(columns=True)
        outlet, terms = self._widths()
        table.add_column("Outlet", key="outlet", width=outlet)
        for kind in KINDS:
            table.add_column(HEADINGS[kind], key=kind, width=terms[kind])
        if self.person is not None:
            for cell, article in zip(self.found.row(self.person), self.found.articles, strict=True):
                table.add_row(_outlet(article), *(terms_text(cell, kind) for kind in KINDS), height=None)
            table.move_cursor(row=at.row if at else 0, column=at.column if at else 1)
        self._people()
        self._detail()

    def _widths(self) -> tuple[int, dict[TermKind, int]]:
        """The outlet column fits the longest outlet (up to OUTLET_WIDTH); labels and verbs
        share most of the rest, hedges (few and short) the remainder."""
        assert self.found is not None
        names = [max(cell_width(a.label), cell_width(a.date or "")) for a in self.found.articles]
        outlet = min(OUTLET_WIDTH, max([len("Outlet"), *names]))
        room = self.size.width - outlet - 2 * (len(KINDS) + 1) - 2  # cell padding, scrollbar
        label = verb = max(MIN_TERMS_WIDTH, room * 2 // 5)
        return outlet, {"label": label, "verb": verb, "hedge": max(MIN_TERMS_WIDTH, room - label - verb)}

    def _people(self) -> None:
        """Who the table is about: every watched person, the current one marked, if they
        fit on the line; else "2 of 7: Emmanuel Macron"."""
        assert self.found is not None
        people = self.found.people
        if self.person is None:
            self._say("Nobody is watched. Press + to choose who to follow.")
            return
        line = Text(no_wrap=True, overflow="ellipsis")
        if cell_width("  ".join(people)) + 30 <= self.size.width:
            for n, name in enumerate(people):
                line.append("  " if n else "")
                if name == self.person:
                    line.append(f" {name} ", style=TERM_STYLE)
                else:
                    line.append(name)
        else:
            line.append(f"{people.index(self.person) + 1} of {len(people)}: ")
            line.append(self.person, style="bold")
        named = sum(1 for cell in self.found.row(self.person) if cell.mentions)
        line.append(f" · named by {named} of {len(self.found.articles)} outlets", style="dim")
        if len(people) > 1:
            line.append(" · [ ] other people", style="dim")
        self.query_one("#framing-people", Static).update(line)

    def _say(self, text: str) -> None:
        self.query_one("#framing-people", Static).update(Text(text, no_wrap=True, overflow="ellipsis"))

    def on_data_table_cell_highlighted(self, _: DataTable.CellHighlighted) -> None:
        self._detail()

    def _current(self) -> tuple[Framing, Article, TermKind | None] | None:
        """The highlighted cell, its article and its kind of term (None on the outlet column)."""
        table = self.query_one(DataTable)
        if self.found is None or self.person is None or not table.row_count:
            return None
        row, column = table.cursor_coordinate
        article = self.found.articles[row]
        return self.found.cell(self.person, article.id), article, (None, *KINDS)[column]

    def _detail(self) -> None:
        current = self._current()
        detail = self.query_one("#framing-detail", Static)
        if current is None:
            detail.update("")
            return
        cell, article, kind = current
        detail.update(cell_detail(cell, article, kind))

    # --- actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`[ ]` are dimmed while there is no other person to switch to."""
        if action == "person":
            return (self.found is not None and len(self.found.people) > 1) or None
        return True

    def action_person(self, step: int) -> None:
        if self.found is None or self.person is None:
            return
        people = self.found.people
        self.person = people[(people.index(self.person) + step) % len(people)]
        self.fill()

    def action_read(self) -> None:
        from sidebyside.tui.screens.reader import ReaderScreen

        current = self._current()
        if current is None:
            return
        cell, article, kind = current
        terms = cell.of_kind(kind) if kind else cell.terms
        if not terms:
            self.notify(f"No {PLURALS[kind] if kind else 'framing words'} here: nothing to read.", timeout=3)
            return
        self.app.push_screen(ReaderScreen(article, sentence=terms[0].sentence))

    def action_watchlist(self) -> None:
        self.app.open_watchlist(self._start)

    def on_resize(self) -> None:
        self.fill()


def _outlet(article: Article) -> Text:
    """The outlet's name, its date below it when it has one."""
    text = Text(article.label, no_wrap=True, overflow="ellipsis")
    if article.date:
        text.append("\n" + article.date, style="dim")
    return text


def terms_text(cell: Framing, kind: TermKind) -> Text:
    """ "strongman ×2, commander": the distinct terms of a kind, first used first; "–" for
    none; the label column of an outlet that never names the person says so."""
    if not cell.mentions and not cell.terms:
        return Text(NOT_NAMED if kind == "label" else "", style="dim italic")
    return Text(counted_text(cell, kind))


def cell_detail(cell: Framing, article: Article, kind: TermKind | None) -> Text:
    """What the highlighted cell rests on: its terms (every kind on the outlet column) in
    their sentences, each sentence once with its terms marked."""
    text = Text()
    text.append(f"{article.label} · {cell.person}", style="bold")
    text.append(f" · {PLURALS[kind]}" if kind else " · every framing word")
    mentions = f"named in {cell.mentions} sentence{'s' * (cell.mentions != 1)}" if cell.mentions else "never named"
    text.append(f" ({mentions})", style="dim")
    terms = cell.of_kind(kind) if kind else cell.terms
    if not terms:
        text.append(f"\nNo {PLURALS[kind] if kind else 'framing words'} for {cell.person} in {article.label}.")
    by_sentence: dict[int, list[FramingTerm]] = {}
    for term in terms:
        by_sentence.setdefault(term.sentence, []).append(term)
    for sentence, found in by_sentence.items():
        text.append(f"\nsentence {sentence + 1}", style="bold")
        text.append(" · " + ", ".join(f"{t.kind} {t.term}" if not kind else t.term for t in found), style="dim")
        text.append(": ")
        text.append_text(marked(article.sentences[sentence], [(t.start, t.end) for t in found]))
    return text


def marked(sentence: str, spans: Sequence[tuple[int, int]]) -> Text:
    """The sentence with each (start, end) span standing out; the words are never parsed
    as markup."""
    text = Text(sentence)
    for start, end in spans:
        text.stylize(TERM_STYLE, start, end)
    return text
