"""Speech cues: the verbs and phrases that attribute words, each read into an `Act`.

Every cue token of a sentence is tried in turn. Its shape decides the act's form:

* before its words, after its subject: "Haftar said ...", "Salame called for ..." (`Form.PRE`);
* after its words: "..., said Salame.", "..., the official said on condition of anonymity."
  (`Form.TRAILING`: only adjuncts may follow, else it is a reported clause; see `trailing`);
* a participle: "..., acknowledging ..." (`Form.PARTICIPLE`), the subject is the clause's;
* joined to an earlier cue: "... and called for ..." (`Form.COORDINATED`);
* a source: "..., according to the World Health Organization" (`Form.ACCORDING`).

An act's content runs to the end of the sentence until `_close_contents` cuts it where a
sibling act begins. Who the subject is, is left to `attribution`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from sidebyside.analysis.quotes.phrases import nearest_subject, np_after, np_before, who_said_subject
from sidebyside.analysis.quotes.speech import Act, CueKind, Form
from sidebyside.analysis.quotes.tokens import Token, is_verbish, last_semicolon, word
from sidebyside.analysis.quotes.trailing import edge, inverted_act, rest_is_adjunct, trailing_content, trailing_cue
from sidebyside.analysis.wordlists import (
    BASE_AS_PAST,
    BASE_FORMS,
    DETERMINERS,
    FIGURE_VERBS,
    MODALS,
    NOUN_MODIFIERS,
    PARTICIPLES,
    PASSIVE,
    PHRASAL_REQUEST,
    REQUEST_VERBS,
    SAY_VERBS,
    TALLY_NOUNS,
    TELL_VERBS,
    TIME_WORDS,
)

#: Forms whose act begins a new stretch of words, ending any act before it.
_SIBLING_FORMS = frozenset({Form.TRAILING, Form.PARTICIPLE, Form.COORDINATED, Form.ACCORDING})


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
    """The act whose cue is token `i`, if it is a cue in a shape we read; `acts` are the
    sentence's acts so far (a coordinated or participle cue borrows their subject)."""
    tok = tokens[i]
    w = word(tok)
    if tok.kind != "word" or (not tok.text[:1].islower() and w != "according"):
        return None
    nxt = word(tokens[i + 1]) if i + 1 < len(tokens) else ""
    prev = word(tokens[i - 1]) if i > 0 else ""
    if w == "according" and nxt == "to":
        return _according(text, tokens, i, consumed)
    if w in PARTICIPLES:
        return _participle(text, tokens, i, acts)
    if w in FIGURE_VERBS and nxt == "the" and i + 2 < len(tokens) and word(tokens[i + 2]) in TALLY_NOUNS:
        return _puts_the_figure(text, tokens, i)
    kind: CueKind
    if w in BASE_FORMS and prev in NOUN_MODIFIERS:
        return None  # "the first estimate, and that ...": a noun, not a cue
    if w in BASE_FORMS and w not in SAY_VERBS | TELL_VERBS | REQUEST_VERBS:
        if prev not in MODALS:
            return None
        w = BASE_AS_PAST.get(w, "said")
    if w in SAY_VERBS:
        kind = CueKind.SAY
    elif w in TELL_VERBS:
        kind = CueKind.TELL
    elif w in REQUEST_VERBS or (w in PHRASAL_REQUEST and nxt in PHRASAL_REQUEST[w]):
        kind = CueKind.REQUEST
    elif w in GO_ON and nxt == "on" and _right_after_a_quotation(tokens, i):
        kind = CueKind.SAY  # "“The bottom line is …,” he went on."
    else:
        return None
    if prev in PASSIVE or prev in DETERMINERS or nxt == "by" or prev in {"not", "never"}:
        return None
    if i + 1 < len(tokens) and tokens[i + 1].kind == "word" and (nxt in SAY_VERBS or nxt in TELL_VERBS):
        return None  # "media reports said": the first is a noun
    phrasal = (kind == CueKind.REQUEST and w in PHRASAL_REQUEST and nxt in PHRASAL_REQUEST[w]) or w in GO_ON
    cue_end_tok = i + 1 if phrasal else i
    inverted = inverted_act(tokens, i)
    if inverted is not None:
        return inverted
    return _finite(text, tokens, i, cue_end_tok, kind, acts)


#: "went on" after a quotation reports more of it ("..." he went on.), like "continued".
GO_ON = frozenset({"went", "goes"})


def _right_after_a_quotation(tokens: Sequence[Token], i: int) -> bool:
    """Does the subject of the verb at `i` follow a quotation directly ("“…,” he went on")?"""
    np = np_before(tokens, i)
    return np is not None and np[0] > 0 and tokens[np[0] - 1].kind == "quote"


