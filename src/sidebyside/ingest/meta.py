"""Recognise outlet, headline, byline, dateline and date from a cleaned page.

Every outlet says who it is somewhere, in one of a few conventional places: a title
suffix ("… | Reuters"), a wire label ("SMA News – Agencies"), a masthead dateline
("Paris- Asharq Al-Awsat"), a wire dateline ("PARIS (Reuters) -"), a copyright line
("© 2019 AFP"), a source line ("Source: Al Jazeera and news agencies") or the masthead at
the top of the page. We look in that order, from the most specific to the most generic,
and return None when the text does not say: a guess is worse than a blank for a
fact-checker.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sidebyside.dates import MONTH_NUMBER
from sidebyside.ingest.clean import Cleaned
from sidebyside.ingest.lines import (
    COPYRIGHT,
    HARD_END,
    LINK_PREFIX,
    SOFT_END,
    SOURCE_LINE,
    has_chrome,
    is_caption,
    is_copyright,
    is_furniture,
    is_navigation,
    is_timestamp,
    word_count,
)


@dataclass(frozen=True)
class Meta:
    """What the page says about itself."""

    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    date: str | None = None
    credits: tuple[str, ...] = ()


#: A line that credits the copy to someone else, never a byline: "With AP", "— AFP",
#: "(Reuters)", "Agencies", "New York Times News Service", "AP contributed to this report".
CREDIT_LINE = re.compile(
    r"^(?:[Ww]ith|[-–—]|[Ss]ource:?)\s*(?P<with>[A-Z][\w.&'’ -]{0,40}?)\.?$"
    r"|^\((?P<paren>[A-Z][\w.&'’ -]{0,30})\)$"
    r"|^(?P<service>[A-Z][\w.&'’ -]{0,40}? (?:[Nn]ews [Ss]ervice|[Nn]ews [Aa]gency|[Ww]ire [Ss]ervices?))\.?$"
    r"|^(?:[Nn]ews )?[Aa]gencies\.?$"
    r"|^(?P<contributed>(?:The )?[A-Z][\w.&'’ -]{0,40}?) contributed to this (?:report|story|article)\.?$"
)


def credit_lines(lines: list[str]) -> tuple[str, ...]:
    """The credit lines of a page, as printed."""
    return tuple(dict.fromkeys(line for line in lines if CREDIT_LINE.match(line) and word_count(line) <= 8))


def credited_names(credits: tuple[str, ...]) -> set[str]:
    """The names the credit lines give the copy to, folded: "With NPA" -> "npa"."""
    names = set()
    for line in credits:
        if m := CREDIT_LINE.match(line):
            name = next((g for g in m.groups() if g), None)
            if name:
                names.add(name.strip().casefold())
    return names


#: A wire dateline's date: "Oct. 26", "May 8", "September 3".
WIRE_DATE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}"
#: "PARIS (Reuters) - ", "WASHINGTON — ", "TRIPOLI, May 8 (AFP) - ", "BEIRUT, Lebanon (AP) —",
#: "BEIRUT, Lebanon, Oct. 26 (AP) –", "NEW DELHI: ", "Paris (AFP) - ", and a date alone with
#: its credit "Oct. 26 (Reuters) --", at the start of the body. A place in title case needs
#: the wire credit; a date alone needs it too. The pattern is anchored and every part is
#: bounded, so it reads a few dozen characters of a line at most.
WIRE_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’ -]{1,30}?[A-Z])"
    r"(?:,\s*(?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?))?(?:,\s*" + WIRE_DATE + r")?"
    r"\s*(?:\((?P<credit>[^()]{2,30})\))?"
    r"|(?P<tplace>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*(?P<tregion>[A-Z][a-z]+(?: [A-Z][a-z]+)?))?"
    r"(?:,\s*" + WIRE_DATE + r")?\s*\((?P<tcredit>[^()]{2,30})\)"
    r"|" + WIRE_DATE + r"\s*\((?P<dcredit>[^()]{2,30})\))"
    r"\s*(?:[-–—]{1,2}|:)\s+(?=\S)"
)
#: A publication's name: two to five capitalised words ("The Highveld Times", "Daily Star").
NAME_LINE = re.compile(r"^(?:The )?[A-Z][\w'’&.-]*(?: (?:of |and |& )?[A-Z][\w'’&.-]*){1,4}$")
#: Capitals that open a lead without being a place: "UPDATE: …", "EXCLUSIVE - …".
NOT_PLACES = {
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "ANALYSIS",
    "WATCH",
    "NOTE",
    "EDITOR'S NOTE",
    "CORRECTION",
    "OPINION",
    "LIVE",
    "VIDEO",
    "FACTBOX",
    "EXPLAINER",
    "UPDATE 1",
    "UPDATE 2",
}
#: "Paris- Asharq Al-Awsat": a place, a dash glued to it, the publication.
MASTHEAD_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,2})[-–—]\s+(?P<outlet>[A-Z][\w.&'’ -]{1,40})$"
)
#: "SMA News – Agencies": a site label crediting wire agencies.
AGENCY_LABEL = re.compile(r"^(?P<outlet>[A-Z][\w.&'’ ]{1,40}?)\s+[-–—|/]\s+Agenc(?:y|ies)$", re.IGNORECASE)
#: "Source: Al Jazeera and news agencies", "Source: SMA News with agencies".
SOURCE_OUTLET = re.compile(
    r"^Sources?\s*:\s*(?P<outlet>[A-Z][\w.&'’ -]{1,40}?)\s+(?:and|with|\+|/)\s+(?:news\s+)?agenc", re.IGNORECASE
)
#: "More from RTV News": the site's own list of its other articles.
MORE_FROM = re.compile(r"^More from (?P<outlet>[A-Z][\w.&'’ -]{1,30})$")
TITLE_SUFFIX = re.compile(r"^(?P<title>.{15,}?)\s+(?:\||[-–—])\s+(?P<outlet>[A-Z][\w.&'’ ]{1,30})$")
#: "The Sentinel | Yorkshire's paper since 1872": a name, then the site's tagline.
NAME_TAGLINE = re.compile(r"^(?P<outlet>[A-Z][\w.&'’ -]{1,30}?)\s+[|–—-]\s+\S.*$")
BYLINE = re.compile(r"^By:?\s+(?P<name>[A-Z][^|]{1,60}?)\s*(?:\|.*)?$")
#: "Anna Kowalczyk in Merano": the Guardian's byline-with-place, without "By".
NAME_IN_PLACE = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’.-]*){1,3}) in (?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})$"
)
REPORTING_FROM = re.compile(r"^Reporting from\s+[A-Z]")
BARE_NAME = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: (?:de |van |von |al-|el-)?[A-Z][\w'’-]+){1,2}$")
NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
PLACE_LINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,24}$")
SECTION_WORDS = {
    "WORLD",
    "NEWS",
    "HOME",
    "MENU",
    "SPORT",
    "SPORTS",
    "BUSINESS",
    "POLITICS",
    "OPINION",
    "LIVE",
    "VIDEO",
    "SEARCH",
    "WEATHER",
    "CULTURE",
    "TECH",
    "HEALTH",
    "MIDDLE EAST",
    "AFRICA",
    "EUROPE",
    "ASIA",
    "AMERICAS",
    "US",
    "UK",
    "ANALYSIS",
    "EXCLUSIVE",
    "BREAKING",
    "INTERNATIONAL",
    "NATIONAL",
    "LOCAL",
    "TRAINS",
    "TRANSPORT",
    "SCIENCE",
    "TRAVEL",
    "LIFESTYLE",
    "ENTERTAINMENT",
    "MARKETS",
    "ECONOMY",
    "ENVIRONMENT",
    "CLIMATE",
    "UK NEWS",
    "US NEWS",
    "WORLD NEWS",
    "LATEST",
    "TOP STORIES",
    "FEATURES",
    "COMMENT",
    "EDITORIAL",
    "REGION",
    "BREAKING NEWS",
    "LATEST NEWS",
    "TOP NEWS",
    "LIVE NEWS",
    "LOCAL NEWS",
    "LIVE UPDATES",
    "THE LATEST",
    "BUSINESS NEWS",
    "SPORTS NEWS",
    "WORLD TODAY",
    "NEWS TODAY",
    "TODAY",
    "THE WEEK",
}
#: The words section labels are made of ("National News", "World Business", "Latest"): a
#: name made of nothing else labels a part of the site, not the site.
SECTION_VOCABULARY = frozenset(word for label in SECTION_WORDS for word in label.split()) | {
    "REGIONAL",
    "STATE",
    "NATION",
    "GLOBAL",
    "DOMESTIC",
    "AND",
    "&",
}


def _is_section_label(name: str) -> bool:
    """ "National News", "Local News", "World & Business": words of section labels only."""
    return all(word in SECTION_VOCABULARY for word in name.upper().split())


#: Words that name a news organisation ("RTV News", "Daily Ledger", "Alpine Post").
NEWS_NAME = re.compile(
    r"\b(?:News|Post|Times|Herald|Wire|Press|Tribune|Journal|Gazette|Telegraph|Guardian|Ledger|"
    r"Courier|Bulletin|Chronicle|Observer|Express|Mirror|Standard|Independent|Agency|Network|TV|"
    r"Radio|Today|Daily|Mail|Sentinel|Monitor|Record|Media|Online|Report|Dispatch|Examiner|"
    r"Inquirer|Recorder|Register|Reporter|Star|Sun|Globe|Nation|Age|Hindu|Dawn)\b"
)
TITLE_PREFIX = re.compile(r"^(?:Updated|UPDATED|BREAKING|Breaking(?: news)?|EXCLUSIVE|Exclusive)\s*:?\s+")
COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{1,4}(?:\s*[-–]\s*\d{2,4})?)?\s*(?P<owner>[A-Z][\w&.'’ -]{1,40}?)"
    r"(?:\s+\d{4})?[.,]?\s*$"
)
LEGAL_SUFFIX = re.compile(r"[,.]?\s+(?:Inc|Ltd|LLC|Limited|Corp|Group|plc|S\.A)\.?$")
STOP = {
    "with",
    "from",
    "that",
    "this",
    "have",
    "been",
    "were",
    "will",
    "their",
    "after",
    "over",
    "into",
    "says",
    "said",
}


def detect(cleaned: Cleaned) -> tuple[Meta, tuple[str, ...]]:
    """Metadata from the page, and the body with a leading wire dateline removed."""
    head, body, tail = list(cleaned.head), list(cleaned.body), list(cleaned.tail)
    outlets: list[str] = []
    title, title_outlet = _title(head, body)
    if title_outlet:
        outlets.append(title_outlet)
    dateline = None
    labels = [m.group("outlet").strip() for line in head if (m := AGENCY_LABEL.match(line))]
    places = _places_in(_lead(body, 20000), labels) if labels else set()
    front: list[str] = []  # agency labels go before every other outlet, the last one first
    for line in head:
        if m := AGENCY_LABEL.match(line):
            label = m.group("outlet").strip()
            if label in places:  # "Tripoli – Agencies" is a dateline, not a site
                dateline = dateline or label
            else:
                front.append(label)
        elif (m := MASTHEAD_DATELINE.match(line)) and line != title:
            dateline = m.group("place")
            outlets.append(m.group("outlet").strip())
    outlets = front[::-1] + outlets
    # A masthead with its tagline ("Le Lyon Post - Local news for the Rhône") is the page
    # that published it; a "(Reuters)" in its dateline says whose copy it runs.
    outlets.extend(_title_case(name) for line in head if line != title and (name := _site_tagline(line)))
    byline, byline_place = _byline(head, title)
    if body and (m := WIRE_DATELINE.match(body[0])) and (m.group("place") or "") not in NOT_PLACES:
        place = m.group("place") or m.group("tplace")
        if place:  # "Oct. 26 (Reuters) --" names no place: the dateline stays unknown
            dateline = _place(place)
            if region := m.group("region") or m.group("tregion"):  # "KWENA, South Africa"
                dateline = f"{dateline}, {region}"
        credit = m.group("credit") or m.group("tcredit") or m.group("dcredit")
        if credit and _is_outlet_name(credit):
            outlets.append(credit.strip())
        body[0] = body[0][m.end() :]
        body[0] = body[0][:1].upper() + body[0][1:]
    if dateline is None:
        dateline = byline_place or _place_line(head, title)
    outlets.extend(_copyright_owners(tail + head + body[-2:]))
    outlets.extend(_source_outlets(tail + head))
    outlets.extend(_masthead(head, title))
    outlets.extend(_named_in_body(head, title, body))
    credits = credit_lines(head + body + tail)
    if byline and CREDIT_LINE.match(byline):  # "With AP" names where the copy came from
        byline = None
    # A page crediting an agency ("With NPA") runs that agency's copy: the agency in its
    # dateline is the source, not the outlet, whenever anything else names the outlet.
    credited = credited_names(credits)
    outlets = [o for o in outlets if o.casefold() not in credited] or outlets
    meta = Meta(
        outlet=outlets[0] if outlets else None,
        title=title,
        byline=byline,
        dateline=dateline,
        date=_date(head),
        credits=credits,
    )
    return meta, tuple(body)


def _title(head: list[str], body: list[str]) -> tuple[str | None, str | None]:
    """The head line that reads as this article's headline, and the outlet a " | Site" names.

    Pages put other headlines above the article (promotions, "support us" banners), so the
    first headline-shaped line is only the fallback: we prefer the first one that shares
    its words with the opening paragraphs, as a real headline does.
    """
    shaped = [i for i, line in enumerate(head) if _headline_shaped(line)]
    first = next((i for i in shaped if not NAME_IN_PLACE.match(head[i])), len(head))
    # "Anna Kowalczyk in Merano" under a headline is a byline with its place; the same
    # shape with no headline above ("Pipe Bomb Suspect Arrested in Southern Florida") is
    # the headline itself: a byline always sits under the headline it signs.
    candidates = [_title_parts(head[i]) for i in shaped if i <= first or not NAME_IN_PLACE.match(head[i])]
    if not candidates:
        return None, None
    lead = _stems(" ".join(body[:3])[:3000])
    # A masthead ("The Highveld Times") can share words with a body that names the paper;
    # a headline is longer than a name, so short lines only count when nothing else does.
    for min_words in (4, 1):
        for text, outlet in candidates:
            words = _stems(text)
            shared = len(words & lead)
            if word_count(text) >= min_words and (shared >= 2 or (words and shared == len(words))):
                return text, outlet
    return candidates[0]


def _title_parts(line: str) -> tuple[str, str | None]:
    """The headline without its "BREAKING:" prefix, and the site a " | Site" suffix names."""
    text = TITLE_PREFIX.sub("", line).strip()
    if m := TITLE_SUFFIX.match(text):
        return m.group("title").strip(), m.group("outlet").strip()
    return text, None


def _headline_shaped(line: str) -> bool:
    """Whether a head line could be a headline: a few words, no full stop, not furniture or a label."""
    text = TITLE_PREFIX.sub("", line).strip()
    if word_count(text) < 3 or text.endswith(".") or is_caption(text) or BYLINE.match(text):
        return False
    if AGENCY_LABEL.match(text) or MASTHEAD_DATELINE.match(text) or is_copyright(text):
        return False
    if is_furniture(text) or is_navigation(text) or HARD_END.match(text) or SOFT_END.match(text):
        return False
    if LINK_PREFIX.match(text) or _site_tagline(text):
        return False
    return not (word_count(text) <= 8 and has_chrome(text))


def _site_tagline(line: str) -> str | None:
    """The site's name when the line is its masthead with a tagline, "Le Lyon Post - Local
    news for the Rhône": a name that calls itself news, a separator, then a description in
    small letters (a headline's " - Site" suffix puts the name last, not first)."""
    m = NAME_TAGLINE.match(line)
    if not m:
        return None
    name, rest = m.group("outlet").strip(), line[m.end("outlet") :].strip(" |–—-")
    if not (_is_masthead_name(name) and _calls_itself_news(name)) or _is_masthead_name(rest):
        return None
    return name if re.search(r"(?:^|\s)[a-z]{3,}", rest) else None


def _stems(text: str) -> set[str]:
    """Content words cut to five letters, so "collapse" meets "collapsed"; in Chinese and
    Japanese, which put no spaces between words, each pair of characters."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]{3,}", text)
    stems = {w.lower()[:5] for w in words if w.lower() not in STOP}
    if not text.isascii():
        for run in UNSPACED_RUN.findall(text):
            stems.update(run[k : k + 2] for k in range(len(run) - 1))
    return stems


#: A run of Chinese or Japanese characters (see `lines.UNSPACED`).
UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def _named_in_body(head: list[str], title: str | None, body: list[str]) -> list[str]:
    """A name-shaped head line the article itself cites ("told The Highveld Times")."""
    names = {line for line in head if line != title and NAME_LINE.match(line) and not _is_section_label(line)}
    cited = _cited(" ".join(body), names) if names else set()
    return [line for line in head if line in names and line in cited]


#: What cites a publication by name: "told The Highveld Times", "reported by Metro Bulletin".
CITING = re.compile(r"\b(?:told|to|by|of|in|with)\s+")
_END = ""  # marks where a name ends in `_cited`'s tries of last words


def _cited(text: str, names: set[str]) -> set[str]:
    r"""The names `text` cites: what `re.search(rf"\b(?:told|to|...)\s+{re.escape(name)}\b", text)`
    finds for each name, in one pass over the text however many names a page's head lists.

    A name is words joined by single spaces (`NAME_LINE`): after each citing word, the
    words that follow are looked up, all but the last exactly, the last letter by letter
    in a trie of the names' last words (a name may end inside a word of the text:
    "told The Star's reporter").
    """
    tries: dict[tuple[str, ...], dict[str, Any]] = {}
    openings: set[tuple[str, ...]] = set()  # every run of a name's first words
    for name in names:
        *first, last = name.split(" ")
        for k in range(len(first) + 1):
            openings.add(tuple(first[:k]))
        branch = tries.setdefault(tuple(first), {})
        for ch in last:
            branch = branch.setdefault(ch, {})
        branch[_END] = True
    found: set[str] = set()
    for m in CITING.finditer(text):
        words: tuple[str, ...] = ()
        pos = m.end()
        while words in openings:
            space = text.find(" ", pos)
            end = len(text) if space < 0 else space
            node: dict[str, Any] | None = tries.get(words)
            at = pos
            while node is not None:
                if _END in node and _boundary(text, at):
                    found.add(text[m.end() : at])
                if at == end:
                    break
                node = node.get(text[at])
                at += 1
            if space < 0:
                break
            words = (*words, text[pos:end])
            pos = end + 1
    return found


def _boundary(text: str, at: int) -> bool:
    r"""Whether `\b` holds at `at` in `text`."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


