"""How each outlet frames the people it writes about: labels, attribution verbs, hedges.

Eleven outlets carry the same story and call the same man "Libyan strongman Khalifa
Haftar", "Field Marshal Khalifa Haftar" or "the LNA commander"; one has him "say", another
"claim", a third has him "reportedly" do things. Those words are the outlet's framing, and
a desk editor wants them side by side, per person and outlet. This module finds three kinds
of terms for each watched person, each with its sentence and its character span:

* **label**: the words that name the person, written right before the name ("Libyan
  strongman", "Field Marshal", "French President"), as an appositive after it ("Haftar, the
  eastern commander,": the noun phrase, never a relative clause) or before it ("the head of
  U.N. mission to Libya, Ghassan Salame,"); and a description standing in for the name
  ("the renegade general") only where it is tied reliably: the story writes that very
  description beside this person's name and beside nobody else's, and the article names the
  person too. A wrong label is worse than none, so anything else is left out: "Haftar's
  forces", "Macron and Haftar", "met Haftar on Tuesday" give none.
* **verb**: the attribution verb of the person's quotes ("said", "claimed", "told"), read
  from the quotes' `cue` (`analysis.quotes`).
* **hedge**: "reportedly", "allegedly", "self-styled", "so-called", "according to" ...
  inside a label, inside what the name owns ("Haftar's self-styled Libyan National Army"),
  right after the name ("Haftar reportedly told"), or next to an attribution verb.

Words inside quotation marks are the speaker's, not the outlet's: they are never read for
framing. A label's `term` is its head noun in lower case ("strongman", "commander", "field
marshal"; "Gen." is "general"), with the evaluative words kept ("renegade general"), so a
table can compare outlets; `text` keeps the words as printed.

`framing_change` answers the question Compare asks of a reworded sentence: are the only
word differences a label, an attribution verb or a hedge ("said → claimed")?
`row_framing` asks it of a `changed` row, with the people the two articles name, for the
`compare` exports and the Compare screen alike. Most rows are decided without the people
or the quotation marks, so `compare` does not load the people and quote modules until a
row needs them (a tenth of a short command's start-up).

Plain functions over frozen dataclasses, no Textual: the `framing` command reads a
`StoryFraming`, and a screen or the report can show the same table (`StoryFraming.cell`,
`.row`) without computing anything of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

from sidebyside.analysis.speakers import Mention, Person, Watchlist, capitalised, find_mentions, fold, strip_possessive
from sidebyside.analysis.worddiff import DELETE, EQUAL, INSERT, word_diff
from sidebyside.analysis.wordlists import (
    ADVERBS,
    ANONYMOUS_HEADS,
    AUX,
    BREAK_WORDS,
    COMMON_VERBS,
    COUNTRIES,
    DEMONYMS,
    DETERMINERS,
    INNER_PREPOSITIONS,
    MODALS,
    MONTHS,
    NP_PREPOSITIONS,
    PERSON_DESCRIPTIONS,
    PERSON_NOUNS,
    PRONOUNS,
    QUANTIFIERS,
    REQUEST_VERBS,
    ROLE_ADJECTIVES,
    ROLE_HEADS,
    ROLE_STOP_VERBS,
    SAY_VERBS,
    STOP,
    SUBORDINATORS,
    TELL_VERBS,
    TIME_WORDS,
)
from sidebyside.model import AlignedRow, Alignment, Article, ArticleQuotes, Stopped

TermKind = Literal["label", "verb", "hedge"]
KINDS: tuple[TermKind, ...] = ("label", "verb", "hedge")

# ------------------------------------------------------------------ the words framing is made of

#: Abbreviated titles and the head each stands for ("Gen. Haftar" is a general).
TITLE_ABBREVIATIONS = {
    "gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain",
    "sgt": "sergeant", "adm": "admiral", "gov": "governor", "sen": "senator", "rep": "representative",
    "pres": "president", "supt": "superintendent", "insp": "inspector", "det": "detective", "rev": "reverend",
}  # fmt: skip
#: Nouns that describe a person, beyond roles and occupations: the framing words that
#: matter most ("strongman", "warlord", "billionaire", "megadonor").
DESCRIPTORS = frozenset(
    """strongman warlord dictator autocrat despot tyrant ruler monarch tycoon magnate mogul
    billionaire millionaire philanthropist financier investor donor megadonor businessman
    businesswoman entrepreneur executive banker actor actress singer rapper musician comedian
    star celebrity host anchor presenter journalist reporter correspondent columnist editor
    commentator pundit contributor author writer critic rival ally opponent challenger
    incumbent politician candidate hopeful nominee activist campaigner dissident
    whistleblower militant rebel insurgent fighter jihadist extremist terrorist suspect
    gunman bomber attacker assailant defendant fugitive mastermind kingpin veteran
    cleric preacher ayatollah mullah priest pastor rabbi imam bishop lieutenant major
    sergeant colonel admiral warden inspector detective reverend figure icon hero loyalist
    hardliner firebrand populist nationalist conservative liberal progressive moderate
    lawmaker legislator congressman congresswoman senator deputy delegate diplomat
    republican democrat libertarian socialist communist
    statesman stateswoman premier chancellor boss supremo patriarch envoy emissary
    """.split()
)
#: Every word that may head a label: roles, person nouns, descriptors (folded).
HEADS = (
    frozenset(h for h in ROLE_HEADS if " " not in h)
    | PERSON_NOUNS
    | PERSON_DESCRIPTIONS
    | DESCRIPTORS
    | frozenset("professor sheikh sir lord lady dame".split())
)
#: Heads of two words ("Field Marshal", "prime minister", "special envoy").
TWO_WORD_HEADS = frozenset(h for h in ROLE_HEADS if " " in h)
#: Heads so generic that a description made of them alone never stands in for a name.
GENERIC_HEADS = ANONYMOUS_HEADS | frozenset("man woman person people resident witness member".split())
#: Adjectives that judge the person; kept in a label's term ("renegade general").
EVALUATIVE = frozenset(
    """renegade rogue disgraced embattled controversial notorious infamous powerful
    influential outspoken maverick hardline radical ailing ousted exiled fugitive besieged
    beleaguered defiant veteran charismatic reclusive wealthy shadowy feared
    """.split()
)
#: Adjectives that doubt a title or a name ("self-styled Field Marshal").
HEDGE_ADJECTIVES = frozenset(
    "self-styled self-proclaimed self-declared so-called would-be purported alleged accused".split()
)
#: Adverbs that doubt what is said or done ("reportedly told").
HEDGE_ADVERBS = frozenset("reportedly allegedly purportedly apparently supposedly ostensibly seemingly".split())
HEDGE_WORDS = HEDGE_ADJECTIVES | HEDGE_ADVERBS
#: Words that count: "the $53 million figure McKinley cited" is no label of McKinley's.
NUMBER_WORDS = frozenset("hundred thousand million billion trillion percent dozen".split())
#: Words a label never holds: function words, prepositions, time words, numbers, verbs.
NOT_LABEL = (
    STOP
    | DETERMINERS
    | BREAK_WORDS
    | TIME_WORDS
    | MONTHS
    | QUANTIFIERS
    | frozenset(PRONOUNS)
    | AUX
    | ADVERBS
    | SAY_VERBS
    | TELL_VERBS
    | REQUEST_VERBS
    | COMMON_VERBS
    | ROLE_STOP_VERBS
    | frozenset("mr mrs ms miss mx dr prof".split())
    | frozenset("meanwhile however instead now still thus hence indeed here there so yes no even only".split())
    | frozenset("under over like unlike via amid among into onto upon toward towards across behind beyond".split())
    | frozenset("within without near".split())
    | frozenset(NUMBER_WORDS)
)
#: Verbs that attribute speech: a change between two of them is a framing change.
ATTRIBUTION_VERBS = SAY_VERBS | TELL_VERBS | REQUEST_VERBS
#: Attribution verbs that say the speaker said no: "said → denied" changes what was said,
#: not how it is framed, so a change across them is no framing change.
DENIAL_VERBS = frozenset(
    """deny denies denied denying reject rejects rejected dismiss dismisses dismissed refute
    refutes refuted dispute disputes disputed contradict contradicts contradicted""".split()
)
#: Verbs that report one act, a statement, each with its own stance ("said", "claimed",
#: "admitted", "warned"): one for another is a framing change. Verbs of other acts
#: ("demanded", "pledged", "predicted", "asked", "accused", "confirmed") change what the
#: person did, so a swap involving one is not framing.
STATEMENT_VERBS = frozenset(
    """say says said tell tells told state states stated add adds added note notes noted
    explain explains explained remark remarks remarked comment comments commented observe
    observes observed claim claims claimed allege alleges alleged assert asserts asserted
    argue argues argued contend contends contended insist insists insisted maintain
    maintains maintained admit admits admitted acknowledge acknowledges acknowledged
    concede concedes conceded declare declares declared stress stresses stressed
    emphasise emphasises emphasised emphasize emphasizes emphasized underscore underscores
    underscored reiterate reiterates reiterated boast boasts boasted complain complains
    complained lament laments lamented suggest suggests suggested hint hints hinted warn
    warns warned caution cautions cautioned write writes wrote tweet tweets tweeted
    recall recalls recalled reply replies replied respond responds responded retort
    retorts retorted counter counters countered elaborate elaborates elaborated""".split()
)
#: Label words that state a fact about the person, not how the outlet sees them: "suspect
#: → witness", "rival → ally", "+ former" change the story, so such an edit is no framing.
FACT_WORDS = frozenset(
    """suspect witness victim defendant survivor accused ally rival opponent challenger
    candidate nominee incumbent former ex late acting interim outgoing incoming deputy vice
    retired then current future democrat democrats democratic republican republicans
    libertarian socialist communist labour tory conservative liberal green""".split()
)
#: Heads that are also common verbs ("France will host Haftar", "police suspect Smith"):
#: lower case, they head a label only when the word before them cannot be a verb's subject
#: or auxiliary (`_verb_before`).
VERB_LIKE_HEADS = frozenset(
    "host star suspect anchor author figure ally rival chair head judge coach pilot witness model partner".split()
)
#: Words after which a verb-like head is a verb ("to host", "and host", "who host").
VERB_SUBJECTS = frozenset("to and or who which that also police".split())
#: Prepositions that open the complement of a head ("envoy for Libya", "head of mission").
COMPLEMENT = frozenset("of for to in at with from on".split())
#: Words that open an introductory phrase: a name at its end is not followed by an
#: appositive ("After meeting Haftar, the president said ...").
INTRODUCERS = frozenset(
    """after before with in during following unlike like for to from against at by on about
    despite than when while as since until although though if because once upon""".split()
)
#: Words that open a subordinate phrase wherever they stand before a name ("A day after
#: meeting Haftar, ..."): unlike prepositions, they never lead into an appositive's name.
SUBORDINATING = (SUBORDINATORS - {"as"}) | frozenset("during following despite unlike".split())
#: Prefixes that make a hyphenated word a verb form ("re-elected", "co-founded").
VERB_PREFIXES = frozenset("re co de pre un over out mis dis".split())
#: Plural words that may still open a compound noun ("news anchor", "arms dealer").
PLURAL_MODIFIERS = frozenset("news sports arms affairs customs ways means".split())
#: Words after which a lower-case word is a verb, not a compound's first noun ("will
#: criticise President Trump", "they thank Dr Ortiz"). Not "to": "according to coast
#: guard spokesman ..." is far commoner than "to criticise President ...".
VERB_OPENERS = MODALS | frozenset(PRONOUNS) | frozenset({"not"})
#: An initial inside a name: the "R." of "James R. Clapper".
INITIAL = re.compile(r"[A-Z]\.")
#: Initials: "U.N.", "U.S.".
ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")
#: Words that open an appositive's noun phrase ("the", "a", "its spokeswoman").
NP_DETERMINERS = frozenset("the a an its his her their".split())
OPENING_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their)\s", re.IGNORECASE)
#: The most lower-case nouns read before a head ("civil protection chief").
MAX_COMPOUND = 2
#: The most given names read before a surname, initials aside ("Joseph R. Biden").
MAX_GIVEN_NAMES = 3
#: The longest label read, in words.
MAX_LABEL_WORDS = 8

#: Whitespace-separated tokens, for walking back from a name ("U.N.-recognized" is one).
TOKEN = re.compile(r"\S+")
#: Characters that end a phrase when a token ends (or starts) with them.
CLOSERS = ",;:)]}”\"’'!?"
OPENERS = "([{“\"‘'"
#: An appositive after a name: ", NP" up to the next comma, semicolon, bracket or quotation
#: mark, or the sentence's end; an age (", 75,") may stand first.
APPOSITIVE = re.compile(r",\s+(?:\d{1,3},\s+)?([^,;:()\[\]\"“”]{2,160}?)\s*(?=[,;:()\"“”]|\.?$)")
#: What may follow a name before its appositive: ", Jr.", " Jr.", " III".
SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV)\b")
#: A relative clause ends an appositive's noun phrase ("a general whose forces ...").
RELATIVE = re.compile(r"\s+(?:who|whose|whom|which|that)\b.*$", re.DOTALL)


@dataclass(frozen=True)
class FramingTerm:
    """One framing word: what it is, its normal form for tables, the words as printed, and
    where: `sentence` indexes the article's sentences, `start`/`end` the sentence text."""

    kind: TermKind
    term: str
    text: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Framing:
    """How one article frames one person: `mentions` is how many sentences name them (0:
    the article leaves them out, which a table shows differently from "named, no label")."""

    person: str
    article_id: str
    mentions: int
    terms: tuple[FramingTerm, ...]

    def of_kind(self, kind: TermKind) -> tuple[FramingTerm, ...]:
        return tuple(t for t in self.terms if t.kind == kind)

    def counted(self, kind: TermKind) -> tuple[tuple[str, int], ...]:
        """Each distinct term of a kind with how often the article uses it, first used first."""
        counts: dict[str, int] = {}
        for t in self.of_kind(kind):
            counts[t.term] = counts.get(t.term, 0) + 1
        return tuple(counts.items())


