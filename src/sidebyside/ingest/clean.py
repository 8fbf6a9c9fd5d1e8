"""Turn a scraped page into the article's paragraphs: chrome out, seams repaired.

A saved page is the article plus everything around it: navigation, sign-up prompts,
captions, credits, ads, comment widgets, "related" lists. Scrapers also flatten block
elements into one line ("newspaperBy Reuters Staff2 Min ReadFILE PHOTO") and leave CMS
shortcodes behind. The rules here are general ones, learned from how news sites are
built, not from particular files:

1. shortcodes become block boundaries (a drop cap is glued back to its word);
2. seams where two blocks were glued are split back into lines (a camel-case word the
   page repeats is a name, not a seam);
3. hard-wrapped paragraphs are joined again;
4. each line is classified (captions, credits, copyright, timestamps, navigation, chrome,
   end markers: see `lines.py`, which decides what kind of line a line is);
5. the body runs from the first prose paragraph to the first hard end marker (copyright,
   wire credit, comments, paywall). A list of other articles ("Related stories") ends it
   too, unless the article visibly resumes after it, in which case the box is skipped;
6. chrome inside the body is dropped and repeated paragraphs are kept once.

The head (lines before the body) and tail (from the end marker on) are returned too, as
metadata lives there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from sidebyside.ingest.boilerplate import JUNK_COST, NEUTRAL_COST, densest_body
from sidebyside.ingest.lines import (
    AD_LABEL,
    AD_PITCH_WORDS,
    AD_WORDS,
    BYLINE,
    CAPTION_LABEL,
    HUGE,
    SOFT_END,
    TERMINAL,
    is_comment_header,
    is_css_token,
    is_hard_end,
    is_junk,
    is_picture_credit,
    is_prose,
    is_short_lead,
    is_text_run,
    word_count,
)

# --- 1. shortcodes ------------------------------------------------------------------------

#: `[su_dropcap]L[/su_dropcap]ibyan` -> `Libyan`: a one- or two-letter body glued to a word.
DROPCAP = re.compile(r"\[([a-z][a-z0-9_]*)(?:\s[^\[\]]*)?\](\w{1,2})\[/\1\](?=\w)")
#: Shortcode names that are not plain words: `su_label`, `vc_row`, `et_pb_text`, or with attributes.
SHORTCODE = re.compile(
    r"\[/?(?:[a-z][a-z0-9]*_[a-z0-9_]+|"
    r"(?:caption|embed|gallery|video|audio|dropcap|button|spacer|divider|label|highlight|"
    r"tweet|youtube|ad|adsense|note|box|row|column|quote|pullquote|related|toc)\b)"
    r"(?:\s[^\[\]]*)?\]",
    re.IGNORECASE,
)
#: Shortcodes whose content is never article text.
DROP_CONTENT = re.compile(
    r"\[(caption|embed|gallery|video|audio|tweet|youtube|related|ad|adsense)\b[^\]]*\].*?\[/\1\]",
    re.IGNORECASE | re.DOTALL,
)
#: The two ends of `DROP_CONTENT`, matched apart (see `drop_content`).
DROP_OPEN = re.compile(DROP_CONTENT.pattern.split(".*?")[0], re.IGNORECASE)
DROP_CLOSE = re.compile(r"\[/(caption|embed|gallery|video|audio|tweet|youtube|related|ad|adsense)\]", re.IGNORECASE)
#: Whether two names are the same for a back-reference under IGNORECASE (`\1` in `DROP_CONTENT`).
SAME_NAME = re.compile(r"(.*)\n\1\Z", re.IGNORECASE | re.DOTALL)
INLINE_SHORTCODES = {"highlight", "dropcap", "tooltip", "b", "i", "u", "quote"}


def strip_shortcodes(text: str) -> str:
    """Remove CMS shortcodes; block-level ones leave a line break so labels stand alone."""
    if "[" not in text:
        return text
    text = DROPCAP.sub(r"\2", text)
    text = drop_content(text)

    def replace(match: re.Match[str]) -> str:
        name = re.match(r"\[/?([A-Za-z0-9_]+)", match.group(0)).group(1).lower()  # type: ignore[union-attr]
        base = re.sub(r"^(?:su|vc|et_pb|td|fusion|av)_", "", name)
        return "" if base in INLINE_SHORTCODES else "\n"

    return SHORTCODE.sub(replace, text)


def drop_content(text: str) -> str:
    """`DROP_CONTENT.sub("\\n", text)`: each opening tag with its content and closing tag
    becomes a line break.

    The regex alone reads to the end of the page for every opening tag left unclosed:
    10 000 stray "[caption]" tags make it quadratic. Here each opening tag looks its
    closing tag up among those the page has, found in one pass.
    """
    closing: dict[str, list[re.Match[str]]] = {}
    for m in DROP_CLOSE.finditer(text):
        closing.setdefault(_shortcode_name(m.group(1)), []).append(m)
    if not closing:
        return text
    out: list[str] = []
    done = 0
    at = text.find("[")
    while at >= 0:
        opened = DROP_OPEN.match(text, at)
        if opened:
            found = closing.get(_shortcode_name(opened.group(1)), [])
            k = bisect_left(found, opened.end(), key=lambda m: m.start())
            while k < len(found) and not SAME_NAME.match(f"{opened.group(1)}\n{found[k].group(1)}"):
                k += 1
            if k < len(found):
                out += [text[done:at], "\n"]
                done = found[k].end()
                at = text.find("[", done)
                continue
        at = text.find("[", at + 1)
    return "".join([*out, text[done:]])


def _shortcode_name(raw: str) -> str:
    """The name a tag's name matches ("CAPTION" -> "caption"), to file closing tags by."""
    return next(name for name in DROP_NAMES if re.fullmatch(name, raw, re.IGNORECASE))


