"""Counts in the body: how many died, were hurt, fled, are trapped -- and who says so.

A figure is a count of people or things an outlet reports: "at least 510 people",
"over 2,400 injured", "tens of thousands", "two civilians". For each we keep the
number as printed, its value, the qualifier ("over", "more than", "at least",
"nearly", ...), what it counts, and who gave it: the speaker whose words contain it
(a watched person, "a French official"), an "according to" source, or nobody.

What is *not* a count, by decision:

* years, dates, times of day, ages, ordinals ("2011", "April 4", "3 p.m.", "45-year-old",
  "21st"), durations ("two weeks", "over an hour");
* money, percentages and measurements ("$5 million", "40 percent", "100 km"): they are
  amounts, not counts, and mixing them with tolls would flag false conflicts;
* labels and references: "France 24", "Resolution 2259", "the two Libyans" (a
  definite reference to people already counted, not a new count), scores ("3-2").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sidebyside.analysis.quotes import Speech, analyse
from sidebyside.analysis.speakers import Watchlist, fold
from sidebyside.dates import MONTHS
from sidebyside.model import Article, Figure

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = r"(?:tens|hundreds|thousands|millions|dozens|scores)(?:\s+of\s+(?:thousands|millions))?"
WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(k for k in UNITS if 0 < UNITS[k] < 10) + r"))?"
    r"|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r"|a\s+dozen|(?:two|three|four|five|six)\s+dozen)"
    r"(?:\s+(?:hundred|thousand|million|billion))*"
)
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
QUALIFIERS = (
    "more than",
    "over",
    "at least",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "up to",
    "fewer than",
    "less than",
    "under",
    "close to",
    "as many as",
    "at most",
    "upwards of",
    "in excess of",
    "an estimated",
    "just over",
    "just under",
    "well over",
    "well above",
)
QUALIFIER = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS)
FIGURE = re.compile(
    rf"(?<![\w$€£¥.,-])(?:(?P<qual>{QUALIFIER})\s+)?"
    rf"(?P<value>(?:{DIGITS})(?:\s*(?:million|billion|thousand|bn|m)\b)?|{VAGUE}\b|{WORD_NUMBER}\b)",
    re.IGNORECASE,
)
TIME_UNITS = r"(?:second|minute|hour|day|night|week|month|year|decade|centur(?:y|ies))s?\b"
MEASURE_UNITS = (
    r"(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b|km\b|kilomet(?:re|er)s?\b|miles?\b|met(?:re|er)s?\b"
    r"|feet\b|foot\b|ft\b|kg\b|kilo(?:gram)?s?\b|tonnes?\b|tons?\b|degrees?\b|mph\b|hectares?\b|acres?\b"
    r"|square\b|inch(?:es)?\b|cm\b|mm\b|(?:milli|centi)met(?:re|er)s?\b|in\s+the\s+(?:morning|afternoon|evening)\b|lit(?:re|er)s?\b|gallons?\b|barrels?\b|megawatts?\b|points\b"
    r"|dollars?\b|euros?\b|pounds?\b|yen\b|yuan\b|dinars?\b|rupees?\b|francs?\b|riyals?\b|p\.?m\b|a\.?m\b|gmt\b|o'clock\b)"
)
COUNT_NOUNS = (
    r"(?:people|persons?|civilians?|men|women|children|kids|migrants|refugees|residents|fighters|soldiers"
    r"|troops|militants|rebels|others|more|of\s+them|of\s+whom|victims|patients|workers|protesters"
    r"|demonstrators|passengers|students|families|households|homes|houses|buildings|bodies)"
)
#: What a count measures; the phrase as printed is kept in `what`, the class drives conflicts.
MEASURES: tuple[tuple[str, str], ...] = (
    (r"death\s+toll|toll", "deaths"),
    (r"dead|killed|deaths|died|fatalities|lives|bodies|perished", "deaths"),
    (r"wounded|injured|hurt|injuries", "wounded"),
    (r"casualties", "casualties"),
    (
        r"(?:forced|driven|chased)\s+(?:from|out\s+of)\s+their\s+homes|forced\s+to\s+(?:leave|flee)\s+their\s+homes"
        r"|(?:fled|left)\s+their\s+homes|fled|displaced|homeless|uprooted|refugees",
        "displaced",
    ),
    (r"trapped|stranded|besieged", "trapped"),
    (r"missing|unaccounted\s+for", "missing"),
    (r"arrested|detained|jailed|imprisoned", "arrested"),
    (r"evacuated|rescued", "evacuated"),
    (r"cancell?ed|cancell?ations?|scrapped", "cancelled"),
    (r"affected|impacted", "affected"),
)
MEASURE_WORD = re.compile(r"\b(?:" + "|".join(p for p, _ in MEASURES) + r")\b", re.IGNORECASE)
COUNT_LIST = rf"{COUNT_NOUNS}(?:,\s*{COUNT_NOUNS})*(?:,?\s+(?:and|or)\s+{COUNT_NOUNS})?"
LINKING = re.compile(
    rf"^\s*(?:{COUNT_LIST}\s+)?(?:(?:have|has|had|were|was|are|is|been|being|remain|remained|reportedly|now|all|so\s+far|"
    rf"thought\s+to\s+be|believed\s+to\s+be|feared)\s+)*",
    re.IGNORECASE,
)
#: Capitalised words before a number that do not make it a label ("Only 12 survived").
SENTENCE_OPENERS = frozenset(
    "only just another exactly fully all and but so yet still also then now today yesterday another".split()
)
SUBGROUPS = ("civilians", "children", "women", "migrants", "soldiers", "fighters", "troops", "combatants")


@dataclass(frozen=True)
class Candidate:
    """A number found in a sentence, before we decide whether it is a count."""

    value: str
    qualifier: str | None
    start: int  # of the value
    end: int


def extract_figures(
    article: Article, speakers: Watchlist | Iterable[str] | None = None, speech: Speech | None = None
) -> tuple[Figure, ...]:
    """Every count in the article body, with qualifier, what it counts and its source.

    Pass `speech` (from `quotes.analyse`) to reuse an analysis already made.
    """
    speech = speech or analyse(article, speakers)
    out: list[Figure] = []
    for index, text in enumerate(article.sentences):
        previous_what: str | None = None
        for cand in candidates(text):
            what = what_counted(text, cand, previous_what)
            speaker = speech.speaker_at(index, cand.start, cand.end)
            out.append(
                Figure(
                    value=cand.value,
                    number=number_of(cand.value),
                    qualifier=cand.qualifier,
                    what=what,
                    attributed_to=speaker.name if speaker is not None else None,
                    sentence=index,
                    start=cand.start,
                    end=cand.end,
                )
            )
            if what and not what.startswith("of them"):
                previous_what = what
    return tuple(out)


def candidates(text: str) -> list[Candidate]:
    """Numbers in a sentence that are counts (see the module docstring for what is not)."""
    out: list[Candidate] = []
    for m in FIGURE.finditer(text):
        value = m.group("value")
        start, end = m.start("value"), m.end("value")
        if not value.strip() or not _is_count(text, start, end, value):
            continue
        qual = m.group("qual")
        out.append(Candidate(value, " ".join(qual.lower().split()) if qual else None, start, end))
    return out


def _is_count(text: str, start: int, end: int, value: str) -> bool:
    before, after = text[:start], text[end:]
    low = fold(value)
    if before.endswith(("$", "€", "£", "¥", "US$", "No. ", "no. ", "#")):
        return False
    if re.match(
        r"^(?:-[A-Za-z]|[A-Za-z]|:\d|-\d|\s*(?:-|–|to)\s*\d+\s*[-–]\s*\d)", after
    ):  # 45-year-old, 3rd, 10:30, 3-2
        return False
    if re.match(r"^(?:-|–)\d", after) or re.search(r"\d\s*[-–:]$", before):
        return False
    if re.match(rf"^\s*(?:{TIME_UNITS}|{MEASURE_UNITS})", after, re.IGNORECASE):
        return False
    if re.match(rf"^\s*(?:million|billion|thousand|bn|m)?\s*(?:{MEASURE_UNITS})", after, re.IGNORECASE):
        return False
    if _is_date(before, after, value) or _is_year(value, after):
        return False
    if re.search(r"\b(?:aged?|ages)\s+$", before, re.IGNORECASE) or re.match(r"^\s*(?:years?\s+old|-year)", after):
        return False
    if re.search(r"[A-Z][\w'’.-]*,\s*$", before) and re.match(r"^\s*,", after) and value.isdigit() and int(value) < 120:
        return False  # "John Smith, 45, said": an age
    prev_word = re.search(r"([\w'’.-]+)\s*$", before)
    if prev_word:
        word = prev_word.group(1)
        lw = fold(word).strip(".")
        ordinary = lw in SENTENCE_OPENERS or any(lw == q.split()[-1] for q in QUALIFIERS)
        if word[:1].isupper() and lw not in MONTHS and not ordinary:
            return False  # "France 24", "Resolution 2259", "Flight 370"
        if lw in {
            "the",
            "these",
            "those",
            "its",
            "his",
            "her",
            "their",
            "both",
            "all",
            "our",
            "each",
            "every",
            "number",
            "no",
            "page",
            "article",
            "chapter",
            "item",
        }:
            return False  # "the two Libyans": a reference, not a new count
    if low == "one" and not re.match(
        rf"^\s*(?:person|civilian|child|man|woman|soldier|dead|killed|injured|wounded|{COUNT_NOUNS}\b)",
        after,
        re.IGNORECASE,
    ):
        return False
    # a bare decimal is a measurement (magnitude 7.1), not a count
    return not re.fullmatch(r"\d+\.\d+", value)


def _is_date(before: str, after: str, value: str) -> bool:
    """ "April 4", "4 April", "Aug. 14, 2017", "May 25-26"."""
    if not re.fullmatch(r"\d{1,4}", value):
        return False
    prev = re.search(r"([A-Za-z]+)\.?\s+$", before)
    if prev and fold(prev.group(1)) in MONTHS:
        return True
    nxt = re.match(r"^\s+([A-Za-z]+)", after)
    if nxt and fold(nxt.group(1)) in MONTHS and int(value) <= 31:
        return True
    return bool(re.search(r"\b(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2},\s*$", before, re.IGNORECASE))


def _is_year(value: str, after: str) -> bool:
    if not re.fullmatch(r"\d{4}", value) or not 1800 <= int(value) <= 2100:
        return False
    return not MEASURE_WORD.match(re.sub(LINKING, "", after, count=1))


def number_of(value: str) -> int | None:
    """The value of a count as an int; None for vague ones ("tens of thousands")."""
    text = fold(value).replace(",", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|bn|m)?", text)
    if m:
        base = float(m.group(1))
        scale = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}.get(m.group(2) or "", 1)
        return round(base * scale)
    if re.fullmatch(VAGUE, text):
        return None
    total, current = 0, 0
    words = re.split(r"[\s-]+", text)
    if words[:2] == ["a", "dozen"]:
        return 12
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


def what_counted(text: str, cand: Candidate, previous: str | None = None) -> str | None:
    """What a count counts, from the words after it, else the verb before it.

    "over 460 dead" -> "dead"; "killed at least 510 people" -> "killed"; "forced 75,000
    out of their homes" -> "forced out of their homes"; "29 of them civilians" after
    "460 dead" -> "civilians dead"; "100,000 are trapped" -> "trapped".
    """
    after = text[cand.end :]
    of_them = re.match(r"^\s*of\s+(?:them|whom)\s+(?:were\s+)?([a-z]+)", after)
    if of_them:
        return f"{of_them.group(1)} {previous}" if previous else f"of them {of_them.group(1)}"
    rest = re.sub(LINKING, "", after, count=1)
    clause = _clause(rest)
    m = MEASURE_WORD.match(clause)
    if m:
        return _measure_phrase(clause, m)
    verb = re.search(
        r"\b(killed|wounded|injured|displaced|forced|forcing|forces|drove|driving|drives|trapped|evacuated|arrested"
        r"|detained|rescued|uprooted|cancell?ed|scrapped|left)\s+"
        r"(?:(?:" + QUALIFIER + r")\s+)?(?:an\s+estimated\s+)?$",
        text[max(0, cand.start - 60) : cand.start],
        re.IGNORECASE,
    )
    if verb:
        word = verb.group(1).lower()
        homes = re.match(rf"^\s*(?:{COUNT_NOUNS}\s+)?((?:out\s+of|from)\s+their\s+homes)", after, re.IGNORECASE)
        if word in {"forced", "forcing", "forces", "drove", "driving", "drives"}:
            return f"forced {homes.group(1)}" if homes else None
        return None if word == "left" else word
    toll = re.search(
        r"\b(death\s+toll|toll)\b[^,;.]{0,80}?\b(?:stood\s+at|stands\s+at|(?:rose|risen|rises|climbed|jumped|increased)\s+to|reached|hit|of|at|is|was)\s+"
        r"(?:(?:" + QUALIFIER + r")\s+)?$",
        text[: cand.start],
        re.IGNORECASE,
    )
    if toll:
        return " ".join(toll.group(1).lower().split())
    own = _clause(after).split()
    near = MEASURE_WORD.search(" ".join(own[:7]))
    if near:
        return " ".join(own[:7])[: near.end()].strip()
    words: list[str] = []
    for word in own[:4]:
        low = fold(word).strip(".,;:!?")
        if low in WHAT_STOP or (low.endswith("ed") and len(low) > 4) or not low:
            break
        words.append(word.strip(".,;:!?"))
    return " ".join(words) or None


WHAT_STOP = frozenset(
    """in at on by to from for of and or who which whose that have has had were was are is will
    would began begin begins took take gave give remain remained remains since""".split()
)


def _clause(text: str) -> str:
    """Text up to the next clause break."""
    return re.split(r"[,;:()]|\s[-–—]\s|\bwhile\b", text, maxsplit=1)[0].strip()


def _measure_phrase(rest: str, m: re.Match[str]) -> str:
    """The measure word, joined with a second one ("displaced or trapped")."""
    word = " ".join(m.group(0).split()).lower()
    more = re.match(r"\s+(?:or|and)\s+", rest[m.end() :])
    if more:
        second = MEASURE_WORD.match(rest[m.end() + more.end() :])
        if second:
            word = f"{word} {more.group(0).strip()} {' '.join(second.group(0).split()).lower()}"
    return word


def measure_of(what: str | None) -> str | None:
    """The measure class of a `what` ("killed" -> "deaths"), with a subgroup when the count
    is of one group ("civilians dead" -> "deaths: civilians"); None when unknown or mixed."""
    if not what:
        return None
    classes = []
    for pattern, name in MEASURES:
        if re.search(rf"\b(?:{pattern})\b", what, re.IGNORECASE) and name not in classes:
            classes.append(name)
    if len(classes) != 1:
        return None
    group = next((g for g in SUBGROUPS if re.search(rf"\b{g}\b", what, re.IGNORECASE)), None)
    return f"{classes[0]}: {group}" if group else classes[0]
