"""Claims of shared copy: shared wording as evidence, credits as direction, never likeness alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside.analysis.copy import _runs as runs_of
from sidebyside.analysis.copy import credit, direction, find_reuse, own_words, reuse_line, shared_wording
from sidebyside.analysis.overlap import overlap_matrix
from sidebyside.ingest.story import load_story
from sidebyside.model import Article

REWRITES = Path(__file__).parent / "data" / "independent_rewrites"

WIRE = [
    "The city council of Lyon voted on Monday to ban cars from the old town from June, ending years of debate.",
    "The mayor said buses would run every five minutes on the main lines, a spokesman told Reuters.",
    "Shop owners fear that the ban will keep customers away from the centre during the busy summer season.",
    "A petition against the plan has gathered 12,000 signatures since March, its organisers said on Sunday.",
]
OTHER = [
    "Heavy rain flooded the harbour district of Marseille overnight.",
    "Firefighters rescued two fishermen whose boat had capsized near the breakwater.",
]


def article(name: str, sentences: list[str], outlet: str | None = None, **extra: object) -> Article:
    return Article(
        id=name, path=f"story/{name}", outlet=outlet, title=None, byline=None, dateline=None,
        date=None, sentences=tuple(sentences), **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def claims(arts: list[Article]):
    return find_reuse(arts, overlap_matrix(arts))


def wordings(a: Article, b: Article):
    wa, wb = own_words(a), own_words(b)
    return shared_wording(wa, runs_of(wb)), shared_wording(wb, runs_of(wa))


def test_a_credited_reprint_points_at_its_source():
    wire = article("wire", WIRE, "Reuters")
    reprint = article("reprint", WIRE[:3], "Daily Post")
    other = article("other", OTHER, "Marseille Star")
    (found,) = claims([wire, reprint, other])
    assert (found.article, found.source, found.kind) == ("reprint", "wire", "credited")
    assert found.share == 1.0 and found.wording.runs == 1
    assert reuse_line(found, [wire, reprint, other]) == (
        "Daily Post reprints Reuters (100% of its own words identical; credited 'told Reuters'; high confidence)"
    )


def test_a_credit_line_kept_aside_gives_the_direction():
    text = [s.replace(", a spokesman told Reuters", "") for s in WIRE]
    wire = article("wire", text, "AP")
    reprint = article("reprint", text[:3] + OTHER, "Lyon Post", credits=("With AP",))
    (found,) = claims([wire, reprint])
    assert (found.article, found.source, found.kind) == ("reprint", "wire", "credited")
    assert "With AP" in found.basis


def test_an_agency_outlet_is_the_likelier_source():
    agency = article("afp", WIRE[:2] + WIRE[3:], "Agence France-Presse")
    paper = article("paper", WIRE[:2] + OTHER, "Lyon Herald")
    found = direction(paper, agency, *wordings(paper, agency))
    assert (found.article, found.source, found.kind) == ("paper", "afp", "agency")


def test_both_crediting_one_agency_is_a_common_source_and_undirected():
    a = article("a", WIRE, "Lyon Herald")
    b = article("b", WIRE[1:], "Rhone Daily")
    found = direction(a, b, *wordings(a, b))
    assert found.kind == "undirected" and "both credit Reuters" in found.basis


def test_lopsided_containment_says_so_when_no_credit_does():
    text = [s.replace(", a spokesman told Reuters", "") for s in WIRE]
    long = article("long", text + OTHER, "Lyon Herald")
    short = article("short", text[:3], "Rhone Daily")
    found = direction(long, short, *wordings(long, short))
    assert (found.article, found.source, found.kind) == ("short", "long", "contained")
    assert "common source" in reuse_line(found, [long, short])


def test_shared_wording_with_nothing_said_is_undirected():
    text = [s.replace(", a spokesman told Reuters", "") for s in WIRE]
    a = article("a", text[:3] + OTHER, "Lyon Herald")
    b = article("b", text[:3] + ["The council meets again in May to vote on the details of the plan."], "Rhone Daily")
    (found,) = claims([a, b])
    assert found.kind == "undirected"
    assert reuse_line(found, [a, b]).startswith("Lyon Herald and Rhone Daily share copy (")


def test_dates_name_who_printed_first_but_never_direct_the_claim():
    """A day apart is not evidence of copying (both may run a third's copy), so the claim
    stays undirected; the later article is listed as running the earlier one's words and
    the line says the dates, for the journalist to check."""
    from dataclasses import replace

    text = [s.replace(", a spokesman told Reuters", "") for s in WIRE]
    a = replace(article("a", text[:3] + OTHER, "Lyon Herald"), date="2019-05-27")
    b = replace(
        article("b", text[:3] + ["The council meets again in May to vote on the plan."], "Rhone Daily"),
        date="2019-05-26",
    )
    (found,) = claims([a, b])
    assert (found.article, found.source, found.kind) == ("a", "b", "undirected")
    line = reuse_line(found, [a, b])
    assert line.startswith("Lyon Herald and Rhone Daily share copy (")
    assert "nothing in the text says who copied whom; Rhone Daily is dated 2019-05-26, Lyon Herald 2019-05-27" in line
    same_day = claims([replace(a, date="2019-05-26"), b])
    assert "nothing says who came first" in reuse_line(same_day[0], [a, b])


def test_the_same_facts_in_other_words_are_never_copy():
    """The issue's own case: sentences 43-56% alike are likeness, not copy."""
    a = article("a", [
        (
            "Four workers were hurt when a freight train hit a maintenance crew near Lyon on Tuesday, the rail "
            "operator said."
        ),
        "The line between Lyon and Grenoble was closed for six hours while investigators examined the site.",
        "Unions called for a strike on Friday to protest what they called unsafe working conditions.",
    ], "AP")  # fmt: skip
    b = article("b", [
        "Three rail workers were treated in hospital after a goods train struck their crew outside Lyon on Tuesday.",
        "Investigators shut the Lyon-Grenoble line for most of the afternoon, the operator said.",
        "A strike has been called for Friday by unions angry about safety on the tracks.",
    ], "Le Dauphine")  # fmt: skip
    matrix = overlap_matrix([a, b])
    assert matrix[0][1] > 0  # align pairs them as rewordings ...
    assert find_reuse([a, b], matrix) == []  # ... but nothing is printed identically


def test_a_quote_both_outlets_print_is_not_copy():
    quote = "“We are not taking any risks with our people's health, and we will not reopen the road until it is safe,”"
    a = article("a", [f"{quote} Mayor Anne Roux told reporters on Tuesday.", "The fire started at dawn."], "AP")
    b = article("b", [f"{quote} said Roux, who visited the site.", "Smoke could be seen for miles."], "Lyon Post")
    assert claims([a, b]) == []


def test_credit_needs_a_crediting_phrase_and_not_ones_own_name():
    a = article("a", ["Protesters gathered outside the Reuters building in London."], "Lyon Herald")
    assert credit(a, "Reuters") is None
    b = article("b", ["The toll rose to 12, according to Agence France-Presse."], "Lyon Herald")
    assert credit(b, "AFP") == "according to Agence France-Presse"
    own = article("own", ["A French official told Reuters."], "Reuters")
    assert credit(own, "Reuters") is None


@pytest.mark.parametrize(
    ("sentence", "outlet", "credited"),
    [
        ("According to Reuters, 12 died.", "Reuters", "According to Reuters"),
        ("PARIS (Reuters) - The mayor said no.", "Reuters", "(Reuters)"),
        ("Photos © 2019 AFP.", "AFP", "© 2019 AFP"),
        ("The Associated Press reported the vote.", "AP", "The Associated Press reported"),
        ("With AP", "AP", "With AP"),
        ("— AFP", "AFP", "— AFP"),
        ("New York Times News Service", "New York Times", "New York Times News Service"),
        ("reuters said", "Reuters", None),  # a name is matched as written
    ],
)
def test_credits_in_the_forms_outlets_use(sentence: str, outlet: str, credited: str | None):
    assert credit(article("x", [sentence], "Lyon Herald"), outlet) == credited


def test_reuse_lines_name_repeated_outlets_by_file():
    arts = [article("wire.txt", WIRE, "Reuters"), article("p1.txt", WIRE, "Daily Post"),
            article("p2.txt", WIRE[:3], "Daily Post")]  # fmt: skip
    lines = [reuse_line(r, arts) for r in claims(arts)]
    assert any("Daily Post (p1.txt)" in line for line in lines)
    assert all("Daily Post " not in line.replace("Daily Post (", "") for line in lines)


def test_one_article_alone_has_no_reuse():
    assert claims([article("only", WIRE, "Reuters")]) == []


# --- the regression set: independent rewrites of the same facts ------------------------------


def _rewrite_pairs() -> list[tuple[str, str]]:
    listed = json.loads((REWRITES / "pairs.json").read_text(encoding="utf-8"))
    return [tuple(p) for p in listed["pairs"]]  # type: ignore[misc]


@pytest.mark.parametrize(("a", "b"), _rewrite_pairs())
def test_independent_rewrites_are_never_called_copy(a: str, b: str):
    story = load_story([str(REWRITES / a), str(REWRITES / b)])
    assert len(story.articles) == 2, story.problems
    assert claims(list(story.articles)) == []
