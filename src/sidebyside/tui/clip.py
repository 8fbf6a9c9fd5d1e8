"""What `y` copies: a Compare row or a quote sheet entry as text to paste into notes.

A line copied out of the app is read later, away from the screen, so it carries what the
screen showed around it: which outlet printed the words and where (the sentence number
the app and the reports use, from 1). Each outlet keeps its own wording: a quote that
three outlets print differently is three lines, never one outlet's words under another's
name. Plain Python, no Textual.
"""

from __future__ import annotations

from sidebyside.analysis.story_quotes import FigureClaim, FigureGroup, QuoteGroup
from sidebyside.model import AlignedRow, Alignment

#: An entry of the quote sheet: a statement, a figure several outlets give, or a lone count.
Entry = QuoteGroup | FigureGroup | FigureClaim


def row_text(al: Alignment, row: AlignedRow) -> str:
    """Both sides of a Compare row, one line each, labelled with the outlet and sentence."""
    lines = []
    for article, index in ((al.a, row.a), (al.b, row.b)):
        if index is None:
            lines.append(f"{article.label}: no counterpart")
        else:
            lines.append(f"{article.label}, sentence {index + 1}: {article.sentences[index]}")
    return "\n".join(lines)


def entry_text(entry: Entry) -> str:
    """A quote with its speaker, or a figure with its source, one line per outlet printing it."""
    if isinstance(entry, QuoteGroup):
        lines = []
        for c in entry.carriers:
            said = f"{entry.speaker}: “{c.text}”" if c.kind == "direct" else f"{entry.speaker} (reported): {c.text}"
            lines.append(f"{said} ({c.outlet}, sentence {c.sentence + 1})")
        return "\n".join(lines)
    claims = entry.claims if isinstance(entry, FigureGroup) else (entry,)
    return "\n".join(_claim_line(c) for c in claims)


def _claim_line(claim: FigureClaim) -> str:
    value = " ".join(part for part in (claim.qualifier, claim.value, claim.what) if part)
    source = f", per {claim.source}" if claim.source else ""
    return f"{value}{source} ({claim.outlet}, sentence {claim.sentence + 1})"
