"""Turn a scraped page into the article's paragraphs: chrome out, seams repaired.

A saved page is the article plus everything around it: navigation, sign-up prompts,
captions, credits, ads, comment widgets, "related" lists. Scrapers also flatten block
elements into one line ("newspaperBy Reuters Staff2 Min ReadFILE PHOTO") and leave CMS
shortcodes behind. The rules here are general ones, learned from how news sites are
built, not from particular files:

1. shortcodes become block boundaries (a drop cap is glued back to its word);
2. seams where two blocks were glued are split back into lines;
3. hard-wrapped paragraphs are joined again;
4. each line is classified (prose, caption, credit, copyright, chrome);
5. the body runs from the first prose paragraph to the end marker that closes every
   news page (copyright, wire credit, "Related stories", sign-up wall, comments);
6. chrome inside the body is dropped and repeated paragraphs are kept once.

The head (lines before the body) and tail (from the end marker on) are returned too, as
metadata lives there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- 1. shortcodes -----------------------------------------------------------------

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
INLINE_SHORTCODES = {"highlight", "dropcap", "tooltip", "b", "i", "u", "quote"}


def strip_shortcodes(text: str) -> str:
    """Remove CMS shortcodes; block-level ones leave a line break so labels stand alone."""
    text = DROPCAP.sub(r"\2", text)
    text = DROP_CONTENT.sub("\n", text)

    def replace(match: re.Match[str]) -> str:
        name = re.match(r"\[/?([A-Za-z0-9_]+)", match.group(0)).group(1).lower()  # type: ignore[union-attr]
        base = re.sub(r"^(?:su|vc|et_pb|td|fusion|av)_", "", name)
        return "" if base in INLINE_SHORTCODES else "\n"

    return SHORTCODE.sub(replace, text)


# --- 2. seams --------------------------------------------------------------------

#: Real words with an inner capital, which a seam split would break.
CAMEL_WORDS = {
    "YouTube", "LinkedIn", "JavaScript", "WhatsApp", "PowerPoint", "PayPal", "TikTok",
    "WikiLeaks", "BlackBerry", "SpaceX", "OpenAI", "GlaxoSmithKline", "PlayStation",
    "SoftBank", "JPMorgan", "BlackRock", "AstraZeneca", "FedEx", "DreamWorks", "MasterCard",
    "HarperCollins", "BuzzFeed", "HuffPost", "ChatGPT", "GitHub", "DeepMind", "ExxonMobil",
    "ArcelorMittal", "ByteDance", "DoorDash", "FaceTime", "GoPro", "TripAdvisor",
    "PricewaterhouseCoopers", "ThyssenKrupp", "SolarWinds", "CinemaScope", "SkyTeam",
    "AirAsia", "EasyJet", "StarLink", "InterContinental", "ConocoPhillips", "AbbVie",
    "BioNTech", "CureVac", "AstraZeneca", "SmackDown", "NatWest", "PepsiCo", "MedStar",
    "QAnon", "MacBook", "AirPods", "PlayStation", "DirecTV", "CNNMoney", "NordVPN",
}
#: Name prefixes after which a capital is part of the name (McDonald, DeSantis, MacArthur).
NAME_PREFIXES = {"mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o", "fitz", "st"}

LOWER_UPPER = re.compile(r"(?<=[a-z])(?=[A-Z])")
WORD_DIGIT = re.compile(r"(?<=[a-z]{3})(?=\d+\s+[A-Z])")
#: "Dimanche.Haftar", "wants.”The", "centers.“Of": a full stop with no space after it.
SENTENCE_GLUE = re.compile(r"(?<=[a-z)]{2}[.!?])(?=[“\"‘]?[A-Z])|(?<=[.!?][”\"’])(?=[“\"]?[A-Z])")
COPYRIGHT_GLUE = re.compile(r"(?<=\S)(?=©)")


def split_seams(line: str) -> list[str]:
    """Split a line where a scraper glued two blocks together, keeping names whole."""
    line = SENTENCE_GLUE.sub("\n", line)
    line = COPYRIGHT_GLUE.sub("\n", line)
    line = WORD_DIGIT.sub("\n", line)
    cuts = [m.start() for m in LOWER_UPPER.finditer(line) if _is_seam(line, m.start())]
    if cuts:
        parts, last = [], 0
        for cut in cuts:
            parts.append(line[last:cut])
            last = cut
        parts.append(line[last:])
        line = "\n".join(parts)
    return line.split("\n")


def _is_seam(line: str, pos: int) -> bool:
    """Whether the capital at `pos` starts a new block rather than continuing a word."""
    start = pos
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    end = pos
    while end < len(line) and (line[end].isalpha()):
        end += 1
    left, right, word = line[start:pos], line[pos:end], line[start:end]
    if word in CAMEL_WORDS or left.lower() in NAME_PREFIXES:
        return False
    if len(left) < 2 or (left.islower() and len(left) <= 3 and right.isupper()):
        return False  # iPhone, eBay, macOS
    if right.isupper() and len(right) <= 3:
        return False  # ChatGPT-like acronyms glued to a word, "PhD"
    return True


# --- 3. hard wraps ----------------------------------------------------------------

TERMINAL = re.compile(r"[.!?:;…][\"”’')\]]*$|[\"”’]$")


def paragraphs_of(text: str) -> list[str]:
    """Lines of the page as paragraphs, with hard-wrapped paragraphs joined again."""
    blocks = re.split(r"\n\s*\n", text)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    wrapped = _looks_hard_wrapped(lines)
    out: list[str] = []
    for block in blocks:
        current = ""
        for raw in block.split("\n"):
            line = " ".join(raw.split())
            if not line:
                continue
            if current and _continues(current, line, wrapped):
                current = f"{current} {line}"
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Most lines of a similar width under 100 columns: text wrapped by a mailer or wire."""
    if len(lines) < 6:
        return False
    long_lines = [len(ln) for ln in lines if len(ln) > 40]
    if len(long_lines) < 0.6 * len(lines) or max(len(ln) for ln in lines) > 100:
        return False
    width = max(long_lines)
    return sum(1 for n in long_lines if n >= width - 20) >= 0.7 * len(long_lines)


