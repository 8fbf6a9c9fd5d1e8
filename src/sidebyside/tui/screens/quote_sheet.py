"""The Quote sheet: every quote and figure of the story, speaker by outlet."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from sidebyside.analysis.story_quotes import FigureClaim, FigureGroup, QuoteGroup, StoryQuotes
from sidebyside.export.wording import FIDELITY_MARK, changes_text, fidelity_tag, number_text
from sidebyside.model import Article
from sidebyside.tui.clip import entry_text
from sidebyside.tui.diff_text import diff_text
from sidebyside.tui.screens.searchable import SearchableScreen
from sidebyside.tui.widgets.row_table import RowTable
from sidebyside.tui.widgets.search_bar import SearchBar

DOT = "●"
#: Below this height the detail panel is hidden (Enter still reads the entry's sentence).
TINY_BELOW = 20
#: Outlet columns carry names this wide when they all fit, else numbers (with a legend).
OUTLET_WIDTH = 8


class QuoteSheetScreen(SearchableScreen):
    """One row per quote (or figure), one column per outlet; the full text below."""

    BINDINGS = [
        Binding(
            "enter",
            "read",
            "Read",
            tooltip="Read the article of the highlighted entry at its sentence",
            priority=True,
            id="quote_sheet.read",
        ),
        Binding(
            "plus",
            "watchlist",
            "Watchlist",
            tooltip="Choose the people to follow: add, drop, save the list with the story",
            id="quote_sheet.watchlist",
        ),
        Binding(
            "f",
            "toggle_differs",
            "Differs",
            tooltip="Show only quotes that outlets word differently (toggle)",
            id="quote_sheet.differs_only",
        ),
        Binding(
            "v",
            "toggle_diff",
            "Word diff",
            show=False,
            tooltip="Show each outlet's wording as a word diff against the reference (toggle)",
            id="quote_sheet.word_diff",
        ),
        Binding(
            "slash",
            "search",
            "Find",
            tooltip="Find words in the quotes, speakers and figures (Enter: next match)",
            id="quote_sheet.search",
        ),
        Binding(
            "n",
            "find(1)",
            "Next match",
            show=False,
            tooltip="Go to the next match of the search",
            id="quote_sheet.next",
        ),
        Binding(
            "N", "find(-1)", "Previous match", show=False, tooltip="Go to the previous match", id="quote_sheet.previous"
        ),
        Binding(
            "y",
            "copy",
            "Copy",
            show=False,
            tooltip="Copy the highlighted quote or figure with its speaker and outlets",
            id="quote_sheet.copy",
        ),
        Binding(
            "r",
            "story_row",
            "Row in story",
            show=False,
            tooltip="Open the Story screen on the row of the highlighted quote's or figure's sentence",
            id="quote_sheet.story_row",
        ),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the previous screen", id="quote_sheet.back"),
    ]

    #: Only quotes whose wording differs between outlets are listed.
    differs_only = False
    #: The detail shows each printing as a word diff against the group's reference wording.
    word_diff = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="sheet-summary")
        yield RowTable(id="sheet", cursor_type="row", zebra_stripes=True)
        yield Static(id="sheet-detail")
        yield SearchBar(id="search")
        yield Footer()

    def on_resize(self) -> None:
        self.set_class(self.size.height < TINY_BELOW, "tiny")  # the detail gives its room to the table
        if self.is_mounted and self.query(DataTable):
            row = self.query_one(DataTable).cursor_row
            self.fill()
            self.query_one(DataTable).move_cursor(row=row)

    def on_mount(self) -> None:
        self.title = "Quote sheet"
        self.sub_title = "who said what, outlet by outlet"
        self.fill()
        self.query_one(DataTable).focus()

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.app.story.articles

    def fill(self) -> None:
        """(Re)build the table from the app's current watchlist."""
        story: StoryQuotes = self.app.quotes()
        self.entries: list[QuoteGroup | FigureGroup | FigureClaim] = []
        self.search_texts: list[tuple[str, ...]] = []
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("Speaker", key="speaker", width=16)
        named = (OUTLET_WIDTH + 2) * len(self.articles) <= self.size.width - 40
        column = OUTLET_WIDTH if named else 3
        table.add_column(
            "Quote or figure", key="text", width=max(24, self.size.width - 22 - (column + 2) * len(self.articles))
        )
        for n, article in enumerate(self.articles, 1):
            header = _short(article.label, OUTLET_WIDTH) if named else str(n)
            table.add_column(Text(header, justify="center"), key=f"a{n}", width=column)
        conflicted = {(v.measure, v.number, v.qualifier) for c in story.conflicts for v in c.values}
        for group in story.groups:
            if self.differs_only and not group.differs:
                continue
            marks = [_mark(group, a.id) for a in self.articles]
            quote = Text("≠ " if group.differs else "", style="bold")
            quote.append(f"“{group.text}”" if group.kind == "direct" else group.text)
            quote.no_wrap, quote.overflow = True, "ellipsis"
            self._row(group, group.speaker, quote, marks)
        for value in story.figures if not self.differs_only else ():
            ids = {c.article_id for c in value.claims}
            marks = [DOT if a.id in ids else "" for a in self.articles]
            flag = "⚠ " if (value.measure, value.number, value.qualifier) in conflicted else ""
            given = [s for s in value.sources if s]
            said = ["per " + ", ".join(given)] if given else []
            if None in value.sources:
                said.append("also unsourced" if given else "unsourced")
            sources = "; ".join(said)
            label = Text(
                f"{flag}{number_text(value.number, value.qualifier)} {value.measure} ({sources})",
                no_wrap=True,
                overflow="ellipsis",
            )
            if flag:
                label.stylize("bold red", 0, 1)
            self._row(value, "figure", label, marks)
        for claim in story.other_figures if not self.differs_only else ():
            marks = [DOT if a.id == claim.article_id else "" for a in self.articles]
            what = f" {claim.what}" if claim.what else ""
            source = "per " + claim.source if claim.source else "unsourced"
            label = Text(
                f"{claim.qualifier + ' ' if claim.qualifier else ''}{claim.value}{what} ({source})",
                no_wrap=True,
                overflow="ellipsis",
            )
            self._row(claim, "figure", label, marks)
        summary = Text(no_wrap=self.size.height < TINY_BELOW, overflow="ellipsis")
        q, f, c = len(story.groups), len(story.figures) + len(story.other_figures), len(story.conflicts)
        summary.append(
            f"{q} quote{'s' * (q != 1)}, {f} figure{'s' * (f != 1)}, "
            f"{c} conflict{'s' * (c != 1)} · watching {', '.join(story.speakers)}"
        )
        summary.append(" · wording: " + "  ".join(fidelity_tag(f) for f in FIDELITY_MARK), style="dim")
        if self.differs_only:
            summary.append(" · only quotes worded differently (f shows all)", style="bold")
        if not named and self.size.height >= TINY_BELOW:
            summary.append("\n" + " · ".join(f"{n} {a.label}" for n, a in enumerate(self.articles, 1)), style="dim")
        self.query_one("#sheet-summary", Static).update(summary)
        self._detail()

    def _row(self, entry: QuoteGroup | FigureGroup | FigureClaim, speaker: str, text: Text, marks: list[str]) -> None:
        self.entries.append(entry)
        self.search_texts.append((speaker, text.plain, *_printed(entry)))
        cells = [Text(speaker, no_wrap=True, overflow="ellipsis"), text]
        cells += [Text(m, justify="center", style="bold") for m in marks]
        self.query_one(DataTable).add_row(*cells)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail()

    def _current(self) -> QuoteGroup | FigureGroup | FigureClaim | None:
        table = self.query_one(DataTable)
        if not self.entries:
            return None
        return self.entries[min(table.cursor_row, len(self.entries) - 1)]

    def _detail(self) -> None:
        entry = self._current()
        detail = Text()
        if entry is None:
            detail.append("No quotes or figures for the watched people. Press + to follow someone.")
        elif isinstance(entry, QuoteGroup):
            detail.append(f"{entry.speaker} ({entry.kind})", style="bold")
            if entry.also_attributed_to:
                detail.append(f" · also given to {', '.join(entry.also_attributed_to)}", style="yellow")
            if self.word_diff and entry.differs:
                detail.append(" · word diff against the reference: ", style="dim")
                detail.append("struck", style="strike")
                detail.append(" = not printed, ", style="dim")
                detail.append("underlined", style="bold underline")
                detail.append(" = the outlet's own words", style="dim")
            for carrier in entry.carriers:
                detail.append(f"\n{carrier.outlet}, sentence {carrier.sentence + 1}", style="bold")
                detail.append(f" ({carrier.cue})" if carrier.cue else "", style="dim")
                if len(entry.carriers) > 1:
                    detail.append(f" {fidelity_tag(carrier.fidelity)}", style="bold")
                detail.append(": ")
                if self.word_diff and carrier.differs:
                    detail.append_text(diff_text(entry.text, carrier.text))
                    continue
                detail.append(carrier.text)
                if edits := changes_text(carrier.changes):
                    detail.append(f"  [{edits}]", style="italic")
        else:
            claims = (entry,) if isinstance(entry, FigureClaim) else entry.claims
            heading = (
                f"{entry.value} {entry.what or ''}"
                if isinstance(entry, FigureClaim)
                else f"{number_text(entry.number, entry.qualifier)} {entry.measure}"
            )
            detail.append(heading.strip(), style="bold")
            for c in claims:
                detail.append(f"\n{c.outlet}, sentence {c.sentence + 1}: ", style="bold")
                detail.append(f"{c.qualifier + ' ' if c.qualifier else ''}{c.value} {c.what or ''}".rstrip())
                detail.append(f" (per {c.source})" if c.source else " (no source given)", style="dim")
        self.query_one("#sheet-detail", Static).update(detail)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter belongs to the search bar while it has the keys (it finds the next match)."""
        return not (action == "read" and any(bar.has_focus_within for bar in self.query(SearchBar)))

    def action_copy(self) -> None:
        entry = self._current()
        if entry is None:
            self.notify("Nothing to copy: the sheet is empty.", timeout=3)
            return
        self.app.copy_to_clipboard(entry_text(entry))
        what = f"{entry.speaker}'s quote" if isinstance(entry, QuoteGroup) else "the figure"
        outlets = len(entry.outlets) if not isinstance(entry, FigureClaim) else 1
        self.notify(f"Copied {what} ({outlets} outlet{'s' * (outlets != 1)}).", timeout=3, markup=False)

    # --- search: what each row shows, and every outlet's wording --------------------------

    def search_items(self) -> Sequence[Sequence[str]]:
        return self.search_texts

    def search_cursor(self) -> int:
        return self.query_one(DataTable).cursor_row

    def search_go(self, index: int) -> None:
        self.query_one(DataTable).move_cursor(row=index)

    def search_miss(self, phrase: str) -> str:
        missed = super().search_miss(phrase)
        return missed + " in the quotes worded differently (f shows all)" if self.differs_only else missed

    def action_read(self) -> None:
        from sidebyside.tui.screens.reader import ReaderScreen

        place = self._place()
        if place is None:
            return
        article_id, sentence = place
        article = next((a for a in self.articles if a.id == article_id), None)
        if article is not None:
            self.app.push_screen(ReaderScreen(article, sentence=sentence))

    def action_story_row(self) -> None:
        from sidebyside.tui.screens.story import CollationScreen

        place = self._place()
        if place is not None:
            self.app.push_screen(CollationScreen(at=place))

    def _place(self) -> tuple[str, int] | None:
        """The highlighted entry's first printing: (article id, sentence); None on an empty sheet."""
        entry = self._current()
        if entry is None:
            return None
        if isinstance(entry, QuoteGroup):
            return entry.carriers[0].article_id, entry.carriers[0].sentence
        first = entry if isinstance(entry, FigureClaim) else entry.claims[0]
        return first.article_id, first.sentence

    def action_watchlist(self) -> None:
        self.app.open_watchlist(self.fill)

    def action_toggle_differs(self) -> None:
        self.differs_only = not self.differs_only
        self.fill()
        self.query_one(DataTable).move_cursor(row=0)
        if self.differs_only and not self.entries:
            self.notify("No quote is worded differently by two outlets.", timeout=3, markup=False)

    def action_toggle_diff(self) -> None:
        self.word_diff = not self.word_diff
        self._detail()


def _printed(entry: QuoteGroup | FigureGroup | FigureClaim) -> tuple[str, ...]:
    """The words outlets printed for an entry: each outlet's wording of a quote, each claim of a figure."""
    if isinstance(entry, QuoteGroup):
        return tuple(c.text for c in entry.carriers)
    claims = (entry,) if isinstance(entry, FigureClaim) else entry.claims
    return tuple(" ".join(p for p in (c.qualifier, c.value, c.what, c.source) if p) for c in claims)


def _short(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _mark(group: QuoteGroup, article_id: str) -> str:
    """The outlet's cell: a dot when it alone carries the quote, else its fidelity glyph."""
    carrier = group.carrier_in(article_id)
    if carrier is None:
        return ""
    return FIDELITY_MARK[carrier.fidelity] if len(group.carriers) > 1 else DOT
