"""The plain logic behind `/`, `y` and `e`: finding a phrase, the text copied, file names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sidebyside.analysis.align import align
from sidebyside.analysis.story_quotes import story_quotes
from sidebyside.tui.clip import entry_text, row_text
from sidebyside.tui.find import find, matches
from sidebyside.tui.saving import suggest_name

WORDS = st.sampled_from(["Haftar", "ceasefire", "Tripoli", "said", "the", "talks", "Macron's", "“not met”"])
TEXTS = st.lists(st.lists(WORDS, max_size=6).map(" ".join), max_size=12)


# --- find ------------------------------------------------------------------------------


def test_phrase_found_whatever_the_case_quotes_dashes_and_spacing():
    items = [("He said nothing.",), ("Conditions were “not met”  —  Haftar",), ("HAFTAR again",)]
    assert matches(items, "haftar") == [1, 2]
    assert matches(items, '"NOT MET" - haftar') == [1]
    assert matches(items, "   ") == []


def test_a_phrase_is_found_inside_one_text_never_across_two():
    items = [("the end", "of the story"), ("the end of the story",)]
    assert matches(items, "end of") == [1]


def test_search_goes_forward_from_the_cursor_and_wraps_to_the_top():
    items = [("x",), ("a x",), ("b",), ("x c",)]
    hit = find(items, "x", cursor=1)
    assert (hit.index, hit.number, hit.total, hit.wrapped) == (3, 3, 3, False)
    hit = find(items, "x", cursor=3)
    assert (hit.index, hit.number, hit.wrapped) == (0, 1, True)
    assert str(hit) == "match 1 of 3 (from the top)"
    back = find(items, "x", cursor=0, step=-1)
    assert (back.index, back.wrapped, str(back)) == (3, True, "match 3 of 3 (from the bottom)")
    assert find(items, "nowhere", cursor=0) is None


@given(TEXTS, WORDS, st.integers(-1, 12), st.sampled_from([1, -1]))
def test_find_lands_on_the_nearest_match_in_its_direction(texts, phrase, cursor, step):
    items = [(t,) for t in texts]
    found = matches(items, phrase)
    hit = find(items, phrase, cursor, step)
    if not found:
        assert hit is None
        return
    assert hit is not None
    assert hit.index in found and hit.total == len(found) and found[hit.number - 1] == hit.index
    # Nothing matches strictly between the cursor and the hit, going the search's way round.
    between = [i for i in found if (cursor < i < hit.index if step == 1 else hit.index < i < cursor)]
    if not hit.wrapped:
        assert between == []
        assert (hit.index > cursor) if step == 1 else (hit.index < cursor)
    else:
        assert all(i <= cursor for i in found) if step == 1 else all(i >= cursor for i in found)


@given(TEXTS, WORDS)
def test_case_never_decides_a_match(texts, phrase):
    items = [(t,) for t in texts]
    assert matches(items, phrase.upper()) == matches(items, phrase.lower()) == matches(items, phrase)


# --- what y copies ---------------------------------------------------------------------


def test_a_compare_row_is_copied_with_both_outlets_and_sentence_numbers(seeds_story):
    afp, asharq = seeds_story.articles[3], seeds_story.articles[4]
    al = align(afp, asharq)
    paired = next(r for r in al.rows if r.a is not None and r.b is not None)
    assert row_text(al, paired) == (
        f"AFP, sentence {paired.a + 1}: {afp.sentences[paired.a]}\n"
        f"Asharq Al-Awsat, sentence {paired.b + 1}: {asharq.sentences[paired.b]}"
    )
    lonely = next(r for r in al.rows if r.b is None)
    assert row_text(al, lonely).splitlines()[1] == "Asharq Al-Awsat: no counterpart"


def test_a_quote_is_copied_with_its_speaker_and_each_outlets_own_words(seeds_story):
    story = story_quotes(seeds_story.articles, ["Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame"])
    group = next(g for g in story.groups if len(g.carriers) > 1)
    lines = entry_text(group).splitlines()
    assert len(lines) == len(group.carriers)
    for line, carrier in zip(lines, group.carriers, strict=True):
        assert line.startswith(group.speaker)
        assert carrier.text in line and f"({carrier.outlet}, sentence {carrier.sentence + 1})" in line
    figure = story.figures[0]
    claim = figure.claims[0]
    first = entry_text(figure).splitlines()[0]
    assert claim.value in first and first.endswith(f"({claim.outlet}, sentence {claim.sentence + 1})")


# --- file names for e --------------------------------------------------------------------


def test_suggested_names_are_plain_file_names_in_the_current_folder():
    assert suggest_name("compare", "AFP", "Asharq Al-Awsat") == "compare-afp-asharq-al-awsat.md"
    assert suggest_name("report", "../up/../", "a/b c") == "report-up-a-b-c.md"
