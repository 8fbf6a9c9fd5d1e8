"""The one way word changes are written inline (export.marks), for text, Markdown and HTML."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.analysis.worddiff import DELETE, EQUAL, INSERT, word_diff
from sidebyside.export.compare import md_escape
from sidebyside.export.escape import html
from sidebyside.export.marks import (
    ADDED,
    HTML_ADDED,
    HTML_REMOVED,
    MARKDOWN_ADDED,
    MARKDOWN_REMOVED,
    REMOVED,
    inline_changes,
    mark_words,
)

WORDS = st.lists(
    st.sampled_from("the mayor said claimed bridge would close on Monday Friday, 40 people".split()), max_size=12
)


def unmarked(text: str, keep: tuple[str, str], drop: tuple[str, str]) -> list[str]:
    """The words of one side: the `drop` runs removed, the `keep` marks taken off."""
    text = re.sub(re.escape(drop[0]) + r".*?" + re.escape(drop[1]), " ", text)
    return text.replace(keep[0], " ").replace(keep[1], " ").split()


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_each_side_reads_back_from_the_marked_line(a: list[str], b: list[str]) -> None:
    old, new = " ".join(a), " ".join(b)
    line = inline_changes(word_diff(old, new), lambda t: t, REMOVED, ADDED)
    assert unmarked(line, REMOVED, ADDED) == old.split()
    assert unmarked(line, ADDED, REMOVED) == new.split()
    assert "\n" not in line and "  " not in line and line == line.strip()


def test_a_replacement_reads_as_two_words_in_every_format() -> None:
    changes = word_diff("Haftar said no.", "Haftar claimed no.")
    assert inline_changes(changes, md_escape, MARKDOWN_REMOVED, MARKDOWN_ADDED) == "Haftar ~~said~~ **claimed** no."
    assert inline_changes(changes, html, HTML_REMOVED, HTML_ADDED) == "Haftar <del>said</del> <ins>claimed</ins> no."
    assert inline_changes(changes, lambda t: t, REMOVED, ADDED) == "Haftar [-said-] {+claimed+} no."


def test_the_format_escape_reaches_the_marked_words_too() -> None:
    changes = [(EQUAL, "a "), (DELETE, "<b>x</b>"), (INSERT, "*y*"), (EQUAL, " z")]
    assert (
        inline_changes(changes, html, HTML_REMOVED, HTML_ADDED) == "a <del>&lt;b&gt;x&lt;/b&gt;</del> <ins>*y*</ins> z"
    )
    markdown = inline_changes(changes, md_escape, MARKDOWN_REMOVED, MARKDOWN_ADDED)
    assert markdown == r"a ~~\<b\>x\</b\>~~ **\*y\*** z"


def test_spacing_alone_keeps_the_words_apart_and_marks_wrap_words_only() -> None:
    assert inline_changes([(EQUAL, "a"), (DELETE, " "), (EQUAL, "b")], lambda t: t, REMOVED, ADDED) == "a b"
    assert mark_words(" would ", REMOVED) == " [-would-] "
    assert mark_words("  ", ADDED) == "  "
