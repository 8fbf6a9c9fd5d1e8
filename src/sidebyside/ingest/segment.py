"""Split body paragraphs into sentences.

sentencex handles abbreviations (U.N., Gen., Aug. 14), initials, decimals and quotations
that end a sentence inside the marks; we add the rules news copy needs on top: a
paragraph break is always a sentence break, and a fragment too short to stand alone
(a stray "Jr." or a closing quotation mark) is joined to the sentence before it.
"""

from __future__ import annotations

import re

from sentencex import segment as _sentencex

#: Longest paragraph handed to sentencex in one piece; longer runs are cut at spaces first
#: so a 50 MB one-line file cannot make one call quadratic.
CHUNK = 20_000
FRAGMENT = re.compile(r"^[\"”’')\]]*$|^[A-Z][a-z]{0,3}\.$")


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
    for chunk in _chunks(paragraph):
        for raw in _sentencex("en", chunk):
            sentence = " ".join(raw.split())
            if not sentence:
                continue
            if out and FRAGMENT.match(sentence):
                out[-1] = f"{out[-1]} {sentence}" if sentence[0].isalnum() else out[-1] + sentence
            else:
                out.append(sentence)
    return out


def _chunks(text: str) -> list[str]:
    if len(text) <= CHUNK:
        return [text]
    chunks = []
    while len(text) > CHUNK:
        cut = text.rfind(". ", 0, CHUNK)
        if cut < CHUNK // 2:
            cut = text.rfind(" ", 0, CHUNK)
        if cut <= 0:
            cut = CHUNK
        else:
            cut += 1
        chunks.append(text[:cut])
        text = text[cut:]
    chunks.append(text)
    return chunks
