"""The overlap matrix equals align's shares; the cache aligns each pair once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.analysis import alignment_cache as cache_module
from sidebyside.analysis import overlap as overlap_module
from sidebyside.analysis.align import align, carried, carried_both, prepare
from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.copy import find_reuse, reuse_line
from sidebyside.analysis.overlap import closest, overlap_matrix, overlap_rows
from sidebyside.model import Article

from conftest import SEEDS


def article(name: str, sentences: list[str], outlet: str | None = None) -> Article:
    return Article(
        id=name, path=f"story/{name}", outlet=outlet, title=None, byline=None, dateline=None,
        date=None, sentences=tuple(sentences),
    )  # fmt: skip


def seed(story, prefix: str) -> int:
    return next(i for i, a in enumerate(story.articles) if a.id.startswith(prefix))


# --- the bundled story -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_matrix(seeds_story):
    return overlap_matrix(seeds_story.articles)


def test_seeds_every_cell_is_compares_share_and_the_diagonal_is_one(seeds_story, seeds_matrix):
    arts = seeds_story.articles
    for i, a in enumerate(arts):
        assert seeds_matrix[i][i] == 1.0
        for j, b in enumerate(arts):
            if i != j:
                assert seeds_matrix[i][j] == align(a, b).share_a_in_b, (a.id, b.id)


def test_seeds_closest_articles(seeds_story, seeds_matrix):
    near = {c.article[:3]: c for c in closest(seeds_story.articles, seeds_matrix)}
    assert near["001"].other.startswith("000") and near["001"].share >= 0.95
    assert near["004"].other.startswith("003")


def test_seeds_who_ran_whose_copy(seeds_story, seeds_matrix):
    arts = seeds_story.articles
    found = {(r.article[:3], r.source[:3]): r for r in find_reuse(arts, seeds_matrix)}
    sma = found[("001", "000")]
    assert sma.kind == "credited" and "told Reuters" in sma.evidence and sma.confidence == "high"
    assert reuse_line(sma, arts) == (
        "SMA News reprints Reuters (100% of its own words identical; credited 'told Reuters'; high confidence)"
    )
    asharq = found[("004", "003")]
    assert asharq.kind == "agency" and reuse_line(asharq, arts).startswith("Asharq Al-Awsat runs copy from AFP")


def test_cells_agree_with_align_in_another_process(seeds_story, seeds_matrix):
    """The matrix is computed here; `compare` runs with another hash seed: same shares."""
    code = (
        "import json, sys\n"
        "from sidebyside.ingest.story import load_story\n"
        "from sidebyside.analysis.align import align\n"
        f"arts = load_story([{str(SEEDS)!r}]).articles\n"
        "print(json.dumps([[align(a, b).share_a_in_b for b in arts] for a in arts]))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    other = json.loads(done.stdout)
    for i, row in enumerate(seeds_matrix):
        for j, share in enumerate(row):
            assert i == j or share == other[i][j]


# --- own small stories -----------------------------------------------------------------------

WIRE = [
    "The city council of Lyon voted on Monday to ban cars from the old town from June.",
    "The mayor said buses would run every five minutes on the main lines, a spokesman told Reuters.",
    "Shop owners fear that the ban will keep customers away from the centre.",
    "A petition against the plan has gathered 12,000 signatures since March.",
]
OTHER = [
    "Heavy rain flooded the harbour district of Marseille overnight.",
    "Firefighters rescued two fishermen whose boat had capsized near the breakwater.",
]


def test_one_article_alone_has_no_closest_and_no_reuse():
    only = article("only", WIRE, "Reuters")
    matrix = overlap_matrix([only])
    assert matrix == [[1.0]]
    assert closest([only], matrix)[0].other is None
    assert find_reuse([only], matrix) == []


def test_identical_texts_are_computed_once_and_still_every_row_is_there():
    arts = [article(f"copy{k}", WIRE, f"Outlet {k}") for k in range(3)] + [article("other", OTHER)]
    rows = list(overlap_rows(arts))
    assert sorted(r.index for r in rows) == [0, 1, 2, 3]
    matrix = overlap_matrix(arts)
    assert [row[:3] for row in matrix[:3]] == [[1.0] * 3] * 3
    assert matrix[3][:3] == [0.0] * 3


def test_an_empty_article_shares_nothing():
    arts = [article("empty", []), article("full", WIRE)]
    assert overlap_matrix(arts) == [[1.0, 0.0], [0.0, 1.0]]


def test_cells_and_progress_cover_the_matrix():
    arts = [article("a", WIRE), article("b", WIRE[1:]), article("c", OTHER)]
    rows = list(overlap_rows(arts))
    assert [r.index for r in rows] == [0, 1, 2] and all(len(r.shares) == 3 for r in rows)
    seen = []
    overlap_matrix(arts, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


# --- the cache -------------------------------------------------------------------------------


def test_the_cache_aligns_each_ordered_pair_once(monkeypatch):
    calls: list[tuple[str, str]] = []
    real = cache_module.align_prepared

    def counting(a, b, *rest):
        calls.append((a.id, b.id))
        return real(a, b, *rest)

    monkeypatch.setattr(cache_module, "align_prepared", counting)
    a, b = article("a", WIRE), article("b", WIRE[1:])
    cache = AlignmentCache()
    first = cache.get(a, b)
    assert cache.get(a, b) is first
    cache.get(b, a)
    assert calls == [("a", "b"), ("b", "a")] and cache.aligned == 2


def test_the_matrix_fills_the_cache_and_is_not_computed_twice(monkeypatch):
    calls = []
    real = overlap_module.carried_both
    monkeypatch.setattr(overlap_module, "carried_both", lambda *args: calls.append(1) or real(*args))
    arts = [article("a", WIRE), article("b", WIRE[1:]), article("c", OTHER)]
    cache = AlignmentCache()
    matrix = overlap_matrix(arts, cache)
    first = len(calls)
    assert first == 3  # three distinct texts: each unordered pair once, both directions
    assert overlap_matrix(arts, cache) == matrix and len(calls) == first
    assert list(cache.matrix_store(arts).row(0) or ()) == matrix[0]


def test_the_cache_computes_a_pair_once_when_two_threads_ask():
    a, b = article("a", WIRE * 20), article("b", (WIRE[1:] + OTHER) * 20)
    cache = AlignmentCache()
    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get(a, b))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert cache.aligned == 1 and all(r is results[0] for r in results)


# --- the matrix is exact: property tests on generated stories --------------------------------

BASE = (
    WIRE
    + OTHER
    + [
        "The mayor of Lyon said on Monday that buses would be free during the first month.",
        "Police said two people were arrested after the council meeting.",
    ]
)
SWAPS = {"said": "stated", "ban": "prohibition", "mayor": "city leader", "Monday": "Tuesday"}


@st.composite
def sentence(draw) -> str:
    """A base sentence, sometimes reworded: a word swapped, dropped or added."""
    words = draw(st.sampled_from(BASE)).split()
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(words) - 1))
        roll = draw(st.integers(0, 2))
        if roll == 0 and words[k] in SWAPS:
            words[k] = SWAPS[words[k]]
        elif roll == 1 and len(words) > 3:
            del words[k]
        else:
            words.insert(k, draw(st.sampled_from(["also", "again", "Lyon", "council", "buses"])))
    return " ".join(words)


stories = st.lists(st.lists(sentence(), min_size=0, max_size=7), min_size=2, max_size=5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories)
def test_every_cell_equals_align_share(texts):
    arts = [article(f"a{k}", sents) for k, sents in enumerate(texts)]
    matrix = overlap_matrix(arts)
    for i, a in enumerate(arts):
        for j, b in enumerate(arts):
            expected = 1.0 if i == j else align(a, b).share_a_in_b
            assert matrix[i][j] == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence(), min_size=0, max_size=12), st.lists(sentence(), min_size=0, max_size=12))
def test_carried_counts_align_pairs_both_ways(sa, sb):
    a, b = article("a", sa), article("b", sb)
    ab, ba = carried_both(prepare(sa), prepare(sb))
    assert ab == carried(prepare(sa), prepare(sb))
    assert ab / max(1, len(sa)) == align(a, b).share_a_in_b
    assert ba / max(1, len(sb)) == align(b, a).share_a_in_b


def test_worker_processes_give_the_same_matrix():
    arts = [article(f"a{k}", (WIRE + OTHER + BASE)[k % 3 :: 1 + k % 4]) for k in range(12)]
    assert overlap_matrix(arts, workers=2) == overlap_matrix(arts, workers=1)


def test_rows_report_progress_in_pairs_of_distinct_texts():
    arts = [article("a", WIRE), article("a2", WIRE), article("b", WIRE[1:]), article("c", OTHER)]
    rows = list(overlap_rows(arts))
    assert [r.index for r in rows] == [0, 1, 2, 3]
    assert [r.done for r in rows] == sorted(r.done for r in rows)
    assert rows[-1].done == rows[-1].total == 3 * 2  # three distinct texts, ordered pairs


def test_long_articles_without_bit_masks_give_align_shares():
    long_a = (BASE * 20)[:150]
    long_b = [s.replace("said", "stated") for s in (BASE[::-1] * 20)[:140]]
    arts = [article("a", long_a), article("b", long_b), article("c", WIRE)]
    matrix = overlap_matrix(arts)
    for i, a in enumerate(arts):
        for j, b in enumerate(arts):
            assert i == j or matrix[i][j] == align(a, b).share_a_in_b