@dataclass(frozen=True)
class StoryFraming:
    """The person × outlet table of a story: one `Framing` per watched person and article."""

    people: tuple[str, ...]
    articles: tuple[Article, ...]
    framings: tuple[Framing, ...]

    def cell(self, person: str, article_id: str) -> Framing:
        return self._cells[(person, article_id)]

    def row(self, person: str) -> tuple[Framing, ...]:
        """The person's framing in every article, in the articles' order."""
        return tuple(self._cells[(person, a.id)] for a in self.articles)

    @cached_property
    def _cells(self) -> dict[tuple[str, str], Framing]:
        """Each cell by person and article, so a table of many outlets is read in one pass."""
        return {(f.person, f.article_id): f for f in self.framings}


# ------------------------------------------------------------------ the story


def framing(
    results: Sequence[ArticleQuotes], names: Sequence[str], should_stop: Callable[[], bool] | None = None
) -> StoryFraming:
    """How every article frames each of `names` (the watchlist; the quotes in `results` are
    `analysis.story_quotes.analyse_story`'s for the same names, whose `cue`s are the verbs).

    Labels are read for every person the story names, so that a description tied to two
    people ("the president") stands in for neither. `should_stop` is asked before each
    article is read; once it says True, `model.Stopped` is raised (the screen
    that asked has gone).
    """
    from sidebyside.analysis.people import story_watchlist

    articles = tuple(r.article for r in results)
    people = Watchlist.of(names).names  # each person once, however often typed
    watchlist = story_watchlist(people, articles)
    found = {}
    for r in results:
        if should_stop is not None and should_stop():
            raise Stopped
        found[r.article.id] = _article_terms(r.article, watchlist)
    stand_ins = _stand_ins(found.values())
    framings = []
    for person in people:
        for r in results:
            terms, mentioned = found[r.article.id]
            own = list(terms.get(person, ()))
            if mentioned.get(person):
                own += _described(r.article, stand_ins.get(person, ()), own)
            own += _verbs_and_hedges(r, person)
            framings.append(Framing(person, r.article.id, mentioned.get(person, 0), _ordered(own)))
    return StoryFraming(people, articles, tuple(framings))


