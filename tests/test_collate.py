"""The collation (issue 15): one row per sentence across every article, and `sidebyside collate`.

Unit tests pin the choices (rows from the pairwise alignments, reference, column orders,
filters, finding a sentence's row); properties check, on generated stories with reworded,
dropped, moved and split sentences, that every sentence of every article stands in
exactly one row, that columns read in order where nothing moved, and that identical
copies get identical cells; the test stories' gold `same_row` pairs must share a row; the
command is checked as a script and a reader use it.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sidebyside import cli
from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.collate import (
    REWRITTEN_BELOW,
    Collation,
    ColumnOrder,
    carried_by,
    cell_changes,
    cell_text,
    collate,
    collated_cell,
    column_of,
    filter_rows,
    kept_share,
    row_of,
)
from sidebyside.analysis.pool import Stopped
from sidebyside.analysis.worddiff import DELETE, EQUAL, INSERT
from sidebyside.export.collate import collate_markdown, collate_text
from sidebyside.ingest.story import load_story
from sidebyside.model import AlignedRow, Alignment, Article

from conftest import ROOT, SEEDS

DATA = ROOT / "tests" / "data"

BRIDGE = "The city council voted on Tuesday to close the old bridge to all cars from June."
BRIDGE_SHORT = "The council voted on Tuesday to close the old bridge to cars from June."
TRAFFIC = "About 12,000 vehicles cross the bridge every day, according to the transport office."
SHOPS = "Shops near the bridge said they feared losing customers during the long works."
MAYOR = "Mayor Ana Ruiz said repairs would take at least two years and cost millions of euros."
FERRY = "A temporary ferry service will carry cyclists and walkers across the river at rush hour."


def article(name: str, *sentences: str, date: str | None = None, outlet: str | None = None) -> Article:
    return Article(name, name, outlet or name.removesuffix(".txt"), None, None, None, date, sentences)


def cells_by_id(collation: Collation) -> list[dict[str, int | None]]:
    ids = [a.id for a in collation.articles]
    return [dict(zip(ids, row.cells, strict=True)) for row in collation.rows]


def row_holding(collation: Collation, article_id: str, text: str) -> int:
    column = column_of(collation, article_id)
    return row_of(collation, column, collation.articles[column].sentences.index(text))


# --- rows from the alignments --------------------------------------------------------------------


def test_a_sentence_and_its_rewording_share_a_row_and_own_sentences_stand_alone():
    a = article("a.txt", BRIDGE, TRAFFIC, SHOPS)
    b = article("b.txt", BRIDGE_SHORT, TRAFFIC, MAYOR)
    c = article("c.txt", BRIDGE, FERRY, SHOPS)
    collation = collate([a, b, c], order="file")
    rows = cells_by_id(collation)
    assert {"a.txt": 0, "b.txt": 0, "c.txt": 0} in rows
    assert {"a.txt": 1, "b.txt": 1, "c.txt": None} in rows
    assert {"a.txt": 2, "b.txt": None, "c.txt": 2} in rows
    assert {"a.txt": None, "b.txt": 2, "c.txt": None} in rows
    assert {"a.txt": None, "b.txt": None, "c.txt": 1} in rows
    assert len(rows) == 5


def test_rows_follow_the_first_column_and_others_slot_in_before_the_next_shared_sentence():
    a = article("a.txt", BRIDGE, TRAFFIC, SHOPS)
    b = article("b.txt", MAYOR, BRIDGE, FERRY, SHOPS)
    rows = cells_by_id(collate([a, b], order="file"))
    assert rows == [
        {"a.txt": None, "b.txt": 0},  # before b's first shared sentence
        {"a.txt": 0, "b.txt": 1},
        {"a.txt": 1, "b.txt": None},  # a's own sentence of the gap, then b's
        {"a.txt": None, "b.txt": 2},
        {"a.txt": 2, "b.txt": 3},
    ]


def test_a_moved_sentence_keeps_its_row_and_does_not_scramble_the_others():
    a = article("a.txt", BRIDGE, TRAFFIC, SHOPS, MAYOR, FERRY)
    b = article("b.txt", BRIDGE, SHOPS, MAYOR, FERRY, TRAFFIC)  # TRAFFIC moved to the end
    rows = cells_by_id(collate([a, b], order="file"))
    assert [r["a.txt"] for r in rows] == [0, 1, 2, 3, 4]
    assert [r["b.txt"] for r in rows] == [0, 4, 1, 2, 3]


def test_a_sentence_split_in_two_pairs_with_one_half_and_the_other_half_has_its_own_row():
    whole = "Mayor Ana Ruiz said repairs to the old bridge would take at least two years and cost millions of euros."
    first, second = (
        "Mayor Ana Ruiz said repairs to the old bridge would take at least two years.",
        "They will cost millions of euros.",
    )
    collation = collate([article("a.txt", BRIDGE, whole), article("b.txt", BRIDGE, first, second)], order="file")
    rows = cells_by_id(collation)
    assert {"a.txt": 1, "b.txt": 1} in rows
    assert {"a.txt": None, "b.txt": 2} in rows
    assert len(rows) == 3


def test_a_merge_that_would_give_one_article_two_sentences_in_a_row_is_refused():
    # b holds the sentence twice; a and c once: each copy still gets exactly one row.
    a = article("a.txt", BRIDGE, TRAFFIC)
    b = article("b.txt", BRIDGE, TRAFFIC, BRIDGE)
    c = article("c.txt", TRAFFIC, BRIDGE)
    collation = collate([a, b, c], order="file")
    for column, art in enumerate(collation.articles):
        held = sorted(row.cells[column] for row in collation.rows if row.cells[column] is not None)
        assert held == list(range(len(art.sentences)))


class ScriptedCache(AlignmentCache):
    """Alignments as a test states them: pairs of (sentence of a, sentence of b, similarity)."""

    def __init__(self, pairs: dict[tuple[str, str], list[tuple[int, int, float]]]) -> None:
        super().__init__()
        self.pairs = pairs

    def get(self, a: Article, b: Article) -> Alignment:
        paired = self.pairs.get((a.id, b.id), [])
        rows = [AlignedRow(i, j, "changed", sim) for i, j, sim in paired]
        rows += [AlignedRow(i, None, "only_a", 0.0) for i in range(len(a.sentences)) if i not in {p[0] for p in paired}]
        rows += [AlignedRow(None, j, "only_b", 0.0) for j in range(len(b.sentences)) if j not in {p[1] for p in paired}]
        return Alignment(a, b, tuple(rows))


def test_one_weak_pairing_does_not_chain_two_sentences_into_one_row():
    # a and b carry one sentence, c and d another; only the a~c alignment (weakly) paired them.
    arts = [article(f"{x}.txt", BRIDGE if x in "ab" else TRAFFIC) for x in "abcd"]
    cache = ScriptedCache(
        {("a.txt", "b.txt"): [(0, 0, 1.0)], ("c.txt", "d.txt"): [(0, 0, 1.0)], ("a.txt", "c.txt"): [(0, 0, 0.45)]}
    )
    rows = cells_by_id(collate(arts, cache, order="file"))
    assert rows == [
        {"a.txt": 0, "b.txt": 0, "c.txt": None, "d.txt": None},
        {"a.txt": None, "b.txt": None, "c.txt": 0, "d.txt": 0},
    ]
    # Paired by half the alignments between them, they are one sentence.
    cache.pairs[("b.txt", "d.txt")] = [(0, 0, 0.6)]
    assert cells_by_id(collate(arts, cache, order="file")) == [dict.fromkeys(["a.txt", "b.txt", "c.txt", "d.txt"], 0)]


def test_a_merge_an_alignment_contradicts_is_refused():
    # The rail-strike case: a's sentence 0 was paired with b's sentence 0, and b's with
    # c's sentence 1, but the a~c alignment paired c's sentence 1 with a's sentence 1.
    # One pairing out of two supports putting a0, b0 and c1 in one row; one contradicts it.
    arts = [article("a.txt", BRIDGE, TRAFFIC), article("b.txt", BRIDGE), article("c.txt", TRAFFIC, BRIDGE)]
    cache = ScriptedCache(
        {("a.txt", "b.txt"): [(0, 0, 0.48)], ("b.txt", "c.txt"): [(0, 1, 0.47)], ("a.txt", "c.txt"): [(1, 1, 0.44)]}
    )
    rows = cells_by_id(collate(arts, cache, order="file"))
    assert {"a.txt": 0, "b.txt": 0, "c.txt": None} in rows
    assert {"a.txt": 1, "b.txt": None, "c.txt": 1} in rows
    # Without the contradicting pairing, half the alignments between them suffice.
    cache.pairs[("a.txt", "c.txt")] = []
    rows = cells_by_id(collate(arts, cache, order="file"))
    assert {"a.txt": 0, "b.txt": 0, "c.txt": 1} in rows


def test_identical_copies_get_identical_cells():
    a = article("a.txt", BRIDGE, TRAFFIC, SHOPS, MAYOR)
    b = article("b.txt", BRIDGE, TRAFFIC, SHOPS, MAYOR)
    c = article("c.txt", SHOPS, BRIDGE_SHORT, FERRY)
    for row in collate([a, b, c]).rows:
        assert row.cells[0] == row.cells[1]


# --- reference -------------------------------------------------------------------------------------


def test_reference_is_the_earliest_dated_article_carrying_the_row():
    a = article("a.txt", BRIDGE, TRAFFIC, date="2019-05-03")
    b = article("b.txt", BRIDGE_SHORT, SHOPS, date="2019-05-01")
    c = article("c.txt", BRIDGE, TRAFFIC, SHOPS)  # undated: never before a dated one
    collation = collate([a, b, c], order="file")
    ids = [x.id for x in collation.articles]
    assert ids[collation.rows[row_holding(collation, "a.txt", BRIDGE)].reference] == "b.txt"  # earliest, though shorter
    assert ids[collation.rows[row_holding(collation, "a.txt", TRAFFIC)].reference] == "a.txt"  # b lacks it
    assert ids[collation.rows[row_holding(collation, "b.txt", SHOPS)].reference] == "b.txt"


def test_reference_without_dates_is_the_fullest_version_then_the_first_column():
    a = article("a.txt", BRIDGE_SHORT, TRAFFIC)
    b = article("b.txt", BRIDGE, TRAFFIC)
    collation = collate([a, b], order="file")
    assert collation.rows[row_holding(collation, "a.txt", BRIDGE_SHORT)].reference == 1  # more words
    assert collation.rows[row_holding(collation, "a.txt", TRAFFIC)].reference == 0  # equal: first column


def test_reference_among_equal_dates_is_the_fullest():
    a = article("a.txt", BRIDGE_SHORT, date="2019-05-01")
    b = article("b.txt", BRIDGE, date="2019-05-01")
    c = article("c.txt", BRIDGE, BRIDGE_SHORT.replace("Tuesday", "Monday"), date="2019-05-02")
    collation = collate([a, b, c], order="file")
    assert collation.rows[row_holding(collation, "a.txt", BRIDGE_SHORT)].reference == 1


# --- column orders ---------------------------------------------------------------------------------


def test_date_order_puts_the_earliest_first_undated_last_ties_as_loaded():
    arts = [
        article("u.txt", BRIDGE),
        article("late.txt", BRIDGE, date="2019-05-03"),
        article("early.txt", BRIDGE, date="2019-05-01"),
        article("late2.txt", BRIDGE, date="2019-05-03"),
        article("u2.txt", BRIDGE),
    ]
    assert [a.id for a in collate(arts).articles] == ["early.txt", "late.txt", "late2.txt", "u.txt", "u2.txt"]
    assert [a.id for a in collate(arts, order="file").articles] == [a.id for a in arts]


def test_closeness_order_starts_with_the_article_closest_to_all_then_the_nearest_to_those_placed():
    edge1 = article("edge1.txt", BRIDGE, TRAFFIC, FERRY)
    middle = article("middle.txt", BRIDGE, TRAFFIC, SHOPS, MAYOR)
    edge2 = article("edge2.txt", SHOPS, MAYOR)
    twin = article("twin.txt", SHOPS, MAYOR)  # edge2's copy: it must stand beside it
    order = [a.id for a in collate([edge1, edge2, middle, twin], order="closeness").articles]
    assert order[0] == "middle.txt"
    assert order.index("twin.txt") == order.index("edge2.txt") + 1


def test_the_reading_order_follows_the_column_order():
    a = article("a.txt", BRIDGE, TRAFFIC, date="2019-05-02")
    b = article("b.txt", TRAFFIC, BRIDGE, date="2019-05-01")
    rows = cells_by_id(collate([a, b]))  # b first: its order is the rows' order
    assert [r["b.txt"] for r in rows] == [0, 1]


# --- helpers for a view ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def three() -> Collation:
    return collate(
        [
            article("a.txt", BRIDGE, TRAFFIC, SHOPS),
            article("b.txt", BRIDGE_SHORT, TRAFFIC, MAYOR),
            article("c.txt", BRIDGE, FERRY, SHOPS),
        ],
        order="file",
    )


def test_filters_keep_rows_carried_by_at_least_k_or_by_one_alone(three: Collation):
    counts = [carried_by(row) for row in three.rows]
    assert sorted(counts) == [1, 1, 2, 2, 3]
    assert [counts[r] for r in filter_rows(three)] == counts
    assert [counts[r] for r in filter_rows(three, min_outlets=2)] == [c for c in counts if c >= 2]
    assert [counts[r] for r in filter_rows(three, min_outlets=3)] == [3]
    assert [counts[r] for r in filter_rows(three, only_one=True)] == [1, 1]
    assert list(filter_rows(three, min_outlets=2)) == sorted(filter_rows(three, min_outlets=2))  # reading order
    assert filter_rows(three, min_outlets=4) == ()


def test_row_of_opens_the_row_of_any_sentence(three: Collation):
    for column, art in enumerate(three.articles):
        for sentence in range(len(art.sentences)):
            assert three.rows[row_of(three, column, sentence)].cells[column] == sentence
    with pytest.raises(KeyError):
        row_of(three, 0, 99)
    assert column_of(three, "c.txt") == 2
    with pytest.raises(KeyError):
        column_of(three, "nope.txt")


def test_cell_changes_are_against_the_reference(three: Collation):
    r = row_of(three, 1, 0)  # BRIDGE_SHORT's row; the reference is a's fuller BRIDGE
    row = three.rows[r]
    assert row.reference == 0
    assert cell_changes(three, row, 0) is None  # the reference itself
    assert cell_changes(three, row, 2) == [(EQUAL, BRIDGE)]  # c prints it word for word
    changes = cell_changes(three, row, 1)
    assert changes is not None
    assert "".join(t for op, t in changes if op != INSERT) == BRIDGE
    assert "".join(t for op, t in changes if op != DELETE) == BRIDGE_SHORT
    assert {t.strip() for op, t in changes if op == DELETE} == {"city", "all"}
    assert cell_text(three, three.rows[row_of(three, 0, 1)], 2) is None


def test_collated_cell_is_the_one_decision_every_view_shows(three: Collation):
    row = three.rows[row_of(three, 1, 0)]
    kinds = [None if (c := collated_cell(three, row, k)) is None else (c.kind, c.sentence) for k in range(3)]
    assert kinds == [("reference", 0), ("changed", 0), ("same", 0)]
    changed = collated_cell(three, row, 1)
    assert changed is not None and list(changed.changes) == cell_changes(three, row, 1)
    assert changed.text == BRIDGE_SHORT
    # A cell that keeps less than half of the reference's words is a rewrite, shown whole.
    rewrite = collate(
        [article("a.txt", BRIDGE), article("b.txt", "Drivers face a long detour: the old bridge shuts.")],
        ScriptedCache({("a.txt", "b.txt"): [(0, 0, 0.5)]}),
        order="file",
    )
    cell = collated_cell(rewrite, rewrite.rows[0], 1)
    assert cell is not None and (cell.kind, cell.changes) == ("reworded", ())
    assert collated_cell(three, three.rows[row_of(three, 0, 1)], 2) is None


def test_kept_share_tells_an_edit_from_a_rewrite():
    assert kept_share([(EQUAL, "The council voted to close the bridge")]) == 1.0
    edit = [(EQUAL, "The council voted to close the "), (DELETE, "old"), (INSERT, "new"), (EQUAL, " bridge")]
    assert kept_share(edit) == 7 / 8
    rewrite = [(DELETE, "The council voted to close it"), (INSERT, "Cars are banned from the old bridge"), (EQUAL, ".")]
    assert kept_share(rewrite) == 0.0 < REWRITTEN_BELOW


# --- the work: cache, stop, progress ---------------------------------------------------------------


def test_every_pair_is_aligned_once_through_the_cache_and_progress_counts_pairs():
    arts = [article(f"{k}.txt", BRIDGE, TRAFFIC, [SHOPS, MAYOR, FERRY, SHOPS][k]) for k in range(4)]
    cache = AlignmentCache()
    seen: list[tuple[int, int]] = []
    first = collate(arts, cache, progress=lambda done, total: seen.append((done, total)))
    assert cache.aligned == 6
    assert seen == [(k, 6) for k in range(1, 7)]
    assert collate(arts, cache) == first
    assert cache.aligned == 6  # nothing aligned again
    assert cache.get(arts[0], arts[3]).a is arts[0]  # Compare finds the pair ready


def test_should_stop_ends_the_work_between_pairs():
    arts = [article(f"{k}.txt", BRIDGE, TRAFFIC) for k in range(5)]
    cache = AlignmentCache()
    asked = 0

    def stop() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    with pytest.raises(Stopped):
        collate(arts, cache, should_stop=stop)
    assert cache.aligned == 3


def test_one_article_is_one_column_and_none_is_empty():
    solo = collate([article("a.txt", BRIDGE, TRAFFIC)])
    assert [row.cells for row in solo.rows] == [(0,), (1,)]
    assert collate([]) == Collation((), ())


# --- properties on generated stories -------------------------------------------------------------

_VOCABULARY = sorted(
    {
        "".join(random.Random(k).choice("bcdfgklmnprstvz") + random.Random(k * 7 + j).choice("aeiou") for j in range(3))
        for k in range(2000)
    }
)
_FUNCTION = "the of to and a in that for on was with said by as at from has were after".split()


def _sentence(seed: int) -> str:
    """A sentence of distinct content words: a story's sentences share few words, as news does."""
    rng = random.Random(seed)
    words = [
        rng.choice(_VOCABULARY) if rng.random() < 0.65 else rng.choice(_FUNCTION) for _ in range(rng.randint(9, 16))
    ]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _reword(sentence: str, seed: int) -> str:
    """One inner word replaced: what a second outlet does to wire copy."""
    words = sentence.split()
    k = random.Random(seed).randrange(1, len(words) - 1)
    words[k] = random.Random(seed + 1).choice(_VOCABULARY)
    return " ".join(words)


