"""`compare` exports (JSON, text, Markdown) and the `compare` subcommand."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from itertools import permutations
from pathlib import Path

import pytest

from sidebyside.analysis.align import align
from sidebyside.commands import compare as compare_command
from sidebyside.export.compare import (
    compare_markdown,
    compare_payload,
    compare_text,
    md_escape,
)
from sidebyside.layout import cell_width, wrap
from sidebyside.model import Alignment, Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def article(name: str, sentences: list[str], outlet: str | None = None) -> Article:
    return Article(
        id=f"{name}.txt", path=f"{name}.txt", outlet=outlet, title=f"Title of {name}",
        byline=None, dateline=None, date=None, sentences=tuple(sentences),
    )  # fmt: skip


A_SENTS = [
    "The mayor of Lyon announced on Friday that cars would be banned from the old town centre in June.",
    "Shop owners fear the ban will keep customers away.",
    "A petition against the plan has gathered 12,000 signatures.",
]
B_SENTS = [
    "The mayor of Lyon announced on Friday that cars will be banned from the old town centre from June.",
    "Shop owners fear the ban will keep customers away.",
    "Cyclists welcomed the decision.",
]


@pytest.fixture()
def al() -> Alignment:
    return align(article("a", A_SENTS, "Le Progrès"), article("b", B_SENTS, "Lyon Mag"))


# --- JSON ------------------------------------------------------------------------------------


def test_payload_follows_the_contract(al: Alignment) -> None:
    payload = json.loads(json.dumps(compare_payload(al)))
    assert set(payload) == {"a", "b", "share", "rows"}
    assert payload["a"] == {"id": "a.txt", "sentences": A_SENTS}
    assert payload["b"] == {"id": "b.txt", "sentences": B_SENTS}
    assert payload["share"] == pytest.approx(2 / 3, abs=0.001)
    for row, original in zip(payload["rows"], al.rows, strict=True):
        assert {"a", "b", "kind", "similarity"} <= set(row) <= {"a", "b", "kind", "similarity", "related"}
        assert (row["a"], row["b"], row["kind"]) == (original.a, original.b, original.kind)
        assert isinstance(row["similarity"], float)
    kinds = [(r["a"], r["b"], r["kind"]) for r in payload["rows"]]
    # the B-only row follows the row of the B sentence before it
    assert kinds == [(0, 0, "changed"), (1, 1, "same"), (2, None, "only_a"), (None, 2, "only_b")]


def test_related_appears_only_when_there_is_some() -> None:
    a = ["The council approved 3 million euros for the harbour, and the mayor promised a new library by 2026."]
    b = ["The council approved 3 million euros for the harbour.", "The mayor promised a new library by 2026."]
    payload = compare_payload(align(article("a", a), article("b", b)))
    related = [r for r in payload["rows"] if "related" in r]
    assert len(related) == 1 and related[0]["a"] == 0
    assert related[0]["related"] == [({0, 1} - {related[0]["b"]}).pop()]
    assert all(r.get("related", [1]) for r in payload["rows"])


@pytest.mark.parametrize(("path_a", "path_b"), list(permutations(SEED_FILES, 2)))
def test_every_seed_pair_covers_each_sentence_once(path_a: Path, path_b: Path) -> None:
    from sidebyside.ingest.story import load_story

    payload = compare_payload(align(*load_story([str(path_a), str(path_b)]).articles))
    rows = payload["rows"]
    assert sorted(r["a"] for r in rows if r["a"] is not None) == list(range(len(payload["a"]["sentences"])))
    assert sorted(r["b"] for r in rows if r["b"] is not None) == list(range(len(payload["b"]["sentences"])))


def test_there_are_twenty_ordered_seed_pairs() -> None:
    assert len(SEED_FILES) == 5


# --- text ------------------------------------------------------------------------------------


def test_text_has_header_legend_and_two_columns(al: Alignment) -> None:
    out = compare_text(al, 120)
    lines = out.splitlines()
    assert lines[0].startswith("A: Le Progrès — Title of a") and lines[1].startswith("B: Lyon Mag")
    assert "67% of A found in B" in out and "legend:" in out
    body = lines[5:]
    assert all(cell_width(line) <= 120 for line in lines)
    assert all("|" in line for line in body)
    assert len({line.index("|") for line in body}) == 1, "one column edge"
    marks = [line[0] for line in body if line[:1].strip()]
    assert marks == ["~", "=", "-", "+"]  # A-only before B-only within a gap


def test_narrow_text_interleaves_and_fits(al: Alignment) -> None:
    out = compare_text(al, 40)
    body = out.splitlines()[5:]
    assert all(cell_width(line) <= 40 for line in body)
    assert not any(" | " in line for line in body)
    assert any(line.startswith("~ A1") for line in body) and any(line.startswith("~ B1") for line in body)
    assert any(line.startswith("+ B3") for line in body)


def test_text_shows_control_characters_instead_of_obeying_them() -> None:
    a = ["Red \x1b[31malert\x1b[0m here."]
    out = compare_text(align(article("a", a), article("b", a)), 100)
    assert "\x1b" not in out and "\\x1b[31malert" in out


def test_wide_characters_keep_the_columns_aligned() -> None:
    a = ["東京で会議が開かれた。 東京で会議が開かれた。 東京で会議が開かれた。"]
    b = ["Une réunion a eu lieu à Tokyo."]
    out = compare_text(align(article("a", a), article("b", b)), 80)
    body = out.splitlines()[5:]
    assert len(body) == 4  # one B row, three wrapped lines of A
    assert len({cell_width(line[: line.index("|")]) for line in body}) == 1


# --- layout: the one display width and word wrap, shared with the TUI ------------------------


def test_wrap_counts_terminal_cells() -> None:
    assert cell_width("東京") == 4 and cell_width("e\u0301") == 1
    assert wrap("東京 東京 東京", 9) == ["東京 東京", "東京"]
    assert wrap("", 10) == [""]


def test_a_long_word_fills_the_line_or_starts_its_own() -> None:
    text = "see https://example.org/abcdefghij"
    assert wrap(text, 12) == ["see https://", "example.org/", "abcdefghij"]  # the TUI's views
    assert wrap(text, 12, long_words_start_a_line=True) == ["see", "https://exam", "ple.org/abcd", "efghij"]


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_header_and_marked_words(al: Alignment) -> None:
    md = compare_markdown(al)
    assert md.startswith("## Le Progrès vs Lyon Mag\n")
    assert "Title of a" in md and "Title of b" in md and "67%" in md
    changed = next(line for line in md.splitlines() if line.startswith("1. "))
    assert "~~would~~ **will**" in changed and "~~in~~ **from**" in changed
    assert "**only in A A3:** A petition" in md and "**only in B B3:** Cyclists" in md


def test_markdown_escapes_article_text() -> None:
    nasty = "A **bold** claim | with [a link](http://x) and `code` and _under_ <b>tags</b> ~~x~~ $5."
    md = compare_markdown(align(article("a", [nasty]), article("b", ["Something else entirely."])))
    line = next(line for line in md.splitlines() if "claim" in line)
    assert "\\*\\*bold\\*\\*" in line and "\\|" in line and "\\[a link\\]" in line
    assert "\\`code\\`" in line and "\\_under\\_" in line and "\\<b\\>" in line
    assert "\\~\\~x\\~\\~" in line and "\\$5" in line


def test_md_escape_keeps_edge_spaces_and_flattens_newlines() -> None:
    assert md_escape(" a*b\n c ") == " a\\*b c "


# --- the subcommand --------------------------------------------------------------------------


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sidebyside")
    compare_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_compare_json_on_the_reprint(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(SEED_FILES[0]), str(SEED_FILES[1]), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["a"]["id"] == SEED_FILES[0].name
    assert {r["kind"] for r in payload["rows"]} == {"same"}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_compare_text_and_markdown(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(SEED_FILES[3]), str(SEED_FILES[4]), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "AFP" in out and "Asharq Al-Awsat" in out


def test_compare_defaults_to_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", str(SEED_FILES[0]), str(SEED_FILES[1])]) == 0
    assert capsys.readouterr().out.startswith("A: ")


@pytest.mark.parametrize(
    "paths",
    [
        [str(SEED_FILES[0]), str(SEED_FILES[0])],
        [str(SEED_FILES[0]), "no/such/file.txt"],
        [str(SEEDS), str(SEED_FILES[0])],
    ],
)
def test_compare_needs_two_articles(paths: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", *paths]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("sidebyside: compare needs two articles: ")


def test_the_core_never_imports_textual() -> None:
    code = (
        "import sys, sidebyside.analysis.align, sidebyside.analysis.worddiff, "
        "sidebyside.export.compare, sidebyside.commands.compare; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- framing changes -------------------------------------------------------------------------

FRAMED_A = [
    "Haftar said the conditions for a truce were not met.",
    "Libyan strongman Khalifa Haftar rejected a ceasefire on Tuesday.",
    "The fighting has killed 510 people since April.",
    "Aid agencies warned of shortages in the capital.",
]
FRAMED_B = [
    "Haftar claimed the conditions for a truce were not met.",
    "Libyan commander Khalifa Haftar rejected a ceasefire on Tuesday.",
    "The fighting has killed 520 people since April.",
    "Aid agencies warned of shortages of food and fuel in the capital and the south.",
]


@pytest.fixture()
def framed() -> Alignment:
    return align(article("a", FRAMED_A, "AFP"), article("b", FRAMED_B, "Reuters"))


def test_json_rows_say_what_a_framing_change_changed(framed: Alignment) -> None:
    rows = compare_payload(framed)["rows"]
    assert [r["kind"] for r in rows] == ["changed"] * 4
    assert [r.get("framing") for r in rows] == ["said → claimed", "strongman → commander", None, None]


def test_text_and_markdown_note_framing_changes(framed: Alignment) -> None:
    text = compare_text(framed, 120)
    assert "  framing change: said → claimed" in text.splitlines()
    assert text.count("framing change:") == 2
    assert "framing change:" in compare_text(framed, 60)  # interleaved too
    notes = compare_markdown(framed)
    assert "*(framing change: strongman → commander)*" in notes
    assert notes.count("framing change:") == 2
