"""People count from 1 wherever they read a number; JSON indexes stay 0-based.

The TUI and the report number articles and sentences from 1, so `overlap` does too; the
Markdown report keeps its numbers through a Markdown renderer (a list "3. …" would come
out as "1."); the Compare heads show each article's publication date when it is known.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from textual.widgets import Static

from sidebyside import cli
from sidebyside.analysis.align import align
from sidebyside.export.compare import compare_payload, compare_text
from sidebyside.export.report import build_report, report_markdown
from sidebyside.ingest.story import load_story
from sidebyside.model import Story
from sidebyside.tui.app import make_app
from sidebyside.tui.screens.compare import CompareScreen

from conftest import SEEDS

HARBOUR = Path(__file__).parent / "data" / "harbour_chemical_fire"


def test_overlap_table_numbers_articles_from_one(capsys) -> None:
    assert cli.main(["overlap", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(line for line in lines if line.strip() and all(p.isdigit() for p in line.split()))
    assert header.split() == ["1", "2", "3", "4", "5"]
    rows = [line for line in lines if line[:1].isdigit()]
    assert [row.split()[0] for row in rows] == ["1", "2", "3", "4", "5"]
    assert rows[0].startswith("1 Reuters") and rows[4].startswith("5 Asharq Al-Awsat")
    # the diagonal sits where row k meets column k
    assert [row.split()[-5:][k] for k, row in enumerate(rows)] == ["—"] * 5


def test_overlap_json_positions_stay_indexes(capsys) -> None:
    assert cli.main(["overlap", str(SEEDS), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["articles"][0]["outlet"] == "Reuters"  # row "1 Reuters" of the table
    assert payload["matrix"][0][0] == 1.0


def test_compare_text_numbers_are_the_json_indexes_plus_one(seeds_story: Story) -> None:
    al = align(seeds_story.articles[3], seeds_story.articles[4])
    rows = compare_payload(al)["rows"]
    body = compare_text(al, 120).splitlines()[5:]
    heads = [line for line in body if line[:1].strip()]  # the first line of each row carries its mark
    assert len(heads) == len(rows)
    for line, row in zip(heads, rows, strict=True):
        left, _, right = line.partition(" |")  # an only-A row ends at the bar
        numbers = (re.match(r"\S\s+(\d+)", left), re.match(r"\s*(\d+)", right))
        shown = [int(m.group(1)) if m else None for m in numbers]
        assert shown == [None if row[s] is None else row[s] + 1 for s in ("a", "b")]


def rendered_report(story: Story) -> tuple[str, str]:
    data = build_report(story.articles)
    markdown = report_markdown(data)
    return markdown, MarkdownIt("commonmark").enable("table").render(markdown)


def test_report_sentence_numbers_survive_a_markdown_renderer(seeds_story: Story) -> None:
    data = build_report(seeds_story.articles)
    markdown, html = rendered_report(seeds_story)
    assert "<ol" not in html  # no list a renderer could renumber
    unique = html[html.index("What only one outlet reported") :]
    for i, article in enumerate(seeds_story.articles):
        for n in data.unique[i]:
            assert f"<td>{n + 1}</td>" in unique, (article.id, n)
    sparse = [n for i in range(len(seeds_story.articles)) for n in data.unique[i] if n > 0]
    assert sparse  # numbers that do not start at 1: the case a numbered list gets wrong
    assert not re.search(r"^\d+\. ", markdown, re.MULTILINE)


def test_report_article_numbers_count_from_one(seeds_story: Story) -> None:
    _, html = rendered_report(seeds_story)
    articles = html[html.index("<table>") : html.index("</table>")]
    assert "<td>1</td>" in articles and "<td>5</td>" in articles and "<td>0</td>" not in articles


async def test_compare_heads_show_each_articles_date_when_known() -> None:
    story = load_story([str(HARBOUR)])
    dates = ("2024-05-15", None, "2024-05-16")
    story = replace(story, articles=tuple(replace(a, date=d) for a, d in zip(story.articles, dates, strict=True)))
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "space", "c")
        screen = app.screen
        assert isinstance(screen, CompareScreen)

        def head(side: str) -> str:
            return str(screen.query_one(f"#head-{side}", Static).render())

        assert "2024-05-15" in head("a") and "NPA" in head("a")
        assert not re.search(r"\d{4}-\d\d-\d\d", head("b"))  # the reprint is undated: no date, no dash
        await pilot.press("b")  # B steps to the third article, which is dated
        assert "2024-05-16" in head("b")
        assert head("a").index("2024-05-15") < head("a").index("Fire at Brennvik")  # before the headline