def _split(sentence: str) -> list[str]:
    words = sentence.rstrip(".").split()
    half = len(words) // 2
    return [" ".join(words[:half]) + ".", " ".join(words[half:]).capitalize() + "."]


ACTIONS = ("keep", "keep", "keep", "reword", "drop", "split", "own")


@dataclass(frozen=True)
class Generated:
    """A generated story, and for each sentence the pool sentence it comes from (None: own)."""

    articles: list[Article]
    origins: list[list[int | None]]


@st.composite
def stories(draw: st.DrawFn, moves: bool = True, splits: bool = True) -> Generated:
    """2-5 articles drawn from one pool of wire sentences: each kept, reworded, dropped, split
    in two or preceded by an own sentence; with `moves`, one sentence may move; some
    articles are exact copies of another."""
    seed = draw(st.integers(0, 10**6))
    pool = [_sentence(seed * 100 + k) for k in range(draw(st.integers(2, 10)))]
    actions = [a for a in ACTIONS if splits or a != "split"]
    articles: list[Article] = []
    origins: list[list[int | None]] = []
    for i in range(draw(st.integers(2, 5))):
        if articles and draw(st.integers(0, 4)) == 0:  # a verbatim reprint of an earlier one
            k = draw(st.integers(0, len(articles) - 1))
            articles.append(replace(articles[k], id=f"{i}.txt", path=f"{i}.txt"))
            origins.append(origins[k])
            continue
        body: list[tuple[str, int | None]] = []
        for k, sentence in enumerate(pool):
            action = draw(st.sampled_from(actions))
            if action == "own":
                body += [(_sentence(seed * 100 + 50 + 10 * i + k), None), (sentence, k)]
            elif action == "reword":
                body.append((_reword(sentence, seed + 7 * i + k), k))
            elif action == "split":
                body += [(half, k) for half in _split(sentence)]
            elif action == "keep":
                body.append((sentence, k))
        body = body or [(pool[0], 0)]
        if moves and len(body) > 2 and draw(st.booleans()):
            body.insert(draw(st.integers(0, len(body) - 1)), body.pop(draw(st.integers(0, len(body) - 1))))
        articles.append(article(f"{i}.txt", *(text for text, _ in body)))
        origins.append([k for _, k in body])
    return Generated(articles, origins)


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(stories(), st.sampled_from(["date", "closeness", "file"]))
def test_every_sentence_of_every_article_is_in_exactly_one_row(story: Generated, order: ColumnOrder):
    collation = collate(story.articles, order=order)
    assert sorted(a.id for a in collation.articles) == sorted(a.id for a in story.articles)
    for column, art in enumerate(collation.articles):
        held = sorted(row.cells[column] for row in collation.rows if row.cells[column] is not None)
        assert held == list(range(len(art.sentences)))
    for row in collation.rows:
        assert len(row.cells) == len(story.articles)
        assert row.cells[row.reference] is not None


