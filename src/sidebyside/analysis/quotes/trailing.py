"""Trailing attributions: "..., said Salame.", "“...,” the official said on Sunday."

An attribution after its words covers the sentence before it, but only if it ends the
sentence: adjuncts may follow ("on condition of anonymity", "when asked about a
truce"), a reported clause may not ("..., Haftar said the talks failed" reports the
talks, not the words before the comma). These checks are shared by every cue shape
that can trail: inverted verbs, subject-first verbs, and "quoted ... as saying".
"""

from __future__ import annotations

from collections.abc import Sequence

from sidebyside.analysis.quotes.phrases import np_after, np_before
from sidebyside.analysis.quotes.speech import Act, CueKind, Form
from sidebyside.analysis.quotes.tokens import Token, is_verbish, next_quote, word
from sidebyside.analysis.wordlists import AUX, INVERTIBLE, PRONOUNS, SUBORDINATORS

#: Words that may stand between "said," and the "that" of its reported clause ("said,
#: however, that ...").
CONNECTIVES = frozenset(
    "however though moreover furthermore nevertheless nonetheless also meanwhile again too still instead "
    "therefore thus indeed then".split()
)
#: Words that open a count, not a speaker, after an inverted cue ("said more than 600 ...").
COMPARATIVES = frozenset({"more", "less", "fewer"})


def inverted_act(tokens: Sequence[Token], i: int) -> Act | None:
    """An inverted cue after its words: "..., said Salame.", or "said the official" after a quotation."""
    w = word(tokens[i])
    if w not in INVERTIBLE or i == 0:
        return None
    prev = tokens[i - 1]
    if not (prev.text == "," or prev.kind == "quote"):
        return None
    if (
        prev.text == ","
        and i >= 2
        and tokens[i - 2].kind != "quote"
        and i + 1 < len(tokens)
        and word(tokens[i + 1]) == "that"
    ):
        return None
    if prev.text == "," and _opens_with_its_subject(tokens, i):
        return None  # "Katrin Dascu, who leads the service, said police ...": she said it
    np = np_after(tokens, i + 1)
    if np is None:
        return None
    a, b = np
    if word(tokens[a]) in COMPARATIVES or (b < len(tokens) and word(tokens[b]) == "than"):
        return None  # "..., said more than 600 rescuers were working": a count, nobody speaking
    b = _with_appositive_name(tokens, b)
    if word(tokens[a]) in PRONOUNS and b < len(tokens) and tokens[b].kind == "word":
        # "said he." ends its clause; in "X, 63, who ..., said she spent two hours" the
        # pronoun is the subject of a reported clause, and X the speaker.
        return None
    if not rest_is_adjunct(tokens, b, after_quote=prev.kind == "quote" or (i >= 2 and tokens[i - 2].kind == "quote")):
        return None
    boundary_tok = i - 1 if prev.text == "," else i
    act = Act(
        cue=tokens[i].text,
        form=Form.TRAILING,
        kind=CueKind.SAY,
        cue_start=tokens[i].start,
        cue_end=tokens[i].end,
        boundary=edge(tokens[boundary_tok]),
        subject=(tokens[a].start, tokens[b - 1].end),
    )
    act.content = trailing_content(tokens, boundary_tok, b)
    return act


def _opens_with_its_subject(tokens: Sequence[Token], i: int) -> bool:
    """Is everything before the cue at `i` its subject, set off by commas ("Tobias Ekdahl,
    a researcher who spotted the data, said ...")? Then the cue is no inverted one: a
    trailing "..., said X" follows a clause, not a bare subject."""
    np = np_before(tokens, i)
    return np is not None and np[0] == 0


def _with_appositive_name(tokens: Sequence[Token], b: int) -> int:
    """Where an inverted cue's subject ends once a name in apposition is taken in:
    "said City's manager, Ana Ruiz." names Ana Ruiz, not whoever else manages a club in
    the story. The name (two to four capitalised words) must end the sentence."""
    if b >= len(tokens) or tokens[b].text != ",":
        return b
    k = b + 1
    while k < len(tokens) and tokens[k].kind == "word" and tokens[k].text[:1].isupper():
        k += 1
    ends = k == len(tokens) or (tokens[k].text in {".", "!", "?"} and k == len(tokens) - 1)
    return k if 2 <= k - b - 1 <= 4 and ends else b


def edge(tok: Token) -> int:
    """Where an attribution's own words begin: at its comma, or after its quotation."""
    return tok.end if tok.kind == "quote" else tok.start


def rest_is_adjunct(tokens: Sequence[Token], b: int, after_quote: bool = False) -> bool:
    """Does an attribution end the sentence? Only adjuncts may follow it ("on condition of
    anonymity."), a comma (after which comes an adjunct or a new clause: ", as rescuers
    ...", ", acknowledging ..."), or a new quotation (""..." said X, "...")."""
    words = 0
    for k in range(b, len(tokens)):
        tok = tokens[k]
        if tok.text in {",", ";"}:
            # the attribution is over: what follows is an adjunct or a new clause --
            # unless it is "said, however, that ...", where the reported clause follows.
            # ", adding that ..." and ", who added that ..." are new acts of the speaker,
            # and in ", during that meeting" or ", in words that ..." "that" is no conjunction
            rest = tokens[k + 1 : k + 4]
            cut = next((n for n, t in enumerate(rest) if word(t) == "that"), None)
            return cut is None or not all(t.kind == "punct" or word(t) in CONNECTIVES for t in rest[:cut])
        if tok.kind == "quote":
            return k > 0 and tokens[k - 1].text in {",", ":", ".", "!", "?"}
        if tok.kind == "word":
            words += 1
            w = word(tok)
            if w in SUBORDINATORS:
                return True  # "... Haftar replied when asked about a truce."
            if w == "that":
                return False
            if is_verbish(tokens, k) and (not after_quote or w in AUX):
                # "X said the talks failed": a reported clause, not an adjunct. After a
                # quotation a participle is an adjunct ("in an interview published Sunday").
                return False
    return words <= 14


def trailing_content(tokens: Sequence[Token], boundary_tok: int, after: int) -> list[tuple[int, int]]:
    """What a trailing attribution covers: the sentence before it, and a quotation after it."""
    edge = tokens[boundary_tok]
    content = [(0, edge.end if edge.kind == "quote" else edge.start)]
    k = next_quote(tokens, after)
    if k is not None:
        content.append((tokens[k].start, tokens[-1].end))
    return content


def trailing_cue(tokens: Sequence[Token], i: int, kind: CueKind) -> str:
    """The cue as printed: "said"; a tell verb keeps its hearer, "told the newspaper"."""
    if kind == CueKind.TELL:
        np = np_after(tokens, i + 1)
        if np is not None:
            return " ".join(t.text for t in tokens[i : np[1]])
    return tokens[i].text
