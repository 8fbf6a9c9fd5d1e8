"""At 80×24 every screen's footer keeps `esc` (where there is a way back) and `?` in sight."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from sidebyside.tui.app import make_app


def visible_keys(app) -> set[str]:
    """The footer keys drawn whole, left of the palette key docked at the right."""
    keys = list(app.screen.query(FooterKey))
    palette = next(k for k in keys if k.has_class("-command-palette"))
    width = app.size.width
    return {k.key for k in keys if k is not palette and k.region.x >= 0 and k.region.right <= palette.region.x <= width}


OPEN_COMPARE = ["down", "down", "down", "space", "space", "c"]


@pytest.mark.parametrize(
    "keys, back",
    [
        ([], False),  # Articles: nowhere to go back to
        (["enter"], True),  # Reader
        (OPEN_COMPARE, True),  # Compare
        ([*OPEN_COMPARE, "p"], True),  # Compare with the sidebar (full width) focused
        (["w"], True),  # Quote sheet
    ],
    ids=["articles", "reader", "compare", "compare-sidebar", "quote-sheet"],
)
async def test_escape_and_help_stay_in_the_footer_at_80x24(seeds_story, keys, back):
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause(0.3)
        shown = visible_keys(app)
        assert "question_mark" in shown, shown
        assert ("escape" in shown) == back, shown
