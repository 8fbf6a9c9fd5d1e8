"""Who said what: direct and indirect quotes, attributed by rules, offline.

News copy attributes speech in a handful of shapes, and we read each sentence for them:

* a quotation mark pair, straight or curly, whole or partial ("were not met"), possibly
  running over two sentences or opened at the very end of one;
* a speech act: a cue verb ("said", "told the newspaper", "warned", "called for",
  "described ... as", "according to", "puts the figure at") with its subject, written
  before ("Haftar said ..."), after ("..., said Salame.", "..., the official said on
  condition of anonymity.") or as a participle ("..., acknowledging ...");
* nested reporting ("the official added that Haftar explained that ..."): the words
  belong to the innermost watched speaker, because that is whose words they are said
  to be; the outer reporter is only the channel;
* carry-over: a pronoun subject, or a paragraph that is nothing but a quotation, belongs
  to the person last quoted or last named as a subject -- never simply the last name
  mentioned, which is often someone the speaker was talking about; and a paragraph that
  ends "..., said Salame." is Salame's from its first sentence.

A clause that carries quotation marks is represented by those marks (its direct
quotes), not repeated as an indirect quote too; reported speech without marks must be a
clause ("said the talks failed", not "declared a state of emergency"). People outside
the watchlist keep the words the article uses for them ("a French official", "the
Elysee", "a spokesman for the governor"): their words are never a watched person's.

`analyse` keeps every sentence's acts so `figures` can ask who gave a number
(`Speech.speaker_at`); `extract_quotes` is the plain list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from sidebyside.analysis.speakers import (
    Mention,
    Resolver,
    Watchlist,
    find_mentions,
    fold,
    role_of,
    strip_possessive,
)
from sidebyside.model import Article, Quote

# ------------------------------------------------------------------ lexicon

SAY_VERBS = frozenset(
    """said says say added adds warned warns acknowledged acknowledges admitted admits insisted insists
    claimed argued argues stressed stresses noted explained explains declared declares announced
    announces asserted asserts reiterated reiterates confirmed confirms denied denies suggested
    suggests estimated estimate predicted predicts promised vowed vows pledged pledges threatened
    threatens replied replies responded wrote writes tweeted tweets recalled recalls complained
    complains conceded concedes emphasised emphasized emphasises emphasizes maintained maintains
    contended contends alleged alleges cautioned cautions lamented laments reported observed
    remarked commented countered retorted boasted hinted signalled signaled stated""".split()
)
#: Bare forms count only after a modal ("He did acknowledge"); alone they are often nouns.
BASE_FORMS = frozenset(
    """say add warn acknowledge admit insist claim argue stress note explain declare announce
    assert reiterate confirm deny suggest estimate predict promise vow pledge threaten reply
    respond write recall complain concede emphasise emphasize maintain contend allege caution
    tell inform assure remind ask urge demand""".split()
)
BASE_AS_PAST = {
    "tell": "told", "inform": "informed", "assure": "assured", "remind": "reminded",
    "ask": "asked", "urge": "urged", "demand": "demanded",
}
MODALS = frozenset("did does do would will could can may might must should shall".split())
TELL_VERBS = frozenset("told tells tell informed informs assured assures reminded reminds".split())
REQUEST_VERBS = frozenset(
    """asked asks urged urges accused accuses demanded demands appealed appeals pressed implored
    begged described describes branded dubbed labelled labeled hailed""".split()
)
#: "called for", "calls on": the particle belongs to the cue.
PHRASAL_REQUEST = {"called": ("for", "on"), "calls": ("for", "on"), "calling": ("for", "on")}
PARTICIPLES: dict[str, str] = {
    **{w: "say" for w in """saying adding warning acknowledging admitting insisting claiming arguing
    stressing noting explaining declaring announcing asserting reiterating confirming denying
    suggesting vowing pledging promising threatening complaining conceding emphasising emphasizing
    recalling""".split()},
    "telling": "tell",
    **{w: "request" for w in "accusing urging asking demanding calling".split()},
}
#: Verbs that may come before their subject: "..., said Salame." ("told" never does).
INVERTIBLE = frozenset(
    "said says added adds asked asks wrote writes explained insisted noted warned declared recalled replied continued".split()
)
AUX = frozenset(
    "has have had is are was were will would can could did does do may might must should shall be been being".split()
)
ADVERBS = frozenset(
    """also later again still then reportedly previously repeatedly once further separately
    already never not earlier publicly privately openly recently simply just had has have did
    would will""".split()
)
PASSIVE = frozenset("is are was were be been being".split())
DETERMINERS = frozenset("the a an its his her their this that these those our your my".split())
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "plural", "we": "plural", "i": "person"}
BREAK_WORDS = frozenset(
    """that who which whose whom while when whereas after before because although though if as
    since until where whether than so but or nor yet then despite during""".split()
)
NP_PREPOSITIONS = frozenset("of for with".split())
#: Words opening a subordinate clause: after an attribution, the attribution is over.
SUBORDINATORS = frozenset("when while as after before because although though if since until once".split())
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier
    later recently last this next week month year morning afternoon evening night on late early
    overnight weekend""".split()
)
COMMON_VERBS = frozenset(
    """met meets meet rejected ruled launched justified began begun made took gave went led held
    saw sees won lost came comes sent kept left found fought struggled backed supported visited
    hosted attacked killed stopped moved presents present faces face remain remains remained
    gets got runs ran spoke speaks speak""".split()
)
#: Heads of noun phrases that name a person (so "he" can refer to them).
PERSON_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson minister president envoy commander
    diplomat source man woman resident witness analyst expert leader chief head general marshal
    strongman king queen prince ambassador governor mayor senator lawmaker director chairman
    chairwoman chair officer doctor surgeon nurse lawyer attorney prosecutor judge father mother
    son daughter brother sister wife husband farmer worker teacher student activist researcher
    scientist economist professor manager coach captain player driver pilot soldier survivor
    owner founder engineer representative negotiator mediator aide adviser advisor
    secretary-general secretary inspector detective sheriff""".split()
)
#: Heads meaning "what a person said" ("according to Haftar's statement" is Haftar).
DOCUMENT_NOUNS = frozenset(
    """statement interview remarks comments words letter speech tweet post account briefing
    toll report figures figure data count tally estimate estimates survey census assessment
    update release""".split()
)
ORG_WORDS = frozenset(
    """news agency ministry office council government army network organization organisation
    nations union times post tv radio federation company committee commission party police
    department service services bank court parliament association institute newspaper channel
    statement elysee palace house kremlin""".split()
)
ABBREVIATIONS = frozenset("gen mr mrs ms dr lt col sen rep gov st jr sr capt maj sgt prof rev".split())

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’"}
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_](?:[\w'’\-]*[^\W_])?['’]?|[^\w\s]", re.UNICODE)

Form = Literal["pre", "trailing", "participle", "coordinated", "according"]
VerbKind = Literal["say", "tell", "request", "according"]

# ------------------------------------------------------------------ data


@dataclass(frozen=True)
class Speaker:
    """Who an act or quote belongs to: a watched person, or the article's own words."""

    person: str | None
    label: str
    personal: bool = True  # a person ("he" may refer to them), not a statement or an office

    @property
    def name(self) -> str:
        return self.person or self.label


