"""`collate` output: the JSON contract, a terminal text view and Markdown for notes.

All three read one `Collation` through the same row filter, so a script, a terminal and
a notebook see the same rows. A row reads as a block: its number (from 1, as people
count) and how many articles carry it, then each carrying article's sentence, the
row's reference first in column order like the others but marked, every other one with
its word changes against the reference, marked as `compare` marks them: in text
`[-the reference's words this outlet does not print-]` and `{+its own words+}`, in
Markdown ~~struck~~ and **bold**. Blocks rather than a grid, so the view stays readable
from 2 to 50 outlets; the TUI's Story screen is the grid.
"""

from __future__ import annotations

import re
from typing import Any

from sidebyside.analysis.collate import (
    CollatedRow,
    Collation,
    ColumnOrder,
    carried_by,
    collated_cell,
    filter_rows,
)
from sidebyside.export.compare import md_escape
from sidebyside.export.marks import ADDED, MARKDOWN_ADDED, MARKDOWN_REMOVED, REMOVED, inline_changes
from sidebyside.export.table import fit
from sidebyside.ingest.load import printable
from sidebyside.layout import cell_width, wrap

#: How each column order is named in the headers.
ORDER_NAMES: dict[ColumnOrder, str] = {
    "date": "by date (earliest first, undated last)",
    "closeness": "by closeness (the article closest to all others first)",
    "file": "as loaded",
}
#: A row not carried by more than this many articles names them; beyond, it counts them.
NAMED_ABSENT = 8
#: Printed before a cell that rewrote the reference (shown whole, unmarked: see `kept_share`).
REWORDED = "(reworded)"
#: Below this many columns for the sentence, it goes under its head line instead of beside it.
NARROW = 40
#: Widest outlet label in the text view's cells (longer ones are cut with an ellipsis).
LABEL_WIDTH = 20

# --- JSON ---------------------------------------------------------------------------------------


def collate_payload(collation: Collation, *, min_outlets: int = 1, only_one: bool = False) -> dict[str, Any]:
    """`collate --format json`: the issue's contract plus `outlets`, and per row `row` and `carried_by`.

    `row` is the row's 0-based index in the whole collation, so rows keep their number
    when a filter leaves some out.
    """
    ids = [a.id for a in collation.articles]
    return {
        "articles": ids,
        "outlets": [{"id": a.id, "outlet": a.outlet, "label": a.label, "date": a.date} for a in collation.articles],
        "rows": [
            {
                "row": r,
                "cells": dict(zip(ids, collation.rows[r].cells, strict=True)),
                "reference": ids[collation.rows[r].reference],
                "carried_by": carried_by(collation.rows[r]),
            }
            for r in filter_rows(collation, min_outlets=min_outlets, only_one=only_one)
        ],
    }


# --- shared helpers -----------------------------------------------------------------------------


def summary(collation: Collation) -> str:
    """One line: how many articles and rows, and how many rows all or only one carry."""
    n = len(collation.articles)
    by_all = sum(1 for row in collation.rows if carried_by(row) == n)
    by_one = sum(1 for row in collation.rows if carried_by(row) == 1)
    return f"{n} articles, {len(collation.rows)} rows: {by_all} carried by all {n}, {by_one} by one article only"


def showing(collation: Collation, shown: int, *, min_outlets: int, only_one: bool) -> str | None:
    """What the filter kept, in words; None when every row is shown."""
    if only_one:
        return f"Showing the rows only one article carries: {shown} of {len(collation.rows)}."
    if min_outlets > 1:
        return f"Showing the rows carried by at least {min_outlets} articles: {shown} of {len(collation.rows)}."
    return None


def absent_from(collation: Collation, row: CollatedRow) -> str | None:
    """The articles that do not carry the row, named when few, else counted; None when all do."""
    missing = [a.label for a, s in zip(collation.articles, row.cells, strict=True) if s is None]
    if not missing:
        return None
    if len(missing) > NAMED_ABSENT:
        return f"not in {len(missing)} other articles"
    return "not in: " + ", ".join(missing)


# --- text ---------------------------------------------------------------------------------------


