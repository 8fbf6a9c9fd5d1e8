"""Keyboard flows on the Articles screen, the reading view and help (Pilot)."""

from __future__ import annotations

import pytest

from sidebyside.ingest.story import load_story
from sidebyside.model import Problem, Story
from sidebyside.tui.app import make_app
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.help import HelpScreen
from sidebyside.tui.screens.reader import ReaderScreen
from sidebyside.tui.widgets.article_view import ArticleView

from conftest import SEEDS


async def test_keyboard_flow_articles_reader_help_quit(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ArticlesScreen)
        await pilot.press("j", "j", "k", "down")  # row 2 (0-based), the AFP-less third seed
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article is seeds_story.articles[2]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_reader_numbers_every_sentence_and_scrolls(seeds_story):
    article = seeds_story.articles[3]
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "enter")
        view = app.screen.query_one(ArticleView)
        text = "\n".join("".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height))
        assert "1  " + article.sentences[0][:20] in text
        assert view.virtual_size.height > view.size.height  # AFP story is longer than 24 rows
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_offset.y > 0
        bottom = "\n".join("".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height))
        assert f"{len(article.sentences)}  " in bottom


async def test_article_text_is_never_markup(tmp_path):
    page = tmp_path / "markup.txt"
    page.write_text(
        "A headline with [bold]tags[/bold]\n\n"
        "The minister said [link=file:///etc/passwd]x[/link] was [red]not[/] a threat to anyone here.\n",
        encoding="utf-8",
    )
    story = load_story([str(page)])
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        view = app.screen.query_one(ArticleView)
        text = "".join("".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height))
        assert "[link=file:///etc/passwd]x[/link]" in text
        assert "[red]not[/]" in text


async def test_problems_become_notifications():
    story = Story(
        articles=load_story([str(SEEDS / "000_141c9d3bbb55366e.txt")]).articles,
        problems=(Problem("broken.txt", "empty file"),),
    )
    app = make_app(story)
    async with app.run_test() as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("broken.txt: empty file" in m for m in messages)


