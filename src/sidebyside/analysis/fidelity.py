"""How faithfully an outlet printed a quote: verbatim, trimmed, altered or reported.

A group of carriers of one statement is only useful to a journalist if it never puts
one outlet's words in another's mouth. So each carrier keeps its own wording, and its
`fidelity` against the group's reference wording is decided by the words alone:

* `verbatim` -- the same words once quotation marks, case, punctuation and spacing are
  folded away ("Libya" == "libya," );
* `trimmed` -- both direct, and one is a contiguous run of the other's words;
* `altered` -- both direct, with words added, dropped or replaced inside the marks;
* `reported` -- indirect speech of the same statement.

`changes` lists the word edits (diff-match-patch on words, via `worddiff`) that turn
the reference into the carrier, so a screen can show "people's -> our children's".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from rapidfuzz.distance import Indel

from sidebyside.analysis.text import normalise
from sidebyside.analysis.worddiff import DELETE, EQUAL, INSERT, word_diff
from sidebyside.model import QuoteKind


class Fidelity(StrEnum):
    """A carrier's wording relative to the reference wording of its group."""

    VERBATIM = "verbatim"
    TRIMMED = "trimmed"
    ALTERED = "altered"
    REPORTED = "reported"


ChangeOp = Literal["replace", "insert", "delete"]


@dataclass(frozen=True)
class Change:
    """One word edit from the reference (`a`) to the carrier (`b`); "" on the empty side."""

    op: ChangeOp
    a: str
    b: str


#: A word as compared: a number with its separators ("1,200"), or letters and digits with
#: inner apostrophes ("people's"; "U.N." -> "u", "n").
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:'[^\W_]+)*")


def quote_words(text: str) -> list[str]:
    """The words of a quote in the folded form two printings are compared in."""
    return _WORD.findall(normalise(text))


def _bare(words: list[str]) -> list[str]:
    """Words without apostrophes: "people's" and "peoples" are one spelling apart, not two words."""
    return [w.replace("'", "") for w in words]


def contains_run(long: list[str], short: list[str]) -> bool:
    """True when `short` is a contiguous run of `long`'s words."""
    n = len(short)
    if n == 0 or n > len(long):
        return False
    first = short[0]
    return any(long[i] == first and long[i : i + n] == short for i in range(len(long) - n + 1))


def fidelity(text: str, kind: QuoteKind, ref: str, ref_kind: QuoteKind) -> Fidelity:
    """The label the words call for, relative to the reference wording `ref`."""
    words, ref_words = _bare(quote_words(text)), _bare(quote_words(ref))
    if words == ref_words:
        return Fidelity.VERBATIM
    if kind == "direct" and ref_kind == "direct":
        if contains_run(ref_words, words) or contains_run(words, ref_words):
            return Fidelity.TRIMMED
        return Fidelity.ALTERED
    return Fidelity.REPORTED


def changes(text: str, ref: str) -> tuple[Change, ...]:
    """The word edits that turn `ref` into `text`, adjacent delete+insert joined as a replace."""
    ops = word_diff(" ".join(quote_words(ref)), " ".join(quote_words(text)))
    out: list[Change] = []
    pending_a, pending_b = "", ""

    def flush() -> None:
        nonlocal pending_a, pending_b
        a, b = " ".join(pending_a.split()), " ".join(pending_b.split())
        if a and b:
            out.append(Change("replace", a, b))
        elif a:
            out.append(Change("delete", a, ""))
        elif b:
            out.append(Change("insert", "", b))
        pending_a, pending_b = "", ""

    for op, chunk in ops:
        if op == EQUAL:
            if chunk.strip():
                flush()
            continue
        if op == DELETE:
            pending_a += " " + chunk
        elif op == INSERT:
            pending_b += " " + chunk
    flush()
    return tuple(out)


def similarity(a: list[str], b: list[str]) -> float:
    """Share of words two wordings have in order: 2 x longest common subsequence / total.

    rapidfuzz's Indel similarity is exactly that ratio, computed in C on word lists.
    """
    if not a or not b:
        return 0.0
    return float(Indel.normalized_similarity(a, b))


def common_in_order(a: list[str], b: list[str]) -> int:
    """How many words two wordings share in order (the longest common subsequence)."""
    return round(similarity(a, b) * (len(a) + len(b)) / 2)
