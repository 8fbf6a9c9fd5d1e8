"""Attribution: which speaker an act's subject names, and who "he" is.

A subject phrase resolves to a watched person only when the person is its head ("Gen.
Khalifa Haftar"), their statement ("Haftar's statement"), or a role the story ties to
them ("the French president"). Anything else keeps the article's own words ("a
spokesman for the governor", "Macron's office"): their words are never a watched
person's.

Pronouns and bare quotation paragraphs carry over from the `Discourse`: the person last
quoted or last named as a subject -- never simply the last name mentioned, which is
often someone the speaker was talking about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from sidebyside.analysis.quotes.phrases import nearest_subject, np_before, opening_subject
from sidebyside.analysis.quotes.speech import Act, Form, SentenceSpeech, Speaker
from sidebyside.analysis.quotes.tokens import Token, is_verbish, word
from sidebyside.analysis.speakers import Mention, Resolver, fold, strip_possessive
from sidebyside.analysis.wordlists import (
    ADVERBS,
    AUX,
    DOCUMENT_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
)

#: Whom a pronoun refers to when a sentence leaves two people it could be: nobody a
#: quote can be given to (`voices` drops "someone").
AMBIGUOUS = Speaker(None, "someone", True)


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


@dataclass(frozen=True)
class SentenceContext:
    """One sentence as attribution reads it: its speech, its tokens, the watched names
    outside its quotations, and the article-wide resolver and discourse they consult."""

    sentence: SentenceSpeech
    tokens: Sequence[Token]
    mentions: Sequence[Mention]
    resolver: Resolver
    discourse: Discourse

    @cached_property
    def token_starts(self) -> list[int]:
        """Where each token starts (tokens come in the order of the text)."""
        return [t.start for t in self.tokens]

    @cached_property
    def mention_starts(self) -> list[int] | None:
        """Where each mention starts, if they come in order (they do: in the order of the text)."""
        starts = [m.start for m in self.mentions]
        return starts if all(a <= b for a, b in pairwise(starts)) else None

    def resolve(self, start: int, end: int) -> Speaker:
        """The speaker the sentence's words at [start, end) name."""
        return resolve_phrase(self.sentence.text[start:end], start, self.mentions, self.resolver, self.mention_starts)


# ------------------------------------------------------------------ phrases to speakers


def clean_label(text: str) -> str:
    """The article's words for an unwatched speaker: one line, determiner in lower case."""
    text = " ".join(text.split()).strip(" ,.;:")
    text = re.sub(r"^(?:But|And|So|Yet)\s+", "", text)
    m = re.match(r"^(The|A|An)\s", text)
    if m:
        text = m.group(1).lower() + text[len(m.group(1)) :]
    return text


def source_name(text: str) -> str:
    """The body a source names: "the latest toll from the World Health Organization" -> "World Health Organization"."""
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
    mention_starts: Sequence[int] | None = None,
) -> Speaker:
    """The speaker a noun phrase names: a watched person by name, possessive statement or
    tied role; otherwise the phrase itself.

    `mention_starts`, where each of `mentions` starts in sorted order, lets a phrase look
    only at the mentions inside it: a sentence may name people a thousand times.
    """
    parts = [p for p in re.split(r",\s*", text) if p.strip()]
    if mention_starts is not None:
        lo = bisect_left(mention_starts, offset)
        in_phrase: Sequence[Mention] = mentions[lo : bisect_left(mention_starts, offset + len(text), lo)]
    else:
        in_phrase = [m for m in mentions if offset <= m.start < offset + len(text)]
    another = _names_another(parts, in_phrase)
    pos = offset
    for part in parts:
        part_start = text.find(part, pos - offset) + offset
        head_word, head_start, head_end = _head(part, part_start)
        near: Sequence[Mention] = mentions
        if mention_starts is not None:  # those starting inside the part, in the same order
            lo = bisect_left(mention_starts, part_start)
            near = mentions[lo : bisect_left(mention_starts, part_start + len(part), lo)]
        for m in near:
            inside = part_start <= m.start and m.end <= part_start + len(part)
            if not inside or m.attributive:
                continue
            if not m.possessive and m.start <= head_start and head_end <= m.end:
                return Speaker(m.person, m.person)  # the name is the head: "Gen. Khalifa Haftar"
            if m.possessive and fold(head_word) in DOCUMENT_NOUNS and 0 <= head_start - m.end <= 4:
                return Speaker(m.person, m.person)  # "Haftar's statement", not "... Haftar's office"
        if re.match(r"(?i)the\s|[\w.-]+['’]s\s", part.strip()) and not another:
            person = resolver.person_for_role(part)
            if person is not None:
                return Speaker(person, person)
        pos = part_start + len(part)
    label = clean_label(text)
    return Speaker(None, label, personal(text))


def _names_another(parts: Sequence[str], mentions: Sequence[Mention]) -> bool:
    """Does the phrase print a name no watched person answers to, beside its role ("City's
    manager, Ana Ruiz")? Then the role is that person's, whoever else holds a role of that
    name in the story. A name is two to four capitalised words, none a role or a body's."""
    if mentions:
        return False
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 4 or fold(words[0]) in ("the", "a", "an"):
            continue
        bare = [w.strip(".,").replace("-", "").replace("'", "").replace("’", "") for w in words]
        if all(w[:1].isupper() and w.isalpha() for w in bare) and not any(
            fold(w) in ORG_WORDS or fold(w) in PERSON_NOUNS for w in bare
        ):
            return True
    return False


