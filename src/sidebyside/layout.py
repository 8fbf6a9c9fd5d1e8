"""Terminal layout shared by the text exports and the TUI: display width, word wrap, breakpoints.

Plain functions over plain strings, without Textual, so the headless commands use them too.
Widths are Rich's `cell_len`: Textual measures every line it draws with that same function,
so a line wrapped here fits the TUI's columns exactly, and the text exports agree with the
screens (wide CJK and emoji count 2 cells, combining marks and control characters 0).
"""

from __future__ import annotations

from rich.cells import cell_len

#: Below this width two columns side by side get too narrow to read: the TUI stacks A
#: above B and the `compare` text view interleaves them.
MIN_TWO_COLUMN_WIDTH = 70

#: Terminal cells a text takes (the one measure of display width in sidebyside).
cell_width = cell_len


def wrap(text: str, width: int, *, long_words_start_a_line: bool = False) -> list[str]:
    """Greedy word wrap by terminal cells; never empty (an empty text is one empty line).

    Text is split at whitespace. A word longer than a line is cut, in one pass (a
    20,000-character word costs linear time): by default its first piece fills what is left
    of the current line (the TUI's views); with `long_words_start_a_line` it starts a line of
    its own (the `compare` text view).
    """
    width = max(1, width)
    lines: list[str] = []
    current, used = "", 0
    for word in text.split():
        size = cell_len(word)
        if size > width:  # a word longer than the line: fill this line (or start one), then whole lines
            room = width - used - (1 if current else 0)
            if room > 0 and current and not long_words_start_a_line:
                pieces = _pieces(word, width, room)
                lines.append(f"{current} {pieces[0]}")
            else:
                pieces = _pieces(word, width, width)
                if current:
                    lines.append(current)
                lines.append(pieces[0])
            lines.extend(pieces[1:-1])
            current, used = (pieces[-1], cell_len(pieces[-1])) if len(pieces) > 1 else ("", 0)
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
