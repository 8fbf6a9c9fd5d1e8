"""`y` copies what the cursor is on, through Textual's clipboard (OSC 52), and says so."""

from __future__ import annotations

from textual.widgets import DataTable

from sidebyside.tui.app import make_app
from sidebyside.tui.clip import entry_text, row_text
from sidebyside.tui.widgets.article_view import ArticleView
from sidebyside.tui.widgets.compare_view import CompareView


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_reader_copies_the_first_sentence_on_screen_or_the_one_found(seeds_story):
    afp = seeds_story.articles[3]
    app = make_app(seeds_story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down", "enter", "y")
        assert app.clipboard == afp.sentences[0]
        assert "Copied sentence 1 (AFP)." in notes(app)
        assert app.screen.query_one(ArticleView).marked == 0  # what was copied is marked
        await pilot.press("G", "y")  # at the bottom: the first sentence on screen there
        view = app.screen.query_one(ArticleView)
        assert app.clipboard == afp.sentences[view.first_in_view] and view.first_in_view > 0
        last = next(i for i in reversed(range(len(afp.sentences))) if "macron" in afp.sentences[i].lower())
        await pilot.press("g", "slash", *"macron", "up", "escape", "y")  # ↑ from the top: the last match
        assert app.clipboard == afp.sentences[last]
        assert f"Copied sentence {last + 1} (AFP)." in notes(app)


async def test_compare_copies_the_cursor_row_with_both_outlets(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        await pilot.press("n", "n", "y")
        view = app.screen.query_one(CompareView)
        row = view.current
        assert app.clipboard == row_text(app.screen.alignment, row)
        assert app.clipboard.startswith("AFP") and "\nAsharq Al-Awsat" in app.clipboard
        assert f"Copied row {view.cursor + 1}: AFP and Asharq Al-Awsat." in notes(app)


async def test_quote_sheet_copies_the_highlighted_quote_with_speaker_and_outlets(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "down", "y")
        sheet = app.screen
        entry = sheet.entries[sheet.query_one(DataTable).cursor_row]
        assert app.clipboard == entry_text(entry)
        assert app.clipboard  # something real was copied
        assert any(n.startswith("Copied ") for n in notes(app))
