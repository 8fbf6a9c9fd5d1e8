"""The Compare sidebar puts the open pair first: what A and B both print, what only A
prints, what only B prints, and the rest of the story below a rule. Stepping A or B
(keys a / b) sorts it again for the new pair; Enter still jumps to the sentence."""

from __future__ import annotations

from pathlib import Path

from textual.widgets.option_list import Option

from sidebyside.analysis.story_quotes import StoryQuotes, story_quotes
from sidebyside.ingest.story import load_story
from sidebyside.tui.app import SideBySideApp, make_app
from sidebyside.tui.screens.compare import CompareScreen
from sidebyside.tui.widgets.compare_view import CompareView
from sidebyside.tui.widgets.quote_sidebar import QuoteSidebar, pair_sections, side_of

from conftest import SEEDS

HARBOUR = Path(__file__).parent / "data" / "harbour_chemical_fire"
HARBOUR_SPEAKERS = ["Ingrid Solheim", "Tor Aasen"]
#: Articles screen keys that open AFP (seed 4) beside Asharq Al-Awsat (seed 5).
COMPARE_AFP_ASHARQ = ["down", "down", "down", "space", "space", "c"]


def harbour_story() -> StoryQuotes:
    return story_quotes(load_story([str(HARBOUR)]).articles, HARBOUR_SPEAKERS)


def harbour_app() -> SideBySideApp:
    app = make_app(load_story([str(HARBOUR)]))
    app.speakers = HARBOUR_SPEAKERS
    return app


def headings(sidebar: QuoteSidebar) -> list[str]:
    return [str(o.prompt) for o in sidebar.options if o.disabled]


def section_of(sidebar: QuoteSidebar, entry: Option) -> str:
    """The pair heading ("A and B", "only A (…)", …) an entry sits under."""
    index = sidebar.options.index(entry)
    pair_heads = ("A and B", "only A", "only B", "rest of the story")
    for option in reversed(sidebar.options[:index]):
        if option.disabled and str(option.prompt).startswith(pair_heads):
            return str(option.prompt)
    raise AssertionError("entry outside every section")


def entry(sidebar: QuoteSidebar, words: str) -> Option:
    return next(o for o in sidebar.options if not o.disabled and words in str(o.prompt))


# --- the split, as data -------------------------------------------------------------------------


def test_side_of_says_who_of_the_pair_prints_an_entry() -> None:
    assert side_of(["a", "b", "c"], "a", "b") == "both"
    assert side_of(["a", "c"], "a", "b") == "a"
    assert side_of(["c", "b"], "a", "b") == "b"
    assert side_of(["c"], "a", "b") == "rest"


def test_every_entry_lands_in_exactly_one_section_by_its_carriers() -> None:
    story = harbour_story()
    wire, reprint = "01_wire.txt", "02_local_reprint.txt"
    sections = pair_sections(story, wire, reprint)
    parts = {"both": sections.both, "a": sections.only_a, "b": sections.only_b, "rest": sections.rest}
    placed = [g for part in parts.values() for g in part.groups]
    assert sorted(map(id, placed)) == sorted(map(id, story.groups))
    for side, part in parts.items():
        assert all(side_of(g.article_ids, wire, reprint) == side for g in part.groups)
        assert all(side_of((c.article_id for c in v.claims), wire, reprint) == side for v in part.figures)
    assert sum(len(p.figures) for p in parts.values()) == len(story.figures)
    # the wire says about 1,200 displaced, the reprint about 1,500: their conflict is the pair's
    (conflict,) = sections.both.conflicts
    assert conflict.measure == "displaced" and not sections.rest.conflicts


def test_a_pair_that_shares_nothing_has_empty_pair_sections_but_keeps_the_story() -> None:
    story = harbour_story()
    sections = pair_sections(story, "nobody.txt", "nobody-else.txt")
    assert not sections.both and not sections.only_a and not sections.only_b
    assert len(sections.rest.groups) == len(story.groups)


# --- the sidebar on screen --------------------------------------------------------------------


