"""What kind of line a line is: a paragraph of the article, or the page around it.

A saved page is the article plus everything around it: navigation, sign-up prompts,
captions, credits, ads, comment widgets, "related" lists. The predicates here know
each kind by its shape, using general rules learned from how news sites are built,
not from particular files:

* furniture that is never article text, however the page is laid out: captions and
  picture credits, wire and contributor credits, copyright notices, source lines,
  embedded social posts and timestamps (`is_furniture`);
* site chrome and navigation (`is_junk`). A chrome word ("comment", "sign up") condemns
  a short line only when the line is not a reported sentence: news copy speaks in the
  third person, furniture talks to the reader ("you", "our newsletter") or is a button;
* the lines that mark the body's edges: hard end markers (copyright, wire credit,
  comments, paywall: `is_hard_end`), lists of other articles (`SOFT_END`), a short lead
  before the first long paragraph (`is_short_lead`), a link or button left at the foot
  (`is_prompt`), a plausible last paragraph (`ends_body`).

Each predicate looks at one line alone. Deciding where the body starts and ends, which
needs the lines around, is `clean.py`'s job, as is repairing the lines in the first
place. All stay cheap on a 50 MB one-line file: see `HUGE` and `LONG_LINE`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sidebyside.dates import DAYS, MONTHS

# --- patterns -----------------------------------------------------------------------------

#: Sentence ends, including the Arabic question mark and full stop, the Devanagari danda
#: and the CJK full stop, exclamation and question marks.
TERMINAL = re.compile(r"[.!?:;…؟۔।。！？][\"”’')\]]*$|[\"”’]$")

#: Photo captions and picture credits (every pattern needs one of `CAPTION_CUES`, checked first).
CAPTION = re.compile(
    r"^\s*(?:FILE\s+)?PHOTO\s*:|"
    r"^[\[(](?:Image|Photo|Picture|Video)[\])]\s|"
    r"^(?:Image|Photo|Picture|Video|Media)\s+(?:caption|source|credit)s?\s*[,:]|"
    r"\b(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU|Getty Images|Bloomberg)\s*/\s*[A-Z]|"
    r"\((?:[A-Z]{2,}\s+)?Photo\b[^)]*\)\s*$|"
    r"\b(?:Photo|Photograph|Picture|Image|Credit|Illustration)s?\s*:\s*[\w. -]{1,40}(?:/[\w. -]+)?\.?\s*$|"
    r"^In this\b.{0,60}\b(?:file )?(?:photo|picture|image)\b|"
    r"\((?:Photo|Picture|Image) (?:by|credit)[^)]*\)\s*$|"
    r"\bGetty Images\s*$|"
    r"\((?:Image|Photo|Picture|Credit)s?\s*:[^()]{0,60}\)\s*$",
    re.IGNORECASE,
)
#: A caption's label on a line of its own ("Image caption"): the next line is the caption.
CAPTION_LABEL = re.compile(r"^(?:(?:image|photo|picture|video|media) )?(?:caption|description)\s*:?$", re.IGNORECASE)
#: A weather widget: a temperature, and otherwise only names, numbers and weather words
#: ("Tarrenford 19°C Sunny | Thursday, June 12, 2025", "Port Ellery today: 26°C, smoke haze,
#: wind SW 20 km/h"), never a subheading's verbs ("Temperatures hit 45°C as wind fans ...").
TEMPERATURE = re.compile(r"(?<![\w.])-?\d{1,3}\s?°\s?[CF]?(?!\w)")
WEATHER_WORDS = frozenset(
    "sunny cloudy clear rain showers fog haze smoke overcast wind windy snow today tonight in light heavy partly km/h "
    "mph".split()
)
#: A label a page puts above an ad: the ad's own copy follows on the next line.
AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|promoted)\s*:?$", re.IGNORECASE
)
#: Phrases that sell: a shop's, not a reporter's (see `clean._ad_copy` for how many it takes).
AD_WORDS = re.compile(
    r"\b(?:shop now|buy now|order now|book (?:now|online today)|call (?:us )?today|sign up today|free delivery|"
    r"free trial|no hidden fees|cancel any time|get (?:a|your) (?:free )?quote|"
    r"visit our (?:\w+ )?(?:showroom|store|shop)|"
    r"\d+% off (?:all|every)(?!-))\b",
    re.IGNORECASE,
)
#: The most words an ad's pitch runs to.
AD_PITCH_WORDS = 40
CAPTION_CUES = ("/", "photo", "picture", "image", "getty", "caption", "credit", "source", "illustration", "©")
#: A picture's copyright, which is a credit under a photo, not the page's closing notice:
#: "(Image: © NASA/ESA)", "Image copyright @BigMachine", "Photo: © Jane Doe", and a bare
#: "© John Brecher" with no year and no "rights reserved" (a page's notice has a year).
PICTURE_COPYRIGHT = re.compile(
    r"^[(\[]?(?:Image|Photo|Photograph|Picture|Foto|Illustration|Credit)s?"
    r"(?:\s+(?:copyright|credit|source)s?)?\s*[:,]?\s*(?:©|\(c\)|copyright\b)|"
    r"^[(\[]?©\s*[^\W\d][^\d©]{0,40}$",
    re.IGNORECASE,
)
#: A picture agency credit closing a caption: "… in Castelbruno. Luca Zennaro/EPA-EFE".
PICTURE_AGENCIES = (
    r"(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|Getty Images|Getty|Xinhua|XINHUA|Anadolu|ANSA|dpa|DPA|"
    r"PA(?: Wire| Images)?|Shutterstock|Alamy|Bloomberg|SOPA Images|NurPhoto|Sipa|Zuma|ZUMA|TASS|Sputnik)"
)
CREDIT_END = re.compile(
    rf"\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,3}}\s?/\s?{PICTURE_AGENCIES}(?: via Getty Images)?(?:/File)?\.?$"
)
#: Agencies that only sell pictures: "[Getty]" alone is a picture's credit ("(AP)" may
#: credit the copy).
PHOTO_AGENCY = re.compile(
    r"^[\[(]\s*(?:Getty(?: Images)?|Shutterstock|Alamy|NurPhoto|SOPA Images|Zuma|ZUMA|Sipa|iStock)\b"
)
#: A picture credit standing alone under its caption: the whole line in brackets ("(Image:
#: © NASA/ESA)", "[Getty]", "(Jane Doe/Reuters)") or "Photo by Jane Doe/AFP". Not "Photograph:
#: Jane Doe/AP": scrapes of pages that print it so often lost the caption above it, and the
#: line above is then the article's.
STANDALONE_CREDIT = re.compile(
    r"^[\[(][^()\[\]]{1,80}[\])]$|"
    r"^(?:Photo|Photograph|Picture|Image)s? by [A-Z][\w.'’ -]{1,40}(?:/[\w.'’ -]{1,40})?\.?$"
)


def is_picture_credit(line: str) -> bool:
    """A credit line of its own under a picture ("(Image: © NASA)", "[Getty]", "Photo by
    Jane Doe/AFP"): the line above it is that picture's caption."""
    if len(line) > 120 or not STANDALONE_CREDIT.match(line):
        return False
    return is_caption(line) or bool(PHOTO_AGENCY.match(line)) or line[:5] in {"Photo", "Pictu", "Image"}


#: Embedded social posts: "… pic.twitter.com/x — Jane Doe (@jane) May 12, 2024".
EMBED = re.compile(r"pic\.twitter\.com/|\(@\w{1,15}\)\s+[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")
#: A credit in brackets closing a caption: "[Ahmed Hassan/Reuters]", "(Reuters/Amr Abdallah)".
BRACKET_CREDIT = re.compile(
    r"[\[(](?:[A-Z][\w.'’-]*\s?){1,4}/\s?(?:(?:[A-Z][\w.'’-]*|via)\s?){1,5}(?:/[\w.'’ -]{1,30})?[\])]\s*$"
)
#: A gallery's counter opening a caption: "1of4Grass Valley's …", "2 of 12 Firefighters …".
GALLERY_COUNTER = re.compile(r"^\d{1,3}\s?of\s?\d{1,3}(?=[A-Z“\"]|\s[A-Z“\"])")
#: Wire and contributor credits: "Reporting by …; Editing by …", "(Writing by …)",
#: "Associated Press writer … contributed to this report.", "Keyton reported from Stockholm."
CREDIT_PARTS = (
    (
        "",
        re.compile(
            r"^\(?(?:(?:Additional|Further|Extra) (?:[Rr]eporting|[Ww]riting)|Reporting|Writing|Editing|Compiled|"
            r"Edited|Produced|Translated)(?: by|:)\s"
        ),
    ),
    (";", re.compile(r";\s*(?:[Ee]diting|[Ww]riting) by\s")),
    (
        "contributed",
        re.compile(
            r"(?:^|[.!?]\s)(?:[A-Z][\w.'’-]* ){0,4}(?:[Ww]riters?|[Cc]orrespondents?|[Rr]eporters?|[Jj]ournalists?)\b"
            r".{0,120}\bcontributed(?: to)?(?: this)? (?:report|story|article)(?:ing)?\.?\)?$"
        ),
    ),
    (
        "contributed",
        re.compile(
            r"^(?!.{0,200}?\b(?:said|says|told|added)\b)"  # "He said Reuters reporters contributed …": a sentence
            r"\(?[A-Z].{0,200}?\bcontributed (?:to (?:this|the) (?:report|story|article)|reporting)"
            r"(?: (?:from|in) [A-Z][\w'’ ,.-]{1,40})?\.?\)?$"
        ),
    ),
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
    r"more(?: on this)?|watch|listen|video|gallery|in pictures|live(?: updates| blog| coverage)?|explainer|opinion|"
    r"analysis)\s*[:|»>]",
    re.IGNORECASE,
)
#: Nothing after these is article text: wire credits and copyright are checked separately.
HARD_END = re.compile(
    r"^(?:sign up to (?:read|continue).*|subscribe to (?:read|continue).*|"
    r"(?:show|view|read|hide)?\s*\(?\d*\)?\s*comments?\s*\(?\d*\)?|no comments?|leave a comment|"
    r"log ?in to (?:comment|leave a comment)|sign in (?:or .*)?to (?:comment|join the discussion).*|"
    r"join (?:the|our) (?:conversation|discussion|commenting forum|community)|tags?:.*|topics?:.*|"
    r"\d+ (?:responses?|comments?|replies|thoughts) (?:to|on) .{1,200}|"
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
#: A long run of letters and hyphens with no space: class names leaked into the text.
CSS_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,}$")
#: "By Jane Doe": a byline is never the body's first line, nor wrapped onto the next one.
BYLINE = re.compile(r"^By\s+\S.{0,60}$")
#: "HOME | NEWS | EUROPE", "News > Transport", "Home / World / Middle East": navigation.
#: (Never tried from the middle of a run of spaces, where it cannot match when it did not
#: from the run's start: so a long run is not read again from each of its spaces.)
NAV_SEPARATORS = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:\||>|»|/|•|›)\s*")
#: What else a timestamp line is made of ("Published on … at …", "3 hours ago", "10:12 BST").
STAMP_WORDS = {
    "published",
    "updated",
    "posted",
    "last",
    "first",
    "modified",
    "on",
    "at",
    "ago",
    "hour",
    "hours",
    "minute",
    "minutes",
    "mins",
    "min",
    "day",
    "days",
    "week",
    "weeks",
    "hrs",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "today",
    "yesterday",
    "and",
    "|",
    "•",
    "-",
    "–",
    "—",
    "/",
    ",",
}
STAMP_NUMBER = re.compile(r"^\d{1,4}(?:[:./-]\d{1,4}){0,2}(?:st|nd|rd|th|am|pm|h)?$", re.IGNORECASE)
TIMEZONE = re.compile(r"^(?:[A-Z]{2,4}T|UTC|GMT|BST|CET|CEST|EST|EDT|PST|PDT|IST|JST|AEST)(?:[+-]\d{1,2}(?::?\d\d)?)?$")