@PROPERTY
@given(stories(moves=False))
def test_without_moves_every_column_reads_in_order(story: Generated):
    cache = AlignmentCache()
    collation = collate(story.articles, cache, order="file")
    arts = story.articles
    pairs = [cache.get(a, b) for k, a in enumerate(arts) for b in arts[k + 1 :]]
    # No moves as the alignments see them: one may pair a sentence with one far away
    # (a short half of a split sentence), and that is a move the collation must show.
    assume(all(row.kind != "moved" for alignment in pairs for row in alignment.rows))
    for column in range(len(story.articles)):
        held = [row.cells[column] for row in collation.rows if row.cells[column] is not None]
        assert held == sorted(held)


@PROPERTY
@given(stories())
def test_exact_copies_have_identical_cells_on_every_row(story: Generated):
    collation = collate(story.articles, order="file")
    texts = [a.sentences for a in collation.articles]
    copies = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts)) if texts[i] == texts[j]]
    for i, j in copies:
        assert all(row.cells[i] == row.cells[j] for row in collation.rows)


@PROPERTY
@given(stories(splits=False))
def test_kept_and_reworded_copies_of_one_sentence_share_a_row_and_nothing_else_does(story: Generated):
    collation = collate(story.articles, order="file")
    for row in collation.rows:
        origin = {story.origins[c][s] for c, s in enumerate(row.cells) if s is not None}
        assert len(origin) == 1  # one pool sentence (or one outlet's own)
    for k in {k for article_origins in story.origins for k in article_origins if k is not None}:
        holding = {
            row_of(collation, c, s)
            for c, article_origins in enumerate(story.origins)
            for s, origin in enumerate(article_origins)
            if origin == k
        }
        assert len(holding) == 1, f"copies of pool sentence {k} in rows {sorted(holding)}"


