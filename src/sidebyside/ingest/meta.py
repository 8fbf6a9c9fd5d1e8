"""Recognise outlet, headline, byline and dateline from a cleaned page.

Every outlet says who it is somewhere, in one of a few conventional places: a title
suffix ("… | Reuters"), a wire label ("SMA News – Agencies"), a masthead dateline
("Paris- Asharq Al-Awsat"), a wire dateline ("PARIS (Reuters) -"), or a copyright line
("© 2019 AFP"). We look in that order, from the most specific to the most generic, and
return None when the text does not say: a guess is worse than a blank for a fact-checker.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sidebyside.ingest.clean import CAPTION, CHROME, COPYRIGHT, Cleaned, word_count


@dataclass(frozen=True)
class Meta:
    """What the page says about itself."""

    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    date: str | None = None


#: "PARIS (Reuters) - ", "WASHINGTON — ", "TRIPOLI, May 8 (AFP) - " at the start of the body.
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,30}?[A-Z])"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<credit>[^()]{2,30})\))?"
    r"\s*(?:[-–—]{1,2}|:)\s+(?=\S)"
)
#: "Paris- Asharq Al-Awsat": a place, a dash glued to it, the publication.
MASTHEAD_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’]+(?: [A-Z][A-Za-z.'’]+){0,2})[-–—]\s+(?P<outlet>[A-Z][\w.&'’ -]{1,40})$"
)
#: "SMA News – Agencies": a site label crediting wire agencies.
AGENCY_LABEL = re.compile(r"^(?P<outlet>[A-Z][\w.&'’ ]{1,40}?)\s+[-–—|/]\s+Agenc(?:y|ies)$", re.IGNORECASE)
TITLE_SUFFIX = re.compile(r"^(?P<title>.{15,}?)\s+(?:\||[-–—])\s+(?P<outlet>[A-Z][\w.&'’ ]{1,30})$")
BYLINE = re.compile(r"^By:?\s+(?P<name>[A-Z][^|]{1,60}?)\s*(?:\|.*)?$")
PLACE_LINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,24}$")
SECTION_WORDS = {
    "WORLD", "NEWS", "HOME", "MENU", "SPORT", "SPORTS", "BUSINESS", "POLITICS", "OPINION",
    "LIVE", "VIDEO", "SEARCH", "WEATHER", "CULTURE", "TECH", "HEALTH", "MIDDLE EAST",
    "AFRICA", "EUROPE", "ASIA", "AMERICAS", "US", "UK", "ANALYSIS", "EXCLUSIVE", "BREAKING",
}
TITLE_PREFIX = re.compile(r"^(?:Updated|UPDATED|BREAKING|Breaking(?: news)?)\s*:?\s+")
COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{1,4}(?:\s*[-–]\s*\d{2,4})?)?\s*(?P<owner>[A-Z][\w&.'’ -]{1,40}?)"
    r"(?:[.,]?\s*(?:All [Rr]ights [Rr]eserved\.?)?)?\s*$"
)
LEGAL_SUFFIX = re.compile(r"[,.]?\s+(?:Inc|Ltd|LLC|Limited|Corp|Group|plc|S\.A)\.?$")


def detect(cleaned: Cleaned) -> tuple[Meta, tuple[str, ...]]:
    """Metadata from the page, and the body with a leading wire dateline removed."""
    head, body, tail = list(cleaned.head), list(cleaned.body), list(cleaned.tail)
    outlets: list[str] = []
    title, title_outlet = _title(head)
    if title_outlet:
        outlets.append(title_outlet)
    dateline = None
    for line in head:
        if m := AGENCY_LABEL.match(line):
            outlets.insert(0, m.group("outlet").strip())
        elif (m := MASTHEAD_DATELINE.match(line)) and line != title:
            dateline = m.group("place")
            outlets.append(m.group("outlet").strip())
    byline = _byline(head)
    if body and (m := WIRE_DATELINE.match(body[0])):
        dateline = _place(m.group("place"))
        if m.group("credit") and _is_outlet_name(m.group("credit")):
            outlets.append(m.group("credit").strip())
        body[0] = body[0][m.end() :]
        body[0] = body[0][:1].upper() + body[0][1:]
    if dateline is None:
        dateline = _place_line(head, title)
    outlets.extend(_copyright_owners(tail + head + body[-2:]))
    outlets.extend(_masthead(head, title))
    return Meta(outlet=outlets[0] if outlets else None, title=title, byline=byline, dateline=dateline), tuple(body)


def _title(head: list[str]) -> tuple[str | None, str | None]:
    """The first head line shaped like a headline, and the outlet a " | Site" suffix names."""
    for line in head:
        text = TITLE_PREFIX.sub("", line).strip()
        if word_count(text) < 3 or text.endswith(".") or CAPTION.search(text) or BYLINE.match(text):
            continue
        if AGENCY_LABEL.match(text) or MASTHEAD_DATELINE.match(text) or COPYRIGHT.search(text):
            continue
        if word_count(text) <= 8 and CHROME.search(text):
            continue
        if m := TITLE_SUFFIX.match(text):
            return m.group("title").strip(), m.group("outlet").strip()
        return text, None
    return None, None


def _byline(head: list[str]) -> str | None:
    for line in head:
        if (m := BYLINE.match(line)) and word_count(m.group("name")) <= 8:
            return m.group("name").strip().rstrip(",")
    return None


def _place(raw: str) -> str:
    return " ".join(raw.split()).strip(" -")


def _place_line(head: list[str], title: str | None) -> str | None:
    """A head line that is only a place name in capitals ("PARIS"), after the headline."""
    after_title = head
    if title:
        for i, line in enumerate(head):
            if title in line:
                after_title = head[i + 1 :]
                break
    for line in after_title:
        if PLACE_LINE.match(line) and line.strip() not in SECTION_WORDS and word_count(line) <= 3:
            return _place(line)
    return None


def _is_outlet_name(text: str) -> bool:
    return bool(re.match(r"^[A-Z][\w.&'’ -]{1,29}$", text.strip())) and word_count(text) <= 4


def _copyright_owners(lines: list[str]) -> list[str]:
    """"© 2019 AFP" -> AFP; "© 0 Reuters. All Rights Reserved." -> Reuters."""
    owners = []
    for line in lines:
        if not COPYRIGHT.search(line) or word_count(line) > 12:
            continue
        text = re.sub(r"\bAll [Rr]ights [Rr]eserved\.?", "", line).strip()
        m = COPYRIGHT_OWNER.search(text)
        if m:
            owner = LEGAL_SUFFIX.sub("", m.group("owner").strip(" .,"))
            if owner and _is_outlet_name(owner):
                owners.append(owner)
    return owners


def _masthead(head: list[str], title: str | None) -> list[str]:
    """A short name line repeated in the head is the site's masthead."""
    counts = Counter(line for line in head if 1 <= word_count(line) <= 4 and line != title)
    return [
        line
        for line, n in counts.items()
        if n >= 2 and _is_outlet_name(line) and not CHROME.search(line) and line.upper() not in SECTION_WORDS
    ]
