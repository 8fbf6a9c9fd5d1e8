"""Who is who: the watchlist of people and the ways an article names them.

A journalist follows a few people through a story. Outlets name them in many ways:
"Khalifa Haftar", "Haftar", "Gen. Haftar", "Haftar's", a typo ("Hafter", "Marcon"),
or only by a role the article (or another outlet in the same story) ties to the
name: "French President Emmanuel Macron" makes "the French president" and "the
president" Macron. This module turns those into canonical names.

It is deliberately cautious. A role resolves only when its head noun is the same
("president" is not "presidential official"), every word the mention adds is one the
tie also had ("the Russian president" is not "French President"), and anonymous
heads ("official", "source", "diplomat") are never tied to anybody: a French
official's words must never become Macron's.

The words these rules know (role heads, demonyms, particles) live in `wordlists`, shared
with quote attribution. Nothing here imports Textual; everything is plain data and pure
functions.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz.distance import OSA

from sidebyside.analysis.wordlists import (
    ANONYMOUS_HEADS,
    BLOCKING,
    COUNTRIES,
    DEMONYMS,
    GENERIC_OWNERS,
    HONORIFICS,
    PARTICLES,
    ROLE_ADJECTIVES,
    ROLE_HEADS,
    ROLE_STOP_VERBS,
    STOP,
)
from sidebyside.model import Article

#: The people of the bundled story, used when the user names nobody.
DEFAULT_SPEAKERS: tuple[str, ...] = ("Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame")

#: Names shorter than this must be spelled exactly: a one-letter slip in a short name
#: ("Conte" / "Conti") is as likely to be another person as a typo.
TYPO_MIN_LENGTH = 5

#: A word as names are written: initials ("U.N."), or letters with inner apostrophes and
#: hyphens ("al-Sarraj", "O'Neill"). Quote tokens extend it with a trailing apostrophe.
WORD_PATTERN = r"(?:[A-Za-z]\.){2,}|[^\W_](?:[\w'’\-]*[^\W_])?"
WORD = re.compile(WORD_PATTERN, re.UNICODE)

#: Spellings folded together before a role is compared ("U.N." is "United Nations").
PHRASE_NORMALS = (
    (re.compile(r"\bu\.?\s?n\.?(?=\W|$)"), "un"),
    (re.compile(r"\bunited nations\b"), "un"),
    (re.compile(r"\bu\.?\s?s\.?(?=\W|$)"), "us"),
    (re.compile(r"\bunited states\b"), "us"),
    (re.compile(r"\bu\.?\s?k\.?(?=\W|$)"), "uk"),
    (re.compile(r"\beuropean union\b"), "eu"),
    (re.compile(r"\bhead of (?:the )?([\w.-]+ )?mission\b"), r"\1envoy"),
    (re.compile(r"['’]s\b"), ""),
)


def capitalised(word: str) -> bool:
    """Written as a name starts: a capital letter, or a letter of a script without case
    (Arabic, Chinese), where every name looks like this."""
    first = word[:1]
    return first.isalpha() and not first.islower()


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: how names are compared."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").lower()


@lru_cache(maxsize=1 << 16)
def strip_possessive(word: str) -> tuple[str, bool]:
    """("Haftar's" -> "Haftar", True); other words unchanged."""
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)], True
    return word, False


@dataclass(frozen=True)
class Person:
    """One watched person: the canonical name and the folded keys that identify them."""

    name: str
    surname: str
    given: tuple[str, ...]

    @classmethod
    def parse(cls, name: str) -> Person:
        """Split a canonical name; particles ("al-", "von der") stay with the surname."""
        words = name.split()
        if not words:
            raise ValueError("a speaker name cannot be empty")
        cut = len(words) - 1
        while cut > 0 and fold(words[cut - 1]).strip(".") in PARTICLES:
            cut -= 1
        surname = " ".join(words[cut:])
        return cls(name=" ".join(words), surname=surname, given=tuple(fold(w) for w in words[:cut]))

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Single words that name this person: the surname, with and without its particle."""
        last = fold(self.surname.split()[-1])
        keys = [last]
        for sep in ("-", "'", "’"):
            head, _, tail = last.partition(sep)
            if tail and head in PARTICLES:
                keys.append(tail)
        return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class Role:
    """A role phrase reduced to what identifies it: a head noun and its modifiers."""

    head: str
    modifiers: frozenset[str]
    text: str
    #: Proper-noun owners ("Northline's chief executive"): named, but a tie that does not
    #: mention the owner still covers them -- unlike a country, which must agree.
    owners: frozenset[str] = frozenset()

    def covers(self, mention: Role) -> bool:
        """True when `mention` ("the president") may refer to whoever holds this tie."""
        if mention.head != self.head:
            return False
        if not mention.modifiers <= self.modifiers | self.owners:
            return False
        if mention.owners - (self.owners | self.modifiers) and self._proper_qualifiers():
            return False  # "City's manager" is not the tie "Rovers manager Brian Tully"
        return (self.modifiers & BLOCKING) <= mention.modifiers

    def _proper_qualifiers(self) -> frozenset[str]:
        """The tie's owners and the modifiers it wrote with a capital ("Rovers manager"):
        whose role it is. A mention owned by somebody else names another person."""
        return self.owners | frozenset(m for m in self.modifiers if _original_capitalised(self.text, m))


