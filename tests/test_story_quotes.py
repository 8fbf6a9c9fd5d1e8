"""Across outlets: one entry per quote, figure conflicts, and the hand-made reference sets."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidebyside.analysis.figure_ledger import figure_day
from sidebyside.analysis.speakers import Watchlist
from sidebyside.analysis.story_quotes import (
    analyse_story,
    figure_conflicts,
    group_quotes,
    story_quotes,
    summarise,
)
from sidebyside.ingest.story import load_story
from sidebyside.model import Article, ArticleQuotes, Figure, Quote

DATA = Path(__file__).parent / "data"
LIBYA = Watchlist.of(None)


def article(id_: str, outlet: str, *sentences: str) -> Article:
    return Article(id_, id_, outlet, None, None, None, None, tuple(sentences), tuple(range(len(sentences))))


def result(id_: str, outlet: str, quotes=(), figures=()) -> ArticleQuotes:
    return ArticleQuotes(article(id_, outlet, "x"), tuple(quotes), tuple(figures))


def q(speaker: str, text: str, kind: str = "direct") -> Quote:
    return Quote(speaker, text, kind, 0)  # type: ignore[arg-type]


def fig(number: int, what: str, source: str | None) -> Figure:
    return Figure(f"{number:,}", number, None, what, source, 0)


def test_same_quote_in_full_or_in_part_is_one_entry_listing_every_outlet():
    results = [
        result("a", "AFP", [q("Khalifa Haftar", "were not met"), q("Khalifa Haftar", "political dialogue")]),
        result("b", "Asharq Al-Awsat", [q("Khalifa Haftar", "not met"), q("Khalifa Haftar", "political dialogue")]),
        result("c", "Reuters", [q("Khalifa Haftar", "“Political dialogue.”")]),
    ]
    groups = group_quotes(results, LIBYA.names)
    assert [(g.text, g.outlets) for g in groups] == [
        ("were not met", ("AFP", "Asharq Al-Awsat")),
        ("political dialogue", ("AFP", "Asharq Al-Awsat", "Reuters")),
    ]


def test_different_speakers_are_different_entries_but_flagged():
    results = [
        result("a", "AFP", [q("the official", "The distrust is stronger than ever")]),
        result("b", "SMA", [q("Emmanuel Macron", "The distrust is stronger than ever today")]),
    ]
    groups = group_quotes(results, LIBYA.names)
    assert [g.speaker for g in groups] == ["Emmanuel Macron", "the official"]
    assert groups[0].also_attributed_to == ("the official",)


@pytest.mark.parametrize(
    ("short", "joins"),
    [("met", False), ("not met", True), ("conditions were not met.", True), ("the war could spread", False)],
)
def test_one_word_in_common_is_not_the_same_quote(short: str, joins: bool):
    results = [
        result("a", "A", [q("Khalifa Haftar", "conditions were not met")]),
        result("b", "B", [q("Khalifa Haftar", short)]),
    ]
    assert (len(group_quotes(results, LIBYA.names)) == 1) is joins


def test_conflicting_figures_side_by_side():
    results = [
        result("002", "Xinhua", figures=[fig(460, "dead", "Ghassan Salame"), fig(2400, "injured", "Ghassan Salame")]),
        result(
            "003",
            "AFP",
            figures=[
                fig(510, "killed", "World Health Organization"),
                fig(2467, "wounded", "World Health Organization"),
            ],
        ),
        result("000", "Reuters", figures=[fig(510, "killed", None), fig(75000, "forced out of their homes", None)]),
        result("004", "Asharq", figures=[fig(75000, "fled their homes", "United Nations")]),
    ]
    conflicts = {c.measure: c for c in figure_conflicts(results)}
    assert set(conflicts) == {"deaths", "wounded"}  # 75,000 displaced agree
    low, high = conflicts["deaths"].values
    assert (low.number, low.sources, low.outlets) == (460, ("Ghassan Salame",), ("Xinhua",))
    assert (high.number, high.sources, high.outlets) == (510, ("World Health Organization", None), ("AFP", "Reuters"))


def test_a_part_is_not_set_against_the_whole():
    results = [
        result("a", "A", figures=[fig(460, "dead", None)]),
        result("b", "B", figures=[fig(29, "civilians dead", None)]),
    ]
    assert figure_conflicts(results) == ()


def test_one_article_telling_a_rising_toll_is_not_a_conflict():
    results = [result("a", "A", figures=[fig(400, "dead", None), fig(510, "dead", None)])]
    assert figure_conflicts(results) == ()


def dated(id_: str, date: str | None, *figures: Figure) -> ArticleQuotes:
    """An article of outlet `id_` published on `date` (ISO), printing `figures`."""
    return ArticleQuotes(replace(article(id_, id_, "x"), date=date), (), figures)


def test_a_toll_printed_higher_a_day_later_is_the_toll_updated():
    sunday = dated("wire", "2024-09-15", fig(3, "killed", "health department"))
    tuesday = dated("radio", "2024-09-17", fig(4, "died", "the minister"))
    assert figure_conflicts([sunday, tuesday]) == ()
    # The same toll printed lower a day later is a rival figure, whichever order they come in.
    earlier = dated("wire", "2024-09-15", fig(4, "killed", "health department"))
    later = dated("radio", "2024-09-17", fig(3, "died", "the minister"))
    assert [c.measure for c in figure_conflicts([later, earlier])] == ["deaths"]


@pytest.mark.parametrize(
    ("low_dates", "high_dates", "conflict"),
    [
        (["2024-05-16"], ["2024-05-16"], True),  # one day: no order to read
        (["2024-05-16"], [None], True),  # a higher toll of unknown date may be the older one
        ([None], ["2024-05-17"], True),  # nothing dated says the lower toll came first
        ([None, "2024-05-16"], ["2024-05-17"], False),  # undated copies of the lower toll tell nothing
        (["2024-05-16", "2024-05-18"], ["2024-05-17"], True),  # printed lower again after the higher toll
        (["2024-05-16"], ["2024-05-17", "2024-05-18"], False),
    ],
)
def test_only_dates_in_order_make_a_rising_toll_an_update(low_dates, high_dates, conflict):
    results = [dated(f"low{n}", d, fig(15, "dead", None)) for n, d in enumerate(low_dates)]
    results += [dated(f"high{n}", d, fig(17, "dead", None)) for n, d in enumerate(high_dates)]
    assert bool(figure_conflicts(results)) is conflict


def test_a_later_article_giving_an_earlier_days_figure_still_conflicts():
    monday = "The Health Ministry said on Monday evening that 180 people had been injured."
    wire = ArticleQuotes(
        replace(article("wire", "Wire", monday), date="2025-03-03"), (), (fig(180, "injured", "the Health Ministry"),)
    )
    tuesday = (
        "On Monday evening the ministry had put the number of injured at 230.",
        "The ministry said 310 people were now being treated for injuries.",
    )
    radio = ArticleQuotes(
        replace(article("radio", "Radio", *tuesday), date="2025-03-04"),
        (),
        (
            Figure("230", 230, None, "injured", "the ministry", 0),
            Figure("310", 310, None, "treated for injuries", "the ministry", 1),
        ),
    )
    [conflict] = figure_conflicts([wire, radio])
    assert [v.number for v in conflict.values] == [180, 230]  # 310 on Tuesday is the toll updated


@pytest.mark.parametrize(
    ("published", "sentence", "day"),
    [
        ("2025-03-04", "The toll rose to 41.", "2025-03-04"),  # no weekday: the article's date
        ("2025-03-04", "On Monday evening the ministry put it at 230.", "2025-03-03"),  # a Tuesday's paper
        ("2025-03-04", "Officials said on Tuesday that 41 had died.", "2025-03-04"),
        ("2025-03-04", "Officials said Saturday that 20 had died.", "2025-03-01"),  # the last Saturday before
        ("2025-03-04", "More than 170 aftershocks have struck since Monday.", "2025-03-04"),  # a stretch, not a day
        ("2025-03-04", "Monday's toll rose to 41, officials said on Tuesday.", "2025-03-04"),  # names the quake
        ("2025-03-04", "It rose between Monday and Tuesday.", "2025-03-04"),  # no weekday dates the statement
        ("2025-03-04", "Officials said Monday that 40 had died and said Tuesday that 41 had.", None),  # two days
        ("2025-03-11", "The earthquake, which struck on Sunday, has killed 41, officials said.", "2025-03-11"),
        ("2025-03-05", "Since Monday, 41 people have been arrested, police said.", "2025-03-05"),
        ("2025-03-04", "Police told reporters on Monday that 12 had been arrested.", "2025-03-03"),
        ("2025-03-12", "Officials on Monday said 30 people had died.", "2025-03-10"),
        ("2025-03-11", "Monday night's earthquake has killed 41 people, officials said.", "2025-03-11"),  # the event
        (None, "On Monday 12 died.", None),
        ("March 2025", "On Monday 12 died.", None),  # not an ISO date
    ],
)
def test_a_figure_is_given_for_its_articles_day_or_the_weekday_it_names(published, sentence, day):
    assert figure_day(replace(article("a", "A", sentence), date=published), 0) == day


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (("14", "by late afternoon"), ("20", "by the evening"), False),  # a running count, later higher
        (("20", "by late afternoon"), ("14", "by the evening"), True),  # later lower
        (("14", "by the evening"), ("20", "by the evening"), True),  # one part of one day
        (("14", ""), ("20", ""), True),  # one day
        (("14", "by the evening"), ("20", "tonight"), False),
        (("14", "by the evening"), ("20", "since Monday night"), True),  # a stretch, not a time of day
    ],
)
def test_parts_of_a_day_order_a_running_count(first, second, conflict):
    def said(id_: str, number: str, when: str) -> ArticleQuotes:
        sentence = f"Police said {number} people had been arrested {when}.".replace("  ", " ")
        art = replace(article(id_, id_.title(), sentence), date="2025-11-06")
        return ArticleQuotes(art, (), (Figure(number, int(number), None, "arrested", "police", 0),))

    assert bool(figure_conflicts([said("wire", *first), said("tv", *second)])) is conflict


def test_organisers_and_police_counting_one_march_conflict_but_another_city_does_not():
    wire = ArticleQuotes(
        article("wire", "Wire", "x"),
        (),
        (fig(250000, "people had taken part", "Rui Valente"), fig(62000, "marchers", "police")),
    )
    daily = ArticleQuotes(
        article("daily", "Daily", "In Portavel, the country's second city, 18,000 marched according to organisers."),
        (),
        (Figure("18,000", 18000, None, "marched", "organisers", 0, 40, 46),),
    )
    [conflict] = figure_conflicts([wire, daily])
    assert (conflict.measure, [v.number for v in conflict.values]) == ("turnout", [62000, 250000])


@pytest.mark.parametrize("what", ["missing", "trapped", "trains cancelled"])
def test_counts_that_can_fall_still_conflict_across_days(what: str):
    results = [dated("a", "2024-05-16", fig(8, what, None)), dated("b", "2024-05-17", fig(9, what, None))]
    assert len(figure_conflicts(results)) == 1


@given(
    st.sampled_from(["dead", "injured", "displaced", "evacuated", "arrested", "civilians killed"]),
    st.integers(1, 10**6),
    st.integers(1, 10**6),
    st.booleans(),
)
def test_a_rising_toll_conflicts_exactly_when_the_later_article_prints_less(what, first, second, shuffle):
    earlier = dated("a", "2024-01-01", fig(first, what, "officials"))
    later = dated("b", "2024-01-02", fig(second, what, "officials"))
    results = [later, earlier] if shuffle else [earlier, later]
    assert bool(figure_conflicts(results)) is (second < first)


def test_a_rising_toll_in_a_real_story_is_not_flagged():
    # Three dead on the 15th (the Highveld Times; the undated wire too), "four workers have
    # now died, one more than previously reported" on the 16th (Metro Radio News).
    story = load_story([str(DATA / "mine_collapse")])
    summary = story_quotes(story.articles)
    deaths = {v.number: {c.outlet for c in v.claims} for v in summary.figures if v.measure == "deaths"}
    assert deaths == {3: {"Southern Wire", "The Highveld Times"}, 4: {"Metro Radio News"}}
    assert [c.measure for c in summary.conflicts] == []


def test_roles_are_learnt_across_the_story():
    one = article("1", "Xinhua", "“War is near,” Ghassan Salame, the UN special representative for Libya, said.")
    two = article("2", "AFP", 'The U.N. envoy for Libya warned Tuesday the battle was "just the start of a long war".')
    results = analyse_story([one, two], LIBYA)
    assert [x.speaker for x in results[1].quotes] == ["Ghassan Salame"]


def test_story_summary_of_the_seeds():
    story = load_story([str(Path(__file__).parents[1] / "seeds")])
    summary = story_quotes(story.articles)
    haftar = {g.text: g.outlets for g in summary.groups_for("Khalifa Haftar")}
    assert haftar["political dialogue"] == ("AFP", "Asharq Al-Awsat")
    # "over 460" (Salame) and "at least 510" (WHO) can both hold: in the ledger, not in conflict.
    assert summary.conflicts == ()
    deaths = {(v.qualifier, v.number) for v in summary.figures if v.measure == "deaths"}
    assert deaths == {("over", 460), ("at least", 510), (None, 510)}
    assert any("003_4d220cef3e03f249.txt" in g.article_ids for g in summary.groups)


# ------------------------------------------------------------------ the reference sets in tests/data
# The matching rules below mirror the acceptance scorer (shared/acceptance/score.py).


def _norm(text: str | None) -> str:
    text = (text or "").translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})).lower()
    return re.sub(r"\s+", " ", text).strip().strip(" \"'.,;:")


def _match(gold: str, got: str) -> bool:
    g, x = _norm(gold), _norm(got)
    if not g or not x:
        return False
    if g in x and len(x) <= 3 * len(g) + 40:
        return True
    if x in g and len(x) >= 0.5 * len(g):
        return True
    return SequenceMatcher(None, g, x).ratio() >= 0.8


def _digits(value) -> str:
    return re.sub(r"\D", "", str(value or ""))


#: Stories whose quotes and figures the rules were tuned on (see the closing notes); the
#: stories written later for claims across outlets are scored on claims in test_claims_gold.py.
TUNED = ("mine_collapse", "rail_strike", "valdoria_floods")


@pytest.mark.parametrize("folder", TUNED)
def test_reference_set(folder: str):
    gold = json.loads((DATA / folder / "gold.json").read_text(encoding="utf-8"))
    story = load_story([str(DATA / folder / name) for name in gold["articles"]])
    speakers = list(gold["speakers"])
    got = {r.article.id: r for r in summarise(analyse_story(story.articles, speakers), speakers).results}
    found = required = matched = given = 0
    for aid, g in gold["articles"].items():
        quotes = got[aid].quotes
        for ref in g["quotes"]:
            if not ref.get("optional"):
                required += 1
                found += any(x.speaker == ref["speaker"] and _match(ref["text"], x.text) for x in quotes)
        for x in quotes:
            if x.speaker in speakers:
                given += 1
                matched += any(x.speaker == ref["speaker"] and _match(ref["text"], x.text) for ref in g["quotes"])
        for bad in g.get("not_speaker", []):
            assert not any(x.speaker == bad["speaker"] and _match(bad["text"], x.text) for x in quotes), (aid, bad)
        for ref in g.get("figures", []):
            same = [
                f
                for f in got[aid].figures
                if (
                    _digits(f.value) == _digits(ref["value"])
                    if _digits(ref["value"])
                    else f.number == ref.get("number")
                )
            ]
            assert same, (aid, ref)
            if ref["attributed_to"] in speakers:
                assert any(f.attributed_to == ref["attributed_to"] for f in same), (aid, ref)
            elif ref["attributed_to"]:
                assert any(_norm(ref["attributed_to"]) in _norm(f.attributed_to) for f in same), (aid, ref)
    assert found / required >= 0.95 and matched / max(given, 1) >= 0.95


def test_a_part_seen_before_the_whole_is_still_grouped():
    results = [
        result("a", "A", [q("Khalifa Haftar", "not met")]),
        result("b", "B", [q("Khalifa Haftar", "conditions were not met to reach a ceasefire")]),
    ]
    [group] = group_quotes(results, LIBYA.names)
    assert group.outlets == ("A", "B") and group.text == "conditions were not met to reach a ceasefire"
