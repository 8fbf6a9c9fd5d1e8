"""Claims across outlets: fidelity labels, one statement per group, qualifier ranges, measures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidebyside.analysis.fidelity import Change, Fidelity, changes, fidelity
from sidebyside.analysis.figure_ledger import (
    RANGES,
    FigureGroup,
    compatible,
    figure_conflicts,
    group_figures,
    measure_key,
    value_range,
)
from sidebyside.analysis.quote_groups import group_quotes
from sidebyside.analysis.story_quotes import analyse_story
from sidebyside.export.wording import conflict_text, fidelity_tag
from sidebyside.model import Article, ArticleQuotes, Figure, Quote

HEALTH = "We are not taking any risks with our people's health"


def article(id_: str, outlet: str, *sentences: str) -> Article:
    return Article(id_, id_, outlet, None, None, None, None, tuple(sentences), tuple(range(len(sentences))))


def result(id_: str, outlet: str, quotes=(), figures=(), sentences=("x",)) -> ArticleQuotes:
    return ArticleQuotes(article(id_, outlet, *sentences), tuple(quotes), tuple(figures))


def q(speaker: str, text: str, kind: str = "direct") -> Quote:
    return Quote(speaker, text, kind, 0)  # type: ignore[arg-type]


# --- fidelity labels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "ref", "ref_kind", "label"),
    [
        (
            "We must never allow political violence.",
            "direct",
            "we must never allow  political violence",
            "direct",
            "verbatim",
        ),
        ("“Libya is on the verge,”", "direct", "Libya is on the verge", "direct", "verbatim"),
        ("not met", "direct", "were not met", "direct", "trimmed"),
        ("were not met", "direct", "conditions were not met", "direct", "trimmed"),
        (HEALTH.replace("people's", "children's"), "direct", HEALTH, "direct", "altered"),
        ("not taking risks with our health", "direct", HEALTH, "direct", "altered"),
        ("there was no risk to residents' health", "indirect", HEALTH, "direct", "reported"),
        ("he had asked for a ceasefire", "indirect", "he had asked for a ceasefire", "direct", "verbatim"),
    ],
)
def test_each_fidelity_label_is_decided_by_the_words(text, kind, ref, ref_kind, label):
    assert fidelity(text, kind, ref, ref_kind) == Fidelity(label)


def test_changes_name_the_words_replaced_dropped_and_added():
    altered = HEALTH.replace("our people's", "our children's")
    assert changes(altered, HEALTH) == (Change("replace", "people's", "children's"),)
    assert changes("not met", "were not met") == (Change("delete", "were", ""),)
    assert changes("they were not met at all", "were not met") == (
        Change("insert", "", "they"),
        Change("insert", "", "at all"),
    )
    assert changes(HEALTH, HEALTH) == ()


def test_fidelity_tags_carry_a_glyph_and_a_word():
    tags = {fidelity_tag(f) for f in Fidelity}
    assert tags == {"= verbatim", "… trimmed", "≠ altered", "≈ reported"}


# --- groups: one statement of one speaker ------------------------------------------------------


def test_an_altered_quote_is_grouped_but_keeps_its_own_words():
    altered = HEALTH.replace("people's", "our children's").replace("our our", "our")
    groups = group_quotes(
        [
            result("01.txt", "AP", [q("Claire Duval", HEALTH)]),
            result("02.txt", "Le Lyon Post", [q("Claire Duval", altered)]),
        ],
        ["Claire Duval"],
    )
    [group] = groups
    wire, reprint = group.carriers
    assert (wire.outlet, wire.text, wire.fidelity) == ("AP", HEALTH, Fidelity.VERBATIM)
    assert (reprint.outlet, reprint.text, reprint.fidelity) == ("Le Lyon Post", altered, Fidelity.ALTERED)
    assert reprint.changes == (Change("replace", "people's", "children's"),)
    assert group.differs and group.carrier_in("02.txt") is reprint
    assert group.differs_between("01.txt", "02.txt") and not group.differs_between("01.txt", "03.txt")


def test_two_statements_sharing_a_phrase_never_share_a_group():
    one = "We want political dialogue with everyone who lays down their arms"
    two = "There can be no political dialogue while the militias hold the capital"
    results = [
        result("a", "AFP", [q("Khalifa Haftar", one), q("Khalifa Haftar", "political dialogue")]),
        result("b", "Asharq", [q("Khalifa Haftar", two), q("Khalifa Haftar", "political dialogue")]),
    ]
    groups = group_quotes(results, ["Khalifa Haftar"])
    for g in groups:
        texts = {c.text for c in g.carriers}
        assert not {one, two} <= texts, texts


def test_a_reported_version_joins_the_direct_quote_it_reports():
    direct = "Libya is on the verge of descending into a civil war which could divide the country for good"
    reported = "Libya was on the verge of descending into a civil war that could divide the country"
    [group] = group_quotes(
        [
            result("a", "Xinhua", [q("Ghassan Salame", direct)]),
            result("b", "AFP", [q("Ghassan Salame", reported, "indirect")]),
        ],
        ["Ghassan Salame"],
    )
    assert group.text == direct and group.kind == "direct"
    assert [c.fidelity for c in group.carriers] == [Fidelity.VERBATIM, Fidelity.REPORTED]


def test_two_reports_of_one_statement_show_their_word_changes():
    wire = "about 1,200 residents had been evacuated from the harbour district overnight"
    reprint = "about 1,500 residents had been evacuated from the harbour district overnight"
    [group] = group_quotes(
        [result("a", "A", [q("Police", wire, "indirect")]), result("b", "B", [q("Police", reprint, "indirect")])],
        [],
    )
    assert [c.fidelity for c in group.carriers] == [Fidelity.VERBATIM, Fidelity.REPORTED]
    assert group.carriers[1].changes == (Change("replace", "1,200", "1,500"),)


def test_a_different_statement_reported_is_its_own_group():
    results = [
        result("a", "A", [q("Claire Duval", HEALTH)]),
        result("b", "B", [q("Claire Duval", "the road would reopen on Monday", "indirect")]),
    ]
    assert len(group_quotes(results, ["Claire Duval"])) == 2


def test_every_carrier_keeps_words_its_own_article_printed():
    one = article("1.txt", "AP", f"“{HEALTH},” Mayor Claire Duval said on Tuesday.")
    two = article(
        "2.txt", "Le Lyon Post", "“We are not taking any risks with our children's health,” Mayor Claire Duval said."
    )
    [group] = [g for g in group_quotes(analyse_story([one, two], ["Claire Duval"]), ["Claire Duval"])]
    by_id = {c.article_id: c for c in group.carriers}
    assert by_id["1.txt"].text in one.sentences[0] and by_id["2.txt"].text in two.sentences[0]
    assert by_id["2.txt"].fidelity is Fidelity.ALTERED


# --- figures: ranges and measures --------------------------------------------------------------

QUALIFIERS = [None, *RANGES]


def value(number: int, qualifier: str | None, outlet: str = "A", measure: str = "evacuated") -> FigureGroup:
    return FigureGroup(measure, number, qualifier, ())


@given(st.integers(1, 10**7), st.sampled_from(QUALIFIERS))
def test_a_value_never_conflicts_with_itself(number, qualifier):
    v = value(number, qualifier)
    assert compatible(v, v)


@given(st.integers(1, 10**7), st.sampled_from(QUALIFIERS), st.floats(0, 1))
def test_a_number_inside_a_range_is_compatible_with_it(number, qualifier, where):
    low, high = value_range(number, qualifier)
    high = min(high, number * 3)
    inside = round(low + (high - low) * where)
    if low <= inside <= high:
        assert compatible(value(number, qualifier), value(inside, None))


@given(st.integers(1, 10**6), st.sampled_from(QUALIFIERS), st.sampled_from(QUALIFIERS))
def test_compatibility_is_symmetric(number, qa, qb):
    a, b = value(number, qa), value(number * 2, qb)
    assert compatible(a, b) == compatible(b, a)


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        ((1200, "about"), (1500, "about"), True),
        ((2400, "over"), (2467, None), False),
        ((460, "over"), (510, "at least"), False),
        ((12, None), (15, None), True),
        ((300, "nearly"), (290, None), False),
        ((40, "at least"), (43, None), False),
        ((40, "up to"), (43, None), True),
        ((10, "more than"), (12, None), False),
    ],
)
def test_qualifiers_make_ranges(a, b, clash):
    assert compatible(value(*a), value(*b)) is not clash


def figure(value_: str, number: int, what: str, sentence: str, qualifier: str | None = None) -> tuple[Figure, str]:
    start = sentence.index(value_)
    return Figure(value_, number, qualifier, what, None, 0, start, start + len(value_)), sentence


def test_place_and_scope_make_different_measures():
    cases = {
        "Twelve people were killed in Elazig province on Friday.": (
            "Twelve",
            12,
            "killed",
            "deaths in Elazig province",
        ),
        "At least 22 people died across the country.": ("22", 22, "died", "deaths"),
        "Three workers were injured, one of them seriously.": ("one", 1, "seriously injured", "wounded (part)"),
        "Rescuers found two more bodies overnight.": ("two", 2, "bodies", "deaths (more)"),
        "It was the worst since 2003, when 22 people died in a sinking.": ("22", 22, "died", "deaths (2003)"),
        "The fire chief said 140 homes had been destroyed.": ("140", 140, "destroyed", "destroyed: homes"),
        "The mayor put the number of homes destroyed at 210.": ("210", 210, "homes destroyed", "destroyed: homes"),
        "Drones destroyed 12 tanks near the border.": ("12", 12, "destroyed", None),  # no home, no building
        "Officials said 300 homes were damaged and 40 were destroyed.": (
            "300",
            300,
            "homes were damaged and 40 were destroyed",
            None,
        ),
        "Fire destroyed 140 holiday homes.": ("140", 140, "destroyed", None),  # some homes, not all
        "The number of homes destroyed or damaged had risen to 600.": ("600", 600, "homes destroyed or damaged", None),
    }
    for sentence, (text, number, what, want) in cases.items():
        f, s = figure(text, number, what, sentence)
        assert measure_key(article("a", "A", s), f) == want, sentence


@pytest.mark.parametrize(
    ("sentence", "value", "what", "source", "want"),
    [
        ("In Portavel, the country's second city, 18,000 marched, organisers said.", "18,000", "marched",
         "organisers", "turnout in Portavel"),
        ("In a statement, police said 62,000 marched.", "62,000", "marched", "police", "turnout"),  # no place
        ("In Portavel, organisers said 250,000 people marched across the country.", "250,000", "marched",
         "organisers", "turnout"),  # the count's own words widen it
        ("A group of about 2,000 marchers broke away.", "2,000", "marchers broke away", None, None),  # nobody's count
        ("About 300 stewards took part, organisers said.", "300", "took part", "organisers", None),  # a group in it
        ("Some 1,500 stewards took part, organisers said.", "1,500", "stewards took part", "organisers", None),
        ("250,000 people had taken part, organisers said.", "250,000", "people had taken part", "organisers",
         "turnout"),
        ("Thirty suspects turned out to be tourists.", "Thirty", "turned out to be tourists", "police", None),
        ("Police said about 3,000 people marched in a counter-protest.", "3,000", "marched", "police", None),
    ],
)  # fmt: skip
def test_a_crowd_is_a_turnout_when_someone_counts_it_in_thousands(sentence, value, what, source, want):
    start = sentence.index(value)
    number = 30 if value == "Thirty" else int(value.replace(",", ""))
    found = Figure(value, number, None, what, source, 0, start, start + len(value))
    assert measure_key(article("a", "A", sentence), found) == want


def test_only_values_that_cannot_all_hold_are_conflicts():
    def res(id_: str, sentence: str, text: str, number: int, qualifier: str | None) -> ArticleQuotes:
        f, s = figure(text, number, "evacuated", sentence, qualifier)
        return ArticleQuotes(article(id_, id_.upper(), s), (), (f,))

    results = [
        res("a", "Officials evacuated about 1,200 residents.", "1,200", 1200, "about"),
        res("b", "Officials evacuated about 1,500 residents.", "1,500", 1500, "about"),
        res("c", "More than 1,000 residents were evacuated.", "1,000", 1000, "more than"),
    ]
    [conflict] = figure_conflicts(results)
    assert [(v.number, v.qualifier) for v in conflict.values] == [(1200, "about"), (1500, "about")]
    assert {v.number for v in group_figures(results)} == {1000, 1200, 1500}  # every figure stays in the ledger
    assert conflict_text(conflict) == "evacuated: about 1,200 (unattributed: A) vs about 1,500 (unattributed: B)"


def test_a_part_is_never_set_against_the_whole():
    sentences = ["Three workers were injured, one of them seriously.", "Four workers were injured in the blast."]
    results = []
    for n, (s, text, number) in enumerate(zip(sentences, ["one", "Four"], [1, 4], strict=True)):
        f, s = figure(text, number, "injured", s)
        results.append(ArticleQuotes(article(str(n), f"O{n}", s), (), (f,)))
    assert figure_conflicts(results) == ()


def test_the_earlier_printing_is_the_reference_of_an_altered_quote():
    original = "There is no danger to people's health at this moment"
    altered = "There is no danger to our children's health at this moment"  # a word longer
    first = Article("1.txt", "1.txt", "Daily A", None, None, None, "2025-03-12", ("x",), (0,))
    later = Article("2.txt", "2.txt", "Daily B", None, None, None, "2025-03-13", ("x",), (0,))
    [group] = group_quotes(
        [ArticleQuotes(later, (q("Ingrid Solheim", altered),)), ArticleQuotes(first, (q("Ingrid Solheim", original),))],
        ["Ingrid Solheim"],
    )
    assert group.text == original
    assert {c.outlet: c.fidelity for c in group.carriers} == {"Daily A": Fidelity.VERBATIM, "Daily B": Fidelity.ALTERED}


def test_a_cut_quote_is_trimmed_never_the_full_one_altered():
    full = "The fire is contained, but it is not under control, and we expect it to burn well into the morning"
    cut = "The fire is contained, but it is not under control"
    first = Article("1.txt", "1.txt", "Herald", None, None, None, "2025-03-12", ("x",), (0,))
    later = Article("2.txt", "2.txt", "AP", None, None, None, "2025-03-13", ("x",), (0,))
    [group] = group_quotes(
        [ArticleQuotes(first, (q("Tor Aasen", cut),)), ArticleQuotes(later, (q("Tor Aasen", full),))], ["Tor Aasen"]
    )
    assert group.text == full
    assert {c.outlet: c.fidelity for c in group.carriers} == {"Herald": Fidelity.TRIMMED, "AP": Fidelity.VERBATIM}