@dataclass(frozen=True)
class Mention:
    """A watched person named in a sentence; `start`/`end` index the sentence text."""

    person: str
    start: int
    end: int
    possessive: bool = False
    attributive: bool = False  # "the Haftar-led army": names him, but he is not the subject


@dataclass(frozen=True)
class Watchlist:
    """The people a journalist follows, plus roles the story ties to them.

    `story_roles` are learnt from every article of a story (`learn`), so an outlet that
    only writes "the U.N. envoy for Libya" still meets the envoy another outlet named.
    """

    people: tuple[Person, ...]
    story_roles: tuple[tuple[str, Role], ...] = ()

    @classmethod
    def of(cls, names: Iterable[str] | Watchlist | None = None) -> Watchlist:
        """A watchlist from names (None: the default people); a Watchlist is returned as is."""
        if isinstance(names, Watchlist):
            return names
        chosen = DEFAULT_SPEAKERS if names is None else tuple(names)
        return cls(people=_people(chosen))

    def with_names(self, names: Iterable[str]) -> Watchlist:
        """A copy that also knows `names` (after its own people, so theirs win a shared surname)."""
        return Watchlist(people=_people([*self.names, *names]), story_roles=self.story_roles)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.people)

    @cached_property
    def named_only(self) -> Watchlist:
        """The same people without the story's roles: what names are matched against, made
        once (the caches of mentions key on it, and its indexes are built once)."""
        return self if not self.story_roles else Watchlist(self.people)

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        """Computed once: the caches of mentions and roles hash the watchlist for every
        sentence, and a story may name hundreds of people."""
        return hash((self.people, self.story_roles))

    def learn(self, articles: Iterable[Article]) -> Watchlist:
        """A copy that also knows every role any of `articles` ties to a watched person."""
        found: dict[tuple[str, Role], None] = {}
        for article in articles:
            for person, role in article_roles(article, self):
                found.setdefault((person, role), None)
        return Watchlist(people=self.people, story_roles=tuple(found))

    @cached_property
    def initials(self) -> frozenset[str]:
        """First letters of every key: a word starting otherwise names nobody here."""
        return frozenset(k[:1] for p in self.people for k in p.keys)

    @cached_property
    def _by_key(self) -> dict[str, Person]:
        """Each key's person (the first to hold it)."""
        found: dict[str, Person] = {}
        for person in self.people:
            for key in person.keys:
                found.setdefault(key, person)
        return found

    def sharing_surname(self, person: Person) -> list[Person]:
        """`person` and every other watched person with the same surname key (Joe and
        Hunter Biden), `person` first: a given name printed before the surname tells
        which ("Hunter Biden"); a surname alone stays the first's, the watchlist's order
        (the user's names first, then the story's most named) deciding."""
        group = self._surname_groups.get(person.keys[0])
        if group is None:  # the usual case: nobody else holds the surname
            return [person]
        keys = set(person.keys)
        return [person] + [p for p in group if p is not person and keys & set(p.keys)]

    @cached_property
    def _surname_groups(self) -> dict[str, tuple[Person, ...]]:
        """Each key held by several watched people, with those people in watchlist order."""
        groups: dict[str, list[Person]] = {}
        for person in self.people:
            for key in person.keys:
                groups.setdefault(key, []).append(person)
        return {key: tuple(people) for key, people in groups.items() if len(people) > 1}

    @cached_property
    def _near_keys(self) -> dict[str, list[tuple[int, str]]]:
        """Keys long enough for a typo, under every spelling with one letter left out (and
        as they are): two words one edit apart share one of these, so a word is compared
        with a few keys, not with every person of a story naming hundreds."""
        index: dict[str, list[tuple[int, str]]] = {}
        for rank, person in enumerate(self.people):
            for key in person.keys:
                if len(key) >= TYPO_MIN_LENGTH:
                    for variant in deletions(key):
                        index.setdefault(variant, []).append((rank, key))
        return index

    def match_word(self, word: str) -> Person | None:
        """The person a single (possessive-free) word names: exact surname, else one typo."""
        key = fold(word)
        if key[:1] not in self.initials:
            return None
        exact = self._by_key.get(key)
        if exact is not None:
            return exact
        if not capitalised(word):
            return None
        near = {c for variant in deletions(key) for c in self._near_keys.get(variant, ())}
        for rank, known in sorted(near):
            if same_name(known, key):
                return self.people[rank]
        return None