def _byline(head: list[str], title: str | None) -> tuple[str | None, str | None]:
    """The author's name ("By Mahmud TURKIA"), and a place when the byline gives one."""
    for line in _joined_bylines(head):
        if (m := BYLINE.match(line)) and word_count(m.group("name")) <= 10:
            name, place = _split_byline(m.group("name"))
            if name:
                return name, place
    after = _after_title(head, title)
    for i, line in enumerate(after):
        if m := NAME_IN_PLACE.match(line):
            return m.group("name"), m.group("place")
        # A bare name right above the timestamp: "Tom Barnes" / "Thursday 16 May 2024 10:12 BST",
        # or above where the reporter filed from: "Marta Ekholm" / "Reporting from Velmora".
        below = after[i + 1] if i + 1 < len(after) else ""
        if (is_timestamp(below) or REPORTING_FROM.match(below)) and BARE_NAME.match(line) and line.upper() != line:
            return line, None
    return None, None


#: The words a page sets apart on lines of their own when it lays a byline out in blocks.
BY_WORDS = {"by", "by:"}
AND_WORDS = {"and", "&", ","}
#: A name on a line of its own: a few words, no sentence ("Jane Smith", "Tim Childers - Live
#: Science Contributor"); a longer line after a lone "By" is not a name.
NAME_BLOCK = re.compile(r"^[A-Z][\w.'’-]*(?:[ ,] ?\S+){0,8}$")


