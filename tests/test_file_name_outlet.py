"""The outlet's label from a file name made of words, and never from a hash-like one."""

from __future__ import annotations

import json
import string
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.cli import main
from sidebyside.export.json import article_dict
from sidebyside.ingest.names import outlet_from_file_name
from sidebyside.ingest.story import detect_article, load_story

#: An article whose words name no outlet: no wire credit, masthead, copyright or source line.
NAMELESS = """Rescuers reach the last flooded villages

Rescue teams on Thursday reached the last of the villages cut off by the floods, the civil protection agency said.

Boats brought food and medicine to about 1,200 people who had taken refuge upstairs.
"""

#: The same article as a wire story: its dateline credits Reuters.
CREDITED = NAMELESS.replace("Rescue teams on Thursday", "GENEVA (Reuters) - Rescue teams on Thursday")


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("al-jazeera.txt", "Al Jazeera"),
        ("02_lyon_post.txt", "Lyon Post"),
        ("new-york-times.html", "New York Times"),
        ("nytimes.com.html", "nytimes.com"),
        ("www.bbc.co.uk.htm", "bbc.co.uk"),
        ("BBC.txt", "BBC"),
        ("bbc.txt", "BBC"),  # a short word without vowels is an acronym
        ("afp.md", "AFP"),  # so is a one-word name of up to three letters
        ("NYTimes.txt", "NYTimes"),
        ("fox-news.txt", "Fox News"),
        ("huffpost.txt", "Huffpost"),
        ("voice-of-america.txt", "Voice of America"),
        ("the_guardian.txt", "The Guardian"),
        ("Le Monde.html", "Le Monde"),
        ("süddeutsche-zeitung.html", "Süddeutsche Zeitung"),
        ("2019-05-26-reuters.txt", "Reuters"),
        ("reuters (2).txt", "Reuters"),
        ("Reuters - Copy.txt", "Reuters"),
        ("Copy of reuters.txt", "Reuters"),
        ("الجزيرة.txt", "الجزيرة"),
        ("/some/folder/02_lyon_post.txt", "Lyon Post"),
    ],
)
def test_a_name_made_of_words_is_a_label(name: str, label: str) -> None:
    assert outlet_from_file_name(name) == label


@pytest.mark.parametrize(
    "name",
    [
        "000_141c9d3bbb55366e.txt",
        "3c5bf8db41e9a2c7d0.html",
        "123e4567-e89b-12d3-a456-426614174000.txt",
        "deadbeefcafe.txt",  # hex letters only, still a hash
        "12345.txt",
        "2019-05-26.txt",
        "article.txt",
        "index.html",
        "page1.txt",
        "untitled.txt",
        "download (3).html",
        "Untitled document.txt",
        "a.txt",
        "x",
        "qzxkvbwtr.txt",  # no vowels among many consonants
        "aaaaaaa.txt",
        "art1cle.txt",  # letters and digits mixed in a word
        ".txt",
        "",
    ],
)
def test_a_hash_like_or_generic_name_is_not_a_label(name: str) -> None:
    assert outlet_from_file_name(name) is None


EXTENSIONS = st.sampled_from(["", ".txt", ".html", ".htm", ".md"])
PREFIXES = st.sampled_from(["", "000_", "02-", "17 "])


@given(st.text(alphabet="0123456789abcdef", min_size=8, max_size=64), PREFIXES, EXTENSIONS, st.booleans())
def test_a_hex_name_never_gives_a_label(digits: str, prefix: str, extension: str, upper: bool) -> None:
    assert outlet_from_file_name(prefix + (digits.upper() if upper else digits) + extension) is None


@given(st.uuids(), EXTENSIONS, st.booleans(), st.booleans())
def test_a_uuid_never_gives_a_label(value: uuid.UUID, extension: str, dashes: bool, upper: bool) -> None:
    text = str(value) if dashes else value.hex
    assert outlet_from_file_name((text.upper() if upper else text) + extension) is None


@given(st.text(alphabet=string.digits + "-_ .", min_size=1, max_size=40), EXTENSIONS)
def test_a_name_of_numbers_never_gives_a_label(name: str, extension: str) -> None:
    assert outlet_from_file_name(name + extension) is None


@given(
    st.lists(
        st.text(alphabet=string.ascii_letters + string.digits, min_size=2, max_size=12).filter(
            lambda w: any(c.isdigit() for c in w) and any(c.isalpha() for c in w)
        ),
        min_size=1,
        max_size=4,
    ),
    EXTENSIONS,
)
def test_words_mixing_letters_and_digits_never_give_a_label(words: list[str], extension: str) -> None:
    assert outlet_from_file_name("-".join(["news", *words]) + extension) is None


@settings(max_examples=300)
@given(st.text(min_size=0, max_size=80))
def test_any_name_gives_a_label_or_none_and_never_raises(name: str) -> None:
    label = outlet_from_file_name(name)
    assert label is None or (label.strip() == label and label)


# --- in the story -------------------------------------------------------------------------


def test_the_file_name_labels_an_article_nothing_else_names(tmp_path: Path) -> None:
    path = tmp_path / "02_lyon_post.txt"
    path.write_text(NAMELESS, encoding="utf-8")
    article = detect_article(path)
    assert (article.outlet, article.outlet_from) == ("Lyon Post", "file name")
    assert article_dict(article)["outlet_from"] == "file name"


def test_the_text_wins_over_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "lyon-post.txt"
    path.write_text(CREDITED, encoding="utf-8")
    assert (detect_article(path).outlet, detect_article(path).outlet_from) == ("Reuters", "text")


def test_a_hash_named_file_keeps_no_outlet(tmp_path: Path) -> None:
    path = tmp_path / "000_141c9d3bbb55366e.txt"
    path.write_text(NAMELESS, encoding="utf-8")
    article = detect_article(path)
    assert (article.outlet, article.outlet_from, article.label) == (None, None, "000_141c9d3bbb55366e.txt")


def test_a_sidecar_wins_over_the_file_name_and_can_clear_it(tmp_path: Path) -> None:
    (tmp_path / "lyon-post.txt").write_text(NAMELESS, encoding="utf-8")
    (tmp_path / "al-jazeera.txt").write_text(NAMELESS.replace("Thursday", "Friday"), encoding="utf-8")
    (tmp_path / "story.toml").write_text(
        '["lyon-post.txt"]\noutlet = "Le Lyon Post"\n\n["al-jazeera.txt"]\noutlet = ""\n'
    )
    story = load_story([str(tmp_path)])
    assert story.problems == ()
    found = {a.id: (a.outlet, a.outlet_from) for a in story.articles}
    assert found == {"lyon-post.txt": ("Le Lyon Post", "sidecar"), "al-jazeera.txt": (None, None)}


def test_articles_json_says_where_each_outlet_came_from(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "al-jazeera.txt").write_text(NAMELESS, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(CREDITED.replace("Thursday", "Wednesday"), encoding="utf-8")
    (tmp_path / "3c5bf8db41e9a2c7.txt").write_text(NAMELESS.replace("Thursday", "Friday"), encoding="utf-8")
    assert main(["articles", str(tmp_path), "--format", "json"]) == 0
    articles = {a["id"]: a for a in json.loads(capsys.readouterr().out)["articles"]}
    assert {k: (a["outlet"], a["outlet_from"], a["url"]) for k, a in articles.items()} == {
        "3c5bf8db41e9a2c7.txt": (None, None, None),
        "al-jazeera.txt": ("Al Jazeera", "file name", None),
        "wire.txt": ("Reuters", "text", None),
    }
