"""The Watchlist screen and the list a story opens with, from the keyboard (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static

from sidebyside.ingest.story import load_story
from sidebyside.ingest.watchlist import read_speakers
from sidebyside.tui.app import SideBySideApp, make_app
from sidebyside.tui.screens.add_speaker import AddSpeaker
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen
from sidebyside.tui.screens.watchlist import WatchlistScreen
from sidebyside.tui.widgets.quote_sidebar import QuoteSidebar

from conftest import SEEDS, settled

DATA = Path(__file__).parent / "data"
TOP_THREE = ["Tomasz Wieczorek", "Rajiv Menon", "Amelia Rutherford"]


@pytest.fixture
def rail(tmp_path: Path) -> Path:
    """A copy of the rail strike story: saving the watchlist writes into its folder."""
    folder = tmp_path / "rail"
    shutil.copytree(DATA / "rail_strike", folder, ignore=shutil.ignore_patterns("gold.json"))
    return folder


def messages(app: SideBySideApp) -> list[str]:
    return [n.message for n in app._notifications]


def names_in(options: OptionList) -> list[str | None]:
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def summary(app: SideBySideApp) -> str:
    return str(app.screen.query_one("#sheet-summary", Static).render())


async def test_a_new_story_opens_on_its_most_quoted_people_merged_by_name(rail: Path):
    app = make_app(paths=[rail])
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, QuoteSheetScreen)
        assert app.speakers == TOP_THREE and app.watch_source == "proposed"
        assert "watching " + ", ".join(TOP_THREE) in summary(app)
        assert any("most-quoted people" in m and "Press +" in m for m in messages(app))
        table = app.screen.query_one(DataTable)
        speakers = {str(table.get_row_at(row)[0]) for row in range(table.row_count)}
        assert "Amelia Rutherford" in speakers and "Sarah Lindqvist" in speakers
        assert not any("Secretary" in s or "Weiczorek" in s or s == "he" for s in speakers)


async def test_the_watchlist_drops_watches_types_and_saves_with_the_story(rail: Path):
    app = make_app(paths=[rail])
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("w", "plus")
        screen = app.screen
        assert isinstance(screen, WatchlistScreen)
        watched, proposed = screen.query_one("#watched", OptionList), screen.query_one("#proposed", OptionList)
        assert names_in(watched) == TOP_THREE and names_in(proposed) == ["Sarah Lindqvist"]
        assert "9 quotes, 3 outlets" in str(watched.get_option_at_index(0).prompt)
        watched.focus()
        await pilot.press("enter")  # Enter on a watched person drops them ...
        assert app.speakers == ["Rajiv Menon", "Amelia Rutherford"]
        assert names_in(proposed) == ["Tomasz Wieczorek", "Sarah Lindqvist"]
        await pilot.press("tab", "j", "a")  # ... and `a` watches the highlighted proposal
        assert app.speakers == ["Rajiv Menon", "Amelia Rutherford", "Sarah Lindqvist"]
        await pilot.press("x")  # `x` drops the highlighted watched person, wherever the focus is
        assert app.speakers == ["Amelia Rutherford", "Sarah Lindqvist"]
        await pilot.press("plus")
        assert isinstance(app.screen, AddSpeaker)
        await pilot.press(*"Northline", "enter")
        assert app.screen is screen and app.speakers[-1] == "Northline"
        assert app.watch_source == "edited"
        assert not (rail / "story.toml").exists()  # nothing is written until the user saves
        await pilot.press("s")
        assert read_speakers(rail) == ("Amelia Rutherford", "Sarah Lindqvist", "Northline")
        assert app.watch_source == "story.toml"
        assert any(m.startswith("Saved the watchlist to") for m in messages(app))
        await pilot.press("escape")
        assert isinstance(app.screen, QuoteSheetScreen)
        assert "watching Amelia Rutherford, Sarah Lindqvist, Northline" in summary(app)

    reopened = make_app(paths=[rail])
    async with reopened.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("w")
        assert reopened.speakers == ["Amelia Rutherford", "Sarah Lindqvist", "Northline"]
        assert reopened.watch_source == "story.toml"


async def test_speaker_names_win_over_the_saved_list(rail: Path):
    (rail / "story.toml").write_text('speakers = ["Amelia Rutherford"]\n', "utf-8")
    app = make_app(paths=[rail], speakers=["Rajiv Menon"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        assert app.quotes().speakers == ("Rajiv Menon",) and app.watch_source == "--speaker"


async def test_the_bundled_story_watches_its_three_and_is_never_written(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "plus")
        assert app.watch_source == "bundled"
        assert "bundled story is part of the app" in str(app.screen.query_one("#watch-summary", Static).render())
        await pilot.press("s")
        assert any("The watchlist was not saved: the bundled story" in m for m in messages(app))
        assert not (SEEDS / "story.toml").exists()


async def test_articles_in_several_folders_keep_the_list_for_the_session(tmp_path: Path):
    for name in ("01_capital_courier.txt", "03_sentinel.txt"):
        (tmp_path / name[:2]).mkdir()
        shutil.copy(DATA / "rail_strike" / name, tmp_path / name[:2] / name)
    app = make_app(load_story([str(tmp_path / "01"), str(tmp_path / "03")]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "plus", "s")
        assert any("several folders" in m for m in messages(app))
        assert list(tmp_path.rglob("story.toml")) == []


async def test_plus_in_compare_opens_the_watchlist_and_the_sidebar_shows_the_new_list(rail: Path):
    app = make_app(load_story([str(rail)]))
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(app.articles[0], app.articles[2])
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("plus")
        assert isinstance(app.screen, WatchlistScreen)
        await pilot.press("tab", "a", "escape")
        assert isinstance(app.screen, CompareScreen)
        assert app.speakers == [*TOP_THREE, "Sarah Lindqvist"]
        sidebar = app.screen.query_one(QuoteSidebar)
        assert sidebar.has_class("shown")


def test_every_watchlist_key_has_an_id_and_says_what_it_does():
    ids = [b.id for b in WatchlistScreen.BINDINGS]
    assert all(ids) and len(ids) == len(set(ids))
    shown = {b.key: b.description for b in WatchlistScreen.BINDINGS if b.show}
    assert shown == {"a": "Watch", "x,delete": "Drop", "plus": "Type a name", "s": "Save", "escape": "Back"}
    for screen in (QuoteSheetScreen, CompareScreen):
        (plus,) = [b for b in screen.BINDINGS if b.key == "plus"]
        assert (plus.action, plus.description) == ("watchlist", "Watchlist") and plus.id


def test_watchlist_screen(snap_compare):
    """The rail strike's proposed list beside the one person left to propose, with the counts."""
    assert snap_compare(make_app(load_story([str(DATA / "rail_strike")])), terminal_size=(120, 30), press=["w", "plus"])
