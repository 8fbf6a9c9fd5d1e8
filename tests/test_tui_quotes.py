"""Quotes in the TUI: the Compare sidebar, jumping to a quote's sentence, the Quote sheet."""

from __future__ import annotations

from sidebyside.tui.app import make_app
from sidebyside.tui.screens.add_speaker import AddSpeaker
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen
from sidebyside.tui.screens.reader import ReaderScreen
from sidebyside.tui.screens.watchlist import WatchlistScreen
from sidebyside.tui.widgets.article_view import ArticleView
from sidebyside.tui.widgets.compare_view import CompareView
from sidebyside.tui.widgets.quote_sidebar import QuoteSidebar


async def open_afp_asharq(pilot):
    await pilot.press("down", "down", "down", "space", "space", "c")
    assert isinstance(pilot.app.screen, CompareScreen)
    return pilot.app.screen


async def test_sidebar_toggles_and_lists_speakers(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_afp_asharq(pilot)
        sidebar = screen.query_one(QuoteSidebar)
        assert not sidebar.display
        await pilot.press("p")
        assert sidebar.display and sidebar.has_focus
        headers = [str(o.prompt) for o in sidebar.options if o.disabled]
        assert "Khalifa Haftar" in headers and "Ghassan Salame" in headers
        await pilot.press("p")
        assert not sidebar.display
        assert screen.query_one(CompareView).has_focus


async def test_sidebar_opens_by_itself_on_wide_terminals(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_afp_asharq(pilot)
        assert screen.query_one(QuoteSidebar).display


async def test_enter_on_a_sidebar_quote_jumps_to_its_sentence(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_afp_asharq(pilot)
        await pilot.press("p")
        sidebar = screen.query_one(QuoteSidebar)
        afp = seeds_story.articles[3]
        # the entry of Haftar's "private militias and extremist groups", carried by both AFP and Asharq
        index = next(i for i, o in enumerate(sidebar.options) if not o.disabled and "private militias" in str(o.prompt))
        target = sidebar.targets[int(sidebar.options[index].id)]
        sidebar.highlighted = index
        await pilot.press("enter")
        view = screen.query_one(CompareView)
        assert view.has_focus
        sentence = next(s for article_id, s in target.places if article_id == afp.id)
        assert view.current.a == sentence
        assert "private militias" in afp.sentences[sentence]


async def test_quote_sheet_from_every_screen(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        for keys in ([], ["enter"], ["down", "down", "down", "space", "space", "c"]):
            await pilot.press(*keys)
            before = type(app.screen)
            await pilot.press("w")
            assert isinstance(app.screen, QuoteSheetScreen)
            await pilot.press("escape")
            assert type(app.screen) is before
            while not isinstance(app.screen, ArticlesScreen):
                await pilot.press("escape")


async def test_quote_sheet_rows_detail_and_reading(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        sheet = app.screen
        story = app.quotes()
        assert len(sheet.entries) == len(story.groups) + len(story.figures) + len(story.other_figures)
        # every figure of every article is on the sheet, grouped or not
        listed = sum(len(e.claims) for e in sheet.entries if hasattr(e, "claims")) + len(story.other_figures)
        assert listed == sum(len(r.figures) for r in story.results)
        first = story.groups[0]
        detail = str(sheet.query_one("#sheet-detail").render())
        assert first.speaker in detail and first.carriers[0].outlet in detail
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.marked == first.carriers[0].sentence


async def test_adding_a_person_extends_the_watchlist(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "plus")
        assert isinstance(app.screen, WatchlistScreen)
        await pilot.press("plus")
        assert isinstance(app.screen, AddSpeaker)
        await pilot.press(*"Giuseppe Conte", "enter")
        assert isinstance(app.screen, WatchlistScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, QuoteSheetScreen)
        assert app.speakers[-1] == "Giuseppe Conte"
        assert "Giuseppe Conte" in app.quotes().speakers
        assert "Giuseppe Conte" in str(app.screen.query_one("#sheet-summary").render())
