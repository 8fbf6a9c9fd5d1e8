"""`sidebyside quotes`: the JSON contract, the table, CSV and Markdown renderers, the command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import sidebyside.cli as cli
from sidebyside.analysis.story_quotes import analyse_story
from sidebyside.export.quotes import quotes_csv, quotes_markdown, quotes_payload, quotes_table
from sidebyside.ingest.story import load_story
from sidebyside.model import Article, ArticleQuotes, Figure, Quote

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds() -> tuple[ArticleQuotes, ...]:
    return analyse_story(load_story([str(SEEDS)]).articles)


def test_json_contract(seeds):
    payload = json.loads(json.dumps(quotes_payload(seeds)))
    assert payload["speakers"] == ["Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame"]
    assert [a["id"] for a in payload["articles"]] == sorted(p.name for p in SEEDS.iterdir())
    for a in payload["articles"]:
        assert set(a) == {"id", "outlet", "quotes", "figures"}
        for q in a["quotes"]:
            assert {"speaker", "text", "kind", "sentence", "cue"} <= set(q) and q["kind"] in ("direct", "indirect")
        for f in a["figures"]:
            assert {"value", "number", "qualifier", "what", "attributed_to", "sentence"} <= set(f)
            assert f["number"] is None or isinstance(f["number"], int)
    afp = next(a for a in payload["articles"] if a["outlet"] == "AFP")
    assert {
        "value": "2,467",
        "number": 2467,
        "what": "wounded",
        "attributed_to": "World Health Organization",
    }.items() <= next(f for f in afp["figures"] if f["value"] == "2,467").items()
    assert {g["text"] for g in payload["groups"]} >= {"political dialogue", "were not met"}
    # "over 460" and "at least 510" dead can both hold: in the ledger, never a conflict.
    assert payload["conflicts"] == []
    deaths = [(v["qualifiers"], v["number"]) for v in payload["ledger"] if v["measure"] == "deaths"]
    assert (["over"], 460) in deaths and (["at least"], 510) in deaths
    met = next(g for g in payload["groups"] if g["text"] == "were not met")
    assert [(c["outlet"], c["text"], c["fidelity"], c["changes"]) for c in met["carriers"]] == [
        ("AFP", "were not met", "verbatim", []),
        ("Asharq Al-Awsat", "not met", "trimmed", [{"op": "delete", "a": "were", "b": ""}]),
    ]


def test_table_is_plain_text(seeds):
    table = quotes_table(seeds, width=100)
    assert "Khalifa Haftar" in table and "… trimmed" in table and "\x1b" not in table


def test_csv_rows_for_quotes_and_figures(seeds):
    rows = list(csv.DictReader(io.StringIO(quotes_csv(seeds))))
    assert {r["type"] for r in rows} == {"quote", "figure"}
    assert any(r["type"] == "figure" and r["value"] == "460" and r["speaker"] == "Ghassan Salame" for r in rows)


def test_markdown_notes(seeds):
    text = quotes_markdown(seeds)
    assert text.startswith("# Who said what")
    for heading in (
        "## Khalifa Haftar",
        "## Emmanuel Macron",
        "## Ghassan Salame",
        "## Others quoted",
        "## Figures that cannot all hold",
    ):
        assert heading in text
    assert "“political dialogue” — AFP, Asharq Al-Awsat" in text


def test_markdown_and_csv_keep_article_text_inert():
    a = Article("m.txt", "m.txt", "Out|let", None, None, None, None, ("x",), (0,))
    r = ArticleQuotes(
        a,
        (Quote("Khalifa Haftar", "[bold]*not*[/bold] | `x`\nnext", "direct", 0),),
        (Figure("2", 2, None, "dead", None, 0),),
    )
    md = quotes_markdown([r])
    assert "\\[bold\\]\\*not\\*\\[/bold\\] \\| \\`x\\` next" in md
    assert list(csv.reader(io.StringIO(quotes_csv([r]))))[1][6] == "[bold]*not*[/bold] | `x` next"


def test_no_quotes_at_all():
    a = Article("e.txt", "e.txt", None, None, None, None, None, ("Nothing was said.",), (0,))
    results = analyse_story([a])
    assert quotes_payload(results)["articles"][0]["quotes"] == []
    assert "No quotes found." in quotes_table(results)
    assert "_No conflicting figures._" in quotes_markdown(results)


# ------------------------------------------------------------------ the command


@pytest.fixture
def main(monkeypatch):
    """cli.main with the quotes command registered (the lead wires it into COMMANDS)."""
    if "quotes" not in cli.COMMANDS:
        monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, "quotes"))
    return cli.main


def test_command_json(main, capsys):
    assert main(["quotes", str(SEEDS), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["speakers"] == ["Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame"]


def test_command_speaker_replaces_the_watchlist(main, capsys, tmp_path):
    (tmp_path / "a.txt").write_text(
        "“We will rebuild,” Governor Lucia Ferrante said.\n\nHaftar said nothing new.\n", encoding="utf-8"
    )
    assert main(["quotes", str(tmp_path), "--speaker", "Lucia Ferrante", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["speakers"] == ["Lucia Ferrante"]
    assert [(q["speaker"], q["text"]) for q in payload["articles"][0]["quotes"]] == [
        ("Lucia Ferrante", "We will rebuild")
    ]


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_command_formats(main, capsys, fmt):
    assert main(["quotes", str(SEEDS), "--format", fmt]) == 0
    assert "Haftar" in capsys.readouterr().out


def test_command_bad_input(main, capsys, tmp_path):
    assert main(["quotes", str(tmp_path / "missing.txt")]) == 2
    assert main(["quotes", str(SEEDS), "--speaker", "  "]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--speaker needs a name" in err


def test_core_modules_never_import_textual():
    code = (
        "import sys\n"
        "import sidebyside.analysis.speakers, sidebyside.analysis.quotes, sidebyside.analysis.figures\n"
        "import sidebyside.analysis.story_quotes, sidebyside.export.quotes, sidebyside.commands.quotes\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the quote column stays readable beside long speaker names


def test_quote_column_is_not_squeezed_by_a_long_speaker():
    from sidebyside.export.table import render

    rows = [
        [
            "Ghassan Salame, the UN secretary-general's special representative for Libya",
            "direct",
            "002_7f41841097a0daf0.txt",
            "Libya is on the verge of descending into a civil war",
        ]
    ]
    out = render(["speaker", "kind", "outlets", "quote"], rows, 120, flexible=3, min_share=0.4)
    assert all(len(line) <= 120 for line in out.splitlines())
    assert "Libya is on the verge of descending into a civ" in out  # two fifths of the width


def test_quotes_table_keeps_quotes_readable_with_an_odd_watchlist(main, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["quotes", str(SEEDS), "--speaker", "al-Serraj"]) == 0
    table = capsys.readouterr().out.split("\n\n")[0]
    assert "Libya is on the verge of descending into a civ" in table


def test_csv_quote_rows_name_their_statement_fidelity_and_changes():
    one = Article("1.txt", "1.txt", "AP", None, None, None, None, ("x",), (0,))
    two = Article("2.txt", "2.txt", "Lyon Post", None, None, None, None, ("x",), (0,))
    said = "We are not taking any risks with our people's health"
    results = [
        ArticleQuotes(one, (Quote("Claire Duval", said, "direct", 0),)),
        ArticleQuotes(two, (Quote("Claire Duval", said.replace("people's", "children's"), "direct", 0),)),
    ]
    rows = list(csv.DictReader(io.StringIO(quotes_csv(results, ["Claire Duval"]))))
    assert [(r["outlet"], r["group"], r["fidelity"], r["changes"]) for r in rows] == [
        ("AP", "1", "verbatim", ""),
        ("Lyon Post", "1", "altered", "people's → children's"),
    ]
