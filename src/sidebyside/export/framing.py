"""`sidebyside framing` output: JSON for scripts, a terminal table, Markdown for notes.

All three read one `StoryFraming` (`analysis.framing`): first the person × outlet table
(each cell: the labels, the attribution verbs and the hedges that outlet uses for that
person, each counted), then, per person and outlet, every term with its sentence, so a
journalist can check each claim against the words printed. Sentence numbers count from 1
where people read them, from 0 in JSON (as everywhere).
"""

from __future__ import annotations

from typing import Any

from sidebyside.analysis.framing import KINDS, Framing, FramingTerm, StoryFraming, TermKind
from sidebyside.export.compare import md_escape
from sidebyside.export.escape import markdown as md
from sidebyside.export.escape import one_line
from sidebyside.export.table import fit, render
from sidebyside.layout import cell_width
from sidebyside.model import Article

#: The JSON key and the heading of each kind of term.
PLURALS: dict[TermKind, str] = {"label": "labels", "verb": "verbs", "hedge": "hedges"}
#: What a cell shows for an article that never names the person.
NOT_NAMED = "not named"

# ------------------------------------------------------------------ JSON


def framing_payload(story: StoryFraming, source: str | None = None) -> dict[str, Any]:
    """The `framing --format json` document; `source` says where the watchlist came from
    (`analysis.watching.Source`), when the caller knows."""
    articles = {a.id: a for a in story.articles}
    return {
        "speakers": list(story.people),
        "speakers_from": source,
        "articles": [{"id": a.id, "outlet": a.outlet} for a in story.articles],
        "people": [
            {"person": person, "outlets": [_cell_dict(f, articles[f.article_id]) for f in story.row(person)]}
            for person in story.people
        ],
    }


def _cell_dict(cell: Framing, article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {"id": article.id, "outlet": article.outlet, "mentions": cell.mentions}
    for kind in KINDS:
        out[PLURALS[kind]] = [_term_dict(t, article) for t in cell.of_kind(kind)]
    return out


def _term_dict(term: FramingTerm, article: Article) -> dict[str, Any]:
    return {
        "term": term.term,
        "text": term.text,
        "sentence": term.sentence,
        "start": term.start,
        "end": term.end,
        "sentence_text": article.sentences[term.sentence],
    }


# ------------------------------------------------------------------ the cell, in words


def cell_text(cell: Framing) -> str:
    """ "strongman · said ×2, told · self-styled": labels · verbs · hedges, "–" for none;
    "not named" when the article never names the person."""
    if not cell.mentions and not cell.terms:
        return NOT_NAMED
    return " · ".join(counted_text(cell, kind) for kind in KINDS)


def counted_text(cell: Framing, kind: TermKind) -> str:
    """ "strongman ×2, commander": the distinct terms of a kind, first used first; "–" for none."""
    terms = cell.counted(kind)
    return ", ".join(term if n == 1 else f"{term} ×{n}" for term, n in terms) if terms else "–"


# ------------------------------------------------------------------ table


def framing_table(story: StoryFraming, width: int = 120) -> str:
    """Per person: a table of the outlets (labels, verbs, hedges, each counted), then
    every term with the words as printed and its sentence, cut to the width around them."""
    if not story.people:
        return "No people watched: name them with --speaker."
    parts = []
    for person in story.people:
        row = story.row(person)
        cells = [[a.label, *_kinds(cell)] for cell, a in zip(row, story.articles, strict=True)]
        lines = [person, render(["outlet", "labels", "verbs", "hedges"], cells, width, flexible=2)]
        for cell, article in zip(row, story.articles, strict=True):
            if cell.terms:
                lines += ["", f"  {article.label}: {_named(cell)}"]
                lines += [_term_line(t, article, width) for t in cell.terms]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _kinds(cell: Framing) -> list[str]:
    """The cell's labels, verbs and hedges, each counted; "not named" across them when the
    article never names the person."""
    if not cell.mentions and not cell.terms:
        return [NOT_NAMED, "", ""]
    return [counted_text(cell, kind) for kind in KINDS]


def _named(cell: Framing) -> str:
    if not cell.mentions:
        return NOT_NAMED if not cell.terms else "named only by description"
    named = f"named in {cell.mentions} sentence{'s' * (cell.mentions != 1)}"
    return named if cell.terms else f"{named}, no framing words"


def _term_line(term: FramingTerm, article: Article, width: int) -> str:
    """ "    label  commander  S1  …Libyan eastern commander Khalifa Haftar has …": the
    sentence cut to one line so that the term's words show."""
    head = f"    {term.kind:<5}  {term.term}  S{term.sentence + 1}  "
    room = max(20, width - cell_width(head))
    sentence = one_line(article.sentences[term.sentence])
    start = article.sentences[term.sentence][: term.start]
    start_at = len(one_line(start + "x")) - 1  # where the term starts once spaces are folded
    before = max(0, start_at - room // 3)
    shown = ("…" if before else "") + sentence[before:]
    return head + fit(shown, room).rstrip()


# ------------------------------------------------------------------ markdown


def framing_markdown(story: StoryFraming) -> str:
    """Notes a journalist can paste: the table, then per person and outlet each term with
    its sentence, the term's words in bold."""
    lines = ["# How each outlet frames the people in the story", ""]
    if not story.people:
        return "\n".join([*lines, "_No people watched._", ""])
    lines += [
        "Each cell: labels · attribution verbs · hedges (×n: used n times).",
        "",
        "| outlet | " + " | ".join(md(p) for p in story.people) + " |",
        "| --- |" + " --- |" * len(story.people),
    ]
    for a in story.articles:
        cells = (md(cell_text(story.cell(p, a.id))) for p in story.people)
        lines.append(f"| {md(a.label)} | " + " | ".join(cells) + " |")
    for person in story.people:
        lines += ["", f"## {md(person)}"]
        for cell, article in zip(story.row(person), story.articles, strict=True):
            lines += ["", f"### {md(article.label)}", "", f"_{md(_named(cell))}_"]
            if cell.terms:
                lines.append("")
            lines += [_term_item(t, article) for t in cell.terms]
    return "\n".join(lines) + "\n"


def _term_item(term: FramingTerm, article: Article) -> str:
    """ "- label **strongman** (S1): **Libyan strongman** Khalifa Haftar, who …"."""
    sentence = article.sentences[term.sentence]
    quoted = md_escape(sentence[: term.start]) + f"**{md(term.text)}**" + md_escape(sentence[term.end :])
    return f"- {term.kind} **{md(term.term)}** (S{term.sentence + 1}): {quoted}"