def _ordered(terms: Iterable[FramingTerm]) -> tuple[FramingTerm, ...]:
    """In reading order, each term once."""
    unique = {(t.kind, t.sentence, t.start, t.end): t for t in terms}
    return tuple(sorted(unique.values(), key=lambda t: (t.sentence, t.start, KINDS.index(t.kind))))


def _article_terms(article: Article, watchlist: Watchlist) -> tuple[dict[str, list[FramingTerm]], dict[str, int]]:
    """Labels and hedges around every named person of one article, and how many of its
    sentences name each person."""
    terms: dict[str, list[FramingTerm]] = {}
    mentioned: dict[str, int] = {}
    for index, (sentence, quoted) in enumerate(zip(article.sentences, _quoted(article), strict=True)):
        named = set()
        mentions = find_mentions(sentence, watchlist)
        for mention in mentions:
            if _inside(mention.start, mention.end, quoted):
                continue
            named.add(mention.person)
            for kind, term, start, end in _around(sentence, mention, quoted, mentions):
                terms.setdefault(mention.person, []).append(
                    FramingTerm(kind, term, sentence[start:end], index, start, end)
                )
        for person in named:
            mentioned[person] = mentioned.get(person, 0) + 1
    return terms, mentioned


def _quoted(article: Article) -> list[list[tuple[int, int]]]:
    """Each sentence's stretches inside quotation marks (a quotation may run on)."""
    from sidebyside.analysis.quotes import spans_across

    return [[(s.start, s.end) for s in spans] for spans in spans_across(article)]


def _inside(start: int, end: int, stretches: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in stretches)


# ------------------------------------------------------------------ labels and hedges of one mention

#: (kind, term, start, end) of a term found in a sentence.
Found = tuple[TermKind, str, int, int]


def _around(
    sentence: str, mention: Mention, quoted: Sequence[tuple[int, int]], mentions: Sequence[Mention]
) -> Iterator[Found]:
    """The labels of one mention and the hedges around it, none inside quotation marks.
    An appositive that holds another person's name is a list, not a label ("Obama, former
    Secretary of State Hillary Clinton, ...")."""
    if mention.attributive:  # "the Haftar-led army" names him but says nothing of him
        return
    others = [m for m in mentions if m is not mention]
    start = mention.start if Person.parse(mention.person).given else _name_start(sentence, mention.start)
    appositives = [a for a in _appositives(sentence, mention, start) if a is not None]
    appositives = [a for a in appositives if not any(a[0] < m.end and m.start < a[1] for m in others)]
    for label in (_label_before(sentence, start), *appositives):
        if label is None or _inside(label[0], label[1], quoted):
            continue
        yield "label", label[2], label[0], label[1]
        yield from _hedges_in(sentence, label[0], label[1])
    if mention.possessive:  # "Haftar's self-styled Libyan National Army"
        yield from _hedges_in(sentence, mention.end, _words_end(sentence, mention.end, 3), adjectives_only=True)
    elif not _not_the_subject(sentence, start):  # "Haftar reportedly told", "Haftar has allegedly ..."
        yield from _hedge_after(sentence, mention.end)
    before = sentence[: mention.start].rstrip()
    if fold(before[-12:]).endswith("according to") and not _inside(mention.start, mention.end, quoted):
        yield "hedge", "according to", len(before) - len("according to"), len(before)