def same_name(known: str, other: str) -> bool:
    """Two folded names that are the same, or one letter apart in a name long enough for
    a slip to be a typo ("hafter" / "haftar"; never "conti" / "conte")."""
    if known == other:
        return True
    return (
        len(known) >= TYPO_MIN_LENGTH
        and abs(len(known) - len(other)) <= 1
        and known[:1] == other[:1]
        and OSA.distance(known, other, score_cutoff=1) <= 1
    )


def _people(names: Iterable[str]) -> tuple[Person, ...]:
    """Parsed names, each person once (names that fold alike are one)."""
    people: dict[str, Person] = {}
    for name in names:
        person = Person.parse(name)
        people.setdefault(fold(person.name), person)
    return tuple(people.values())


def deletions(key: str) -> set[str]:
    """The key, and the key with each one of its letters left out: two spellings one
    edit apart (a letter changed, added, dropped, or two swapped) share one of these."""
    return {key} | {key[:k] + key[k + 1 :] for k in range(len(key))}


def find_mentions(text: str, watchlist: Watchlist) -> list[Mention]:
    """Every watched person named in `text`, with given names folded into the mention."""
    return list(_mentions(text, watchlist.named_only))


@lru_cache(maxsize=1 << 14)
def _mentions(text: str, watchlist: Watchlist) -> tuple[Mention, ...]:
    """Cached: wire copy repeats the same sentences across outlets."""
    out: list[Mention] = []
    words = list(WORD.finditer(text))
    for i, m in enumerate(words):
        mention = _mention_at(m, watchlist)
        if mention is None:
            continue
        start = mention.start
        person = next(p for p in watchlist.people if p.name == mention.person)
        namesakes = watchlist.sharing_surname(person)
        j = i - 1
        while j >= 0 and text[words[j].end() : start].strip() in ("", "-"):
            prev = fold(words[j].group())
            if prev.strip(".") in PARTICLES:
                start = words[j].start()
                j -= 1
            elif any(prev in p.given for p in namesakes):
                namesakes = [p for p in namesakes if prev in p.given]
                start = words[j].start()
                j -= 1
            else:
                break
        person = namesakes[0]  # a given name printed picks the namesake; else the first, as before
        out.append(Mention(person.name, start, mention.end, mention.possessive, mention.attributive))
    return tuple(out)


