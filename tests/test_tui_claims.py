"""Claims across outlets in the TUI: fidelity marks, the differs filter, word diffs, the status line."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from sidebyside.analysis.quote_groups import QuoteGroup
from sidebyside.ingest.story import load_story
from sidebyside.tui.app import SideBySideApp, make_app
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen
from sidebyside.tui.widgets.quote_sidebar import QuoteSidebar

HARBOUR = Path(__file__).parent / "data" / "harbour_chemical_fire"


def harbour() -> SideBySideApp:
    app = make_app(load_story([str(HARBOUR)]))
    app.speakers = ["Ingrid Solheim", "Tor Aasen"]
    return app


async def test_quote_sheet_marks_each_outlets_wording_and_filters_the_ones_that_differ():
    async with harbour().run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        sheet = pilot.app.screen
        assert isinstance(sheet, QuoteSheetScreen)
        everything = len(sheet.entries)
        solheim = next(e for e in sheet.entries if isinstance(e, QuoteGroup) and "no danger" in e.text)
        row = sheet.entries.index(solheim)
        cells = [str(c) for c in sheet.query_one(DataTable).get_row_at(row)]
        assert cells[2:] == ["=", "≠", ""]  # NPA verbatim, the Herald altered, Coastline does not carry it
        await pilot.press("f")
        assert 0 < len(sheet.entries) < everything
        assert all(isinstance(e, QuoteGroup) and e.differs for e in sheet.entries)
        await pilot.press("f")
        assert len(sheet.entries) == everything


async def test_word_diff_on_demand_shows_what_the_reprint_changed():
    async with harbour().run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "f")
        sheet = pilot.app.screen
        detail = sheet.query_one("#sheet-detail", Static)
        plain = str(detail.render())
        assert "≠ altered" in plain and "[people's → our children's]" in plain
        await pilot.press("v")
        rendered = detail.render()
        assert "word diff against the reference" in str(rendered)
        struck = [str(rendered)[s.start : s.end] for s in rendered.spans if "strike" in str(s.style)]
        marked = [str(rendered)[s.start : s.end] for s in rendered.spans if "underline" in str(s.style)]
        assert "people's" in "".join(struck) and "our children's" in "".join(marked)


async def test_compare_status_line_says_when_a_quote_is_worded_differently():
    async with harbour().run_test(size=(150, 40)) as pilot:
        await pilot.press("space", "space", "c")
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.query_one(QuoteSidebar).display  # opens by itself when wide
        status = screen.query_one("#compare-status", Static)
        for _ in range(6):
            await pilot.press("n")
            if "Solheim" in str(status.render()):
                break
        assert "≠ Ingrid Solheim's quote is worded differently in A and B: people's → our children's" in str(
            status.render()
        )
