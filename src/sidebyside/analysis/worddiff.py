"""Word-level differences between two versions of a sentence.

A character diff of prose is unreadable ("Tu<del>es</del>day"); a journalist wants to
see which *words* the other outlet changed. So each word, whitespace run and punctuation
mark becomes one token, each distinct token one character, and diff-match-patch diffs
those characters (then `diff_cleanupSemantic` folds tiny coincidental equalities into
the surrounding edits). Mapped back, an edit never splits a word.

The characters are chosen so diff-match-patch's own boundary heuristics still work:
words map to letters (alphanumeric), whitespace to whitespace and punctuation to itself,
so "semantic" shifts prefer to end an edit at a space or after a comma, as they would on
plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diff_match_patch import diff_match_patch

DELETE, EQUAL, INSERT = -1, 0, 1

Op = tuple[int, str]

_TOKEN = re.compile(
    r"""
      (?:[^\W\d_]\.){2,}            # acronyms with dots: U.N. U.S.
    | \d+(?:[.,:]\d+)+              # numbers with separators: 2,467 3.5 10:30
    | [^\W_]+(?:['’\-][^\W_]+)*     # words, with apostrophes and hyphens: al-Serraj's
    | \s+                           # a run of whitespace
    | .                             # any other single character: punctuation
    """,
    re.VERBOSE | re.DOTALL,
)

#: Every character Python counts as whitespace, " " first: stand-ins for whitespace runs.
_WHITESPACE = " \n\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(
    chr(c) for c in (*range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
)


def tokenize(text: str) -> list[str]:
    """Split `text` into words, whitespace runs and single punctuation marks (lossless)."""
    return _TOKEN.findall(text)


def word_diff(a: str, b: str) -> list[Op]:
    """Diff two texts word by word: (op, text) with op -1 delete, 0 equal, 1 insert.

    The texts of ops 0 and -1 concatenate to `a`, those of 0 and 1 to `b`.
    """
    if a == b:
        return [(EQUAL, a)] if a else []
    codec = _Codec()
    code_a, code_b = codec.encode(tokenize(a)), codec.encode(tokenize(b))
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # sentences are short; no timeout keeps results deterministic
    diffs = dmp.diff_main(code_a, code_b, checklines=False)
    dmp.diff_cleanupSemantic(diffs)
    return _merge((op, codec.decode(code)) for op, code in diffs)


def _merge(ops: Iterator[Op] | list[Op]) -> list[Op]:
    """Join neighbouring ops of the same kind; drop empty ones."""
    out: list[Op] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out


class _Codec:
    """Maps tokens to single characters of the same kind (letter, space, punctuation)."""

    def __init__(self) -> None:
        self.char_of: dict[str, str] = {}
        self.token_of: dict[str, str] = {}
        self._next_letter = 0x4E00  # CJK ideographs: alphanumeric and plentiful
        self._next_other = 0xE000  # private use area

    def encode(self, tokens: list[str]) -> str:
        return "".join(self._char(t) for t in tokens)

    def decode(self, code: str) -> str:
        return "".join(self.token_of[c] for c in code)

    def _char(self, token: str) -> str:
        char = self.char_of.get(token)
        if char is None:
            char = self._pick(token)
            self.char_of[token] = char
            self.token_of[char] = token
        return char

    def _pick(self, token: str) -> str:
        """A free character of the token's kind, so boundary scoring sees the same kind."""
        if len(token) == 1 and not token.isalnum() and token not in self.token_of:
            return token  # punctuation and single spaces stand for themselves
        if token.isspace():
            free = next((c for c in _WHITESPACE if c not in self.token_of), None)
            if free is not None:
                return free
        elif token[0].isalnum():
            return self._letter()
        return self._other()

    def _letter(self) -> str:
        while True:
            char = chr(self._next_letter)
            self._next_letter += 1
            if char.isalnum() and char not in self.token_of:
                return char

    def _other(self) -> str:
        while True:
            char = chr(self._next_other)
            self._next_other += 1
            if char not in self.token_of and not char.isalnum() and not char.isspace():
                return char
