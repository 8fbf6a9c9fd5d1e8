"""Word changes written inline, one way for every format.

A reworded sentence is printed once with the words the reference had and this version
drops marked one way and its own words marked another: `[-…-]` and `{+…+}` in plain
text (as `git diff --word-diff`), ~~struck~~ and **bold** in Markdown, `<del>` and `<ins>`
in HTML. The marks wrap only the words: spaces at the edges of a change stay outside
(`~~ word~~` would not render, and "[-would-] be" reads better than "[-would -]be"), and a
replacement reads "~~said~~ **claimed**", never run together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sidebyside.analysis.worddiff import DELETE, EQUAL

#: (opening, closing) marks around a run of words.
Marks = tuple[str, str]

#: The marks of `git diff --word-diff`: words the other side does not print, words this one adds.
REMOVED: Marks = ("[-", "-]")
ADDED: Marks = ("{+", "+}")
MARKDOWN_REMOVED: Marks = ("~~", "~~")
MARKDOWN_ADDED: Marks = ("**", "**")
HTML_REMOVED: Marks = ("<del>", "</del>")
HTML_ADDED: Marks = ("<ins>", "</ins>")


def mark_words(text: str, marks: Marks) -> str:
    """`text` with its words inside `marks`, the spaces at its edges outside; blank text as it is."""
    core = text.strip()
    if not core:
        return text
    start = len(text) - len(text.lstrip())
    return f"{text[:start]}{marks[0]}{core}{marks[1]}{text[start + len(core) :]}"


def inline_changes(
    changes: Sequence[tuple[int, str]],
    escape: Callable[[str], str],
    removed: Marks,
    added: Marks,
) -> str:
    """One line: the changes (`worddiff` ops) with removed and added words marked, each
    piece of text through `escape` (the format's own), whitespace runs as one space.

    A change of spacing alone leaves one space, so the words beside it stay apart.
    """
    out: list[str] = []
    previous = EQUAL
    for op, text in changes:
        if op == EQUAL:
            out.append(escape(text))
        elif not text.strip():
            out.append(" ")
        else:
            gap = " " if previous == DELETE and not text[:1].isspace() else ""
            lead = text[: len(text) - len(text.lstrip())]
            core = text.strip()
            out.append(f"{gap}{lead}{removed[0] if op == DELETE else added[0]}{escape(core)}")
            out.append(f"{removed[1] if op == DELETE else added[1]}{text[len(lead) + len(core) :]}")
        previous = op
    return " ".join("".join(out).split())