def _joined_bylines(head: list[str]) -> list[str]:
    """The head with a byline the page split over lines put back on one: "By" / "Jane
    Smith" / "and" / "John Doe" -> "By Jane Smith and John Doe". Each line is read once."""
    out: list[str] = []
    i = 0
    while i < len(head):
        line = head[i]
        if line.lower() in BY_WORDS and i + 1 < len(head) and NAME_BLOCK.match(head[i + 1]):
            names = [head[i + 1]]
            i += 2
            while i + 1 < len(head) and head[i].lower() in AND_WORDS and NAME_BLOCK.match(head[i + 1]):
                names.append(head[i + 1])
                i += 2
            out.append("By " + " and ".join(names))
            continue
        out.append(line)
        i += 1
    return out


def _split_byline(raw: str) -> tuple[str, str | None]:
    """ "Helen Okonjo, Transport Correspondent" -> Helen Okonjo; "Sarah Jones in London";
    "Tim Childers - Live Science Contributor" -> Tim Childers."""
    name = raw.strip().rstrip(",")
    name = re.split(r"\s[-–—|]\s", name, maxsplit=1)[0]
    parts = [p.strip() for p in name.split(",")]
    if len(parts) > 1 and parts[1] not in NAME_SUFFIXES:
        name = parts[0]
    if m := re.match(r"^(?P<name>.+?) in (?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})$", name):
        return m.group("name"), m.group("place")
    return name, None


