"""Alignment that scales like a diff (issue 13): the same answers, work that follows the edits.

`align` tokenises sentences in batches, sorts each sentence's tokens once for rapidfuzz,
scores only the sentences left over after the exact copies, and estimates the word counts
of long shared text from a sample of the copies. These tests pin each shortcut to what it
replaces, and check that the work grows with the input no faster than n log n.
"""

from __future__ import annotations

import math
import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from sidebyside.analysis import candidates as candidates_module
from sidebyside.analysis.align import DEFAULT_PARAMS, align, carried, carried_both, prepare
from sidebyside.analysis.candidates import Words, sampled_counts
from sidebyside.analysis.text import normalise, word_sets, words_of_normalised
from sidebyside.model import Article

TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ éÉ'’\"-.,/0123456789\u00a0\u2013\u200b")), max_size=40)


def article(name: str, sentences: list[str]) -> Article:
    return Article(name, name, name, None, None, None, None, tuple(sentences))


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_word_sets_are_the_content_words_of_each_text(texts: list[str]) -> None:
    norms = [normalise(t) for t in texts]
    assert word_sets(norms) == [frozenset(words_of_normalised(n)) for n in norms]


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_ratio_of_sorted_tokens_is_token_sort_ratio(a: str, b: str) -> None:
    a, b = normalise(a), normalise(b)
    words = Words()
    assert fuzz.ratio(words.sorted_tokens(a), words.sorted_tokens(b)) == fuzz.token_sort_ratio(a, b)


# --- generated prose: distinct sentences, as real articles have ------------------------------


def vocabulary(rng: random.Random, size: int) -> list[str]:
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    return sorted({"".join(rng.choices(syllables, k=rng.choice((2, 3)))) for _ in range(size)})


def prose(rng: random.Random, words: list[str], n: int) -> list[str]:
    """n distinct sentences of 8-24 words, drawn with Zipf's law, with some function words."""
    weights = [1 / (k + 2) for k in range(len(words))]
    out = []
    for _ in range(n):
        picked = rng.choices(words, weights, k=rng.randint(8, 24))
        for k in range(0, len(picked), 3):
            picked[k] = rng.choice(("the", "of", "said", "in", "a"))
        out.append(" ".join(picked).capitalize() + ".")
    return out


def edited(rng: random.Random, words: list[str], a: list[str]) -> tuple[list[str], dict[int, int]]:
    """B: A with 6% dropped, 6% new, 15% reworded (one word replaced); B index -> A source."""
    b: list[str] = []
    source: dict[int, int] = {}
    for i, sentence in enumerate(a):
        roll = rng.random()
        if roll < 0.06:
            continue
        if roll < 0.12:
            b.extend(prose(rng, words, 1))
        if rng.random() < 0.15:
            tokens = sentence.split()
            tokens[rng.randrange(1, len(tokens) - 1)] = rng.choice(words)
            sentence = " ".join(tokens)
        source[len(b)] = i
        b.append(sentence)
    return b, source


def pair(n: int, seed: int = 7) -> tuple[list[str], list[str], dict[int, int]]:
    rng = random.Random(seed)
    words = vocabulary(rng, 30000)
    a = prose(rng, words, n)
    b, source = edited(rng, words, a)
    return a, b, source


def test_proposals_grow_like_the_edits_not_the_square(monkeypatch) -> None:
    """Four times the sentences: at most n log n times the candidate pairs proposed.

    Counted, not timed, so the test is exact: all pairs would grow 16 times, the edits 4
    times. Each left-over sentence proposes at most 2 x max_candidates partners, so the
    work is bounded by the edits; between these sizes it is near that bound already.
    """
    work: Counter[str] = Counter()
    real = candidates_module.Scorer._proposals

    def proposals(self, *args):  # type: ignore[no-untyped-def]
        found = real(self, *args)
        assert len(found[0]) <= 2 * DEFAULT_PARAMS.max_candidates
        work["proposed"] += len(found[0])
        work["left over"] += 1
        return found

    monkeypatch.setattr(candidates_module.Scorer, "_proposals", proposals)
    counts = []
    for n in (1000, 4000):
        a, b, _ = pair(n)
        work.clear()
        align(article("a", a), article("b", b))
        counts.append(dict(work))
    small, big = counts
    assert small["proposed"] > 1000  # the measure measures something
    assert big["left over"] <= 4.5 * small["left over"]
    assert big["proposed"] <= 4 * math.log(4000) / math.log(1000) * small["proposed"], (small, big)


def test_long_articles_pair_their_reworded_sentences() -> None:
    """Past `weight_sample` exact copies the weights come from a sample: still right."""
    a, b, source = pair(1200)
    al = align(article("a", a), article("b", b))
    paired = {r.b: r.a for r in al.rows if r.a is not None and r.b is not None}
    reworded = [j for j, i in source.items() if normalise(a[i]) != normalise(b[j])]
    copies = sum(1 for text in prepare(a).norm if text in prepare(b).where)
    assert len(reworded) > 100 and copies > 2 * DEFAULT_PARAMS.weight_sample  # the sample is used
    right = sum(paired.get(j) == source[j] for j in reworded)
    assert right >= 0.97 * len(reworded)
    new = [j for j in range(len(b)) if j not in source]
    # New sentences mostly stand alone (a few meet a stranger sharing most of its rare words).
    assert sum(j in paired for j in new) <= 0.1 * len(new)


def test_carried_matches_align_with_sampled_weights() -> None:
    a, b, _ = pair(900, seed=3)
    side_a, side_b = prepare(a), prepare(b)
    ab, ba = carried_both(side_a, side_b)
    assert ab == carried(side_a, side_b) and ba == carried(side_b, side_a)
    assert ab / len(a) == align(article("a", a), article("b", b)).share_a_in_b
    assert ba / len(b) == align(article("b", b), article("a", a)).share_a_in_b


def test_up_to_the_sample_size_the_counts_are_exact() -> None:
    """Every anchor counted (twice: once per article) gives each article's counts summed."""
    a, b, _ = pair(120)
    words = Words()
    side_a, side_b = prepare(a), prepare(b)
    shared = [t for t in side_a.norm if t in side_b.where]
    left = [t for t in side_a.norm if t not in side_b.where] + [t for t in side_b.norm if t not in side_a.where]
    table = words.of(left + shared)
    estimate = sampled_counts([table[t] for t in left], [table[t] for t in shared], len(shared))
    exact = words.counts(side_a) + words.counts(side_b)
    assert estimate == dict(exact)
    assert len(shared) <= DEFAULT_PARAMS.weight_sample