def _head(part: str, offset: int) -> tuple[str, int, int]:
    """The head word of a phrase part: its last word before any preposition."""
    m = re.search(r"\s(?:of|for|with|to|from|in|at|on|by)\s", part)
    main = part[: m.start()] if m else part
    words = list(re.finditer(r"[^\W_][\w'’.\-]*", main))
    if not words:
        return "", offset, offset
    last = words[-1]
    head = strip_possessive(last.group().rstrip("."))[0]
    return head, offset + last.start(), offset + last.start() + len(head)


def personal(text: str) -> bool:
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
    return len(words) >= 2 and all(
        w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words[-2:]
    )


# ------------------------------------------------------------------ acts to speakers


def resolve_acts(ctx: SentenceContext) -> None:
    """Give each act its speaker: pronoun, "according to" source, or noun phrase."""
    acts = ctx.sentence.acts
    for act in acts:
        if act.subject is None:
            continue
        a, b = act.subject
        phrase = ctx.sentence.text[a:b]
        low = fold(phrase.strip())
        if low in PRONOUNS:
            act.speaker = _pronoun(ctx, act, low, phrase)
        elif act.form == Form.ACCORDING:
            speaker = ctx.resolve(a, b)
            act.speaker = speaker if speaker.person else Speaker(None, source_name(phrase), personal(phrase))
        else:
            act.speaker = ctx.resolve(a, b)
    # coordinated and participle acts share their clause's subject -- the speaker of the
    # last act before them that has one; keep them consistent
    if all(a.cue_start < b.cue_start for a, b in pairwise(acts)):
        last: Speaker | None = None  # acts come in the order of their cues: one pass will do
        for act in acts:
            if act.speaker is None and act.form in {Form.COORDINATED, Form.PARTICIPLE}:
                act.speaker = last
            if act.speaker is not None:
                last = act.speaker
        return
    for act in acts:
        if act.speaker is None and act.form in {Form.COORDINATED, Form.PARTICIPLE}:
            for other in acts:
                if other.speaker is not None and other.cue_start < act.cue_start:
                    act.speaker = other.speaker


def _pronoun(ctx: SentenceContext, act: Act, low: str, phrase: str) -> Speaker:
    """Resolve he/she/it: inside the sentence to the subject of an earlier clause
    ("Haftar justified the offensive he launched"), else from the discourse. A
    trailing "..., he said." always looks back past its own sentence."""
    kind = PRONOUNS[low]
    start = act.subject[0] if act.subject else 0
    if act.form != Form.TRAILING and start > 0:
        tokens = ctx.tokens
        k = bisect_left(ctx.token_starts, start)  # the first token at or after the subject
        np = nearest_subject(tokens, k)
        if np is not None and fold(ctx.sentence.text[np[0] : np[1]].strip()) not in PRONOUNS:
            speaker = ctx.resolve(*np)
            if speaker.person or (kind == "person" and speaker.personal):
                return speaker
    found = ctx.discourse.pronoun(kind)
    return found if found is not None else Speaker(None, phrase.strip(), kind == "person")


# ------------------------------------------------------------------ carry-over


def update_discourse(ctx: SentenceContext) -> None:
    """After a sentence: who was quoted last, and who was its subject."""
    sentence = ctx.sentence
    subject = _sentence_subject(ctx)
    said = sorted(sentence.quote_speakers.items())
    # "Jan Berg slammed Ana Ruiz, who said ...": two people; the next "he" is neither's for sure
    aside = subject is not None and subject.personal
    ordered = sorted(
        [(sentence.spans[n].start, s) for n, s in said]
        + [
            (a.cue_start, a.speaker)
            for a in sentence.acts
            if a.speaker is not None and a.form != Form.ACCORDING and not (aside and a.relative)
        ],
        key=lambda x: x[0],
    )
    # the innermost watched speaker of the sentence is the one quoted, if any; a thing
    # ("the ministry") is remembered before the last person so both stay findable
    for is_person in (False, True):
        group = [s for _, s in ordered if s.personal == is_person]
        watched = [s for s in group if s.person]
        if watched or group:
            ctx.discourse.quoted((watched or group)[-1], sentence.index)
    if subject is not None:
        ctx.discourse.subject(subject, sentence.index)
    if aside and any(a.relative and a.speaker is not None and a.speaker != subject for a in sentence.acts):
        # "The judge questioned Aalvik, who said ...": the next "he" may be either of them
        ctx.discourse.quoted(AMBIGUOUS, sentence.index)


def _sentence_subject(ctx: SentenceContext) -> Speaker | None:
    """The subject of the sentence's first finite verb, if it is a person. A verb of a
    relative clause set off by commas is not the sentence's: the subject is the phrase the
    clause interrupts ("ALF leader Rui Valente, who marched at the head, struck a defiant
    tone"), when it opens the sentence."""
    tokens = ctx.tokens
    for k in range(len(tokens)):
        if is_verbish(tokens, k):
            j = k
            while j > 0 and word(tokens[j - 1]) in AUX | ADVERBS:
                j -= 1
            if j >= 2 and word(tokens[j - 1]) in RELATIVE_PRONOUNS and tokens[j - 2].text == ",":
                np = opening_subject(tokens, j - 2)
                if np is None:
                    continue
            else:
                np = np_before(tokens, j)
            if np is None:
                return None
            a, b = tokens[np[0]].start, tokens[np[1] - 1].end
            phrase = ctx.sentence.text[a:b]
            low = fold(phrase.strip())
            if low in PRONOUNS:
                return ctx.discourse.pronoun(PRONOUNS[low])
            speaker = ctx.resolve(a, b)
            if speaker.person or personal(phrase):
                return speaker
            return None
    return None