def _place(raw: str) -> str:
    """A dateline's place as printed, spacing tidied and a stray dash dropped."""
    return " ".join(raw.split()).strip(" -")


def _after_title(head: list[str], title: str | None) -> list[str]:
    """The head lines below the headline: bylines and datelines sit there, promotions above."""
    if title:
        for i, line in enumerate(head):
            if title in line:
                return head[i + 1 :]
    return head


def _place_line(head: list[str], title: str | None) -> str | None:
    """A head line that is only a place name in capitals ("PARIS"), after the headline."""
    for line in _after_title(head, title):
        if PLACE_LINE.match(line) and line.strip() not in SECTION_WORDS and word_count(line) <= 3:
            return _place(line)
    return None


def _lead(body: list[str], limit: int) -> str:
    """`" ".join(body)[:limit]`, joining only the paragraphs it needs."""
    parts, size = [], 0
    for paragraph in body:
        if size > limit:  # the paragraphs so far are at least `limit` long
            break
        parts.append(paragraph)
        size += len(paragraph) + 1
    return " ".join(parts)[:limit]


#: Where a place is named: "in Tripoli", "from Benghazi".
PLACE_CUE = re.compile(r"\b(?:in|from|to|near|outside) ")


def _places_in(text: str, names: list[str]) -> set[str]:
    r"""Which of `names` the text names as a place ("in Tripoli"), not as a publication:
    what `re.search(rf"\b(?:in|from|...) {re.escape(name)}\b", text)` finds for each, in
    one pass (names are agency labels, at most 41 characters: a few lengths to try)."""
    wanted = set(names)
    lengths = sorted({len(name) for name in wanted})
    found = set()
    for m in PLACE_CUE.finditer(text):
        for length in lengths:
            name = text[m.end() : m.end() + length]
            if name in wanted and len(name) == length and _boundary(text, m.end() + length):
                found.add(name)
    return found


