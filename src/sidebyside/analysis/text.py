"""Text normalisation shared by the analysis modules.

Outlets that reprint the same wire copy differ in typography more often than in words:
curly or straight quotes, a hyphen or an en dash, a doubled space, "U.N." or "UN". Two
helpers make that invisible to the comparisons:

* `normalise` keeps every word and punctuation mark but folds quote styles, dashes,
  spacing and case, so "identical" means identical to a reader;
* `content_words` reduces a sentence to the words that carry its meaning (no stopwords,
  no possessives, acronym dots and thousands separators removed, a crude plural fold),
  so rewordings can be scored by the words they share (`word_sets` does it for a batch
  of sentences at once).

Both run on every sentence of every comparison, so they use plain string methods and
only fall back to regular expressions when a sentence needs them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: Typographic variants -> the plain character a reader would consider the same.
_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'", "\u2039": "'", "\u203a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}  # fmt: skip
_FOLDABLE = re.compile("[" + "".join(_FOLD) + "]")
#: A dash with space on one side only is a house style ("Libya -which"): make it spaced.
_LOPSIDED_DASH = re.compile(r"(?<=\S) -(?=\S)|(?<=\S)- (?=\S)")

#: Function words: they say nothing about which sentence is which.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yet upon via per whether though although since among amid
    """.split()
)
#: Characters trimmed from the ends of a word ("(LNA)", '"just', "anonymity,").
_TRIM = "\"'()[]{}<>:;!?*&%$#@+=|\\~^_…“”‘’«»"


def normalise(text: str) -> str:
    """Fold quotes, dashes, spacing and case: the form in which two copies are "the same"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _FOLDABLE.sub(lambda m: _FOLD[m.group(0)], text)
    text = " ".join(text.split())
    if " -" in text or "- " in text:
        # "word -word" and "word- word" both mean a spaced dash; repeat until stable so
        # runs such as "0-- 0" settle too (normalising twice must change nothing).
        while (spaced := _LOPSIDED_DASH.sub(" - ", text)) != text:
            text = spaced
    return text.casefold()


def content_words(text: str) -> list[str]:
    """The meaningful words of `text`, in order, folded so spelling variants meet."""
    return words_of_normalised(normalise(text))


def words_of_normalised(norm: str) -> list[str]:
    """`content_words` of text already passed through `normalise` (saves doing it twice).

    "the u.n.'s envoy" and "the un envoy" both give ["un", "envoy"]; "75,000" gives
    "75000"; a trailing plural "s" is dropped ("militias" -> "militia") so inflection does
    not hide a shared word. Deliberately crude: it only has to make overlaps visible.
    Dots and commas are simply deleted: in prose they are followed by a space, so only
    acronyms and numbers are joined by it.
    """
    return [word for word in map(_word_of_token, _joined(norm).split()) if word]


def word_sets(norms: Sequence[str]) -> list[frozenset[str]]:
    """`frozenset(words_of_normalised(t))` of each normalised text, in one batch.

    Alignment tokenises thousands of sentences per comparison; this does the same work
    with a string method per batch instead of four per sentence, and looks each token up
    in a table of tokens already seen (`_WORD_OF`) instead of trimming and folding it
    again: a story reuses its words far more often than it meets new ones.
    Normalised text holds no newline, so the batch is joined and split on one.
    """
    if not norms:
        return []
    if len(_WORD_OF) > _WORD_OF_LIMIT:
        _WORD_OF.clear()  # a bound on memory for long sessions; refilled as needed
    get = _WORD_OF.__getitem__
    return [frozenset(map(get, text.split())) - _DROPPED for text in _joined("\n".join(norms)).split("\n")]


def _joined(norm: str) -> str:
    """Dots and commas deleted (acronyms, numbers), hyphens and slashes made spaces."""
    return norm.replace(".", "").replace(",", "").replace("-", " ").replace("/", " ")


def _word_of_token(token: str) -> str:
    """The content word a token stands for, or "" when it is none (stopword, lone letter)."""
    word = token.strip(_TRIM)
    if word.endswith("'s"):
        word = word[:-2]
    if word in STOPWORDS or (len(word) < 2 and not word.isdigit()) or not word:
        return ""
    if len(word) > 4 and word[-1] == "s" and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


class _WordOfToken(dict[str, str]):
    """token -> `_word_of_token(token)`, computed the first time a token is seen."""

    def __missing__(self, token: str) -> str:
        word = self[token] = _word_of_token(token)
        return word


_WORD_OF = _WordOfToken()
#: Distinct tokens kept at most (a few tens of MB); past it the table starts again.
_WORD_OF_LIMIT = 500_000
_DROPPED = frozenset([""])
