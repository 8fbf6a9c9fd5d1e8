"""The story report: the map of a story to take away, as Markdown or one HTML file.

A journalist closes the app with notes, not screenshots: which outlets ran whose copy,
the sentences the story is made of with each outlet's wording and what each outlet alone
reported (the collation, as `collate` and the Story screen show it), who is quoted saying
what and where the numbers disagree, and how each outlet frames the people. `ReportData`
(`analysis/story_report.py`) holds those findings, computed by the same analysis the
screens use; the two renderers only lay them out, in the words of `export/wording.py`,
`export/collate.py` and `export/framing.py`. Lists that grow with the number of outlets
are capped, and say so and which `collate` command shows the rest. All article text is
escaped, so a headline
with `|`, `<script>` or `[link]` stays text. Both formats carry the mark of
`ingest/own_output.py` at the top, so a report saved among the articles is never read back
as one of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sidebyside.analysis.collate import CollatedCell, carried_by, collated_cell, filter_rows
from sidebyside.analysis.copy import reuse_line
from sidebyside.analysis.framing import FramingTerm, StoryFraming
from sidebyside.analysis.quote_groups import QuoteGroup
from sidebyside.analysis.story_quotes import StoryQuotes
from sidebyside.analysis.story_report import ReportData, build_report, most_carried
from sidebyside.export.collate import absent_from, markdown_row, summary
from sidebyside.export.escape import html as _e
from sidebyside.export.escape import markdown as md
from sidebyside.export.framing import cell_text as framing_cell
from sidebyside.export.framing import framing_markdown
from sidebyside.export.marks import HTML_ADDED, HTML_REMOVED, inline_changes
from sidebyside.export.wording import changes_text, conflict_text, fidelity_tag, number_text, sources_text
from sidebyside.ingest.own_output import HTML_MARK, MARKDOWN_MARK

__all__ = ["ReportData", "build_report", "report_html", "report_markdown"]

#: Rows shown with every outlet's wording under "The rows most outlets carry".
MOST_CARRIED = 8
#: Sentences shown per outlet under "What only one outlet reported".
ALONE_SHOWN = 10
#: Where the capped lists continue (PATH: the story's articles, as given to the report).
MORE_SHARED = "sidebyside collate PATH --min-outlets 2"
MORE_ALONE = "sidebyside collate PATH --only-one"
STORY_INTRO = (
    "Each row is one sentence and its counterparts in every article (as the collate command "
    "and the Story screen show them), compared with the row's reference: the earliest-dated, "
    "else the fullest version."
)
WORDING_LEGEND = "a reworded sentence (mostly other words) is shown whole."
FRAMING_LEGEND = "Each cell: labels · attribution verbs · hedges (×n: used n times)."


def closest(data: ReportData, i: int) -> tuple[int, float] | None:
    """The other article carrying most of article i, and that share (as the Articles screen
    picks it: `analysis.overlap.closest`)."""
    return data.nearest[i] if i < len(data.nearest) else None


def _reuse_lines(data: ReportData) -> list[str]:
    return [reuse_line(r, data.articles) for r in data.reuse]


# --- Markdown ----------------------------------------------------------------------


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def report_markdown(data: ReportData, title: str = "Story report") -> str:
    """The report as GitHub-flavoured Markdown (tables, lists, escaped article text)."""
    arts = data.articles
    out = [MARKDOWN_MARK, f"# {md(title)}", "", f"{len(arts)} article{'s' * (len(arts) != 1)}.", "", "## Articles", ""]
    rows = []
    for i, a in enumerate(arts):
        near = closest(data, i)
        near_text = f"{md(arts[near[0]].label)} ({near[1]:.0%})" if near else "—"
        rows.append(
            [
                str(i + 1),
                md(a.label),
                md(a.title or a.id),
                md(a.byline or "—"),
                md(a.dateline or "—"),
                md(a.date or "—"),
                str(len(a.sentences)),
                near_text,
            ]
        )
    out += _md_table(["#", "Outlet", "Headline", "Byline", "Dateline", "Date", "Sentences", "Closest"], rows)
    out += ["", "## Overlap", "", "Share of the row article's sentences that the column article carries.", ""]
    headers = ["", *[str(j + 1) for j in range(len(arts))]]
    rows = [[f"{i + 1} {md(a.label)}", *[f"{s:.0%}" for s in data.matrix[i]]] for i, a in enumerate(arts)]
    out += _md_table(headers, rows)
    out += ["", "## Who ran whose copy", ""]
    out += [f"- {md(line)}" for line in _reuse_lines(data)] or ["No two articles share copy."]
    out += ["", *_md_story(data)]
    while out[-1] == "":  # one blank line before the next section, however the story ends
        out.pop()
    out += ["", "## Quote sheet", ""]
    story = data.quotes
    for speaker in _speakers(story):
        groups = story.groups_for(speaker)
        if not groups:
            continue
        out += [f"### {md(speaker)}", ""]
        for g in groups:
            out += _md_group(g)
        out.append("")
    out += ["### Figures that cannot all hold", ""]
    out += [f"- {md(conflict_text(c))}" for c in story.conflicts] or [
        "No two figures of one measure contradict each other."
    ]
    out.append("")
    if story.figures:
        out += ["### Figure ledger", ""]
        rows = [[md(v.measure), md(number_text(v.number, v.qualifier)), md(sources_text(v))] for v in story.figures]
        out += _md_table(["Measure", "Figure", "Given by (outlets)"], rows)
        out.append("")
    out += demoted(framing_markdown(data.framing)).splitlines()
    return "\n".join(out).rstrip() + "\n"


def _md_story(data: ReportData) -> list[str]:
    """The whole story: the rows most outlets carry, each outlet's wording, then what
    each outlet alone reported; both lists capped (`MOST_CARRIED`, `ALONE_SHOWN`)."""
    collation = data.collation
    out = ["## The whole story", ""]
    if len(data.articles) < 2:
        return [*out, "One article: nothing to set beside it."]
    out += [STORY_INTRO, "", md(summary(collation)) + ".", "", "### The rows most outlets carry", ""]
    shown = most_carried(collation, MOST_CARRIED)
    if not shown:
        out += ["No sentence is carried by two articles.", ""]
    else:
        out += ["Each outlet's wording: ~~reference only~~ **this outlet only**; " + WORDING_LEGEND, ""]
    for r in shown:
        row = collation.rows[r]
        out += [f"#### Row {r + 1} — carried by {carried_by(row)} of {len(collation.articles)}", ""]
        out += [*markdown_row(collation, row), ""]
    more = len(filter_rows(collation, min_outlets=2)) - len(shown)
    if more > 0:
        out += [f"… and {more} more row{'s' * (more != 1)} carried by two or more articles: `{MORE_SHARED}`", ""]
    out += ["### What only one outlet reported", ""]
    if not any(data.unique):
        out += ["Every sentence is carried by at least two articles.", ""]
    for i, a in enumerate(data.articles):
        alone = data.unique[i]
        if not alone:
            continue
        out += [f"#### {md(a.label)} — {md(a.title or a.id)}", ""]
        # A table, not "3. …": Markdown renderers renumber a list from its first item.
        out += _md_table(["#", "Sentence"], [[str(n + 1), md(a.sentences[n])] for n in alone[:ALONE_SHOWN]])
        out.append("")
        if len(alone) > ALONE_SHOWN:  # after a blank line: a line right under a table joins it
            out += [f"… and {len(alone) - ALONE_SHOWN} more of its own: `{MORE_ALONE}`", ""]
    return out


def demoted(markdown: str) -> str:
    """Markdown with every heading one level deeper, to nest a whole document as a section.

    Only headings start a line with "#": the exports escape every "#" of article text.
    """
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.split("\n"))


def _md_group(g: QuoteGroup) -> list[str]:
    """A statement and its outlets; when outlets word it differently, each outlet's words."""
    words = f"“{md(g.text)}”" if g.kind == "direct" else md(g.text)
    if not g.differs:
        return [f"- {words} — {md(', '.join(g.outlets))}"]
    lines = [f"- {words} — outlets word it differently:"]
    for c in g.carriers:
        own = f"“{md(c.text)}”" if c.kind == "direct" else md(c.text)
        edits = changes_text(c.changes)
        lines.append(
            f"    - {md(c.outlet)} ({md(fidelity_tag(c.fidelity))}): {own}" + (f" — {md(edits)}" if edits else "")
        )
    return lines


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
ul.row li, ul.terms li { margin: 0.25rem 0; } del { color: #8a2b2b; }
ins { text-decoration: none; font-weight: 600; background: #e3f1e6; }
"""


def _cell_colour(share: float) -> str:
    """White for nothing shared through deep blue for everything."""
    light = 97 - round(share * 55)
    text = "#fff" if light < 60 else "#1d2228"
    return f"background: hsl(215, 70%, {light}%); color: {text}"


def _html_group(g: QuoteGroup) -> str:
    """A statement as a list item; each outlet's own words beneath when they differ."""
    words = f"“{_e(g.text)}”" if g.kind == "direct" else f"<i>{_e(g.text)}</i>"
    if not g.differs:
        return f"<li>{words} <span class='outlets'>— {_e(', '.join(g.outlets))}</span></li>"
    items = []
    for c in g.carriers:
        own = f"“{_e(c.text)}”" if c.kind == "direct" else f"<i>{_e(c.text)}</i>"
        edits = changes_text(c.changes)
        items.append(
            f"<li><b>{_e(c.outlet)}</b> ({_e(fidelity_tag(c.fidelity))}): {own}"
            + (f" <span class='outlets'>— {_e(edits)}</span>" if edits else "")
            + "</li>"
        )
    return f"<li>{words} <span class='outlets'>— outlets word it differently:</span><ul>{''.join(items)}</ul></li>"


def report_html(data: ReportData, title: str = "Story report") -> str:
    """The report as one self-contained HTML page (inline CSS, no scripts, no external files)."""
    arts = data.articles
    parts = [
        "<!doctype html>",
        f'<html lang="en"><head><meta charset="utf-8">{HTML_MARK}',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1><p class='muted'>{len(arts)} article{'s' * (len(arts) != 1)}</p>",
        "<h2 id='articles'>Articles</h2><table><tr><th>#</th><th>Outlet</th><th>Headline</th><th>Byline</th>"
        "<th>Dateline</th><th>Date</th><th>Sentences</th><th>Closest</th></tr>",
    ]
    for i, a in enumerate(arts):
        near = closest(data, i)
        near_text = f"{_e(arts[near[0]].label)} ({near[1]:.0%})" if near else "—"
        parts.append(
            f"<tr><td class='num'>{i + 1}</td><td>{_e(a.label)}</td><td>{_e(a.title or a.id)}</td>"
            f"<td>{_e(a.byline or '—')}</td><td>{_e(a.dateline or '—')}</td><td>{_e(a.date or '—')}</td>"
            f"<td class='num'>{len(a.sentences)}</td><td>{near_text}</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        "<h2 id='overlap'>Overlap</h2><p class='muted'>Share of the row article's sentences that the "
        "column article carries.</p><table class='matrix'><tr><th></th>"
    )
    parts += [f"<th title='{_e(a.label)}'>{j + 1}</th>" for j, a in enumerate(arts)]
    parts.append("</tr>")
    for i, a in enumerate(arts):
        cells = "".join(f"<td style='{_cell_colour(s)}'>{s:.0%}</td>" for s in data.matrix[i])
        parts.append(f"<tr><th>{i + 1} {_e(a.label)}</th>{cells}</tr>")
    parts.append("</table>")
    parts.append("<h2 id='reuse'>Who ran whose copy</h2><ul>")
    parts += [f"<li>{_e(line)}</li>" for line in _reuse_lines(data)] or ["<li>No two articles share copy.</li>"]
    parts.append("</ul>")
    parts += _html_story(data)
    parts.append("<h2 id='quotes'>Quote sheet</h2>")
    story = data.quotes
    for speaker in _speakers(story):
        groups = story.groups_for(speaker)
        if not groups:
            continue
        parts.append(f"<h3>{_e(speaker)}</h3><ul class='quotes'>")
        for g in groups:
            parts.append(_html_group(g))
        parts.append("</ul>")
    parts.append("<h3 class='conflict'>Figures that cannot all hold</h3><ul>")
    parts += [f"<li class='conflict'>{_e(conflict_text(c))}</li>" for c in story.conflicts] or [
        "<li>No two figures of one measure contradict each other.</li>"
    ]
    parts.append("</ul>")
    if story.figures:
        parts.append("<h3>Figure ledger</h3><table><tr><th>Measure</th><th>Figure</th><th>Given by (outlets)</th></tr>")
        for v in story.figures:
            parts.append(
                f"<tr><td>{_e(v.measure)}</td><td class='num'>{_e(number_text(v.number, v.qualifier))}</td>"
                f"<td>{_e(sources_text(v))}</td></tr>"
            )
        parts.append("</table>")
    parts += _html_framing(data.framing)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_story(data: ReportData) -> list[str]:
    """The whole story as `_md_story` lays it out."""
    collation = data.collation
    parts = ["<h2 id='story'>The whole story</h2>"]
    if len(data.articles) < 2:
        return [*parts, "<p>One article: nothing to set beside it.</p>"]
    parts.append(f"<p class='muted'>{_e(STORY_INTRO)}</p><p>{_e(summary(collation))}.</p>")
    parts.append("<h3 id='most-carried'>The rows most outlets carry</h3>")
    shown = most_carried(collation, MOST_CARRIED)
    if not shown:
        parts.append("<p>No sentence is carried by two articles.</p>")
    else:
        parts.append(
            f"<p class='muted'>Each outlet's wording: <del>reference only</del> <ins>this outlet only</ins>; "
            f"{_e(WORDING_LEGEND)}</p>"
        )
    for r in shown:
        row = collation.rows[r]
        parts.append(
            f"<h4>Row {r + 1} — carried by {carried_by(row)} of {len(collation.articles)}</h4><ul class='row'>"
        )
        cells = ((collated_cell(collation, row, c), a.label) for c, a in enumerate(collation.articles))
        parts += [f"<li>{_html_cell(cell, label)}</li>" for cell, label in cells if cell is not None]
        absent = absent_from(collation, row)
        if absent:
            parts.append(f"<li class='muted'><i>{_e(absent[0].upper() + absent[1:])}</i></li>")
        parts.append("</ul>")
    more = len(filter_rows(collation, min_outlets=2)) - len(shown)
    if more > 0:
        parts.append(
            f"<p class='muted'>… and {more} more row{'s' * (more != 1)} carried by two or more articles: "
            f"<code>{_e(MORE_SHARED)}</code></p>"
        )
    parts.append("<h3 id='unique'>What only one outlet reported</h3>")
    if not any(data.unique):
        parts.append("<p>Every sentence is carried by at least two articles.</p>")
    for i, a in enumerate(data.articles):
        alone = data.unique[i]
        if not alone:
            continue
        parts.append(f"<h4>{_e(a.label)} — {_e(a.title or a.id)}</h4><ol class='unique'>")
        parts += [f"<li value='{n + 1}'>{_e(a.sentences[n])}</li>" for n in alone[:ALONE_SHOWN]]
        parts.append("</ol>")
        if len(alone) > ALONE_SHOWN:
            parts.append(
                f"<p class='muted'>… and {len(alone) - ALONE_SHOWN} more of its own: <code>{_e(MORE_ALONE)}</code></p>"
            )
    return parts


def _html_cell(cell: CollatedCell, label: str) -> str:
    """One outlet's sentence in a row, as `export.collate.markdown_row` words it: the
    reference whole, "same words", a rewrite whole, else the changes marked."""
    head = f"<b>{_e(label)}</b> (sentence {cell.sentence + 1}"
    if cell.kind == "reference":
        return f"{head}, reference): {_e(cell.text)}"
    if cell.kind == "same":
        return f"{head}): same words"
    if cell.kind == "reworded":
        return f"{head}, reworded): {_e(cell.text)}"
    return f"{head}): {inline_changes(cell.changes, _e, HTML_REMOVED, HTML_ADDED)}"


def _html_framing(story: StoryFraming) -> list[str]:
    """The person × outlet table, then per person each outlet's terms with their sentence
    (`export.framing.framing_markdown`'s layout; outlets with no terms only in the table)."""
    parts = ["<h2 id='framing'>How each outlet frames the people in the story</h2>"]
    if not story.people:
        return [*parts, "<p>No people watched.</p>"]
    parts.append(f"<p class='muted'>{_e(FRAMING_LEGEND)}</p><table><tr><th>Outlet</th>")
    parts += [f"<th>{_e(p)}</th>" for p in story.people]
    parts.append("</tr>")
    for a in story.articles:
        cells = "".join(f"<td>{_e(framing_cell(story.cell(p, a.id)))}</td>" for p in story.people)
        parts.append(f"<tr><th>{_e(a.label)}</th>{cells}</tr>")
    parts.append("</table>")
    for person in story.people:
        parts.append(f"<h3>{_e(person)}</h3>")
        for cell, article in zip(story.row(person), story.articles, strict=True):
            if cell.terms:
                parts.append(f"<h4>{_e(article.label)}</h4><ul class='terms'>")
                parts += [f"<li>{_html_term(t, article.sentences[t.sentence])}</li>" for t in cell.terms]
                parts.append("</ul>")
    return parts


def _html_term(term: FramingTerm, sentence: str) -> str:
    """ "label <b>strongman</b> (S1): <b>Libyan strongman</b> Khalifa Haftar, who …"."""
    quoted = _e(sentence[: term.start]) + f"<b>{_e(term.text)}</b>" + _e(sentence[term.end :])
    return f"{_e(term.kind)} <b>{_e(term.term)}</b> (S{term.sentence + 1}): {quoted}"
