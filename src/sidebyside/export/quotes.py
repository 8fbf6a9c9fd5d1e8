"""`sidebyside quotes` output: JSON (the DESIGN.md contract), a plain table, CSV, Markdown.

The JSON keeps the contract's keys per article and adds `start`/`end` per item (offsets
into the sentence) and two story-wide lists, `groups` (one entry per quote with every
outlet carrying it) and `conflicts` (figures of one measure that disagree). The
Markdown is meant to be pasted into a journalist's notes: per speaker, each quote with
its outlets; then the figures; then the conflicts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sidebyside.analysis.speakers import Watchlist
from sidebyside.analysis.story_quotes import FigureConflict, FigureGroup, QuoteGroup, StoryQuotes, summarise
from sidebyside.export.table import render
from sidebyside.model import ArticleQuotes, Figure, Quote

Speakers = Watchlist | Iterable[str] | None


def quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "speaker": q.speaker,
        "text": q.text,
        "kind": q.kind,
        "sentence": q.sentence,
        "cue": q.cue,
        "start": q.start,
        "end": q.end,
    }


def figure_dict(f: Figure) -> dict[str, Any]:
    return {
        "value": f.value,
        "number": f.number,
        "qualifier": f.qualifier,
        "what": f.what,
        "attributed_to": f.attributed_to,
        "sentence": f.sentence,
        "start": f.start,
        "end": f.end,
    }


def group_dict(g: QuoteGroup) -> dict[str, Any]:
    return {
        "speaker": g.speaker,
        "text": g.text,
        "kind": g.kind,
        "watched": g.watched,
        "outlets": list(g.outlets),
        "also_attributed_to": list(g.also_attributed_to),
        "carriers": [
            {"id": c.article_id, "outlet": c.outlet, "sentence": c.sentence, "text": c.text, "kind": c.kind, "cue": c.cue}
            for c in g.carriers
        ],
    }


def value_dict(v: FigureGroup) -> dict[str, Any]:
    return {
        "number": v.number,
        "qualifiers": list(v.qualifiers),
        "sources": list(v.sources),
        "outlets": list(v.outlets),
        "claims": [
            {"id": c.article_id, "outlet": c.outlet, "value": c.value, "qualifier": c.qualifier, "what": c.what,
             "attributed_to": c.source, "sentence": c.sentence}
            for c in v.claims
        ],
    }


def conflict_dict(c: FigureConflict) -> dict[str, Any]:
    return {"measure": c.measure, "values": [value_dict(v) for v in c.values]}


def quotes_payload(results: Sequence[ArticleQuotes], speakers: Speakers = None) -> dict[str, Any]:
    """The `quotes --format json` document."""
    story = summarise(results, speakers)
    return {
        "speakers": list(story.speakers),
        "articles": [
            {
                "id": r.article.id,
                "outlet": r.article.outlet,
                "quotes": [quote_dict(q) for q in r.quotes],
                "figures": [figure_dict(f) for f in r.figures],
            }
            for r in results
        ],
        "groups": [group_dict(g) for g in story.groups],
        "conflicts": [conflict_dict(c) for c in story.conflicts],
    }


# ------------------------------------------------------------------ table


def quotes_table(results: Sequence[ArticleQuotes], speakers: Speakers = None, width: int = 120) -> str:
    """Plain-text tables: quotes by speaker with their outlets, figures, conflicts."""
    story = summarise(results, speakers)
    parts = []
    rows = [[g.speaker, g.kind, ", ".join(g.outlets), _one_line(g.text)] for g in story.groups]
    parts.append(render(["speaker", "kind", "outlets", "quote"], rows, width, flexible=3, min_share=0.4) if rows else "No quotes found.")
    figure_rows = [
        [r.article.label, f.value, f.qualifier or "", f.what or "", f.attributed_to or "—"]
        for r in results
        for f in r.figures
    ]
    if figure_rows:
        parts.append(render(["outlet", "figure", "qualifier", "what", "source"], figure_rows, width, flexible=3))
    if story.conflicts:
        parts.append("Conflicts\n" + "\n".join(_conflict_line(c) for c in story.conflicts))
    return "\n\n".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _value_text(v: FigureGroup) -> str:
    """"510 (at least) per World Health Organization: AFP; unattributed: Reuters"."""
    number = v.shown_number
    qual = f" ({', '.join(v.qualifiers)})" if v.qualifiers else ""
    by_source: dict[str | None, list[str]] = {}
    for claim in v.claims:
        outlets = by_source.setdefault(claim.source, [])
        if claim.outlet not in outlets:
            outlets.append(claim.outlet)
    parts = [f"{'per ' + source if source else 'unattributed'}: {', '.join(outlets)}" for source, outlets in by_source.items()]
    return f"{number}{qual} {'; '.join(parts)}"


def _conflict_line(c: FigureConflict) -> str:
    return f"  {c.measure}: " + " vs ".join(_value_text(v) for v in c.values)


# ------------------------------------------------------------------ csv

CSV_COLUMNS = (
    "type", "id", "outlet", "sentence", "speaker", "kind", "text", "cue",
    "value", "number", "qualifier", "what", "start", "end",
)


def quotes_csv(results: Sequence[ArticleQuotes], speakers: Speakers = None) -> str:
    """One row per quote and per figure, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in results:
        a = r.article
        for q in r.quotes:
            writer.writerow(["quote", a.id, a.label, q.sentence, q.speaker, q.kind, _one_line(q.text), q.cue or "", "", "", "", "", q.start, q.end])
        for f in r.figures:
            writer.writerow(
                ["figure", a.id, a.label, f.sentence, f.attributed_to or "", "", "", "", f.value,
                 "" if f.number is None else f.number, f.qualifier or "", f.what or "", f.start, f.end]
            )
    return out.getvalue()


