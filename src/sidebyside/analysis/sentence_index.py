"""A story-wide index of sentences: every distinct sentence once, every share at once.

The overlap matrix asks, for every ordered pair of articles, how many of A's sentences B
carries. Computed pair by pair (`align.carried`), a story of 1,000 articles is half a
million pairs, and each distinct pair of sentences is scored again in every pair of
articles that holds it, under that pair's own word weights (5 times on average in a
story of reprints). This module does the work once per story, as a few sparse matrix
products (numpy/scipy, imported here only: a story of a few articles never loads them):

1. **Distinct sentences.** The story's normalised sentences are numbered once; `M`
   (articles x sentences) counts each sentence in each article.
2. **Weights once per story.** A word weighs what it would in a typical pair of the
   story's articles (`story_weights`): `log((n + 1) / df)` with n twice the mean article
   length and df the word's story-wide share of sentences times n, at least 2 (two
   sentences that share a word both hold it) and at most n.
3. **Pairs of sentences.** Candidates are the pairs that share a word held by at most
   `CANDIDATE_SHARE` of the distinct sentences, and by no more than `CANDIDATE_MAX`
   (`B_r B_r^T`, a sparse product over these rarer words, a block of rows at a time to
   bound memory); the words too common to propose still count in the score (added word
   by word, as they are few). Each candidate gets `align`'s score in bulk: weighted Dice
   and containment from the products, rapidfuzz's `ratio` of sorted tokens
   (`token_sort_ratio`) through `process.cpdist`, only where the overlap reaches
   `ESTIMATE_MIN_OVERLAP` and the lengths leave the score a chance. `P` holds the pairs
   that reach `pair_threshold`, plus each sentence with itself (exact copies).
4. **Shares.** A sentence of A is carried by B when B holds a sentence P pairs with it:
   `Y = P M^T` (sentences x articles, made 0/1) and the counts are `M Y`; divided by
   each article's length they are the estimated matrix.

The estimate differs from `align`'s exact share where the two articles' own weights push
a pair of sentences across `pair_threshold` the other way, and where `align` pairs one to
one (two of A's sentences that both pair with B's one count twice here). `overlap.py`
rechecks exactly, with `align`'s own rule, every cell a decision depends on.

The same formulation runs out of core on a table engine (docs/scale.md): `M` and the
word table are tables, step 3 is a self-join on words, step 4 two joins and a group-by.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sidebyside.analysis.candidates import Prepared, Words
from sidebyside.analysis.pool import check_stop

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

    from sidebyside.analysis.align import AlignParams

#: Words held by more than this share of the distinct sentences do not propose candidates
#: (they still count in the score). Sharing such a word says little, and their pairs
#: would be most of the product.
CANDIDATE_SHARE = 0.1
#: ... unless they are held by no more than this many (small stories propose with all) ...
CANDIDATE_FLOOR = 50
#: ... and never those held by more than this many: past 1,000 articles of one story the
#: pairs proposed would grow as the square of the story (docs/scale.md).
CANDIDATE_MAX = 1500
#: Pairs whose overlap is below this are taken not to pair without computing their token
#: similarity: they would need 64% of it, which sentences sharing so little hardly ever
#: have (6 pairs of 2 million on benchmarks/story.py's 1,000 articles).
ESTIMATE_MIN_OVERLAP = 0.2
#: Candidate pairs scored at once (bounds the memory of one block: ~60 bytes a pair).
BLOCK_PAIRS = 1_000_000
#: Margin on `min_overlap` and `pair_threshold` in bulk (floating point sums differ from
#: `align`'s `fsum` by ~1e-15): a pair this close to the line is kept.
EPS = 1e-9


def estimated_shares(sides: Sequence[Prepared], words: Words, params: AlignParams) -> np.ndarray:
    """The estimated overlap matrix of texts `sides` (see the module docstring).

    `out[i, j]` estimates the share of text i's sentences that text j carries; the
    diagonal is 1.0. Raises `pool.Stopped` between two blocks when asked to stop.
    """
    import numpy as np

    n = len(sides)
    out = np.ones((n, n))
    texts, membership = _distinct(sides)
    if not texts:
        out[:] = 0.0
        np.fill_diagonal(out, 1.0)
        return out
    holds = _word_matrix(texts, words)
    lengths = np.array([len(side.norm) for side in sides], dtype=np.float64)
    weight = story_weights(holds, float(lengths.sum()), n)
    pairs = _pairs(texts, holds, weight, params)
    counts = _carried_counts(pairs, membership)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(lengths[:, None] > 0, counts / lengths[:, None], 0.0)
    np.fill_diagonal(out, 1.0)
    return out


def _distinct(sides: Sequence[Prepared]) -> tuple[list[str], sp.csr_matrix]:
    """The story's distinct normalised sentences, and M: texts x sentences, counts."""
    import numpy as np
    import scipy.sparse as sp

    number: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for k, side in enumerate(sides):
        cols.extend(number.setdefault(text, len(number)) for text in side.norm)
        rows.extend([k] * len(side.norm))
    data = np.ones(len(rows), dtype=np.float64)
    membership = sp.csr_matrix((data, (rows, cols)), shape=(len(sides), len(number)))
    membership.sum_duplicates()
    return list(number), membership


