"""The story-wide sentence index and the matrix of a big story (issue 13).

Beyond `EXACT_MAX_TEXTS` texts the overlap matrix is estimated from the index (every
distinct sentence paired once, shares from sparse products), and the cells a decision
depends on are rechecked with `align`'s own rule. These tests check the estimate on
stories whose answer is plain, that the rechecked cells are compare's figures, that each
article's closest article rests on them, and that small stories never load numpy.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_overlap import OTHER, WIRE  # the same small Lyon story

from sidebyside.analysis import overlap as overlap_module
from sidebyside.analysis.align import DEFAULT_PARAMS, align, prepare
from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.candidates import Words
from sidebyside.analysis.overlap import closest, overlap_matrix, overlap_rows
from sidebyside.analysis.pool import Stopped, stop_when
from sidebyside.analysis.sentence_index import estimated_shares
from sidebyside.model import Article


def article(name: str, sentences: list[str], outlet: str | None = None) -> Article:
    return Article(name, f"story/{name}", outlet, None, None, None, None, tuple(sentences))


def estimate(*texts: list[str]) -> np.ndarray:
    return estimated_shares([prepare(t) for t in texts], Words(), DEFAULT_PARAMS)


# --- the estimate on stories whose answer is plain ---------------------------------------------


def test_copies_carry_all_and_strangers_nothing() -> None:
    shares = estimate(WIRE, WIRE[1:], OTHER)
    assert shares.tolist() == [[1.0, 0.75, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]


def test_a_reworded_sentence_counts_as_carried() -> None:
    reworded = list(WIRE)
    reworded[2] = "Shop owners fear the ban will keep their customers away from the town centre."
    assert estimate(WIRE, reworded)[0, 1] == 1.0 == align(article("a", WIRE), article("b", reworded)).share_a_in_b


def test_an_empty_text_shares_nothing() -> None:
    assert estimate([], WIRE).tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert estimate([], []).tolist() == [[1.0, 0.0], [0.0, 1.0]]


sentence = st.sampled_from(WIRE + OTHER + ["Police said two people were arrested after the council meeting."])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(sentence, max_size=6), min_size=2, max_size=5))
def test_estimates_are_shares_at_least_the_exact_copies(texts: list[list[str]]) -> None:
    shares = estimate(*texts)
    assert np.all(np.diag(shares) == 1.0) and np.all((shares >= 0) & (shares <= 1))
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            if i != j and a:
                copies = sum(1 for s in a if s in b)
                assert shares[i, j] >= copies / len(a) - 1e-12


# --- the matrix of a big story: estimates, and exact where it matters -------------------------


def story(count: int, seed: int = 11) -> list[Article]:
    """`count` articles: reprints of three wire texts, edited, and some own reporting."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words = sorted({"".join(rng.choices(syllables, k=rng.choice((2, 3)))) for _ in range(20000)})

    def sentence() -> str:
        picked = rng.choices(words, k=rng.randint(8, 20))
        return " ".join(picked).capitalize() + "."

    wires = [[sentence() for _ in range(rng.randint(12, 20))] for _ in range(3)]
    out = []
    for n in range(count):
        if rng.random() < 0.8:
            body = []
            for s in rng.choice(wires):
                if rng.random() < 0.1:
                    continue
                if rng.random() < 0.15:
                    tokens = s.split()
                    tokens[rng.randrange(1, len(tokens) - 1)] = rng.choice(words)
                    s = " ".join(tokens)
                body.append(s)
            body += [sentence() for _ in range(rng.randint(0, 3))]
        else:
            body = [sentence() for _ in range(rng.randint(8, 16))] + rng.sample(rng.choice(wires), 2)
        out.append(article(f"{n:03d}", body, f"Outlet {n}"))
    return out


@pytest.fixture(scope="module")
def big() -> tuple[list[Article], list[list[float]]]:
    articles = story(60)
    return articles, overlap_matrix(articles)


def test_a_big_story_goes_through_the_index(big, monkeypatch) -> None:
    articles, _ = big
    calls = []
    real = overlap_module._estimated_rows
    monkeypatch.setattr(overlap_module, "_estimated_rows", lambda *args: calls.append(1) or real(*args))
    overlap_matrix(articles)
    assert calls and len({a.sentences for a in articles}) > overlap_module.EXACT_MAX_TEXTS


def test_each_closest_share_is_compares_share(big) -> None:
    articles, matrix = big
    for near, (i, a) in zip(closest(articles, matrix), enumerate(articles), strict=True):
        j = next(k for k, b in enumerate(articles) if b.id == near.other)
        assert near.share == matrix[i][j] == align(a, articles[j]).share_a_in_b