def _tokens(text: str, end: int) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text, 0, end))


def _name_start(sentence: str, start: int) -> int:
    """Where the name of a person watched by surname alone starts once the given names
    and initials before it are read too: watching "Haftar", "Libyan strongman Khalifa
    Haftar" names him as "Khalifa Haftar", and the label stands before "Khalifa". After a
    title ending in capitalised words ("Director of National Intelligence James Clapper")
    one given name only: the others are the title's."""
    tokens = _tokens(sentence, start)
    names = 1 if _title_complement([t.group() for t in tokens]) else MAX_GIVEN_NAMES
    while tokens and tokens[-1].end() == start - 1 and _given_name(tokens[-1].group()):
        if not INITIAL.fullmatch(tokens[-1].group()):
            if names == 0:
                break
            names -= 1
        start = tokens.pop().start()
    return start


def _given_name(word: str) -> bool:
    """A capitalised word that is no title, role or description: part of a name."""
    if INITIAL.fullmatch(word):
        return True
    bare = _bare(word)
    return (
        capitalised(word)
        and not _closed(word)
        and not word.endswith(".")
        and bare.replace("-", "").isalpha()
        and not any(bare in words for words in (HEADS, ROLE_ADJECTIVES, DEMONYMS, NOT_LABEL, HEDGE_WORDS, EVALUATIVE))
        and bare not in TITLE_ABBREVIATIONS
        and not strip_possessive(word)[1]
    )


def _label_before(sentence: str, start: int) -> tuple[int, int, str] | None:
    """Role and descriptor words written straight before the name ("Libyan strongman",
    "former Director of National Intelligence"), ending in a head noun or a title's
    complement, as (start, end, term)."""
    tokens = _tokens(sentence, start)
    if not tokens or tokens[-1].end() != start - 1 or sentence[tokens[-1].end()] != " ":
        return None
    words = [t.group() for t in tokens]
    end = len(words) - _title_complement(words)
    head_size = _head_size(words[:end])
    if head_size == 0:
        return None
    head = first = end - head_size
    if _verb_before(words, head):
        return None
    nouns = 0  # lower-case nouns read so far before the head ("coast guard spokesman")
    while first > 0 and len(words) - first < MAX_LABEL_WORDS:
        word = words[first - 1]
        noun_next = first == head or (0 < nouns < MAX_COMPOUND and first == head - nouns)
        if not _modifier(word, words[first], before=words[first - 2] if first > 1 else None, noun_next=noun_next):
            break
        first -= 1
        nouns += noun_next and word[:1].islower() and _compound(_bare(word))
        if strip_possessive(word)[1]:  # "Trump's former lawyer": the owner ends it
            break
    return tokens[first].start(), tokens[-1].end(), _term(words[first:end], head_size, words[end:])


def _verb_before(words: Sequence[str], head: int) -> bool:
    """Is the lower-case verb-like head at `head` a verb here ("will host", "they host",
    "officials suspect")? An auxiliary, a modal, a pronoun, an adverb or "to" before it
    makes it one, and so do a plural noun ("officials suspect") and the last of two names
    joined by "and" ("Italy and France host"), its subjects. After a number it is no
    person at all ("the $53 million figure McKinley cited")."""
    if head == 0 or words[head][:1].isupper() or _bare(words[head]) not in VERB_LIKE_HEADS:
        return False
    before = words[head - 1]
    bare = _bare(before)
    if _closed(before):
        return False
    if bare in VERB_OPENERS or bare in AUX or bare in ADVERBS or bare in VERB_SUBJECTS:
        return True
    if bare in NUMBER_WORDS or bare.replace(",", "").isdigit():
        return True
    if head >= 2 and capitalised(before) and _bare(words[head - 2]) in ("and", "or"):
        return True
    plural = bare.endswith("s") and not bare.endswith("ss") and bare not in PLURAL_MODIFIERS
    return plural and not before.isupper()


def _title_complement(words: Sequence[str]) -> int:
    """How many of the last words are a capitalised title's complement ("of National
    Intelligence" in "Director of National Intelligence"); 0 when there is none."""
    for k in range(len(words) - 2, max(len(words) - 6, 0), -1):
        if words[k] != "of":
            continue
        tail = words[k + 1 :]
        if all(capitalised(w) and not _closed(w) for w in tail) and capitalised(words[k - 1]):
            return len(tail) + 1 if _head_size(words[:k]) else 0
        return 0
    return 0


def _head_size(words: Sequence[str]) -> int:
    """How many of the last words are the head noun (0: the words end in no head)."""
    if not words:
        return 0
    last = _bare(words[-1])
    if len(words) >= 2 and f"{_bare(words[-2])} {last}" in TWO_WORD_HEADS and not _closed(words[-2]):
        return 2
    if words[-1][-1:] in CLOSERS or words[-1][:1] in OPENERS:
        return 0
    if words[-1].endswith(".") and last not in TITLE_ABBREVIATIONS:
        return 0
    return 1 if last in HEADS or last in TITLE_ABBREVIATIONS else 0


def _bare(word: str) -> str:
    """A word as the lists hold it: folded, without a full stop."""
    return fold(word).strip(".")


def _closed(word: str) -> bool:
    return word[-1:] in CLOSERS or word[:1] in OPENERS