def collate_text(
    collation: Collation,
    width: int = 100,
    *,
    order: ColumnOrder = "date",
    min_outlets: int = 1,
    only_one: bool = False,
) -> str:
    """A plain-text view for a terminal, a pager or a file: a legend, then one block per row.

    Each cell line: `*` on the reference, the column's number and outlet, the sentence's
    number in its article (from 1), then the sentence, or `=` when it is word for word
    the reference's, else its changes marked `[-…-]` / `{+…+}`.
    """
    width = max(width, 40)
    n = len(collation.articles)
    rows = filter_rows(collation, min_outlets=min_outlets, only_one=only_one)
    number = len(str(n))
    label = min(LABEL_WIDTH, max(cell_width(a.label) for a in collation.articles))
    sentence = len(str(max(len(a.sentences) for a in collation.articles)))
    lines = [f"Collation: {summary(collation)}", f"Columns {ORDER_NAMES[order]}:"]
    for c, article in enumerate(collation.articles, 1):
        lines.append(
            f"  {c:>{number}} {terminal_line(article.label)} ({terminal_line(article.id)}, {article.date or 'undated'})"
        )
    legend = (
        f"* marks each row's reference; the others: = same words, {REWORDED} mostly other words, "
        f"else {REMOVED[0]}reference only{REMOVED[1]} {ADDED[0]}this article only{ADDED[1]}"
    )
    lines += wrap(legend, width)
    note = showing(collation, len(rows), min_outlets=min_outlets, only_one=only_one)
    if note:
        lines += wrap(note, width)
    indent = 2 + number + 1 + label + 1 + sentence + 2
    beside = width - indent >= NARROW  # else the sentence goes under its head, indented 4
    indent = indent if beside else 4
    for r in rows:
        row = collation.rows[r]
        lines += ["", f"Row {r + 1} · carried by {carried_by(row)} of {n}"]
        for c, index in enumerate(row.cells):
            if index is None:
                continue
            mark = "*" if c == row.reference else " "
            outlet = fit(terminal_line(collation.articles[c].label), label)
            head = f"{mark} {c + 1:>{number}} {outlet} {index + 1:>{sentence}}"
            parts = wrap(_cell_text(collation, row, c), width - indent, long_words_start_a_line=True)
            if beside:
                head, parts = f"{head}  {parts[0]}", parts[1:]
            lines.append(head.rstrip())
            lines += [(" " * indent + part).rstrip() for part in parts]
        absent = absent_from(collation, row)
        if absent:
            lines.append(f"  {terminal_line(absent)}")
    return "\n".join(lines)


def _cell_text(collation: Collation, row: CollatedRow, column: int) -> str:
    """A cell as the text view prints it: the reference whole, "=" for the same words, else marked."""
    cell = collated_cell(collation, row, column)
    if cell is None:
        return ""
    if cell.kind == "same":
        return "="
    if cell.kind == "reworded":
        return f"{REWORDED} {terminal_line(cell.text)}"
    if cell.kind == "changed":
        return inline_changes(cell.changes, terminal_line, REMOVED, ADDED)
    return terminal_line(cell.text)


_WHITESPACE = re.compile(r"\s")


def terminal_line(text: str) -> str:
    """Article text made safe to print on one terminal line: whitespace as spaces, controls
    shown, not obeyed (the Story screen draws its cells with it too). Unlike
    `export.escape.one_line`, which only folds whitespace, for files."""
    return printable(_WHITESPACE.sub(" ", text))


# --- Markdown -----------------------------------------------------------------------------------


def collate_markdown(
    collation: Collation,
    *,
    order: ColumnOrder = "date",
    min_outlets: int = 1,
    only_one: bool = False,
) -> str:
    """Notes-ready Markdown: the columns as a table, then a section per row.

    Each row lists its articles' sentences, the reference marked, the others with the
    reference's words they drop ~~struck~~ and their own **bold**.
    """
    rows = filter_rows(collation, min_outlets=min_outlets, only_one=only_one)
    lines = [
        f"## Collation: {md_escape(summary(collation))}",
        "",
        f"Columns {md_escape(ORDER_NAMES[order])}:",
        "",
        "| # | Outlet | Article | Date |",
        "| --- | --- | --- | --- |",
    ]
    for c, article in enumerate(collation.articles, 1):
        lines.append(f"| {c} | {md_escape(article.label)} | {md_escape(article.id)} | {article.date or '—'} |")
    lines += [
        "",
        "Each article's wording against the row's reference: ~~reference only~~ **this article only**; "
        "a reworded sentence (mostly other words) is shown whole.",
    ]
    note = showing(collation, len(rows), min_outlets=min_outlets, only_one=only_one)
    if note:
        lines += ["", md_escape(note)]
    n = len(collation.articles)
    for r in rows:
        row = collation.rows[r]
        lines += ["", f"### Row {r + 1} — carried by {carried_by(row)} of {n}", ""]
        lines += markdown_row(collation, row)
    return "\n".join(lines) + "\n"


def markdown_row(collation: Collation, row: CollatedRow) -> list[str]:
    """A row's Markdown list, without its heading: each carrying article's sentence, then
    who leaves it out (also the story report's, so a row reads the same in both)."""
    lines = []
    for c in range(len(row.cells)):
        cell = collated_cell(collation, row, c)
        if cell is None:
            continue
        label = md_escape(collation.articles[c].label)
        head = f"- **{label}** (sentence {cell.sentence + 1}"
        if cell.kind == "reference":
            lines.append(f"{head}, reference): {md_escape(cell.text)}")
        elif cell.kind == "same":
            lines.append(f"{head}): same words")
        elif cell.kind == "reworded":
            lines.append(f"{head}, reworded): {md_escape(cell.text)}")
        else:
            lines.append(f"{head}): {inline_changes(cell.changes, md_escape, MARKDOWN_REMOVED, MARKDOWN_ADDED)}")
    absent = absent_from(collation, row)
    if absent:
        lines.append(f"- *{md_escape(absent[0].upper() + absent[1:])}*")
    return lines
