"""The Quote sheet's wording: counts in good English, no "per no source" for unattributed figures."""

from __future__ import annotations

import re

from textual.widgets import DataTable

from sidebyside.ingest.story import load_story
from sidebyside.tui.app import SideBySideApp
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen

from conftest import ROOT, settled

RAIL = ROOT / "tests" / "data" / "rail_strike"


async def test_quote_sheet_summary_counts_in_good_english():
    app = SideBySideApp(load_story([str(RAIL)]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, QuoteSheetScreen)
        summary = str(app.screen.query_one("#sheet-summary").render())
        for count, noun in re.findall(r"\b(\d+) (quotes?|figures?|conflicts?)\b", summary):
            assert noun.endswith("s") == (count != "1"), summary


async def test_quote_sheet_does_not_say_per_no_source(seeds_story):
    app = SideBySideApp(seeds_story)
    async with app.run_test(size=(200, 50)) as pilot:
        await settled(pilot)
        await pilot.press("w")
        await pilot.pause()
        sheet = app.screen
        assert isinstance(sheet, QuoteSheetScreen)
        table = sheet.query_one(DataTable)
        cells = [str(table.get_row_at(r)[1]) for r in range(table.row_count)]
        assert not any("no source" in c for c in cells)
        # The WHO's 510 keeps its source, and the outlets that print 510 without one say so.
        tolls = [c for c in cells if re.match(r"(?:\w+ )*510 deaths", c)]  # "510 …", "at least 510 …"
        assert any("per World Health Organization" in c for c in tolls), tolls
        assert any("unsourced" in c for c in tolls), tolls
