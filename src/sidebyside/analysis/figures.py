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

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

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
#: Words of things destroyed, and of a crowd's turnout ("took part" only in a march or at the
#: end of its clause: see `MEASURES`); the ledger reads them again to tell what was counted.
DESTROYED_WORDS = r"destroyed|razed|flattened|burn(?:ed|t)\s+down"
TURNOUT_WORDS = r"marched|marchers|turned\s+out(?!\s+to\b)|turnout|rallied|t(?:ook|aken|aking)\s+part"
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
    (r"defrauded|cheated|swindled|scammed", "defrauded"),
    (DESTROYED_WORDS, "destroyed"),
    # a crowd: organisers' and police counts of one march are the classic rival figures
    (
        TURNOUT_WORDS
        + r"(?=\s*(?:[,.;]|$|in\s+(?:the\s+)?(?:march|protest|demonstration|strike|walkout|capital|city)))",
        "turnout",
    ),
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
        clauses = Clauses(text)
        found = candidates(text)
        given_by = speech.speakers_at(index, [(cand.start, cand.end) for cand in found])
        for cand, speaker in zip(found, given_by, strict=True):
            what = what_counted(text, cand, previous_what, clauses)
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


# Every check below reads the text around one number in place (`pattern.match(text, pos)`,
# `pattern.search(text, lo, hi)`), never a copy of everything before or after it, and
# looks back over a bounded stretch: a sentence of 100 000 numbers must not be read
# 100 000 times. Runs of one kind of character (a word, the spaces before the number)
# are measured where the answer depends on all of them.

#: How far back a look-behind check reads, past the spaces just before the number. The
#: longest thing these checks recognise ("Aug. 14, ", "aged ") is a few words long, and
#: sentences come with their spaces squashed; a check that needs a whole word measures it.
LOOK_BACK = 80
#: The same for the death toll's verb ("the death toll ... has risen to over 500"): up to
#: 80 characters between "toll" and its verb, and the verb and a qualifier after it.
TOLL_LOOK_BACK = 200
CURRENCY_BEFORE = ("$", "€", "£", "¥", "US$", "No. ", "no. ", "#")
#: 45-year-old, 3rd, 10:30, 3-2
NOT_COUNT_AFTER = re.compile(r"(?:-[A-Za-z]|[A-Za-z]|:\d|-\d|\s*(?:-|–|to)\s*\d+\s*[-–]\s*\d)")
RANGE_AFTER = re.compile(r"(?:-|–)\d")
UNIT_AFTER = re.compile(rf"\s*(?:{TIME_UNITS}|{MEASURE_UNITS})", re.IGNORECASE)
SCALED_UNIT_AFTER = re.compile(rf"\s*(?:million|billion|thousand|bn|m)?\s*(?:{MEASURE_UNITS})", re.IGNORECASE)
AGED_BEFORE = re.compile(r"\b(?:aged?|ages)\s+$", re.IGNORECASE)
YEARS_OLD_AFTER = re.compile(r"\s*(?:years?\s+old|-year)")
COMMA_AFTER = re.compile(r"\s*,")
ONE_AFTER = re.compile(
    rf"\s*(?:person|civilian|child|man|woman|soldier|dead|killed|injured|wounded|{COUNT_NOUNS}\b)", re.IGNORECASE
)
MONTH_DAY_BEFORE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2},\s*$", re.IGNORECASE)
WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
DECIMAL = re.compile(r"\d+\.\d+")
#: What `[\w'’.-]` matches, one character at a time.
WORD_CHARS = "'’.-_"
#: References, not new counts: "the two Libyans".
REFERENCE_WORDS = frozenset(
    "the these those its his her their both all our each every number no page article chapter item".split()
)


