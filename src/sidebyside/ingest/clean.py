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
4. each line is classified: captions and picture credits, wire credits, copyright,
   timestamps, navigation, and chrome. A chrome word ("comment", "sign up") condemns a
   short line only when the line is not a reported sentence: news copy speaks in the
   third person, furniture talks to the reader ("you", "our newsletter") or is a button;
5. the body runs from the first prose paragraph to the first hard end marker (copyright,
   wire credit, comments, paywall). A list of other articles ("Related stories") ends it
   too, unless the article visibly resumes after it, in which case the box is skipped;
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
    if "[" not in text:
        return text
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
    "QAnon", "MacBook", "AirPods", "DirecTV", "CNNMoney", "NordVPN", "WeChat", "WordPress",
    "SoundCloud", "JetBlue", "GoFundMe", "SharePoint", "OneDrive", "StubHub", "CrowdStrike",
    "MySpace", "PlayStation", "EuroMillions", "BlueSky", "OnlyFans", "SeaWorld", "HealthCare",
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
    cuts = [m.start() for m in LOWER_UPPER.finditer(line) if _is_seam(line, m.start(), keep)]
    if cuts:
        parts, last = [], 0
        for cut in cuts:
            parts.append(line[last:cut])
            last = cut
        parts.append(line[last:])
        line = "\n".join(parts)
    return line.split("\n")


def _is_seam(line: str, pos: int, keep: frozenset[str] = frozenset()) -> bool:
    """Whether the capital at `pos` starts a new block rather than continuing a word."""
    start = pos
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    end = pos
    while end < len(line) and (line[end].isalpha()):
        end += 1
    left, right, word = line[start:pos], line[pos:end], line[start:end]
    if word in CAMEL_WORDS or word in keep or left.lower() in NAME_PREFIXES:
        return False
    if len(left) < 2 or (left.islower() and len(left) <= 3 and right.isupper()):
        return False  # iPhone, eBay, macOS
    if re.fullmatch(r"[A-Z]{2}[a-z]+", left):
        return False  # GPlusMedia, XBoxLive: a brand that already began with two capitals
    if right.isupper() and len(right) <= 3:
        return False  # ChatGPT-like acronyms glued to a word, "PhD"
    return True


CAMEL_TOKEN = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")


def recurring_camel_words(text: str) -> frozenset[str]:
    """Inner-capital words that occur at least twice on the page (real names, not seams)."""
    counts: dict[str, int] = {}
    for match in CAMEL_TOKEN.finditer(text):
        counts[match.group(0)] = counts.get(match.group(0), 0) + 1
    return frozenset(word for word, n in counts.items() if n >= 2)


# --- 3. hard wraps ----------------------------------------------------------------

#: Sentence ends, including the Arabic question mark and full stop, the Devanagari danda
#: and the CJK full stop, exclamation and question marks.
TERMINAL = re.compile(r"[.!?:;…؟۔।。！？][\"”’')\]]*$|[\"”’]$")


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
        current, last = "", ""
        for raw in block.split("\n"):
            line = squash(raw)
            if not line:
                continue
            if current and _continues(last, line, width):
                current = f"{current} {line}"
            else:
                if current:
                    out.append(current)
                current = line
            last = line
        if current:
            out.append(current)
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


# --- 4. line classes -----------------------------------------------------------------

