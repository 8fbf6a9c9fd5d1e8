"""The Story screen (issue 15): the collation as a grid in the TUI.

The cells' text is checked as plain functions (every word of both versions kept, in
order, with the right marks; row heights as the cells wrap); the keyboard flows with
Pilot: opening from the Articles screen, the Quote sheet and the Compare sidebar, the
filters against `filter_rows`, the cursor, the column order, Enter opening Compare on
the right pair at the right row, waiting for a story still loading, a dismissed screen;
and the screen as pictures at 120×40 and 80×24.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey

from sidebyside.analysis.collate import Collation, carried_by, collate, column_of, filter_rows, row_of
from sidebyside.analysis.pool import Stopped
from sidebyside.analysis.story_quotes import QuoteGroup
from sidebyside.analysis.worddiff import tokenize, word_diff
from sidebyside.ingest.story import load_story
from sidebyside.layout import wrap, wrap_spans
from sidebyside.model import Article, Story
from sidebyside.tui.app import SideBySideApp, make_app
from sidebyside.tui.screens import story as story_screen
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.help import HelpScreen
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen
from sidebyside.tui.screens.story import CollationScreen
from sidebyside.tui.widgets.compare_view import CompareView
from sidebyside.tui.widgets.quote_sidebar import QuoteSidebar
from sidebyside.tui.widgets.story_view import (
    CHANGED,
    GUTTER,
    HEADER,
    MAX_COLUMN,
    MIN_COLUMN,
    REFERENCE,
    REWORDED,
    SAME,
    StoryView,
    column_width,
    diff_spans,
    row_heights,
    story_cells,
)

from conftest import SEEDS

HARBOUR = Path(__file__).parent / "data" / "harbour_chemical_fire"


# --- the cells, as plain functions -------------------------------------------------------------


def words(text: str) -> list[str]:
    """The tokens of a text other than whitespace: what a reader reads, in order."""
    return [t for t in tokenize(text) if not t.isspace()]


def kept(spans: tuple[tuple[str, str], ...], leave_out: str) -> str:
    return "".join(text for text, style in spans if style != leave_out)


WORD = st.sampled_from(["the", "council", "voted", "Tuesday", "bridge", "2,467", "said", "Haftar's", ",", ".", "–"])
SENTENCE = st.lists(WORD, min_size=1, max_size=14).map(" ".join)


@given(SENTENCE, SENTENCE)
def test_a_changed_cell_keeps_every_word_of_both_versions(reference: str, printed: str) -> None:
    """Struck words are the reference's, bold-underlined ones the outlet's own, the rest both."""
    spans = diff_spans(word_diff(reference, printed))
    assert words(kept(spans, "inserted")) == words(reference)
    assert words(kept(spans, "deleted")) == words(printed)
    assert {style for _, style in spans} <= {"", "deleted", "inserted"}


def test_a_replaced_word_stays_apart_from_its_replacement() -> None:
    spans = diff_spans(word_diff("the people's war", "the children's war"))
    assert "".join(text for text, _ in spans) == "the people's children's war"
    assert ("people's", "deleted") in spans and ("children's", "inserted") in spans


@given(st.integers(1, 400), st.integers(1, 60))
def test_columns_fill_the_room_within_bounds(room: int, columns: int) -> None:
    width = column_width(room, columns)
    assert MIN_COLUMN <= width <= MAX_COLUMN
    if room >= MIN_COLUMN:  # as many columns as fit at the narrowest are shown whole
        assert width * min(columns, room // MIN_COLUMN) <= room


@pytest.fixture(scope="module")
def seeds_collation(seeds_story: Story) -> Collation:
    return collate(seeds_story.articles)


def test_building_cells_stops_between_rows_once_asked(seeds_collation: Collation) -> None:
    asked = []

    def should_stop() -> bool:
        asked.append(True)
        return len(asked) > 3  # the screen went while the fourth row was next

    with pytest.raises(Stopped):
        story_cells(seeds_collation, should_stop)
    assert len(asked) == 4 < len(seeds_collation.rows)


def test_cells_mark_the_reference_and_what_each_outlet_did(seeds_collation: Collation) -> None:
    cells = story_cells(seeds_collation)
    for index, row in enumerate(seeds_collation.rows):
        for column, sentence in enumerate(row.cells):
            cell = cells[index][column]
            assert (cell is None) == (sentence is None)
            if cell is None or sentence is None:
                continue
            text = seeds_collation.articles[column].sentences[sentence]
            if column == row.reference:
                assert cell.mark == REFERENCE and cell.plain == text
            elif cell.mark in (SAME, REWORDED):
                assert cell.plain == text  # shown whole
            else:
                assert cell.mark == CHANGED and words(kept(cell.spans, "deleted")) == words(text)
    marks = {cell.mark for row in cells for cell in row if cell is not None}
    assert marks == {REFERENCE, SAME, CHANGED, REWORDED}  # the seeds have each kind


def test_row_heights_are_the_lines_the_cells_wrap_to(seeds_collation: Collation) -> None:
    cells = story_cells(seeds_collation)
    for width in (12, 33, 56):
        heights = row_heights(cells, width)
        for index, row in enumerate(cells):
            drawn = [len(wrap_spans(list(c.spans), width)) for c in row if c is not None]
            assert heights[index] == max(drawn) == max(len(wrap(c.plain, width)) for c in row if c is not None)


# --- Pilot: the screen ---------------------------------------------------------------------------


def seeds_app() -> SideBySideApp:
    return make_app(load_story([str(SEEDS)]))


async def story_ready(pilot) -> CollationScreen:
    """Wait until the Story screen on top has its rows."""
    for _ in range(500):
        screen = pilot.app.screen
        if isinstance(screen, CollationScreen) and screen.collation is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CollationScreen) and screen.collation is not None
    return screen


def text_of(screen: CollationScreen, widget_id: str) -> str:
    return str(screen.query_one(f"#{widget_id}", Static).render())


def view_text(view: StoryView) -> str:
    return "\n".join("".join(s.text for s in view.render_line(y)) for y in range(view.size.height))


async def test_s_opens_the_story_from_the_articles_with_every_row(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        collation = screen.collation
        assert collation is not None
        assert screen.title == "Story"
        view = screen.query_one(StoryView)
        assert view.shown == tuple(range(len(collation.rows)))
        assert f"All {len(collation.rows)} rows" in text_of(screen, "story-summary")
        assert [a.label for a in collation.articles] == [a.label for a in seeds_story.articles]  # undated: as loaded
        drawn = view_text(view)
        assert "1 Reuters" in drawn and "2 SMA News" in drawn  # the column headers
        assert "Row 1 · carried by 2 of 5 · Reuters, sentence 1: the row's reference" in text_of(screen, "story-status")
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_the_filters_show_what_filter_rows_keeps(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        collation = screen.collation
        assert collation is not None
        view = screen.query_one(StoryView)
        total = len(collation.rows)
        for k in (2, 3):  # f: at least 2, then 3 outlets (the seeds have no row all five carry)
            await pilot.press("f")
            rows = filter_rows(collation, min_outlets=k)
            assert view.shown == rows and 0 < len(rows) < total
            assert f"{len(rows)} of {total} rows: carried by ≥ {k} outlets" in text_of(screen, "story-summary")
            assert all(carried_by(collation.rows[view.shown[i]]) >= k for i in range(len(view.shown)))
        await pilot.press("f", "f")  # ≥ 4, ≥ 5: nothing left
        assert view.shown == () and f"0 of {total} rows" in text_of(screen, "story-summary")
        assert "No row matches the filter" in text_of(screen, "story-status")
        await pilot.press("f")  # and round to all again
        assert view.shown == tuple(range(total))
        await pilot.press("1")
        alone = filter_rows(collation, only_one=True)
        assert view.shown == alone and len(alone) == sum(1 for r in collation.rows if carried_by(r) == 1)
        assert f"{len(alone)} of {total} rows: only one outlet" in text_of(screen, "story-summary")
        await pilot.press("f")  # f leaves "only one" for "at least two"
        assert view.shown == filter_rows(collation, min_outlets=2)
        await pilot.press("1", "1")
        assert view.shown == tuple(range(total))


async def test_a_filter_keeps_the_cursor_on_its_row_or_the_next_shown(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        view = screen.query_one(StoryView)
        await pilot.press("j")  # row 2: one outlet only
        assert view.current == 1
        await pilot.press("f")  # at least two: row 2 goes, the cursor takes the next row shown
        many = view.current
        assert many is not None and many == min(r for r in view.shown if r >= 1)
        await pilot.press("1")  # only one: that row goes too, the next lone row follows
        lone = view.current
        assert lone is not None and lone == min(r for r in view.shown if r >= many)
        await pilot.press("1")  # every row again: the cursor stays where it was
        assert view.current == lone


async def test_the_cursor_moves_by_row_and_by_column_and_scrolls_it_into_view(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        collation = screen.collation
        assert collation is not None
        view = screen.query_one(StoryView)
        await pilot.press("j", "j", "down")
        assert view.current == 3
        await pilot.press("k", "up")
        assert view.current == 1
        await pilot.press("G")
        assert view.current == len(collation.rows) - 1
        assert view.scroll_offset.y > 0
        await pilot.press("g")
        assert view.current == 0 and view.scroll_offset.y == 0
        await pilot.press("end", "home")
        assert view.current == 0
        assert view.scroll_offset.x == 0
        await pilot.press("l", "l", "right", "right")  # AFP, then Asharq Al-Awsat: off the screen at first
        await pilot.pause()
        assert view.column == 4
        assert view.scroll_offset.x > 0
        assert "5 Asharq Al-Awsat" in view_text(view).splitlines()[0]  # its header scrolled into view
        assert "Asharq Al-Awsat" in text_of(screen, "story-status")
        await pilot.press("l")  # no column past the last
        assert view.column == 4
        await pilot.press("h", "left", "left", "left", "left")
        await pilot.pause()
        assert view.column == 0 and view.scroll_offset.x == 0


async def test_pages_and_clicks_move_the_cursor(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        view = screen.query_one(StoryView)
        await pilot.press("pagedown")
        paged = view.current
        assert paged is not None and paged > 1  # a screenful of rows further
        await pilot.press("pageup")
        assert view.current == 0
        # the second column's header, then the first line of row 2 in the third column
        await pilot.click(StoryView, offset=(GUTTER + view.column_cells + 3, 0))
        assert (view.current, view.column) == (0, 1)
        top_of_row_2 = HEADER + row_heights(view.cells, view.text_width)[0]
        await pilot.click(StoryView, offset=(GUTTER + 2 * view.column_cells + 3, top_of_row_2))
        assert (view.current, view.column) == (1, 2)
        assert "Row 2 · carried by 1 of 5" in text_of(screen, "story-status")


async def test_enter_compares_the_cursor_outlet_with_the_row_reference_at_that_row(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        collation = screen.collation
        assert collation is not None
        view = screen.query_one(StoryView)
        # a row two outlets carry, the cursor on the one that is not the reference
        index = next(i for i, r in enumerate(collation.rows) if carried_by(r) == 2 and r.reference > 0)
        row = collation.rows[index]
        other = next(c for c, s in enumerate(row.cells) if s is not None and c != row.reference)
        view.move_to(index, other)
        await pilot.press("enter")
        await pilot.pause(0.2)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        al = compare.alignment
        assert (al.a, al.b) == (collation.articles[row.reference], collation.articles[other])
        current = compare.query_one(CompareView).current
        assert current is not None and current.a == row.cells[row.reference]
        await pilot.press("escape")
        # on the reference itself: the reference and the next outlet carrying the row
        view.move_to(index, row.reference)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.alignment.a, app.screen.alignment.b) == (
            collation.articles[row.reference],
            collation.articles[other],
        )


async def test_enter_on_a_row_one_outlet_carries_says_so(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        collation = screen.collation
        assert collation is not None
        await pilot.press("1", "enter")
        assert app.screen is screen
        only = collation.articles[collation.rows[screen.query_one(StoryView).shown[0]].reference].label
        assert any(f"Only {only} carries this row" in n.message for n in app._notifications)


async def test_r_on_the_quote_sheet_opens_the_row_of_the_quote(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "down", "down")
        sheet = app.screen
        assert isinstance(sheet, QuoteSheetScreen)
        entry = sheet.entries[sheet.query_one(DataTable).cursor_row]
        assert isinstance(entry, QuoteGroup)  # the seeds' sheet opens with quotes
        article_id, sentence = entry.carriers[0].article_id, entry.carriers[0].sentence
        await pilot.press("r")
        screen = await story_ready(pilot)
        collation = screen.collation
        assert collation is not None
        view = screen.query_one(StoryView)
        column = column_of(collation, article_id)
        assert (view.current, view.column) == (row_of(collation, column, sentence), column)
        assert f"sentence {sentence + 1}" in text_of(screen, "story-status")
        await pilot.press("escape")
        assert app.screen is sheet


async def test_r_in_the_compare_sidebar_opens_the_row_in_a(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down", "space", "space", "c", "p")  # AFP and Asharq Al-Awsat
        sidebar = app.screen.query_one(QuoteSidebar)
        assert sidebar.has_focus
        option = sidebar.highlighted_option
        assert option is not None and option.id is not None
        places = sidebar.targets[int(option.id)].places
        a = seeds_story.articles[3].id
        article_id, sentence = next(p for p in places if p[0] == a)
        await pilot.press("r")
        screen = await story_ready(pilot)
        collation = screen.collation
        assert collation is not None
        view = screen.query_one(StoryView)
        column = column_of(collation, article_id)
        assert (view.current, view.column) == (row_of(collation, column, sentence), column)


async def test_o_orders_the_columns_by_closeness_and_keeps_the_sentence() -> None:
    story = load_story([str(HARBOUR)])
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = await story_ready(pilot)
        before = screen.collation
        assert before is not None
        view = screen.query_one(StoryView)
        await pilot.press("j", "j", "l")
        row = before.rows[view.current or 0]
        column = view.column if row.cells[view.column] is not None else row.reference
        place = (before.articles[column].id, row.cells[column])
        await pilot.press("o")
        for _ in range(200):
            if screen.collation is not before:
                break
            await pilot.pause(0.02)
        after = screen.collation
        assert after is not None and after is not before
        assert after.articles == collate(story.articles, order="closeness").articles
        assert "by closeness" in text_of(screen, "story-summary")
        now = after.rows[view.current or 0]
        assert (after.articles[view.column].id, now.cells[view.column]) == place


async def test_the_story_waits_for_a_story_still_loading(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.loading = True  # as while a folder is read: more articles may come
        await pilot.press("s")
        await pilot.pause(0.4)
        screen = app.screen
        assert isinstance(screen, CollationScreen)
        assert screen.collation is None
        assert "Still loading the story (5 articles so far)" in text_of(screen, "story-summary")
        app.loading = False
        screen = await story_ready(pilot)
        assert screen.collation is not None and len(screen.collation.articles) == 5


@pytest.mark.parametrize("obeys", [True, False], ids=["stops", "finishes-anyway"])
async def test_a_dismissed_story_screen_is_never_touched_by_its_worker(monkeypatch, obeys: bool) -> None:
    """Dismissed while collating: the worker is asked to stop; one that finishes anyway is not shown."""
    story = load_story([str(HARBOUR)])
    dismissed, stopped, returned = threading.Event(), threading.Event(), threading.Event()

    def slow_collate(articles, cache, order, should_stop, progress):
        dismissed.wait(5)
        for _ in range(200):
            if obeys and should_stop():
                stopped.set()
                raise Stopped
            time.sleep(0.01)
        returned.set()
        return collate(articles, cache, order)

    monkeypatch.setattr(story_screen, "collate", slow_collate)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = CollationScreen()
        await app.push_screen(screen)
        app.pop_screen()
        await pilot.pause()
        dismissed.set()
        for _ in range(300):
            if stopped.is_set() or returned.is_set():
                break
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        assert stopped.is_set() == obeys and returned.is_set() != obeys
        assert screen.collation is None
        assert isinstance(app.screen, ArticlesScreen)


async def test_help_lists_the_story_keys(seeds_story: Story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await story_ready(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = dict(help_screen.keys())
        assert "Compare the cursor's outlet" in keys["⏎"]
        assert "at least 2, 3" in keys["f"]
        assert "one outlet alone" in keys["1"]
        assert "closeness" in keys["o"]
        assert "next outlet" in keys["→ l"] and "previous outlet" in keys["← h"]


@pytest.mark.parametrize("keys", [[], ["s"]], ids=["articles", "story"])
async def test_the_footer_keeps_story_escape_and_help_at_80x24(seeds_story: Story, keys: list[str]) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause(0.3)
        for _ in range(100):  # on a busy machine the footer may take longer to compose its keys
            footer = list(app.screen.query(FooterKey))
            palette = next((k for k in footer if k.has_class("-command-palette")), None)
            if palette is not None:
                break
            await pilot.pause(0.05)
        assert palette is not None
        shown = {k.key for k in footer if k is not palette and k.region.right <= palette.region.x}
        assert "question_mark" in shown
        assert ("escape" in shown) == bool(keys)
        assert ("s" in shown) != bool(keys)  # Articles offers the Story screen


def test_a_one_article_story_is_its_own_reference() -> None:
    """One article: a row per sentence, each its own reference, as tall as it wraps."""
    lone = Article("a.txt", "a.txt", "Wire", None, None, None, None, ("One sentence here.", "Another one."))
    collation = collate([lone])
    cells = story_cells(collation)
    assert [[c.mark if c else None for c in row] for row in cells] == [[REFERENCE], [REFERENCE]]
    assert row_heights(cells, 14) == [2, 1]  # "One sentence" / "here."; "Another one."


# --- pictures -------------------------------------------------------------------------------------


async def at_a_changed_cell(pilot) -> None:
    """The Story screen, the cursor on Asharq Al-Awsat's reworked version of AFP's row 8."""
    await pilot.press("s")
    await story_ready(pilot)
    await pilot.press(*["j"] * 7, "l", "l", "l", "l")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_story_screen_snapshot(snap_compare, size) -> None:
    assert snap_compare(seeds_app(), terminal_size=size, run_before=at_a_changed_cell)


def test_story_screen_opens_at_the_top_snapshot(snap_compare) -> None:
    async def opened(pilot) -> None:
        await pilot.press("s")
        await story_ready(pilot)

    assert snap_compare(seeds_app(), terminal_size=(120, 40), run_before=opened)