# ------------------------------------------------------------------ markdown

MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md(text: str | None) -> str:
    """Article text made inert in Markdown: one line, special characters escaped."""
    return _one_line(text or "").translate(MD_SPECIAL)


def quotes_markdown(results: Sequence[ArticleQuotes], speakers: Speakers = None) -> str:
    """Notes a journalist can paste: per speaker, quotes with outlets; figures; conflicts."""
    story = summarise(results, speakers)
    lines = ["# Who said what", "", f"{len(results)} article{'s' * (len(results) != 1)}: " + ", ".join(md(r.article.label) for r in results), ""]
    for name in story.speakers:
        lines += [f"## {md(name)}", ""]
        lines += _group_lines(story.groups_for(name)) or ["_No quotes found._"]
        lines.append("")
    others = [g for g in story.groups if not g.watched]
    if others:
        lines += ["## Others quoted", ""]
        for name in dict.fromkeys(g.speaker for g in others):
            lines += [f"### {md(name)}", ""] + _group_lines(story.groups_for(name)) + [""]
    lines += _figure_lines(story)
    return "\n".join(lines).rstrip() + "\n"


def _group_lines(groups: Iterable[QuoteGroup]) -> list[str]:
    lines = []
    for g in groups:
        words = f"“{md(g.text)}”" if g.kind == "direct" else md(g.text)
        cues = sorted({c.cue for c in g.carriers if c.cue})
        note = f"{g.kind}" + (f"; {md(', '.join(cues))}" if cues else "")
        line = f"- {words} — {md(', '.join(g.outlets))} _({note})_"
        if g.also_attributed_to:
            line += f" — also attributed to {md(', '.join(g.also_attributed_to))}"
        lines.append(line)
    return lines


def _figure_lines(story: StoryQuotes) -> list[str]:
    lines: list[str] = []
    rows = [(r.article.label, f) for r in story.results for f in r.figures]
    if rows:
        lines += ["## Figures", "", "| outlet | figure | what | source |", "| --- | --- | --- | --- |"]
        for outlet, f in rows:
            figure = f"{f.qualifier} {f.value}" if f.qualifier else f.value
            lines.append(f"| {md(outlet)} | {md(figure)} | {md(f.what or '')} | {md(f.attributed_to or '—')} |")
        lines.append("")
    lines += ["## Conflicts", ""]
    if not story.conflicts:
        lines.append("_No conflicting figures._")
    for c in story.conflicts:
        lines.append(f"- **{md(c.measure)}**: " + " vs ".join(md(_value_text(v)) for v in c.values))
    return lines
