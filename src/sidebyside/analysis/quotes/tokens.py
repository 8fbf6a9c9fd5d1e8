"""Tokens: a sentence as words, punctuation and whole quotations, for the rules to walk.

A quotation becomes a single token so that no rule ever reads inside quoted words for
a subject or a cue ("“Haftar said nothing,” the official said" has one act, not two).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sidebyside.analysis.quotes.marks import QuoteSpan
from sidebyside.analysis.speakers import WORD_PATTERN, fold, strip_possessive
from sidebyside.analysis.wordlists import (
    AUX,
    COMMON_VERBS,
    DETERMINERS,
    NP_PREPOSITIONS,
    REQUEST_VERBS,
    SAY_VERBS,
    TELL_VERBS,
)

#: A name-like word (with a trailing possessive apostrophe: "Reuters’"), or one punctuation mark.
TOKEN = re.compile(rf"{WORD_PATTERN}['’]?|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a punctuation mark, or a whole quotation, with its place in the sentence.

    `word` is the folded word without a possessive ending ('' for non-words), computed
    once because every rule asks for it.
    """

    text: str
    start: int
    end: int
    kind: Literal["word", "punct", "quote"] = "word"
    word: str = ""

    @property
    def low(self) -> str:
        return fold(self.text)


def tokenize(text: str, spans: Sequence[QuoteSpan]) -> list[Token]:
    """Words and punctuation outside quotations; each quotation is one `quote` token."""
    tokens: list[Token] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.mark_start):
        tokens += _plain_tokens(text, pos, span.mark_start)
        tokens.append(Token(text[span.mark_start : span.mark_end], span.mark_start, span.mark_end, "quote"))
        pos = span.mark_end
    tokens += _plain_tokens(text, pos, len(text))
    return tokens


def _plain_tokens(text: str, start: int, end: int) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text, start, end):
        raw = m.group()
        if raw[0].isalnum():
            out.append(Token(raw, m.start(), m.end(), "word", _folded_word(raw)))
        else:
            out.append(Token(raw, m.start(), m.end(), "punct"))
    return out


@lru_cache(maxsize=1 << 16)
def _folded_word(raw: str) -> str:
    return strip_possessive(fold(raw))[0]


def word(tok: Token | None) -> str:
    """The folded word of a token ('' for punctuation and quotations)."""
    return tok.word if tok is not None else ""


def is_verbish(tokens: Sequence[Token], i: int) -> bool:
    """A finite verb, as far as a rule can tell without a tagger."""
    tok = tokens[i]
    if tok.kind != "word" or not tok.text[:1].islower():
        return False
    w = tok.low
    prev = word(tokens[i - 1]) if i > 0 else ""
    if w in AUX or w in SAY_VERBS or w in TELL_VERBS or w in REQUEST_VERBS or w in COMMON_VERBS:
        return prev not in DETERMINERS
    return w.endswith("ed") and len(w) > 4 and "-" not in w and prev not in DETERMINERS and prev not in NP_PREPOSITIONS


class _Landmarks:
    """Where a sentence's quotations and semicolons are, among its tokens, so rules that
    look for the next quotation or the last semicolon do not walk the sentence per cue."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.size = len(tokens)
        self.quotes = [k for k, t in enumerate(tokens) if t.kind == "quote"]
        self.semicolons = [k for k, t in enumerate(tokens) if t.text == ";"]


#: The sentence read last: its cues ask about the same tokens. Replaced whole, never
#: changed in place, so a thread reading another sentence at worst recomputes.
_last: list[_Landmarks | None] = [None]


def _landmarks(tokens: Sequence[Token]) -> _Landmarks:
    found = _last[0]
    if found is None or found.tokens is not tokens or found.size != len(tokens):
        found = _Landmarks(tokens)
        _last[0] = found
    return found


def next_quote(tokens: Sequence[Token], k: int) -> int | None:
    """Index of the first quotation token at or after token `k`, if any."""
    quotes = _landmarks(tokens).quotes
    n = bisect_left(quotes, k)
    return quotes[n] if n < len(quotes) else None


def last_semicolon(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the last ";" token before token `i`, if any."""
    semicolons = _landmarks(tokens).semicolons
    n = bisect_left(semicolons, i)
    return semicolons[n - 1] if n > 0 else None