def _is_outlet_name(text: str) -> bool:
    """Short and capitalised enough to be a publication's name, not a sentence."""
    return bool(re.match(r"^[A-Z][\w.&'’ -]{1,29}$", text.strip())) and word_count(text) <= 4


def _copyright_owners(lines: list[str]) -> list[str]:
    """ "© 2019 AFP" -> AFP; "Copyright 2024 BBC. All rights reserved. …" -> BBC."""
    owners = []
    for line in lines:
        if len(line) > 300:
            continue  # a copyright notice is a line of its own, not a paragraph
        found = COPYRIGHT.search(line)
        if not found or found.group(0).lower().startswith(("all", "may")):
            continue
        # The owner is named right after the mark, before "All rights reserved" or the next sentence.
        text = line[found.start() :]
        text = re.split(r"\bAll [Rr]ights [Rr]eserved|\.\s+(?=[A-Z])", text)[0].strip()
        m = COPYRIGHT_OWNER.match(text)
        if m:
            owner = LEGAL_SUFFIX.sub("", m.group("owner").strip(" .,"))
            if owner and _is_outlet_name(owner):
                owners.append(owner)
    return owners


def _source_outlets(lines: list[str]) -> list[str]:
    """Outlets named by a source line ("Source: SMA News with agencies") or a "More from …" list."""
    found = []
    for line in lines:
        if (SOURCE_LINE.match(line) and (m := SOURCE_OUTLET.match(line))) or (
            (m := MORE_FROM.match(line)) and NEWS_NAME.search(m.group("outlet"))
        ):
            found.append(m.group("outlet").strip())
    return found