def _puts_the_figure(text: str, tokens: Sequence[Token], i: int) -> Act | None:
    """A figure cue, "Northline puts the figure closer to 35,000": the subject gives the number."""
    np = np_before(tokens, i)
    if np is None:
        return None
    act = Act(
        cue=f"{tokens[i].text} the {tokens[i + 2].text}",
        form=Form.PRE,
        kind=CueKind.REQUEST,
        cue_start=tokens[i].start,
        cue_end=tokens[i + 2].end,
        boundary=tokens[np[0]].start,
        subject=(tokens[np[0]].start, tokens[np[1] - 1].end),
    )
    act.content = [(tokens[i].start, len(text))]
    return act


def _cue_text(tokens: Sequence[Token], a: int, b: int) -> str:
    """The cue as printed, tokens `a` to `b` inclusive ("called for")."""
    return " ".join(t.text for t in tokens[a : b + 1])


def _according(text: str, tokens: Sequence[Token], i: int, consumed: set[int]) -> Act | None:
    """A source, "..., according to the World Health Organization", for the clause before it."""
    np = np_after(tokens, i + 2)
    if np is None:
        return None
    a, b = np
    # "according to the latest toll from the World Health Organization"
    while b < len(tokens) and word(tokens[b]) in {"from", "by", "of"} and b + 1 < len(tokens):
        more = np_after(tokens, b + 1)
        if more is None:
            break
        b = more[1]
    consumed.update(range(i, b))
    clause_initial = i <= 1 and all(word(t) in {"but", "and", "so"} for t in tokens[:i])
    fragment = None if clause_initial else _fragment_comma(tokens, i)
    if fragment is not None:
        boundary = tokens[fragment].start  # the words before the fragment are someone else's
    else:
        boundary = tokens[i - 1].start if i > 0 and tokens[i - 1].text == "," else tokens[i].start
    act = Act(
        cue="according to",
        form=Form.ACCORDING,
        kind=CueKind.ACCORDING,
        cue_start=tokens[i].start,
        cue_end=tokens[i + 1].end,
        boundary=boundary,
        subject=(tokens[a].start, tokens[b - 1].end),
    )
    if clause_initial:
        start = tokens[b].end if b < len(tokens) and tokens[b].text == "," else tokens[b - 1].end
        act.content = [(start, len(text))]
    elif fragment is not None:
        act.content = [(tokens[fragment].end, tokens[i].start)]
    else:
        act.content = [(_clause_start(tokens, i), act.boundary)]
    return act


#: The most words between a comma and "according to" that the source covers alone.
FRAGMENT_WORDS = 4


def _fragment_comma(tokens: Sequence[Token], i: int) -> int | None:
    """The comma before a short fragment the source at token `i` vouches for: in "...
    250,000 people had taken part, 62,000 according to police", the police give the 62,000,
    not the sentence before, which is Valente's (a comma between digits is a number's)."""
    if i == 0 or tokens[i - 1].text == ",":
        return None
    k = i - 1
    while k >= 0 and i - k <= FRAGMENT_WORDS + 2:
        if tokens[k].text == "," and not (
            0 < k < len(tokens) - 1 and tokens[k - 1].text.isdigit() and tokens[k + 1].text.isdigit()
        ):
            return k
        k -= 1
    return None


def _clause_start(tokens: Sequence[Token], i: int) -> int:
    """Start of the clause an "according to" at token `i` closes: after a ';' or sentence start."""
    k = last_semicolon(tokens, i)
    return tokens[k].end if k is not None else 0


def _participle(text: str, tokens: Sequence[Token], i: int, acts: list[Act]) -> Act | None:
    """A participle cue (", acknowledging ...", "while insisting that ...", "by saying ..."):
    its subject is the clause's, or after a comma the speaker's of the act before it."""
    w = word(tokens[i])
    prev = word(tokens[i - 1]) if i > 0 else ""
    if i == 0 or prev in DETERMINERS or prev in PASSIVE or _in_gerund_list(tokens, i):
        return None
    kind = CueKind(PARTICIPLES[w])
    cue_end = i
    if w == "calling":
        if i + 1 < len(tokens) and word(tokens[i + 1]) in {"for", "on"}:
            cue_end = i + 1
        else:
            return None
    if w == "saying" and prev == "as":
        quoted = _quoted_as_saying(tokens, i)
        if quoted is not None:
            return _quoted_act(text, tokens, i, quoted)
    # "Sarmento said the bill would not be withdrawn, arguing that ...": the speaker goes on
    # arguing, not the subject of the words she reported ("the bill")
    speaking = [a for a in acts if a.form in {Form.PRE, Form.COORDINATED} and a.cue_start < tokens[i].start]
    subject = speaking[-1].subject if speaking and tokens[i - 1].text == "," else nearest_subject(tokens, i)
    boundary = i
    while boundary > 0 and (
        tokens[boundary - 1].text == ","
        or word(tokens[boundary - 1]) in {"while", "by", "and", "as", "before", "after", "when"}
    ):
        boundary -= 1
    act = Act(
        cue=_cue_text(tokens, i, cue_end),
        form=Form.PARTICIPLE,
        kind=kind,
        cue_start=tokens[i].start,
        cue_end=tokens[cue_end].end,
        boundary=tokens[boundary].start if boundary < i else tokens[i].start,
        subject=subject,
    )
    act.content = [(_content_start(tokens, i, cue_end, kind), len(text))]
    return act