def _space_before(text: str, end: int) -> int:
    """Where the run of whitespace that ends at `end` begins (`end` if there is none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _run_before(text: str, end: int, inside: Callable[[str], bool]) -> int:
    """Where the run of characters that `inside` accepts, ending at `end`, begins."""
    while end > 0 and inside(text[end - 1]):
        end -= 1
    return end


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in WORD_CHARS


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _ends_before(pattern: re.Pattern[str], text: str, start: int, back: int = LOOK_BACK) -> re.Match[str] | None:
    """`pattern.search(text[:start])` for a `$`-anchored pattern whose matches are short:
    only the last `back` characters before the spaces that end at `start` are read."""
    return pattern.search(text, max(0, _space_before(text, start) - back), start)


def _is_count(text: str, start: int, end: int, value: str) -> bool:
    low = fold(value)
    if text.endswith(CURRENCY_BEFORE, 0, start):
        return False
    if NOT_COUNT_AFTER.match(text, end):  # 45-year-old, 3rd, 10:30, 3-2
        return False
    if RANGE_AFTER.match(text, end) or _digit_dash_before(text, start):
        return False
    if UNIT_AFTER.match(text, end):
        return False
    if SCALED_UNIT_AFTER.match(text, end):
        return False
    if _is_date_at(text, start, end, value) or _is_year_at(text, value, end):
        return False
    if _ends_before(AGED_BEFORE, text, start) or YEARS_OLD_AFTER.match(text, end):
        return False
    if _name_comma_before(text, start) and COMMA_AFTER.match(text, end) and _under(value, 120):
        return False  # "John Smith, 45, said": an age
    word = _word_before(text, start)
    if word:
        lw = fold(word).strip(".")
        ordinary = lw in SENTENCE_OPENERS or any(lw == q.split()[-1] for q in QUALIFIERS)
        if word[:1].isupper() and lw not in MONTHS and not ordinary:
            return False  # "France 24", "Resolution 2259", "Flight 370"
        if lw in REFERENCE_WORDS:
            return False  # "the two Libyans": a reference, not a new count
    if low == "one" and not ONE_AFTER.match(text, end):
        return False
    # a bare decimal is a measurement (magnitude 7.1), not a count
    return not DECIMAL.fullmatch(value)


def _under(value: str, limit: int) -> bool:
    """Whether `value` is all digits and names a number below `limit` (a three-digit limit),
    without converting a number thousands of digits long."""
    return value.isdigit() and len(value.lstrip("0")) <= 3 and int(value) < limit


def _digit_dash_before(text: str, start: int) -> bool:
    r""" "3-" or "10 :" just before `start`: what `\d\s*[-–:]$` finds in text[:start]."""
    ends = (start, start - 1) if start > 0 and text[start - 1] == "\n" else (start,)
    for end in ends:  # `$` also matches before a final newline
        if end > 0 and text[end - 1] in "-–:":
            digit = _space_before(text, end - 1)
            if digit > 0 and text[digit - 1].isdecimal():
                return True
    return False


def _name_comma_before(text: str, start: int) -> bool:
    r""" "Smith, " just before `start`: what `[A-Z][\w'’.-]*,\s*$` finds in text[:start]."""
    comma = _space_before(text, start)
    if comma == 0 or text[comma - 1] != ",":
        return False
    run = _run_before(text, comma - 1, _is_word_char)
    return any("A" <= ch <= "Z" for ch in text[run : comma - 1])


def _word_before(text: str, start: int) -> str | None:
    r"""The word just before `start`, past spaces: what `([\w'’.-]+)\s*$` finds in text[:start]."""
    end = _space_before(text, start)
    begin = _run_before(text, end, _is_word_char)
    return text[begin:end] if begin < end else None


def _is_date_at(text: str, start: int, end: int, value: str) -> bool:
    """Whether the number text[start:end] is a day or a year of a date ("April 4",
    "4 April", "Aug. 14, 2017", "May 25-26")."""
    if not re.fullmatch(r"\d{1,4}", value):
        return False
    prev = _month_before(text, start)
    if prev is not None and fold(prev) in MONTHS:
        return True
    nxt = WORD_AFTER.match(text, end)
    if nxt and fold(nxt.group(1)) in MONTHS and int(value) <= 31:
        return True
    return bool(_ends_before(MONTH_DAY_BEFORE, text, start))


def _month_before(text: str, start: int) -> str | None:
    r"""The word before `start` that could be a month: what `([A-Za-z]+)\.?\s+$` finds in text[:start]."""
    end = _space_before(text, start)
    if end == start:
        return None  # `\s+`: at least one space
    if end > 0 and text[end - 1] == ".":
        end -= 1
    begin = _run_before(text, end, _is_ascii_letter)
    return text[begin:end] if begin < end else None


def _is_year_at(text: str, value: str, end: int) -> bool:
    """Whether the number ending at `end` is a year ("in 2011"), not a count ("2011 died")."""
    if not re.fullmatch(r"\d{4}", value) or not 1800 <= int(value) <= 2100:
        return False
    return not MEASURE_AT.match(text, _linking_end(text, end))


def number_of(value: str) -> int | None:
    """The value of a count as an int; None for vague ones ("tens of thousands")."""
    text = fold(value).replace(",", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|bn|m)?", text)
    if m:
        base = float(m.group(1))
        scale = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}.get(m.group(2) or "", 1)
        amount = base * scale
        return round(amount) if math.isfinite(amount) else None  # 400 digits: no exact number
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


def what_counted(text: str, cand: Candidate, previous: str | None = None, clauses: Clauses | None = None) -> str | None:
    """What a count counts, from the words after it, else the verb before it.

    "over 460 dead" -> "dead"; "killed at least 510 people" -> "killed"; "forced 75,000
    out of their homes" -> "forced out of their homes"; "29 of them civilians" after
    "460 dead" -> "civilians dead"; "100,000 are trapped" -> "trapped".

    Pass the sentence's `clauses` when asking about several of its numbers.
    """
    clauses = clauses if clauses is not None and clauses.text is text else Clauses(text)
    of_them = OF_THEM.match(text, cand.end)
    if of_them:
        return f"{of_them.group(1)} {previous}" if previous else f"of them {of_them.group(1)}"
    rest = _linking_end(text, cand.end)
    clause_end = clauses.end(rest)
    m = MEASURE_AT.match(text, rest, clause_end)
    if m:
        return _measure_phrase(text, m, clause_end)
    verb = VERB_BEFORE.search(text[max(0, cand.start - 60) : cand.start])
    if verb:
        word = verb.group(1).lower()
        homes = HOMES_AFTER.match(text, cand.end)
        if word in {"forced", "forcing", "forces", "drove", "driving", "drives"}:
            return f"forced {homes.group(1)}" if homes else None
        return None if word == "left" else word
    toll = _ends_before(TOLL_BEFORE, text, cand.start, TOLL_LOOK_BACK)
    if toll:
        return " ".join(toll.group(1).lower().split())
    count_of = _ends_before(COUNT_OF_BEFORE, text, cand.start)
    if count_of:
        return " ".join(count_of.group(1).lower().split())
    own = [w.group() for w in islice(NON_SPACE.finditer(text, cand.end, clauses.end(cand.end)), 7)]
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


OF_THEM = re.compile(r"\s*of\s+(?:them|whom)\s+(?:were\s+)?([a-z]+)")
VERB_BEFORE = re.compile(
    r"\b(killed|wounded|injured|displaced|forced|forcing|forces|drove|driving|drives|trapped|evacuated|arrested"
    r"|detained|rescued|uprooted|cancell?ed|scrapped|left)\s+"
    r"(?:(?:" + QUALIFIER + r")\s+)?(?:an\s+estimated\s+)?$",
    re.IGNORECASE,
)
HOMES_AFTER = re.compile(rf"\s*(?:{COUNT_NOUNS}\s+)?((?:out\s+of|from)\s+their\s+homes)", re.IGNORECASE)
TOLL_BEFORE = re.compile(
    r"\b(death\s+toll|toll)\b[^,;.]{0,80}?\b(?:stood\s+at|stands\s+at|(?:rose|risen|rises|climbed|jumped|increased)\s+to|reached|hit|of|at|is|was)\s+"
    r"(?:(?:" + QUALIFIER + r")\s+)?$",
    re.IGNORECASE,
)
#: "put the number of injured at 230", "the number of people injured has risen to 300": the
#: words after "number of" say what the number counts. Nothing may stand between them and
#: the verb: "the number of injured still in hospital stood at 40" counts a part of them.
COUNT_OF_BEFORE = re.compile(
    r"\b(?:number|count|tally|total)\s+of\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:(?:has|have|had)\s+)?"
    r"(?:(?:stood|stands|rose|risen|rises|climbed|jumped|increased|fell|fallen|dropped)\s+)?(?:at|to|was|is|reached|hit)\s+"
    r"(?:(?:" + QUALIFIER + r")\s+)?$",
    re.IGNORECASE,
)
#: `MEASURE_WORD` without its leading `\b`: matched where a copy of the text would begin,
#: where a word boundary always holds before a letter.
MEASURE_AT = re.compile(r"(?:" + "|".join(p for p, _ in MEASURES) + r")\b", re.IGNORECASE)
#: `LINKING` without its `^`, matched in place after a number.
LINKING_AT = re.compile(LINKING.pattern[1:], re.IGNORECASE)
NON_SPACE = re.compile(r"\S+")
CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s|\bwhile\b")
WHILE_AT = re.compile(r"while\b")


def _linking_end(text: str, end: int) -> int:
    """Where the words after a number begin once linking words ("have been", "of them")
    are skipped: what `re.sub(LINKING, "", text[end:], count=1)` leaves."""
    m = LINKING_AT.match(text, end)
    return m.end() if m else end


class Clauses:
    """Where the clause starting at a position ends (the next `,;:()`, dash or "while"), for
    one sentence. The break found last is remembered: every number in a clause ends at the
    same break, so a long clause with many numbers is read once, not once per number."""

    def __init__(self, text: str) -> None:
        self.text = text
        # no break starts in [_from, _at), one starts at _at (or the text ends there); empty at first
        self._from, self._at = len(text) + 1, len(text)

    def end(self, start: int) -> int:
        """Where the clause of text[start:] ends (its trailing spaces included): the start of
        the first break at or after `start`, as re.split would find it in that copy."""
        if WHILE_AT.match(self.text, start):
            return start  # a copy starting with "while" has a word boundary before it
        if not self._from <= start <= self._at:
            found = CLAUSE_BREAK.search(self.text, start)
            self._from, self._at = start, found.start() if found else len(self.text)
        return self._at


WHAT_STOP = frozenset(
    """in at on by to from for of and or who which whose that have has had were was are is will
    would began begin begins took take gave give remain remained remains since""".split()
)


def _measure_phrase(text: str, m: re.Match[str], end: int) -> str:
    """The measure word, joined with a second one ("displaced or trapped") before `end`."""
    word = " ".join(m.group(0).split()).lower()
    more = JOINED.match(text, m.end(), end)
    if more:
        second = MEASURE_AT.match(text, more.end(), end)
        if second:
            word = f"{word} {more.group(0).strip()} {' '.join(second.group(0).split()).lower()}"
    return word


JOINED = re.compile(r"\s+(?:or|and)\s+")


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
