"""Writing the results (issue 16): a failed or limited standard output ends in one clear
line, never a traceback, the same way for every command (`cli.main` guards it once).

- Standard output fails (disk full): "sidebyside: cannot write output: ...", status 1.
- The reader closes the pipe (`| head -1`): nothing on stderr, status 0.
- The encoding lacks a character (a cp1252 console): "?" for it, the command goes on,
  one stderr line at the end says how many and how to keep them; JSON writes it as a
  JSON escape instead, and stays exact.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside import cli

from conftest import SEEDS

ARABIC_NAME = "محمد الأمين"
ARTICLE = f"""Militia leader vows to fight on

TRIPOLI (Reuters) - Fighting continued on the outskirts of the capital on Sunday.

“We will not stop,” said {ARABIC_NAME}. The commander spoke to reporters in the city centre.

Residents said the shelling had lasted all night, and José Núñez of the Red Crescent − an aid group − agreed.
"""


def run(args: list[str], env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "sidebyside", *args],
        capture_output="stdout" not in kwargs, env={**os.environ, **(env or {})}, timeout=60, **kwargs,
    )  # fmt: skip


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["articles", str(SEEDS)],  # a table longer than a buffer: fails while printing
        ["quotes", str(SEEDS), "--format", "csv"],
        ["overlap", str(SEEDS), "--format", "json"],
        ["--version"],  # one short line: fails only when the output is flushed at the end
    ],
    ids=["articles", "quotes-csv", "overlap-json", "version"],
)
def test_a_full_disk_is_one_line_and_status_1(args):
    with open("/dev/full", "wb") as full:
        done = run(args, stdout=full, stderr=subprocess.PIPE)
    err = done.stderr.decode()
    assert err == "sidebyside: cannot write output: No space left on device\n", err
    assert done.returncode == 1


def test_a_failed_write_is_caught_in_process_too(monkeypatch, capsys):
    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(sys, "stdout", Full())
    assert cli.main(["articles", str(SEEDS)]) == 1
    assert capsys.readouterr().err == "sidebyside: cannot write output: Input/output error\n"


def test_a_closed_pipe_ends_quietly():
    process = subprocess.Popen(
        [sys.executable, "-m", "sidebyside", "articles", str(SEEDS), "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    process.stdout.readline()  # `| head -1`
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert err == ""


@pytest.fixture
def arabic_story(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_a_cp1252_console_gets_question_marks_and_one_line_saying_so(arabic_story, fmt):
    done = run(
        ["quotes", str(arabic_story), "--speaker", ARABIC_NAME, "--format", fmt], env={"PYTHONIOENCODING": "cp1252"}
    )
    err = done.stderr.decode("cp1252")
    assert done.returncode == 0, err
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert "cannot represent" in err and "cp1252" in err and "PYTHONIOENCODING=utf-8" in err
    assert err.startswith("sidebyside: 10 characters")  # the ten letters of the name
    out = done.stdout.decode("cp1252")
    assert "We will not stop" in out and "???? ??????" in out  # one "?" a letter
    assert "José Núñez" in out  # what cp1252 has is kept
    assert "Red Crescent - an aid" in out  # typography gets its ASCII stand-in, uncounted


def test_json_on_a_cp1252_console_stays_exact(arabic_story):
    """JSON has its own way to write any character in ASCII: the payload loses nothing."""
    args = ["quotes", str(arabic_story), "--speaker", ARABIC_NAME, "--format", "json"]
    done = run(args, env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    assert b"\\u0645" in done.stdout
    utf8 = run(args, env={"PYTHONIOENCODING": "utf-8"})
    assert json.loads(done.stdout.decode("cp1252")) == json.loads(utf8.stdout.decode("utf-8"))


def test_an_explicit_error_handler_is_respected(arabic_story):
    done = run(
        ["quotes", str(arabic_story), "--speaker", ARABIC_NAME],
        env={"PYTHONIOENCODING": "cp1252:backslashreplace"},
    )
    assert done.returncode == 0 and done.stderr == b""
    assert b"\\u0645" in done.stdout  # the first letter of the name, as the user asked


def test_utf8_output_is_unchanged(arabic_story):
    done = run(["quotes", str(arabic_story), "--speaker", ARABIC_NAME], env={"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0 and done.stderr == b""
    assert ARABIC_NAME in done.stdout.decode("utf-8")
