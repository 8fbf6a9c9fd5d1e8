"""`/` search in the reading view, Compare and the Quote sheet (Pilot)."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from sidebyside.tui.app import make_app
from sidebyside.tui.find import matches
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen
from sidebyside.tui.screens.reader import ReaderScreen
from sidebyside.tui.widgets.article_view import ArticleView
from sidebyside.tui.widgets.compare_view import CompareView
from sidebyside.tui.widgets.search_bar import SearchBar


def said(app) -> str:
    return str(app.screen.query_one("#search-result").render())


def sentences_with(article, word: str) -> list[int]:
    return [i for i, s in enumerate(article.sentences) if word in s.lower()]


async def test_reader_finds_a_word_then_n_and_N_step_through_the_matches(seeds_story):
    afp = seeds_story.articles[3]
    hits = sentences_with(afp, "macron")
    assert len(hits) >= 3
    app = make_app(seeds_story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down", "enter", "slash")
        bar = app.screen.query_one(SearchBar)
        assert bar.is_open and app.screen.query_one(Input).has_focus
        await pilot.press(*"MACRON", "enter")  # any case
        view = app.screen.query_one(ArticleView)
        assert view.marked == hits[0]
        assert said(app) == f"match 1 of {len(hits)}"
        await pilot.press("enter")  # Enter again: the next one
        assert view.marked == hits[1]
        await pilot.press("up")  # ↑ in the bar: the previous one
        assert view.marked == hits[0]
        await pilot.press("escape")  # closes the bar, not the reading view
        assert isinstance(app.screen, ReaderScreen)
        assert not bar.is_open and view.has_focus
        await pilot.press("n")
        assert view.marked == hits[1]
        await pilot.press("N", "N")
        assert view.marked == hits[-1]  # wrapped round from the first
        assert any("from the bottom" in n.message for n in app._notifications)


async def test_reader_says_when_nothing_matches(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "n")
        assert any("Press / to find" in n.message for n in app._notifications)
        await pilot.press("slash", *"zzyzx", "enter")
        assert said(app) == "no match for “zzyzx”"
        assert app.screen.query_one(ArticleView).marked is None


async def test_compare_search_moves_the_cursor_row_and_keeps_n_for_differences(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        al = app.screen.alignment
        items = [tuple(side.sentences[i] for side, i in ((al.a, r.a), (al.b, r.b)) if i is not None) for r in view.rows]
        rows = matches(items, "ceasefire")
        assert len(rows) >= 2 and view.cursor == 0
        first = next(i for i in rows if i > 0)  # the search starts after the cursor row
        await pilot.press("slash", *"ceasefire", "enter")
        assert view.cursor == first
        assert said(app) == f"match {rows.index(first) + 1} of {len(rows)}"
        await pilot.press("enter")
        assert view.cursor == rows[(rows.index(first) + 1) % len(rows)]  # wrapping round to the top
        await pilot.press("escape")
        assert view.has_focus
        start = view.cursor
        await pilot.press("n")  # n stays "next difference" in Compare
        assert view.rows[view.cursor].kind != "same" and view.cursor > start
        await pilot.press("slash", "enter")  # the phrase is kept: / Enter finds the next match
        assert view.cursor in rows


async def test_compare_search_among_differences_only_says_why_it_missed(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        al = app.screen.alignment
        differing = [
            tuple(side.sentences[i] for side, i in ((al.a, r.a), (al.b, r.b)) if i is not None)
            for r in view.rows
            if r.kind != "same"
        ]
        word = next(
            w
            for r in view.rows
            if r.kind == "same"
            for w in al.a.sentences[r.a].split()
            if w.isalpha() and len(w) > 4 and not matches(differing, w)
        )
        await pilot.press("d", "slash", *word, "enter")
        assert said(app) == f"no match for “{word}” in the rows that differ (d shows all)"


async def test_quote_sheet_search_moves_to_the_quote_and_enter_stays_in_the_bar(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        sheet = app.screen
        assert isinstance(sheet, QuoteSheetScreen)
        table = sheet.query_one(DataTable)
        target = max(range(1, len(sheet.entries)), key=lambda i: len(sheet.search_texts[i][1]))
        word = max((w for w in sheet.search_texts[target][1].split() if w.isalpha()), key=len)
        expected = matches(sheet.search_texts, word)
        await pilot.press("slash", *word, "enter")
        assert isinstance(app.screen, QuoteSheetScreen)  # Enter searched; it did not open the reader
        assert table.cursor_row == next((i for i in expected if i > 0), expected[0])
        await pilot.press("escape")
        assert table.has_focus
        await pilot.press("enter")  # with the bar closed, Enter reads again
        assert isinstance(app.screen, ReaderScreen)
