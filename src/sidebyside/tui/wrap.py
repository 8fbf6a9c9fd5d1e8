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
        while size > width:  # a word longer than the line: cut it
            room = width - used - (1 if current else 0)
            if room <= 0:
                lines.append(current)
                current, used = "", 0
                continue
            head, rest = _cut(word, room)
            lines.append(f"{current} {head}" if current else head)
            current, used = "", 0
            word, size = rest, cell_len(rest)
        if not current:
            current, used = word, size
        elif used + 1 + size <= width:
            current, used = f"{current} {word}", used + 1 + size
        else:
            lines.append(current)
            current, used = word, size
    lines.append(current)
    return lines


def _cut(word: str, room: int) -> tuple[str, str]:
    used = 0
    for i, ch in enumerate(word):
        used += cell_len(ch)
        if used > room:
            return word[: max(i, 1)], word[max(i, 1) :]
    return word, ""