# --- sizes --------------------------------------------------------------------------------

#: Beyond this many characters, whitespace is handled without splitting into words: a
#: 50 MB one-line file would otherwise become millions of word objects.
HUGE = 10_000


#: Chinese and Japanese characters: those scripts put no spaces between words.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(line: str) -> int:
    """Words in the line, counted by spaces alone once the line is huge.

    Chinese and Japanese write words without spaces: there, two characters count as a
    word (about the length of a word in either), so a paragraph of Japanese is as long
    as the English paragraph it translates, not one "word".
    """
    if len(line) > HUGE:
        return line.strip().count(" ") + 1  # lines are squashed by then; no million-word list
    words = len(line.split())
    if not line.isascii():
        words += len(UNSPACED.findall(line)) // 2
    return words


#: Furniture is short. A longer line is only probed at its ends, so a 50 MB one-line file
#: does not run every pattern over every byte.
LONG_LINE = 600


def _probe(line: str) -> str:
    """The line, or only its two ends when it is too long to be furniture."""
    return line if len(line) <= LONG_LINE else f"{line[:300]}\n{line[-300:]}"


# --- running text -------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def is_prose(line: str, min_words: int = 10) -> bool:
    """A paragraph of running text: enough words, ends like a sentence, not furniture.

    Cached, as `is_junk` is: the cleaner weighs, bounds and filters the same lines in
    three passes, and these tests are most of a long article's load time.
    """
    return (
        word_count(line) >= min_words
        and bool(TERMINAL.search(line))
        and has_small_letters(line, 2)
        and not is_junk(line)
    )


