"""The Framing screen (F) and Compare's framing note, driven by the keyboard (Pilot), plus
the screen's text helpers and its snapshots at 120×40 and 80×24."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text
from test_footer_80x24 import visible_keys
from textual.widgets import DataTable, Static

from sidebyside.analysis.framing import KINDS, framing
from sidebyside.analysis.story_quotes import story_quotes
from sidebyside.ingest.story import load_story
from sidebyside.model import Article, Story
from sidebyside.tui.app import SideBySideApp, make_app
from sidebyside.tui.screens.articles import ArticlesScreen
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.screens.framing import TERM_STYLE, FramingReady, FramingScreen, cell_detail, marked, terms_text
from sidebyside.tui.screens.help import HelpScreen
from sidebyside.tui.screens.reader import ReaderScreen
from sidebyside.tui.screens.watchlist import WatchlistScreen
from sidebyside.tui.widgets.article_view import ArticleView

from conftest import SEEDS, settled

HAFTAR, MACRON, SALAME = "Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame"
REUTERS, AFP, ASHARQ = 0, 3, 4  # the seeds' rows


async def shown(pilot) -> FramingScreen:
    """Wait until the Framing screen is up and its worker has delivered the table."""
    for _ in range(200):
        screen = pilot.app.screen
        if isinstance(screen, FramingScreen) and screen.found is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FramingScreen) and screen.found is not None
    return screen


def table_rows(screen: FramingScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(table.get_cell_at((r, c))) for c in range(len(KINDS) + 1)] for r in range(table.row_count)]


def detail(screen: FramingScreen) -> str:
    return str(screen.query_one("#framing-detail", Static).render())


# --- opening it, and what the table says ------------------------------------------------------


async def test_F_from_articles_shows_each_outlets_terms_as_framing_finds_them(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        story = app.quotes()
        expected = framing(story.results, story.speakers)
        assert screen.person == HAFTAR == expected.people[0]
        rows = table_rows(screen)
        assert [r[0] for r in rows] == [a.label for a in seeds_story.articles]
        for row, cell in zip(rows, expected.row(HAFTAR), strict=True):
            assert row[1:] == [terms_text(cell, kind).plain for kind in KINDS]
        assert rows[AFP][1] == "strongman"
        assert rows[REUTERS][1] == rows[ASHARQ][1] == "commander"
        assert rows[AFP][3] == "self-styled"
        assert rows[AFP][2] == "said, acknowledging, saying"


async def test_F_from_compare_opens_framing_and_esc_goes_back_to_compare(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[AFP], seeds_story.articles[ASHARQ])
        await pilot.pause()
        await pilot.press("F")
        await shown(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_brackets_and_tab_switch_the_person_round_the_watchlist(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        assert screen.found is not None and screen.found.people == (HAFTAR, MACRON, SALAME)
        seen = []
        for key in ["right_square_bracket", "tab", "right_square_bracket", "left_square_bracket", "shift+tab"]:
            await pilot.press(key)
            seen.append(screen.person)
        assert seen == [MACRON, SALAME, HAFTAR, SALAME, MACRON]
        rows = table_rows(screen)
        for row, cell in zip(rows, screen.found.row(MACRON), strict=True):
            assert row[1:] == [terms_text(cell, kind).plain for kind in KINDS]
        assert rows[ASHARQ][1] == "president ×2"
        assert "Emmanuel Macron" in str(screen.query_one("#framing-people", Static).render())


async def test_detail_shows_the_highlighted_cells_sentences(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        afp = seeds_story.articles[AFP]
        await pilot.press("down", "down", "down")  # AFP, labels
        text = detail(screen)
        assert "AFP · Khalifa Haftar · labels" in text
        assert "sentence 1" in text and "Libyan strongman Khalifa Haftar" in text
        await pilot.press("right")  # AFP, verbs: two sentences
        text = " ".join(detail(screen).split())
        assert "sentence 2 · said, acknowledging" in text and "sentence 4 · saying" in text
        assert " ".join(afp.sentences[3].split()) in text
        await pilot.press("left", "left")  # the outlet column: every kind
        assert "every framing word" in detail(screen) and "hedge self-styled" in detail(screen)


async def test_enter_reads_the_article_at_the_cells_first_sentence(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        await shown(pilot)
        await pilot.press("down", "down", "down", "right", "right", "enter")  # AFP, hedges
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article is seeds_story.articles[AFP]
        assert app.screen.sentence == 10  # "Haftar's self-styled Libyan National Army ..."
        await pilot.pause()
        assert app.screen.query_one(ArticleView).current == 10


async def test_enter_on_an_empty_cell_says_there_is_nothing_to_read(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        await pilot.press("right", "right", "enter")  # Reuters, hedges: none
        assert app.screen is screen
        assert any("No hedges here" in str(n.message) for n in app._notifications)


async def test_plus_changes_the_watchlist_and_the_table_follows(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        await pilot.press("right_square_bracket")
        assert screen.person == MACRON
        await pilot.press("plus")
        assert isinstance(app.screen, WatchlistScreen)
        app.unfollow(MACRON)
        await pilot.press("escape")
        for _ in range(200):
            if screen.found is not None and MACRON not in screen.found.people:
                break
            await pilot.pause(0.02)
        assert screen.found is not None and screen.found.people == (HAFTAR, SALAME)
        assert screen.person == HAFTAR  # the person shown was dropped: the first one


async def test_an_empty_watchlist_says_how_to_follow_someone(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        await pilot.press("plus")
        for name in (HAFTAR, MACRON, SALAME):
            app.unfollow(name)
        await pilot.press("escape")
        for _ in range(200):
            if screen.found is not None and not screen.found.people:
                break
            await pilot.pause(0.02)
        assert screen.person is None and screen.query_one(DataTable).row_count == 0
        assert "Press + to choose who to follow" in str(screen.query_one("#framing-people", Static).render())
        await pilot.press("enter", "right_square_bracket")  # nothing to read or switch to: no error
        assert app.screen is screen


def test_framing_binding_ids_are_unique_and_not_the_apps():
    ids = [binding.id for cls in (FramingScreen, SideBySideApp) for binding in cls.BINDINGS]
    assert all(ids) and len(ids) == len(set(ids))


async def test_a_result_after_the_screen_is_dismissed_is_not_shown(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        found = screen.found
        assert found is not None
        await pilot.press("escape")
        await pilot.pause()
        screen.on_framing_ready(FramingReady(found))  # a late worker: no widgets left to query
        assert isinstance(app.screen, ArticlesScreen)


async def test_a_story_still_loading_is_framed_once_every_article_is_read(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.loading = True  # as while a folder is read: every outlet is a row, so it waits
        await pilot.press("F")
        await pilot.pause(0.4)
        screen = app.screen
        assert isinstance(screen, FramingScreen) and screen.found is None
        assert "Still loading the story" in str(screen.query_one("#framing-people", Static).render())
        app.loading = False
        screen = await shown(pilot)
        assert screen.query_one(DataTable).row_count == len(seeds_story.articles)


# --- keys: help, palette, footer --------------------------------------------------------


async def test_F_is_in_help_and_the_palette_everywhere_but_on_framing_itself(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Framing"].endswith("(F)")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "F" in dict(app.screen.keys())
        await pilot.press("escape", "F")
        screen = await shown(pilot)
        commands = {c.title: c.help for c in app.get_system_commands(screen)}
        assert "Framing" not in commands
        assert {"Read", "Next person", "Previous person", "Watchlist", "Back"} <= set(commands)
        assert commands["Next person"] == "Show the next watched person (tab ])"


async def test_escape_and_help_stay_in_the_footer_at_80x24(seeds_story):
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F")
        await shown(pilot)
        keys = visible_keys(app)
        assert {"escape", "question_mark", "enter", "left_square_bracket", "right_square_bracket"} <= keys, keys


async def test_one_watched_person_dims_the_person_keys():
    a = Article("a.txt", "a.txt", "AFP", "a", None, None, None, ("Khalifa Haftar said the talks failed.",), (0,))
    app = make_app(Story(articles=(a,)), speakers=[HAFTAR])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        screen = await shown(pilot)
        assert screen.check_action("person", (1,)) is None
        await pilot.press("right_square_bracket")
        assert screen.person == HAFTAR


# --- Compare: the status line names a framing change ----------------------------------------


def _article(name: str, outlet: str, sentences: list[str]) -> Article:
    return Article(f"{name}.txt", f"{name}.txt", outlet, name, None, None, None, tuple(sentences), tuple(range(3)))


async def test_compare_status_names_the_framing_change_of_the_cursor_row():
    a = _article("a", "AFP", ["Talks opened in Paris on Tuesday.", "Haftar said the truce had failed.", "Aid ran out."])
    b = _article(
        "b", "Reuters", ["Talks opened in Paris on Tuesday.", "Haftar claimed the truce had failed.", "Aid ran out."]
    )
    app = make_app(Story(articles=(a, b)))
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(a, b)
        await pilot.pause()
        status = app.screen.query_one("#compare-status", Static)
        assert "framing change" not in str(status.render())  # row 1: the same sentence
        await pilot.press("n")
        assert "framing change: said → claimed" in str(status.render())
        await pilot.press("down")
        assert "framing change" not in str(status.render())


async def test_compare_status_says_nothing_of_framing_when_other_words_changed_too():
    a = _article("a", "AFP", ["Talks opened.", "Haftar said the truce had failed.", "Aid ran out."])
    b = _article("b", "Reuters", ["Talks opened.", "Haftar claimed the truce had collapsed.", "Aid ran out."])
    app = make_app(Story(articles=(a, b)))
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(a, b)
        await pilot.pause()
        await pilot.press("n")
        status = str(app.screen.query_one("#compare-status", Static).render())
        assert "changed" in status and "framing change" not in status


# --- the text helpers -------------------------------------------------------------------


def test_cell_detail_marks_each_term_in_its_sentence_once_per_sentence(seeds_story):
    story = story_quotes(seeds_story.articles, [HAFTAR, MACRON, SALAME])
    found = framing(story.results, story.speakers)
    asharq = seeds_story.articles[ASHARQ]
    cell = found.cell(HAFTAR, asharq.id)
    text = cell_detail(cell, asharq, None)  # label "commander" and verb "informed" share sentence 1
    assert text.plain.count(asharq.sentences[0]) == 1
    styled = {text.plain[s.start : s.end] for s in text.spans if s.style == TERM_STYLE}
    assert {"Libyan National Army commander", "informed"} <= styled


def test_terms_text_counts_and_says_when_the_outlet_never_names_the_person():
    a = Article("a.txt", "a.txt", "AFP", "a", None, None, None, ("Strongman Khalifa Haftar met strongmen.",), (0,))
    b = Article("b.txt", "b.txt", "AP", "b", None, None, None, ("The talks in Paris went on.",), (0,))
    story = story_quotes((a, b), [HAFTAR])
    found = framing(story.results, story.speakers)
    assert terms_text(found.cell(HAFTAR, "b.txt"), "label").plain == "not named"
    assert terms_text(found.cell(HAFTAR, "b.txt"), "verb").plain == ""
    assert terms_text(found.cell(HAFTAR, "a.txt"), "verb").plain == "–"


@st.composite
def sentence_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    # Loading drops control characters (`ingest.load`), so a sentence never holds one.
    letters = st.characters(codec="utf-8", exclude_categories=("Cc",))
    sentence = draw(st.text(alphabet=letters, min_size=1, max_size=80))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(sentence)), st.integers(0, len(sentence))).map(sorted).map(tuple),
            max_size=4,
        )
    )
    return sentence, spans


@given(sentence_and_spans())
def test_marked_keeps_the_words_and_styles_exactly_the_spans(case):
    sentence, spans = case
    text = marked(sentence, spans)
    assert text.plain == sentence  # never parsed as markup, nothing added or lost
    inside = {i for start, end in spans for i in range(start, end)}
    styled = {i for s in text.spans if s.style == TERM_STYLE for i in range(s.start, s.end)}
    assert styled == inside


def test_marked_does_not_read_markup_in_article_words():
    text = marked("He said [bold]no[/bold] to the truce.", [(3, 7)])
    assert isinstance(text, Text) and text.plain == "He said [bold]no[/bold] to the truce."


# --- snapshots --------------------------------------------------------------------------


def seeds_app() -> SideBySideApp:
    return make_app(load_story([str(SEEDS)]))


async def framing_on_afp(pilot) -> None:
    await settled(pilot)
    await pilot.press("F")
    await shown(pilot)
    await pilot.press("down", "down", "down", "right")  # AFP's verbs


def test_framing_screen_120x40(snap_compare):
    """Khalifa Haftar across the seeds; the cursor on AFP's verbs, their sentences below."""
    assert snap_compare(seeds_app(), terminal_size=(120, 40), run_before=framing_on_afp)


def test_framing_screen_80x24(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=(80, 24), run_before=framing_on_afp)