def test_closest_is_the_exact_matrixs_closest(big, monkeypatch) -> None:
    """Against every cell computed exactly (the path of small stories), pair by pair."""
    articles, matrix = big
    monkeypatch.setattr(overlap_module, "EXACT_MAX_TEXTS", 10_000)
    exact = overlap_matrix(articles)
    assert [c.other for c in closest(articles, matrix)] == [c.other for c in closest(articles, exact)]
    cells = [(i, j) for i in range(len(articles)) for j in range(len(articles)) if i != j]
    same = sum(matrix[i][j] == exact[i][j] for i, j in cells)
    assert same >= 0.9 * len(cells)  # most cells are 0 both ways or were rechecked
    assert max(abs(matrix[i][j] - exact[i][j]) for i, j in cells) <= 0.25


def test_rechecked_cells_are_compares_shares() -> None:
    articles = story(50, seed=5)
    cache = AlignmentCache()
    work = overlap_module._Work.of(articles, cache, DEFAULT_PARAMS)
    shares = estimated_shares(work.sides, cache.words, DEFAULT_PARAMS)
    exact = overlap_module._recheck(work, shares, 1, None)
    assert len(exact) >= overlap_module.RECHECK_TOP * len(work.sides) // 2
    by_text = {work.group_of[i]: a for i, a in enumerate(articles)}
    for (g, h), count in list(exact.items())[:200]:
        share = count / len(work.sides[g].norm)
        assert share == align(by_text[g], by_text[h]).share_a_in_b


def test_worker_processes_give_the_same_big_matrix(big) -> None:
    articles, matrix = big
    assert overlap_matrix(articles, workers=2) == matrix


def test_identical_texts_in_a_big_story_carry_each_other_whole() -> None:
    articles = story(48, seed=2)
    twin = article("twin", list(articles[0].sentences), "Twin")
    matrix = overlap_matrix([*articles, twin])
    assert matrix[0][-1] == matrix[-1][0] == 1.0


def test_a_stop_during_the_estimate_ends_the_rows_at_once(monkeypatch) -> None:
    articles = story(50, seed=3)
    monkeypatch.setattr("sidebyside.analysis.sentence_index.BLOCK_PAIRS", 10)  # many blocks
    asked = []

    def should_stop() -> bool:
        asked.append(1)
        return len(asked) > len(articles) + 2  # after the articles, within the estimate

    assert list(overlap_rows(articles, should_stop=should_stop)) == []
    with stop_when(lambda: True), pytest.raises(Stopped):
        estimated_shares([prepare(a.sentences) for a in articles], Words(), DEFAULT_PARAMS)


def test_a_stop_after_the_estimate_ends_before_any_recheck(monkeypatch) -> None:
    # At 10,000 articles ranking each row's cells took minutes of pure Python with no stop
    # check: the TUI's worker kept the process alive long after the user pressed q.
    import sidebyside.analysis.overlap as overlap
    import sidebyside.analysis.sentence_index as index

    articles = story(50, seed=4)
    estimated = []
    real = index.estimated_shares

    def estimate(*args, **kwargs):
        done = real(*args, **kwargs)
        estimated.append(1)  # the stop comes once the estimate is complete
        return done

    def no_recheck(*args, **kwargs):
        raise AssertionError("rechecked cells after the stop")

    monkeypatch.setattr(index, "estimated_shares", estimate)
    monkeypatch.setattr(overlap, "_pool_map", no_recheck)
    assert list(overlap_rows(articles, should_stop=lambda: bool(estimated))) == []
    assert estimated == [1]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(sentence, min_size=1, max_size=6), min_size=2, max_size=6))
def test_through_the_index_each_rows_best_cell_is_exact(texts) -> None:
    """Forced through the index, small stories keep each row's largest share exact."""
    arts = [article(f"a{k}", sents) for k, sents in enumerate(texts)]
    saved = overlap_module.EXACT_MAX_TEXTS
    overlap_module.EXACT_MAX_TEXTS = 1
    try:
        matrix = overlap_matrix(arts)
    finally:
        overlap_module.EXACT_MAX_TEXTS = saved
    for i, a in enumerate(arts):
        others = [j for j in range(len(arts)) if j != i]
        j = max(others, key=lambda j: matrix[i][j])
        assert matrix[i][j] == align(a, arts[j]).share_a_in_b


# --- small stories never load numpy ---------------------------------------------------------------

HEADLESS = """
import contextlib, io, json, sys
from sidebyside.cli import main
a, b = sys.argv[1:3]
loaded = {}
for name, argv in {"articles": ["articles", a, b, "--format", "json"],
                   "compare": ["compare", a, b, "--format", "json"],
                   "overlap": ["overlap", a, b, "--format", "json"]}.items():
    with contextlib.redirect_stdout(io.StringIO()):
        main(argv)
    loaded[name] = sorted(m for m in sys.modules if m.split(".")[0] in ("numpy", "scipy"))[:3]
print(json.dumps(loaded))
"""


def test_small_stories_never_import_numpy_or_scipy(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(WIRE) + "\n", encoding="utf-8")
    b.write_text("\n\n".join(WIRE[1:] + OTHER) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", HEADLESS, str(a), str(b)], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout) == {"articles": [], "compare": [], "overlap": []}
