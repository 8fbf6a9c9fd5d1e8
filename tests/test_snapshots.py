"""Screens as pictures (pytest-textual-snapshot). Review SVG changes before accepting them:
`pytest tests/test_snapshots.py --snapshot-update`, then look at tests/__snapshots__/."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.ingest.story import load_story
from sidebyside.tui.app import SideBySideApp, make_app

from conftest import SEEDS, settled

SIZES = [(120, 40), (80, 24)]


def seeds_app() -> SideBySideApp:
    return make_app(load_story([str(SEEDS)]))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_articles_screen(snap_compare, size):
    """The table with the Closest column and the overlap matrix below it."""
    assert snap_compare(seeds_app(), terminal_size=size, run_before=settled)


def test_articles_matrix_cell_cursor(snap_compare):
    """Tab into the matrix and move the cell cursor to AFP x Asharq Al-Awsat."""

    async def into_matrix(pilot):
        await settled(pilot)
        await pilot.press("tab", "down", "down", "down", "right", "right", "right")

    assert snap_compare(seeds_app(), terminal_size=(120, 40), run_before=into_matrix)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reader_screen(snap_compare, size):
    assert snap_compare(seeds_app(), terminal_size=size, press=["down", "down", "down", "enter"])


def test_help_screen(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=(80, 24), press=["question_mark"])


COMPARE_AFP_ASHARQ = ["down", "down", "down", "space", "space", "c"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_compare_screen_with_word_highlights(snap_compare, size):
    """AFP beside Asharq Al-Awsat; the cursor on the first reworded row."""
    assert snap_compare(seeds_app(), terminal_size=size, press=COMPARE_AFP_ASHARQ + ["n"])


def test_compare_differences_only(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=(120, 40), press=COMPARE_AFP_ASHARQ + ["d"])


def test_compare_narrow_terminal_stacks_the_columns(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=(60, 24), press=COMPARE_AFP_ASHARQ)


def test_pick_article_dialog(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=(80, 24), press=["enter", "c"])


def test_compare_with_quotes_sidebar(snap_compare):
    """The sidebar open beside AFP and Asharq Al-Awsat: the pair first (A and B, only A,
    only B), the rest of the story below a rule."""
    assert snap_compare(seeds_app(), terminal_size=(140, 40), press=COMPARE_AFP_ASHARQ + ["p"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quote_sheet(snap_compare, size):
    assert snap_compare(seeds_app(), terminal_size=size, press=["w", "down", "down"])


# --- tiny and huge terminals (every screen stays usable) --------------------------------

TINY = (40, 12)


def test_tiny_articles(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=TINY, run_before=settled)


def test_tiny_reader(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=TINY, press=["down", "enter"])


def test_tiny_compare(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=TINY, press=COMPARE_AFP_ASHARQ + ["n"])


def test_tiny_compare_sidebar_takes_the_screen(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=TINY, press=COMPARE_AFP_ASHARQ + ["p"])


def test_tiny_quote_sheet(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=TINY, press=["w"])


def test_tiny_help(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=TINY, press=["question_mark"])


# --- claims across outlets: an altered quote and its word diff --------------------------------

HARBOUR = Path(__file__).parent / "data" / "harbour_chemical_fire"


def harbour_app() -> SideBySideApp:
    """Wire, credited reprint (one quote altered, one trimmed, a number changed), independent report."""
    app = make_app(load_story([str(HARBOUR)]))
    app.speakers = ["Ingrid Solheim", "Tor Aasen"]
    return app


def test_quote_sheet_altered_quote_with_word_diff(snap_compare):
    """Only quotes worded differently (f), the mayor's altered quote highlighted, its word diff shown (v)."""
    assert snap_compare(harbour_app(), terminal_size=(120, 40), press=["w", "f", "v"])


def test_compare_sidebar_marks_an_altered_quote(snap_compare):
    """Wire beside reprint: the sidebar tags each outlet's wording; the status line names the change."""
    assert snap_compare(harbour_app(), terminal_size=(150, 40), press=["space", "space", "c", "n", "n", "n"])


def test_articles_from_saved_web_pages_with_dates(snap_compare):
    """Three saved HTML pages: outlets, bylines and dates from the pages' own metadata,
    rows put in date order with `o`."""
    story = load_story([str(Path(__file__).parent / "data" / "html_story")])
    assert snap_compare(make_app(story), terminal_size=(120, 30), run_before=settled, press=["o"])
