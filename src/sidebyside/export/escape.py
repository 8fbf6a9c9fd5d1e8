"""Article text made inert in each output format: one rule per format, used by every export.

Article text is data: a `*` or `#` in a scraped page must not become Markdown emphasis
or a heading in a journalist's notes, and `<script>` must not run in the HTML report.
"""

from __future__ import annotations

import html as _html

#: Characters with a meaning in CommonMark / GitHub Markdown inline text or tables.
MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|#~$")
#: str.translate table: each special character backslash-escaped.
MARKDOWN_ESCAPES = str.maketrans({c: "\\" + c for c in MARKDOWN_SPECIAL})


def one_line(text: str | None) -> str:
    """Whitespace runs (line breaks included) folded to one space, ends trimmed."""
    return " ".join((text or "").split())


def markdown(text: str | None) -> str:
    """Text made inert in Markdown: one line, every special character backslash-escaped."""
    return one_line(text).translate(MARKDOWN_ESCAPES)


def html(text: object) -> str:
    """Text made inert in HTML, attribute values included."""
    return _html.escape(str(text), quote=True)