def _modifier(word: str, following: str, *, before: str | None, noun_next: bool, determined: bool = False) -> bool:
    """May `word` stand in a label before `following` ("Libyan", "eastern", "UN-backed",
    "National", "Trump's", the "fire" of "fire chief")? `before` is the word before it
    (None at the start of the sentence, where a capital says nothing: "Meanwhile President
    Trump" has no label "Meanwhile"); `noun_next` says whether `following` is the head or
    a noun of a compound before it. After a determiner (`determined`: "a registered
    Republican") any adjective may stand: no verb comes between "a" and its noun."""
    if _closed(word) or (word.endswith(".") and not ACRONYM.fullmatch(word)):
        return _bare(word) in TITLE_ABBREVIATIONS
    owner, possessive = strip_possessive(word)
    bare = _bare(owner)
    if bare in HEDGE_ADJECTIVES:  # "accused", "alleged": verb forms, but before a head a hedge
        return True
    if not bare or bare in NOT_LABEL or not bare[:1].isalpha():
        return False
    if "-" in word.strip("-") and _hyphenated_verb(bare) and not determined:
        return False  # "Louisiana Democrats re-elected Governor": a verb, not part of the title
    if possessive or "-" in word.strip("-") or (len(word) > 1 and word.isupper()) or ACRONYM.fullmatch(word):
        return True
    if bare in ROLE_ADJECTIVES or bare in DEMONYMS or bare in HEADS or bare in EVALUATIVE or bare in HEDGE_WORDS:
        return True
    if (capitalised(word) and (before is not None or capitalised(following))) or (determined and bare.isalpha()):
        return True
    if capitalised(following):  # "impeach President Trump": no lower-case noun joins a title
        return False
    return noun_next and _compound(bare) and (before is None or _bare(before) not in VERB_OPENERS)


def _hyphenated_verb(bare: str) -> bool:
    """A verb with a prefix ("re-elected", "co-founded", "de-selected"), not an adjective
    made of a noun and a participle ("U.N.-backed", "Haftar-led")."""
    head, _, tail = bare.partition("-")
    return head in VERB_PREFIXES and tail.isalpha() and tail.endswith(("ed", "ing"))


def _compound(bare: str) -> bool:
    """Could this word be the first noun of a compound ("fire chief", "union leader")?
    Not a verb form or an adverb ("thanked", "visiting", "finally", "blames")."""
    if len(bare) < 3 or not bare.isalpha() or bare.endswith(("ed", "ing", "ly")):
        return False
    return not bare.endswith("s") or bare in PLURAL_MODIFIERS


def _term(words: Sequence[str], head_size: int, complement: Sequence[str] = ()) -> str:
    """A label's normal form: the evaluative words and the head, lower case ("renegade
    general"); an abbreviated title in full ("Gen." is "general"); a title whose
    complement is part of it in full ("secretary of state")."""
    head = " ".join(_bare(w) for w in words[len(words) - head_size :])
    head = TITLE_ABBREVIATIONS.get(head, head)
    titled = " ".join([head, *(_bare(w) for w in complement)])
    if titled in ROLE_HEADS:
        head = titled
    judged = [_bare(w) for w in words[: len(words) - head_size] if _bare(w) in EVALUATIVE]
    return " ".join([*judged, head])


def _appositives(sentence: str, mention: Mention, start: int) -> Iterator[tuple[int, int, str] | None]:
    """The noun phrases in apposition to the name (which starts at `start`): after it
    (", the eastern commander,") and before it ("the head of U.N. mission to Libya,
    Ghassan Salame,")."""
    if not mention.possessive and not _in_introduction(sentence, start):
        suffix = SUFFIX.match(sentence, mention.end)
        m = APPOSITIVE.match(sentence, suffix.end() if suffix else mention.end)
        if m is not None and not _names_next(sentence, m.end(), mention):
            at = m.start(1)
            for part in re.split(r"(\s+and\s+)(?=(?:a|an|the)\s)", m.group(1)):  # "..., and a staunch critic"
                if part.strip() != "and":
                    yield _noun_phrase(sentence, at, at + len(part))
                at += len(part)
    yield _appositive_before(sentence, mention, start)


def _in_introduction(sentence: str, start: int) -> bool:
    """Is the name the end of an introductory phrase ("After meeting Haftar, ...", "A day
    after meeting Haftar, ...")? Then the comma after it closes that phrase, and what
    follows is no appositive. A phrase opening with any introducer counts, and so does
    one holding a subordinating word anywhere before the name."""
    head = sentence[:start]
    if any(c in head for c in ",;:"):
        return False
    words = [_bare(t.group()) for t in TOKEN.finditer(head)]
    if not words:
        return False
    return words[0] in INTRODUCERS or words[0].endswith("ing") or any(w in SUBORDINATING for w in words)


def _names_next(sentence: str, end: int, mention: Mention) -> bool:
    """Does another name follow the appositive, after a comma ("Haftar, the French
    president, Macron ...")? Then the noun phrase between them is the later name's, or
    the list's, and not this one's."""
    rest = sentence[end:]
    m = re.match(r"\s*,\s+(?:(?:and|or)\s+)?", rest)
    if m is None:
        return False
    nxt = TOKEN.match(rest, m.end())
    return nxt is not None and _given_name(nxt.group()) and fold(nxt.group()) != fold(mention.person.split()[-1])


def _appositive_before(sentence: str, mention: Mention, start: int) -> tuple[int, int, str] | None:
    """An appositive before the name ("the head of U.N. mission to Libya, Ghassan Salame,"):
    a noun phrase that opens with a determiner (the first that gives one: "the commander of
    the army") and ends at the comma before the name, which a comma closes after it (and
    not a list: ", Salame, and ...")."""
    before = sentence[:start]
    if not before.endswith(", ") or mention.possessive:
        return None
    after = sentence[mention.end :]
    if not after.startswith(",") or re.match(r",\s+(?:and|or)\b", after):
        return None
    comma = len(before) - 2
    opening = max((sentence.rfind(c, 0, comma) for c in ',;:()"“”'), default=-1) + 1
    phrases = (_noun_phrase(sentence, m.start(), comma) for m in OPENING_DETERMINER.finditer(sentence, opening, comma))
    return next((p for p in phrases if p is not None), None)