CAPTION = re.compile(
    r"^\s*(?:FILE\s+)?PHOTO\s*:|"
    r"^(?:Image|Photo|Picture|Video|Media)\s+(?:caption|source|credit)s?\s*[,:]|"
    r"\b(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU|Getty Images|Bloomberg)\s*/\s*[A-Z]|"
    r"\((?:[A-Z]{2,}\s+)?Photo\b[^)]*\)\s*$|"
    r"\b(?:Photo|Photograph|Picture|Image|Credit|Illustration)s?\s*:\s*[\w. -]{1,40}(?:/[\w. -]+)?\.?\s*$|"
    r"^In this\b.{0,60}\b(?:file )?(?:photo|picture|image)\b|"
    r"\((?:Photo|Picture|Image) (?:by|credit)[^)]*\)\s*$|"
    r"\bGetty Images\s*$",
    re.IGNORECASE,
)
CAPTION_CUES = ("/", "photo", "picture", "image", "getty", "caption", "credit", "source", "illustration")
#: A picture agency credit closing a caption: "… in Castelbruno. Luca Zennaro/EPA-EFE".
PICTURE_AGENCIES = (
    r"(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|Getty Images|Getty|Xinhua|XINHUA|Anadolu|ANSA|dpa|DPA|"
    r"PA(?: Wire| Images)?|Shutterstock|Alamy|Bloomberg|SOPA Images|NurPhoto|Sipa|Zuma|ZUMA|TASS|Sputnik)"
)
CREDIT_END = re.compile(rf"\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,3}}\s?/\s?{PICTURE_AGENCIES}(?: via Getty Images)?(?:/File)?\.?$")
#: Embedded social posts: "… pic.twitter.com/x — Jane Doe (@jane) May 12, 2024".
EMBED = re.compile(r"pic\.twitter\.com/|\(@\w{1,15}\)\s+[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")
#: A credit in brackets closing a caption: "[Ahmed Hassan/Reuters]", "(Reuters/Amr Abdallah)".
BRACKET_CREDIT = re.compile(r"[\[(](?:[A-Z][\w.'’-]*\s?){1,4}/\s?(?:[A-Z][\w.'’-]*\s?){1,4}(?:/[\w.'’ -]{1,30})?[\])]\s*$")
#: Wire and contributor credits: "Reporting by …; Editing by …", "(Writing by …)",
#: "Associated Press writer … contributed to this report.", "Keyton reported from Stockholm."
CREDIT_PARTS = (
    ("", re.compile(
        r"^\(?(?:(?:Additional|Further|Extra) (?:[Rr]eporting|[Ww]riting)|Reporting|Writing|Editing|Compiled|"
        r"Edited|Produced|Translated)(?: by|:)\s"
    )),
    (";", re.compile(r";\s*(?:[Ee]diting|[Ww]riting) by\s")),
    ("contributed", re.compile(
        r"(?:^|[.!?]\s)(?:[A-Z][\w.'’-]* ){0,4}(?:[Ww]riters?|[Cc]orrespondents?|[Rr]eporters?|[Jj]ournalists?)\b"
        r".{0,120}\bcontributed(?: to)?(?: this)? (?:report|story|article)(?:ing)?\.?\)?$"
    )),
    ("reported from", re.compile(r"^[A-Z][\w'’-]+(?: and [A-Z][\w'’-]+)? reported from [A-Z][\w'’ ,.-]{1,40}\.$")),
)
#: "Source: Al Jazeera and news agencies", "Sources: AFP, Reuters": where the copy came from.
SOURCE_LINE = re.compile(r"^Sources?\s*:\s*[A-Z][\w .&'’,-]{1,60}$")
#: Every copyright pattern needs one of these (checked on the lower-cased line first).
COPYRIGHT_CUES = ("©", "(c)", "copyright", "rights reserved", "may not be")
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bCopyright\b\s*(?:©\s*)?\d{0,4}|\bAll [Rr]ights [Rr]eserved\b|"
    r"\bmay not be (?:published|reproduced|copied), (?:broadcast|distributed|transmitted)"
)
#: Phrases of site furniture; they mark a line as chrome only when the line is short.
#: Matched against the lower-cased line (much faster than re.IGNORECASE): see has_chrome().
CHROME = re.compile(
    r"\b(?:sign ?up|sign[ -]?in|log ?in|log ?out|register|subscribe|subscription|newsletters?|"
    r"already a member|download the app|read more|continue reading|start reading|"
    r"related (?:stories|articles|content|news|topics)|more (?:stories|from)|recommended|"
    r"you may also like|top stories|most (?:read|popular|viewed)|trending|share (?:this|on|page)|"
    r"follow us|email this|print this|comments?|leave a comment|advertisement|advertising|"
    r"advertise|sponsored|cookies?|privacy|terms of (?:use|service)|all quotes delayed|"
    r"do not sell|our standards|trust principles|editor'?s picks|\d+ min read|skip to|"
    r"click here|free trial|days free|our picks|contact us|about us|forgot password|"
    r"get all your news|premium titles|one app|apps|directory of sites|support|contact|"
    r"menu|search|home|offer|get a free|facebook|twitter|whatsapp|linkedin|instagram|"
    r"listen to this|copy link|reuse this content|free articles?|article limit|"
    r"notifications|bookmark|save (?:this )?article|print|tweet|email|telegram)\b"
)
#: The strongest furniture words: a line using them that talks to the reader is furniture
#: even when it is a whole sentence ("We use cookies to improve your experience.").
READER_CHROME = re.compile(
    r"\b(?:sign ?up|sign[ -]?in|log ?in|register|subscri\w+|newsletters?|cookies?|advertis\w+|"
    r"free articles?|read more|continue reading|download|the app|click|account|members?(?:hip)?|"
    r"privacy|notifications|premium|free trial|unlimited access|paywall|comments?)\b",
    re.IGNORECASE,
)
URL = re.compile(r"\bhttps?://|\bwww\.\w")
#: Words addressed to the reader, and the verbs a button or a prompt starts with.
READER = re.compile(r"\b(?:you|your|yours|we|our|us)\b", re.IGNORECASE)
IMPERATIVE = re.compile(
    r"^(?:sign|subscribe|register|log|click|tap|share|follow|download|get|read|continue|start|"
    r"join|listen|watch|explore|accept|manage|save|print|email|tweet|copy|show|hide|skip|"
    r"support|try|see|view|learn|discover|enable|allow|reject|install|visit|browse|already|"
    r"don'?t miss|never miss)\b",
    re.IGNORECASE,
)
#: Text inside quotation marks (an unclosed quote runs to the end of the line).
QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^’]*’(?!\w)")
#: "READ MORE: …", "Related: …", "Watch: …": a link to another page, however long its title.
LINK_PREFIX = re.compile(
    r"^(?:read (?:more|also|next)|also read|see also|related(?: (?:stories|articles|content|coverage))?|"
    r"more(?: on this)?|watch|listen|video|gallery|in pictures|live|explainer|opinion|analysis)\s*[:|»>]",
    re.IGNORECASE,
)
#: Nothing after these is article text: wire credits and copyright are checked separately.
HARD_END = re.compile(
    r"^(?:sign up to (?:read|continue).*|subscribe to (?:read|continue).*|"
    r"(?:show|view|read|hide)?\s*\(?\d*\)?\s*comments?\s*\(?\d*\)?|no comments?|leave a comment|"
    r"log ?in to (?:comment|leave a comment)|sign in (?:or .*)?to (?:comment|join the discussion).*|"
    r"join (?:the|our) (?:conversation|discussion|commenting forum|community)|tags?:.*|topics?:.*|"
    r"explore more on (?:these|this) topics?|related topics|reuse this content|"
    r"this article (?:was|is) (?:amended|corrected).*)\s*$",
    re.IGNORECASE,
)
#: Lists of other articles. At the foot of a page they end the body; in the middle of an
#: article (a "Related stories" box between paragraphs) the article resumes after them.
SOFT_END = re.compile(
    r"^(?:related(?: (?:stories|articles|content|news|coverage|links))?|more (?:stories|on this story|from .{1,30})|"
    r"you (?:may|might) also like|recommended(?: for you)?|read (?:next|more|also)|also read|see also|"
    r"most (?:read|popular|viewed|shared)|top stories\b.*|editor'?s picks|trending(?: now)?|"
    r"what to read next|latest (?:news|stories))\s*:?\s*$",
    re.IGNORECASE,
)
CSS_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,}$")
BYLINE = re.compile(r"^By\s+\S.{0,60}$")
#: "HOME | NEWS | EUROPE", "News > Transport", "Home / World / Middle East": navigation.
NAV_SEPARATORS = re.compile(r"\s*(?:\||>|»|/|•|›)\s*")

MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
)
DAYS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
STAMP_WORDS = {
    "published", "updated", "posted", "last", "first", "modified", "on", "at", "ago", "hour",
    "hours", "minute", "minutes", "mins", "min", "day", "days", "week", "weeks", "hrs", "am",
    "pm", "a.m.", "p.m.", "today", "yesterday", "and", "|", "•", "-", "–", "—", "/", ",",
}
STAMP_NUMBER = re.compile(r"^\d{1,4}(?:[:./-]\d{1,4}){0,2}(?:st|nd|rd|th|am|pm|h)?$", re.IGNORECASE)
TIMEZONE = re.compile(r"^(?:[A-Z]{2,4}T|UTC|GMT|BST|CET|CEST|EST|EDT|PST|PDT|IST|JST|AEST)(?:[+-]\d{1,2}(?::?\d\d)?)?$")


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
    start = _body_start(lines)
    end, boxes = _body_end(lines, start)
    head = tuple(lines[:start])
    body = [ln for i, ln in enumerate(lines[start:end], start) if i not in boxes and not is_junk(ln)]
    tail = tuple(lines[end:])
    if not body:
        # No running text at all (notes without punctuation, a one-liner): keep every line
        # that is not furniture; a page of menu crumbs keeps nothing.
        body, tail = [ln for ln in lines[start:] if not is_junk(ln)], ()
    return Cleaned(head=head, body=tuple(dedupe(body)), tail=tail)


