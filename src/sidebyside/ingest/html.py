"""Read a web page saved from a browser: its article text and what the page says about itself.

A journalist collecting coverage often has the pages themselves (File > Save Page As), not
copied text. A page carries the article plus menus, teasers, comment widgets and footers,
and it names its own outlet, headline, author, date and address in metadata (OpenGraph,
JSON-LD, <title>, the canonical link) more reliably than any guess from the words. We
hand the markup to trafilatura, which finds the main text and reads that metadata; the
text then goes through the same cleaning, metadata and sentence pipeline as a text file
(`story.detect_article`), and the page's metadata wins over what the text suggests.

Three things are ours rather than trafilatura's:

- **decoding**: a page says its charset (`<meta charset="shift_jis">`) and we honour it
  where the bytes are not UTF-8, instead of the statistical guess a plain text file gets;
- **hostile markup**: the parser is quadratic in the attributes of one tag and slow on
  tens of megabytes, so such pages are refused with one line before parsing;
- **import time**: trafilatura (with lxml, dateparser, babel…) takes about a quarter of a
  second to import, so it is imported only when a page is actually read; a story of text
  files never pays for it.
"""

from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass
from html import unescape
from typing import TYPE_CHECKING

from sidebyside.ingest.clean import Cleaned, dedupe, fold_quotes, squash, strip_shortcodes
from sidebyside.ingest.lines import (
    BYLINE,
    LINK_PREFIX,
    TERMINAL,
    has_chrome,
    is_caption,
    is_copyright,
    is_credit,
    is_reported,
    is_timestamp,
    word_count,
)
from sidebyside.ingest.load import LoadError, clean_characters, decode, is_binary
from sidebyside.ingest.meta import TITLE_SUFFIX, parse_date

if TYPE_CHECKING:
    from trafilatura.settings import Document

#: How much of a page is searched for the charset it declares.
HEAD_BYTES = 16 * 1024
#: Most markup parsed, once inline images (data: URIs) are set aside: parsing takes about
#: a second per megabyte, and a saved news page is well under 5 MB of markup.
MAX_MARKUP_CHARS = 20_000_000
#: libxml2 checks each attribute of a tag against every other one: 20,000 attributes on one
#: tag take seconds, 200,000 take minutes. Real tags have a handful.
MAX_ATTRIBUTES = 1000