#: Marks after which "the ministry said." closes the sentence it attributes: a comma, or
#: a dash ("... ― the Department of Justice said.").
TRAILING_MARKS = frozenset(",―—–")
#: Marks that close a list item (and open the next).
LIST_BREAKS = frozenset(",;:―—–")


def _in_gerund_list(tokens: Sequence[Token], i: int) -> bool:
    """Is the participle at `i` one item of a list of -ing nouns ("charged with ...,
    making threats against former presidents, threatening interstate communications, and
    assaulting federal officers")? Then it names a charge or an activity, not speech: the
    item before it opens with an -ing word that reports no speech, or the item after it
    does, joined by "and" or "or". A chain of speech participles ("adding that ..., and
    warning that ...") is no such list, nor is ", claiming that ..., insinuating ..."."""
    if i < 2 or tokens[i - 1].text != ",":
        return False

    def gerund(k: int) -> bool:
        return 0 <= k < len(tokens) and word(tokens[k]).endswith("ing") and word(tokens[k]) not in PARTICIPLES

    k = i - 2  # back to the start of the item before
    while k >= 0 and tokens[k].text not in LIST_BREAKS:
        k -= 1
    if gerund(k + 1) and k + 1 < i - 1:
        return True
    k = i + 1  # on to the start of the item after
    while k < len(tokens) and tokens[k].text not in LIST_BREAKS:
        k += 1
    k += 1
    return k + 1 < len(tokens) and word(tokens[k]) in ("and", "or") and gerund(k + 1)


