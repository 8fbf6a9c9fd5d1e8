"""`compare` output: the JSON contract, a terminal text view and Markdown for notes.

All three read the same `Alignment`, so a script, a terminal and a notebook see the
same rows. Article text is escaped for each target (control characters in the terminal,
Markdown syntax in notes): an article that contains `**` or `|` must not restyle the
page it is pasted into. Changed words are marked in characters, never by colour alone:
`[-removed-]` and `{+added+}` in the text view (the marks of `git diff --word-diff`),
~~struck~~ and **bold** in Markdown. A changed row whose only differences are framing (a
person's label, an attribution verb, a hedge: `analysis.framing`) says what changed
("said → claimed"): a `framing` key in JSON, a note in text and Markdown.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sidebyside.analysis.framing import row_framing
from sidebyside.analysis.worddiff import DELETE, EQUAL, word_diff
from sidebyside.export.escape import MARKDOWN_ESCAPES
from sidebyside.export.marks import ADDED, MARKDOWN_ADDED, MARKDOWN_REMOVED, REMOVED, inline_changes, mark_words
from sidebyside.layout import MIN_TWO_COLUMN_WIDTH, cell_width, wrap
from sidebyside.model import ROW_LABELS, ROW_MARKS, AlignedRow, Alignment, Article

# --- JSON ----------------------------------------------------------------------------------


def compare_payload(al: Alignment) -> dict[str, Any]:
    """The `compare --format json` payload of DESIGN.md, plus `share` and `related`."""
    return {
        "a": {"id": al.a.id, "sentences": list(al.a.sentences)},
        "b": {"id": al.b.id, "sentences": list(al.b.sentences)},
        "share": round(al.share_a_in_b, 3),
        "rows": [_row_dict(al, r) for r in al.rows],
    }


def _row_dict(al: Alignment, row: AlignedRow) -> dict[str, Any]:
    out: dict[str, Any] = {
        "a": row.a,
        "b": row.b,
        "kind": row.kind,
        "similarity": row.similarity,
    }
    if row.related:
        out["related"] = list(row.related)
    if framing := row_framing(al, row):
        out["framing"] = framing
    return out


# --- shared helpers ------------------------------------------------------------------------


def kind_counts(al: Alignment) -> Counter[str]:
    """How many rows of each kind, for headers."""
    return Counter(r.kind for r in al.rows)


def summary(al: Alignment) -> str:
    """One line: share of A found in B and the row counts."""
    return f"{al.share_a_in_b:.0%} of A found in B ({counts_text(al)})"


def counts_text(al: Alignment) -> str:
    """ "2 same, 4 changed, ...": the non-zero row counts in legend order."""
    counts = kind_counts(al)
    return ", ".join(f"{counts[k]} {ROW_LABELS[k]}" for k in ROW_MARKS if counts[k])


def _describe(article: Article) -> str:
    title = f" — {article.title}" if article.title else ""
    return f"{article.label}{title} ({article.id})"


def _diff_of(al: Alignment, row: AlignedRow) -> list[tuple[int, str]] | None:
    """Word diff of a paired row whose texts differ; None when there is nothing to show."""
    if row.a is None or row.b is None:
        return None
    text_a, text_b = al.a.sentences[row.a], al.b.sentences[row.b]
    if row.kind == "same" or text_a == text_b:
        return None
    return word_diff(text_a, text_b)


# --- text ----------------------------------------------------------------------------------

#: The note under a row whose only changes are framing: a person's label, an attribution
#: verb, a hedge.
FRAMING_NOTE = "framing change: "
#: ANSI colours of the marked words when stdout is a terminal (red removed, green added).
_PAINT = {REMOVED: "\x1b[31m", ADDED: "\x1b[32m"}
_RESET = "\x1b[0m"


def compare_text(al: Alignment, width: int = 100, *, colour: bool = False) -> str:
    """A plain-text view for a terminal: two columns, or interleaved when narrow.

    Changed words carry git's word-diff marks, A's side `[-removed-]`, B's side `{+added+}`,
    so they show on any terminal, in a file and on paper; `colour` also paints them.
    """
    width = max(width, 20)
    marks = f"{REMOVED[0]}not in B{REMOVED[1]} {ADDED[0]}not in A{ADDED[1]}"
    lines = [
        f"A: {_clean(_describe(al.a))}",
        f"B: {_clean(_describe(al.b))}",
        summary(al),
        "legend: " + "  ".join(f"{m} {ROW_LABELS[k]}" for k, m in ROW_MARKS.items()) + "  words: " + marks,
        "",
    ]
    body = _two_columns(al, width, colour) if width >= MIN_TWO_COLUMN_WIDTH else _interleaved(al, width, colour)
    if colour:
        lines[3] = _paint([lines[3]])[0]
    return "\n".join(lines + body)


def marked_sides(diff: Sequence[tuple[int, str]]) -> tuple[str, str]:
    """A's sentence with `[-words B does not print-]`, B's with `{+words A does not print+}`.

    The marks wrap only the words: spaces at the edges of a change stay outside, so
    removing the marks gives each sentence back exactly and a change reads "[-would-] be".
    """
    left: list[str] = []
    right: list[str] = []
    for op, text in diff:
        text = _clean(text)
        if op == EQUAL:
            left.append(text)
            right.append(text)
        else:
            (left if op == DELETE else right).append(mark_words(text, REMOVED if op == DELETE else ADDED))
    return "".join(left), "".join(right)


def _row_texts(al: Alignment, row: AlignedRow) -> tuple[str, str]:
    """The row's two sentences as printed: word-diff marks where a paired row was reworded."""
    diff = _diff_of(al, row)
    if diff is None:
        return _side_text(al.a, row.a), _side_text(al.b, row.b)
    return marked_sides(diff)


