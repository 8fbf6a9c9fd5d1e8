"""Compare: two articles side by side, row by row, with word-level differences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static

from sidebyside.analysis.fidelity import changes
from sidebyside.analysis.framing import row_framing
from sidebyside.export.wording import changes_text
from sidebyside.model import ROW_LABELS, ROW_MARKS, AlignedRow, Alignment, Article
from sidebyside.tui.clip import row_text
from sidebyside.tui.saving import suggest_name
from sidebyside.tui.screens.searchable import SearchableScreen
from sidebyside.tui.widgets.compare_view import CompareView
from sidebyside.tui.widgets.quote_sidebar import QuoteSidebar
from sidebyside.tui.widgets.search_bar import SearchBar

KINDS = tuple(ROW_MARKS)


class CompareScreen(SearchableScreen):
    """Article A on the left, B on the right; every sentence of each in exactly one row."""

    BINDINGS = [
        Binding(
            "n", "next_difference", "Next diff", tooltip="Go to the next row that differs", id="compare.next_difference"
        ),
        Binding(
            "N",
            "previous_difference",
            "Previous diff",
            show=False,
            tooltip="Go to the previous row that differs",
            id="compare.previous_difference",
        ),
        Binding(
            "d",
            "toggle_differences",
            "Diffs only",
            show=False,
            tooltip="Show only rows that differ (toggle)",
            id="compare.toggle_differences",
        ),
        Binding("s", "swap", "Swap", show=False, tooltip="Swap the left and right articles", id="compare.swap"),
        Binding("a", "step_left(1)", "Next A", show=False, tooltip="Left side: next article", id="compare.next_left"),
        Binding(
            "A",
            "step_left(-1)",
            "Previous A",
            show=False,
            tooltip="Left side: previous article",
            id="compare.previous_left",
        ),
        Binding(
            "b", "step_right(1)", "Next B", show=False, tooltip="Right side: next article", id="compare.next_right"
        ),
        Binding(
            "B",
            "step_right(-1)",
            "Previous B",
            show=False,
            tooltip="Right side: previous article",
            id="compare.previous_right",
        ),
        Binding(
            "p",
            "toggle_sidebar",
            "People",
            tooltip="Show or hide the quotes and figures sidebar",
            id="compare.toggle_sidebar",
        ),
        Binding(
            "plus",
            "watchlist",
            "Watchlist",
            show=False,
            tooltip="Choose the people to follow: add, drop, save the list with the story",
            id="compare.watchlist",
        ),
        Binding(
            "tab",
            "switch_focus",
            "Switch pane",
            show=False,
            tooltip="Move between the rows and the sidebar",
            id="compare.switch_focus",
        ),
        Binding(
            "slash",
            "search",
            "Find",
            tooltip="Find words in either article (Enter in the bar: next match; n/N stay on differences)",
            id="compare.search",
        ),
        Binding("y", "copy", "Copy row", show=False, tooltip="Copy the cursor row, both sides", id="compare.copy"),
        Binding(
            "e",
            "export",
            "Export",
            show=False,
            tooltip="Save this comparison as Markdown (as compare --format markdown)",
            id="compare.export",
        ),
        Binding("g", "first", "First row", show=False, id="compare.first"),
        Binding("G", "last", "Last row", show=False, id="compare.last"),
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the previous screen", id="compare.back"),
    ]

    #: The sidebar opens by itself only where the two columns keep a readable width.
    SIDEBAR_MIN_WIDTH = 150
    #: Below this width the sidebar cannot sit beside two readable columns.
    SIDEBAR_BESIDE_MIN_WIDTH = 100

    def __init__(self, articles: tuple[Article, ...], left: int, right: int) -> None:
        super().__init__()
        self.articles = articles
        self.left = left
        self.right = right

    @property
    def alignment(self) -> Alignment:
        return self.app.alignment(self.articles[self.left], self.articles[self.right])

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="compare-heads"):
            yield Static(id="head-a", classes="compare-head")
            yield Static(id="head-b", classes="compare-head")
        yield Static(id="compare-summary")
        with Horizontal(id="compare-body"):
            yield CompareView(self.alignment, id="compare")
            yield QuoteSidebar(id="sidebar")
        yield Static(id="compare-status")
        yield SearchBar(id="search")
        yield Footer()

    def on_mount(self) -> None:
        self._describe()
        if self.size.width >= self.SIDEBAR_MIN_WIDTH:
            self._set_sidebar(True)
        self.query_one(CompareView).focus()

    # --- sidebar -----------------------------------------------------------------

    def _set_sidebar(self, shown: bool) -> None:
        sidebar = self.query_one(QuoteSidebar)
        sidebar.set_class(shown, "shown")
        self._fit_sidebar()
        if shown:
            al = self.alignment
            sidebar.show(self.app.quotes(), al.a, al.b)  # the pair's quotes and figures first
            self._status(self.query_one(CompareView).current)
        elif sidebar.has_focus:
            self.query_one(CompareView).focus()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(QuoteSidebar)
        self._set_sidebar(not sidebar.has_class("shown"))
        if sidebar.has_class("shown"):
            sidebar.focus()

    def action_switch_focus(self) -> None:
        sidebar = self.query_one(QuoteSidebar)
        view = self.query_one(CompareView)
        if view.has_focus and sidebar.has_class("shown"):
            sidebar.focus()
        else:
            view.focus()

    def action_watchlist(self) -> None:
        self.app.open_watchlist(lambda: self._set_sidebar(True))

    def on_quote_sidebar_jump(self, event: QuoteSidebar.Jump) -> None:
        """Show the entry's sentence in A, else in B; say so when neither carries it."""
        al = self.alignment
        view = self.query_one(CompareView)
        for side, article in (("a", al.a), ("b", al.b)):
            for article_id, sentence in event.target.places:
                if article_id != article.id:
                    continue
                index = next((i for i, r in enumerate(al.rows) if getattr(r, side) == sentence), None)
                if index is None:
                    continue
                if view.only_differences and al.rows[index].kind == "same":
                    view.show(al, only_differences=False)
                    self._describe()
                if self.query_one(QuoteSidebar).has_class("full"):
                    self._set_sidebar(False)  # it covers the rows on a narrow terminal
                view.move_to(view.rows.index(al.rows[index]))
                view.focus()
                return
        outlets = ", ".join(dict.fromkeys(a for a, _ in event.target.places))
        self.notify(f"Neither open article carries this; it is in {outlets}.", timeout=4, markup=False)

    # --- text around the view --------------------------------------------------------

    def _describe(self) -> None:
        al = self.alignment
        self.title = f"{al.a.label} ⇄ {al.b.label}"
        self.sub_title = "Compare"
        self.query_one("#head-a", Static).update(_head("A", al.a))
        self.query_one("#head-b", Static).update(_head("B", al.b))
        counts = Counter(r.kind for r in al.rows)
        view = self.query_one(CompareView)
        summary = Text()
        summary.append(f" {al.share_a_in_b:.0%} of A found in B", style="bold")
        wide = self.size.width >= 110
        for kind in KINDS:
            summary.append("   " if wide else " ")
            summary.append(f" {ROW_MARKS[kind]} ", style=view.kind_style(kind))
            summary.append(f" {ROW_LABELS[kind]} {counts.get(kind, 0)}" if wide else f"{counts.get(kind, 0)}")
        if view.only_differences:
            summary.append("   differences only", style="italic")
        self.query_one("#compare-summary", Static).update(summary)
        self._status(view.current)

    def on_resize(self) -> None:
        self._describe()
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """On narrow terminals an open sidebar takes the whole width (the rows come back with p)."""
        narrow = self.size.width < self.SIDEBAR_BESIDE_MIN_WIDTH
        self.query_one(QuoteSidebar).set_class(narrow, "full")
        self.query_one(CompareView).set_class(narrow and self.query_one(QuoteSidebar).has_class("shown"), "covered")

    def on_compare_view_cursor_moved(self, event: CompareView.CursorMoved) -> None:
        self._status(event.row)

    def _status(self, row: AlignedRow | None) -> None:
        view = self.query_one(CompareView)
        status = self.query_one("#compare-status", Static)
        if row is None:
            status.update("No rows differ." if view.only_differences else "Both articles are empty.")
            return
        text = f"Row {view.cursor + 1}/{len(view.rows)} · {ROW_LABELS[row.kind]}"
        if row.a is not None and row.b is not None:
            text += f" · A{row.a + 1} ↔ B{row.b + 1} · similarity {row.similarity:.2f}"
        elif row.a is not None:
            text += f" · A{row.a + 1} has no counterpart in B"
        elif row.b is not None:
            text += f" · B{row.b + 1} has no counterpart in A"
        if row.related:
            text += " · also covers " + ", ".join(f"B{i + 1}" for i in row.related)
        if framing := row_framing(self.alignment, row):  # the row's "f" mark, in words
            text += f" · framing change: {framing}"
        if note := self._quote_note(row):
            text += " · " + note
        status.update(Text(text))  # the notes quote article words: never read as markup

    def _quote_note(self, row: AlignedRow) -> str:
        """ "≠ quote worded differently in A and B: people's → children's" for a row holding
        a statement both articles print in different words ("" otherwise, or before the
        story's quotes are computed)."""
        story = self.app.quotes_if_ready()
        if story is None:
            return ""
        al = self.alignment
        for group in story.groups:
            if not group.differs_between(al.a.id, al.b.id):
                continue
            in_a, in_b = group.carrier_in(al.a.id), group.carrier_in(al.b.id)
            assert in_a is not None and in_b is not None  # differs_between says both carry it
            if (row.a is not None and in_a.sentence == row.a) or (row.b is not None and in_b.sentence == row.b):
                edits = changes_text(changes(in_b.text, in_a.text))
                return f"≠ {group.speaker}'s quote is worded differently in A and B" + (f": {edits}" if edits else "")
        return ""

    # --- actions -----------------------------------------------------------------

    def action_next_difference(self) -> None:
        self._jump(1)

    def action_previous_difference(self) -> None:
        self._jump(-1)

    def _jump(self, step: int) -> None:
        view = self.query_one(CompareView)
        index = view.cursor + step
        while 0 <= index < len(view.rows):
            if view.rows[index].kind != "same":
                view.move_to(index)
                return
            index += step
        self.notify("No more differences that way.", timeout=2)

    def action_toggle_differences(self) -> None:
        view = self.query_one(CompareView)
        view.show(self.alignment, only_differences=not view.only_differences, keep=view.current)
        self._describe()

    def action_swap(self) -> None:
        self.left, self.right = self.right, self.left
        self._reload()

    def action_step_left(self, step: int) -> None:
        self.left = self._step(self.left, self.right, step)
        self._reload()

    def action_step_right(self, step: int) -> None:
        self.right = self._step(self.right, self.left, step)
        self._reload()

    def _step(self, index: int, other: int, step: int) -> int:
        count = len(self.articles)
        for _ in range(count):
            index = (index + step) % count
            if index != other:
                return index
        return index

    def action_first(self) -> None:
        self._edge(last=False)

    def action_last(self) -> None:
        self._edge(last=True)

    def _edge(self, last: bool) -> None:
        """g/G: the first or last entry of the sidebar when it has the keys, else row."""
        sidebar = self.query_one(QuoteSidebar)
        if sidebar.has_focus:
            sidebar.action_last() if last else sidebar.action_first()
            return
        view = self.query_one(CompareView)
        if view.rows:
            view.move_to(len(view.rows) - 1 if last else 0)

    def action_copy(self) -> None:
        view = self.query_one(CompareView)
        row = view.current
        if row is None:
            self.notify("No row to copy.", timeout=3)
            return
        al = self.alignment
        self.app.copy_to_clipboard(row_text(al, row))
        self.notify(f"Copied row {view.cursor + 1}: {al.a.label} and {al.b.label}.", timeout=3, markup=False)

    def action_export(self) -> None:
        from sidebyside.export.compare import compare_markdown

        al = self.alignment
        self.app.export(
            f"Save the comparison of {al.a.label} and {al.b.label} (Markdown)",
            suggest_name("compare", al.a.label, al.b.label),
            "comparison",
            lambda: compare_markdown(al),
        )

    # --- search: the rows shown, both sides ------------------------------------------------

    def search_items(self) -> Sequence[Sequence[str]]:
        al = self.alignment
        return [
            tuple(side.sentences[i] for side, i in ((al.a, row.a), (al.b, row.b)) if i is not None)
            for row in self.query_one(CompareView).rows
        ]

    def search_cursor(self) -> int:
        return self.query_one(CompareView).cursor

    def search_go(self, index: int) -> None:
        self.query_one(CompareView).move_to(index)

    def search_miss(self, phrase: str) -> str:
        missed = super().search_miss(phrase)
        return (
            missed + " in the rows that differ (d shows all)"
            if self.query_one(CompareView).only_differences
            else missed
        )

    def _reload(self) -> None:
        view = self.query_one(CompareView)
        view.show(self.alignment)
        self._describe()
        if self.query_one(QuoteSidebar).has_class("shown"):
            self._set_sidebar(True)


def _head(side: str, article: Article) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f" {side} ", style="reverse bold")
    text.append(f" {article.label}", style="bold")
    if article.date:  # before the headline, which the ellipsis may cut
        text.append(f"  {article.date}", style="italic")
    text.append(f"  {article.title or article.id}")
    return text