def is_text_run(line: str, min_words: int = 12) -> bool:
    """Running text that does not end like a sentence: a list item of a recipe, a line the
    page broke mid-sentence. Long and mostly in small letters; a headline capitalises its
    words, so a long title-case line is a link to another article, not text."""
    words = line.split()
    if word_count(line) < min_words or not has_small_letters(line, 2) or is_junk(line):
        return False
    capitals = sum(1 for word in words if word[:1].isupper())
    return capitals * 2 < len(words)


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


# --- furniture, chrome, navigation --------------------------------------------------------


def is_weather(line: str) -> bool:
    """A weather widget's line (see `WEATHER_WORDS`); the date after a "|" is the widget's too."""
    if "°" not in line:
        return False  # most lines, cheaply
    head = line.split("|")[0]
    if not TEMPERATURE.search(head) or word_count(line) > 12:
        return False
    words = [w.strip(",.:;") for w in TEMPERATURE.sub(" ", head).split()]
    return all(not w or w[0].isupper() or w[0].isdigit() or w.lower() in WEATHER_WORDS for w in words)


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
        or is_weather(line)
    )


@lru_cache(maxsize=4096)
def is_junk(line: str) -> bool:
    """Captions, credits, copyright lines, site chrome and navigation crumbs (cached: see `is_prose`)."""
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
    # crumbs: "world", "Lifestyle", "Savvy Tokyo"
    return words <= 3 and not TERMINAL.search(line)


