"""Prepared articles, alignments and matrix rows of one session, computed once each.

The overlap matrix and the Compare screen ask for the same pairs: the cache prepares
each article once (normalised sentences), tokenises each distinct sentence once, aligns
each ordered pair at most once, and keeps every matrix row computed, keyed by article
path. One lock guards it all, so a worker thread can fill it while the UI reads.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Sequence

from sidebyside.analysis.align import DEFAULT_PARAMS, AlignParams, Prepared, align_prepared, prepare
from sidebyside.analysis.candidates import Words
from sidebyside.model import Alignment, Article


class AlignmentCache:
    """Prepared articles, alignments and shares of one session, keyed by article path.

    Safe to fill from a worker thread while the UI thread reads: every dictionary is
    guarded by one lock, and a pair is computed under that lock, so two threads asking
    for it at once compute it once. A path stands for the article loaded from it; a
    story reloaded from changed files needs a new cache.
    """

    def __init__(self, params: AlignParams = DEFAULT_PARAMS) -> None:
        self.params = params
        self._lock = threading.RLock()
        self._prepared: dict[str, Prepared] = {}
        self._alignments: dict[tuple[str, str], Alignment] = {}
        self._shares: dict[tuple[str, str], float] = {}
        self._matrices: dict[tuple[str, ...], MatrixStore] = {}
        #: Content words of every sentence tokenised this session (the matrix's and Compare's).
        self.words = Words()
        #: Full alignments computed (for tests and statistics).
        self.aligned = 0

    def prepared(self, article: Article) -> Prepared:
        """The article's sentences normalised and indexed, once per session."""
        with self._lock:
            side = self._prepared.get(article.path)
            if side is None:
                side = self._prepared[article.path] = prepare(article.sentences)
            return side

    def get(self, a: Article, b: Article) -> Alignment:
        """`align(a, b)`, computed the first time the pair is asked for."""
        key = (a.path, b.path)
        with self._lock:
            found = self._alignments.get(key)
            if found is None:
                found = align_prepared(a, b, self.prepared(a), self.prepared(b), self.params, self.words)
                self._alignments[key] = found
                self.aligned += 1
            return found

    def has(self, a: Article, b: Article) -> bool:
        """Is `align(a, b)` computed already?"""
        with self._lock:
            return (a.path, b.path) in self._alignments

    def add(self, alignment: Alignment) -> Alignment:
        """Keep an alignment computed elsewhere (a forked worker's rows: `collate`); the one
        already kept for the pair, if any, wins."""
        key = (alignment.a.path, alignment.b.path)
        with self._lock:
            found = self._alignments.setdefault(key, alignment)
            if found is alignment:
                self.aligned += 1
            return found

    def matrix_store(self, articles: Sequence[Article]) -> MatrixStore:
        """The store of matrix rows for this list of articles (created empty, kept per session)."""
        key = tuple(a.path for a in articles)
        with self._lock:
            stored = self._matrices.get(key)
            if stored is None:
                stored = self._matrices[key] = MatrixStore(len(key), self._lock)
            return stored


class MatrixStore:
    """The rows of one story's matrix computed so far (compact: 8 bytes a cell).

    Rows are written under the cache's lock and never changed once written, so a reader
    on another thread sees a row whole or not at all.
    """

    def __init__(self, size: int, lock: threading.RLock) -> None:
        self._rows: list[array[float] | None] = [None] * size
        self._lock = lock

    def row(self, i: int) -> array[float] | None:
        return self._rows[i]

    def complete(self) -> bool:
        return all(row is not None for row in self._rows)

    def put(self, i: int, row: array[float]) -> array[float]:
        """Keep row i (the first one written wins) and return the kept row."""
        with self._lock:
            kept = self._rows[i]
            if kept is None:
                kept = self._rows[i] = row
            return kept