def _mention_at(m: re.Match[str], watchlist: Watchlist) -> Mention | None:
    """A mention made by one word token, if it names a watched person.

    Only capitalised words (or "al-Sarraj") count: a surname such as "Young" or "Rich"
    would otherwise match ordinary words.
    """
    raw = m.group()
    if not capitalised(raw) and "-" not in raw:
        return None
    base, possessive = strip_possessive(raw)
    parts = base.split("-")
    if not capitalised(raw) and not (len(parts) > 1 and fold(parts[0]) in PARTICLES and capitalised(parts[-1])):
        return None
    person = watchlist.match_word(base)
    if person is not None:
        return Mention(person.name, m.start(), m.start() + len(base), possessive)
    if len(parts) > 1:
        # "al-Sarraj" (particle + name) or "Haftar-led" (name + participle).
        if fold(parts[0]) in PARTICLES:
            person = watchlist.match_word(parts[-1])
            if person is not None:
                return Mention(person.name, m.start(), m.start() + len(base), possessive)
        person = watchlist.match_word(parts[0])
        if person is not None and parts[1][:1].islower():
            return Mention(person.name, m.start(), m.start() + len(parts[0]), False, True)
    return None


# ---------------------------------------------------------------- roles


def role_of(phrase: str) -> Role | None:
    """The role a phrase names ("the UN envoy for Libya" -> envoy {un, libya}), or None.

    The head must be the last role word before any complement ("for Libya", "of
    France"); a role word used as a modifier ("presidential official", "president's
    office") names no role.
    """
    text = fold(phrase).strip(" ,.;:")
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    owners: set[str] = set()
    for m in list(re.finditer(r"([\w.-]+)'s\b", text)):
        owner = m.group(1).replace(".", "")
        if owner in GENERIC_OWNERS:
            text = text.replace(m.group(0), " ", 1)
        elif owner not in COUNTRIES and owner not in DEMONYMS and _original_capitalised(phrase, m.group(1)):
            owners.add(owner)
            text = text.replace(m.group(0), " ", 1)
    for pattern, repl in PHRASE_NORMALS:
        text = pattern.sub(repl, text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None
    main, complement = _split_complement(text)
    head_key = _trailing_head(main)
    if head_key is None:
        return None
    surface, head = head_key
    before = main[: len(main) - len(surface)].split()
    mods = {_modifier(w) for w in before + complement.split()}
    mods -= STOP | {""}
    return Role(head=head, modifiers=frozenset(mods), text=" ".join(phrase.split()), owners=frozenset(owners))


def _original_capitalised(phrase: str, folded_word: str) -> bool:
    """Was this (folded) word written with a capital in the phrase? Proper owners are."""
    for word in re.findall(r"[\w.'’-]+", phrase):
        if fold(word).startswith(folded_word):
            return word[:1].isupper()
    return False


def _split_complement(text: str) -> tuple[str, str]:
    """("envoy for libya") -> ("envoy", "libya"): the part after the head's preposition."""
    m = re.search(r" (?:of|for|to|in|at|with|from) ", text)
    if m is None:
        return text, ""
    main, rest = text[: m.start()].strip(), text[m.end() :].strip()
    if not main or _trailing_head(main) is None:
        return text, ""
    return main, rest


def _trailing_head(main: str) -> tuple[str, str] | None:
    """The role head `main` ends with, as (surface words, canonical head)."""
    for surface, head in ROLE_HEADS.items():
        if main == surface or main.endswith(" " + surface):
            return surface, head
    return None


def _modifier(word: str) -> str:
    word = word.strip(".,;:'’\"").replace(".", "")
    return DEMONYMS.get(word, word)


def _is_role_word(word: str) -> bool:
    """A word that may sit in a role written before a name ("Civil protection chief").

    Generous on purpose: a stray word in a tie only makes the tie cover more mentions
    that already share its head and modifiers; verbs and function words end the role.
    """
    if not word:
        return False
    low = fold(word).strip(".")
    if low in ROLE_HEADS or low in ROLE_ADJECTIVES or low in DEMONYMS or low in HONORIFICS:
        return True
    if "-" in word and not word.endswith("-"):
        return True
    if capitalised(word) or re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):
        return True
    if low in STOP or low in ROLE_STOP_VERBS or low.endswith(("ed", "ing")) or "'" in low:
        return False
    return word.isalpha()


