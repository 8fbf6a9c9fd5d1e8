"""Greedy word wrap by terminal cells, shared by the Line-API views.

Rich's Text.wrap is general but slow for tens of thousands of sentences; views here
need only plain text wrapped at word boundaries, with over-long words cut, measured in
cells so wide characters (CJK, emoji) line up.
"""

from __future__ import annotations

from rich.cells import cell_len


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells; never empty (an empty text is one empty line)."""
    width = max(1, width)
    lines: list[str] = []
    current, used = "", 0
    for word in text.split():
        size = cell_len(word)
        if size > width:  # a word longer than the line: fill this line, then whole lines
            room = width - used - (1 if current else 0)
            pieces = _pieces(word, width, room if room > 0 else width)
            if room > 0 and current:
                lines.append(f"{current} {pieces[0]}")
            else:
                if current:
                    lines.append(current)
                lines.append(pieces[0])
            lines.extend(pieces[1:-1])
            current, used = pieces[-1], cell_len(pieces[-1])
            if len(pieces) == 1:
                current, used = "", 0
            continue
        if not current:
            current, used = word, size
        elif used + 1 + size <= width:
            current, used = f"{current} {word}", used + 1 + size
        else:
            lines.append(current)
            current, used = word, size
    lines.append(current)
    return lines


def _pieces(word: str, width: int, first: int) -> list[str]:
    """Cut a long word in one pass: `first` cells, then `width` cells at a time."""
    pieces: list[str] = []
    start, used, limit = 0, 0, first
    for i, ch in enumerate(word):
        size = cell_len(ch)
        if used + size > limit and i > start:
            pieces.append(word[start:i])
            start, used, limit = i, 0, width
        used += size
    pieces.append(word[start:])
    return pieces


Span = tuple[str, str]
"""A piece of text and the name of its style ("" for the base style)."""


def wrap_spans(spans: list[Span], width: int) -> list[list[Span]]:
    """Wrap styled text exactly where `wrap` would wrap its plain text.

    Words are split at whitespace only, so a style change inside a word ("Tuesday" ->
    "Tuesday,") never moves a line break: a row's height can be computed from the plain
    sentence and its styled lines rendered later, only when they scroll into view.
    """
    chars: list[str] = []
    styles: list[str] = []
    pending_space = False
    for text, style in spans:
        for ch in text:
            if ch.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                styles.append(_space_style(styles[-1], style))
                pending_space = False
            chars.append(ch)
            styles.append(style)
    plain = "".join(chars)
    lines_out: list[list[Span]] = []
    pos = 0
    for line in wrap(plain, width):
        if plain.startswith(" ", pos) and not line.startswith(" "):
            pos += 1
        lines_out.append(_runs(line, styles[pos : pos + len(line)]))
        pos += len(line)
    return lines_out


def _runs(text: str, styles: list[str]) -> list[Span]:
    """Group consecutive characters of the same style into spans."""
    out: list[Span] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or styles[i] != styles[start]:
            out.append((text[start:i], styles[start]))
            start = i
    return out


def _space_style(left: str, right: str) -> str:
    """A space between two highlighted words stays highlighted, so a changed phrase reads as one."""
    return left if left == right else ""