def is_css_token(line: str) -> bool:
    """Class names leaked into the text: "for-phone-onlyfor-tablet-portrait-up"."""
    return bool(CSS_TOKEN.match(line)) and line.count("-") >= 3


def word_count(line: str) -> int:
    if len(line) > HUGE:
        return line.strip().count(" ") + 1  # lines are squashed by then; no million-word list
    return len(line.split())


#: Beyond this many characters, whitespace is handled without splitting into words: a
#: 50 MB one-line file would otherwise become millions of word objects.
HUGE = 10_000
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


def is_prose(line: str, min_words: int = 10) -> bool:
    """A paragraph of running text: enough words, ends like a sentence, not furniture."""
    return (
        word_count(line) >= min_words
        and bool(TERMINAL.search(line))
        and has_small_letters(line, 2)
        and not is_junk(line)
    )


SMALL_LETTERS = (re.compile(r"[a-z]"), re.compile(r"[a-z]{2}"))


def has_small_letters(line: str, run: int = 1) -> bool:
    """`run` letters in a row that are not capitals: lower-case Latin, Greek or Cyrillic, or
    a script without case (Arabic, Hebrew, Chinese). A line in capitals is a label, not
    running text; a line in Arabic is running text."""
    if SMALL_LETTERS[run - 1].search(line):
        return True
    if line.isascii():
        return False
    count = 0
    for ch in _probe(line):
        count = count + 1 if ch.isalpha() and not ch.isupper() else 0
        if count >= run:
            return True
    return False


#: Furniture is short. A longer line is only probed at its ends, so a 50 MB one-line file
#: does not run every pattern over every byte.
LONG_LINE = 600


def _probe(line: str) -> str:
    return line if len(line) <= LONG_LINE else f"{line[:300]}\n{line[-300:]}"


def is_furniture(line: str) -> bool:
    """Lines that are never article text, however the page is laid out."""
    line = _probe(line)
    return bool(
        is_caption(line)
        or is_credit(line)
        or is_copyright(line)
        or SOURCE_LINE.match(line)
        or EMBED.search(line)
        or is_timestamp(line)
    )


def is_junk(line: str) -> bool:
    """Captions, credits, copyright lines, site chrome and navigation crumbs."""
    if len(line) > LONG_LINE:
        return is_furniture(line)
    if is_furniture(line) or is_css_token(line) or is_navigation(line):
        return True
    if HARD_END.match(line) or SOFT_END.match(line):
        return True
    if LINK_PREFIX.match(line) and word_count(line) <= 25:
        return True  # a link's title is short; "Analysis: …" running on is a paragraph
    words = word_count(line)
    if words <= 30 and ("http" in line or "www." in line) and URL.search(line) and addresses_reader(line):
        return True  # "Follow our coverage at https://…", "Read the report: www.…"
    if words <= 30 and has_chrome(line):
        if words <= 12 and not is_reported(line):
            return True
        if READER_CHROME.search(line) and addresses_reader(line):
            return True
    if words <= 3 and not TERMINAL.search(line):
        return True  # crumbs: "world", "Lifestyle", "Savvy Tokyo"
    return False


def has_chrome(line: str) -> bool:
    """Whether the line uses a word of site furniture ("Sign up", "Comments", "Share on")."""
    return bool(CHROME.search(line.lower()))


def is_caption(line: str) -> bool:
    """A photo caption or picture credit ("FILE PHOTO: …", "(AP Photo/…)", "[Name/Reuters]")."""
    low = line.lower()
    if not any(cue in low for cue in CAPTION_CUES):
        return False  # every caption pattern needs one of these; most prose has none
    return bool(CAPTION.search(line) or BRACKET_CREDIT.search(line) or CREDIT_END.search(line))


def is_credit(line: str) -> bool:
    """A wire or contributor credit line."""
    return any((not cue or cue in line) and pattern.search(line) for cue, pattern in CREDIT_PARTS)


def is_copyright(line: str) -> bool:
    """A copyright notice or reproduction warning."""
    low = line.lower()
    return any(cue in low for cue in COPYRIGHT_CUES) and bool(COPYRIGHT.search(line))


