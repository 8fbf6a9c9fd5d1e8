"""Keys a terminal user expects (Pilot): Home/End/g/G, j/k, F1, marks, help and the palette."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, OptionList

from sidebyside.tui.app import make_app
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.help import HelpScreen
from sidebyside.tui.screens.pick_article import PickArticle
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen
from sidebyside.tui.screens.reader import ReaderScreen
from sidebyside.tui.widgets.article_view import ArticleView
from sidebyside.tui.widgets.compare_view import CompareView
from sidebyside.tui.widgets.matrix_view import MatrixView
from sidebyside.tui.widgets.quote_sidebar import QuoteSidebar

from conftest import settled


@pytest.mark.parametrize("first, last", [("home", "end"), ("g", "G")])
async def test_articles_table_jumps_to_the_first_and_last_row(seeds_story, first, last):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one(DataTable)
        await pilot.press(last)
        assert table.cursor_row == len(seeds_story.articles) - 1
        assert table.scroll_x == 0  # not sideways
        await pilot.press(first)
        assert table.cursor_row == 0


@pytest.mark.parametrize("first, last", [("home", "end"), ("g", "G")])
async def test_matrix_jumps_to_the_first_and_last_row_in_its_column(seeds_story, first, last):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("tab", "right", "right")
        matrix = app.screen.query_one(MatrixView)
        assert matrix.has_focus
        column = matrix.cursor[1]
        await pilot.press(last)
        assert matrix.cursor == (len(seeds_story.articles) - 1, column)
        await pilot.press(first)
        assert matrix.cursor == (0, column)


@pytest.mark.parametrize("first, last", [("home", "end"), ("g", "G")])
async def test_quote_sheet_jumps_to_the_first_and_last_row(seeds_story, first, last):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, QuoteSheetScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count > 2
        await pilot.press(last)
        assert table.cursor_row == table.row_count - 1
        await pilot.press("k")
        assert table.cursor_row == table.row_count - 2
        await pilot.press(first)
        assert table.cursor_row == 0
        await pilot.press("j")
        assert table.cursor_row == 1


@pytest.mark.parametrize("first, last", [("home", "end"), ("g", "G")])
async def test_reader_jumps_to_the_top_and_the_bottom(seeds_story, first, last):
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "enter")
        view = app.screen.query_one(ArticleView)
        assert view.max_scroll_y > 0
        await pilot.press(last)
        assert view.scroll_y == view.max_scroll_y
        await pilot.press(first)
        assert view.scroll_y == 0


async def test_compare_g_and_G_jump_to_the_first_and_last_row(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        await pilot.press("G")
        assert view.cursor == len(view.rows) - 1
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("end")
        assert view.cursor == len(view.rows) - 1


async def test_compare_sidebar_moves_with_j_k_g_G(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(160, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        await pilot.press("tab")
        sidebar = app.screen.query_one(QuoteSidebar)
        assert sidebar.has_focus
        entries = [i for i, o in enumerate(sidebar.options) if not o.disabled]
        assert len(entries) > 2
        start = sidebar.highlighted
        await pilot.press("j")
        assert sidebar.highlighted == next(i for i in entries if i > start)
        await pilot.press("k")
        assert sidebar.highlighted == start
        await pilot.press("G")
        assert sidebar.highlighted == entries[-1]
        await pilot.press("g")
        assert sidebar.highlighted == entries[0]
        assert app.screen.query_one(CompareView).cursor == 0  # the rows did not move


async def test_pick_article_list_moves_with_j_k_g_G(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "c")
        assert isinstance(app.screen, PickArticle)
        options = app.screen.query_one(OptionList)
        await pilot.press("G")
        assert options.highlighted == options.option_count - 1
        await pilot.press("k")
        assert options.highlighted == options.option_count - 2
        await pilot.press("g")
        assert options.highlighted == 0
        await pilot.press("j", "enter")
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.alignment.b is seeds_story.articles[2]


async def test_f1_opens_and_closes_help(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, ArticlesScreen)
        await pilot.press("question_mark", "question_mark")
        assert isinstance(app.screen, ArticlesScreen)


async def test_marks_clear_after_a_comparison_so_enter_reads_again(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        assert app.screen.marked == []
        assert "Marked" not in str(app.screen.query_one("#summary").render())
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)


async def test_help_lists_every_key_of_compare_hidden_ones_too(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = dict(help_screen.keys())
        for key in ["n", "N", "d", "s", "a", "A", "b", "B", "p", "+", "/", "y", "e", "esc", "w"]:
            assert key in keys, key
        assert keys["^c q"] == "Quit"  # one Ctrl-C quits too
        assert keys["A"] == "Left side: previous article"
        assert keys["? F1"] == "Show every key of this screen"
        assert keys["Home End g G"] == "First / last row"
        scroll = help_screen.query_one("#help-scroll")
        assert scroll.has_focus and scroll.max_scroll_y > 0  # at 80×24 the list scrolls
        await pilot.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y


async def test_palette_lists_hidden_bindings_and_add_finds_the_plus_key(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert {"Next A", "Previous A", "Next B", "Previous B", "Find", "Copy row", "Export"} <= set(commands)
        plus = next(title for title, help_text in commands.items() if help_text.endswith("(+)"))
        await pilot.press("ctrl+p")
        await pilot.press(*"add")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        shown = palette.query_one(OptionList)
        prompts = [str(shown.get_option_at_index(i).prompt) for i in range(shown.option_count)]
        assert any(plus in p for p in prompts), prompts


async def test_w_is_not_offered_on_the_quote_sheet_itself(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Quotes" in {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("w")
        assert isinstance(app.screen, QuoteSheetScreen)
        assert "Quotes" not in {c.title for c in app.get_system_commands(app.screen)}


def test_every_new_binding_has_its_own_id():
    from sidebyside.tui.screens.save_file import ConfirmReplace, SaveFile
    from sidebyside.tui.widgets.row_table import RowTable
    from sidebyside.tui.widgets.search_bar import SearchBar

    classes = [ArticlesScreen, ReaderScreen, CompareScreen, QuoteSheetScreen, HelpScreen, PickArticle]
    classes += [ArticleView, MatrixView, QuoteSidebar, RowTable, SearchBar, SaveFile, ConfirmReplace]
    ids = [binding.id for cls in classes for binding in cls.BINDINGS]
    assert all(ids) and len(ids) == len(set(ids))