def _continues(previous: str, line: str, wrapped: bool) -> bool:
    if TERMINAL.search(previous):
        return False
    if wrapped and len(previous) > 40:
        return True
    return bool(re.match(r"[a-z]", line)) and len(previous) > 40


# --- 4. line classes -----------------------------------------------------------------

CAPTION = re.compile(
    r"^\s*(?:FILE\s+)?PHOTO\s*:|"
    r"\b(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU|Getty Images|Bloomberg)\s*/\s*[A-Z]|"
    r"\((?:[A-Z]{2,}\s+)?Photo\b[^)]*\)\s*$|"
    r"\b(?:Photo|Picture|Image|Credit)s?\s*:\s*[\w. -]{1,40}(?:/[\w. -]+)?\.?\s*$|"
    r"^In this\b.{0,60}\b(?:file )?(?:photo|picture|image)\b|"
    r"\((?:Photo|Picture|Image) (?:by|credit)[^)]*\)\s*$|"
    r"\bGetty Images\s*$",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"^\(?(?:Additional |Further )?(?:Reporting|Writing|Editing|Compiled|Edited|Produced)"
    r"(?: by|:)\s|;\s*(?:Editing|Writing) by\s",
)
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bCopyright\b\s*(?:©\s*)?\d{0,4}|\bAll [Rr]ights [Rr]eserved\b")
#: Phrases of site furniture; they mark a line as chrome only when the line is short.
CHROME = re.compile(
    r"\b(?:sign ?up|sign[ -]?in|log ?in|log ?out|register|subscribe|subscription|newsletters?|"
    r"already a member|download the app|read more|continue reading|start reading|"
    r"related (?:stories|articles|content|news)|more (?:stories|from)|recommended|"
    r"you may also like|top stories|most (?:read|popular|viewed)|trending|share (?:this|on)|"
    r"follow us|email this|print this|comments?|leave a comment|advertisement|advertising|"
    r"advertise|sponsored|cookies?|privacy|terms of (?:use|service)|all quotes delayed|"
    r"do not sell|our standards|trust principles|editor'?s picks|\d+ min read|skip to|"
    r"click here|free trial|days free|our picks|contact us|about us|forgot password|"
    r"get all your news|premium titles|one app|apps|directory of sites|support|contact|"
    r"menu|search|home|offer|get a free|facebook|twitter|whatsapp|linkedin|instagram)\b",
    re.IGNORECASE,
)
#: Lines that close the article: nothing after them is body text.
END_MARKER = re.compile(
    r"^(?:related (?:stories|articles|content|news|coverage)|more (?:stories|on this story|from \w+)|"
    r"you may also like|recommended(?: for you)?|read next|most (?:read|popular|viewed)|"
    r"top stories\b.*|sign up to (?:read|continue).*|subscribe to (?:read|continue).*|"
    r"\d*\s*comments?|no comments?|leave a comment|login to (?:comment|leave a comment)|"
    r"join the conversation|share this (?:article|story)|tags?:.*|topics?:.*)\s*$",
    re.IGNORECASE,
)
CSS_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,}$")
BYLINE = re.compile(r"^By\s+\S.{0,60}$")