def _paint(lines: list[str]) -> list[str]:
    """Colour the marked words of a cell's lines; a change wrapped over lines stays coloured."""
    out = []
    open_marks: tuple[str, str] | None = None
    for line in lines:
        parts = [_PAINT[open_marks]] if open_marks else []
        i = 0
        while i < len(line):
            pair = line[i : i + 2]
            if open_marks is None and pair in (REMOVED[0], ADDED[0]):
                open_marks = REMOVED if pair == REMOVED[0] else ADDED
                parts += [_PAINT[open_marks], pair]
                i += 2
            elif open_marks is not None and pair == open_marks[1]:
                parts += [pair, _RESET]
                open_marks = None
                i += 2
            else:
                parts.append(line[i])
                i += 1
        if open_marks:
            parts.append(_RESET)
        out.append("".join(parts))
    return out


def _two_columns(al: Alignment, width: int, colour: bool) -> list[str]:
    """Rows side by side: `mark A-number text | B-number text`, wrapped in step."""
    col = (width - 3 - 2) // 2  # "m " prefix, " | " separator
    num = 5  # "123  " sentence numbers
    lines: list[str] = []
    for row in al.rows:
        text_a, text_b = _row_texts(al, row)
        left = _wrap(text_a, col - num)
        right = _wrap(text_b, col - num)
        left = [_pad(line, col - num) for line in left]
        if colour:
            left, right = _paint(left), _paint(right)
        for k in range(max(len(left), len(right))):
            mark = ROW_MARKS[row.kind] if k == 0 else " "
            la = _number(row.a) if k == 0 else ""
            lb = _number(row.b) if k == 0 else ""
            cell_a = _pad(la, num) + (left[k] if k < len(left) else " " * (col - num))
            cell_b = _pad(lb, num) + (right[k] if k < len(right) else "")
            lines.append(f"{mark} {cell_a} | {cell_b}".rstrip())
        if row.related:
            lines.append(f"  {'':{col}} | {_related_note(row)}".rstrip())
        if framing := row_framing(al, row):
            lines.append(f"  {FRAMING_NOTE}{framing}")
    return lines


