"""Publication dates on the Articles screen: shown, and the rows ordered by them (`o`).

Who ran a story first matters when deciding who copied whom, so the table can be put in
date order and back. The `#` column keeps the story's numbering (the matrix, the report
and `overlap` use it) and every action (read, mark, compare) follows the highlighted
article, not its old row.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.widgets import DataTable

from sidebyside.model import Story
from sidebyside.tui.app import make_app
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.reader import ReaderScreen

from conftest import settled

#: Seed index -> date given to it; seed 1 stays undated.
DATES = {0: "2019-05-27", 2: "2019-05-25", 3: "2019-05-26", 4: "2019-05-25"}


def dated(story: Story) -> Story:
    articles = tuple(replace(a, date=DATES.get(i)) for i, a in enumerate(story.articles))
    return replace(story, articles=articles)


def column(table: DataTable, key: str) -> list[str]:
    values = []
    for row in range(table.row_count):
        cell = table.get_row_at(row)[[c.value for c in table.columns].index(key)]
        values.append(cell.plain if isinstance(cell, Text) else str(cell))
    return values


async def test_dates_show_and_o_orders_by_date_undated_last(seeds_story):
    story = dated(seeds_story)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        table = app.screen.query_one(DataTable)
        assert column(table, "date") == ["2019-05-27", "—", "2019-05-25", "2019-05-26", "2019-05-25"]
        await pilot.press("o")
        # Earliest first, the two of 25 May in story order, the undated one last.
        assert column(table, "n") == ["3", "5", "4", "1", "2"]
        assert column(table, "date") == ["2019-05-25", "2019-05-25", "2019-05-26", "2019-05-27", "—"]
        summary = str(app.screen.query_one("#summary").render())
        assert "by date" in summary
        await pilot.press("o")
        assert column(table, "n") == ["1", "2", "3", "4", "5"]


async def test_actions_follow_the_highlighted_article_in_date_order(seeds_story):
    story = dated(seeds_story)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("o")  # the cursor stays on article 1, now fourth
        await pilot.press("up", "up", "up", "enter")  # first row in date order: article 3 (index 2)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article is story.articles[2]
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)
        await pilot.press("space", "space")  # marks rows 1 and 2 of the date order: indices 2 and 4
        assert app.screen.marked == [2, 4]
        await pilot.press("c")
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.left, app.screen.right) == (2, 4)


async def test_cursor_stays_on_its_article_when_the_order_changes(seeds_story):
    story = dated(seeds_story)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("down")  # article 2 (undated)
        await pilot.press("o")
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 4  # undated: last in date order
        assert app.screen.cursor == 1


async def test_ordering_an_undated_story_says_how_to_give_dates(seeds_story):
    app = make_app(replace(seeds_story, articles=tuple(replace(a, date=None) for a in seeds_story.articles)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        table = app.screen.query_one(DataTable)
        assert "date" not in [c.value for c in table.columns]  # no column of dashes
        await pilot.press("o")
        await pilot.pause()
        assert any("No article has a publication date" in n.message for n in app._notifications)
        assert column(app.screen.query_one(DataTable), "n") == ["1", "2", "3", "4", "5"]
