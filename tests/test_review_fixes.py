"""Regressions found by using the app as a journalist would (review pass)."""

from __future__ import annotations

import re

import shutil

from conftest import ROOT, SEEDS

from sidebyside.cli import main
from sidebyside.export.table import render
from sidebyside.ingest.story import load_story
from sidebyside.tui.app import SideBySideApp
from sidebyside.tui.screens.quote_sheet import QuoteSheetScreen

RAIL = ROOT / "tests" / "data" / "rail_strike"


def test_report_never_replaces_an_input_article_even_with_force(tmp_path, capsys):
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    article = next(story.glob("000_*.txt"))
    before = article.read_bytes()
    assert main(["report", str(story), "-o", str(article), "--force"]) == 2
    assert "is one of the articles" in capsys.readouterr().err
    assert article.read_bytes() == before


def test_report_never_replaces_a_sidecar(tmp_path, capsys):
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    sidecar = story / "story.toml"
    sidecar.write_text('["000_x.txt"]\noutlet = "X"\n', encoding="utf-8")
    assert main(["report", str(story), "-o", str(sidecar), "--force"]) == 2
    assert sidecar.read_text(encoding="utf-8").startswith('["000_x.txt"]')


def test_report_to_a_folder_says_folder_not_force(tmp_path, capsys):
    assert main(["report", str(SEEDS), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "--force" not in err


def test_report_dash_writes_to_standard_output(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(SEEDS), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Story report")
    assert not (tmp_path / "-").exists()


def test_report_of_one_article_says_article_not_articles(tmp_path, capsys):
    target = tmp_path / "r.md"
    assert main(["report", str(next(SEEDS.glob("000_*.txt"))), "-o", str(target)]) == 0
    assert "(markdown, 1 article)" in capsys.readouterr().err
    assert "\n1 article.\n" in target.read_text(encoding="utf-8")


def test_quote_column_is_not_squeezed_by_a_long_speaker():
    rows = [["Ghassan Salame, the UN secretary-general's special representative for Libya", "direct",
             "002_7f41841097a0daf0.txt", "Libya is on the verge of descending into a civil war"]]
    out = render(["speaker", "kind", "outlets", "quote"], rows, 120, flexible=3, min_share=0.4)
    assert all(len(line) <= 120 for line in out.splitlines())
    assert "Libya is on the verge of descending into a civ" in out  # two fifths of the width


def test_quotes_table_keeps_quotes_readable_with_an_odd_watchlist(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["quotes", str(SEEDS), "--speaker", "al-Serraj"]) == 0
    table = capsys.readouterr().out.split("\n\n")[0]
    assert "Libya is on the verge of descending into a civ" in table


async def test_quote_sheet_summary_counts_in_good_english():
    app = SideBySideApp(load_story([str(RAIL)]))
    async with app.run_test(size=(120, 40)) as pilot:
        from conftest import settled

        await settled(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, QuoteSheetScreen)
        summary = str(app.screen.query_one("#sheet-summary").render())
        for count, noun in re.findall(r"\b(\d+) (quotes?|figures?|conflicts?)\b", summary):
            assert noun.endswith("s") == (count != "1"), summary


async def test_quote_sheet_does_not_say_per_no_source(seeds_story):
    app = SideBySideApp(seeds_story)
    async with app.run_test(size=(200, 50)) as pilot:
        from conftest import settled

        await settled(pilot)
        await pilot.press("w")
        await pilot.pause()
        sheet = app.screen
        assert isinstance(sheet, QuoteSheetScreen)
        from textual.widgets import DataTable

        table = sheet.query_one(DataTable)
        cells = [str(table.get_row_at(r)[1]) for r in range(table.row_count)]
        assert not any("no source" in c for c in cells)
        assert any("510 deaths (per World Health Organization; also unsourced)" in c for c in cells)