#: `<meta charset="x">`, `<meta http-equiv="Content-Type" content="text/html; charset=x">`
#: and `<?xml … encoding="x"?>`, in the head of the page.
_DECLARED = re.compile(
    rb"""<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml\b[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.I,
)
#: Inline images and fonts; they are never text and can be most of a single-file page.
_DATA_URI = re.compile(r"data:[\w.+-]{1,100}/[\w.+-]{1,100}(?:;[\w=.+-]{1,100})*;base64,[A-Za-z0-9+/=\s]+")
#: A tag long enough that it might hold too many attributes; shorter ones cannot.
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{16000,}")
_ATTRIBUTE = re.compile(r"""[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")

#: Labels pages declare, read the way browsers read them (WHATWG Encoding Standard): the
#: Windows supersets, since pages labelled latin-1 or Shift_JIS are written with those.
_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
}

#: trafilatura's settings, chosen by the score on the 181 pages of
#: benchmarks/article-extraction: favouring precision keeps teasers and author boxes out
#: (F1 0.958 -> 0.964 on its own), comments are not the article, and tables often are
#: (dropping them costs recall).
FAVOR_PRECISION = True
INCLUDE_COMMENTS = False
INCLUDE_TABLES = True
#: Pull quotes: a line of the article repeated large beside it, often with its speaker
#: under it ("Joaquim Pires, 61, bus driver"). Kept, it is a second copy of a quotation
#: with no attribution, which the quote reader would give to whoever was quoted last.
PULL_QUOTES = [
    f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    for tag in ("blockquote", "aside", "figure", "div", "p")
    for name in ("pull-quote", "pullquote", "pull_quote")
]


@dataclass(frozen=True)
class Page:
    """A saved page: the article's text (paragraphs between blank lines) and its metadata.

    Each field is None where the page does not say. `outlet` is the site's own name
    (og:site_name, the publisher in JSON-LD); `title_site` the name its <title> ends with
    ("Café owners count the cost - Valley Courier"), where the headline does not; `domain`
    is the site's address ("nytimes.com"), kept apart because it is only a fallback: a
    name the article's text gives ("The New York Times") reads better.
    """

    text: str
    encoding: str
    outlet: str | None = None
    title_site: str | None = None
    domain: str | None = None
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None


def declared_charset(head: bytes) -> str | None:
    """The Python codec for the charset the page declares in its head, or None.

    Labels are mapped as browsers map them (latin-1 is read as cp1252, Shift_JIS as
    cp932); UTF-16 and UTF-32 labels are ignored, as browsers ignore them in a page whose
    bytes they have already read as ASCII.
    """
    match = _DECLARED.search(head[:HEAD_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")) or name in _NOT_PAGE_CHARSETS:
        return None
    return _SUPERSETS.get(name, name)


#: Python codecs that are not a page's character set: a page declaring one is read as if
#: it declared nothing ("unicode-escape" would turn a literal "\x1b" into an escape).
_NOT_PAGE_CHARSETS = frozenset(
    "undefined unicode-escape unicode_escape raw-unicode-escape raw_unicode_escape utf-7 punycode idna".split()
)


def decode_page(data: bytes) -> tuple[str, str]:
    """A page's markup as text, and the encoding read: LoadError when it is not text.

    A BOM decides, then valid UTF-8 (which text in another encoding practically never
    is), then the charset the page declares, if its bytes really are in it; anything else
    is decoded as a text file would be (`load.decode`). The last step alone would read a
    Shift_JIS page as whatever its bytes best resemble.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or is_binary(data[:65536]):
        return decode(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (declared := declared_charset(data)) is not None:
        try:
            return data.decode(declared), declared
        except (UnicodeError, LookupError):  # "undefined" is a codec whose decode() always raises
            pass
    return decode(data)


def read_page(data: bytes) -> Page:
    """The article text and metadata of a saved page's bytes, or LoadError saying why not."""
    markup, encoding = decode_page(data)
    return extract_page(markup, encoding)


def extract_page(markup: str, encoding: str = "utf-8") -> Page:
    """The article text and metadata of a page's markup, or LoadError saying why not.

    Whatever the parser raises on hostile markup becomes one line; a page whose main text
    cannot be found (a front page, a gallery, a login wall) is "no article text found".
    """
    markup = _DATA_URI.sub("data:,", markup)
    _refuse_hostile(markup)
    document = _extract(markup)
    text = _text(document.text) if document is not None else ""
    if document is None or not text:
        raise LoadError("no article text found in the page")
    sitename = _field(document.sitename)
    domain = sitename if sitename and _is_domain(sitename) else None
    title = _field(document.title)
    return Page(
        text=text,
        encoding=encoding,
        outlet=None if domain else sitename,
        title_site=_title_site(markup, title),
        domain=domain,
        title=title,
        byline=_byline(document.author),
        date=_iso_date(document.date),
        url=_field(document.url),
    )


def _refuse_hostile(markup: str) -> None:
    """LoadError for markup the parser would spend minutes or gigabytes on."""
    if len(markup) > MAX_MARKUP_CHARS:
        raise LoadError(f"too large for a web page ({len(markup) // 1_000_000} MB of markup)")
    for match in _LONG_TAG.finditer(_without_raw_text(markup)):
        # the tag's name is the first token counted, hence the + 1
        if sum(1 for _ in _ATTRIBUTE.finditer(match.group())) > MAX_ATTRIBUTES + 1:
            raise LoadError(f"not a usable web page (a tag with over {MAX_ATTRIBUTES:,} attributes)")


#: Elements whose content is not markup: a script's `for(i=0;i<n;i++)` is not a tag.
_RAW_OPEN = re.compile(r"<(script|style)\b", re.I)
_RAW_CLOSE = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


def _without_raw_text(markup: str) -> str:
    """The markup without the contents of its scripts and styles, in one pass.

    Each opening is matched to the next closing with a search from where it stands, so an
    unclosed <script> costs one scan to the end, not one per "<script" after it.
    """
    kept: list[str] = []
    at = 0
    while (opening := _RAW_OPEN.search(markup, at)) is not None:
        kept.append(markup[at : opening.end()])
        closing = _RAW_CLOSE[opening.group(1).lower()].search(markup, opening.end())
        if closing is None:
            return "".join(kept)
        at = closing.start()
    kept.append(markup[at:])
    return "".join(kept)


def _extract(markup: str) -> Document | None:
    """trafilatura's reading of the page (None when it finds no main text).

    Only metadata the page declares counts for the date: htmldate's extensive search
    guesses from any date in the page (a "related" teaser's, a copyright year), which is
    the kind of guess the text pipeline already makes, and worse.
    """
    import trafilatura  # here, not at the top: a story of text files never pays its import time
    from trafilatura.settings import Document

    _quiet()
    try:
        document = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": datetime.date.today().isoformat(),
            },
            favor_precision=FAVOR_PRECISION,
            include_comments=INCLUDE_COMMENTS,
            include_tables=INCLUDE_TABLES,
            prune_xpath=PULL_QUOTES,
        )
    except RecursionError:
        raise LoadError("not a usable web page (nested too deeply)") from None
    except MemoryError:
        raise LoadError("not a usable web page (too large to parse)") from None
    except Exception as err:  # a third-party parser on hostile input: one line, never a traceback
        raise LoadError(f"not a usable web page ({type(err).__name__})") from None
    return document if isinstance(document, Document) else None


_QUIETED = False


def _quiet() -> None:
    """Keep the extractor's log lines ("discarding data", "wrong encoding") off stderr.

    With no logging configured, Python prints warnings to stderr; the user gets our one
    problem line instead. An application that configures logging still sees them.
    """
    import logging  # here: a story of text files never loads it

    global _QUIETED
    if not _QUIETED:
        for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
            logging.getLogger(name).addHandler(logging.NullHandler())
        _QUIETED = True


def _text(raw: str | None) -> str:
    """trafilatura's text (one line per block) as paragraphs between blank lines.

    Blank lines tell `clean.paragraphs_of` that each block is a paragraph of its own, so a
    short paragraph is never taken for a hard-wrapped line and joined to the next.
    """
    if not raw:
        return ""
    lines = (" ".join(clean_characters(line).split()) for line in raw.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _field(value: str | None) -> str | None:
    """A metadata value as one tidy line, or None."""
    if not value:
        return None
    return " ".join(clean_characters(value).split()) or None


#: The page's <title> element (the first; a <title> inside an inline SVG comes later).
_TITLE_ELEMENT = re.compile(r"<title\b[^>]{0,200}>([^<]{1,600})</title", re.I)


def _title_site(markup: str, headline: str | None) -> str | None:
    """The site a page's <title> names after its headline ("… | Valley Courier"), or None.

    trafilatura reads a site's name from the title only when it has a dot in it; most
    titles end with a plain name. The ending counts only where the headline the page
    gives elsewhere (og:title, JSON-LD, the one <h1>) does not carry it too: "Floods -
    What We Know" is a headline, not a site called "What We Know".
    """
    found = _TITLE_ELEMENT.search(markup)
    if found is None:
        return None
    title = _field(unescape(found.group(1)))
    if not title or not (parts := TITLE_SUFFIX.match(title)):
        return None
    site = parts.group("outlet").strip()
    if headline and site.casefold() in headline.casefold():
        return None
    return site


def _is_domain(name: str) -> bool:
    """ "nytimes.com": an address, not a name (trafilatura falls back to the URL's host)."""
    return " " not in name and re.fullmatch(r"(?:[\w-]+\.)+[A-Za-z]{2,}", name) is not None


def _byline(author: str | None) -> str | None:
    """trafilatura's "A; B; C" as a byline reads: "A, B and C"."""
    names = [n for n in (_field(part) for part in (author or "").split(";")) if n]
    names = list(dict.fromkeys(names))
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _iso_date(value: str | None) -> str | None:
    """A YYYY-MM-DD date that exists, or None."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def cleaned(page: Page) -> Cleaned:
    """The page's paragraphs as `clean.clean` hands a text file's to `meta.detect`.

    trafilatura has already cut the article out of the page, so the body's edges are
    its, not `clean`'s: `clean` finds a text file's body by its first prose paragraph and
    its end markers, and on these paragraphs that drops subheadings ("Testing the
    silicon"), a lead without a full stop, tables and everything after a "Related" line
    (F1 0.931 instead of 0.96 on the benchmark pages). What trafilatura leaves in is still
    sorted out with `lines.py`'s own tests: captions, credits and copyright lines go to the
    tail (where `detect` finds credits and copyright owners, as for a text file), "Read
    more: …" links and short chrome ("Comments", "Sign up for our newsletter") are
    dropped, a repeat of the headline and repeated paragraphs are kept out. The headline
    is the head, so `detect` reads it as for a text file (a " | Site" suffix names the
    outlet).
    """
    paragraphs = [line for raw in re.split(r"\n\s*\n", strip_shortcodes(page.text)) if (line := squash(raw))]
    if paragraphs and page.title and _folded(paragraphs[0]) == _folded(page.title):
        paragraphs = paragraphs[1:]
    lead: list[str] = []
    while paragraphs and _is_head_line(paragraphs[0], page):
        lead.append(paragraphs.pop(0))
    body: list[str] = []
    tail: list[str] = []
    for line in paragraphs:
        if is_caption(line) or is_credit(line) or is_copyright(line):
            tail.append(line)
        elif not _is_link_or_chrome(line):
            body.append(line)
    head = (page.title, *lead) if page.title else tuple(lead)
    return Cleaned(head=head, body=tuple(dedupe(body)), tail=tuple(tail))


def _is_head_line(line: str, page: Page) -> bool:
    """A line above the lede that says when or by whom, not what: "June 3, 2025", "By Jane
    Roe", "Jane Roe, Kestrel Bay" (the page's author, then a place). trafilatura keeps
    such lines when the page sets them as paragraphs; in the head, `detect` reads the
    byline, dateline and date from them as from a text file's head."""
    if word_count(line) > 8 or TERMINAL.search(line):
        return False
    if parse_date(line) or is_timestamp(line) or BYLINE.match(line):
        return True
    return bool(page.byline) and _folded(line).startswith(_folded(page.byline or ""))


def _is_link_or_chrome(line: str) -> bool:
    """A link to another article ("Read more: …") or a short line of site furniture."""
    words = word_count(line)
    if LINK_PREFIX.match(line) and words <= 25:
        return True
    return words <= 12 and has_chrome(line) and not is_reported(line)


def _folded(text: str) -> str:
    return " ".join(fold_quotes(text).casefold().split()).rstrip(".")