def roles_in_sentence(text: str, watchlist: Watchlist) -> list[tuple[str, Role]]:
    """Roles this sentence ties to a watched name (see `_roles_in_sentence`)."""
    return list(_roles_in_sentence(text, watchlist.named_only))


@lru_cache(maxsize=1 << 14)
def _roles_in_sentence(text: str, watchlist: Watchlist) -> tuple[tuple[str, Role], ...]:
    """Roles this sentence ties to a watched name.

    Three shapes: a role before the name ("French President Emmanuel Macron"); an
    appositive after it ("Ghassan Salame, the UN secretary-general's special
    representative for Libya,"); an appositive before it ("the head of U.N. mission to
    Libya, Ghassan Salame").
    """
    ties: list[tuple[str, Role]] = []
    words = list(WORD.finditer(text))  # once: a sentence may name the same people 1000 times
    for mention in find_mentions(text, watchlist):
        if mention.attributive:
            continue
        for phrase in (
            _role_before(text, mention.start, words),
            _appositive_after(text, mention),
            _appositive_before(text, mention.start),
        ):
            if phrase:
                role = role_of(phrase)
                if role is not None and role.head not in ANONYMOUS_HEADS:
                    ties.append((mention.person, role))
    return tuple(ties)


def _role_before(text: str, start: int, words: Sequence[re.Match[str]] | None = None) -> str | None:
    """Role words written straight before the name: "Libyan eastern commander".

    `words` are the sentence's words (`WORD.finditer(text)`); as `start` begins one of
    them, those before it are the words of text[:start], found without reading it again.
    """
    count = 0 if words is None else bisect_left(words, start, key=lambda m: m.start())
    if words is None or count == len(words) or words[count].start() != start:
        words = list(WORD.finditer(text[:start]))  # not at a word: read the words before it
        count = len(words)
    picked: list[str] = []
    end = start
    for index in range(count - 1, -1, -1):
        m = words[index]
        gap = text[m.end() : end]
        if gap.strip(" .") != "":
            break
        word = m.group()
        if not _is_role_word(word) or fold(word) in STOP or len(picked) >= 7:
            break
        picked.insert(0, word)
        end = m.start()
    phrase = " ".join(picked)
    return phrase if phrase and role_of(phrase) is not None else None


def _appositive_after(text: str, mention: Mention) -> str | None:
    """An appositive right after the name: ", the UN envoy for Libya,"."""
    m = APPOSITIVE_AFTER.match(text, mention.end)
    if m is None:
        return None
    phrase = m.group(2)
    if len(phrase.split()) > 12 or re.search(r"\b(?:who|which|said|told|says|is|was|has|had)\b", phrase):
        return None
    return phrase


APPOSITIVE_AFTER = re.compile(r"\s*,\s+((?:the|a|an)\s+)?([^,;:()\"“”]{2,120}?)(?=,|\.$|;|$|\s+(?:who|which)\b)")
#: What ends the stretch an appositive before a name is read from.
APPOSITIVE_BREAK = re.compile(r"[,;:()\"“”]")