# --- gold pairs of the test stories ---------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _norm(text: str) -> str:
    """The acceptance scorer's snippet matching: lower case, straight quotes, single spaces."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES).lower()).strip().strip(" \"'.,;:")


@pytest.mark.parametrize("story", ["harbour_chemical_fire", "kalyros_ferry", "valdoria_floods"])
def test_every_gold_same_row_pair_shares_a_collation_row(story: str):
    gold = json.loads((DATA / story / "gold.json").read_text(encoding="utf-8"))
    collation = collate(load_story([str(DATA / story)]).articles)
    rows = cells_by_id(collation)
    sentences = {a.id: a.sentences for a in collation.articles}
    pairs = [(spec["pair"], snips) for spec in gold["alignment"] for snips in spec.get("same_row", [])]
    assert pairs, f"{story}: the gold file names no same_row pair"
    for (a, b), (snip_a, snip_b) in pairs:
        in_a = {i for i, s in enumerate(sentences[a]) if _norm(snip_a) in _norm(s)}
        in_b = {i for i, s in enumerate(sentences[b]) if _norm(snip_b) in _norm(s)}
        assert in_a and in_b, f"{story}: a snippet finds no sentence"
        assert any(r[a] in in_a and r[b] in in_b for r in rows), f"{a} {snip_a!r} not beside {b} {snip_b!r}"


# --- the command -----------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    """`sidebyside collate ...` in-process; argparse's own errors exit 2 as on the console."""
    try:
        return cli.main(["collate", *argv])
    except SystemExit as exit:
        return int(exit.code or 0)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a_wire.txt", tmp_path / "b_reprint.txt"
    a.write_text(f"{BRIDGE}\n\n{TRAFFIC}\n\n{SHOPS}\n", encoding="utf-8")
    b.write_text(f"{BRIDGE.replace('June', 'July')}\n\n{TRAFFIC}\n\n{MAYOR}\n", encoding="utf-8")
    return str(a), str(b)