def _noun_phrase(sentence: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The label in sentence[start:end] read as a noun phrase: a determiner or owner,
    modifiers, a head noun, and a complement ("for Libya"), cut before a relative clause;
    None when it is not one (a clause, a list, a place)."""
    text = sentence[start:end]
    relative = RELATIVE.search(text)
    if relative is not None:
        text = text[: relative.start()]
    words = text.split()
    determined = bool(words) and (fold(words[0]) in NP_DETERMINERS or strip_possessive(words[0])[1])
    if determined and fold(words[0]) in NP_DETERMINERS:  # an owner stays: "Northline's chief executive"
        skipped = len(words[0])
        start += text.index(words[0]) + skipped
        text = text[text.index(words[0]) + skipped :]
        words = words[1:]
    lead = len(text) - len(text.lstrip())
    start, text = start + lead, text.strip()
    if not words or len(words) > MAX_LABEL_WORDS or any(_bare(w) in ("and", "or", "but") for w in words):
        return None
    cut = next((k for k, w in enumerate(words) if k > 0 and _bare(w) in COMPLEMENT), len(words))
    main, rest = words[:cut], words[cut:]
    head_size = _head_size(main)
    if head_size == 0 or not _all_modifiers(main[: len(main) - head_size], main[len(main) - head_size], determined):
        return None
    if any(_bare(w) in NOT_LABEL - COMPLEMENT - STOP or _bare(w).endswith("ing") for w in rest):
        return None
    return start, start + len(text), _term(main, head_size, rest)


def _all_modifiers(words: Sequence[str], head: str, determined: bool) -> bool:
    """Are all these words modifiers of the head that follows them (in an appositive;
    `determined`: after a determiner or an owner)?"""
    if not words:
        return True
    following = [*words[1:], head]
    return all(
        _modifier(w, f, before="the", noun_next=k >= len(words) - MAX_COMPOUND, determined=determined)
        for k, (w, f) in enumerate(zip(words, following, strict=True))
    )


def _hedges_in(sentence: str, start: int, end: int, *, adjectives_only: bool = False) -> Iterator[Found]:
    """Hedge words written in sentence[start:end]."""
    words = HEDGE_ADJECTIVES if adjectives_only else HEDGE_WORDS
    for m in TOKEN.finditer(sentence, start, end):
        bare = _bare(m.group().strip(CLOSERS + OPENERS))
        if bare in words:
            offset = m.group().index(m.group().strip(CLOSERS + OPENERS))
            yield "hedge", bare, m.start() + offset, m.start() + offset + len(bare)


def _words_end(sentence: str, start: int, count: int) -> int:
    """Where the next `count` words after `start` end."""
    tokens = list(TOKEN.finditer(sentence, start))[:count]
    return tokens[-1].end() if tokens else start


def _not_the_subject(sentence: str, start: int) -> bool:
    """Does a preposition or a participle stand right before the name ("Forces loyal to
    Haftar reportedly shelled", "rebels backed by Haftar")? Then the words after the name
    are somebody else's doing, and a hedge there does not hedge this person."""
    before = _tokens(sentence, start)
    if not before:
        return False
    word = _bare(before[-1].group())
    return word in INTRODUCERS or word in COMPLEMENT or word.endswith("ed")


def _hedge_after(sentence: str, end: int) -> Iterator[Found]:
    """A hedge adverb right after the name, auxiliaries allowed between ("Haftar has
    reportedly ...")."""
    for m in list(TOKEN.finditer(sentence, end))[:3]:
        bare = _bare(m.group().rstrip(CLOSERS))
        if bare in HEDGE_ADVERBS:
            yield "hedge", bare, m.start(), m.start() + len(bare)
            return
        if bare not in AUX or _closed(m.group()):
            return


# ------------------------------------------------------------------ descriptions standing in for a name


def _stand_ins(
    found: Iterable[tuple[dict[str, list[FramingTerm]], dict[str, int]]],
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per person, the descriptions that may stand in for their name, with their terms:
    labels the story writes beside this person's name and beside nobody else's (an
    abbreviated title read in full), not generic ("official"); the longest first."""
    owners: dict[str, set[str]] = {}
    terms: dict[str, str] = {}
    for by_person, _ in found:
        for person, found_terms in by_person.items():
            for t in found_terms:
                # "Gen." is "general": "Gen. Haftar" and "General Milley" make "the general" nobody's
                words = " ".join(TITLE_ABBREVIATIONS.get(_bare(w), _bare(w)) for w in t.text.split())
                if t.kind == "label" and words.split()[-1] not in GENERIC_HEADS:
                    owners.setdefault(words, set()).add(person)
                    terms[words] = t.term
    out: dict[str, list[tuple[str, str]]] = {}
    for words, people in owners.items():
        if len(people) == 1:
            out.setdefault(next(iter(people)), []).append((words, terms[words]))
    return {person: tuple(sorted(w, key=lambda d: -len(d[0]))) for person, w in out.items()}


def _described(
    article: Article, descriptions: Sequence[tuple[str, str]], known: Sequence[FramingTerm]
) -> list[FramingTerm]:
    """ "the renegade general" where the story ties that description to this person alone,
    outside quotation marks and outside the labels already found; not when a name or a
    complement follows ("the president of the Red Cross" is somebody else). In a sentence
    that names the person too it is still theirs: "Haftar and Marcon met two weeks after
    the French president hosted Sarraj" repeats who Marcon is, as real copy does."""
    out: list[FramingTerm] = []
    taken = [(t.sentence, t.start, t.end) for t in known if t.kind == "label"]
    patterns = [(_description_pattern(words), term) for words, term in descriptions]
    for index, (sentence, quoted) in enumerate(zip(article.sentences, _quoted(article), strict=True)):
        for pattern, term in patterns:
            for m in pattern.finditer(sentence):
                start, end = m.start(1), m.end(1)
                if _inside(start, end, quoted) or any(s == index and a < end and start < b for s, a, b in taken):
                    continue
                following = sentence[end:].split(maxsplit=1)
                if following and (
                    _bare(following[0]) in COMPLEMENT or capitalised(following[0]) or following[0].startswith("-")
                ):
                    continue
                out.append(FramingTerm("label", term, sentence[start:end], index, start, end))
                taken.append((index, start, end))
    return out


def _description_pattern(words: str) -> re.Pattern[str]:
    """A description as printed anywhere: any case, either apostrophe, after "the" (or
    with an owner of its own: "Northline's chief executive")."""
    parts = [re.escape(w).replace("'", "['’]") for w in words.split()]
    lead = r"(?<![\w'’-])" if strip_possessive(words.split()[0])[1] else r"\bthe\s+"
    body = r"\s+".join(parts)
    return re.compile(rf"{lead}({body})(?![\w'’-])", re.IGNORECASE)


# ------------------------------------------------------------------ verbs and hedges of quotes


def _verbs_and_hedges(result: ArticleQuotes, person: str) -> list[FramingTerm]:
    """The attribution verb of each of the person's quotes, and a hedge beside it
    ("reportedly said"); "according to" attributions are hedges."""
    out: list[FramingTerm] = []
    for q in result.quotes:
        if q.speaker != person or not q.cue:
            continue
        sentence = result.article.sentences[q.sentence]
        verb = _verb_of(q.cue)
        start = _cue_place(sentence, q.cue, q.start, q.end)
        if start is None:
            continue
        end = start + len(verb)
        kind: TermKind = "hedge" if verb == "according to" else "verb"
        out.append(FramingTerm(kind, verb, sentence[start:end], q.sentence, start, end))
        for hedge in _hedges_beside(sentence, start, end):
            out.append(FramingTerm("hedge", hedge[1], sentence[hedge[2] : hedge[3]], q.sentence, hedge[2], hedge[3]))
    return out


def _verb_of(cue: str) -> str:
    """The verb of a cue: "told the newspaper" is "told"; "called for", "according to" and
    "went on" keep their particle."""
    words = cue.split()
    if len(words) > 1 and f"{fold(words[0])} {fold(words[1])}" in (
        "called for",
        "calls for",
        "according to",
        "went on",
        "goes on",
    ):
        return f"{fold(words[0])} {fold(words[1])}"
    return fold(words[0])


def _cue_place(sentence: str, cue: str, start: int, end: int) -> int | None:
    """Where the quote's cue is printed: the occurrence outside the quoted words nearest them."""
    places = [m.start() for m in re.finditer(rf"\b{re.escape(cue)}\b", sentence, re.IGNORECASE)]
    places = [p for p in places if not (start <= p < end)]
    if not places:
        return None
    return min(places, key=lambda p: min(abs(p - start), abs(p - end)))


def _hedges_beside(sentence: str, start: int, end: int) -> Iterator[Found]:
    """A hedge adverb among the two words before a verb or the word after it."""
    before = list(TOKEN.finditer(sentence, 0, start))[-2:]
    after = list(TOKEN.finditer(sentence, end))[:1]
    for m in [*before, *after]:
        bare = _bare(m.group().strip(CLOSERS + OPENERS))
        if bare in HEDGE_ADVERBS:
            offset = m.group().index(m.group().strip(CLOSERS + OPENERS))
            yield "hedge", bare, m.start() + offset, m.start() + offset + len(bare)


# ------------------------------------------------------------------ framing changes in Compare


def row_framing(alignment: Alignment, row: AlignedRow) -> str | None:
    """`framing_change` of a `changed` row of a comparison, with the people the two
    articles name; None for any other row. `compare` and the Compare screen both ask this."""
    if row.kind != "changed" or row.a is None or row.b is None:
        return None
    a, b = alignment.a, alignment.b
    return framing_change(a.sentences[row.a], b.sentences[row.b], lambda: pair_people(a, b))


@lru_cache(maxsize=16)
def pair_people(a: Article, b: Article) -> Watchlist:
    """The people two articles name, as `framing_change` finds them (cached: Compare asks
    for every row it draws)."""
    from sidebyside.analysis.people import story_watchlist

    return story_watchlist((), (a, b))


#: The most words one side of a framing edit holds: "Libyan National Army commander",
#: "former Director of National Intelligence". A longer edit rewrites the sentence.
EDIT_WORDS = 12


def framing_change(
    a: str, b: str, people: Watchlist | Iterable[str] | Callable[[], Watchlist | Iterable[str]]
) -> str | None:
    """What changed between two versions of a sentence when every word difference is a
    label of a person, an attribution verb or a hedge ("said → claimed", "strongman →
    eastern commander", "+ reportedly"); None when anything else changed too (or nothing).

    `people` are the persons whose names the labels stand beside (`pair_people`), or a
    function giving them: finding the people two articles name reads every sentence of
    both, so it is asked only when an edit could only be a label; a sentence rewritten
    beyond `EDIT_WORDS`, or changed only in verbs and hedges, never needs them.
    Differences of punctuation and spacing alone are ignored.
    """
    edits = []
    for (a_start, a_end), (b_start, b_end) in _edits(word_diff(a, b), a, b):
        old, new = a[a_start:a_end], b[b_start:b_end]
        if not (_wordy(old) or _wordy(new)):
            continue  # punctuation or spacing
        if len(old.split()) > EDIT_WORDS or len(new.split()) > EDIT_WORDS:
            return None
        # "alleged bomber → accused bomber"; but "Haftar accused → alleged" is one verb for another
        hedges = (
            _only_hedges(old)
            and _only_hedges(new)
            and not (bool(old.strip()) and _verb_used(a, a_start))
            and not (bool(new.strip()) and _verb_used(b, b_start))
        )
        if not hedges and _one_verb(old) and _one_verb(new) and not _verb_swap(old, new):
            return None  # "said → denied", "demanded → pledged": what the person did changed
        verb_or_hedge = hedges or _verb_swap(old, new)
        if not verb_or_hedge and not (_descriptive(old, a_start == 0) and _descriptive(new, b_start == 0)):
            return None  # "suspect → witness", "envoy for Libya → envoy for Syria": a fact changed
        if _demonyms(old) and _demonyms(new) and _demonyms(old) != _demonyms(new):
            return None  # "Libyan commander → Syrian commander": another country
        edits.append(((a_start, a_end), (b_start, b_end), old, new, verb_or_hedge))
    if not edits:
        return None
    for (a_start, a_end), (b_start, b_end), _, _, verb_or_hedge in edits:
        if not verb_or_hedge and ((a_start < a_end and not _has_head(a)) or (b_start < b_end and not _has_head(b))):
            return None  # no label without a head noun: the people are not needed to say so
    if not all(verb_or_hedge for *_, verb_or_hedge in edits):
        watchlist = Watchlist.of(people() if callable(people) else people)
        labels_a, labels_b = _label_spans(a, watchlist), _label_spans(b, watchlist)
        for (a_start, a_end), (b_start, b_end), _, _, verb_or_hedge in edits:
            if not (verb_or_hedge or (_within(a_start, a_end, labels_a) and _within(b_start, b_end, labels_b))):
                return None
    return "; ".join(_described_edit(old, new) for _, _, old, new, _ in edits)


#: Every word a label's head may end in: a label holds one of them, so a sentence
#: without any has no label (`_has_head`).
HEAD_WORDS = HEADS | frozenset(TITLE_ABBREVIATIONS) | frozenset(h.split()[-1] for h in TWO_WORD_HEADS)


#: The words of titles, capitalised before a name ("Field Marshal", "Gen."): a description.
TITLE_WORDS = HEAD_WORDS | frozenset(w for h in TWO_WORD_HEADS for w in h.split())


@lru_cache(maxsize=4096)
def _has_head(sentence: str) -> bool:
    """Does any word of the sentence head a label? Cheap, and exact as a test for "no
    label here": `_label_before` and `_noun_phrase` both need a head word."""
    return any(_bare(w.strip(CLOSERS + OPENERS)) in HEAD_WORDS for w in sentence.split())


def _edits(ops: Sequence[tuple[int, str]], a: str, b: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Each run of deletions and insertions as (span in a, span in b), edge spaces trimmed."""
    at_a = at_b = 0
    opened: tuple[int, int] | None = None
    for op, text in [*ops, (EQUAL, "")]:
        if op == EQUAL:
            if opened is not None:
                yield _trim(a, opened[0], at_a), _trim(b, opened[1], at_b)
                opened = None
            at_a += len(text)
            at_b += len(text)
            continue
        opened = opened or (at_a, at_b)
        if op == DELETE:
            at_a += len(text)
        elif op == INSERT:
            at_b += len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _wordy(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _one_verb(text: str) -> bool:
    words = text.split()
    return len(words) == 1 and fold(words[0].strip(",")) in ATTRIBUTION_VERBS


def _verb_swap(old: str, new: str) -> bool:
    """One statement verb for another ("said → claimed"), or one denial for another; not
    "said → denied" nor "demanded → pledged", which change what the person did."""
    if not (_one_verb(old) and _one_verb(new)):
        return False
    old, new = fold(old.strip().strip(",")), fold(new.strip().strip(","))
    return (old in STATEMENT_VERBS and new in STATEMENT_VERBS) or (old in DENIAL_VERBS and new in DENIAL_VERBS)


def _demonyms(text: str) -> set[str]:
    return {_bare(w.strip(CLOSERS + OPENERS)) for w in text.split()} & DEMONYMS.keys()


def _descriptive(text: str, opens_sentence: bool = False) -> bool:
    """Could these words be an outlet's description of a person rather than a fact about
    them? Lower-case words, capitalised titles ("Field Marshal", "Gen.") and nationalities
    ("Libyan strongman", though one for another is a fact: see `framing_change`) may; a proper
    name ("Libya → Syria", "CIA → FBI", "Democratic → Republican"), a number or a
    `FACT_WORDS` word ("suspect → witness", "+ former") makes the edit a change of fact.
    The first word of a sentence (`opens_sentence`) has a capital whatever it is: it is
    read as lower case ("Opposition leader → Self-proclaimed leader")."""
    for position, raw in enumerate(text.split()):
        word = raw.strip(CLOSERS + OPENERS + ".")
        bare = _bare(word)
        if not word or bare in FACT_WORDS or any(ch.isdigit() for ch in word):
            return False
        owner, possessive = strip_possessive(word)
        by_place = opens_sentence and position == 0 and not possessive and _bare(owner) not in COUNTRIES
        if by_place and word[1:] == word[1:].lower():
            continue  # "Opposition", "Self-proclaimed": capitalised by its place, not a name
        if word[:1].isupper() and not any(bare in w for w in (TITLE_WORDS, EVALUATIVE, HEDGE_WORDS, DEMONYMS)):
            return False
    return True


#: What follows an attribution verb and not a hedge adjective: its object or its clause
#: ("accused the minister", "alleged that", "accused him"); the adjective is followed by
#: the noun it qualifies ("accused bomber").
VERB_FOLLOWERS = DETERMINERS | frozenset("that him her them us me it".split())
#: What comes before a hedge adjective and never before a verb that has its subject.
ADJECTIVE_LEADERS = DETERMINERS | NP_PREPOSITIONS | INNER_PREPOSITIONS


def _verb_used(sentence: str, start: int) -> bool:
    """Is the attribution verb at `start` a verb ("Haftar accused the…"), not a hedge
    adjective ("the accused bomber", "Police arrested accused bomber X", "On Friday,
    accused bomber X")? A verb has its subject before it (no determiner, owner,
    preposition or comma) and its object or clause after it: a determiner, an object
    pronoun, "that", a name, or a comma ("alleged, without evidence, that"). Read as a
    verb, an edit between two verbs of different acts is no framing change, so a doubtful
    case costs a claim, never makes a wrong one."""
    end = sentence.find(" ", start)
    word = sentence[start : end if end >= 0 else len(sentence)]
    if not _one_verb(word):
        return False
    before, after = sentence[:start].split(), sentence[start + len(word) :].split()
    if not before or not after:
        return False
    previous = before[-1]
    if previous[-1] in ",;:" or strip_possessive(previous)[1]:
        return False
    if fold(previous) in ADJECTIVE_LEADERS:
        return False
    following = after[0].strip(CLOSERS + OPENERS)
    return word[-1] in ",;:" or fold(following) in VERB_FOLLOWERS or following[:1].isupper()


def _only_hedges(text: str) -> bool:
    """Nothing but hedge words (or nothing); "according to" counts as one."""
    rest = re.sub(r"\baccording to\b", " ", fold(text))
    return all(_bare(w.strip(CLOSERS + OPENERS)) in HEDGE_WORDS for w in rest.split())


def _described_edit(old: str, new: str) -> str:
    old, new = " ".join(old.split()).strip(" ,"), " ".join(new.split()).strip(" ,")
    if not old:
        return f"+ {new}"
    if not new:
        return f"− {old}"
    return f"{old} → {new}"


def _label_spans(sentence: str, watchlist: Watchlist) -> list[tuple[int, int]]:
    """Where the labels of the sentence's named people are, outside quotation marks."""
    from sidebyside.analysis.quotes import find_spans

    quoted = [(s.start, s.end) for s in find_spans(sentence)]
    out = []
    mentions = find_mentions(sentence, watchlist)
    for mention in mentions:
        if _inside(mention.start, mention.end, quoted):
            continue
        for kind, _, start, end in _around(sentence, mention, quoted, mentions):
            if kind == "label":
                out.append((start, end))
    return out


def _within(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """An edit inside one of the spans; nothing (the other side of an insertion) always is."""
    return start == end or any(a <= start and end <= b for a, b in spans)
