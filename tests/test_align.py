"""Sentence alignment: kinds, order, coverage, and the bundled story."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.analysis.align import align
from sidebyside.analysis.text import content_words, normalise
from sidebyside.ingest.story import load_story
from sidebyside.model import Alignment, Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def article(name: str, sentences: list[str]) -> Article:
    return Article(
        id=name, path=name, outlet=name, title=None, byline=None, dateline=None,
        date=None, sentences=tuple(sentences),
    )  # fmt: skip


def check_invariants(al: Alignment) -> None:
    """The contract of DESIGN.md plus the internal consistency of every row."""
    n_a, n_b = len(al.a.sentences), len(al.b.sentences)
    seen_a = [r.a for r in al.rows if r.a is not None]
    seen_b = sorted(r.b for r in al.rows if r.b is not None)
    assert seen_a == list(range(n_a)), "every A sentence once, in A's order"
    assert seen_b == list(range(n_b)), "every B sentence once"
    kept_b = [r.b for r in al.rows if r.b is not None and r.kind != "moved"]
    assert kept_b == sorted(kept_b), "B's order kept except for moved rows"
    for r in al.rows:
        assert 0.0 <= r.similarity <= 1.0
        assert all(0 <= j < n_b and j != r.b for j in r.related)
        if r.kind == "only_a":
            assert r.a is not None and r.b is None and r.similarity == 0.0
        elif r.kind == "only_b":
            assert r.a is None and r.b is not None and not r.related
        else:
            assert r.a is not None and r.b is not None and r.similarity > 0.0
        if r.kind == "same":
            assert normalise(al.a.sentences[r.a]) == normalise(al.b.sentences[r.b])
            assert r.similarity == 1.0


def row_of_a(al: Alignment, i: int):
    return next(r for r in al.rows if r.a == i)


def row_of_b(al: Alignment, j: int):
    return next(r for r in al.rows if r.b == j)


# --- own examples ----------------------------------------------------------------------------

CITY = [
    "The mayor of Lyon announced on Friday that the city would ban cars from the old town centre starting in June.",
    "Shop owners in Lyon fear that the ban will keep customers away from the centre.",
    "The mayor said buses would run every five minutes on the main lines.",
    "Lyon has tried similar measures before, in 2012 and again in 2016.",
    "A petition against the plan has gathered 12,000 signatures.",
]


def test_identical_articles_are_all_same() -> None:
    al = align(article("a", CITY), article("b", CITY))
    check_invariants(al)
    assert [(r.a, r.b, r.kind) for r in al.rows] == [(i, i, "same") for i in range(len(CITY))]
    assert al.share_a_in_b == 1.0


def test_quotes_dashes_spacing_and_case_do_not_make_a_difference() -> None:
    a = ['He said "no" – twice.', "It was ‘final’ -  he said."]
    b = ["He said “no” - twice.", "it was 'FINAL' — he   said."]
    al = align(article("a", a), article("b", b))
    check_invariants(al)
    assert [(r.a, r.b, r.kind, r.similarity) for r in al.rows] == [
        (0, 0, "same", 1.0),
        (1, 1, "same", 1.0),
    ]


def test_a_reworded_sentence_is_paired_as_changed() -> None:
    b = list(CITY)
    b[0] = "Lyon's mayor said on Friday the city will ban cars from its old centre from June."
    b[3] = "The city had tried similar measures in 2012 and 2016."
    al = align(article("a", CITY), article("b", b))
    check_invariants(al)
    for i in (0, 3):
        row = row_of_a(al, i)
        assert (row.b, row.kind) == (i, "changed")
        assert 0.4 < row.similarity < 1.0


MAYOR_A = [
    "Mayor Gregory Doucet of Lyon announced on Friday that cars would be banned from the old town centre in June.",
    "Gregory Doucet said buses would run every five minutes on the main lines.",
    "Shop owners in Lyon fear the ban will keep customers away from Doucet's city.",
    "Mayor Gregory Doucet of Lyon was elected in 2020 on a promise of clean air.",
]
MAYOR_B = [
    "Lyon's mayor Gregory Doucet said on Friday that cars would be banned from the old town centre from June.",
    "Mayor Gregory Doucet of Lyon told reporters that cyclists had asked for the measure.",
    "Shop owners in Lyon fear the ban will keep customers away from Doucet's city.",
    "Buses will run every five minutes on the main lines, Doucet said.",
]


def test_sentences_that_only_share_names_are_not_paired() -> None:
    """A3 and B1 open with the same five words, all names the whole story repeats."""
    al = align(article("a", MAYOR_A), article("b", MAYOR_B))
    check_invariants(al)
    assert row_of_a(al, 3).kind == "only_a"
    assert row_of_b(al, 1).kind == "only_b"


def test_reworded_and_moved_sentences_among_name_sharing_ones() -> None:
    al = align(article("a", MAYOR_A), article("b", MAYOR_B))
    assert [(r.a, r.b, r.kind) for r in al.rows if r.a is not None] == [
        (0, 0, "changed"),
        (1, 3, "moved"),
        (2, 2, "same"),
        (3, None, "only_a"),
    ]


def test_a_moved_sentence_is_marked_moved_and_the_rest_stays_same() -> None:
    b = CITY[1:] + CITY[:1]
    al = align(article("a", CITY), article("b", b))
    check_invariants(al)
    assert row_of_a(al, 0).kind == "moved"
    assert row_of_a(al, 0).b == len(CITY) - 1
    assert {r.kind for r in al.rows if r.a != 0} == {"same"}


def test_b_only_sentences_sit_after_the_row_of_the_b_sentence_before_them() -> None:
    b = CITY[:2] + ["Cyclists' groups praised the decision."] + CITY[2:]
    al = align(article("a", CITY), article("b", b))
    check_invariants(al)
    assert [(r.a, r.b, r.kind) for r in al.rows][:4] == [
        (0, 0, "same"),
        (1, 1, "same"),
        (None, 2, "only_b"),
        (2, 3, "same"),
    ]


def test_a_sentence_first_in_b_only_opens_the_rows() -> None:
    b = ["Breaking news from Lyon."] + CITY
    al = align(article("a", CITY), article("b", b))
    assert (al.rows[0].a, al.rows[0].b, al.rows[0].kind) == (None, 0, "only_b")


def test_one_long_sentence_covering_two_pairs_the_best_and_relates_the_other() -> None:
    a = [
        "The mayor opened the new bridge on Monday.",
        "The council approved a budget of 3 million euros for the harbour, and the mayor "
        "promised that the old ferry terminal would become a public library by 2026.",
        "Residents welcomed the plan.",
    ]
    b = [
        "The mayor opened the new bridge on Monday.",
        "The council approved a budget of 3 million euros for the harbour.",
        "The mayor also promised that the old ferry terminal would become a public library by 2026.",
        "Residents welcomed the plan.",
    ]
    al = align(article("a", a), article("b", b))
    check_invariants(al)
    long_row = row_of_a(al, 1)
    assert long_row.kind == "changed"
    other = ({1, 2} - {long_row.b}).pop()
    assert long_row.related == (other,)
    assert row_of_b(al, other).kind == "only_b"  # it keeps a row of its own


def test_repeated_boilerplate_pairs_in_order() -> None:
    note = "Reporting by the Lyon desk."
    a = [CITY[0], note, CITY[1], note, CITY[2], note]
    b = [CITY[0], CITY[1], note, CITY[2], note]  # the first copy dropped
    al = align(article("a", a), article("b", b))
    check_invariants(al)
    assert row_of_a(al, 1).kind == "only_a"
    assert [row_of_a(al, i).kind for i in (0, 2, 3, 4, 5)] == ["same"] * 5


def test_empty_sides() -> None:
    al = align(article("a", []), article("b", CITY[:2]))
    check_invariants(al)
    assert [r.kind for r in al.rows] == ["only_b", "only_b"]
    assert al.share_a_in_b == 0.0
    al = align(article("a", CITY[:2]), article("b", []))
    assert [r.kind for r in al.rows] == ["only_a", "only_a"]


def test_content_words_fold_spelling_variants() -> None:
    assert content_words("The U.N.’s envoy") == content_words("the UN envoy") == ["un", "envoy"]
    assert content_words("75,000 militias") == ["75000", "militia"]


# --- generated articles ----------------------------------------------------------------------

WORDS = (
    "Haftar Macron Libya Tripoli ceasefire army talks Paris official said the a of in "
    "on fighting offensive envoy warned people killed 510 2011 council security"
).split()

sentence = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(lambda ws: " ".join(ws) + "."),
    st.text(max_size=40),
)
sentences = st.lists(sentence, max_size=25)


@settings(max_examples=300, deadline=None)
@given(sentences, sentences)
def test_every_sentence_stands_in_exactly_one_row(a: list[str], b: list[str]) -> None:
    check_invariants(align(article("a", a), article("b", b)))


@settings(max_examples=200, deadline=None)
@given(sentences, st.data())
def test_edited_copies_keep_the_invariants(a: list[str], data: st.DataObject) -> None:
    """B made from A the way outlets do it: drops, inserts, swaps, duplicates."""
    b = list(a)
    for _ in range(data.draw(st.integers(0, 6))):
        op = data.draw(st.sampled_from(["drop", "insert", "move", "dup"]))
        if op == "insert" or not b:
            b.insert(data.draw(st.integers(0, len(b))), data.draw(sentence))
            continue
        k = data.draw(st.integers(0, len(b) - 1))
        if op == "drop":
            del b[k]
        elif op == "move":
            b.insert(data.draw(st.integers(0, len(b) - 1)), b.pop(k))
        else:
            b.insert(k, b[k])
    check_invariants(align(article("a", a), article("b", b)))


@settings(max_examples=150, deadline=None)
@given(sentences)
def test_identical_inputs_are_all_same(a: list[str]) -> None:
    al = align(article("a", a), article("b", a))
    assert [(r.a, r.b, r.kind) for r in al.rows] == [(i, i, "same") for i in range(len(a))]


@settings(max_examples=150, deadline=None)
@given(st.lists(sentence, max_size=15, unique_by=normalise), st.randoms(use_true_random=False))
def test_a_shuffled_copy_pairs_every_sentence(a: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    b = list(a)
    rnd.shuffle(b)
    al = align(article("a", a), article("b", b))
    check_invariants(al)
    assert all(r.a is not None and r.b is not None for r in al.rows)
    assert {r.kind for r in al.rows} <= {"same", "moved"}


# --- the bundled story -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {a.id[:3]: a for a in load_story([str(SEEDS)]).articles}


def test_the_reprint_is_all_same(seeds: dict[str, Article]) -> None:
    al = align(seeds["000"], seeds["001"])
    check_invariants(al)
    assert al.rows and {r.kind for r in al.rows} == {"same"}


def test_every_ordered_pair_of_seeds_covers_each_sentence_once(
    seeds: dict[str, Article],
) -> None:
    pairs = list(permutations(seeds.values(), 2))
    assert len(pairs) == 20
    for a, b in pairs:
        check_invariants(align(a, b))


def find(snippet: str, sentences: tuple[str, ...]) -> int:
    hits = [k for k, s in enumerate(sentences) if normalise(snippet) in normalise(s)]
    assert len(hits) == 1, snippet
    return hits[0]


@pytest.mark.parametrize(
    ("snippet_a", "snippet_b"),
    [
        ("He added that Haftar had justified the offensive",
         "The official added that Haftar explained that the offensive"),
        ("The U.N. envoy for Libya warned Tuesday", "The UN envoy for Libya warned on Tuesday"),
        ("Haftar did not make a statement after meeting with Macron",
         "Haftar did not make a statement after meeting with Macron"),
        ("Both Macron and Conte had already met recently with Sarraj",
         "Both Macron and Conte had already met recently with Sarraj"),
    ],
)  # fmt: skip
def test_afp_and_asharq_pair_their_shared_sentences(seeds: dict[str, Article], snippet_a: str, snippet_b: str) -> None:
    a, b = seeds["003"], seeds["004"]
    al = align(a, b)
    i, j = find(snippet_a, a.sentences), find(snippet_b, b.sentences)
    assert row_of_a(al, i).b == j
    # and the same pair from the other side
    assert row_of_a(align(b, a), j).b == i


@pytest.mark.parametrize(
    ("side", "snippet"),
    [
        ("a", "France and Italy are the two lead European powers"),
        ("a", "is backed in particular by Egypt"),
        ("a", "But they were stopped outside the capital by a GNA counterattack"),
        ("b", "Libya has been split between rival authorities in east and west since 2014"),
        ("b", "Haftar presents himself as a strong hand"),
        ("b", "met behind closed doors two weeks after"),
    ],
)
def test_sentences_only_one_outlet_has_stand_alone(seeds: dict[str, Article], side: str, snippet: str) -> None:
    al = align(seeds["003"], seeds["004"])
    if side == "a":
        assert row_of_a(al, find(snippet, al.a.sentences)).b is None
    else:
        assert row_of_b(al, find(snippet, al.b.sentences)).a is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert content_words(once) == content_words(text)