def _interleaved(al: Alignment, width: int, colour: bool) -> list[str]:
    """One column: each row's A line then its B line, prefixed with the kind mark."""
    lines: list[str] = []
    for row in al.rows:
        mark = ROW_MARKS[row.kind]
        texts = _row_texts(al, row)
        for side, text, index in (("A", texts[0], row.a), ("B", texts[1], row.b)):
            if index is None or (side == "B" and row.kind == "same"):
                continue
            head = f"{mark} {side}{index + 1:<4}"
            parts = _wrap(text, width - len(head) - 1)
            for k, part in enumerate(_paint(parts) if colour else parts):
                lines.append(f"{head if k == 0 else ' ' * len(head)} {part}".rstrip())
        if row.related:
            lines.append(f"  {_related_note(row)}")
        if framing := row_framing(al, row):
            lines.append(f"  {FRAMING_NOTE}{framing}")
    return lines


def _related_note(row: AlignedRow) -> str:
    return "also related: " + ", ".join(f"B{j + 1}" for j in row.related)


def _side_text(article: Article, index: int | None) -> str:
    return "" if index is None else _clean(article.sentences[index])


def _number(index: int | None) -> str:
    return "" if index is None else str(index + 1)


def _clean(text: str) -> str:
    """Make article text safe to print: control characters shown, not obeyed."""
    out = []
    for ch in text:
        if ch in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc":
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_width(text))


def _wrap(text: str, width: int) -> list[str]:
    """Word wrap for a column of the text view: a word longer than a line starts a line of its own."""
    return wrap(text, max(width, 4), long_words_start_a_line=True)


# --- Markdown ------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def compare_markdown(al: Alignment) -> str:
    """Notes-ready Markdown: a header, then the rows interleaved with changed words marked.

    Deleted words are ~~struck through~~, inserted ones **bold**, so the reworded
    sentences read as one line with the edits visible.
    """
    lines = [
        f"## {md_escape(al.a.label)} vs {md_escape(al.b.label)}",
        "",
        f"- **A:** {md_escape(_describe(al.a))}",
        f"- **B:** {md_escape(_describe(al.b))}",
        f"- **Share of A found in B:** {al.share_a_in_b:.0%} ({md_escape(counts_text(al))})",
        "",
        "Changed words: ~~as in A~~ **as in B**.",
        "",
    ]
    for n, row in enumerate(al.rows, 1):
        lines.append(f"{n}. {_md_row(al, row)}")
    return "\n".join(lines) + "\n"


def _md_row(al: Alignment, row: AlignedRow) -> str:
    """One list item: kind and sentence numbers in bold, then the text (or inline diff)."""
    head = f"**{ROW_LABELS[row.kind]} {_md_where(row)}:**"
    if row.kind != "same" and row.a is not None and row.b is not None:
        head += f" ({row.similarity:.0%})"
    diff = _diff_of(al, row)
    if diff is not None:
        text = inline_changes(diff, md_escape, MARKDOWN_REMOVED, MARKDOWN_ADDED)
    elif row.a is not None:
        text = md_escape(al.a.sentences[row.a])
    else:
        text = md_escape(al.b.sentences[row.b or 0])
    related = ", ".join(f"B{j + 1}" for j in row.related)
    framing = row_framing(al, row)
    return (
        f"{head} {text}"
        + (f" *(related: {related})*" if related else "")
        + (f" *({FRAMING_NOTE}{md_escape(framing)})*" if framing else "")
    )


def _md_where(row: AlignedRow) -> str:
    """ "A3 ↔ B4", "A3" or "B4": the sentence numbers of the row, counted from 1."""
    sides = (("A", row.a), ("B", row.b))
    return " ↔ ".join(f"{side}{index + 1}" for side, index in sides if index is not None)


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax and flatten line breaks: article text stays text.

    Runs of whitespace become one space but edges are kept, so diff segments escaped one
    by one still join with their spaces.
    """
    return _SPACES.sub(" ", _clean(text)).translate(MARKDOWN_ESCAPES)