def _masthead(head: list[str], title: str | None) -> list[str]:
    """The site's name at the top of the page.

    A short name line repeated in the head, the first line of the page when it is a name
    ("METRO BULLETIN", "The Sentinel | Yorkshire's paper since 1872"), or a name line that
    calls itself a news organisation ("RTV News").
    """
    names = [line for line in head if line != title and _is_masthead_name(line)]
    counts = Counter(names)
    found = [line for line, n in counts.items() if n >= 2]
    if head and head[0] != title:
        first = head[0]
        if (m := NAME_TAGLINE.match(first)) and not (title and title in first):
            first = m.group("outlet").strip()
        if _is_masthead_name(first) and _calls_itself_news(first):
            found.append(first)
    found.extend(line for line in names if _calls_itself_news(line))
    found.extend(name for line in head if line != title and (name := _site_tagline(line)))
    return [_title_case(name) for name in found]


def _calls_itself_news(name: str) -> bool:
    """ "RTV News", "Alpine Post", "The Sentinel": a section label ("Libya", "North Africa")
    at the top of a page looks just like a masthead, so a single name line must say what
    it is. Mastheads that do not ("Al Jazeera") are found by their other signatures."""
    name = _title_case(name)
    return bool(NEWS_NAME.search(name) or re.match(r"^The [A-Z]", name))


