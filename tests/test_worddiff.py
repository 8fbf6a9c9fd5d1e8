"""Word-level diffs: lossless, whole words, readable edits."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.analysis.worddiff import DELETE, EQUAL, INSERT, tokenize, word_diff


def side(ops: list[tuple[int, str]], which: int) -> str:
    """The text of one side: A drops inserts, B drops deletes."""
    return "".join(text for op, text in ops if op != -which)


def edits(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(op, text) for op, text in ops if op != EQUAL]


def boundaries(text: str) -> set[int]:
    """Offsets where a token of `text` starts or ends."""
    out, pos = {0}, 0
    for token in tokenize(text):
        pos += len(token)
        out.add(pos)
    return out


def test_identical_texts_are_one_equal_op() -> None:
    assert word_diff("Same words.", "Same words.") == [(EQUAL, "Same words.")]
    assert word_diff("", "") == []


def test_one_side_empty() -> None:
    assert word_diff("", "new text") == [(INSERT, "new text")]
    assert word_diff("old text", "") == [(DELETE, "old text")]


def test_an_inserted_word_is_the_only_edit() -> None:
    ops = word_diff("The envoy warned Tuesday.", "The envoy warned on Tuesday.")
    assert edits(ops) == [(INSERT, "on ")]


def test_acronyms_and_words_are_replaced_whole() -> None:
    ops = word_diff("The U.N. envoy for Libya", "The UN envoy for Libya")
    assert edits(ops) == [(DELETE, "U.N."), (INSERT, "UN")]
    ops = word_diff("Prime Minister Fayez al-Serraj", "Prime Minister Fayez al-Sarraj")
    assert edits(ops) == [(DELETE, "al-Serraj"), (INSERT, "al-Sarraj")]


def test_numbers_are_one_token() -> None:
    ops = word_diff("killed 510 and wounded 2,467", "killed 510 and wounded 2,476")
    assert edits(ops) == [(DELETE, "2,467"), (INSERT, "2,476")]


def test_punctuation_is_its_own_edit() -> None:
    ops = word_diff("Hello world.", "Hello, world!")
    assert edits(ops) == [(INSERT, ","), (DELETE, "."), (INSERT, "!")]


def test_a_reworded_sentence_reads_as_word_edits() -> None:
    a = "He added that Haftar had justified the offensive he launched against Tripoli."
    b = "The official added that Haftar explained that the offensive he had launched against Tripoli."
    ops = word_diff(a, b)
    assert side(ops, -1) == a and side(ops, 1) == b
    kept = "".join(text for op, text in ops if op == EQUAL)
    assert "added that Haftar" in kept and "launched against Tripoli." in kept
    assert (INSERT, "had ") in ops


def test_cjk_and_private_use_characters_in_the_text_do_not_confuse_the_mapping() -> None:
    # the codec maps words to CJK ideographs and other tokens to private-use characters
    a = "一 丁 \ue000 \ue001 word"
    b = "一 丂 \ue000 \ue002 word"
    ops = word_diff(a, b)
    assert side(ops, -1) == a and side(ops, 1) == b
    assert edits(ops) == [(DELETE, "丁"), (INSERT, "丂"), (DELETE, "\ue001"), (INSERT, "\ue002")]


texts = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.sampled_from(["the", "envoy", "U.N.", "2,467", ",", ".", " ", "  ", '"', "’s", "一", "\ue000", "\n"]),
        max_size=30,
    ).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(texts, texts)
def test_the_diff_reconstructs_both_texts(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert side(ops, -1) == a
    assert side(ops, 1) == b
    assert all(op in (DELETE, EQUAL, INSERT) and text for op, text in ops)
    assert all(x[0] != y[0] for x, y in pairwise(ops)), "neighbouring ops are merged"


@settings(max_examples=400, deadline=None)
@given(texts, texts)
def test_no_edit_splits_a_word(a: str, b: str) -> None:
    ops = word_diff(a, b)
    cuts_a, cuts_b = boundaries(a), boundaries(b)
    pos_a = pos_b = 0
    for op, text in ops:
        if op != INSERT:
            pos_a += len(text)
        if op != DELETE:
            pos_b += len(text)
        assert pos_a in cuts_a and pos_b in cuts_b


@settings(max_examples=100, deadline=None)
@given(texts)
def test_identical_inputs_have_no_edits(a: str) -> None:
    assert edits(word_diff(a, a)) == []


def test_tokenize_is_lossless_and_keeps_words_whole() -> None:
    text = 'Haftar’s "U.N.-backed" rival, al-Serraj, lost 2,467 men.'
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert {"Haftar’s", "U.N.", "al-Serraj", "2,467", "backed"} <= set(tokens)
