"""The whole ingest on the bundled seeds and on pages written for these tests.

The seed checks assert properties a clean article must have, not the reference answers:
the app is measured on stories it has never seen.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.ingest.story import iter_story, load_story
from sidebyside.model import Article, Story

JUNK = (
    "for-phone-only",
    "Sign up",
    "[su_",
    "©",
    "Reporting by",
    "Editing by",
    "REUTERS/",
    "AP Photo",
    "Comment",
    "Min Read",
    "Our Standards",
    "Advertis",
    "Related Stories",
    "Login",
    "Get a free",
)


def by_id(story: Story) -> dict[str, Article]:
    return {a.id: a for a in story.articles}


def load_one(path: Path) -> Article:
    """The article in the file at `path`, loaded as the app loads it (sidecars applied)."""
    story = load_story([str(path)])
    assert story.problems == ()
    (article,) = story.articles
    return article


# --- the seeds ------------------------------------------------------------------------


def test_every_seed_loads_without_problems(seeds_story: Story) -> None:
    assert len(seeds_story.articles) == 5
    assert seeds_story.problems == ()


@pytest.mark.parametrize("junk", JUNK)
def test_no_seed_sentence_carries_page_furniture(seeds_story: Story, junk: str) -> None:
    for article in seeds_story.articles:
        for sentence in article.sentences:
            assert junk not in sentence, f"{article.id}: {sentence!r}"


def test_seed_sentences_are_clean_text(seeds_story: Story) -> None:
    for article in seeds_story.articles:
        assert len(article.sentences) >= 5
        assert len(article.paragraphs) == len(article.sentences)
        for sentence in article.sentences:
            assert sentence == sentence.strip() and "  " not in sentence and "\n" not in sentence
            assert not re.search(r"[a-z][A-Z][a-z]{2,}", sentence.replace("McDonald", "")), sentence  # no glue left
            assert re.search(r"[.!?”\",]$", sentence), f"{article.id}: {sentence!r}"


def test_no_seed_repeats_a_sentence(seeds_story: Story) -> None:
    for article in seeds_story.articles:
        assert len(set(article.sentences)) == len(article.sentences), article.id


def test_the_duplicated_seed_body_is_kept_once_and_matches_the_wire_copy(seeds_story: Story) -> None:
    """SMA News ran the Reuters story (its scraper doubled the body): same sentences, once."""
    articles = by_id(seeds_story)
    wire = next(a for a in articles.values() if a.outlet == "Reuters")
    sma = next(a for a in articles.values() if a.outlet == "SMA News")
    norm = str.maketrans({"’": "'", "–": "-"})
    assert [s.translate(norm) for s in sma.sentences] == [s.translate(norm) for s in wire.sentences]


def test_seed_metadata_comes_from_the_text(seeds_story: Story) -> None:
    for article in seeds_story.articles:
        assert article.title and len(article.title.split()) >= 5
        assert article.title not in article.sentences
        if article.dateline:
            assert not article.sentences[0].startswith(article.dateline)
        if article.byline:
            assert not article.byline.startswith("By ")
    outlets = {a.outlet for a in seeds_story.articles}
    assert {"Reuters", "SMA News", "AFP", "Asharq Al-Awsat"} <= outlets


def test_the_wire_seed_lost_its_dateline_and_credits(seeds_story: Story) -> None:
    wire = next(a for a in seeds_story.articles if a.outlet == "Reuters")
    assert wire.dateline == "PARIS"
    assert wire.sentences[0].startswith("Libyan eastern commander")
    assert wire.sentences[-1].endswith("a French official told Reuters.")


# --- hand-written story ---------------------------------------------------------------

WIRE = """\
Dam bursts in Valdoria, thousands flee | Northern Wire
Skip to main content
By Chiara Russo
3 Min Read
FILE PHOTO: The dam above Castelbruno, May 1, 2024. NORTHERN WIRE/Luca Bianchi/File Photo
MERANO (Northern Wire) - The dam above Castelbruno gave way shortly after midnight on Tuesday, sending a wall of \
water through three villages, officials said.
Governor Lucia Ferrante said at least 14 people had died and 30,000 had been forced from their homes.
Advertisement
"We have never seen water rise this fast. Whole streets disappeared in less than an hour," Ferrante told reporters.
(Reporting by Chiara Russo; Editing by Mark Hale)
© 2024 Northern Wire. All rights reserved.
"""

REPUBLISHED = """\
Home | News | World | Europe
Valdoria dam collapse: 14 dead, 30,000 homeless
Published On 16 May 2024
The dam above Castelbruno gave way shortly after midnight on Tuesday, sending a wall of water through three \
villages, officials said.

Governor Lucia Ferrante said at least 14 people had died and 30,000 had been forced from their homes.

