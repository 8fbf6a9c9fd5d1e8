"""A printing of a quote as a word diff against its reference wording, as Rich Text.

Words the outlet did not print are struck through; words it printed instead are bold and
underlined: the marks carry the meaning without colour (a 256-colour terminal or a
monochrome one loses the tints, not the strike and underline).
"""

from __future__ import annotations

from rich.text import Text

from sidebyside.analysis.worddiff import DELETE, INSERT, word_diff

DELETED = "strike red"
INSERTED = "bold underline green"


def diff_text(reference: str, printed: str) -> Text:
    """`printed` against `reference`, word by word, with deletions struck and insertions marked."""
    out = Text()
    for op, chunk in word_diff(reference, printed):
        if op == DELETE:
            out.append(chunk, style=DELETED)
        elif op == INSERT:
            out.append(chunk, style=INSERTED)
        else:
            out.append(chunk)
    return out