def test_json_follows_the_contract(capsys):
    assert main([str(SEEDS), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"articles", "outlets", "rows"}
    ids = payload["articles"]
    assert ids == sorted(p.name for p in SEEDS.iterdir())  # no dates: loading order
    assert [o["id"] for o in payload["outlets"]] == ids
    assert payload["outlets"][0] == {"id": ids[0], "outlet": "Reuters", "label": "Reuters", "date": None}
    story = load_story([str(SEEDS)])
    for n, row in enumerate(payload["rows"]):
        assert set(row) == {"row", "cells", "reference", "carried_by"}
        assert row["row"] == n
        assert list(row["cells"]) == ids
        assert row["cells"][row["reference"]] is not None
        assert row["carried_by"] == sum(v is not None for v in row["cells"].values())
    for art in story.articles:
        held = sorted(r["cells"][art.id] for r in payload["rows"] if r["cells"][art.id] is not None)
        assert held == list(range(len(art.sentences)))
    reuters, sma = ids[0], ids[1]  # identical copies: identical cells
    assert all(r["cells"][reuters] == r["cells"][sma] for r in payload["rows"])


def test_json_filters_keep_the_row_numbers(capsys):
    main([str(SEEDS), "--format", "json"])
    every = json.loads(capsys.readouterr().out)["rows"]
    assert main([str(SEEDS), "--format", "json", "--min-outlets", "3"]) == 0
    some = json.loads(capsys.readouterr().out)["rows"]
    assert some == [r for r in every if r["carried_by"] >= 3] and some
    assert main([str(SEEDS), "--format", "json", "--only-one"]) == 0
    alone = json.loads(capsys.readouterr().out)["rows"]
    assert alone == [r for r in every if r["carried_by"] == 1] and alone


def test_json_columns_follow_the_order_asked(capsys):
    main([str(SEEDS), "--format", "json", "--order", "closeness"])
    ids = json.loads(capsys.readouterr().out)["articles"]
    # Reuters and SMA News are one copy: side by side, whichever comes first.
    assert abs(ids.index("000_141c9d3bbb55366e.txt") - ids.index("001_58bcf51014b2217e.txt")) == 1


def test_text_marks_each_cell_against_the_reference(pair, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert main(list(pair)) == 0
    out = capsys.readouterr().out
    assert out.startswith("Collation: 2 articles, 4 rows: 2 carried by all 2, 2 by one article only\n")
    assert "Row 1 · carried by 2 of 2" in out
    # Outlets named by their file names; the reference (equal length: the first column) marked.
    assert "* 1 A Wire    1  The city council voted" in out
    assert (
        "  2 B Reprint 1  The city council voted on Tuesday to close the old bridge to all cars from "
        "[-June-] {+July+}." in out
    )
    assert "  2 B Reprint 2  =" in out  # the same words
    assert "  not in: B Reprint" in out and "  not in: A Wire" in out


def test_text_filters_say_what_they_show(pair, capsys):
    assert main([*pair, "--only-one"]) == 0
    out = capsys.readouterr().out
    assert "Showing the rows only one article carries: 2 of 4." in out
    assert "Row 3 · carried by 1 of 2" in out and "Row 1 " not in out
    assert main([*pair, "--min-outlets", "2"]) == 0
    out = capsys.readouterr().out
    assert "Showing the rows carried by at least 2 articles: 2 of 4." in out
    assert "carried by 1 of 2" not in out


def test_text_prints_a_rewrite_whole(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"{BRIDGE}\n\n{TRAFFIC}\n", encoding="utf-8")
    b.write_text(
        f"{BRIDGE}\n\nEvery day about 12,000 vehicles use the old bridge, its transport office says.\n",
        encoding="utf-8",
    )
    main([str(a), str(b)])
    out = capsys.readouterr().out
    assert "(reworded) Every day about 12,000 vehicles use the old bridge, its transport office says." in out


def test_markdown_strikes_the_references_words_and_bolds_the_outlets(pair, capsys):
    assert main([*pair, "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Collation: 2 articles, 4 rows")
    assert "| 1 | A Wire | a\\_wire.txt | — |" in out
    assert "### Row 1 — carried by 2 of 2" in out
    assert "- **A Wire** (sentence 1, reference): The city council voted" in out
    assert (
        "- **B Reprint** (sentence 1): The city council voted on Tuesday to close the old bridge to all cars "
        "from ~~June~~ **July**." in out
    )
    assert "- **B Reprint** (sentence 2): same words" in out
    assert "- *Not in: B Reprint*" in out


def test_article_text_cannot_drive_the_terminal_or_restyle_notes():
    a = article("a.txt", "The **mayor** said \x1b[31mno\x1b[0m to the plan for the bridge on Monday.")
    b = article("b.txt", "The **mayor** said \x1b[31mno\x1b[0m to the plan for the bridge on Friday.")
    collation = collate([a, b])
    text = collate_text(collation, 200)
    assert "\x1b" not in text
    assert "The **mayor** said \\x1b[31mno\\x1b[0m to the plan for the bridge on [-Monday-] {+Friday+}." in text
    notes = collate_markdown(collation)
    assert "The \\*\\*mayor\\*\\* said" in notes and "\x1b" not in notes and "~~Monday~~ **Friday**" in notes


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["/no/such/folder", "/no/such/file.txt"], "no such file or folder"),
        (
            [str(SEEDS / "000_141c9d3bbb55366e.txt")],
            "collate needs at least two articles: only 000_141c9d3bbb55366e.txt loaded",
        ),
        ([str(SEEDS), "--min-outlets", "0"], "--min-outlets needs a whole number of at least 1, got '0'"),
        ([str(SEEDS), "--min-outlets", "many"], "--min-outlets needs a whole number of at least 1, got 'many'"),
        ([str(SEEDS), "--min-outlets", "2", "--only-one"], "--only-one keeps the rows one article alone carries"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv, message, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert all(line.startswith("sidebyside: ") for line in captured.err.splitlines())
    assert "Traceback" not in captured.err and captured.out == ""


def test_an_unusable_file_is_reported_and_the_rest_collated(tmp_path, pair, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main([*pair, str(empty), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["articles"] == ["a_wire.txt", "b_reprint.txt"]
    assert len(captured.err.splitlines()) == 1 and "empty.txt" in captured.err


def test_the_command_never_loads_textual(pair):
    script = (
        "import contextlib, io, sys\n"
        "from sidebyside.cli import main\n"
        "for fmt in ('text', 'markdown', 'json'):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(['collate', *sys.argv[1:], '--format', fmt]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('sidebyside.tui')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *pair], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_console_command_runs_without_a_traceback(pair):
    done = subprocess.run(
        [sys.executable, "-m", "sidebyside", "collate", *pair, "--format", "json"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"] == ["a_wire.txt", "b_reprint.txt"]


def test_a_copy_that_differs_only_in_typography_is_the_same_words() -> None:
    """SMA News reprints Reuters with a hyphen for a dash and straight quotes: "=", as compare says "same"."""
    wire = article("wire", "The talks – held in Paris – ended “without a deal” on Tuesday.", "Both sides left.")
    reprint = article("reprint", 'The talks - held in Paris - ended "without a deal" on Tuesday.', "Both sides left.")
    collation = collate([wire, reprint], order="file")
    for row in collation.rows:
        changes = cell_changes(collation, row, 1 - row.reference)
        assert changes is not None and all(op == EQUAL for op, _ in changes)


def test_the_seeds_reprint_and_its_wire_copy_are_identical_on_every_row() -> None:
    collation = collate(load_story([SEEDS]).articles)
    columns = [column_of(collation, name) for name in ("000_141c9d3bbb55366e.txt", "001_58bcf51014b2217e.txt")]
    for row in collation.rows:
        cells = [row.cells[c] for c in columns]
        assert (cells[0] is None) == (cells[1] is None)
        for column in columns:
            changes = cell_changes(collation, row, column)
            assert changes is None or all(op == EQUAL for op, _ in changes)


# --- a big story's pairs on the pool ---------------------------------------------------------------


def test_pairs_aligned_on_the_pool_give_the_same_collation(monkeypatch: pytest.MonkeyPatch) -> None:
    """`collate` and `report` align a big story's pairs on forked workers: the same rows as
    one process aligning every pair, and the alignments kept in the cache for Compare."""
    import sidebyside.analysis.collate as collate_module

    rng = random.Random(13)
    lines = [BRIDGE, BRIDGE_SHORT, TRAFFIC, SHOPS, MAYOR, FERRY]
    lines += [f"Witness {n} said the {w} was seen near the {v} on {d}." for n, w, v, d in zip(
        range(30), ["van", "bus", "lorry", "truck", "car", "boat"] * 5, ["bridge", "river", "station"] * 10,
        ["Monday", "Tuesday", "Friday"] * 10, strict=False,
    )]  # fmt: skip
    articles = [article(f"{k:02d}.txt", *rng.sample(lines, 8)) for k in range(18)]  # 153 pairs
    pooled: list[int] = []
    real_forked_map = collate_module.forked_map

    def counting(function, items, workers, **kwargs):  # type: ignore[no-untyped-def]
        pooled.append(workers)
        return real_forked_map(function, items, workers, **kwargs)

    monkeypatch.setattr(collate_module, "forked_map", counting)
    cache = AlignmentCache()
    seen: list[tuple[int, int]] = []
    on_pool = collate(articles, cache, order="file", workers=2, progress=lambda done, total: seen.append((done, total)))
    assert pooled == [2]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and seen[-1] == (153, 153)
    alone = collate(articles, AlignmentCache(), order="file", workers=1)
    assert on_pool == alone
    assert max(carried_by(row) for row in on_pool.rows) >= 5  # rows join many articles
    assert cache.has(articles[3], articles[11]) and cache.aligned == 153
    assert cache.get(articles[3], articles[11]) == AlignmentCache().get(articles[3], articles[11])