READ MORE: Europe's ageing dams

"We have never seen water rise this fast. Whole streets disappeared in less than an hour," Ferrante told reporters.

Source: Valdoria Today and news agencies
"""


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    (tmp_path / "01_wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "02_republished.txt").write_bytes(REPUBLISHED.replace("\n", "\r\n").encode("cp1252"))
    (tmp_path / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    return tmp_path


def test_a_hand_written_story_loads_clean(story_dir: Path) -> None:
    story = load_story([str(story_dir)])
    wire, republished = story.articles
    assert (wire.outlet, wire.title, wire.byline, wire.dateline) == (
        "Northern Wire",
        "Dam bursts in Valdoria, thousands flee",
        "Chiara Russo",
        "MERANO",
    )
    assert (republished.outlet, republished.title, republished.date) == (
        "Valdoria Today",
        "Valdoria dam collapse: 14 dead, 30,000 homeless",
        "2024-05-16",
    )
    assert wire.sentences == republished.sentences
    assert wire.sentences[0].startswith("The dam above Castelbruno")
    assert wire.sentences[-1].endswith("Ferrante told reporters.")
    assert wire.paragraphs == (0, 1, 2)


def test_iter_story_yields_as_it_goes(story_dir: Path) -> None:
    items = iter_story([str(story_dir), str(story_dir / "gone.txt")])
    first = next(items)
    assert not isinstance(first, Article) and "gone.txt" in first.path  # problems come first
    assert [type(i).__name__ for i in items] == ["Article", "Article"]


def test_a_text_free_file_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "menu.txt"
    path.write_text("Home\nNews\nSport\n© 2024 Somebody\n", encoding="utf-8")
    story = load_story([str(path)])
    assert story.articles == ()
    assert [p.message for p in story.problems] == ["no article text found"]


def test_ingest_never_imports_textual() -> None:
    code = (
        "import sys, sidebyside.ingest.story as s; s.load_story(['seeds']); "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert out.stdout.strip() == "False"


def test_a_body_saved_twice_in_different_shapes_keeps_each_sentence_once(tmp_path: Path) -> None:
    paragraphs = [
        "The dam above Castelbruno gave way shortly after midnight on Tuesday, officials said.",
        "Governor Lucia Ferrante said at least 14 people had died in the three villages below it.",
        "Nobody came.",
        "Rescuers in boats reached the last cut-off houses on Wednesday evening, the army said.",
    ]
    page = "Dam bursts in Valdoria\n\n" + "\n\n".join(paragraphs) + "\n\n" + " ".join(paragraphs[1:]) + "\n"
    path = tmp_path / "twice.txt"
    path.write_text(page, encoding="utf-8")
    article = load_one(path)
    assert article.sentences == (*paragraphs, "Nobody came.")
    assert article.paragraphs == (0, 1, 2, 3, 4)


def test_drop_repeats_keeps_short_refrains() -> None:
    from sidebyside.ingest.story import drop_repeats

    sentences = ("Nobody came.", "The water rose through the night and nobody came to help them.", "Nobody came.")
    assert drop_repeats(sentences, (0, 1, 2)) == (sentences, (0, 1, 2))


# --- whole pages in the shape of other outlets -----------------------------------------

AP_PAGE = """\
AP NEWS
Click to copy
Related Stories
Ukraine says it shot down 20 drones overnight
2 MIN READ
Floods in Valdoria kill 14, force 30,000 from homes
By MARIA ROSSI and DAVID KEYTON
Updated 11:02 AM GMT+2, May 15, 2024
Share
Rescue workers search for survivors in Castelbruno, Valdoria, Wednesday, May 15, 2024. (AP Photo/Luca Bruno)
Read More
MERANO, Valdoria (AP) — Floods triggered by two days of torrential rain have killed at least 14 people in northern \
Valdoria, officials said Wednesday.
Governor Lucia Ferrante said the army had been asked to help evacuate villages cut off by landslides.
“We have never seen water rise this fast,” Ferrante told reporters. “Whole streets disappeared in less than an hour.”
ADVERTISEMENT
The governor said nine people were still missing.
___
Keyton reported from Stockholm. Associated Press writer Frances D'Emilio in Rome contributed to this report.
___
Follow AP's coverage of climate at https://apnews.com/hub/climate
Copyright 2024 The Associated Press. All Rights Reserved.
"""

INDEPENDENT_PAGE = """\
Independent
Culture
Valdoria floods: Death toll rises as rescuers reach cut-off villages
Rescuers in boats reached villages cut off for two days
Tom Barnes
Thursday 16 May 2024 10:12 BST
Comments
Get our free daily email, the Independent Morning Headlines
Sign up to our free daily email
I would like to be emailed about offers, events and updates from The Independent. Read our privacy notice
The death toll from the floods in northern Valdoria has risen to 17, the civil protection agency said on Thursday.
Rescuers in boats and helicopters reached villages that had been cut off for two days.
Read More
Valdoria floods: 14 killed as rivers burst banks
Europe's dams are ageing, experts warn
The regional governor blamed successive national governments for failing to maintain the embankments along the river.
“For ten years we asked for money to reinforce these banks,” she said at a press conference in Merano.
Join our commenting forum
Join thought-provoking conversations, follow other Independent readers and see their replies
Comments
"""

GULF_PAGE = """\
Skip links
Skip to Content
Live
Navigation menu
News|Conflict
Protesters clash with police in capital as fuel prices soar
Demonstrators set fire to tyres as government raises fuel prices by 30 percent.
Protesters throw stones at police in the capital on Friday [Ahmed Hassan/Reuters]
Published On 14 Jun 2024
Thousands of people have taken to the streets of the capital to protest against a sharp rise in fuel prices, \
clashing with police who fired tear gas.
The government announced on Thursday that petrol prices would rise by 30 percent from Saturday.
Protesters chant slogans outside parliament on Friday. Mohamed Abdiwahab/AFP via Getty Images
Al Jazeera’s correspondent, reporting from the capital, said the crowds were growing.
Source: Al Jazeera and news agencies
"""

GUARDIAN_PAGE = """\
The Guardian - Back to home
Support the Guardian
Fund independent journalism with £5 per month
Support us
News
Opinion
Sport
Dam collapse leaves thousands homeless in Valdoria
Rescue teams search for missing after overnight breach
Helena Smith in Athens
Sun 12 May 2024 10.35 BST
Share
Thousands of people have been left homeless after a dam collapsed in northern Valdoria overnight, sending a wall of \
water through three villages.
At least 12 people were killed, according to the regional governor, and dozens more are missing.
Photograph: Petros Giannakouris/AP
Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST
The interior minister, Anna Petrou, said the army had been deployed. “Every available resource is being used,” she said.
Explore more on these topics
Valdoria
Europe
Share
Reuse this content
Comments (212)
Sign in or create your Guardian account to join the discussion
Most viewed
"""


@pytest.mark.parametrize(
    ("text", "meta", "first", "last", "count"),
    [
        (
            AP_PAGE,
            (
                "AP",
                "Floods in Valdoria kill 14, force 30,000 from homes",
                "MARIA ROSSI and DAVID KEYTON",
                "MERANO, Valdoria",
                "2024-05-15",
            ),
            "Floods triggered by",
            "The governor said nine people were still missing.",
            5,
        ),
        (
            INDEPENDENT_PAGE,
            (
                "Independent",
                "Valdoria floods: Death toll rises as rescuers reach cut-off villages",
                "Tom Barnes",
                None,
                "2024-05-16",
            ),
            "The death toll from the floods",
            "she said at a press conference in Merano.",
            4,
        ),
        (
            GULF_PAGE,
            ("Al Jazeera", "Protesters clash with police in capital as fuel prices soar", None, None, None),
            "Demonstrators set fire",
            "said the crowds were growing.",
            4,
        ),
        (
            GUARDIAN_PAGE,
            (
                "The Guardian",
                "Dam collapse leaves thousands homeless in Valdoria",
                "Helena Smith",
                "Athens",
                "2024-05-12",
            ),
            "Thousands of people have been left homeless",
            "she said.",
            4,
        ),
    ],
    ids=["wire-agency", "british-daily", "gulf-broadcaster", "british-daily-2"],
)
def test_pages_shaped_like_other_outlets(
    tmp_path: Path, text: str, meta: tuple, first: str, last: str, count: int
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    article = load_one(path)
    assert (article.outlet, article.title, article.byline, article.dateline, article.date) == meta
    assert article.sentences[0].startswith(first)
    assert article.sentences[-1].endswith(last)
    assert len(article.sentences) == count
    for sentence in article.sentences:
        assert not re.search(
            r"Photo|Getty|Sign up|Comments|Copyright|contributed|Follow|READ|Read More|ADVERT", sentence
        ), sentence


def test_a_multi_megabyte_one_line_file_loads(tmp_path: Path) -> None:
    sentence = "The minister said the bridge would reopen next week after repairs costing 3.5 million euros. "
    path = tmp_path / "huge.txt"
    path.write_text("Bridge to reopen " + sentence * 25_000, encoding="utf-8")  # ~2.4 MB, no newline
    article = load_one(path)
    assert article.sentences == (f"Bridge to reopen {sentence.strip()}", sentence.strip())  # the repeats are dropped
