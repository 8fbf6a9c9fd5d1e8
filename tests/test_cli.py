"""The headless command line: contracts, exit codes, messages, start-up hygiene."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sidebyside import __version__
from sidebyside.cli import main

from conftest import SEEDS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sidebyside", *args], capture_output=True, text=True, timeout=60)


def test_articles_json_follows_the_contract():
    done = run("articles", str(SEEDS), "--format", "json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    ids = [a["id"] for a in payload["articles"]]
    assert ids == sorted(p.name for p in SEEDS.iterdir())
    for article in payload["articles"]:
        assert set(article) >= {"id", "path", "outlet", "title", "byline", "dateline", "sentences"}
        assert article["sentences"] and all(isinstance(s, str) and s for s in article["sentences"])
    reuters = payload["articles"][0]
    assert (reuters["outlet"], reuters["byline"], reuters["dateline"]) == ("Reuters", "Reuters Staff", "PARIS")


def test_articles_table_lists_every_article(capsys):
    assert main(["articles", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    for outlet in ("Reuters", "SMA News", "AFP", "Asharq Al-Awsat"):
        assert outlet in out
    assert len(out.strip().splitlines()) == 2 + 5  # header, rule, five rows


def test_bad_paths_exit_2_with_one_line_each_and_keep_the_good(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    good = SEEDS / "002_7f41841097a0daf0.txt"
    code = main(["articles", str(good), str(tmp_path / "missing.txt"), str(empty), str(binary), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    assert [a["id"] for a in json.loads(captured.out)["articles"]] == [good.name]
    lines = captured.err.strip().splitlines()
    assert len(lines) == 3
    assert any("missing.txt: no such file" in ln for ln in lines)
    assert any("empty.txt: empty file" in ln for ln in lines)
    assert any("image.txt: not a text file" in ln for ln in lines)
    assert "Traceback" not in captured.err


def test_folder_without_articles_is_a_clear_error(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    done = run("articles", str(tmp_path))
    assert done.returncode == 2
    assert "no article files" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_option_exits_2_without_traceback():
    done = run("articles", str(SEEDS), "--format", "yaml")
    assert done.returncode == 2
    assert "invalid choice" in done.stderr and "Traceback" not in done.stderr


def test_version_and_help():
    assert run("--version").stdout.strip() == f"sidebyside {__version__}"
    help_text = run("--help").stdout
    assert "articles" in help_text and "PATH" in help_text


@pytest.mark.parametrize("module", ["sidebyside.cli", "sidebyside.ingest.story", "sidebyside.export.json"])
def test_headless_code_never_imports_textual(module):
    code = f"import sys, {module}; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_headless_command_run_never_imports_textual():
    code = (
        "import sys, io, contextlib\n"
        "from sidebyside.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['articles', {str(SEEDS)!r}, '--format', 'json'])\n"
        "sys.exit(sorted(m for m in sys.modules if m.split('.')[0] == 'textual') != [])"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_core_packages_do_not_import_textual():
    """No module of ingest/, analysis/, export/ or commands/ names textual at all."""
    from pathlib import Path

    import sidebyside

    root = Path(sidebyside.__file__).parent
    for package in ("ingest", "analysis", "export", "commands"):
        for path in (root / package).glob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert "import textual" not in source and "from textual" not in source, path


# --- what the user typed, echoed in a message (issue 16) ---------------------------------------

ESCAPE = "\x1b[2J\x1b]0;pwned\a"  # clear the screen, retitle the terminal


def main_status(argv: list[str]) -> int:
    """`main` in-process; argparse's own exit, where it still raises, as its status."""
    try:
        return main(argv)
    except SystemExit as exit:
        return int(exit.code or 0)


@pytest.mark.parametrize(
    "argv",
    [
        ["articles", str(SEEDS), f"--x{ESCAPE}"],  # unrecognized arguments: ...
        [f"--x{ESCAPE}"],  # the TUI's parser
        ["overlap", str(SEEDS), "--format", ESCAPE],  # invalid choice: ...
        ["overlap", str(SEEDS), "--workers", ESCAPE],  # our own argument type
        ["compare", f"{ESCAPE}.txt"],  # our own one-line message
    ],
    ids=["unrecognized", "tui", "choice", "workers", "compare"],
)
def test_control_characters_in_arguments_never_reach_the_terminal(argv, capsys):
    assert main_status(argv) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\a" not in err, err
    assert "\\x1b[2J" in err  # escaped as file names are, so the user still sees what went wrong


def test_a_speaker_with_control_characters_is_refused_in_one_line(capsys):
    assert main(["quotes", str(SEEDS), "--speaker", ESCAPE, "--format", "markdown"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # the name never reaches the output either
    shown = "\\x1b[2J\\x1b]0;pwned\\x07"
    assert captured.err == f"sidebyside: --speaker '{shown}': a name cannot contain control characters\n"
