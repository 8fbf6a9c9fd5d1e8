"""The outlet's label from a file name, when nothing else names the outlet.

Journalists name the files they collect after the outlet (`al-jazeera.txt`,
`02_lyon_post.txt`, `new-york-times.html`, `nytimes.com.html`); scrapers and browsers name
them after nothing (`000_141c9d3bbb55366e.txt`, a uuid, `article.txt`, `index.html`,
`download (3).html`). A name made of words is a better label than a blank in the outlet
column, and the views say it came from the file name; a hash-like name must never become
one, since a fact-checker would read "3c5bf8db" as an outlet.

The test is about the shape of the words, not a list of outlets: each word must be letters
that read like a word (vowels among the consonants, no long consonant runs, no letter
tripled), no word may mix letters and digits, and a run of eight or more hex digits is a
hash whatever letters it happens to use. A name whose only words are generic file words
("article", "page", "untitled") names nothing.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import PurePath

from sidebyside.ingest.load import ARTICLE_SUFFIXES

#: Extensions removed before the name is read ("nytimes.com.html" -> "nytimes.com"): the
#: ones a folder is searched for.
SUFFIXES = frozenset(ARTICLE_SUFFIXES - {""})
#: Words file names are made of when they name no outlet: what browsers, scrapers and
#: editors call a file they know nothing about.
GENERIC = frozenset(
    "article articles index page pages untitled download downloads document doc file files "
    "text txt html htm story stories copy default home post posts entry item new noname "
    "output out print printable saved save scrape scraped body content main web webpage "
    "site tmp temp test sample example draft final version amp view read full of".split()
)
#: Short words kept in lower case inside a name ("Voice of America").
SMALL = frozenset("of and the for on in at de du des der die das la le di da del et und y".split())
VOWELS = frozenset("aeiouy")
#: A number before the name: "02_", "000-", "2019-05-26 ".
NUMBER_PREFIX = re.compile(r"^(?:\d+[-_. ]+)+")
#: What Windows puts before a copied file's name.
COPY_PREFIX = re.compile(r"^copy of\s+", re.I)
#: A copy counter or number after the name: "-2", " (3)", " - Copy", " copy".
COPY_SUFFIX = re.compile(r"(?:\s*\(\d+\)|[-_. ]+\d+|\s+-\s+copy|[-_ ]copy)+$", re.I)
SEPARATORS = re.compile(r"[-_\s]+")
HEX_RUN = re.compile(r"[0-9a-f]{8,}", re.I)
UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.I)
#: A host name: "nytimes.com", "www.bbc.co.uk".
DOMAIN = re.compile(r"(?:www\.)?((?:[a-z][a-z-]*\.)+[a-z]{2,6})", re.I)
#: Longest word taken for a word ("washingtonpost" is 14).
MAX_WORD = 24


def outlet_from_file_name(path: str | os.PathLike[str]) -> str | None:
    """The outlet label a file name spells out, or None when the name is not words.

    "al-jazeera.txt" -> "Al Jazeera", "02_lyon_post.txt" -> "Lyon Post", "BBC.txt" ->
    "BBC", "nytimes.com.html" -> "nytimes.com"; "3c5bf8db….html", "page1.txt",
    "untitled.txt" -> None.
    """
    stem = _stem(PurePath(path).name)
    if not stem or UUID.search(stem) or HEX_RUN.search(stem):
        return None
    stem = NUMBER_PREFIX.sub("", stem)
    stem = COPY_PREFIX.sub("", COPY_SUFFIX.sub("", stem)).strip(" -_.")
    if domain := DOMAIN.fullmatch(stem):
        return _domain_label(domain.group(1))
    words = [w for w in SEPARATORS.split(stem) if w]
    if not words or not all(_is_word(w) for w in words):
        return None
    if all(w.casefold() in GENERIC for w in words):
        return None
    if len(words) == 1 and len(words[0]) < 2:
        return None  # "a.txt", "x.txt": a letter names nothing
    return " ".join(_shown(w, i, len(words)) for i, w in enumerate(words))


def _stem(name: str) -> str:
    """The name without its article extension (and without a trailing dot or spaces)."""
    name = unicodedata.normalize("NFC", name).strip()
    # not os.path.splitext: it keeps ".md" whole in "..md", where the extension is plain
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)].strip()
    return name


def _domain_label(domain: str) -> str | None:
    """A host name as the label ("nytimes.com"), when each part of it is word-like."""
    parts = domain.lower().split(".")
    words = [w for part in parts[:-1] for w in part.split("-") if w]
    if not words or not all(_is_word(w) for w in words):
        return None
    return domain.lower()


def _is_word(word: str) -> bool:
    """Letters that read as a word or an acronym, not a run of random characters."""
    if not word.isalpha() or len(word) > MAX_WORD:
        return False
    latin = _latin(word)
    if latin is None:
        return True  # another script (Arabic, Chinese…): letters, and no hash is written in them
    if len(latin) <= 4 and (word.isupper() or not (set(latin) & VOWELS)):
        return True  # an acronym: "BBC", "npr", "AP"
    if re.search(r"(.)\1\1", latin):
        return False  # "aaaa", "zzz": no word triples a letter
    if re.search(r"[^aeiouy]{6,}", latin):
        return False  # "qzxkvbw": six consonants in a row is not a word
    vowels = sum(1 for ch in latin if ch in VOWELS)
    return 0.2 <= vowels / len(latin) <= 0.8 or len(latin) <= 3


def _latin(word: str) -> str | None:
    """The word lower-cased without accents ("Süddeutsche" -> "suddeutsche"), None if not Latin."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch))
    return plain if plain.isascii() else None


def _shown(word: str, index: int, count: int) -> str:
    """A word as the label shows it: capitals kept, lower-case words title-cased.

    A short word without vowels, or a one-word name of up to three letters, is an
    acronym ("bbc" -> "BBC", "ap" -> "AP"); small words inside a name stay lower-case.
    """
    if not word.islower():
        return word
    latin = _latin(word)
    if latin is not None and len(latin) <= 4 and not (set(latin) & VOWELS):
        return word.upper()
    if count == 1 and len(word) <= 3:
        return word.upper()
    if index > 0 and word in SMALL:
        return word
    return word[:1].upper() + word[1:]