def _appositive_before(text: str, start: int) -> str | None:
    """An appositive right before the name: "the head of U.N. mission to Libya, "."""
    comma = start
    while comma > 0 and text[comma - 1].isspace():
        comma -= 1
    comma -= 1
    if comma < 0 or text[comma] != ",":
        return None
    # the words since the break before the comma, read back from the comma in growing
    # steps (never all of text[:start], which a sentence naming 1000 people reads 1000 times)
    step = 64
    breaks: list[int] = []
    while not breaks:
        lo = max(0, comma - step)
        breaks = [m.end() for m in APPOSITIVE_BREAK.finditer(text, lo, comma)] or ([0] if lo == 0 else [])
        step *= 4
    chunk = text[breaks[-1] : comma]
    cut = 0
    for m in APPOSITIVE_START.finditer(chunk):
        cut = m.start() if m.group(1) else m.end()
    phrase = chunk[cut:].strip()
    if not phrase or len(phrase.split()) > 12:
        return None
    return phrase


APPOSITIVE_START = re.compile(r"\b(?:(the|a|an)|with|said|says|told|that|and|by|as|including|between)\b", re.IGNORECASE)


def article_roles(article: Article, watchlist: Watchlist) -> list[tuple[str, Role]]:
    """Every (person, role) tie the article makes, in order, without repeats."""
    seen: dict[tuple[str, Role], None] = {}
    for sentence in article.sentences:
        for tie in roles_in_sentence(sentence, watchlist):
            seen.setdefault(tie, None)
    return list(seen)


@dataclass
class Resolver:
    """Resolves noun phrases of one article to watched people.

    Ties made anywhere in the article count (so a role used before the name is
    introduced still resolves); ties learnt from the rest of the story count when the
    article's own do not decide. Between several holders of a role the one named most
    recently wins; with none named yet the mention stays unresolved.
    """

    watchlist: Watchlist
    article_ties: tuple[tuple[str, Role], ...] = ()
    last_named: dict[str, int] = field(default_factory=dict)

    @classmethod
    def for_article(cls, article: Article, watchlist: Watchlist) -> Resolver:
        return cls(watchlist=watchlist, article_ties=tuple(article_roles(article, watchlist)))

    def note_mentions(self, sentence: int, mentions: Sequence[Mention]) -> None:
        """Remember who was named where, for choosing between holders of one role."""
        for m in mentions:
            self.last_named[m.person] = sentence

    #: Who holds a role, per mention (head and modifiers) and list of ties: the ties never
    #: change, and a long article asks about the same roles again and again.
    _holders: dict[tuple[int, str, frozenset[str]], list[str]] = field(default_factory=dict, init=False, repr=False)
    #: The ties of each list by head: a mention is only compared with ties of its own head.
    _by_head: list[dict[str, list[tuple[str, Role]]]] = field(default_factory=list, init=False, repr=False)

    def _holders_of(self, which: int, mention: Role) -> list[str]:
        """The people the ties (0: the article's, 1: the story's) give a role covering
        `mention`, in the order of their first tie."""
        key = (which, mention.head, mention.modifiers)
        if key not in self._holders:
            if not self._by_head:
                for each in (self.article_ties, self.watchlist.story_roles):
                    by_head: dict[str, list[tuple[str, Role]]] = {}
                    for tie in each:
                        by_head.setdefault(tie[1].head, []).append(tie)
                    self._by_head.append(by_head)
            same_head = self._by_head[which].get(mention.head, [])
            self._holders[key] = list(dict.fromkeys(p for p, role in same_head if role.covers(mention)))
        return self._holders[key]

    def person_for_role(self, phrase: str) -> str | None:
        """The watched person a definite role phrase ("the French president") refers to."""
        mention = role_of(phrase)
        if mention is None or mention.head in ANONYMOUS_HEADS:
            return None
        for which in (0, 1):
            holders = self._holders_of(which, mention)
            if len(holders) == 1:
                return holders[0]
            if holders:
                named = [p for p in holders if p in self.last_named]
                if named:
                    return max(named, key=lambda p: self.last_named[p])
                return None
        return None
