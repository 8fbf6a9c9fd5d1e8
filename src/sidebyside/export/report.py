"""The story report: the map of a story to take away, as Markdown or one HTML file.

A journalist closes the app with notes, not screenshots: which outlets ran whose copy,
who is quoted saying what and where the numbers disagree, and what each outlet alone
reported. `ReportData` holds those findings (computed by the same analysis the screens
use); the two renderers only lay them out. All article text is escaped, so a headline
with `|`, `<script>` or `[link]` stays text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from sidebyside.analysis.story_quotes import FigureGroup, StoryQuotes
from sidebyside.model import Article


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, in article order (matrix[i][j] = share of i found in j)."""

    articles: tuple[Article, ...]
    matrix: tuple[tuple[float, ...], ...]
    reuse_lines: tuple[str, ...]
    quotes: StoryQuotes
    unique: tuple[tuple[int, ...], ...]  # per article: indexes of sentences no other article carries
    nearest: tuple[tuple[int, float] | None, ...] = ()  # per article: closest other (index, share)


def build_report(articles: Sequence[Article], speakers: Sequence[str] | None = None) -> ReportData:
    """Run the analysis a report needs, once: matrix, reuse lines, quotes, unique sentences."""
    from sidebyside.analysis.reuse import AlignmentCache, closest, overlap_matrix, reuse_lines
    from sidebyside.analysis.story_quotes import story_quotes

    articles = tuple(articles)
    cache = AlignmentCache()
    matrix = overlap_matrix(articles, cache, workers=None)
    unique = []
    for i, a in enumerate(articles):
        carried: set[int] = set()
        for j, b in enumerate(articles):
            if i != j and matrix[i][j] > 0:  # a pair that shares nothing needs no alignment
                carried.update(r.a for r in cache.get(a, b).rows if r.a is not None and r.b is not None)
        unique.append(tuple(n for n in range(len(a.sentences)) if n not in carried))
    return ReportData(
        articles=articles,
        matrix=tuple(tuple(row) for row in matrix),
        reuse_lines=tuple(reuse_lines(articles, matrix)),
        quotes=story_quotes(articles, speakers),
        unique=tuple(unique),
        nearest=tuple(
            (next(k for k, a in enumerate(articles) if a.id == c.other and k != i), c.share) if c.other else None
            for i, c in enumerate(closest(articles, matrix))
        ),
    )


def closest(data: ReportData, i: int) -> tuple[int, float] | None:
    """The other article carrying most of article i, and that share (as the Articles screen
    picks it: `analysis.reuse.closest`)."""
    return data.nearest[i] if i < len(data.nearest) else None



def _value(value: FigureGroup) -> str:
    sources = ", ".join(s or "no source given" for s in value.sources)
    return f"{value.shown_number} (per {sources}; in {', '.join(value.outlets)})"


# --- Markdown ----------------------------------------------------------------------

MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md(text: str | None) -> str:
    """Article text made inert in Markdown: one line, special characters escaped."""
    return " ".join((text or "").split()).translate(MD_SPECIAL)


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def report_markdown(data: ReportData, title: str = "Story report") -> str:
    """The report as GitHub-flavoured Markdown (tables, lists, escaped article text)."""
    arts = data.articles
    out = [f"# {md(title)}", "", f"{len(arts)} article{'s' * (len(arts) != 1)}.", "", "## Articles", ""]
    rows = []
    for i, a in enumerate(arts):
        near = closest(data, i)
        near_text = f"{md(arts[near[0]].label)} ({near[1]:.0%})" if near else "—"
        rows.append([str(i + 1), md(a.label), md(a.title or a.id), md(a.byline or "—"), md(a.dateline or "—"),
                     str(len(a.sentences)), near_text])
    out += _md_table(["#", "Outlet", "Headline", "Byline", "Dateline", "Sentences", "Closest"], rows)
    out += ["", "## Overlap", "", "Share of the row article's sentences that the column article carries.", ""]
    headers = ["", *[str(j + 1) for j in range(len(arts))]]
    rows = [[f"{i + 1} {md(a.label)}", *[f"{s:.0%}" for s in data.matrix[i]]] for i, a in enumerate(arts)]
    out += _md_table(headers, rows)
    out += ["", "## Who ran whose copy", ""]
    out += [f"- {md(line)}" for line in data.reuse_lines] or ["No article reuses another's text."]
    out += ["", "## Quote sheet", ""]
    story = data.quotes
    for speaker in _speakers(story):
        groups = story.groups_for(speaker)
        if not groups:
            continue
        out += [f"### {md(speaker)}", ""]
        for g in groups:
            words = f"“{md(g.text)}”" if g.kind == "direct" else md(g.text)
            out.append(f"- {words} — {md(', '.join(g.outlets))}")
        out.append("")
    if story.conflicts:
        out += ["### Figures that disagree", ""]
        rows = [[md(c.measure), " vs ".join(md(_value(v)) for v in c.values)] for c in story.conflicts]
        out += _md_table(["Measure", "Values"], rows)
        out.append("")
    if story.figures:
        out += ["### All figures", ""]
        rows = [[md(v.measure), v.shown_number, md(", ".join(s or "—" for s in v.sources)), md(", ".join(v.outlets))]
                for v in story.figures]
        out += _md_table(["Measure", "Number", "Source", "Outlets"], rows)
        out.append("")
    out += ["## What only one outlet reported", ""]
    for i, a in enumerate(arts):
        if not data.unique[i]:
            continue
        out += [f"### {md(a.label)} — {md(a.title or a.id)}", ""]
        out += [f"{n + 1}. {md(a.sentences[n])}" for n in data.unique[i]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _speakers(story: StoryQuotes) -> list[str]:
    return list(story.speakers) + sorted({g.speaker for g in story.groups} - set(story.speakers))


# --- HTML --------------------------------------------------------------------------

CSS = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d2228; background: #fbfbf8; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #dde; }
table { border-collapse: collapse; margin: 0.8rem 0; } th, td { padding: 0.3rem 0.6rem; text-align: left;
        vertical-align: top; border-bottom: 1px solid #e4e4ea; }
th { background: #eef0f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix td { text-align: center; min-width: 3.2rem; } .muted { color: #667; }
ul.quotes li { margin: 0.3rem 0; } .outlets { color: #556; font-size: 0.9em; }
.conflict { color: #a4161a; font-weight: 600; } ol.unique li { margin: 0.25rem 0; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cell_colour(share: float) -> str:
    """White for nothing shared through deep blue for everything."""
    light = 97 - round(share * 55)
    text = "#fff" if light < 60 else "#1d2228"
    return f"background: hsl(215, 70%, {light}%); color: {text}"


def report_html(data: ReportData, title: str = "Story report") -> str:
    """The report as one self-contained HTML page (inline CSS, no scripts, no external files)."""
    arts = data.articles
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1><p class='muted'>{len(arts)} article{'s' * (len(arts) != 1)}</p>",
        "<h2 id='articles'>Articles</h2><table><tr><th>#</th><th>Outlet</th><th>Headline</th><th>Byline</th>"
        "<th>Dateline</th><th>Sentences</th><th>Closest</th></tr>",
    ]
    for i, a in enumerate(arts):
        near = closest(data, i)
        near_text = f"{_e(arts[near[0]].label)} ({near[1]:.0%})" if near else "—"
        parts.append(
            f"<tr><td class='num'>{i + 1}</td><td>{_e(a.label)}</td><td>{_e(a.title or a.id)}</td>"
            f"<td>{_e(a.byline or '—')}</td><td>{_e(a.dateline or '—')}</td>"
            f"<td class='num'>{len(a.sentences)}</td><td>{near_text}</td></tr>"
        )
    parts.append("</table>")
    parts.append("<h2 id='overlap'>Overlap</h2><p class='muted'>Share of the row article's sentences that the "
                 "column article carries.</p><table class='matrix'><tr><th></th>")
    parts += [f"<th title='{_e(a.label)}'>{j + 1}</th>" for j, a in enumerate(arts)]
    parts.append("</tr>")
    for i, a in enumerate(arts):
        cells = "".join(f"<td style='{_cell_colour(s)}'>{s:.0%}</td>" for s in data.matrix[i])
        parts.append(f"<tr><th>{i + 1} {_e(a.label)}</th>{cells}</tr>")
    parts.append("</table>")
    parts.append("<h2 id='reuse'>Who ran whose copy</h2><ul>")
    parts += [f"<li>{_e(line)}</li>" for line in data.reuse_lines] or ["<li>No article reuses another's text.</li>"]
    parts.append("</ul>")
    parts.append("<h2 id='quotes'>Quote sheet</h2>")
    story = data.quotes
    for speaker in _speakers(story):
        groups = story.groups_for(speaker)
        if not groups:
            continue
        parts.append(f"<h3>{_e(speaker)}</h3><ul class='quotes'>")
        for g in groups:
            words = f"“{_e(g.text)}”" if g.kind == "direct" else f"<i>{_e(g.text)}</i>"
            parts.append(f"<li>{words} <span class='outlets'>— {_e(', '.join(g.outlets))}</span></li>")
        parts.append("</ul>")
    if story.conflicts:
        parts.append("<h3 class='conflict'>Figures that disagree</h3><table><tr><th>Measure</th><th>Values</th></tr>")
        for c in story.conflicts:
            values = "<br>".join(_e(_value(v)) for v in c.values)
            parts.append(f"<tr><td class='conflict'>{_e(c.measure)}</td><td>{values}</td></tr>")
        parts.append("</table>")
    if story.figures:
        parts.append("<h3>All figures</h3><table><tr><th>Measure</th><th>Number</th><th>Source</th><th>Outlets</th></tr>")
        for v in story.figures:
            parts.append(f"<tr><td>{_e(v.measure)}</td><td class='num'>{_e(v.shown_number)}</td>"
                         f"<td>{_e(', '.join(s or '—' for s in v.sources))}</td><td>{_e(', '.join(v.outlets))}</td></tr>")
        parts.append("</table>")
    parts.append("<h2 id='unique'>What only one outlet reported</h2>")
    for i, a in enumerate(arts):
        if not data.unique[i]:
            continue
        parts.append(f"<h3>{_e(a.label)} — {_e(a.title or a.id)}</h3><ol class='unique'>")
        parts += [f"<li value='{n + 1}'>{_e(a.sentences[n])}</li>" for n in data.unique[i]]
        parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
