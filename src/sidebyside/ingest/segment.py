"""Split body paragraphs into sentences.

sentencex handles abbreviations (U.N., Gen., Aug. 14), initials, decimals and quotations
that end a sentence inside the marks; we add the rules news copy needs on top:

- a paragraph break is always a sentence break;
- a fragment too short to stand alone (a stray "Jr." or a closing quotation mark) is
  joined to the sentence before it, as is whatever follows spaced initials ("A. N. Other");
- an opening quotation mark left at the end of a sentence moves to the sentence it opens.
"""

from __future__ import annotations

import re

from sentencex import segment as _sentencex

#: Longest paragraph handed to sentencex in one piece; longer runs are cut at spaces first
#: so a 50 MB one-line file cannot make one call quadratic.
CHUNK = 20_000
FRAGMENT = re.compile(r"^[\"”’')\]]*$|^[A-Z][a-z]{0,3}\.$")
#: "A. N." — spaced initials end a name's first part, never a sentence ("A. N. Other").
INITIALS_END = re.compile(r"(?:^|\s)[A-Z]\. [A-Z]\.$")
#: `said. “` — sentencex leaves the quotation mark that opens the next sentence behind.
DANGLING_OPEN = re.compile(r"(?:^|\s)([“‘«\"]+)$")
OPENING = frozenset('“‘«"')


def split_sentences(paragraphs: tuple[str, ...] | list[str]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Sentences of all paragraphs, and the paragraph number of each sentence."""
    sentences: list[str] = []
    owners: list[int] = []
    for number, paragraph in enumerate(paragraphs):
        for sentence in sentences_of(paragraph):
            sentences.append(sentence)
            owners.append(number)
    return tuple(sentences), tuple(owners)


def sentences_of(paragraph: str) -> list[str]:
    """Sentences of one paragraph, stripped, none empty."""
    out: list[str] = []
    # The last sentence is kept in pieces, joined once it is complete: a run of thousands
    # of fragments ("Abc. Abc. …") joined to it one at a time would copy it every time.
    pieces: list[str] = []
    tail = ""  # its last TAIL characters, all the joining rules look at
    carry = ""  # an opening quotation mark left at the end of the previous sentence
    for chunk in _chunks(paragraph):
        for raw in _sentencex("en", chunk):
            sentence = carry + " ".join(raw.split())
            carry = ""
            if sentence[-1:] in OPENING and (m := DANGLING_OPEN.search(sentence)):
                sentence, carry = sentence[: m.start()].rstrip(), m.group(1)
            if not sentence:
                continue
            if pieces and (FRAGMENT.match(sentence) or (tail[-2:-1].isupper() and _initials_end(tail))):
                piece = f" {sentence}" if sentence[0].isalnum() else sentence
                pieces.append(piece)
                tail = (tail + piece)[-TAIL:]
            else:
                if pieces:
                    out.append("".join(pieces))
                pieces, tail = [sentence], sentence[-TAIL:]
    if carry:
        pieces.append(f" {carry}" if pieces else carry)
    if pieces:
        out.append("".join(pieces))
    return out


#: How much of a sentence's end `_initials_end` needs: "A. B." and the space before it.
TAIL = 16
INITIALS_INSIDE = re.compile(r"\s[A-Z]\. [A-Z]\.$")


def _initials_end(tail: str) -> bool:
    """`INITIALS_END.search(sentence)`, asked of the sentence's last TAIL characters: a match
    is at most eight long, and when the sentence is longer its start cannot match `^`."""
    return bool(INITIALS_END.search(tail) if len(tail) < TAIL else INITIALS_INSIDE.search(tail))


def _chunks(text: str) -> list[str]:
    """Cut a long paragraph into pieces of at most CHUNK characters, at a sentence end if
    one is near, else at a space (indices only: copying the rest each time is quadratic)."""
    if len(text) <= CHUNK:
        return [text]
    chunks = []
    start = 0
    while len(text) - start > CHUNK:
        limit = start + CHUNK
        cut = text.rfind(". ", start, limit)
        if cut < start + CHUNK // 2:
            cut = text.rfind(" ", start, limit)
        cut = limit if cut <= start else cut + 1
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return chunks
