"""Quotation marks: where each quotation opens and closes, across sentence boundaries.

Outlets mix straight and curly marks, open with the wrong one, use ’ as an apostrophe,
and run one quotation over several sentences (or open it at the very end of one). This
stage finds the spans and nothing else; who said them is decided later.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.model import Article

#: Opening marks and the mark that closes each; straight " closes itself.
OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’"}


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in one sentence: `start`/`end` are the inner text (marks excluded)."""

    start: int
    end: int
    opened: bool = True  # the opening mark is in this sentence
    closed: bool = True  # the closing mark is in this sentence
    mark_start: int = 0
    mark_end: int = 0

    def shifted(self, by: int) -> QuoteSpan:
        """The same span in a text that starts `by` characters earlier."""
        return QuoteSpan(
            self.start + by, self.end + by, self.opened, self.closed, self.mark_start + by, self.mark_end + by
        )


def find_spans(text: str) -> list[QuoteSpan]:
    """Quotations opened in a sentence: curly, angle and straight double marks, curly
    singles. An opening mark with no closing runs to the end of the sentence (the
    quotation continues in the next one); a closing mark with no opening is left to
    `spans_across`, which knows whether the sentence before left a quotation open.
    """
    spans: list[QuoteSpan] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in OPEN_CLOSE and (ch != "‘" or _opens_single(text, i)):
            close_at = _find_close(text, i + 1, OPEN_CLOSE[ch], single=ch == "‘")
        elif ch == "”" and _opens_straight(text, i):
            close_at = text.find("”", i + 1)  # a sloppy outlet opening with ”
        elif ch == '"' and _opens_straight(text, i):
            close_at = text.find('"', i + 1)
        else:
            i += 1
            continue
        if close_at < 0:
            spans.append(QuoteSpan(i + 1, n, opened=True, closed=False, mark_start=i, mark_end=n))
            break
        spans.append(QuoteSpan(i + 1, close_at, mark_start=i, mark_end=close_at + 1))
        i = close_at + 1
    # an empty pair is noise; an empty *open* quotation ("... Ferrante said. “") is kept,
    # because the quoted words follow in the next sentence
    return [s for s in spans if text[s.start : s.end].strip() or not s.closed]


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in '“"([—–-:'


def _find_close(text: str, start: int, mark: str, single: bool) -> int:
    """Index of the closing mark; for ’ skip apostrophes inside words (Libya’s)."""
    j = text.find(mark, start)
    while single and j >= 0 and j + 1 < len(text) and text[j + 1].isalpha():
        j = text.find(mark, j + 1)
    return j


def spans_across(article: Article) -> list[list[QuoteSpan]]:
    """Quotation spans per sentence; a quotation left open continues into the next sentence
    of the same paragraph until a closing mark."""
    out: list[list[QuoteSpan]] = []
    still_open = False
    for index, text in enumerate(article.sentences):
        spans = find_spans(text)
        same_paragraph = (
            index > 0
            and len(article.paragraphs) == len(article.sentences)
            and article.paragraphs[index] == article.paragraphs[index - 1]
        )
        if still_open and same_paragraph and (not spans or spans[0].opened):
            close = first_close(text)
            if close is not None and (not spans or close < spans[0].mark_start):
                rest = [s.shifted(close + 1) for s in find_spans(text[close + 1 :])]
                spans = [QuoteSpan(0, close, opened=False, closed=True, mark_start=0, mark_end=close + 1), *rest]
            elif not spans:
                spans = [QuoteSpan(0, len(text), opened=False, closed=False, mark_start=0, mark_end=len(text))]
        out.append(spans)
        still_open = bool(spans) and not spans[-1].closed
    return out


def first_close(text: str) -> int | None:
    """Index of the first closing quotation mark in a sentence that continues a quotation."""
    for k, ch in enumerate(text):
        if ch in "”»" or (ch == '"' and k > 0 and not text[k - 1].isspace()):
            return k
    return None