def has_chrome(line: str) -> bool:
    """Whether the line uses a word of site furniture ("Sign up", "Comments", "Share on")."""
    return bool(CHROME.search(line.lower()))


def is_caption(line: str) -> bool:
    """A photo caption or picture credit ("FILE PHOTO: …", "(AP Photo/…)", "[Name/Reuters]").

    A line too long to be a caption is probed at its ends: a name-and-agency pattern tried
    at every capital of a 40 000-character "A.B.A.B…" is quadratic.
    """
    line = _probe(line)
    if GALLERY_COUNTER.match(line):
        return True
    low = line.lower()
    if not any(cue in low for cue in CAPTION_CUES):
        return False  # every caption pattern needs one of these; most prose has none
    return bool(
        CAPTION.search(line)
        or BRACKET_CREDIT.search(line)
        or CREDIT_END.search(line)
        or (PICTURE_COPYRIGHT.match(line) and "reserved" not in low)
    )


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
    """Whether the line, outside its quotations, speaks to the reader or starts with a button's verb."""
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
    """ "Published On 14 Jun 2024", "Updated 4:12 PM GMT, March 3, 2024", "3 hours ago"."""
    if len(line) > 80 or not re.search(r"\d", line):
        return False
    tokens = re.findall(r"[\w.:/+-]+|[|•,–—]", line)
    dated = False
    for token in tokens:
        bare = token.rstrip(".,:") or token  # "Published:", "2025,"
        low = bare.lower()
        if low in MONTHS or low in DAYS or low in {"ago", "today", "yesterday"}:
            dated = True
        elif STAMP_NUMBER.match(bare):
            dated = dated or ":" in bare or "/" in bare or bool(re.match(r"^\d\d?\.\d\d$", bare))
        elif not (low in STAMP_WORDS or token.lower() in STAMP_WORDS or TIMEZONE.match(bare)):  # "p.m."
            return False
    return dated


