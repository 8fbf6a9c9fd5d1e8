"""Noun phrases: the subject before a cue, the name after an inverted one.

Without a tagger, a phrase is found by walking over tokens until something that cannot
be inside it: a verb, a clause word, a comma that is not an appositive's. The walk takes
in what news copy puts around a name ("Ghassan Salame, the UN envoy, told"; "Haftar,
who is visiting Paris, said"; "a spokesman for the governor said") so the whole phrase
reaches attribution, which decides whom it names.
"""

from __future__ import annotations

from collections.abc import Sequence

from sidebyside.analysis.quotes.tokens import Token, is_verbish, word
from sidebyside.analysis.speakers import role_of
from sidebyside.analysis.wordlists import (
    ABBREVIATIONS,
    ADVERBS,
    AFTER_NP_BREAKS,
    AUX,
    BREAK_WORDS,
    DETERMINERS,
    INNER_PREPOSITIONS,
    NOT_PHRASE_INITIAL,
    NP_PREPOSITIONS,
    PARTICIPLES,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    TIME_WORDS,
)


def np_before(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Token range [a, b) of the subject noun phrase ending just before token `i`.

    Skips auxiliaries and adverbs of the verb group and a relative clause in commas
    ("Haftar, who is visiting Paris, said"), and takes in an appositive closed by a
    comma ("Ghassan Salame, the UN envoy, told"; "the UN envoy, Ghassan Salame, said"),
    before such a clause too.
    """
    j = _before_verb_group(tokens, i)
    if j >= 0 and tokens[j].text == ",":
        k = _relative_clause_start(tokens, j)
        if k is None:
            return _appositive(tokens, j)
        while (inner := _relative_clause_start(tokens, k)) is not None:
            k = inner  # "Maria Lemou, 63, who was travelling ..., said": an age, then a clause
        if (both := _appositive(tokens, k)) is not None:
            return both  # "Rui Valente, the head of the federation, which called the march, said"
        j = k - 1
    a = _np_start(tokens, j)
    if a is None:
        return None
    return a, j + 1


def _before_verb_group(tokens: Sequence[Token], i: int) -> int:
    """The token before the auxiliaries and adverbs that lead up to the verb at `i`."""
    j = i - 1
    while j >= 0 and word(tokens[j]) in ADVERBS | AUX and tokens[j].kind == "word":
        j -= 1
    return j


def opening_subject(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """The noun phrase before `comma` when it opens the sentence: the subject a relative
    clause after it interrupts ("ALF leader Rui Valente, who marched at the head, struck ...").
    Not a clause that ends in its object ("Jan Berg hit back at Ana Ruiz, who ...")."""
    a = _np_start(tokens, comma - 1)
    if a != 0 or any(is_verbish(tokens, k) or word(tokens[k]) in INNER_PREPOSITIONS for k in range(comma)):
        return None
    return a, comma


def who_said_subject(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The subject of the cue at token `i` when it opens a ", who said" clause (`_antecedent`).

    Only a clause with no comma after its cue: it then runs to the end of the sentence. In
    "The court fined Aalvik, who said he would appeal, 40,000 euros" the sentence goes on
    after the clause, at a comma no rule here tells from one inside the reported words."""
    j = _before_verb_group(tokens, i)
    if j < 1 or tokens[j].kind != "word" or word(tokens[j]) != "who" or tokens[j - 1].text != ",":
        return None
    if any(t.text in {",", ";"} for t in tokens[i + 1 :]):
        return None
    return _antecedent(tokens, j - 1)


def _antecedent(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """Token range of the person a non-restrictive ", who said" clause opening at `comma`
    is about ("aimed at Henrik Aalvik, who said"): the phrase before the comma, read back
    over an age and roles set off by commas. Like a subject's appositive, the phrase keeps
    its first two parts ("the chief executive, Henrik Aalvik") but no age ("Marit Holm,
    67, a retired teacher from Bergvik, who said" is Marit Holm's). Without it, a
    pronoun after her words would go to the last person quoted.
    """
    commas = [comma]  # the commas between the phrase's parts, last first
    while True:
        k = commas[-1]
        prev = k - 1
        while prev >= 0 and tokens[prev].text != "," and tokens[prev].kind != "quote" and k - prev < APPOSITIVE_WORDS:
            prev -= 1
        if prev < 1 or tokens[prev].text != ",":
            break
        if not (
            _is_age(tokens, prev, k)
            or (_np_start(tokens, k - 1) == prev + 1 and _looks_like_name_or_role(tokens, prev + 1, k))
        ):
            break
        commas.append(prev)
    head_end = commas[-1]
    a = _np_start(tokens, head_end - 1)
    if a is None or not _looks_like_name_or_role(tokens, a, head_end):
        return None
    # Only a person named after a verb ("is Marit Holm, ...", "met the mayor, ..."): the
    # clause then runs to the end of the sentence. A subject's clause ("Aalvik, who told
    # reporters he was sorry, left") closes before the main verb, at a comma no rule here finds.
    if not any(tokens[k].kind == "word" and is_verbish(tokens, k) for k in range(a)):
        return None
    if len(commas) == 1 or _is_age(tokens, head_end, commas[-2]):
        return a, head_end
    return a, commas[-2]


def _is_age(tokens: Sequence[Token], comma: int, next_comma: int) -> bool:
    """ ", 67,": a number alone between two commas."""
    return next_comma == comma + 2 and tokens[comma + 1].text.isdigit()


#: The most tokens an appositive's part holds (a relative clause after a role aside).
APPOSITIVE_WORDS = 16


def _appositive(tokens: Sequence[Token], comma: int) -> tuple[int, int] | None:
    """An appositive ending at `comma`, "NAME, ROLE," or "ROLE, NAME,": both parts, as one
    phrase. A role may end in a clause of its own ("a security researcher at the University
    of Skarsholm who first spotted the data ..."): the role is what comes before "who"."""
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and tokens[k].kind != "quote" and comma - k < 2 * APPOSITIVE_WORDS:
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    end = next((n for n in range(k + 2, comma) if word(tokens[n]) == "who"), comma)
    if end - k >= APPOSITIVE_WORDS:
        return None
    inner = _np_start(tokens, end - 1)
    outer = _np_start(tokens, k - 1)
    if inner != k + 1 or outer is None:
        return None
    if not (_looks_like_name_or_role(tokens, outer, k) and _looks_like_name_or_role(tokens, inner, end)):
        return None
    return outer, end


#: Possessives that open an aside about the speaker ("her voice breaking").
POSSESSIVES = frozenset({"his", "her", "their", "its"})


def _relative_clause_start(tokens: Sequence[Token], comma: int) -> int | None:
    """Index of the comma opening ", who ... ," that ends at `comma`, if any."""
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and tokens[k].kind != "quote":
        k -= 1
    if k >= 0 and tokens[k].text == "," and k + 1 < comma:
        first = tokens[k + 1]
        if word(first) in RELATIVE_PRONOUNS:
            return k
        if first.text[:1].islower() and word(first).endswith("ing") and word(first) not in PARTICIPLES:
            return k  # ", speaking in Rome,"
        if comma == k + 2 and first.text.isdigit():
            return k  # "Sarah Lindqvist, 34, said": an age
        if word(first) in POSSESSIVES and word(tokens[comma - 1]).endswith("ing"):
            return k  # "Ruth Halvorsen, her voice breaking, told": an aside about the speaker
    return None


def _np_start(tokens: Sequence[Token], j: int) -> int | None:
    """Walk left from token `j` over noun-phrase material; the first token's index."""
    if j < 0:
        return None
    if word(tokens[j]) in PRONOUNS and tokens[j].kind == "word":
        return j
    start = None
    k = j
    while k >= 0:
        tok = tokens[k]
        w = word(tok)
        if tok.kind == "quote":
            break
        if tok.kind == "punct":
            if tok.text == "." and k > 0 and (word(tokens[k - 1]) in ABBREVIATIONS or len(tokens[k - 1].text) == 1):
                k -= 1
                continue
            if tok.text == ")" and k >= 3 and tokens[k - 2].text == "(" and tokens[k - 1].text.isupper():
                k -= 3  # "the Aurenian Labour Federation (ALF)": an acronym in brackets is the name's
                continue
            if tok.text in "-–" and start is not None:
                k -= 1
                continue
            break
        if (
            w in BREAK_WORDS
            or w in PRONOUNS
            or (w in TIME_WORDS and tok.text[:1].isupper() and w not in {"last", "this", "next", "on"})
        ):
            break
        if w == "and" and not (
            k > 0 and tokens[k - 1].text[:1].isupper() and start is not None and tokens[start].text[:1].isupper()
        ):
            break
        if is_verbish(tokens, k) or (w.endswith("ing") and tok.text[:1].islower() and w not in {"king", "thing"}):
            break
        if w in INNER_PREPOSITIONS and start is not None and not _inside_phrase(tokens, k):
            break
        start = k
        # "a spokesman for the governor", "a researcher at the University of Skarsholm":
        # the phrase goes on before "for the" and "at the"
        if w in DETERMINERS and not (
            k >= 2
            and tokens[k - 2].kind == "word"
            and (
                word(tokens[k - 1]) in NP_PREPOSITIONS
                or (word(tokens[k - 1]) in INNER_PREPOSITIONS and _inside_phrase(tokens, k - 1))
            )
        ):
            break
        k -= 1
    if start is None:
        return None
    # a phrase cannot begin with a preposition or a conjunction
    while start <= j and word(tokens[start]) in NOT_PHRASE_INITIAL:
        start += 1
    return start if start <= j else None


def _inside_phrase(tokens: Sequence[Token], k: int) -> bool:
    """Does a preposition at token `k` continue a phrase ("head of mission to Libya")
    rather than begin one (the phrase is to its right only)?"""
    return (
        k > 0
        and tokens[k - 1].kind == "word"
        and word(tokens[k - 1]) not in BREAK_WORDS
        and not is_verbish(tokens, k - 1)
    )


def _looks_like_name_or_role(tokens: Sequence[Token], a: int, b: int) -> bool:
    """An appositive partner: a capitalised name, a determiner phrase, or a bare role
    ("chief executive of Kwena Gold")."""
    if a >= b:
        return False
    first = tokens[a]
    if first.text[:1].isupper() or word(first) in {"the", "a", "an"}:
        return True
    return role_of(" ".join(t.text for t in tokens[a:b])) is not None


def np_after(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Token range [i, b) of a noun phrase starting at token `i` ("said Salame")."""
    if i >= len(tokens) or tokens[i].kind != "word":
        return None
    if word(tokens[i]) in PRONOUNS:
        return i, i + 1
    b = i
    while b < len(tokens):
        tok = tokens[b]
        w = word(tok)
        if tok.kind == "quote":
            break
        if tok.kind == "punct":
            if (
                tok.text == "."
                and b > i
                and (word(tokens[b - 1]) in ABBREVIATIONS or len(tokens[b - 1].text) == 1)
                and b + 1 < len(tokens)
            ):
                b += 1
                continue
            if tok.text in "-–" and b > i:
                b += 1
                continue
            break
        if b > i and (w in BREAK_WORDS or w in AFTER_NP_BREAKS):
            break
        if b > i and w in TIME_WORDS and tok.text[:1].isupper():
            break
        if b > i and (is_verbish(tokens, b) or w == "as"):
            break
        if w == "and" and not (b + 1 < len(tokens) and tokens[b + 1].text[:1].isupper()):
            break
        b += 1
    while b > i and word(tokens[b - 1]) in NP_PREPOSITIONS | {"and"}:
        b -= 1
    return (i, b) if b > i else None


def nearest_subject(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Character range of the subject of the nearest finite verb before token `i` (a
    participle's subject, or a coordinated cue's when no act came before)."""
    for k in range(i - 1, -1, -1):
        if tokens[k].kind == "word" and is_verbish(tokens, k) and word(tokens[k]) not in ADVERBS - AUX:
            j = k
            while j > 0 and (word(tokens[j - 1]) in AUX | ADVERBS) and tokens[j - 1].kind == "word":
                j -= 1
            np = np_before(tokens, j)
            if np is not None:
                a = np[0]
                if word(tokens[a]) in {"but", "and", "so"} and a + 1 < np[1]:
                    a += 1
                return tokens[a].start, tokens[np[1] - 1].end
            return None
    return None