@dataclass(frozen=True)
class Span:
    """A quotation in one sentence: `start`/`end` are the inner text (marks excluded)."""

    start: int
    end: int
    opened: bool = True  # the opening mark is in this sentence
    closed: bool = True  # the closing mark is in this sentence
    mark_start: int = 0
    mark_end: int = 0


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a punctuation mark, or a whole quotation, with its place in the sentence.

    `word` is the folded word without a possessive ending ('' for non-words), computed
    once because every rule asks for it.
    """

    text: str
    start: int
    end: int
    kind: Literal["word", "punct", "quote"] = "word"
    word: str = ""

    @property
    def low(self) -> str:
        return fold(self.text)


@dataclass
class Act:
    """One speech act in a sentence: who spoke (subject), the cue, what they said (content)."""

    cue: str
    form: Form
    kind: VerbKind
    cue_start: int
    cue_end: int
    boundary: int  # where this act's own words begin: its comma, connector or subject
    subject: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    speaker: Speaker | None = None

    def covers(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.content)

    @property
    def content_start(self) -> int:
        return min((a for a, _ in self.content), default=self.cue_end)


@dataclass
class SentenceSpeech:
    """What one sentence holds: its quotations and speech acts, speakers resolved."""

    index: int
    text: str
    spans: list[Span]
    acts: list[Act]
    quote_speakers: dict[int, Speaker] = field(default_factory=dict)  # span index -> speaker
    paragraph_speaker: Speaker | None = None  # set when a trailing "..., said X." ends the paragraph

    def watched_first(self, acts: Iterable[Act]) -> Act | None:
        """Innermost act speaking for a watched person, else the innermost act."""
        ordered = sorted(acts, key=lambda a: (-a.content_start, sum(b - s for s, b in a.content)))
        for act in ordered:
            if act.speaker is not None and act.speaker.person:
                return act
        return ordered[0] if ordered else None

    def speaker_at(self, start: int, end: int) -> Speaker | None:
        """Who the words at [start, end) belong to, for figures and the quote sheet."""
        for i, span in enumerate(self.spans):
            if span.start <= start and end <= span.end and i in self.quote_speakers:
                return self.quote_speakers[i]
        according = [a for a in self.acts if a.form == "according" and a.covers(start, end)]
        if according:
            return according[-1].speaker
        act = self.watched_first(a for a in self.acts if a.covers(start, end) and a.speaker is not None)
        if act is not None:
            return act.speaker
        return self.paragraph_speaker


@dataclass
class Speech:
    """The analysed article: every sentence's acts and the quotes they yield."""

    article: Article
    sentences: list[SentenceSpeech]
    quotes: tuple[Quote, ...]

    def speaker_at(self, sentence: int, start: int, end: int) -> Speaker | None:
        return self.sentences[sentence].speaker_at(start, end)


# ------------------------------------------------------------------ quotation marks


def find_spans(text: str) -> list[Span]:
    """Quotations opened in a sentence: curly, angle and straight double marks, curly
    singles. An opening mark with no closing runs to the end of the sentence (the
    quotation continues in the next one); a closing mark with no opening is left to
    `spans_across`, which knows whether the sentence before left a quotation open.
    """
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in OPEN_CLOSE and (ch != "‘" or _opens_single(text, i)):
            close_at = _find_close(text, i + 1, OPEN_CLOSE[ch], single=ch == "‘")
        elif ch == "”" and _opens_straight(text, i):
            close_at = text.find("”", i + 1)  # a sloppy outlet opening with ”
        elif ch == '"' and _opens_straight(text, i):
            close_at = text.find('"', i + 1)
        else:
            i += 1
            continue
        if close_at < 0:
            spans.append(Span(i + 1, n, opened=True, closed=False, mark_start=i, mark_end=n))
            break
        spans.append(Span(i + 1, close_at, mark_start=i, mark_end=close_at + 1))
        i = close_at + 1
    # an empty pair is noise; an empty *open* quotation ("... Ferrante said. “") is kept,
    # because the quoted words follow in the next sentence
    return [s for s in spans if text[s.start : s.end].strip() or not s.closed]


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "“\"([—–-:"


def _find_close(text: str, start: int, mark: str, single: bool) -> int:
    """Index of the closing mark; for ’ skip apostrophes inside words (Libya’s)."""
    j = text.find(mark, start)
    while single and j >= 0 and j + 1 < len(text) and text[j + 1].isalpha():
        j = text.find(mark, j + 1)
    return j


# ------------------------------------------------------------------ tokens


def tokenize(text: str, spans: Sequence[Span]) -> list[Token]:
    """Words and punctuation outside quotations; each quotation is one `quote` token."""
    tokens: list[Token] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.mark_start):
        tokens += _plain_tokens(text, pos, span.mark_start)
        tokens.append(Token(text[span.mark_start : span.mark_end], span.mark_start, span.mark_end, "quote"))
        pos = span.mark_end
    tokens += _plain_tokens(text, pos, len(text))
    return tokens


def _plain_tokens(text: str, start: int, end: int) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text, start, end):
        raw = m.group()
        if raw[0].isalnum():
            out.append(Token(raw, m.start(), m.end(), "word", _folded_word(raw)))
        else:
            out.append(Token(raw, m.start(), m.end(), "punct"))
    return out


@lru_cache(maxsize=1 << 16)
def _folded_word(raw: str) -> str:
    return strip_possessive(fold(raw))[0]


def _word(tok: Token | None) -> str:
    """The folded word of a token ('' for punctuation and quotations)."""
    return tok.word if tok is not None else ""


def _is_verbish(tokens: Sequence[Token], i: int) -> bool:
    """A finite verb, as far as a rule can tell without a tagger."""
    tok = tokens[i]
    if tok.kind != "word" or not tok.text[:1].islower():
        return False
    w = tok.low
    prev = _word(tokens[i - 1]) if i > 0 else ""
    if w in AUX or w in SAY_VERBS or w in TELL_VERBS or w in REQUEST_VERBS or w in COMMON_VERBS:
        return prev not in DETERMINERS
    return w.endswith("ed") and len(w) > 4 and "-" not in w and prev not in DETERMINERS and prev not in NP_PREPOSITIONS


# ------------------------------------------------------------------ noun phrases


