"""The people a story names: found in the text, merged by name, proposed by quotes.

A journalist opening a new story has no watchlist yet, and the quotes of the people they
would follow are printed under many names: "Transport Secretary Amelia Rutherford",
"Amelia Rutherford", "Rutherford", a typo ("Weiczorek"). This module finds the story's
named people so that every speaker phrase resolves through the same machinery as a
watched person (`speakers.Watchlist`): name, surname, one-letter typo, and the roles the
story ties to the name ("the transport secretary").

A name here is a run of two to five capitalised words, after the role and title words in
front of it are cut off ("Transport Secretary", "Gen.", "Libyan"), none of which the story
also writes in lower case ("Rail" in "Northline Rail" when it speaks of rail workers) or
which names an institution ("Council", "Street"). Capitals alone do not make a person --
"Red Cross" and "Downing Street" look like names -- so a candidate also needs evidence
that a person is meant, somewhere in the story: a role or title right before it
("spokeswoman Marte Eliassen"), an age or a role right after it ("Sarah Lindqvist, 34,";
"Henrik Dahl, the Red Cross regional director"), or the surname standing alone ("Menon
said"). Institutions may still be speakers; they are simply not proposed as people.

Proposals (`propose`) are the named people outside the watchlist, ranked by how many
quotes the story gives them, with the counts, for the journalist to pick from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sidebyside.analysis.speakers import (
    WORD,
    Person,
    Watchlist,
    capitalised,
    deletions,
    fold,
    same_name,
    strip_possessive,
)
from sidebyside.analysis.wordlists import (
    ABBREVIATIONS,
    ADVERBS,
    AUX,
    BREAK_WORDS,
    COUNTRIES,
    DEMONYMS,
    DETERMINERS,
    HONORIFICS,
    MONTHS,
    NOT_NAME_WORDS,
    OPENING_FUNCTION_WORDS,
    ORG_WORDS,
    PARTICLES,
    PERSON_DESCRIPTIONS,
    PERSON_NOUNS,
    PRONOUNS,
    QUANTIFIERS,
    REQUEST_VERBS,
    ROLE_ADJECTIVES,
    ROLE_HEADS,
    SAY_VERBS,
    STOP,
    TELL_VERBS,
    TIME_WORDS,
)
from sidebyside.model import Article, ArticleQuotes

#: A name has at most this many words (particles included: "Pieter van der Berg").
MAX_NAME_WORDS = 5

#: Words that describe a person when written right before a name ("Chief executive Rajiv
#: Menon", "Mayor Ingrid Solheim"): the evidence that a name is a person's.
PERSON_WORDS = (
    PERSON_NOUNS
    | PERSON_DESCRIPTIONS
    | frozenset(w for head in ROLE_HEADS for w in head.split())
    | HONORIFICS
    | ABBREVIATIONS
    | frozenset(ROLE_ADJECTIVES - {"un", "us", "eu", "national", "federal", "state", "local", "regional"})
)
#: Words that are never part of a person's name, written with a capital or not.
NON_NAME = (
    STOP
    | DETERMINERS
    | PERSON_WORDS
    | frozenset(DEMONYMS)
    | COUNTRIES
    | frozenset(PRONOUNS)
    | BREAK_WORDS
    | TIME_WORDS
    | MONTHS
    | ORG_WORDS
    | NOT_NAME_WORDS
    | QUANTIFIERS
    | OPENING_FUNCTION_WORDS
)
#: Verbs of speech: a single name right before one ("Menon said") is a person speaking.
SPEECH = SAY_VERBS | TELL_VERBS | REQUEST_VERBS
#: ", 34," after a name: an age.
AGE = re.compile(r",\s*\d{1,3},")
#: ", the Red Cross regional director" / ", a regional organiser for ...": an appositive.
APPOSITIVE = re.compile(r",\s+(?:the|a|an|[\w'’.-]+['’]s)\s+([^,;:()\"“”]{1,80})")


@dataclass(frozen=True)
class NamedPerson:
    """One person the story names: the spelling printed most, how often they are named
    (surname alone included), and the other spellings that were folded in (typos, case)."""

    name: str
    mentions: int
    spellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """A named person outside the watchlist, with the quotes the story gives them and how
    many outlets print those."""

    name: str
    quotes: int
    outlets: int


@dataclass
class _Candidate:
    """A full name while the story is read: its spellings, mentions and evidence."""

    spellings: Counter[str]
    given: tuple[str, ...]
    surname: str
    evidence: bool = False

    @property
    def mentions(self) -> int:
        return sum(self.spellings.values())


def named_people(articles: Sequence[Article]) -> tuple[NamedPerson, ...]:
    """The people the story names, most named first (see the module docstring)."""
    return _named_people(tuple(articles))


@lru_cache(maxsize=8)
def _named_people(articles: tuple[Article, ...]) -> tuple[NamedPerson, ...]:
    """Cached: the quote sheet asks again each time the watchlist changes."""
    lower = _lower_case_words(articles)
    candidates: dict[tuple[tuple[str, ...], str], _Candidate] = {}
    alone = _Alone(Counter(), Counter())
    for article in articles:
        for sentence in article.sentences:
            for run in _runs(sentence):
                found = _name_in(run, lower)
                if isinstance(found, str):
                    alone.note(found, run)
                elif found is not None:
                    name, described = found
                    person = Person.parse(name)
                    key = (person.given, fold(person.surname))
                    candidate = candidates.setdefault(key, _Candidate(Counter(), person.given, key[1]))
                    candidate.spellings[name] += 1
                    candidate.evidence = candidate.evidence or described or _described_after(sentence, run.end)
    return _merge(list(candidates.values()), alone)


def _lower_case_words(articles: Iterable[Article]) -> frozenset[str]:
    """Every word the story writes in lower case: a capitalised one of them is no name."""
    words = {w for article in articles for w in WORD.findall(" ".join(article.sentences)) if w[:1].islower()}
    return frozenset(fold(w) for w in words if not _name_shaped(w))  # not "al-Sarraj"


@dataclass(frozen=True)
class _Run:
    """Capitalised words in a row, the word written just before them and the two after,
    and where the run ends in its sentence."""

    words: tuple[str, ...]
    before: str
    after: tuple[str, ...]
    end: int


@dataclass
class _Alone:
    """Surnames written alone: how often each is, and how often as a speaker ("Menon
    said", "said Menon"), which only a person's (or a body's) name is."""

    written: Counter[str]
    speaking: Counter[str]

    def note(self, word: str, run: _Run) -> None:
        self.written[word] += 1
        verb = next((w for w in run.after if w not in ADVERBS and w not in AUX), "")
        if verb in SPEECH or fold(run.before) in SPEECH:
            self.speaking[word] += 1


@lru_cache(maxsize=1 << 14)
def _runs(sentence: str) -> tuple[_Run, ...]:
    """Cached: wire copy repeats the same sentences across outlets."""
    return tuple(_find_runs(sentence))


def _find_runs(sentence: str) -> Iterator[_Run]:
    """Runs of capitalised words one space apart, with the lower-case particles and the
    initials inside a name ("Pieter van der Berg", "Joseph R. Biden"); a possessive ends a
    run ("Haftar's | Libyan National Army")."""
    words = list(WORD.finditer(sentence))

    def spaced(k: int) -> bool:  # words[k] follows words[k - 1] after one space (or an initial's ". ")
        gap = sentence[words[k - 1].end() : words[k].start()]
        return gap == " " or (gap == ". " and len(words[k - 1].group()) == 1)

    k = 0
    while k < len(words):
        if not _name_shaped(words[k].group()):
            k += 1
            continue
        j = k + 1  # the run is words[k:j]
        while j < len(words) and not strip_possessive(words[j - 1].group())[1]:
            n = j
            while n < len(words) and spaced(n) and _particle(words[n].group()) and words[n].group()[:1].islower():
                n += 1
            if n < len(words) and spaced(n) and _name_shaped(words[n].group()):
                j = n + 1
            else:
                break
        before = words[k - 1].group() if k > 0 and sentence[words[k - 1].end() : words[k].start()] == " " else ""
        text = tuple(_initial(sentence, m) for m in words[k:j])
        yield _Run(text, before, tuple(fold(m.group()) for m in words[j : j + 2]), words[j - 1].end())
        k = j


def _initial(sentence: str, word: re.Match[str]) -> str:
    """A word of a name as printed: an initial keeps its full stop ("R.")."""
    text = word.group()
    return text + "." if len(text) == 1 and sentence[word.end() : word.end() + 1] == "." else text


@lru_cache(maxsize=1 << 16)
def _name_shaped(word: str) -> bool:
    """A capitalised word that is not an acronym ("LNA", "U.N."): names are not written in
    capitals. A particle joined to a capitalised name ("al-Sarraj") is one too."""
    head, _, tail = word.partition("-")
    if tail and fold(head) in PARTICLES and head[:1].islower():
        return _name_shaped(tail)
    return capitalised(word) and not (len(word) > 1 and word.isupper()) and "." not in word


def _particle(word: str) -> bool:
    return fold(word) in PARTICLES


def _never_a_name(word: str, lower: frozenset[str]) -> bool:
    """A word no name holds: a role, a title, a place word, or a word the story writes in
    lower case; or a compound that is not a particle and a name ("UN-backed")."""
    key = fold(strip_possessive(word)[0]).strip(".")
    head, _, tail = key.partition("-")
    return key in NON_NAME or key in lower or bool(tail and head not in PARTICLES)


def _opening_gerund(word: str) -> bool:
    """A verb's -ing form opening a clause ("Hosting Cook at Dreamforce, Benioff ...",
    "Questioning Vindman, ..."): capitalised by its place, no given name. Given names
    ending so ("Irving", "Sterling") are rarer at the head of a sentence than these."""
    key = fold(word)
    return len(key) >= 6 and key.endswith("ing") and key.isalpha()


def _name_in(run: _Run, lower: frozenset[str]) -> tuple[str, bool] | str | None:
    """What a run names: a full name and whether a role or title stands before it
    (("Amelia Rutherford", True) for "Transport Secretary Amelia Rutherford"), a surname
    alone ("menon", folded, for "Menon"), or nothing.

    The name is what follows the run's last word that cannot be part of a name; it ends in
    a name of two letters or more, with one to four names before it.
    """
    words = [*run.words[:-1], strip_possessive(run.words[-1])[0]]
    cut = 1 if len(words) > 1 and not run.before and _opening_gerund(words[0]) else 0
    for k, word in enumerate(words):
        if not _particle(word) and _never_a_name(word, lower):
            cut = k + 1
    name = words[cut:]
    while name and _particle(name[0]) and name[0][:1].islower():
        name = name[1:]
    names = [w for w in name if not _particle(w)]
    if not names or len(names[-1]) < 2 or len(names) > MAX_NAME_WORDS:
        return None
    if len(names) == 1:
        return fold(names[-1])
    described_by = words[cut - 1] if cut > 0 else run.before
    return " ".join(name), fold(described_by.rstrip(".")) in PERSON_WORDS


def _described_after(sentence: str, end: int) -> bool:
    """An age (", 34,") or a person's role (", the union's general secretary") right after the name."""
    if AGE.match(sentence, end):
        return True
    m = APPOSITIVE.match(sentence, end)
    if m is None:
        return False
    words = [fold(w).strip(".") for w in m.group(1).split()]
    head = words[: next((k for k, w in enumerate(words) if w in {"of", "for", "at", "in", "with"}), len(words))]
    return any(w in PERSON_WORDS and w not in ROLE_ADJECTIVES for w in head)


def _merge(candidates: list[_Candidate], alone: _Alone) -> tuple[NamedPerson, ...]:
    """One person per name: spellings a letter apart ("Wieczorek" / "Weiczorek"), in other
    case ("Van der Berg") or with a short given name ("Chris" / "Christopher") join the
    spelling printed most; a name needs evidence that it is a person's to stay.

    Names are looked up by their spellings with a letter left out (`deletions`), so a
    story naming thousands of people is not read once per person.
    """
    candidates.sort(key=lambda c: -c.mentions)
    people: list[_Candidate] = []
    by_surname: dict[str, list[int]] = {}
    for candidate in candidates:
        near = sorted({k for v in deletions(candidate.surname) for k in by_surname.get(v, ())})
        same = next((people[k] for k in near if _same_person(people[k], candidate)), None)
        if same is not None:
            same.spellings.update(candidate.spellings)
            same.evidence = same.evidence or candidate.evidence
            continue
        for v in deletions(candidate.surname):
            by_surname.setdefault(v, []).append(len(people))
        people.append(candidate)
    single: dict[str, set[str]] = {}
    for word in alone.written:
        for v in deletions(word):
            single.setdefault(v, set()).add(word)
    out = []
    for p in people:
        keys = Person.parse(p.spellings.most_common(1)[0][0]).keys
        written = {w for key in keys for v in deletions(key) for w in single.get(v, ()) if same_name(key, w)}
        if not (p.evidence or any(alone.speaking[w] for w in written)):
            continue
        spellings = [s for s, _ in p.spellings.most_common()]
        out.append(NamedPerson(spellings[0], p.mentions + sum(alone.written[w] for w in written), tuple(spellings[1:])))
    out.sort(key=lambda p: -p.mentions)
    return tuple(out)


def _same_person(known: _Candidate, other: _Candidate) -> bool:
    """The same surname (or a typo of it) and the same first name, or a short form of it
    ("Chris" / "Christopher", "J." / "John"); middle names and initials may differ."""
    if not same_name(known.surname, other.surname):
        return False
    if known.given == other.given:
        return True
    if not known.given or not other.given:
        return False
    short, full = sorted((known.given[0].rstrip("."), other.given[0].rstrip(".")), key=len)
    return full.startswith(short) and (len(short) >= 3 or len(short) == 1)


# ------------------------------------------------------------------ the watchlist of the analysis


def story_watchlist(watched: Watchlist | Iterable[str] | None, articles: Sequence[Article]) -> Watchlist:
    """Every person the story names, and the watched people it does not name as such.

    The same list whichever of the story's named people are watched, so picking one from
    the proposals needs no new analysis. A watched name the story does not print in full
    ("Haftar", "Christopher Wray" for "Chris Wray") comes first and keeps its surname: the
    named people it would answer for are left out, unless they are watched too.
    """
    spelled = {fold(name): name for name in Watchlist.of(watched).names}  # the watcher's spelling wins
    named = [spelled.get(fold(p.name), p.name) for p in named_people(articles)]
    printed = {fold(name) for name in named}
    typed = Watchlist.of([name for key, name in spelled.items() if key not in printed])
    # A watched name the story prints stays, even if a watched namesake claims its surname
    # (Donald and Melania Trump): `speakers.Watchlist.sharing_surname` tells them apart.
    return typed.with_names(name for name in named if fold(name) in spelled or _unclaimed(typed, name))


def _unclaimed(watchlist: Watchlist, name: str) -> bool:
    """Does no watched person already answer to this name's surname (or a typo of it)?"""
    return watchlist.match_word(Person.parse(name).surname.split()[-1]) is None


def quote_counts(results: Sequence[ArticleQuotes]) -> dict[str, tuple[int, int]]:
    """Each speaker's quotes across the story, and how many outlets print them."""
    quotes: Counter[str] = Counter()
    outlets: dict[str, set[str]] = {}
    for r in results:
        for q in r.quotes:
            quotes[q.speaker] += 1
            outlets.setdefault(q.speaker, set()).add(r.article.label)
    return {name: (n, len(outlets[name])) for name, n in quotes.items()}


def propose(results: Sequence[ArticleQuotes], watched: Iterable[str]) -> tuple[Proposal, ...]:
    """The story's named people outside `watched`, most quoted first, with their counts.

    Only people the story quotes are proposed: a person only mentioned has nothing to follow.
    """
    skip = {fold(name) for name in watched}
    named = {p.name: n for n, p in enumerate(named_people([r.article for r in results]))}
    counts = {name: c for name, c in quote_counts(results).items() if name in named and fold(name) not in skip}
    ranked = sorted(counts, key=lambda name: (-counts[name][0], -counts[name][1], named[name]))
    return tuple(Proposal(name, *counts[name]) for name in ranked)
