"""Plain-text tables for the terminal, without Rich's renderer, so headless commands start fast.

Widths are `sidebyside.layout.cell_width`, the one measure of display width (imported from
here by the overlap table too).
"""

from __future__ import annotations

from sidebyside.layout import cell_width
from sidebyside.model import Article


def fit(text: str, width: int) -> str:
    """Cut or pad `text` to exactly `width` columns, marking a cut with an ellipsis."""
    if cell_width(text) <= width:
        return text + " " * (width - cell_width(text))
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def render(headers: list[str], rows: list[list[str]], total_width: int, flexible: int, min_share: float = 0.0) -> str:
    """Columns sized to their content; column `flexible` takes what width is left.

    With `min_share`, the flexible column keeps at least that share of `total_width` (if its
    content needs it) and the widest other columns are cut, with an ellipsis, to make room.
    """
    widths = [max([cell_width(h)] + [cell_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    wanted = min(widths[flexible], max(10, int(total_width * min_share)))
    while True:
        fixed = sum(w for i, w in enumerate(widths) if i != flexible) + 2 * (len(headers) - 1)
        if fixed + wanted <= total_width:
            break
        others = [i for i in range(len(widths)) if i != flexible and widths[i] > max(cell_width(headers[i]), 8)]
        if not others:
            break
        widest = max(others, key=lambda i: widths[i])
        widths[widest] -= 1
    widths[flexible] = max(10, min(widths[flexible], total_width - fixed))
    lines = ["  ".join(fit(h, w) for h, w in zip(headers, widths, strict=False)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    lines += ["  ".join(fit(c, w) for c, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    return "\n".join(lines)


def articles_table(articles: tuple[Article, ...] | list[Article], width: int = 120) -> str:
    """One row per article; an outlet that only the file name gives is marked "(file name)"."""
    headers = ["id", "outlet", "sents", "date", "dateline", "byline", "headline"]
    rows = [
        [
            a.id,
            f"{a.outlet} (file name)" if a.outlet and a.outlet_from == "file name" else a.outlet or "—",
            str(len(a.sentences)),
            a.date or "—",
            a.dateline or "—",
            a.byline or "—",
            a.title or "—",
        ]
        for a in articles
    ]
    return render(headers, rows, width, flexible=len(headers) - 1)