def is_css_token(line: str) -> bool:
    """Class names leaked into the text: "for-phone-onlyfor-tablet-portrait-up"."""
    return bool(CSS_TOKEN.match(line)) and line.count("-") >= 3


# --- the body's edges ---------------------------------------------------------------------


def is_short_lead(line: str) -> bool:
    """A short sentence that may open the body just before its first prose paragraph (a standfirst)."""
    return (
        word_count(line) >= 5
        and bool(re.search(r"[a-z][.!?][\"”’)]?$", line))
        and not is_junk(line)
        and not BYLINE.match(line)
    )


def is_prompt(line: str) -> bool:
    """A short last line with no full stop is a link or button ("Listen to the full interview"),
    not the end of a paragraph."""
    return word_count(line) < 10 and not TERMINAL.search(line)


#: The line that opens one reader comment: its author, often with the time ("Gary M on
#: September 17, 2018 at 8:50 pm said:", "jdoe says:", "Ann wrote:"). "He said:" before a
#: quotation in a story has no date, and "says:" is the comment widget's present tense.
COMMENT_AUTHOR = re.compile(r"\b(?:says|wrote|writes|replied|commented)\s*:$|\d.{0,40}\bsaid\s*:$", re.IGNORECASE)
#: What else each comment carries: a relative stamp ("2 days ago at 07:52 am"), a button.
COMMENT_FURNITURE = re.compile(
    r"^(?:\w+\s+){0,3}\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|"
    r"^(?:reply|report abuse|flag as inappropriate|permalink|rating:.*votes?)$",
    re.IGNORECASE,
)


def is_comment_author(line: str) -> bool:
    """The line opening a reader comment ("jdoe says:"): the article is over above it."""
    return len(line) <= 120 and word_count(line) <= 14 and bool(COMMENT_AUTHOR.search(line))


def is_comment_header(line: str) -> bool:
    """A line that heads or closes one reader comment (author and time, a reply button).

    A run of prose with several of these is a discussion under the article, however much
    it outweighs the article itself (see `boilerplate.densest_body`)."""
    return is_comment_author(line) or (
        len(line) <= 120 and word_count(line) <= 14 and bool(COMMENT_FURNITURE.search(line))
    )


def is_hard_end(line: str) -> bool:
    """A line after which nothing is article text: comments, paywall, copyright, a wire credit."""
    line = _probe(line)
    return bool(
        HARD_END.match(line)
        or (is_copyright(line) and not is_caption(line))
        or is_credit(line)
        or is_comment_author(line)
    )


def ends_body(line: str) -> bool:
    """A plausible last paragraph: a sentence, or a paragraph the scraper cut off."""
    return word_count(line) >= 4 and has_small_letters(line)
