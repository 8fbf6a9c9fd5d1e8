"""Finding a phrase among a screen's items (sentences, rows, quotes), for `/` search.

A journalist types the words as they remember them: case, curly or straight quotes, a
hyphen for a dash and doubled spaces must not decide whether the words are found, so the
phrase and the texts are compared in the analysis's own normal form (`normalise`). An item
may hold several texts (both sides of a Compare row, every outlet's wording of a quote); a
phrase is found inside one of them, never across two.

Plain Python, no Textual: the screens hand over their items and their cursor and move to
the item found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sidebyside.analysis.text import normalise


@dataclass(frozen=True)
class Hit:
    """Where a search lands: the item, its place among all matching items, and their count."""

    index: int
    number: int  # from 1: "match 2 of 5"
    total: int
    wrapped: bool  # went past the last item (or, backwards, the first) to get here
    step: int = 1  # 1 searched forwards, -1 backwards

    def __str__(self) -> str:
        wrapped = (" (from the top)" if self.step >= 0 else " (from the bottom)") if self.wrapped else ""
        return f"match {self.number} of {self.total}{wrapped}"


def matches(items: Sequence[Sequence[str]], phrase: str) -> list[int]:
    """The indices of the items one of whose texts contains `phrase` (normalised)."""
    wanted = normalise(phrase)
    if not wanted:
        return []
    return [i for i, texts in enumerate(items) if any(wanted in normalise(text) for text in texts)]


def find(items: Sequence[Sequence[str]], phrase: str, cursor: int, step: int = 1) -> Hit | None:
    """The first matching item after `cursor` (before it when `step` is -1), wrapping around.

    The cursor's own item is found last, so pressing Enter again on a lone match stays there.
    None when no item matches.
    """
    found = matches(items, phrase)
    if not found:
        return None
    if step >= 0:
        ahead = [n for n, i in enumerate(found) if i > cursor]
        number = ahead[0] if ahead else 0
    else:
        behind = [n for n, i in enumerate(found) if i < cursor]
        number = behind[-1] if behind else len(found) - 1
    index = found[number]
    wrapped = index <= cursor if step >= 0 else index >= cursor
    return Hit(index=index, number=number + 1, total=len(found), wrapped=wrapped, step=1 if step >= 0 else -1)
