"""`sidebyside quotes` output: JSON (the DESIGN.md contract), a plain table, CSV, Markdown.

The JSON keeps the contract's keys per article and adds `start`/`end` per item (offsets
into the sentence) and two story-wide lists, `groups` (one entry per quote with every
outlet carrying it) and `conflicts` (figures of one measure that disagree); beside the
watchlist (`speakers`), where it came from (`speakers_from`) and the story's other named
people with their quote counts (`proposed`). The
Markdown is meant to be pasted into a journalist's notes: per speaker, each quote with
its outlets; then the figures; then the conflicts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sidebyside.analysis.quote_groups import Carrier
from sidebyside.analysis.speakers import Watchlist
from sidebyside.analysis.story_quotes import FigureConflict, FigureGroup, QuoteGroup, StoryQuotes, summarise
from sidebyside.export.escape import markdown as md
from sidebyside.export.escape import one_line as _one_line
from sidebyside.export.table import render
from sidebyside.export.wording import changes_text, conflict_text, fidelity_tag
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
        "differs": g.differs,
        "carriers": [carrier_dict(c) for c in g.carriers],
    }


def carrier_dict(c: Carrier) -> dict[str, Any]:
    """One outlet's printing: its own words, its fidelity to the group's text and the word edits."""
    return {
        "id": c.article_id,
        "outlet": c.outlet,
        "sentence": c.sentence,
        "text": c.text,
        "kind": c.kind,
        "cue": c.cue,
        "fidelity": c.fidelity.value,
        "changes": [{"op": ch.op, "a": ch.a, "b": ch.b} for ch in c.changes],
    }


def value_dict(v: FigureGroup) -> dict[str, Any]:
    return {
        "measure": v.measure,
        "number": v.number,
        "qualifiers": list(v.qualifiers),
        "sources": list(v.sources),
        "outlets": list(v.outlets),
        "claims": [
            {
                "id": c.article_id,
                "outlet": c.outlet,
                "value": c.value,
                "qualifier": c.qualifier,
                "what": c.what,
                "attributed_to": c.source,
                "sentence": c.sentence,
                "measure": c.measure,
            }
            for c in v.claims
        ],
    }


def conflict_dict(c: FigureConflict) -> dict[str, Any]:
    return {"measure": c.measure, "values": [value_dict(v) for v in c.values]}


def quotes_payload(
    results: Sequence[ArticleQuotes], speakers: Speakers = None, source: str | None = None
) -> dict[str, Any]:
    """The `quotes --format json` document; `source` says where the watchlist came from
    (`analysis.watching.Source`), when the caller knows."""
    story = summarise(results, speakers)
    return {
        "speakers": list(story.speakers),
        "speakers_from": source,
        "proposed": [{"name": p.name, "quotes": p.quotes, "outlets": p.outlets} for p in story.proposals],
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
        "ledger": [value_dict(v) for v in story.figures],
        "conflicts": [conflict_dict(c) for c in story.conflicts],
    }


# ------------------------------------------------------------------ table


def quotes_table(results: Sequence[ArticleQuotes], speakers: Speakers = None, width: int = 120) -> str:
    """Plain-text tables: quotes by speaker with their outlets, figures, conflicts."""
    story = summarise(results, speakers)
    parts = []
    rows = [
        [g.speaker, c.kind, c.outlet, fidelity_tag(c.fidelity) if len(g.carriers) > 1 else "", _carrier_words(c)]
        for g in story.groups
        for c in g.carriers
    ]
    headers = ["speaker", "kind", "outlet", "wording", "quote (as this outlet printed it)"]
    parts.append(render(headers, rows, width, flexible=4, min_share=0.4) if rows else "No quotes found.")
    figure_rows = [
        [r.article.label, f.value, f.qualifier or "", f.what or "", f.attributed_to or "—"]
        for r in results
        for f in r.figures
    ]
    if figure_rows:
        parts.append(render(["outlet", "figure", "qualifier", "what", "source"], figure_rows, width, flexible=3))
    if story.conflicts:
        parts.append("Figures that cannot all hold\n" + "\n".join(f"  {conflict_text(c)}" for c in story.conflicts))
    return "\n\n".join(parts)


def _carrier_words(c: Carrier) -> str:
    """The carrier's own words, with its edits against the reference when it has any."""
    edits = changes_text(c.changes)
    return _one_line(c.text) + (f" [{edits}]" if edits else "")