def is_reported(line: str) -> bool:
    """A sentence of the story ("He declined to comment.") rather than words to the reader.

    News copy is written in the third person; the page's furniture talks to "you", offers
    "our" newsletter or starts with a button's verb. Quoted speech does not count, as a
    speaker may well say "we".
    """
    if word_count(line) < 3 or not re.search(r"[a-z0-9%][.!?…]?[\"”’)]*[.!?…][\"”’)]*$", line):
        return False
    return not addresses_reader(line)


def addresses_reader(line: str) -> bool:
    bare = QUOTED.sub(" ", line).strip(" ,")
    return bool(READER.search(bare) or IMPERATIVE.match(bare))


def is_navigation(line: str) -> bool:
    """A row of menu items ("HOME | NEWS | SPORT") or a breadcrumb ("News > Transport")."""
    if not any(mark in line for mark in "|>»/•›"):
        return False
    items = [item for item in NAV_SEPARATORS.split(line) if item]
    least = 2 if re.search(r"\s[>»›]\s", line) else 3
    return len(items) >= least and all(word_count(item) <= 2 and not TERMINAL.search(item) for item in items)


def is_timestamp(line: str) -> bool:
    """"Published On 14 Jun 2024", "Updated 4:12 PM GMT, March 3, 2024", "3 hours ago"."""
    if len(line) > 80 or not re.search(r"\d", line):
        return False
    tokens = re.findall(r"[\w.:/+-]+|[|•,–—]", line)
    dated = False
    for token in tokens:
        bare = token.rstrip(".,") or token
        low = bare.lower()
        if low in MONTHS or low in DAYS or low in {"ago", "today", "yesterday"}:
            dated = True
        elif STAMP_NUMBER.match(bare):
            dated = dated or ":" in bare or "/" in bare or bool(re.match(r"^\d\d?\.\d\d$", bare))
        elif not (low in STAMP_WORDS or TIMEZONE.match(bare)):
            return False
    return dated


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


def _body_end(lines: list[str], start: int) -> tuple[int, set[int]]:
    """Index just past the body, and the lines of boxes (related links) inside it.

    The body ends at the first hard end marker (copyright, wire credit, comments, paywall).
    A list of other articles ends it too, unless the article visibly resumes after the list.
    """
    end = len(lines)
    boxes: set[int] = set()
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if _is_hard_end(line):
            end = i
            break
        if SOFT_END.match(line):
            resume = _resumes_after(lines, i)
            if resume is None:
                end = i
                break
            boxes.update(range(i, resume))
            i = resume
            continue
        i += 1
    while end > start + 1 and (
        is_junk(lines[end - 1]) or not _ends_body(lines[end - 1]) or end - 1 in boxes or _is_prompt(lines[end - 1])
    ):
        end -= 1
    return end, boxes


def _is_prompt(line: str) -> bool:
    """A short last line with no full stop is a link or button ("Listen to the full interview"),
    not the end of a paragraph."""
    return word_count(line) < 10 and not TERMINAL.search(line)


def _is_hard_end(line: str) -> bool:
    line = _probe(line)
    return bool(HARD_END.match(line) or is_copyright(line) or is_credit(line))


def _resumes_after(lines: list[str], marker: int, box_size: int = 10) -> int | None:
    """Where the article resumes after a related-links box at `marker`, if it does.

    It resumes when, within a box's length, two prose paragraphs follow one another, or
    one prose paragraph is followed by the page's closing line (copyright, credit).
    """
    for j in range(marker + 1, min(len(lines), marker + 2 + box_size)):
        line = lines[j]
        if _is_hard_end(line) or SOFT_END.match(line):
            return None
        if is_prose(line):
            after = lines[j + 1] if j + 1 < len(lines) else None
            if after is not None and (is_prose(after) or _is_hard_end(after)):
                return j
            return None
    return None


def _ends_body(line: str) -> bool:
    """A plausible last paragraph: a sentence, or a paragraph the scraper cut off."""
    return word_count(line) >= 4 and has_small_letters(line)


QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def dedupe(paragraphs: list[str]) -> list[str]:
    """Keep each paragraph once (scrapers often repeat the whole body)."""
    seen: set[str] = set()
    out = []
    for para in paragraphs:
        key = squash(para.translate(QUOTES).casefold())
        if key in seen:
            continue
        seen.add(key)
        out.append(para)
    return out