def _word_matrix(texts: list[str], words: Words) -> sp.csr_matrix:
    """B: sentences x words, 1 where the sentence holds the word."""
    import numpy as np
    import scipy.sparse as sp

    table = words.of(texts)
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for text in texts:
        indices.extend(vocabulary.setdefault(w, len(vocabulary)) for w in table[text])
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sp.csr_matrix((data, indices, indptr), shape=(len(texts), len(vocabulary)))


def story_weights(holds: sp.csr_matrix, sentences: float, articles: int) -> np.ndarray:
    """Each word's weight in a typical pair of the story's articles (module docstring, 2)."""
    import numpy as np

    typical = max(2.0, 2 * sentences / max(1, articles))
    share = np.asarray(holds.sum(axis=0)).ravel() / max(1, holds.shape[0])
    return np.log((typical + 1) / np.clip(share * typical, 2.0, typical))


def _pairs(texts: list[str], holds: sp.csr_matrix, weight: np.ndarray, params: AlignParams) -> sp.csr_matrix:
    """P: the pairs of distinct sentences that reach `pair_threshold`, and the diagonal."""
    import numpy as np
    import scipy.sparse as sp

    size = len(texts)
    df = np.asarray(holds.sum(axis=0)).ravel()
    rare = df <= min(CANDIDATE_MAX, max(CANDIDATE_FLOOR, CANDIDATE_SHARE * size))
    weighted = holds.multiply(weight).tocsr()
    totals = np.asarray(weighted.sum(axis=1)).ravel()
    rare_w = weighted[:, rare].tocsr()
    rare_t = holds[:, rare].T.tocsr()
    common_cols = [holds[:, [c]].toarray().ravel() > 0 for c in np.flatnonzero(~rare)]
    common_w = weight[~rare]
    common_mass = totals - np.asarray(rare_w.sum(axis=1)).ravel()  # each sentence's common words
    lengths = np.array([len(t) for t in texts], dtype=np.float64)
    sorted_tokens = [" ".join(sorted(t.split())) for t in texts]
    bar = max(params.min_overlap, ESTIMATE_MIN_OVERLAP) - EPS
    found_s: list[np.ndarray] = []
    found_t: list[np.ndarray] = []
    for start, stop in _blocks(rare_w, rare_t):
        check_stop()
        product = sp.triu(rare_w[start:stop] @ rare_t, k=start + 1, format="coo")
        s = product.row.astype(np.int64) + start
        t = product.col.astype(np.int64)
        shared = product.data
        # At most all the common words of the lighter side are shared too: drop the pairs
        # that fall short even then, before counting the common words pair by pair.
        most = shared + np.minimum(common_mass[s], common_mass[t])
        keep = _overlap(most, totals[s], totals[t]) >= bar
        s, t, shared = s[keep], t[keep], shared[keep]
        for column, wt in zip(common_cols, common_w, strict=True):
            shared = shared + wt * (column[s] & column[t])
        overlap = _overlap(shared, totals[s], totals[t])
        # Token similarity is at most 2 x shorter / (sum of lengths): sorting keeps lengths.
        best = params.overlap_weight * overlap + (1 - params.overlap_weight) * (
            2 * np.minimum(lengths[s], lengths[t]) / np.maximum(1.0, lengths[s] + lengths[t])
        )
        keep = (overlap >= bar) & (best >= params.pair_threshold - EPS)
        s, t, overlap = s[keep], t[keep], overlap[keep]
        found = _scores(s, t, overlap, sorted_tokens, params) >= params.pair_threshold - EPS
        found_s.append(s[found])
        found_t.append(t[found])
    s = np.concatenate(found_s) if found_s else np.zeros(0, dtype=np.int64)
    t = np.concatenate(found_t) if found_t else np.zeros(0, dtype=np.int64)
    ones = np.ones(len(s) * 2 + size)
    diagonal = np.arange(size)
    rows = np.concatenate([s, t, diagonal])
    cols = np.concatenate([t, s, diagonal])
    return sp.csr_matrix((ones, (rows, cols)), shape=(size, size))