def _quoted_as_saying(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The quoted person in "X quoted Y as saying" / "Y was quoted as saying"."""
    for k in range(i - 2, max(-1, i - 16), -1):
        if word(tokens[k]) == "quoted":
            if k + 1 < i - 1:
                return np_after(tokens, k + 1)
            j = k - 1
            if j >= 0 and word(tokens[j]) in PASSIVE:
                return np_before(tokens, j)
            return None
    return None


def _quoted_act(text: str, tokens: Sequence[Token], i: int, np: tuple[int, int]) -> Act:
    """A quoted cue, "France 24 quoted an official as saying ...": trailing when it ends the sentence."""
    a, b = np
    start_tok = a
    for k in range(a - 1, -1, -1):
        if word(tokens[k]) == "quoted":
            reporter = np_before(tokens, k)
            start_tok = reporter[0] if reporter else k
            break
    comma = start_tok - 1 if start_tok > 0 and tokens[start_tok - 1].text == "," else None
    act = Act(
        cue="quoted as saying",
        form=Form.TRAILING if comma is not None else Form.PRE,
        kind=CueKind.SAY,
        cue_start=tokens[i - 1].start,
        cue_end=tokens[i].end,
        boundary=tokens[comma].start if comma is not None else tokens[start_tok].start,
        subject=(tokens[a].start, tokens[b - 1].end),
    )
    if comma is not None and rest_is_adjunct(tokens, i + 1):
        act.content = [(0, tokens[comma].start)]
    else:
        act.form = Form.PRE
        act.content = [(_content_start(tokens, i, i, CueKind.SAY), len(text))]
    return act


def _finite(text: str, tokens: Sequence[Token], i: int, cue_end: int, kind: CueKind, acts: list[Act]) -> Act | None:
    """A cue verb after its subject: "Haftar said ...", "..., the official said.", "and called for"."""
    prev = word(tokens[i - 1]) if i > 0 else ""
    coordinated = prev in {"and", "but"}
    relative: tuple[int, int] | None = None  # the subject of a ", who said" clause
    if coordinated:
        subject = _coordinated_subject(tokens, i, acts)
        form = Form.COORDINATED
        boundary = tokens[i - 1].start
    else:
        relative = who_said_subject(tokens, i)
        np = relative or np_before(tokens, i)
        if np is None:
            return None
        subject = (tokens[np[0]].start, tokens[np[1] - 1].end)
        form = Form.PRE
        boundary = tokens[np[0]].start
        a = np[0]
        before = tokens[a - 1] if a > 0 else None
        # strip a leading conjunction: "But Haftar said"
        if word(tokens[a]) in {"but", "and", "so", "yet"} and a + 1 < np[1]:
            subject = (tokens[a + 1].start, subject[1])
        if (
            before is not None
            and (before.text in TRAILING_MARKS or before.kind == "quote")
            and rest_is_adjunct(
                tokens, cue_end + 1, after_quote=before.kind == "quote" or (a >= 2 and tokens[a - 2].kind == "quote")
            )
        ):
            form = Form.TRAILING
            boundary_tok = a - 1
            act = Act(
                cue=trailing_cue(tokens, i, kind) if cue_end == i else _cue_text(tokens, i, cue_end),
                form=form,
                kind=kind,
                cue_start=tokens[i].start,
                cue_end=tokens[cue_end].end,
                boundary=edge(tokens[boundary_tok]),
                subject=subject,
            )
            act.content = trailing_content(tokens, boundary_tok, cue_end + 1)
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
        relative=relative is not None,
    )
    act.content = [(_content_start(tokens, i, cue_end, kind), len(text))]
    return act


def _cue_with_object(tokens: Sequence[Token], i: int, cue_end: int, kind: CueKind) -> str:
    """The cue of a subject-first act: with its hearer for a tell verb ("told Macron")."""
    if kind == CueKind.TELL:
        return trailing_cue(tokens, i, kind)
    return _cue_text(tokens, i, cue_end)


def _coordinated_subject(tokens: Sequence[Token], i: int, acts: list[Act]) -> tuple[int, int] | None:
    """The subject of the act a coordinated cue joins ("... warned X and called for Y")."""
    for act in reversed(acts):
        if (
            act.form in {Form.PRE, Form.COORDINATED, Form.PARTICIPLE}
            and act.subject is not None
            and act.cue_start < tokens[i].start
        ):
            return act.subject
    return nearest_subject(tokens, i - 1)


def _content_start(tokens: Sequence[Token], i: int, cue_end: int, kind: CueKind) -> int:
    """Where the reported words begin after a cue: after "that", the hearer, time words."""
    if kind == CueKind.REQUEST:
        return tokens[i].start
    k = cue_end + 1
    # "said on Tuesday that", "told French President Emmanuel Macron on Thursday that"
    for m in range(k, min(len(tokens), k + 14)):
        tok = tokens[m]
        if tok.kind == "quote" or (is_verbish(tokens, m) and m > k):
            break
        if word(tok) == "that" and tok.kind == "word":
            return tokens[m + 1].start if m + 1 < len(tokens) else tok.end
        if tok.text == ":":
            return tokens[m + 1].start if m + 1 < len(tokens) else tok.end
    if kind == CueKind.TELL:
        np = np_after(tokens, k)
        if np is not None:
            k = np[1]
    while k < len(tokens) and (word(tokens[k]) in TIME_WORDS or tokens[k].text in {",", ":"}):
        k += 1
    return tokens[k].start if k < len(tokens) else tokens[-1].end


def _close_contents(acts: list[Act]) -> None:
    """End each forward-looking act where a sibling act (trailing, participle, coordinated,
    "according to") begins, so "X said A, while acknowledging B, the official said" gives
    A to "said", B to "acknowledging", and all of it to the official."""
    siblings = [a for a in acts if a.form in _SIBLING_FORMS]
    if any(a.boundary > a.cue_start for a in siblings):
        for act in acts:  # an act could end its own words: compare each pair (never seen)
            if act.form in {Form.TRAILING, Form.ACCORDING}:
                continue
            start, end = act.content[0]
            for other in acts:
                if other is act or other.boundary <= act.cue_start:
                    continue
                if other.form in _SIBLING_FORMS and other.boundary < end:
                    end = max(start, other.boundary)
            act.content = [(start, end)]
        return
    # Each act ends at the nearest sibling boundary after its cue: found by bisection, so a
    # sentence of a thousand acts does not compare every pair.
    boundaries = sorted(a.boundary for a in siblings)
    for act in acts:
        if act.form in {Form.TRAILING, Form.ACCORDING}:
            continue
        start, end = act.content[0]
        k = bisect_right(boundaries, act.cue_start)
        if k < len(boundaries) and boundaries[k] < end:
            end = max(start, boundaries[k])
        act.content = [(start, end)]
