"""`--speaker` with names outside plain Latin (issue 16).

An English article quoting a person whose name it prints in Arabic script must follow
that person as it follows "Khalifa Haftar": by the full name, by the surname alone, in a
role phrase. A Latin name typed with combining accents (NFD, as some keyboards and file
managers produce it), or in compatibility forms (full-width letters, Arabic presentation
forms copied from a PDF), names the same person as the article's composed spelling, and
is reported in that spelling.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from sidebyside.cli import main

ARABIC = "محمد الأمين"
LATIN = "Mohamed Alamin"


def story(folder: Path, name: str) -> Path:
    """An English wire story quoting `name` four ways: role phrase, after the quote, surname, possessive."""
    surname = name.split()[-1]
    text = f"""Militia leader vows to fight on

TRIPOLI (Reuters) - Militia commander {name} said on Sunday that his forces would hold the line.

“We will not stop,” said {name}. The commander spoke to reporters in the city centre.

“The city is ours,” {surname} told reporters.

Residents said the shelling had lasted all night.
"""
    (folder / "a.txt").write_text(text, encoding="utf-8")
    return folder


def quotes(capsys, folder: Path, speaker: str) -> dict:
    assert main(["quotes", str(folder), "--speaker", speaker, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def speakers_of(payload: dict) -> list[str]:
    return [q["speaker"] for article in payload["articles"] for q in article["quotes"]]


def watched_texts(payload: dict) -> set[str]:
    return {g["text"] for g in payload["groups"] if g["watched"]}


EVERY_QUOTE = {"his forces would hold the line", "We will not stop", "The city is ours"}


def test_a_latin_name_is_followed_every_way(tmp_path, capsys):
    """The control: what an Arabic-script name must do too."""
    payload = quotes(capsys, story(tmp_path, LATIN), LATIN)
    assert speakers_of(payload) == [LATIN, LATIN, LATIN, "Residents"]
    assert watched_texts(payload) == EVERY_QUOTE


def test_an_arabic_name_given_exactly_matches_its_exact_mention(tmp_path, capsys):
    payload = quotes(capsys, story(tmp_path, ARABIC), ARABIC)
    assert payload["speakers"] == [ARABIC]
    assert "We will not stop" in watched_texts(payload)


def test_an_arabic_name_is_followed_every_way(tmp_path, capsys):
    payload = quotes(capsys, story(tmp_path, ARABIC), ARABIC)
    assert speakers_of(payload) == [ARABIC, ARABIC, ARABIC, "Residents"]
    assert watched_texts(payload) == EVERY_QUOTE


@pytest.mark.parametrize(
    "typed",
    [
        unicodedata.normalize("NFD", "José Núñez"),  # combining accents
        "Ｊｏｓé Ｎúñｅｚ",  # full-width letters
    ],
    ids=["NFD", "full-width"],
)
def test_a_name_typed_in_another_normal_form_is_the_articles_spelling(tmp_path, capsys, typed):
    payload = quotes(capsys, story(tmp_path, "José Núñez"), typed)
    assert payload["speakers"] == ["José Núñez"]  # composed, as the article prints it
    assert speakers_of(payload) == ["José Núñez"] * 3 + ["Residents"]
    assert watched_texts(payload) == EVERY_QUOTE


def test_an_arabic_name_copied_in_presentation_forms_is_the_same_name(tmp_path, capsys):
    # "محمد الأمين" as a PDF's text layer often gives it: positional glyph forms (U+FExx).
    typed = "ﻣﺤﻤﺪ ﺍﻷﻣﻴﻦ"
    assert unicodedata.normalize("NFKC", typed) == ARABIC and typed != ARABIC
    payload = quotes(capsys, story(tmp_path, ARABIC), typed)
    assert payload["speakers"] == [ARABIC]
    assert "We will not stop" in watched_texts(payload)


def test_direction_marks_around_a_pasted_name_are_not_part_of_it(tmp_path, capsys):
    payload = quotes(capsys, story(tmp_path, ARABIC), f"\u200f{ARABIC}\u200f")
    assert payload["speakers"] == [ARABIC]
    assert "We will not stop" in watched_texts(payload)
