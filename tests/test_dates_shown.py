"""Publication dates in the headless outputs: the `articles` table, `--order date`, the report.

Dates come from the page, the text or a sidecar; here a story.toml gives them, as a
journalist would for scrapes that carry none.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sidebyside.cli import main

from conftest import SEEDS

#: File name -> date; 001 stays undated.
DATES = {
    "000_141c9d3bbb55366e.txt": "2019-05-27",
    "002_7f41841097a0daf0.txt": "2019-05-25",
    "003_4d220cef3e03f249.txt": "2019-05-26",
    "004_5a48e87f01208da1.txt": "2019-05-25",
}


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    (folder / "story.toml").write_text(
        "".join(f'["{name}"]\ndate = {date}\n\n' for name, date in DATES.items()), encoding="utf-8"
    )
    return folder


def test_articles_json_in_date_order_undated_last(story, capsys):
    assert main(["articles", str(story), "--format", "json", "--order", "date"]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    assert [(a["id"][:3], a["date"]) for a in articles] == [
        ("002", "2019-05-25"),
        ("004", "2019-05-25"),
        ("003", "2019-05-26"),
        ("000", "2019-05-27"),
        ("001", None),
    ]


def test_articles_json_keeps_file_order_by_default(story, capsys):
    assert main(["articles", str(story), "--format", "json"]) == 0
    ids = [a["id"][:3] for a in json.loads(capsys.readouterr().out)["articles"]]
    assert ids == ["000", "001", "002", "003", "004"]


def test_articles_table_has_a_date_column(story, capsys):
    assert main(["articles", str(story), "--order", "date"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["id", "outlet", "sents", "date"]
    rows = lines[2:]
    assert [row.split()[0][:3] for row in rows] == ["002", "004", "003", "000", "001"]
    assert "2019-05-27" in rows[3] and "Reuters" in rows[3]
    assert "—" in rows[4]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_lists_each_article_date(story, tmp_path, fmt):
    out = tmp_path / f"report.{'md' if fmt == 'markdown' else 'html'}"
    assert main(["report", str(story), "-o", str(out), "--format", fmt]) == 0
    text = out.read_text(encoding="utf-8")
    assert ("| Date |" if fmt == "markdown" else "<th>Date</th>") in text
    for date in set(DATES.values()):
        assert date in text