DROP_NAMES = ("caption", "embed", "gallery", "video", "audio", "tweet", "youtube", "related", "ad", "adsense")


# --- 2. seams -----------------------------------------------------------------------------

#: Real words with an inner capital, which a seam split would break.
CAMEL_WORDS = {
    "YouTube",
    "LinkedIn",
    "JavaScript",
    "WhatsApp",
    "PowerPoint",
    "PayPal",
    "TikTok",
    "WikiLeaks",
    "BlackBerry",
    "SpaceX",
    "OpenAI",
    "GlaxoSmithKline",
    "PlayStation",
    "SoftBank",
    "JPMorgan",
    "BlackRock",
    "AstraZeneca",
    "FedEx",
    "DreamWorks",
    "MasterCard",
    "HarperCollins",
    "BuzzFeed",
    "HuffPost",
    "ChatGPT",
    "GitHub",
    "DeepMind",
    "ExxonMobil",
    "ArcelorMittal",
    "ByteDance",
    "DoorDash",
    "FaceTime",
    "GoPro",
    "TripAdvisor",
    "PricewaterhouseCoopers",
    "ThyssenKrupp",
    "SolarWinds",
    "CinemaScope",
    "SkyTeam",
    "AirAsia",
    "EasyJet",
    "StarLink",
    "InterContinental",
    "ConocoPhillips",
    "AbbVie",
    "BioNTech",
    "CureVac",
    "SmackDown",
    "NatWest",
    "PepsiCo",
    "MedStar",
    "QAnon",
    "MacBook",
    "AirPods",
    "DirecTV",
    "CNNMoney",
    "NordVPN",
    "WeChat",
    "WordPress",
    "SoundCloud",
    "JetBlue",
    "GoFundMe",
    "SharePoint",
    "OneDrive",
    "StubHub",
    "CrowdStrike",
    "MySpace",
    "EuroMillions",
    "BlueSky",
    "OnlyFans",
    "SeaWorld",
    "HealthCare",
}
#: Name prefixes after which a capital is part of the name (McDonald, DeSantis, MacArthur).
NAME_PREFIXES = {"mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o", "fitz", "st"}

#: The cheap one-character lookahead comes first in these zero-width patterns, so the
#: lookbehinds run only where they can match: several times faster on a 50 MB line.
LOWER_UPPER = re.compile(r"(?=[A-Z])(?<=[a-z])")
WORD_DIGIT = re.compile(r"(?=\d)(?<=[a-z]{3})(?=\d+\s+[A-Z])")
#: "Dimanche.Haftar", "wants.”The", "centers.“Of", "2019.Haftar": a full stop with no space after
#: it. After digits a capitalised word is required, so "3.5" and "No.10" stay whole.
SENTENCE_GLUE = re.compile(
    r"(?=[“\"‘A-Z])(?:"
    r"(?<=[a-z)]{2}[.!?])(?=[“\"‘]?[A-Z])|(?<=\d{2}[.!?])(?=[“\"‘]?[A-Z][a-z])|(?<=[a-z)][.!?][”\"’])(?=[“\"]?[A-Z])"
    r")"
)
COPYRIGHT_GLUE = re.compile(r"(?<=\S)(?=©)")


