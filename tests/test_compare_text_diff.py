"""`compare --format text` marks changed words as `git diff --word-diff` does.

A's column carries `[-words B does not print-]`, B's column `{+words A does not print+}`,
so the changes show in a file, a pipe and on paper; on a terminal they are also coloured,
unless NO_COLOR is set.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sidebyside.analysis.align import align
from sidebyside.analysis.worddiff import word_diff
from sidebyside.commands.compare import wants_colour
from sidebyside.export.compare import ADDED, REMOVED, compare_text, marked_sides
from sidebyside.layout import cell_width
from sidebyside.model import Article

HARBOUR = Path(__file__).parent / "data" / "harbour_chemical_fire"
WIRE, REPRINT = HARBOUR / "01_wire.txt", HARBOUR / "02_local_reprint.txt"
ESCAPE = "\x1b"


def article(name: str, sentences: list[str]) -> Article:
    return Article(
        id=f"{name}.txt", path=f"{name}.txt", outlet=name.title(), title=None,
        byline=None, dateline=None, date=None, sentences=tuple(sentences),
    )  # fmt: skip


def unmark(text: str, marks: tuple[str, str]) -> str:
    """The text with the marks taken away and the marked words kept."""
    return text.replace(marks[0], "").replace(marks[1], "")


def drop_marked(text: str, marks: tuple[str, str]) -> str:
    """The text without the marked words."""
    return re.sub(re.escape(marks[0]) + ".*?" + re.escape(marks[1]), "", text)


LYON_A = ["Cars would be banned from the old town centre in June, the mayor said."]
LYON_B = ["Cars will be banned from the old town centre from June, the mayor said."]

# Words, spaces and punctuation as sentences have them; no marker characters ([ ] { } + -).
WORD = st.sampled_from("the mayor said cars would will be banned from in June 1,200 about people's “no” town".split())
GAP = st.sampled_from([" ", " ", " ", ", ", ". ", "  "])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORD, min_size=0, max_size=14))
    gaps = draw(st.lists(GAP, min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True)).strip()


@given(sentences(), sentences())
def test_taking_the_marks_away_gives_each_sentence_back(a: str, b: str) -> None:
    left, right = marked_sides(word_diff(a, b))
    assert unmark(left, REMOVED) == a  # A's column: A exactly, changed words marked [-…-]
    assert unmark(right, ADDED) == b  # B's column: B exactly, its own words marked {+…+}
    assert ADDED[0] not in left and REMOVED[0] not in right
    # without the marked words both columns read the same text (spacing aside): what A and B share
    assert "".join(drop_marked(left, REMOVED).split()) == "".join(drop_marked(right, ADDED).split())


@given(sentences(), sentences())
def test_marks_wrap_words_not_the_spaces_around_them(a: str, b: str) -> None:
    left, right = marked_sides(word_diff(a, b))
    for text, marks in ((left, REMOVED), (right, ADDED)):
        for inside in re.findall(re.escape(marks[0]) + "(.*?)" + re.escape(marks[1]), text):
            assert inside and inside == inside.strip()


def test_a_reworded_sentence_reads_like_git_word_diff() -> None:
    left, right = marked_sides(word_diff(LYON_A[0], LYON_B[0]))
    assert left == "Cars [-would-] be banned from the old town centre [-in-] June, the mayor said."
    assert right == "Cars {+will+} be banned from the old town centre {+from+} June, the mayor said."


def test_the_text_view_marks_changed_words_in_both_layouts() -> None:
    al = align(article("a", LYON_A + ["Shops fear the ban."]), article("b", LYON_B + ["Shops fear the ban."]))
    for width in (100, 40):  # two columns, then A's line above B's
        out = compare_text(al, width)
        assert "[-would-]" in out and "{+will+}" in out and "[-in-]" in out and "{+from+}" in out
        assert ESCAPE not in out
        same = [line for line in out.splitlines() if "Shops" in line]
        assert same and not any(m in line for line in same for m in (REMOVED[0], ADDED[0]))
    wide = compare_text(al, 100).splitlines()
    row = next(line for line in wide if line.startswith("~"))
    left, right = row.split(" | ")
    assert "[-would-]" in left and "{+" not in left and "{+will+}" in right and "[-" not in right
    assert "[-not in B-] {+not in A+}" in wide[3]  # the legend says what the marks mean


def test_colour_paints_the_marked_words_and_keeps_the_columns_level() -> None:
    tail = "on Tuesday for repairs to the old harbour wall."
    a = [f"The city council approved three million euros {tail}"]
    b = [f"The city council approved a long-delayed and much disputed plan {tail}"]
    al = align(article("a", a), article("b", b))
    plain, painted = compare_text(al, 80), compare_text(al, 80, colour=True)
    assert ESCAPE not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", painted) == plain  # colour adds nothing but colour
    assert "\x1b[31m[-three million euros-]\x1b[0m" in painted
    body = painted.splitlines()[5:]
    # B's added words wrap over three lines: each line of them is green, closed at its end
    assert "\x1b[32m{+" in body[0] and all(line.endswith("\x1b[0m") for line in body[:2])
    assert [line.split(" | ")[1].strip()[:5] for line in body[1:3]] == ["\x1b[32m", "\x1b[32m"]
    edges = {cell_width(re.sub(r"\x1b\[[0-9;]*m", "", line).split("|")[0]) for line in body}
    assert len(edges) == 1  # padding counts what shows, not the colour codes


def test_control_characters_in_a_changed_word_are_shown_not_obeyed() -> None:
    left, right = marked_sides(word_diff("Red alert here.", "Red \x1b[31malert here."))
    assert ESCAPE not in left + right and "\\x1b" in right


class Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_colour(Stream(tty=True)) and not wants_colour(Stream(tty=False))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Stream(tty=True))
    monkeypatch.setenv("NO_COLOR", "")  # set, even empty: as Textual reads it
    assert not wants_colour(Stream(tty=True))


def run_compare(*, tty: bool, no_color: bool) -> str:
    """`sidebyside compare WIRE REPRINT`, its stdout a terminal (a pty) or a pipe."""
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"COLUMNS": "100"}
    if no_color:
        env["NO_COLOR"] = "1"
    command = [sys.executable, "-m", "sidebyside", "compare", str(WIRE), str(REPRINT)]
    if not tty:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    leader, follower = pty.openpty()
    try:
        subprocess.run(command, stdout=follower, stderr=subprocess.DEVNULL, env=env, timeout=120, check=True)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    return b"".join(chunks).decode()


def test_the_command_colours_a_terminal_but_not_a_pipe_nor_no_color() -> None:
    piped = run_compare(tty=False, no_color=False)
    assert "[-1,200-]" in piped and "{+1,500+}" in piped and ESCAPE not in piped
    terminal = run_compare(tty=True, no_color=False)
    assert "\x1b[31m[-1,200-]\x1b[0m" in terminal and "\x1b[32m{+1,500+}\x1b[0m" in terminal
    assert ESCAPE not in run_compare(tty=True, no_color=True)
