"""Pages of sites the cleaner was never tuned on (issue #11, part 3).

The fixtures under tests/data/pages/ were written for these tests in the shapes real
sites give a plain scraper: one line per block, blank lines between, menus, captions,
share bars, comment threads and teaser lists included. Each rule has a case here that
fails when the rule breaks, and the body finder has property tests for its invariants.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.ingest.boilerplate import best_run, densest_body
from sidebyside.ingest.clean import clean
from sidebyside.ingest.lines import is_caption, is_credit, is_hard_end, is_picture_credit, word_count
from sidebyside.ingest.meta import Meta, detect
from sidebyside.ingest.story import detect_article

PAGES = Path(__file__).parent / "data" / "pages"


# --- whole pages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "first", "last", "title", "byline", "dateline"),
    [
        (
            "nav_menu.txt",
            "A railway bridge in the town centre",
            "at reduced speed while inspections continued.",
            "Bridge closed after lorry strikes railway arch",
            "Jane Smith and John Doe",  # "By" / "Jane Smith" / "and" / "John Doe"
            None,
        ),
        (
            "related_between.txt",
            "The operator of the island ferry was fined",
            "would now take place twice a year.",
            "Ferry operator fined over lifeboat failures",
            None,
            None,
        ),
        (
            "comments.txt",
            "Slugs can strip a bed of young lettuce",
            "by the time slugs come out to feed after dark.",
            "How to keep slugs off your lettuce without chemicals",
            None,
            None,
        ),
        (
            "caption_before_lede.txt",
            "Astronomers have produced the most detailed map",
            "compare it with surveys made at other wavelengths.",
            "Astronomers map the coldest clouds in the galaxy",
            "Priya Raman",
            None,
        ),
        (
            "cards_after.txt",
            "The county's school meals contract has been awarded",
            "at a series of meetings in the spring.",
            "School meals contract goes to local supplier",
            None,
            None,
        ),
        (
            "header_comments_link.txt",
            "The country's third-largest grocer reported",
            "Shares in the company rose 3 per cent in early trading.",
            "Grocer's profit beats forecasts as online sales grow",
            None,
            "LONDON, England",
        ),
        (
            "japanese.txt",
            "市立図書館は来月一日から",
            "予約も受け付けるとしています。",
            "市立図書館が来月から開館時間を延長",
            None,
            None,
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and value.endswith(".txt") else "",
)
def test_page_shapes(name: str, first: str, last: str, title: str, byline: str | None, dateline: str | None) -> None:
    article = detect_article(PAGES / name)
    assert article.sentences[0].startswith(first)
    assert article.sentences[-1].endswith(last)
    assert article.title == title
    assert article.byline == byline
    assert article.dateline == dateline


def test_nav_menu_page_keeps_no_chrome() -> None:
    text = " ".join(detect_article(PAGES / "nav_menu.txt").sentences)
    for chrome in ("Most Read", "Council tax", "Follow us", "Subscribe", "Published 3 hours ago"):
        assert chrome not in text


def test_related_box_between_paragraphs_is_skipped_and_the_article_resumes() -> None:
    text = " ".join(detect_article(PAGES / "related_between.txt").sentences)
    assert "Harbour master resigns" not in text
    assert "The company admitted the failures" in text


def test_comment_thread_longer_than_the_article_is_not_the_body() -> None:
    article = detect_article(PAGES / "comments.txt")
    text = " ".join(article.sentences)
    assert "copper tape" not in text and "Nematodes" not in text
    assert "responses to" not in text
    assert len(article.sentences) == 2


def test_caption_and_its_credit_before_the_lede_are_dropped() -> None:
    text = " ".join(detect_article(PAGES / "caption_before_lede.txt").sentences)
    assert "artist's impression" not in text and "©" not in text
    assert "strangest galaxies" not in text


def test_teaser_cards_after_the_article_are_cut_off() -> None:
    text = " ".join(detect_article(PAGES / "cards_after.txt").sentences)
    assert "library service" not in text and "rowing club" not in text
    assert "Share your thoughts" not in text


def test_a_comments_link_and_a_disclaimer_above_the_article_do_not_hide_it() -> None:
    article = detect_article(PAGES / "header_comments_link.txt")
    text = " ".join(article.sentences)
    assert "Quotes delayed" not in text and "Reporting by" not in text
    assert article.outlet == "Reuters"
    assert len(article.sentences) == 4


# --- wire datelines -------------------------------------------------------------------

REST = "The army said on Friday it had shelled positions near the border overnight."
MORE = "Officials said the strikes had hit empty buildings and that nobody had been hurt."


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("BEIRUT, Lebanon, Oct. 26 (AP) – ", "BEIRUT, Lebanon", "AP"),
        ("KWENA, South Africa, May 8 (Reuters) - ", "KWENA, South Africa", "Reuters"),
        ("Oct. 26 (Reuters) -- ", None, "Reuters"),
        ("May 8 (AFP) - ", None, "AFP"),
        ("NEW DELHI: ", "NEW DELHI", None),
        ("TRIPOLI, May 8 (AFP) - ", "TRIPOLI", "AFP"),
        ("Paris, France, Oct. 26 (AFP) — ", "Paris, France", "AFP"),
        ("SAN FRANCISCO (AP) — ", "SAN FRANCISCO", "AP"),
    ],
)
def test_wire_datelines_are_split_off_and_the_sentence_kept(
    opening: str, dateline: str | None, outlet: str | None
) -> None:
    meta, body = detect(clean(f"Border shelling reported\n\n{opening}{REST}\n\n{MORE}\n"))
    assert meta.dateline == dateline
    assert body[0] == REST
    if outlet:
        assert meta.outlet == outlet


def test_a_label_in_capitals_is_not_a_dateline() -> None:
    meta, body = detect(clean(f"Border shelling reported\n\nUPDATE: {REST}\n\n{MORE}\n"))
    assert meta.dateline is None
    assert body[0].startswith("UPDATE:")


# --- labels, taglines, bylines, headlines ---------------------------------------------

LEAD = "Floods in the Rhône valley forced hundreds of Lyon residents from their homes on Tuesday, officials said."
SECOND = "The prefecture said 400 people had been moved to shelters in Lyon as the Rhône kept rising overnight."


def meta_of(*lines: str) -> Meta:
    return detect(clean("\n\n".join([*lines, LEAD, SECOND]) + "\n"))[0]


def test_site_tagline_is_the_outlet_never_the_headline() -> None:
    meta = meta_of("Le Lyon Post - Local news for the Rhône", "Rhône floods force hundreds from homes")
    assert meta.title == "Rhône floods force hundreds from homes"
    assert meta.outlet == "Le Lyon Post"


def test_tagline_alone_is_no_headline() -> None:
    assert meta_of("Le Lyon Post - Local news for the Rhône").title is None


@pytest.mark.parametrize("label", ["National News", "Local News", "World & Business News"])
def test_section_label_is_not_the_outlet(label: str) -> None:
    assert meta_of(label, "Floods force Lyon residents out").outlet is None


def test_with_ap_is_a_credit_not_a_byline() -> None:
    meta = meta_of("Floods force Lyon residents out", "With AP", "Thursday 13 March 2025, 07:45")
    assert meta.byline is None
    assert "With AP" in meta.credits


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (("By", "Jane Smith"), "Jane Smith"),
        (("By", "Jane Smith", "and", "John Doe"), "Jane Smith and John Doe"),
        (("By:", "Jane Smith", "&", "John Doe"), "Jane Smith and John Doe"),
        (("By", "Tim Childers - Science Contributor"), "Tim Childers"),
    ],
)
def test_byline_split_over_lines(lines: tuple[str, ...], byline: str) -> None:
    assert meta_of("Floods force Lyon residents out", *lines).byline == byline


def test_name_in_place_shaped_headline_with_nothing_above_is_the_headline() -> None:
    meta = meta_of("Floods Force Residents Out in Southern France")
    assert meta.title == "Floods Force Residents Out in Southern France"
    assert meta.byline is None


def test_name_in_place_under_a_headline_is_still_a_byline() -> None:
    meta = meta_of("Floods force Lyon residents out", "Anna Kowalczyk in Lyon")
    assert meta.byline == "Anna Kowalczyk"
    assert meta.dateline == "Lyon"


# --- line rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Agencies contributed to this report.",
        "Staff writer Ann Lee contributed reporting from Geneva.",
        "Associated Press writers Alan Cole and Jo Mills contributed to this report.",
        "Michael R. Brand contributed reporting.",
    ],
)
def test_contribution_credits_end_the_body(line: str) -> None:
    assert is_credit(line) and is_hard_end(line)


@pytest.mark.parametrize(
    "line",
    ["The rain contributed to the flooding, officials said.", "The fund contributed to this report by the ministry."],
)
def test_contributed_in_a_sentence_is_not_a_credit(line: str) -> None:
    assert not is_credit(line)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("(Image: © Southern Observatory)", True),
        ("[Getty]", True),
        ("(Jane Doe/Reuters)", True),
        ("Photo by Sam Green/AFP", True),
        ("(AP)", False),  # may credit the copy
        ("(Updated)", False),
    ],
)
def test_picture_credits(line: str, credit: bool) -> None:
    assert is_picture_credit(line) is credit


@pytest.mark.parametrize("line", ["(Image: © TNG Collaboration)", "© Jane Doe", "Image copyright @someone"])
def test_a_pictures_copyright_is_a_caption_not_the_end_of_the_page(line: str) -> None:
    assert is_caption(line) and not is_hard_end(line)


@pytest.mark.parametrize("line", ["© 2019 AFP", "Copyright 2024 Harrowgate Post. All rights reserved."])
def test_a_pages_copyright_notice_still_ends_it(line: str) -> None:
    assert is_hard_end(line)


def test_gallery_caption_with_counter_is_a_caption() -> None:
    assert is_caption("2of5Firefighters work at the scene on Tuesday. (Jo Bell/The Courier via AP)")


def test_japanese_words_are_counted_without_spaces() -> None:
    assert word_count("市立図書館は来月一日から開館時間を延長すると発表しました。") >= 10


# --- the body finder's invariants -----------------------------------------------------


def brute_best(weights: list[float]) -> float:
    return max([0.0] + [sum(weights[i:j]) for i in range(len(weights)) for j in range(i + 1, len(weights) + 1)])


@given(st.lists(st.integers(-20, 20), max_size=40))
def test_best_run_is_the_maximum_subarray(values: list[int]) -> None:
    weights = [float(v) for v in values]
    total, start, end = best_run(weights, 0, len(weights))
    assert total == brute_best(weights)
    assert sum(weights[start:end]) == total


@given(st.lists(st.integers(-20, 40), max_size=60), st.sets(st.integers(0, 59), max_size=8))
def test_densest_body_never_crosses_a_wall(values: list[int], walls: set[int]) -> None:
    weights = [float(v) for v in values]
    start, end = densest_body(weights, walls.__contains__)
    assert 0 <= start <= end <= len(weights)
    assert not any(i in walls for i in range(start, end))


PARTS = [
    "Home",
    "Subscribe",
    "Most Read",
    "Comments",
    "By Jane Smith",
    "© 2024 The Post",
    "(Image: © Agency)",
    "Related stories",
    "The council said the bridge would reopen next week after engineers finished their checks.",
    "Buses have been diverted through the industrial estate, adding ten minutes to most journeys.",
    "Police said nobody had been hurt.",
    "Bridge closed after lorry strike",
    "jdoe says:",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=30))
def test_the_cleaner_never_invents_text(parts: list[str]) -> None:
    page = "\n\n".join(parts) + "\n"
    cleaned = clean(page)
    page_words = re.findall(r"\w+", page)
    body_words = re.findall(r"\w+", " ".join(cleaned.body))
    # the body is a subsequence of the page's words: nothing added, nothing reordered
    it = iter(page_words)
    assert all(word in it for word in body_words)
    # and every line of the page is in exactly one of head, body (or dropped inside it), tail
    assert len(cleaned.head) + len(cleaned.tail) <= len([p for p in parts if p.strip()])