def _blocks(rare_w: sp.csr_matrix, rare_t: sp.csr_matrix) -> list[tuple[int, int]]:
    """Row ranges whose candidate pairs number about `BLOCK_PAIRS` (an upper estimate).

    A row's candidates are at most the summed lengths of its words' postings.
    """
    import numpy as np
    import scipy.sparse as sp

    postings = np.diff(rare_t.indptr)  # sentences per rare word
    per_word = sp.csr_matrix((postings[rare_w.indices], rare_w.indices, rare_w.indptr), shape=rare_w.shape)
    per_row = np.asarray(per_word.sum(axis=1)).ravel()
    size = rare_w.shape[0]
    out = []
    start, load = 0, 0
    for row, n in enumerate(per_row.tolist()):
        load += n
        if load >= BLOCK_PAIRS:
            out.append((start, row + 1))
            start, load = row + 1, 0
    if start < size:
        out.append((start, size))
    return out


def _overlap(shared: np.ndarray, total_s: np.ndarray, total_t: np.ndarray) -> np.ndarray:
    """`align`'s overlap: the mean of weighted Dice and containment."""
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.where(shared > 0, 2 * shared / (total_s + total_t), 0.0)
        containment = np.where(shared > 0, shared / np.minimum(total_s, total_t), 0.0)
    return (dice + containment) / 2


def _scores(
    s: np.ndarray, t: np.ndarray, overlap: np.ndarray, sorted_tokens: list[str], params: AlignParams
) -> np.ndarray:
    """`align`'s score of each pair: overlap and token similarity, weighted."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not len(s):
        return np.zeros(0)
    tokens = process.cpdist(
        [sorted_tokens[k] for k in s.tolist()],
        [sorted_tokens[k] for k in t.tolist()],
        scorer=fuzz.ratio,
        workers=-1,
    )
    k = params.overlap_weight
    return k * overlap + (1 - k) * np.asarray(tokens, dtype=np.float64) / 100


#: Texts per column block of the carried counts: bounds the memory of one sparse product
#: (sentences x block), and lets a stop request in between.
COUNT_BLOCK = 256


def _carried_counts(pairs: sp.csr_matrix, membership: sp.csr_matrix) -> np.ndarray:
    """counts[i, j]: sentences of text i that have a pairing sentence in text j.

    Column block by column block: for thousands of texts sharing wire copy, one product
    over the whole story held gigabytes and ran for many seconds in one C call (the
    TUI could not even take the `q` that asks it to stop).
    """
    import numpy as np

    n = membership.shape[0]
    counts = np.zeros((n, n))
    by_text = membership.T.tocsc()
    for start in range(0, n, COUNT_BLOCK):
        check_stop()
        stop = min(n, start + COUNT_BLOCK)
        reach = (pairs @ by_text[:, start:stop]).tocsr()  # sentence x text: partners it has there
        reach.data[:] = 1.0
        counts[:, start:stop] = (membership @ reach).toarray()
    return counts