def _is_masthead_name(line: str) -> bool:
    """A line shaped like a site's name: a few capitalised words, no digits, not chrome or a section."""
    return (
        1 <= word_count(line) <= 4
        and _is_outlet_name(line)
        and all(w[0].isupper() or w.lower() in {"of", "the", "and", "de", "al"} for w in line.split())
        and not has_chrome(line)
        and not _is_section_label(line)
        and not is_furniture(line)
        and not re.search(r"\d", line)
    )


def _title_case(name: str) -> str:
    """ "METRO BULLETIN" -> "Metro Bulletin"; acronyms ("RTV", "AP") stay as they are."""
    if not name.isupper() or word_count(name) == 1:
        return name
    return " ".join(w if len(w) <= 3 and w not in {"THE", "OF", "AND"} else w.capitalize() for w in name.split())


def _date(head: list[str]) -> str | None:
    """The publication date from a head timestamp line, as YYYY-MM-DD, when it is certain."""
    for line in head:
        if is_timestamp(line) and (iso := parse_date(line)):
            return iso
    return None


def parse_date(text: str) -> str | None:
    """ "Sun 12 May 2024 10.35 BST", "May 17, 2024", "16/05/2024", "2024-05-16" -> ISO date."""
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)", text):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", text):
        month = MONTH_NUMBER.get(m.group(2).lower())
        return _iso(int(m.group(3)), month, int(m.group(1))) if month else None
    if m := re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", text):
        month = MONTH_NUMBER.get(m.group(1).lower())
        return _iso(int(m.group(3)), month, int(m.group(2))) if month else None
    if m := re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return _iso(int(m.group(3)), second, first)
        if second > 12 >= first:
            return _iso(int(m.group(3)), first, second)
    return None  # relative ("3 hours ago") or ambiguous (03/04/2024)


def _iso(year: int, month: int | None, day: int) -> str | None:
    """The ISO date, or None when the numbers name no real day (a misread, not a date)."""
    try:
        return datetime.date(year, month or 0, day).isoformat()
    except ValueError:
        return None
