"""`overlap` output: the matrix as JSON for scripts and as a compact grid for the terminal.

Both take what `analysis/overlap.py` and `analysis/copy.py` computed (matrix, closest,
claims of shared copy) and only lay it out.
Shares are rounded to three places in JSON, as `compare --format json` rounds its
`share`, so a cell reads exactly what `compare` prints for that pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sidebyside.analysis.copy import Reuse, labels, reuse_line
from sidebyside.export.table import cell_width, fit
from sidebyside.model import Article, Closest


def share_value(share: float) -> float:
    """A share as the JSON exports print it (compare's rounding)."""
    return round(share, 3)


def closest_dict(near: Closest) -> dict[str, Any] | None:
    """`{"id", "share"}` of an article's closest other article; None when it is alone."""
    if near.other is None:
        return None
    return {"id": near.other, "share": share_value(near.share)}


def overlap_payload(
    articles: Sequence[Article],
    matrix: Sequence[Sequence[float]],
    closest: Sequence[Closest],
    reuse: Sequence[Reuse],
) -> dict[str, Any]:
    """The `overlap --format json` payload (documented in `commands/overlap.py`)."""
    return {
        "articles": [{"id": a.id, "outlet": a.outlet} for a in articles],
        "matrix": [[share_value(x) for x in row] for row in matrix],
        "closest": [closest_dict(c) for c in closest],
        "reuse": [
            {
                "article": r.article,
                "source": r.source,
                "share": share_value(r.share),
                "back": share_value(r.back),
                "kind": r.kind,
                "confidence": r.confidence,
                "evidence": r.evidence,
                "shared_words": r.wording.shared,
                "longest_run": r.wording.longest,
                "line": reuse_line(r, articles),
            }
            for r in reuse
        ],
    }


#: Width of one matrix cell: "100" plus a space.
CELL = 4


def percent(share: float, diagonal: bool) -> str:
    """A cell: the share in whole percent, "·" for nothing shared, "—" on the diagonal."""
    if diagonal:
        return "—"
    if share == 0:
        return "·"
    return str(max(1, round(share * 100))) if share < 1 else "100"


def overlap_table(
    articles: Sequence[Article],
    matrix: Sequence[Sequence[float]],
    reuse: Sequence[Reuse],
    width: int = 120,
) -> str:
    """The matrix as a grid of percentages: rows "k label", columns numbered by k.

    Articles are numbered from 1, as the Articles screen and the report number them. A
    row reads "how much of this article each other article carries". Columns that do not
    fit the width continue in further blocks below, each with its own header; the
    who-copied-whom lines follow.
    """
    names = labels(articles)
    heads = [f"{k} {names[a.id]}" for k, a in enumerate(articles, 1)]
    head_width = min(max(map(cell_width, heads), default=0), max(12, width // 3))
    per_block = max(1, (width - head_width - 1) // CELL)
    lines = ["Share of the row article's sentences that the column article carries (%)."]
    for start in range(0, len(articles), per_block):
        cols = range(start, min(start + per_block, len(articles)))
        lines.append("")
        lines.append(" " * head_width + " " + "".join(f"{k + 1:>{CELL}}" for k in cols))
        for i, head in enumerate(heads):
            cells = "".join(f"{percent(matrix[i][j], i == j):>{CELL}}" for j in cols)
            lines.append(fit(head, head_width) + " " + cells)
    lines.append("")
    lines += [reuse_line(r, articles) for r in reuse] or ["No two articles share copy (identical runs of wording)."]
    return "\n".join(lines)
