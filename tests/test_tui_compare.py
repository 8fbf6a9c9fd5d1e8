"""Keyboard flows of the Compare screen (Pilot): opening, moving, filtering, swapping, stepping."""

from __future__ import annotations

from sidebyside.model import Article, Story
from sidebyside.tui.app import make_app
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.pick_article import PickArticle
from sidebyside.tui.screens.reader import ReaderScreen
from sidebyside.tui.widgets.compare_view import CompareView


def screen_text(view: CompareView) -> str:
    return "\n".join("".join(s.text for s in view.render_line(y)) for y in range(view.size.height))


async def test_space_marks_two_and_c_opens_them(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down", "down", "space", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        al = app.screen.alignment
        assert (al.a, al.b) == (seeds_story.articles[3], seeds_story.articles[4])
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)
        assert app.screen.marked == []  # the comparison used the marks up
        await pilot.press("enter")  # so Enter reads the highlighted article again
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape", "up", "space", "space", "enter")  # Enter with two marked compares
        assert isinstance(app.screen, CompareScreen)


async def test_c_without_marks_explains_what_to_do(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test() as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, ArticlesScreen)
        assert any("Mark two articles" in n.message for n in app._notifications)


async def test_reader_c_picks_the_other_article(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "c")
        assert isinstance(app.screen, PickArticle)
        await pilot.press("down", "enter")  # second choice: article 2 (the first is article 1)
        assert isinstance(app.screen, CompareScreen)
        al = app.screen.alignment
        assert (al.a, al.b) == (seeds_story.articles[0], seeds_story.articles[2])
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_next_and_previous_difference_skip_same_rows(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        kinds = [r.kind for r in view.rows]
        differing = [i for i, k in enumerate(kinds) if k != "same"]
        start = view.cursor
        await pilot.press("n")
        assert view.cursor == next(i for i in differing if i > start)
        for _ in range(len(kinds)):
            await pilot.press("n")
        assert view.cursor == differing[-1]
        await pilot.press("N")
        assert view.cursor == differing[-2]
        assert "Row" in str(app.screen.query_one("#compare-status").render())


async def test_differences_only_hides_same_rows_and_keeps_the_cursor(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        await pilot.press("n", "n")
        before = view.current
        await pilot.press("d")
        assert view.only_differences
        assert all(r.kind != "same" for r in view.rows)
        assert view.current == before
        await pilot.press("d")
        assert len(view.rows) == len(view.alignment.rows)


async def test_same_reprint_is_all_same_rows(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[0], seeds_story.articles[1])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        assert {r.kind for r in view.rows} == {"same"}
        await pilot.press("d")
        assert view.rows == []
        assert "No rows differ" in str(app.screen.query_one("#compare-status").render())


async def test_swap_and_step_sides(seeds_story):
    arts = seeds_story.articles
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(arts[0], arts[2])
        await pilot.pause()
        screen = app.screen
        await pilot.press("s")
        assert (screen.alignment.a, screen.alignment.b) == (arts[2], arts[0])
        await pilot.press("b")  # right side: next article after 0 (skipping the left one, 2)
        assert screen.alignment.b == arts[1]
        await pilot.press("b")
        assert screen.alignment.b == arts[3]
        await pilot.press("A")  # left side: previous article before 2
        assert screen.alignment.a == arts[1]
        view = screen.query_one(CompareView)
        assert view.alignment is screen.alignment
        assert arts[1].label in str(screen.query_one("#head-a").render())


async def test_columns_stay_level_and_narrow_terminals_stack(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        divider = {line.index("│") for line in screen_text(view).splitlines() if "│" in line}
        assert len(divider) == 1  # one divider column on every row: both sides level
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert not view.two_columns
        text = screen_text(view)
        assert "│" not in text and "A 1 " in text and "B 1 " in text


async def test_a_thousand_rows_render_only_what_is_visible():
    sentences = tuple(f"Sentence number {i} says something about the council vote." for i in range(2500))
    a = Article("a.txt", "a.txt", "A", "A", None, None, None, sentences, tuple(range(2500)))
    b = Article("b.txt", "b.txt", "B", "B", None, None, None, sentences[::-1], tuple(range(2500)))
    app = make_app(Story(articles=(a, b)))
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(a, b)
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        assert len(view.rows) >= 2500
        await pilot.press("end")
        await pilot.pause()
        assert view.cursor == len(view.rows) - 1
        assert len(view._cache) < 100  # rows are drawn on demand, not all at once


async def test_resizing_mid_comparison_keeps_the_cursor_row_in_view(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        await pilot.press("n", "n", "n", "n")
        row = view.current
        for size in ((40, 12), (300, 80), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert view.current == row
            top, bottom = view._starts[view.cursor], view._starts[view.cursor + 1]
            shown = range(round(view.scroll_offset.y), round(view.scroll_offset.y) + view.size.height)
            assert top in shown or (bottom - 1) in shown or (top < shown.start and bottom > shown.stop)