async def test_afp_and_asharq_shared_quote_comes_first_then_each_side_then_the_rest(seeds_story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press(*COMPARE_AFP_ASHARQ, "p")
        sidebar = app.screen.query_one(QuoteSidebar)
        heads = headings(sidebar)
        order = [heads.index(h) for h in ("A and B", "only A (AFP)", "only B (Asharq Al-Awsat)", "rest of the story")]
        assert order == sorted(order)
        assert str(sidebar.options[0].prompt) == "A and B"
        first = sidebar.options[sidebar.highlighted]
        assert section_of(sidebar, first) == "A and B"
        # the pair's shared quote, with each side's fidelity mark and what B changed
        shared = entry(sidebar, "were not met")
        assert section_of(sidebar, shared) == "A and B"
        assert "A = verbatim · B … trimmed" in str(shared.prompt) and "≠ in B: − were" in str(shared.prompt)
        # a quote only Reuters and SMA News carry sits below the rule
        assert section_of(sidebar, entry(sidebar, "seeking to partition Libya")) == "rest of the story"
        # a rule (OptionList draws one under an option added before `None`) above the rest
        rest = next(i for i, o in enumerate(sidebar.options) if str(o.prompt) == "rest of the story")
        assert sidebar.options[rest - 1]._divider
        assert sum(o._divider for o in sidebar.options) == 1


async def test_stepping_b_sorts_the_sidebar_for_the_new_pair(seeds_story) -> None:
    app = make_app(seeds_story)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press(*COMPARE_AFP_ASHARQ, "p")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        sidebar = screen.query_one(QuoteSidebar)
        assert section_of(sidebar, entry(sidebar, "seeking to partition Libya")) == "rest of the story"
        await pilot.press("b")  # B: Asharq Al-Awsat -> Reuters (wraps past AFP)
        assert screen.alignment.b.label == "Reuters"
        assert "only B (Reuters)" in headings(sidebar)
        assert section_of(sidebar, entry(sidebar, "seeking to partition Libya")) == "only B (Reuters)"
        await pilot.press("a")  # A: AFP -> Asharq Al-Awsat; B stays Reuters
        assert screen.alignment.a.label == "Asharq Al-Awsat"
        assert "only A (Asharq Al-Awsat)" in headings(sidebar)


async def test_enter_on_a_pair_entry_jumps_to_its_sentence_in_a() -> None:
    async with harbour_app().run_test(size=(150, 40)) as pilot:
        await pilot.press("space", "space", "c")
        screen = pilot.app.screen
        sidebar = screen.query_one(QuoteSidebar)
        assert sidebar.display
        altered = entry(sidebar, "There is no danger")
        assert section_of(sidebar, altered) == "A and B"
        assert "≠ in B: people's → our children's" in str(altered.prompt)
        sidebar.focus()
        sidebar.highlighted = sidebar.options.index(altered)
        await pilot.press("enter")
        view = screen.query_one(CompareView)
        assert view.has_focus
        wire = screen.alignment.a
        assert "no danger to people's health" in wire.sentences[view.current.a]


async def test_the_pair_conflict_and_its_values_are_flagged() -> None:
    async with harbour_app().run_test(size=(150, 40)) as pilot:
        await pilot.press("space", "space", "c")
        sidebar = pilot.app.screen.query_one(QuoteSidebar)
        conflict = entry(sidebar, "displaced: about 1,200")
        assert section_of(sidebar, conflict) == "A and B" and str(conflict.prompt).startswith("⚠ ")
        assert "about 1,500" in str(conflict.prompt)
        only_a = entry(sidebar, "about 1,200 forced")
        assert section_of(sidebar, only_a) == "only A (NPA)" and str(only_a.prompt).startswith("⚠ ")


def test_pair_first_sidebar_snapshot(snap_compare) -> None:
    """AFP beside Asharq Al-Awsat at 120x40, the sidebar opened with p: A and B first."""
    app = make_app(load_story([str(SEEDS)]))
    assert snap_compare(app, terminal_size=(120, 40), press=[*COMPARE_AFP_ASHARQ, "p"])