# ------------------------------------------------------------------ csv

CSV_COLUMNS = (
    "type", "id", "outlet", "sentence", "speaker", "kind", "text", "cue",
    "value", "number", "qualifier", "what", "start", "end",
    "group", "fidelity", "changes",
)  # fmt: skip


def quotes_csv(results: Sequence[ArticleQuotes], speakers: Speakers = None) -> str:
    """One row per quote and per figure, for a spreadsheet.

    A quote row names its statement (`group`, the same number for every outlet carrying
    it) and, when several outlets carry it, how faithfully this one printed it
    (`fidelity`) and the word `changes` against the reference wording.
    """
    story = summarise(results, speakers)
    place: dict[tuple[str, int, str], tuple[int, Carrier, int]] = {}
    for n, g in enumerate(story.groups, 1):
        for c in g.carriers:
            place.setdefault((c.article_id, c.sentence, c.text), (n, c, len(g.carriers)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in results:
        a = r.article
        for q in r.quotes:
            group, carrier, size = place.get((a.id, q.sentence, q.text), (None, None, 0))
            fidelity = carrier.fidelity.value if carrier is not None and size > 1 else ""
            edits = changes_text(carrier.changes) if carrier is not None else ""
            writer.writerow(
                ["quote", a.id, a.label, q.sentence, q.speaker, q.kind, _one_line(q.text), q.cue or "",
                 "", "", "", "", q.start, q.end, group or "", fidelity, edits]
            )  # fmt: skip
        for f in r.figures:
            writer.writerow(
                ["figure", a.id, a.label, f.sentence, f.attributed_to or "", "", "", "", f.value,
                 "" if f.number is None else f.number, f.qualifier or "", f.what or "", f.start, f.end, "", "", ""]
            )  # fmt: skip
    return out.getvalue()


# ------------------------------------------------------------------ markdown


def quotes_markdown(results: Sequence[ArticleQuotes], speakers: Speakers = None) -> str:
    """Notes a journalist can paste: per speaker, quotes with outlets; figures; conflicts."""
    story = summarise(results, speakers)
    lines = [
        "# Who said what",
        "",
        f"{len(results)} article{'s' * (len(results) != 1)}: " + ", ".join(md(r.article.label) for r in results),
        "",
    ]
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
    """A statement per bullet; when outlets word it differently, one sub-bullet per outlet."""
    lines = []
    for g in groups:
        cues = sorted({c.cue for c in g.carriers if c.cue})
        note = f"{g.kind}" + (f"; {md(', '.join(cues))}" if cues else "")
        if not g.differs:
            line = f"- {_words(g.text, g.kind)} — {md(', '.join(g.outlets))} _({note})_"
        else:
            line = f"- {_words(g.text, g.kind)} _({note}; outlets word it differently)_"
        if g.also_attributed_to:
            line += f" — also attributed to {md(', '.join(g.also_attributed_to))}"
        lines.append(line)
        if g.differs:
            for c in g.carriers:
                edits = changes_text(c.changes)
                lines.append(
                    f"    - {md(c.outlet)}, {md(fidelity_tag(c.fidelity))}: {_words(c.text, c.kind)}"
                    + (f" — {md(edits)}" if edits else "")
                )
    return lines


def _words(text: str, kind: str) -> str:
    return f"“{md(text)}”" if kind == "direct" else md(text)


def _figure_lines(story: StoryQuotes) -> list[str]:
    lines: list[str] = []
    rows = [(r.article.label, f) for r in story.results for f in r.figures]
    if rows:
        lines += ["## Figures", "", "| outlet | figure | what | source |", "| --- | --- | --- | --- |"]
        for outlet, f in rows:
            figure = f"{f.qualifier} {f.value}" if f.qualifier else f.value
            lines.append(f"| {md(outlet)} | {md(figure)} | {md(f.what or '')} | {md(f.attributed_to or '—')} |")
        lines.append("")
    lines += ["## Figures that cannot all hold", ""]
    if not story.conflicts:
        lines.append("_No conflicting figures._")
    for c in story.conflicts:
        lines.append(f"- {md(conflict_text(c))}")
    return lines