def split_seams(line: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """Split a line where a scraper glued two blocks together, keeping names whole.

    `keep` holds inner-capital words the page itself uses more than once: a glue accident
    happens once, a brand name ("WeChat") recurs.
    """
    line = SENTENCE_GLUE.sub("\n", line)
    if "©" in line:
        line = COPYRIGHT_GLUE.sub("\n", line)
    line = WORD_DIGIT.sub("\n", line)
    cuts: list[int] = []
    word: _Word | None = None
    for m in LOWER_UPPER.finditer(line):
        pos = m.start()
        if word is None or pos >= word.end:
            word = _Word.around(line, pos, keep)  # each word is measured once, however many capitals it has
        if word.seam_at(pos):
            cuts.append(pos)
    if cuts:
        parts, last = [], 0
        for cut in cuts:
            parts.append(line[last:cut])
            last = cut
        parts.append(line[last:])
        line = "\n".join(parts)
    return line.split("\n")


#: A brand that already began with two capitals: "GPlusMedia", "XBoxLive".
TWO_CAPITALS = re.compile(r"[A-Z]{2}[a-z]+")


@dataclass(frozen=True, slots=True)
class _Word:
    """The run of letters around a lower-to-upper change, with what every seam in it asks.

    A run of 40 000 letters ("aBaBaB…") has 20 000 candidate seams: each is decided from
    these facts in constant time, never by slicing or rescanning the whole run.
    """

    line: str
    start: int
    end: int
    named: bool  # a known camel-case word, or one the page repeats
    brand_end: int  # where a leading "[A-Z]{2}[a-z]+" ends, or -1

    @classmethod
    def around(cls, line: str, pos: int, keep: frozenset[str]) -> _Word:
        start = pos
        while start > 0 and line[start - 1].isalpha():
            start -= 1
        end = pos
        while end < len(line) and line[end].isalpha():
            end += 1
        word = line[start:end]
        brand = TWO_CAPITALS.match(line, start, end)
        return cls(line, start, end, word in CAMEL_WORDS or word in keep, brand.end() if brand else -1)

    def seam_at(self, pos: int) -> bool:
        """Whether the capital at `pos` starts a new block rather than continuing the word."""
        line, start, end = self.line, self.start, self.end
        left_len, right_len = pos - start, end - pos
        # NAME_PREFIXES are at most four letters, and lower-casing never shortens a word
        if self.named or (left_len <= 4 and line[start:pos].lower() in NAME_PREFIXES):
            return False
        if left_len < 2 or (left_len <= 3 and line[start:pos].islower() and line[pos:end].isupper()):
            return False  # iPhone, eBay, macOS
        if self.brand_end == pos:
            return False  # GPlusMedia, XBoxLive: a brand that already began with two capitals
        # ChatGPT-like acronyms glued to a word, "PhD"
        return not (right_len <= 3 and line[pos:end].isupper())


LOWER_THEN_UPPER = re.compile(r"[a-z][A-Z]")
WORD_CHARACTER = re.compile(r"\w")


def recurring_camel_words(text: str) -> frozenset[str]:
    """Inner-capital words that occur at least twice on the page (real names, not seams).

    A word is a whole run of ASCII letters between non-word characters holding a small
    letter followed by a capital (`\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b`). The scan looks for
    the rare small-capital pair and widens it to its word, where that pattern is tried at
    every word of the page (three times slower on a long article).
    """
    counts: dict[str, int] = {}
    size, end = len(text), -1
    for pair in LOWER_THEN_UPPER.finditer(text):
        if pair.start() < end:
            continue  # another capital of the word just measured
        start, end = pair.start(), pair.start() + 1
        while start and text[start - 1].isascii() and text[start - 1].isalpha():
            start -= 1
        while end < size and text[end].isascii() and text[end].isalpha():
            end += 1
        if (start and WORD_CHARACTER.match(text, start - 1)) or (end < size and WORD_CHARACTER.match(text, end)):
            continue  # glued to digits or other letters: not a word of its own
        counts[text[start:end]] = counts.get(text[start:end], 0) + 1
    return frozenset(word for word, n in counts.items() if n >= 2)


# --- 3. hard wraps ------------------------------------------------------------------------


def paragraphs_of(text: str) -> list[str]:
    """Lines of the page as paragraphs, with hard-wrapped paragraphs joined again.

    A wrapped paragraph is recognised by its lines, not its punctuation: when most lines of
    the page share one width, a line that reaches near that width was cut by the wrapper
    and the next line continues it, even if it happens to end in "Mr." or "U.S.".
    """
    blocks = re.split(r"\n\s*\n", text)
    width = _wrap_width([ln for ln in text.split("\n") if ln.strip()])
    out: list[str] = []
    for block in blocks:
        # the lines of the paragraph being joined, joined once at its end (joining as we go
        # copies the paragraph again for every line: quadratic on a long wrapped text)
        current: list[str] = []
        last = ""
        for raw in block.split("\n"):
            line = squash(raw)
            if not line:
                continue
            if current and _continues(last, line, width):
                current.append(line)
            else:
                if current:
                    out.append(" ".join(current))
                current = [line]
            last = line
        if current:
            out.append(" ".join(current))
    return out


def _wrap_width(lines: list[str]) -> int:
    """The column a mailer or wire wrapped the text at, or 0 when it is not hard-wrapped."""
    if len(lines) < 6:
        return 0
    long_lines = [len(ln.rstrip()) for ln in lines if len(ln) > 40]
    if len(long_lines) < 0.6 * len(lines) or max(len(ln) for ln in lines) > 100:
        return 0
    width = max(long_lines)
    if sum(1 for n in long_lines if n >= width - 20) >= 0.7 * len(long_lines):
        return width
    return 0


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` carries on the paragraph whose last line was `previous`."""
    if width:
        return len(previous) >= width - 20 and not BYLINE.match(previous)
    if TERMINAL.search(previous):
        return False
    return bool(re.match(r"[a-z]", line)) and len(previous) > 40


# --- 5. the body --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cleaned:
    """A page split into the lines before the body, the body paragraphs and the rest."""

    head: tuple[str, ...]
    body: tuple[str, ...]
    tail: tuple[str, ...]


def clean(text: str) -> Cleaned:
    """Split a decoded page into head, clean body paragraphs and tail."""
    text = strip_shortcodes(text)
    keep = recurring_camel_words(text)
    lines = [part.strip() for para in paragraphs_of(text) for part in split_seams(para, keep)]
    lines = [squash(ln) for ln in lines if ln.strip()]
    lines = [ln for ln in lines if not is_css_token(ln)]
    start, end, boxes = _body_region(lines)
    head = tuple(lines[:start])
    body = [ln for i, ln in enumerate(lines[start:end], start) if i not in boxes and not is_junk(ln)]
    tail = tuple(lines[end:])
    if not body:
        # No running text at all (notes without punctuation, a one-liner): keep every line
        # that is not furniture; a page of menu crumbs keeps nothing.
        start = _first_words(lines)
        head = tuple(lines[:start])
        body, tail = [ln for ln in lines[start:] if not is_junk(ln)], ()
    return Cleaned(head=head, body=tuple(dedupe(body)), tail=tail)


def line_weight(line: str) -> float:
    """How much a line speaks for being inside the article (see `boilerplate`).

    Running text counts its words, a short sentence (a standfirst, a one-line paragraph)
    too; furniture costs more than a short line that is merely not a sentence (a
    subheading, a product name), which the article may hold.
    """
    if is_prose(line) or is_short_lead(line):
        return float(word_count(line))
    if is_junk(line):
        return -JUNK_COST
    if is_text_run(line):
        return word_count(line) / 3
    return -NEUTRAL_COST


def _ad_copy(line: str) -> bool:
    """The line under an ad's label is the ad when it sells: a slogan without a full stop
    with one selling phrase ("Spring service special, book online today"), or a pitch with
    two ("Free delivery, shop now."). The article's next paragraph, when the label stands
    alone between two paragraphs, may use one such phrase ("customers who book now"), and a
    subheading has none.
    """
    if word_count(line) > AD_PITCH_WORDS:
        return False
    selling = {m.group(0).lower() for m in AD_WORDS.finditer(line)}
    return len(selling) >= (1 if not TERMINAL.search(line) else 2)


#: A caption is a sentence or two: a longer line after "Image caption" is the article.
CAPTION_WORDS = 40


def _body_region(lines: list[str]) -> tuple[int, int, set[int]]:
    """The body's [start, end) and the lines of boxes (related links) inside it.

    The body is the densest run of prose between end markers (`boilerplate.densest_body`).
    A list of other articles ("Related stories") is a wall too, unless the article visibly
    resumes after it, in which case the box is skipped.
    """
    walls: set[int] = set()
    boxes: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_hard_end(line):
            walls.add(i)
        elif i + 1 < len(lines) and is_picture_credit(lines[i + 1]) and word_count(line) <= CAPTION_WORDS:
            boxes.update((i, i + 1))  # a caption, then the credit of its picture
            i += 2
            continue
        elif CAPTION_LABEL.match(line) and i + 1 < len(lines) and word_count(lines[i + 1]) <= CAPTION_WORDS:
            boxes.update((i, i + 1))  # "Image caption" / the caption itself
            i += 2
            continue
        elif AD_LABEL.match(line) and i + 1 < len(lines) and _ad_copy(lines[i + 1]):
            boxes.update((i, i + 1))  # "ADVERTISEMENT" / "Brennick Auto Centre — Spring service special"
            i += 2
            continue
        elif SOFT_END.match(line):
            resume = _resumes_after(lines, i)
            if resume is None:
                walls.add(i)
            else:
                boxes.update(range(i, resume))
                i = resume
                continue
        i += 1
    weights = [-JUNK_COST if i in boxes else line_weight(ln) for i, ln in enumerate(lines)]
    chatter = [is_comment_header(ln) for ln in lines]
    sentences = [weight > 0 and is_prose(ln) for weight, ln in zip(weights, lines, strict=True)]
    start, end = densest_body(weights, walls.__contains__, chatter.__getitem__, sentences.__getitem__)
    # The body opens with a sentence: a long line without a full stop just above the first
    # one is the headline in sentence case ("Suspect arrested in Florida in connection …").
    while start < end and not (is_prose(lines[start]) or is_short_lead(lines[start])):
        start += 1
    return start, end, boxes


def _first_words(lines: list[str]) -> int:
    """Where a page with no running text starts: its first line of five words or more that
    is not furniture, or its second line when the first is a title."""
    first = next((i for i, ln in enumerate(lines) if not is_junk(ln) and word_count(ln) >= 5), None)
    if first is None:
        return 0
    return 1 if first == 0 and len(lines) > 1 and not TERMINAL.search(lines[0]) else first


def _resumes_after(lines: list[str], marker: int, box_size: int = 10) -> int | None:
    """Where the article resumes after a related-links box at `marker`, if it does.

    It resumes when, within a box's length, two prose paragraphs follow one another, or
    one prose paragraph is followed by the page's closing line (copyright, credit).
    """
    for j in range(marker + 1, min(len(lines), marker + 2 + box_size)):
        line = lines[j]
        if is_hard_end(line) or SOFT_END.match(line):
            return None
        if is_prose(line):
            after = lines[j + 1] if j + 1 < len(lines) else None
            if after is not None and (is_prose(after) or is_hard_end(after)):
                return j
            return None
    return None


# --- 6. repeats and whitespace ------------------------------------------------------------

#: Typographic variants folded when deciding that two paragraphs or sentences repeat.
QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-"))


def fold_quotes(text: str) -> str:
    """`text` with curly quotes and dashes as their plain forms (`QUOTES`).

    Six `str.replace` calls: each is a C scan that returns at once when the character
    cannot occur (an ASCII text), where `str.translate` looks every character up in a
    dict, some twenty times slower; it ran on every paragraph and sentence of a story.
    """
    for fancy, plain in QUOTES:
        text = text.replace(fancy, plain)
    return text


def dedupe(paragraphs: list[str]) -> list[str]:
    """Keep each paragraph once (scrapers often repeat the whole body)."""
    seen: set[str] = set()
    out = []
    for para in paragraphs:
        key = squash(fold_quotes(para).casefold())
        if key in seen:
            continue
        seen.add(key)
        out.append(para)
    return out


WHITESPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Runs of whitespace as one space, ends stripped.

    A huge line is squashed a slice at a time (cut at whitespace, so no word is split):
    splitting it whole, or re.sub over it, builds millions of small strings at once.
    """
    if len(text) <= HUGE:
        return " ".join(text.split())
    pieces, start = [], 0
    while start < len(text):
        gap = WHITESPACE.search(text, start + HUGE)
        end = gap.start() if gap else len(text)
        if piece := " ".join(text[start:end].split()):
            pieces.append(piece)
        start = end
    return " ".join(pieces)
