"""Sentence segmentation of clean body paragraphs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.ingest.segment import CHUNK, sentences_of, split_sentences


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            "The U.N. envoy arrived on Aug. 14 and met Gen. Haftar. He left the next day.",
            ["The U.N. envoy arrived on Aug. 14 and met Gen. Haftar.", "He left the next day."],
        ),
        (
            "Mr. Smith and Dr. Jones visited St. Louis on Monday. They flew home on Tuesday.",
            ["Mr. Smith and Dr. Jones visited St. Louis on Monday.", "They flew home on Tuesday."],
        ),
        (
            "Sen. Warren and Gov. Newsom spoke first. Lt. Col. Ortiz spoke last.",
            ["Sen. Warren and Gov. Newsom spoke first.", "Lt. Col. Ortiz spoke last."],
        ),
        (
            "The vote is set for Jan. 5 in the capital. It could slip to Sept. 3.",
            ["The vote is set for Jan. 5 in the capital.", "It could slip to Sept. 3."],
        ),
        (
            "The U.S. said it would act. The U.K. agreed on Friday.",
            ["The U.S. said it would act.", "The U.K. agreed on Friday."],
        ),
        (
            "The report was written by J. R. Hartley and A. N. Other. It runs to 400 pages.",
            ["The report was written by J. R. Hartley and A. N. Other.", "It runs to 400 pages."],
        ),
    ],
    ids=["un-aug-gen", "mr-dr-st", "titles", "months", "countries", "initials"],
)
def test_abbreviations_and_initials_do_not_end_sentences(paragraph: str, sentences: list[str]) -> None:
    assert sentences_of(paragraph) == sentences


def test_decimals_and_money_do_not_end_sentences() -> None:
    assert sentences_of("Prices rose 3.5 percent to $1.25 billion in 2023. Analysts were surprised.") == [
        "Prices rose 3.5 percent to $1.25 billion in 2023.",
        "Analysts were surprised.",
    ]


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ('He called it "a disaster." Then he left.', ['He called it "a disaster."', "Then he left."]),
        ("“The war must end.” That was his message.", ["“The war must end.”", "That was his message."]),
        ("She asked: “Who pays?” Nobody answered.", ["She asked: “Who pays?”", "Nobody answered."]),
    ],
)
def test_a_quote_ending_inside_the_marks_ends_the_sentence(paragraph: str, sentences: list[str]) -> None:
    assert sentences_of(paragraph) == sentences


@pytest.mark.parametrize(
    "paragraph",
    [
        (
            "“Of course, the political solution is still the goal. But to get back to politics, we must first "
            "finish with militias,” Haftar told the newspaper."
        ),
        '"We will not stop. We will fight to the end. Nobody will stop us," Haftar said on Sunday.',
        "“Libya is on the verge of a civil war. The damage will take years to mend,” Salame told the council.",
    ],
)
def test_a_multi_sentence_quote_stays_with_its_attribution(paragraph: str) -> None:
    assert sentences_of(paragraph) == [paragraph]


def test_an_opening_quote_mark_moves_to_the_sentence_it_opens() -> None:
    paragraph = "“We have never seen water rise this fast,” Ferrante said. “Whole streets disappeared in an hour."
    assert sentences_of(paragraph) == [
        "“We have never seen water rise this fast,” Ferrante said.",
        "“Whole streets disappeared in an hour.",
    ]


def test_paragraphs_are_hard_boundaries() -> None:
    sentences, owners = split_sentences(["The talks ended without a deal", "The minister said. And left"])
    assert sentences == ("The talks ended without a deal", "The minister said.", "And left")
    assert owners == (0, 1, 1)


def test_a_paragraph_without_punctuation_is_one_sentence() -> None:
    assert sentences_of("officials say army is on the way") == ["officials say army is on the way"]


def test_empty_and_blank_paragraphs_give_no_sentences() -> None:
    assert split_sentences(["", "   "]) == ((), ())


def test_very_long_single_line_is_chunked_without_error() -> None:
    sentence = "The minister said the bridge would reopen next week after repairs costing 3.5 million euros. "
    paragraph = sentence * (3 * CHUNK // len(sentence) + 5)
    sentences = sentences_of(paragraph)
    assert len(sentences) == paragraph.count(". ")
    assert set(sentences) == {sentence.strip()}


def test_very_long_line_without_any_full_stop_is_cut_at_spaces() -> None:
    paragraph = " ".join(["word"] * (CHUNK // 2))
    sentences = sentences_of(paragraph)
    assert "".join(sentences).replace(" ", "") == paragraph.replace(" ", "")
    assert all(len(s) <= CHUNK for s in sentences)


# --- properties -----------------------------------------------------------------------

TOKENS = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "U.N.",
        "Gen.",
        "Aug.",
        "14",
        "3.5",
        "Mr.",
        "St.",
        "J.",
        "“We",
        "go,”",
        'he"',
        "left.",
        "Why?",
        "Now!",
        "“",
        "”",
        '"',
        "'",
        "(AP)",
        "...",
        "—",
        "a.m.",
        "Inc.",
        "Dr.",
        "al-Serraj",
        "é",
    ]
)
PARAGRAPH = st.lists(TOKENS, min_size=0, max_size=60).map(" ".join)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=400, deadline=None)
@given(PARAGRAPH)
def test_segmentation_loses_no_characters_and_makes_no_empty_sentences(paragraph: str) -> None:
    sentences = sentences_of(paragraph)
    assert squash("".join(sentences)) == squash(paragraph)
    assert all(s and s == s.strip() for s in sentences)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_segmentation_of_any_text_loses_no_characters(paragraph: str) -> None:
    sentences = sentences_of(paragraph)
    assert squash("".join(sentences)) == squash(paragraph)
    assert all(s.strip() for s in sentences)


@settings(max_examples=100, deadline=None)
@given(st.lists(PARAGRAPH, max_size=6))
def test_split_sentences_owners_follow_paragraph_order(paragraphs: list[str]) -> None:
    sentences, owners = split_sentences(paragraphs)
    assert len(sentences) == len(owners)
    assert list(owners) == sorted(owners)
    for number, paragraph in enumerate(paragraphs):
        mine = [s for s, o in zip(sentences, owners, strict=True) if o == number]
        assert squash("".join(mine)) == squash(paragraph)