def np_before(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Token range [a, b) of the subject noun phrase ending just before token `i`.

    Skips auxiliaries and adverbs of the verb group and a relative clause in commas
    ("Haftar, who is visiting Paris, said"), and takes in an appositive closed by a
    comma ("Ghassan Salame, the UN envoy, told"; "the UN envoy, Ghassan Salame, said").
    """
    j = i - 1
    while j >= 0 and _word(tokens[j]) in ADVERBS | AUX and tokens[j].kind == "word":
        j -= 1
    if j >= 0 and tokens[j].text == ",":
        k = _relative_clause_start(tokens, j)
        if k is not None:
            j = k - 1
        else:
            return _appositive(tokens, j)
    a = _np_start(tokens, j)
    if a is None:
        return None
    return a, j + 1


def _appositive(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """"NAME, ROLE," or "ROLE, NAME," ending at `comma`: both parts, as one phrase."""
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and tokens[k].kind != "quote" and comma - k < 16:
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    inner = _np_start(tokens, comma - 1)
    outer = _np_start(tokens, k - 1)
    if inner != k + 1 or outer is None:
        return None
    if not (_looks_like_name_or_role(tokens, outer, k) and _looks_like_name_or_role(tokens, inner, comma)):
        return None
    return outer, comma


def _relative_clause_start(tokens: Sequence[Token], comma: int) -> int | None:
    """Index of the comma opening ", who ... ," that ends at `comma`, if any."""
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and tokens[k].kind != "quote":
        k -= 1
    if k >= 0 and tokens[k].text == "," and k + 1 < comma:
        first = tokens[k + 1]
        if _word(first) in {"who", "which", "whose", "whom"}:
            return k
        if first.text[:1].islower() and _word(first).endswith("ing") and _word(first) not in PARTICIPLES:
            return k  # ", speaking in Rome,"
        if comma == k + 2 and first.text.isdigit():
            return k  # "Sarah Lindqvist, 34, said": an age
    return None


def _np_start(tokens: Sequence[Token], j: int) -> int | None:
    """Walk left from token `j` over noun-phrase material; the first token's index."""
    if j < 0:
        return None
    if _word(tokens[j]) in PRONOUNS and tokens[j].kind == "word":
        return j
    start = None
    k = j
    while k >= 0:
        tok = tokens[k]
        w = _word(tok)
        if tok.kind == "quote":
            break
        if tok.kind == "punct":
            if tok.text == "." and k > 0 and (_word(tokens[k - 1]) in ABBREVIATIONS or len(tokens[k - 1].text) == 1):
                k -= 1
                continue
            if tok.text in "-–" and start is not None:
                k -= 1
                continue
            break
        if w in BREAK_WORDS or w in PRONOUNS or (w in TIME_WORDS and tok.text[:1].isupper() and w not in {"last", "this", "next", "on"}):
            break
        if w == "and" and not (k > 0 and tokens[k - 1].text[:1].isupper() and start is not None and tokens[start].text[:1].isupper()):
            break
        if _is_verbish(tokens, k) or (w.endswith("ing") and tok.text[:1].islower() and w not in {"king", "thing"}):
            break
        if w in {"to", "in", "at", "on", "from", "by", "about", "against", "into", "over", "under"} and start is not None:
            # prepositions belong to the phrase only inside it ("head of mission to Libya")
            if not (k > 0 and tokens[k - 1].kind == "word" and _word(tokens[k - 1]) not in BREAK_WORDS and not _is_verbish(tokens, k - 1)):
                break
        start = k
        if w in DETERMINERS:
            # "a spokesman for the governor": the phrase goes on before "for the"
            if not (k >= 2 and _word(tokens[k - 1]) in NP_PREPOSITIONS and tokens[k - 2].kind == "word"):
                break
        k -= 1
    if start is None:
        return None
    # a phrase cannot begin with a preposition or a conjunction
    while start <= j and _word(tokens[start]) in NP_PREPOSITIONS | {"to", "in", "at", "on", "from", "by", "and", "but", "so"}:
        start += 1
    return start if start <= j else None


def _looks_like_name_or_role(tokens: Sequence[Token], a: int, b: int) -> bool:
    """An appositive partner: a capitalised name, a determiner phrase, or a bare role
    ("chief executive of Kwena Gold")."""
    if a >= b:
        return False
    first = tokens[a]
    if first.text[:1].isupper() or _word(first) in {"the", "a", "an"}:
        return True
    return role_of(" ".join(t.text for t in tokens[a:b])) is not None


def np_after(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Token range [i, b) of a noun phrase starting at token `i` ("said Salame")."""
    if i >= len(tokens) or tokens[i].kind != "word":
        return None
    if _word(tokens[i]) in PRONOUNS:
        return i, i + 1
    b = i
    while b < len(tokens):
        tok = tokens[b]
        w = _word(tok)
        if tok.kind == "quote":
            break
        if tok.kind == "punct":
            if tok.text == "." and b > i and (_word(tokens[b - 1]) in ABBREVIATIONS or len(tokens[b - 1].text) == 1) and b + 1 < len(tokens):
                b += 1
                continue
            if tok.text in "-–" and b > i:
                b += 1
                continue
            break
        if b > i and (w in BREAK_WORDS or w in {"to", "in", "at", "on", "from", "by", "after", "before", "during", "about"}):
            break
        if b > i and w in TIME_WORDS and tok.text[:1].isupper():
            break
        if b > i and (_is_verbish(tokens, b) or w == "as"):
            break
        if w == "and" and not (b + 1 < len(tokens) and tokens[b + 1].text[:1].isupper()):
            break
        b += 1
    while b > i and _word(tokens[b - 1]) in NP_PREPOSITIONS | {"and"}:
        b -= 1
    return (i, b) if b > i else None


# ------------------------------------------------------------------ speech acts


def find_acts(text: str, tokens: Sequence[Token]) -> list[Act]:
    """Every speech act in a sentence, with subject and content spans (ends still open)."""
    acts: list[Act] = []
    consumed: set[int] = set()
    i = 0
    while i < len(tokens):
        act = None if i in consumed else _act_at(text, tokens, i, consumed, acts)
        if act is not None:
            acts.append(act)
        i += 1
    _close_contents(acts)
    return acts


def _act_at(text: str, tokens: Sequence[Token], i: int, consumed: set[int], acts: list[Act]) -> Act | None:
    tok = tokens[i]
    w = _word(tok)
    if tok.kind != "word" or (not tok.text[:1].islower() and w != "according"):
        return None
    nxt = _word(tokens[i + 1]) if i + 1 < len(tokens) else ""
    prev = _word(tokens[i - 1]) if i > 0 else ""
    if w == "according" and nxt == "to":
        return _according(text, tokens, i, consumed)
    if w in PARTICIPLES:
        return _participle(text, tokens, i, acts)
    if w in {"puts", "put", "places", "placed"} and nxt == "the" and i + 2 < len(tokens) and _word(tokens[i + 2]) in TALLY_NOUNS:
        return _puts_the_figure(text, tokens, i)
    kind: VerbKind
    if w in BASE_FORMS and w not in SAY_VERBS | TELL_VERBS | REQUEST_VERBS:
        if prev not in MODALS:
            return None
        w = BASE_AS_PAST.get(w, "said")
    if w in SAY_VERBS:
        kind = "say"
    elif w in TELL_VERBS:
        kind = "tell"
    elif w in REQUEST_VERBS or (w in PHRASAL_REQUEST and nxt in PHRASAL_REQUEST[w]):
        kind = "request"
    else:
        return None
    if prev in PASSIVE or prev in DETERMINERS or nxt == "by" or prev in {"not", "never"}:
        return None
    if i + 1 < len(tokens) and tokens[i + 1].kind == "word" and (nxt in SAY_VERBS or nxt in TELL_VERBS):
        return None  # "media reports said": the first is a noun
    cue_end_tok = i + 1 if kind == "request" and w in PHRASAL_REQUEST and nxt in PHRASAL_REQUEST[w] else i
    inverted = _inverted(tokens, i)
    if inverted is not None:
        return inverted
    return _finite(text, tokens, i, cue_end_tok, kind, acts)


TALLY_NOUNS = frozenset("figure number toll total tally count cost".split())


def _puts_the_figure(text: str, tokens: Sequence[Token], i: int) -> Act | None:
    """"Northline puts the figure closer to 35,000": the subject gives the number."""
    np = np_before(tokens, i)
    if np is None:
        return None
    act = Act(
        cue=f"{tokens[i].text} the {tokens[i + 2].text}",
        form="pre",
        kind="request",
        cue_start=tokens[i].start,
        cue_end=tokens[i + 2].end,
        boundary=tokens[np[0]].start,
        subject=(tokens[np[0]].start, tokens[np[1] - 1].end),
    )
    act.content = [(tokens[i].start, len(text))]
    return act


def _cue_text(tokens: Sequence[Token], a: int, b: int) -> str:
    return " ".join(t.text for t in tokens[a : b + 1])


def _according(text: str, tokens: Sequence[Token], i: int, consumed: set[int]) -> Act | None:
    """"..., according to the World Health Organization": the source of the clause before."""
    np = np_after(tokens, i + 2)
    if np is None:
        return None
    a, b = np
    # "according to the latest toll from the World Health Organization"
    while b < len(tokens) and _word(tokens[b]) in {"from", "by", "of"} and b + 1 < len(tokens):
        more = np_after(tokens, b + 1)
        if more is None:
            break
        b = more[1]
    consumed.update(range(i, b))
    clause_initial = all(_word(t) in {"but", "and", "so"} for t in tokens[:i]) and i <= 1
    act = Act(
        cue="according to",
        form="according",
        kind="according",
        cue_start=tokens[i].start,
        cue_end=tokens[i + 1].end,
        boundary=tokens[i - 1].start if i > 0 and tokens[i - 1].text == "," else tokens[i].start,
        subject=(tokens[a].start, tokens[b - 1].end),
    )
    if clause_initial:
        start = tokens[b].end if b < len(tokens) and tokens[b].text == "," else tokens[b - 1].end
        act.content = [(start, len(text))]
    else:
        act.content = [(_clause_start(tokens, i), act.boundary)]
    return act


def _clause_start(tokens: Sequence[Token], i: int) -> int:
    """Start of the clause an "according to" at token `i` closes: after a ';' or sentence start."""
    for k in range(i - 1, -1, -1):
        if tokens[k].text in {";"}:
            return tokens[k].end
    return 0


def _participle(text: str, tokens: Sequence[Token], i: int, acts: list[Act]) -> Act | None:
    """", acknowledging ...", "while insisting that ...", "by saying ..." -- subject is the clause's."""
    w = _word(tokens[i])
    prev = _word(tokens[i - 1]) if i > 0 else ""
    if i == 0 or prev in DETERMINERS or prev in PASSIVE:
        return None
    kind: VerbKind = PARTICIPLES[w]  # type: ignore[assignment]
    cue_end = i
    if w == "calling":
        if i + 1 < len(tokens) and _word(tokens[i + 1]) in {"for", "on"}:
            cue_end = i + 1
        else:
            return None
    if w == "saying" and prev == "as":
        quoted = _quoted_as_saying(tokens, i)
        if quoted is not None:
            return _quoted_act(text, tokens, i, quoted)
    subject = _nearest_subject(tokens, i)
    boundary = i
    while boundary > 0 and (tokens[boundary - 1].text == "," or _word(tokens[boundary - 1]) in {"while", "by", "and", "as", "before", "after", "when"}):
        boundary -= 1
    act = Act(
        cue=_cue_text(tokens, i, cue_end),
        form="participle",
        kind=kind,
        cue_start=tokens[i].start,
        cue_end=tokens[cue_end].end,
        boundary=tokens[boundary].start if boundary < i else tokens[i].start,
        subject=subject,
    )
    act.content = [(_content_start(tokens, i, cue_end, kind), len(text))]
    return act


def _quoted_as_saying(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The quoted person in "X quoted Y as saying" / "Y was quoted as saying"."""
    for k in range(i - 2, max(-1, i - 16), -1):
        if _word(tokens[k]) == "quoted":
            if k + 1 < i - 1:
                return np_after(tokens, k + 1)
            j = k - 1
            if j >= 0 and _word(tokens[j]) in PASSIVE:
                return np_before(tokens, j)
            return None
    return None


def _quoted_act(text: str, tokens: Sequence[Token], i: int, np: tuple[int, int]) -> Act:
    """"France 24 quoted an official as saying ..." -- trailing when it ends the sentence."""
    a, b = np
    start_tok = a
    for k in range(a - 1, -1, -1):
        if _word(tokens[k]) == "quoted":
            reporter = np_before(tokens, k)
            start_tok = reporter[0] if reporter else k
            break
    comma = start_tok - 1 if start_tok > 0 and tokens[start_tok - 1].text == "," else None
    act = Act(
        cue="quoted as saying",
        form="trailing" if comma is not None else "pre",
        kind="say",
        cue_start=tokens[i - 1].start,
        cue_end=tokens[i].end,
        boundary=tokens[comma].start if comma is not None else tokens[start_tok].start,
        subject=(tokens[a].start, tokens[b - 1].end),
    )
    if comma is not None and _rest_is_adjunct(tokens, i + 1):
        act.content = [(0, tokens[comma].start)]
    else:
        act.form = "pre"
        act.content = [(_content_start(tokens, i, i, "say"), len(text))]
    return act


def _inverted(tokens: Sequence[Token], i: int) -> Act | None:
    """"..., said Salame." / ""...," said the official after the meeting."""
    w = _word(tokens[i])
    if w not in INVERTIBLE or i == 0:
        return None
    prev = tokens[i - 1]
    if not (prev.text == "," or prev.kind == "quote"):
        return None
    if prev.text == "," and i >= 2 and tokens[i - 2].kind != "quote" and i + 1 < len(tokens) and _word(tokens[i + 1]) == "that":
        return None
    np = np_after(tokens, i + 1)
    if np is None:
        return None
    a, b = np
    if not _rest_is_adjunct(tokens, b, after_quote=prev.kind == "quote" or (i >= 2 and tokens[i - 2].kind == "quote")):
        return None
    boundary_tok = i - 1 if prev.text == "," else i
    act = Act(
        cue=tokens[i].text,
        form="trailing",
        kind="say",
        cue_start=tokens[i].start,
        cue_end=tokens[i].end,
        boundary=_edge(tokens[boundary_tok]),
        subject=(tokens[a].start, tokens[b - 1].end),
    )
    act.content = _trailing_content(tokens, boundary_tok, b)
    return act


def _edge(tok: Token) -> int:
    """Where an attribution's own words begin: at its comma, or after its quotation."""
    return tok.end if tok.kind == "quote" else tok.start


def _rest_is_adjunct(tokens: Sequence[Token], b: int, after_quote: bool = False) -> bool:
    """Does an attribution end the sentence? Only adjuncts may follow it ("on condition of
    anonymity."), a comma (after which comes an adjunct or a new clause: ", as rescuers
    ...", ", acknowledging ..."), or a new quotation (""..." said X, "...")."""
    words = 0
    for k in range(b, len(tokens)):
        tok = tokens[k]
        if tok.text in {",", ";"}:
            # the attribution is over: what follows is an adjunct or a new clause --
            # unless it is "said, however, that ...", where the reported clause follows
            return not any(_word(t) == "that" for t in tokens[k + 1 : k + 4])
        if tok.kind == "quote":
            return k > 0 and tokens[k - 1].text in {",", ":", ".", "!", "?"}
        if tok.kind == "word":
            words += 1
            w = _word(tok)
            if w in SUBORDINATORS:
                return True  # "... Haftar replied when asked about a truce."
            if w == "that":
                return False
            if _is_verbish(tokens, k) and (not after_quote or w in AUX):
                # "X said the talks failed": a reported clause, not an adjunct. After a
                # quotation a participle is an adjunct ("in an interview published Sunday").
                return False
    return words <= 14


def _trailing_content(tokens: Sequence[Token], boundary_tok: int, after: int) -> list[tuple[int, int]]:
    """What a trailing attribution covers: the sentence before it, and a quotation after it."""
    edge = tokens[boundary_tok]
    content = [(0, edge.end if edge.kind == "quote" else edge.start)]
    for k in range(after, len(tokens)):
        if tokens[k].kind == "quote":
            content.append((tokens[k].start, tokens[-1].end))
            break
    return content


def _finite(text: str, tokens: Sequence[Token], i: int, cue_end: int, kind: VerbKind, acts: list[Act]) -> Act | None:
    """A cue verb after its subject: "Haftar said ...", "..., the official said.", "and called for"."""
    prev = _word(tokens[i - 1]) if i > 0 else ""
    coordinated = prev in {"and", "but"}
    if coordinated:
        subject = _coordinated_subject(tokens, i, acts)
        form: Form = "coordinated"
        boundary = tokens[i - 1].start
    else:
        np = np_before(tokens, i)
        if np is None:
            return None
        subject = (tokens[np[0]].start, tokens[np[1] - 1].end)
        form = "pre"
        boundary = tokens[np[0]].start
        a = np[0]
        before = tokens[a - 1] if a > 0 else None
        # strip a leading conjunction: "But Haftar said"
        if _word(tokens[a]) in {"but", "and", "so", "yet"} and a + 1 < np[1]:
            subject = (tokens[a + 1].start, subject[1])
        if before is not None and (before.text == "," or before.kind == "quote") and _rest_is_adjunct(
            tokens, cue_end + 1, after_quote=before.kind == "quote" or (a >= 2 and tokens[a - 2].kind == "quote")
        ):
            form = "trailing"
            boundary_tok = a - 1
            act = Act(
                cue=_trailing_cue(tokens, i, kind),
                form=form,
                kind=kind,
                cue_start=tokens[i].start,
                cue_end=tokens[cue_end].end,
                boundary=_edge(tokens[boundary_tok]),
                subject=subject,
            )
            act.content = _trailing_content(tokens, boundary_tok, cue_end + 1)
            return act
    if subject is None:
        return None
    act = Act(
        cue=_cue_with_object(tokens, i, cue_end, kind),
        form=form,
        kind=kind,
        cue_start=tokens[i].start,
        cue_end=tokens[cue_end].end,
        boundary=boundary,
        subject=subject,
    )
    act.content = [(_content_start(tokens, i, cue_end, kind), len(text))]
    return act


def _trailing_cue(tokens: Sequence[Token], i: int, kind: VerbKind) -> str:
    """"told the newspaper", "said": a tell verb keeps its hearer."""
    if kind == "tell":
        np = np_after(tokens, i + 1)
        if np is not None:
            return " ".join(t.text for t in tokens[i : np[1]])
    return tokens[i].text


def _cue_with_object(tokens: Sequence[Token], i: int, cue_end: int, kind: VerbKind) -> str:
    if kind == "tell":
        return _trailing_cue(tokens, i, kind)
    return _cue_text(tokens, i, cue_end)


def _coordinated_subject(tokens: Sequence[Token], i: int, acts: list[Act]) -> tuple[int, int] | None:
    """"... warned X and called for Y": the subject of the act it is coordinated with."""
    for act in reversed(acts):
        if act.form in {"pre", "coordinated", "participle"} and act.subject is not None and act.cue_start < tokens[i].start:
            return act.subject
    return _nearest_subject(tokens, i - 1)


def _nearest_subject(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Subject of the nearest finite verb before token `i` (a participle's subject)."""
    for k in range(i - 1, -1, -1):
        if tokens[k].kind == "word" and _is_verbish(tokens, k) and _word(tokens[k]) not in ADVERBS - AUX:
            j = k
            while j > 0 and (_word(tokens[j - 1]) in AUX | ADVERBS) and tokens[j - 1].kind == "word":
                j -= 1
            np = np_before(tokens, j)
            if np is not None:
                a = np[0]
                if _word(tokens[a]) in {"but", "and", "so"} and a + 1 < np[1]:
                    a += 1
                return tokens[a].start, tokens[np[1] - 1].end
            return None
    return None


def _content_start(tokens: Sequence[Token], i: int, cue_end: int, kind: VerbKind) -> int:
    """Where the reported words begin after a cue: after "that", the hearer, time words."""
    if kind == "request":
        return tokens[i].start
    k = cue_end + 1
    # "said on Tuesday that", "told French President Emmanuel Macron on Thursday that"
    for m in range(k, min(len(tokens), k + 14)):
        tok = tokens[m]
        if tok.kind == "quote" or (_is_verbish(tokens, m) and m > k):
            break
        if _word(tok) == "that" and tok.kind == "word":
            return tokens[m + 1].start if m + 1 < len(tokens) else tok.end
        if tok.text == ":":
            return tokens[m + 1].start if m + 1 < len(tokens) else tok.end
    if kind == "tell":
        np = np_after(tokens, k)
        if np is not None:
            k = np[1]
    while k < len(tokens) and (_word(tokens[k]) in TIME_WORDS or tokens[k].text in {",", ":"}):
        k += 1
    return tokens[k].start if k < len(tokens) else tokens[-1].end


def _close_contents(acts: list[Act]) -> None:
    """End each forward-looking act where a sibling act (trailing, participle, coordinated,
    "according to") begins, so "X said A, while acknowledging B, the official said" gives
    A to "said", B to "acknowledging", and all of it to the official."""
    for act in acts:
        if act.form in {"trailing", "according"}:
            continue
        start, end = act.content[0]
        for other in acts:
            if other is act or other.boundary <= act.cue_start:
                continue
            if other.form in {"trailing", "participle", "coordinated", "according"} and other.boundary < end:
                end = max(start, other.boundary)
        act.content = [(start, end)]


# ------------------------------------------------------------------ resolving speakers


@dataclass
class Discourse:
    """Who "he" and an unattributed quotation paragraph refer to: the person last quoted
    or last named as a subject, whichever came later (ties go to the quoted one).

    "it" looks for statements and institutions the same way; people and things are kept
    apart so "he said" after "the ministry said" still finds the last person.
    """

    history: list[tuple[Speaker, int, bool]] = field(default_factory=list)  # (who, sentence, quoted?)

    @property
    def last_quoted(self) -> tuple[Speaker, int] | None:
        for speaker, sentence, quoted in reversed(self.history):
            if quoted:
                return speaker, sentence
        return None

    def pronoun(self, kind: str) -> Speaker | None:
        if kind not in {"person", "thing"}:
            return None
        want = kind == "person"
        candidates = [(s, n, q) for s, n, q in self.history if s.personal == want]
        if not candidates:
            return None
        return max(candidates, key=lambda c: (c[1], c[2]))[0]

    def quoted(self, speaker: Speaker, sentence: int) -> None:
        self.history.append((speaker, sentence, True))
        del self.history[:-20]

    def subject(self, speaker: Speaker, sentence: int) -> None:
        self.history.append((speaker, sentence, False))
        del self.history[:-20]


def clean_label(text: str) -> str:
    """The article's words for an unwatched speaker: one line, determiner in lower case."""
    text = " ".join(text.split()).strip(" ,.;:")
    text = re.sub(r"^(?:But|And|So|Yet)\s+", "", text)
    m = re.match(r"^(The|A|An)\s", text)
    if m:
        text = m.group(1).lower() + text[len(m.group(1)) :]
    return text


def source_name(text: str) -> str:
    """"the latest toll from the World Health Organization" -> "World Health Organization"."""
    words = text.split()
    low = [fold(w).strip(".,") for w in words]
    for k, w in enumerate(low):
        if w in {"from", "by", "of"} and k > 0 and any(x in DOCUMENT_NOUNS for x in low[:k]):
            rest = words[k + 1 :]
            if rest and fold(rest[0]) == "the":
                rest = rest[1:]
            if rest and rest[0][:1].isupper():
                return " ".join(rest)
    if len(words) > 1 and low[0] == "the" and words[1][:1].isupper():
        return " ".join(words[1:])
    return clean_label(text)


def resolve_phrase(
    text: str,
    offset: int,
    mentions: Sequence[Mention],
    resolver: Resolver,
) -> Speaker:
    """The speaker a noun phrase names: a watched person by name, possessive statement or
    tied role; otherwise the phrase itself."""
    parts = [p for p in re.split(r",\s*", text) if p.strip()]
    pos = offset
    for part in parts:
        part_start = text.find(part, pos - offset) + offset
        head_word, head_start, head_end = _head(part, part_start)
        for m in mentions:
            inside = part_start <= m.start and m.end <= part_start + len(part)
            if not inside or m.attributive:
                continue
            if not m.possessive and m.start <= head_start and head_end <= m.end:
                return Speaker(m.person, m.person)  # the name is the head: "Gen. Khalifa Haftar"
            if m.possessive and fold(head_word) in DOCUMENT_NOUNS and 0 <= head_start - m.end <= 4:
                return Speaker(m.person, m.person)  # "Haftar's statement", not "... Haftar's office"
        if re.match(r"(?i)the\s|[\w.-]+['’]s\s", part.strip()):
            person = resolver.person_for_role(part)
            if person is not None:
                return Speaker(person, person)
        pos = part_start + len(part)
    label = clean_label(text)
    return Speaker(None, label, _personal(text))


def _head(part: str, offset: int) -> tuple[str, int, int]:
    """The head word of a phrase part: its last word before any preposition."""
    m = re.search(r"\s(?:of|for|with|to|from|in|at|on|by)\s", part)
    main = part[: m.start()] if m else part
    words = list(re.finditer(r"[^\W_][\w'’.\-]*", main))
    if not words:
        return "", offset, offset
    last = words[-1]
    word = strip_possessive(last.group().rstrip("."))[0]
    return word, offset + last.start(), offset + last.start() + len(word)


def _personal(text: str) -> bool:
    """Could "he" refer to this phrase? People yes; statements, offices, outlets no."""
    head, _, _ = _head(text, 0)
    h = fold(head)
    if h in PERSON_NOUNS:
        return True
    if h in ORG_WORDS or h in DOCUMENT_NOUNS:
        return False
    words = [w.strip(",.") for w in text.split()]
    if any(fold(w) in ORG_WORDS for w in words):
        return False
    if any(fold(w) in PERSON_NOUNS for w in words[:-1]) and words[-1][:1].isupper():
        return True  # "Interior minister Paolo Vitale"
    return len(words) >= 2 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words[-2:])


# ------------------------------------------------------------------ the article pass


def analyse(article: Article, speakers: Watchlist | Iterable[str] | None = None) -> Speech:
    """Read an article sentence by sentence; see the module docstring for the rules."""
    watchlist = Watchlist.of(speakers)
    resolver = Resolver.for_article(article, watchlist)
    discourse = Discourse()
    spans_by_sentence = spans_across(article)
    sentences: list[SentenceSpeech] = []
    quotes: list[Quote] = []
    for index, text in enumerate(article.sentences):
        spans = spans_by_sentence[index]
        tokens = tokenize(text, spans)
        acts = find_acts(text, tokens)
        mentions = find_mentions(text, watchlist)
        outside = [m for m in mentions if not any(s.start <= m.start < s.end for s in spans)]
        sentence = SentenceSpeech(index, text, spans, acts)
        _resolve_acts(sentence, tokens, outside, resolver, discourse)
        quotes += _direct_quotes(article, sentence, discourse, sentences)
        quotes += _indirect_quotes(sentence)
        _update_discourse(sentence, tokens, outside, resolver, discourse)
        resolver.note_mentions(index, mentions)
        sentences.append(sentence)
    quotes += _paragraph_carry(article, sentences)
    quotes.sort(key=lambda q: (q.sentence, q.start))
    return Speech(article, sentences, tuple(quotes))


def extract_quotes(article: Article, speakers: Watchlist | Iterable[str] | None = None) -> tuple[Quote, ...]:
    """Every quote in the article, direct and indirect, with its speaker and cue."""
    return analyse(article, speakers).quotes


def spans_across(article: Article) -> list[list[Span]]:
    """Quotation spans per sentence; a quotation left open continues into the next sentence
    of the same paragraph until a closing mark."""
    out: list[list[Span]] = []
    still_open = False
    for index, text in enumerate(article.sentences):
        spans = find_spans(text)
        same_paragraph = (
            index > 0
            and len(article.paragraphs) == len(article.sentences)
            and article.paragraphs[index] == article.paragraphs[index - 1]
        )
        if still_open and same_paragraph and (not spans or spans[0].opened):
            close = _first_close(text)
            if close is not None and (not spans or close < spans[0].mark_start):
                rest = [_shift(s, close + 1) for s in find_spans(text[close + 1 :])]
                spans = [Span(0, close, opened=False, closed=True, mark_start=0, mark_end=close + 1), *rest]
            elif not spans:
                spans = [Span(0, len(text), opened=False, closed=False, mark_start=0, mark_end=len(text))]
        out.append(spans)
        still_open = bool(spans) and not spans[-1].closed
    return out


def _first_close(text: str) -> int | None:
    """Index of the first closing quotation mark in a sentence that continues a quotation."""
    for k, ch in enumerate(text):
        if ch in "”»" or (ch == '"' and k > 0 and not text[k - 1].isspace()):
            return k
    return None


def _shift(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by, span.opened, span.closed, span.mark_start + by, span.mark_end + by)


def _resolve_acts(
    sentence: SentenceSpeech,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    resolver: Resolver,
    discourse: Discourse,
) -> None:
    """Give each act its speaker: pronoun, "according to" source, or noun phrase."""
    text = sentence.text
    for act in sentence.acts:
        if act.subject is None:
            continue
        a, b = act.subject
        phrase = text[a:b]
        low = fold(phrase.strip())
        if low in PRONOUNS:
            act.speaker = _pronoun(low, phrase, act, sentence, tokens, mentions, resolver, discourse)
        elif act.form == "according":
            speaker = resolve_phrase(phrase, a, mentions, resolver)
            act.speaker = speaker if speaker.person else Speaker(None, source_name(phrase), _personal(phrase))
        else:
            act.speaker = resolve_phrase(phrase, a, mentions, resolver)
    # coordinated and participle acts share their clause's subject; keep them consistent
    for act in sentence.acts:
        if act.speaker is None and act.form in {"coordinated", "participle"}:
            for other in sentence.acts:
                if other.speaker is not None and other.cue_start < act.cue_start:
                    act.speaker = other.speaker


def _pronoun(
    low: str,
    phrase: str,
    act: Act,
    sentence: SentenceSpeech,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    resolver: Resolver,
    discourse: Discourse,
) -> Speaker:
    """Resolve he/she/it: inside the sentence to the subject of an earlier clause
    ("Haftar justified the offensive he launched"), else from the discourse. A
    trailing "..., he said." always looks back past its own sentence."""
    kind = PRONOUNS[low]
    start = act.subject[0] if act.subject else 0
    if act.form != "trailing" and start > 0:
        k = next((n for n, t in enumerate(tokens) if t.start >= start), len(tokens))
        np = _nearest_subject(tokens, k)
        if np is not None and fold(sentence.text[np[0] : np[1]].strip()) not in PRONOUNS:
            speaker = resolve_phrase(sentence.text[np[0] : np[1]], np[0], mentions, resolver)
            if speaker.person or (kind == "person" and speaker.personal):
                return speaker
    found = discourse.pronoun(kind)
    return found if found is not None else Speaker(None, phrase.strip(), kind == "person")


def _direct_quotes(
    article: Article,
    sentence: SentenceSpeech,
    discourse: Discourse,
    previous: Sequence[SentenceSpeech],
) -> list[Quote]:
    """Quotations in the sentence, each given to the innermost act covering it; a
    sentence that is a quotation and nothing else continues the last speaker."""
    out: list[Quote] = []
    text = sentence.text
    for n, span in enumerate(sentence.spans):
        covering = [a for a in sentence.acts if a.speaker is not None and a.covers(span.start, span.end)]
        act = sentence.watched_first(covering)
        speaker: Speaker | None = act.speaker if act is not None else None
        cue = act.cue if act is not None else None
        if speaker is None and not span.opened and previous:
            prev = previous[-1]
            if prev.spans and not prev.spans[-1].closed:
                speaker = prev.quote_speakers.get(len(prev.spans) - 1)
        if speaker is None and _stands_alone(text, span, sentence.acts):
            found = discourse.last_quoted
            speaker = found[0] if found else None
        if speaker is None:
            continue
        sentence.quote_speakers[n] = speaker
        if not span.opened and _emitted_before(previous):
            continue  # the words were emitted with the sentence where the quotation opened
        start_of = _chain_start(previous) if not span.opened and n == 0 else None
        if start_of is not None:
            # "“We will fight." + "We will win,” Haftar said.": one quote, where it opened
            first, k = start_of
            first.quote_speakers[k] = speaker
            words, start, end = _quote_text(article, first.index, first.spans[k])
            out.append(Quote(speaker.name, words, "direct", first.index, cue, start, end))
            continue
        if not text[span.start : span.end].strip():
            continue  # an empty open quotation: its words come with the next sentence
        words, start, end = _quote_text(article, sentence.index, span)
        if not words:
            continue
        out.append(Quote(speaker.name, words, "direct", sentence.index, cue, start, end))
    # a quotation continued from the sentence before takes this sentence's attribution
    if sentence.spans and not sentence.spans[0].opened and previous:
        prev = previous[-1]
        if prev.spans and not prev.spans[-1].closed and 0 in sentence.quote_speakers:
            prev.quote_speakers[len(prev.spans) - 1] = sentence.quote_speakers[0]
    return out


def _chain_start(previous: Sequence[SentenceSpeech]) -> tuple[SentenceSpeech, int] | None:
    """The sentence (and span) where a quotation still open in `previous` began, if its
    opening sentence holds words that were not given to anyone yet."""
    for sentence in reversed(previous):
        if not sentence.spans or sentence.spans[-1].closed:
            return None
        k = len(sentence.spans) - 1
        span = sentence.spans[k]
        if span.opened:
            has_words = bool(sentence.text[span.start : span.end].strip())
            return (sentence, k) if has_words and k not in sentence.quote_speakers else None
        if k in sentence.quote_speakers:
            return None
    return None


def _emitted_before(previous: Sequence[SentenceSpeech]) -> bool:
    """Did the sentence before open a quotation (with words) that this one continues?"""
    if not previous or not previous[-1].spans:
        return False
    last = previous[-1]
    span = last.spans[-1]
    return not span.closed and bool(last.text[span.start : span.end].strip()) and (len(last.spans) - 1) in last.quote_speakers


def _stands_alone(text: str, span: Span, acts: Sequence[Act]) -> bool:
    """A quotation that is (nearly) the whole sentence, outside any act's subject."""
    before = text[: span.mark_start].strip()
    after = text[span.mark_end :].strip(" .,;:!?\"”’")
    return (not before and not after) or (not before and not acts and len(after) < 3)


def _quote_text(article: Article, index: int, span: Span) -> tuple[str, int, int]:
    """The quoted words (joined across sentences while the quotation stays open), and the
    offsets of the part inside sentence `index`, trimmed of edge punctuation."""
    text = article.sentences[index]
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    words = text[start:end]
    nxt = index + 1
    if not span.closed:
        while nxt < len(article.sentences) and (
            len(article.paragraphs) == len(article.sentences) and article.paragraphs[nxt] == article.paragraphs[index]
        ):
            following = article.sentences[nxt]
            close = _first_close(following)
            opened = find_spans(following)
            if opened and (close is None or opened[0].mark_start < close):
                break  # a new quotation, not the rest of this one
            piece = following if close is None else following[:close]
            words = f"{words} {piece.strip().rstrip(',;:')}".strip()
            if close is not None:
                break
            nxt += 1
    return words, start, end


def _indirect_quotes(sentence: SentenceSpeech) -> list[Quote]:
    """Reported speech without quotation marks, one per chain of nested acts: the
    innermost watched speaker's, else the innermost act's."""
    out: list[Quote] = []
    text = sentence.text
    acts = [a for a in sentence.acts if a.speaker is not None]
    for act in acts:
        if any(_overlaps(act, s) for s in sentence.spans):
            continue  # represented by its quotation marks
        person = act.speaker.person if act.speaker else None
        nested = [_person(o) for o in acts if o is not act and act.covers(o.cue_start, o.cue_end)]
        outer = [_person(o) for o in acts if o is not act and o.covers(act.cue_start, act.cue_end)]
        if any(not person or (p is not None and p != person) for p in nested):
            continue  # someone (watched) speaks inside: the inner act is the quote
        if any(p is not None and (not person or p == person) for p in outer):
            continue  # "Ferrante said she had asked ...": the fuller, outer clause is the quote
        for start, end in act.content:
            start, end = _trim(text, start, end)
            words = text[start:end]
            if len(words.split()) < 3 or not _is_clause(act, text, start, end):
                continue
            out.append(Quote(act.speaker.name, words, "indirect", sentence.index, act.cue, start, end))
    return out


def _person(act: Act) -> str | None:
    return act.speaker.person if act.speaker else None


def _is_clause(act: Act, text: str, start: int, end: int) -> bool:
    """Reported speech is a clause: "said the talks failed", not "declared a state of
    emergency". Requests ("called for ...") and attributions at the end carry their own."""
    if act.kind in {"request", "according"} or act.form == "trailing":
        return True
    between = text[act.cue_end : start].rstrip()
    if between.endswith(":") or re.search(r"\bthat$", between):
        return True
    inner = tokenize(text[start:end], [])
    return any(_is_verbish(inner, k) for k in range(len(inner)))


def _overlaps(act: Act, span: Span) -> bool:
    """Does the act's content reach into the quotation (marks included)?"""
    return any(a < span.mark_end and span.mark_start < b for a, b in act.content)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without edge spaces, commas, and the sentence's final period."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def _update_discourse(
    sentence: SentenceSpeech,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    resolver: Resolver,
    discourse: Discourse,
) -> None:
    """After a sentence: who was quoted last, and who was its subject."""
    said = sorted(sentence.quote_speakers.items())
    ordered = sorted(
        [(sentence.spans[n].start, s) for n, s in said]
        + [(a.cue_start, a.speaker) for a in sentence.acts if a.speaker is not None and a.form != "according"],
        key=lambda x: x[0],
    )
    # the innermost watched speaker of the sentence is the one quoted, if any; a thing
    # ("the ministry") is remembered before the last person so both stay findable
    for personal in (False, True):
        group = [s for _, s in ordered if s.personal == personal]
        watched = [s for s in group if s.person]
        if watched or group:
            discourse.quoted((watched or group)[-1], sentence.index)
    subject = _sentence_subject(sentence, tokens, mentions, resolver, discourse)
    if subject is not None:
        discourse.subject(subject, sentence.index)


def _sentence_subject(
    sentence: SentenceSpeech,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    resolver: Resolver,
    discourse: Discourse,
) -> Speaker | None:
    """The subject of the sentence's first finite verb, if it is a person."""
    for k, tok in enumerate(tokens):
        if _is_verbish(tokens, k):
            j = k
            while j > 0 and _word(tokens[j - 1]) in AUX | ADVERBS:
                j -= 1
            np = np_before(tokens, j)
            if np is None:
                return None
            a, b = tokens[np[0]].start, tokens[np[1] - 1].end
            phrase = sentence.text[a:b]
            low = fold(phrase.strip())
            if low in PRONOUNS:
                return discourse.pronoun(PRONOUNS[low])
            speaker = resolve_phrase(phrase, a, mentions, resolver)
            if speaker.person or _personal(phrase):
                return speaker
            return None
    return None


def _paragraph_carry(article: Article, sentences: Sequence[SentenceSpeech]) -> list[Quote]:
    """"A. B, said Salame." -- a trailing attribution that ends a paragraph of reported
    speech covers the paragraph's earlier sentences that have no attribution of their own."""
    out: list[Quote] = []
    if len(article.paragraphs) != len(article.sentences):
        return out
    for index in range(len(sentences) - 1, 0, -1):
        last = sentences[index]
        is_end = index == len(sentences) - 1 or article.paragraphs[index + 1] != article.paragraphs[index]
        trailing = [a for a in last.acts if a.form == "trailing" and a.speaker is not None and a.content[0][0] == 0]
        if not is_end or not trailing or last.spans:
            continue
        speaker = trailing[-1].speaker
        k = index - 1
        while k >= 0 and article.paragraphs[k] == article.paragraphs[index]:
            earlier = sentences[k]
            if earlier.acts or earlier.spans:
                break
            earlier.paragraph_speaker = speaker
            start, end = _trim(earlier.text, 0, len(earlier.text))
            if speaker is not None and len(earlier.text[start:end].split()) >= 3:
                out.append(Quote(speaker.name, earlier.text[start:end], "indirect", k, trailing[-1].cue, start, end))
            k -= 1
    return out
