"""Figures: counts with qualifier, what they count, who gave them -- and what is not a count."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.analysis.figures import candidates, extract_figures, measure_of, number_of
from sidebyside.analysis.speakers import Watchlist
from sidebyside.model import Article, Figure

from conftest import make_article

LIBYA = Watchlist.of(None)


article = make_article


def figures(*paragraphs: str | list[str]) -> list[Figure]:
    return list(extract_figures(article(*paragraphs), LIBYA))


def values(text: str) -> list[str]:
    return [c.value for c in candidates(text)]


def test_count_with_qualifier_and_what():
    [f, g, h] = figures(
        "The fighting has killed at least 510 people, "
        "forced 75,000 out of their homes and trapped thousands of migrants."
    )
    assert (f.value, f.number, f.qualifier, f.what) == ("510", 510, "at least", "killed")
    assert (g.value, g.number, g.qualifier, g.what) == ("75,000", 75000, None, "forced out of their homes")
    assert (h.value, h.number, h.what) == ("thousands", None, "trapped")


@pytest.mark.parametrize(
    ("text", "qualifier", "what"),
    [
        ("Over 460 dead were counted.", "over", "dead"),
        ("More than 75,000 people have fled their homes.", "more than", "fled their homes"),
        ("Nearly 2,400 injured were treated.", "nearly", "injured"),
        ("Some 100,000 are trapped by the conflict.", "some", "trapped"),
        ("About 36,000 people have been displaced.", "about", "displaced"),
        ("The death toll stood at 510 on Sunday.", None, "death toll"),
        ("The toll has risen to 17.", None, "toll"),
        ("On Monday evening the ministry had put the number of injured at 230.", None, "injured"),
        ("Officials put the number of displaced people at about 8,500.", "about", "displaced people"),
        ("The number of people injured rose to more than 300.", "more than", "people injured"),
        ("The number of people killed has risen to 41.", None, "people killed"),
    ],
)
def test_qualifiers_and_measures(text: str, qualifier: str | None, what: str):
    [f] = figures(text)
    assert (f.qualifier, f.what) == (qualifier, what)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The number of injured still in hospital stood at 40.", None),  # a part of the injured
        ("The number of people killed on the country's roads last year was 1,200.", None),  # another count
        ("The health ministry put the number of dead at 12 and the number of injured at 40.", "injured"),
    ],
)
def test_the_number_of_counts_what_it_names_only_when_nothing_stands_between(text: str, what: str | None):
    assert figures(text)[-1].what == what


def test_of_them_inherits_what_the_whole_counts():
    fs = figures("Over 460 dead, 29 of them civilians; over 2,400 injured.")
    assert [(f.value, f.what) for f in fs] == [("460", "dead"), ("29", "civilians dead"), ("2,400", "injured")]
    assert measure_of(fs[1].what) == "deaths: civilians"


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("two", 2),
        ("Fifteen", 15),
        ("twenty-nine", 29),
        ("a dozen", 12),
        ("1.2 million", 1_200_000),
        ("three hundred", 300),
        ("2,467", 2467),
        ("tens of thousands", None),
        ("hundreds", None),
        ("Thousands", None),
    ],
)
def test_number_words(value: str, number: int | None):
    assert number_of(value) == number


def test_number_words_are_found():
    assert values("Tens of thousands have been displaced and two civilians were killed.") == [
        "Tens of thousands",
        "two",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2011 and spread in 2014.",  # years
        "The offensive started on April 4 and on 21 May.",  # dates
        "In this Aug. 14, 2017 file photo the general meets Lavrov.",  # date with year
        "They met at 10:30 and again at 3 p.m.",  # times
        "We waited until five in the morning.",  # time of day
        "A 45-year-old man and Paolo Greco, 52, a baker, were rescued.",  # ages
        "The 21st brigade took the 3rd district.",  # ordinals
        "They met for two weeks and talked for three hours.",  # durations
        "Damage could exceed 2 billion euros or $300 million.",  # money
        "Turnout was 71 percent, up 5%.",  # percentages
        "Some 300 millimetres of rain fell within 40 km of the city.",  # measurements
        "France 24 reported that Resolution 2259 applied.",  # labels
        "The mistrust between the two Libyans is stronger than ever.",  # a reference, not a count
        "The magnitude 7.1 quake struck; the score was 3-2.",  # decimals, scores
        "A 48-hour strike and a two-day walkout.",  # compound adjectives
    ],
)
def test_not_counts(text: str):
    assert values(text) == []


def test_a_watched_person_in_a_reported_speech_paragraph():
    fs = figures(
        "“Libya is on the verge of civil war,” Ghassan Salame told the Security Council.",
        [
            "The risks are clear: over 460 dead; over 75,000 people forced from their homes.",
            "Over half of the displaced are women and children, said Salame.",
        ],
        "Aid groups estimate that over 100,000 remain trapped, he said.",
    )
    assert [(f.value, f.attributed_to) for f in fs] == [
        ("460", "Ghassan Salame"),
        ("75,000", "Ghassan Salame"),
        ("100,000", "Ghassan Salame"),
    ]


def test_a_body_according_to():
    fs = figures(
        "The fighting has killed 510 people and wounded 2,467, "
        "according to the latest toll from the World Health Organization."
    )
    assert [f.attributed_to for f in fs] == ["World Health Organization"] * 2


def test_according_to_covers_only_its_clause():
    fs = figures("More than 75,000 people have fled, according to the United Nations, while 100,000 are trapped.")
    assert [(f.value, f.attributed_to) for f in fs] == [("75,000", "United Nations"), ("100,000", None)]


def test_nobody_gave_it():
    [f] = figures("Eight people remain missing.")
    assert (f.number, f.what, f.attributed_to) == (8, "missing", None)


def test_inside_a_quote_the_quoted_speaker_gave_it():
    [f] = figures("“We counted 300 bodies,” the official said.")
    assert (f.number, f.attributed_to) == (300, "the official")


def test_measure_classes():
    assert measure_of("killed") == measure_of("death toll") == measure_of("dead") == "deaths"
    assert measure_of("injured") == measure_of("wounded") == "wounded"
    assert measure_of("forced out of their homes") == measure_of("fled their homes") == "displaced"
    assert measure_of("displaced or trapped") is None  # mixed: not comparable
    assert measure_of("people") is None
    assert measure_of("marched") == measure_of("people had taken part") == measure_of("marchers") == "turnout"
    assert measure_of("taking part in the search operation") is None  # helicopters searching are no crowd
    assert measure_of("pensioners had been defrauded") == measure_of("pensioners were cheated") == "defrauded"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.sampled_from(
                [
                    "over 460 dead",
                    "at least 2,400",
                    "tens of thousands",
                    "April 4",
                    "2011",
                    "$5 million",
                    "two",
                    "Fifteen",
                    ", said Salame.",
                    "according to the WHO",
                    "“",
                    "”",
                    "killed",
                    "of them civilians",
                    "1.5 million",
                ]
            ),
        ).map(" ".join),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_no_exception_and_values_are_their_slice(sentences: list[str]):
    a = Article("x", "x", None, None, None, None, None, tuple(sentences), tuple(range(len(sentences))))
    for f in extract_figures(a, LIBYA):
        assert a.sentences[f.sentence][f.start : f.end] == f.value
        assert f.number is None or isinstance(f.number, int)


def test_a_number_hundreds_of_digits_long_is_a_count_without_a_value():
    [f] = figures("He said " + "1" * 400 + " people died.")
    assert f.number is None
    assert figures("Smith, " + "1" * 5000 + ", said the talks failed.")  # no int() of 5000 digits
