"""`sidebyside overlap` and `articles --format json`'s closest: contracts and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sidebyside import cli

from conftest import SEEDS


def main(argv: list[str]) -> int:
    """`sidebyside overlap ...` in-process; argparse's own errors exit 2 as on the console."""
    try:
        return cli.main(["overlap", *argv])
    except SystemExit as exit:
        return int(exit.code or 0)


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main([*argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def compare_share(a: str, b: str) -> float:
    done = subprocess.run(
        [sys.executable, "-m", "sidebyside", "compare", a, b, "--format", "json"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["share"]


def test_json_follows_the_contract(capsys):
    code, payload = run_json(capsys, str(SEEDS))
    assert code == 0
    assert set(payload) == {"articles", "matrix", "closest", "reuse"}
    ids = [a["id"] for a in payload["articles"]]
    assert ids == sorted(p.name for p in SEEDS.iterdir())
    assert all(set(a) == {"id", "outlet"} for a in payload["articles"])
    matrix = payload["matrix"]
    assert len(matrix) == 5 and all(len(row) == 5 for row in matrix)
    assert all(matrix[i][i] == 1.0 for i in range(5))
    assert payload["closest"][1] == {"id": ids[0], "share": 1.0}
    assert payload["closest"][4]["id"] == ids[3]
    lines = [r["line"] for r in payload["reuse"]]
    assert (
        "SMA News reprints Reuters (100% of its own words identical; credited 'told Reuters'; high confidence)" in lines
    )
    for r in payload["reuse"]:
        assert set(r) == {
            "article",
            "source",
            "share",
            "back",
            "kind",
            "confidence",
            "evidence",
            "shared_words",
            "longest_run",
            "line",
        }
        assert r["kind"] in ("credited", "agency", "contained", "undirected")
        assert r["confidence"] in ("high", "medium", "low")


def test_each_cell_is_the_share_compare_reports(capsys):
    _, payload = run_json(capsys, str(SEEDS))
    ids = [a["id"] for a in payload["articles"]]
    for i, j in [(1, 0), (0, 1), (4, 3), (3, 4), (2, 3)]:
        share = compare_share(str(SEEDS / ids[i]), str(SEEDS / ids[j]))
        assert payload["matrix"][i][j] == share


def test_table_has_labels_percentages_and_reuse_lines(capsys):
    assert main([str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "1 Reuters" in out and "5 Asharq Al-Awsat" in out
    row = next(line for line in out.splitlines() if line.startswith("2 SMA News"))
    assert row.split()[-5:] == ["100", "—", "10", "10", "10"]
    assert "SMA News reprints Reuters" in out


def test_narrow_terminal_wraps_columns_into_blocks(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "30")
    assert main([str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    headers = [line for line in lines if line.strip() and all(part.isdigit() for part in line.split())]
    assert [h.split() for h in headers] == [["1", "2", "3", "4"], ["5"]]
    grid = [line for line in lines if line[:1].isdigit()]
    assert len(grid) == 10 and all(len(line) <= 30 for line in grid)


def test_one_article_is_a_one_cell_matrix(capsys):
    code, payload = run_json(capsys, str(SEEDS / "000_141c9d3bbb55366e.txt"))
    assert code == 0
    assert payload["matrix"] == [[1.0]] and payload["closest"] == [None] and payload["reuse"] == []


def test_bad_inputs_one_line_each_exit_2_and_the_rest_still_printed(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main([str(SEEDS), str(tmp_path / "missing.txt"), str(empty), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("sidebyside: ") for line in errors)
    assert len(json.loads(captured.out)["matrix"]) == 5


def test_nothing_usable_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    assert main([str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) >= 1


@pytest.mark.parametrize("argv", [["--format", "csv", str(SEEDS)], ["--workers", "0", str(SEEDS)], []])
def test_bad_arguments_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_console_command_without_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "sidebyside", "overlap", str(tmp_path / "missing")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) >= 1


def test_articles_json_gains_closest_when_asked(capsys):
    assert cli.main(["articles", str(SEEDS), "--format", "json", "--closest"]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    by_prefix = {a["id"][:3]: a for a in articles}
    assert by_prefix["001"]["closest"]["id"].startswith("000") and by_prefix["001"]["closest"]["share"] >= 0.95
    assert by_prefix["004"]["closest"]["id"].startswith("003")
    assert all(set(a["closest"]) == {"id", "share"} for a in articles)


def test_articles_json_lists_without_the_matrix_unless_asked(capsys, monkeypatch):
    # the list must not wait for the story's overlap matrix (minutes for thousands of files)
    import sidebyside.analysis.overlap as overlap

    def no_matrix(*args, **kwargs):
        raise AssertionError("the overlap matrix was computed")

    monkeypatch.setattr(overlap, "overlap_matrix", no_matrix)
    assert cli.main(["articles", str(SEEDS), "--format", "json"]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    assert len(articles) == 5 and all("closest" not in a for a in articles)


def test_articles_json_closest_is_null_for_a_single_article(capsys):
    assert cli.main(["articles", str(SEEDS / "003_4d220cef3e03f249.txt"), "--format", "json", "--closest"]) == 0
    (only,) = json.loads(capsys.readouterr().out)["articles"]
    assert only["closest"] is None