@dataclass(frozen=True)
class Cleaned:
    """A page split into the lines before the body, the body paragraphs and the rest."""

    head: tuple[str, ...]
    body: tuple[str, ...]
    tail: tuple[str, ...]


def clean(text: str) -> Cleaned:
    """Split a decoded page into head, clean body paragraphs and tail."""
    text = strip_shortcodes(text)
    lines = [part.strip() for para in paragraphs_of(text) for part in split_seams(para)]
    lines = [" ".join(ln.split()) for ln in lines if ln.strip()]
    lines = [ln for ln in lines if not is_css_token(ln)]
    start = _body_start(lines)
    end = _body_end(lines, start)
    head = tuple(lines[:start])
    body = [ln for ln in lines[start:end] if not is_junk(ln)]
    if not body:
        # No running text at all (a list, a one-liner): keep whatever is not furniture.
        body = [ln for ln in lines[start:] if not (CAPTION.search(ln) or CREDIT.search(ln) or COPYRIGHT.search(ln))]
    return Cleaned(head=head, body=tuple(dedupe(body)), tail=tuple(lines[end:]))


def is_css_token(line: str) -> bool:
    """Class names leaked into the text: "for-phone-onlyfor-tablet-portrait-up"."""
    return bool(CSS_TOKEN.match(line)) and line.count("-") >= 3


def word_count(line: str) -> int:
    return len(line.split())


def is_prose(line: str, min_words: int = 10) -> bool:
    """A paragraph of running text: enough words, ends like a sentence, not furniture."""
    return (
        word_count(line) >= min_words
        and bool(TERMINAL.search(line))
        and bool(re.search(r"[a-z]{2}", line))
        and not is_junk(line)
    )


def is_junk(line: str) -> bool:
    """Captions, credits, copyright lines, site chrome and navigation crumbs."""
    if CAPTION.search(line) or CREDIT.search(line) or COPYRIGHT.search(line):
        return True
    if is_css_token(line) or END_MARKER.match(line):
        return True
    words = word_count(line)
    if words <= 12 and CHROME.search(line) and not _sentence_like(line):
        return True
    if words <= 3 and not TERMINAL.search(line):
        return True  # crumbs: "world", "Lifestyle", "Savvy Tokyo"
    return False


def _sentence_like(line: str) -> bool:
    """Ends with a full stop and has a verb-ish shape: "He said the deal was off.\""""
    return words_at_least(line, 6) and bool(re.search(r"[a-z][.!?][\"”’)]?$", line))


def words_at_least(line: str, n: int) -> bool:
    return word_count(line) >= n


def _body_start(lines: list[str]) -> int:
    """Index of the first body paragraph (first prose, then any short lead just before it)."""
    first = next((i for i, ln in enumerate(lines) if is_prose(ln)), None)
    if first is None:
        first = next((i for i, ln in enumerate(lines) if not is_junk(ln) and word_count(ln) >= 5), None)
        if first is None:
            return 0
        # No running text at all: keep everything but a title-like first line.
        return 1 if first == 0 and len(lines) > 1 and not TERMINAL.search(lines[0]) else first
    while first > 0 and _is_short_lead(lines[first - 1]):
        first -= 1
    return first


def _is_short_lead(line: str) -> bool:
    return (
        word_count(line) >= 5
        and bool(re.search(r"[a-z][.!?][\"”’)]?$", line))
        and not is_junk(line)
        and not BYLINE.match(line)
    )


def _body_end(lines: list[str], start: int) -> int:
    """Index just past the body: the first end marker, else just past the last prose line."""
    end = len(lines)
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if END_MARKER.match(line) or COPYRIGHT.search(line) or CREDIT.search(line):
            end = i
            break
    while end > start + 1 and (is_junk(lines[end - 1]) or not _ends_body(lines[end - 1])):
        end -= 1
    return end


def _ends_body(line: str) -> bool:
    """A plausible last paragraph: a sentence, or a paragraph the scraper cut off."""
    return word_count(line) >= 4 and bool(re.search(r"[a-z]", line))


QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def dedupe(paragraphs: list[str]) -> list[str]:
    """Keep each paragraph once (scrapers often repeat the whole body)."""
    seen: set[str] = set()
    out = []
    for para in paragraphs:
        key = " ".join(para.translate(QUOTES).casefold().split())
        if key in seen:
            continue
        seen.add(key)
        out.append(para)
    return out