async def test_command_palette_offers_screen_actions(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Read", "Quit", "Keys"} <= set(titles)
        assert titles.count("Quit") == 1
        await pilot.press("ctrl+p")
        await pilot.press(*"Read")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_matrix_cell_opens_that_pair_in_compare(seeds_story):
    from sidebyside.tui.screens.compare import CompareScreen
    from sidebyside.tui.widgets.matrix_view import MatrixView

    from conftest import settled

    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        matrix = app.screen.query_one(MatrixView)
        assert all(row is not None for row in matrix.rows)
        for i, row in enumerate(matrix.rows):
            assert row[i] == 1.0
            for j, share in enumerate(row):
                assert share == app.alignment(seeds_story.articles[i], seeds_story.articles[j]).share_a_in_b
        await pilot.press("tab")
        assert app.focused is matrix
        await pilot.press("down", "down", "down", "right", "right", "right")  # row 4 (AFP), column 5 (Asharq)
        assert matrix.cursor == (3, 4)
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        al = app.screen.alignment
        assert (al.a, al.b) == (seeds_story.articles[3], seeds_story.articles[4])
        assert f"{al.share_a_in_b:.0%} of A found in B" in str(app.screen.query_one("#compare-summary").render())


async def test_closest_column_names_the_reprint(seeds_story):
    from textual.widgets import DataTable

    from conftest import settled

    app = make_app(seeds_story)
    async with app.run_test(size=(140, 40)) as pilot:
        await settled(pilot)
        await pilot.pause(0.1)
        table = app.screen.query_one(DataTable)
        sma = str(table.get_cell(seeds_story.articles[1].path, "closest"))
        asharq = str(table.get_cell(seeds_story.articles[4].path, "closest"))
        assert sma == "100% Reuters"
        assert asharq.endswith("% AFP")


async def test_articles_screen_mounted_after_the_matrix_shows_it(seeds_story):
    """The first screen may mount after a small story's matrix is done (its messages then
    found no screen): it takes the matrix and the Closest column from the app."""
    from textual.widgets import DataTable

    from sidebyside.tui.widgets.matrix_view import MatrixView

    from conftest import settled

    app = make_app(seeds_story)
    async with app.run_test(size=(140, 40)) as pilot:
        await settled(pilot)
        late = ArticlesScreen()
        await app.push_screen(late)
        await pilot.pause()
        assert late.query_one(MatrixView).rows == app.matrix
        assert all(row is not None for row in app.matrix)
        closest = str(late.query_one(DataTable).get_cell(seeds_story.articles[1].path, "closest"))
        assert closest == "100% Reuters"


async def test_problem_paths_with_brackets_are_not_markup():
    story = Story(
        articles=load_story([str(SEEDS / "000_141c9d3bbb55366e.txt")]).articles,
        problems=(Problem("[red]x[/red].txt", "empty file"),),
    )
    app = make_app(story)
    async with app.run_test() as pilot:
        await pilot.pause()
        note = next(n for n in app._notifications if "x[/red].txt" in n.message)
        assert note.message == "[red]x[/red].txt: empty file"
        assert note.markup is False


@pytest.mark.parametrize("size", [(40, 12), (300, 80)], ids=["40x12", "300x80"])
async def test_every_screen_is_usable_at_extreme_sizes(seeds_story, size):
    from textual.widgets import DataTable

    from sidebyside.tui.widgets.compare_view import CompareView
    from sidebyside.tui.widgets.matrix_view import MatrixView

    from conftest import settled

    app = make_app(seeds_story)
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        table = app.screen.query_one(DataTable)
        assert table.size.height >= 3 and table.size.width == size[0]
        assert app.screen.query_one(MatrixView).display == (size[1] >= 20)
        await pilot.press("down", "enter")
        assert app.screen.query_one(ArticleView).size.height >= 5
        await pilot.press("escape", "space", "down", "space", "c")
        view = app.screen.query_one(CompareView)
        assert view.size.height >= 5 and view.two_columns == (size[0] >= 70)
        await pilot.press("escape", "w")
        assert app.screen.query_one(DataTable).size.height >= 3
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)


def test_make_app_takes_a_story_or_paths(seeds_story):
    with pytest.raises(TypeError):
        make_app()
    with pytest.raises(TypeError):
        make_app(seeds_story, paths=[SEEDS])
    assert make_app(paths=[SEEDS]).paths == [str(SEEDS)]
    assert make_app(seeds_story).articles == list(seeds_story.articles)


def test_every_binding_has_an_id_so_keys_can_be_remapped():
    from sidebyside.tui.app import SideBySideApp
    from sidebyside.tui.screens.add_speaker import AddSpeaker
    from sidebyside.tui.screens.compare import CompareScreen
    from sidebyside.tui.screens.pick_article import PickArticle
    from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen
    from sidebyside.tui.widgets.compare_view import CompareView
    from sidebyside.tui.widgets.matrix_view import MatrixView

    classes = [SideBySideApp, ArticlesScreen, ReaderScreen, CompareScreen, QuoteSheetScreen, HelpScreen]
    classes += [PickArticle, AddSpeaker, ArticleView, CompareView, MatrixView]
    ids = [binding.id for cls in classes for binding in cls.BINDINGS]
    assert all(ids) and len(ids) == len(set(ids))


async def test_a_binding_id_remaps_its_key(seeds_story):
    app = make_app(seeds_story)
    app.set_keymap({"articles.mark": "m"})
    async with app.run_test() as pilot:
        await pilot.press("m")
        assert app.screen.marked == [0]


async def test_the_matrix_of_a_one_article_story_opens_nothing_and_says_why():
    # The matrix cursor starts on the first pair (0, 1); one article has no such pair.
    story = load_story([str(SEEDS / "000_141c9d3bbb55366e.txt")])
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "matrix"
        await pilot.press("enter", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)
        assert app.focused.cursor == (0, 0)
        assert any("against itself" in n.message for n in app._notifications)
