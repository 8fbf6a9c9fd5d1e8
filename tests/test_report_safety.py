"""`report -o FILE [--force]` saves as carefully as an editor (issue 16, "Never lose a file").

Each test names a way the report used to lose or damage a file: an input replaced with
--force because it did not load, a file created during the analysis replaced without
--force, a device or a symlink replaced by a regular file, a private file made readable,
a temporary copy left behind by a signal, an unwritable folder found only after the
analysis, a control character of FILE printed to the terminal, and the report itself
read back as an article on the next run.

The signal tests run the real command in a subprocess. To hit the short write itself
(the temporary file exists only then) `PAUSED_RUN` holds the process at the publishing
step (`os.link`, or `os.replace` with --force) and tells the test it is there.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import sidebyside.export.report as export_report
from sidebyside.cli import main
from sidebyside.commands import safe_write
from sidebyside.ingest.own_output import HEAD_BYTES, HTML_MARK, MARKDOWN_MARK, is_own_report, looks_like_own_report

from conftest import SEEDS

GOOD = (
    "The city council voted on Tuesday to close the old bridge to cars.\n\n"
    "\u201cIt is no longer safe,\u201d Mayor Ana Ruiz said, adding that repairs would take two years.\n\n"
    "About 12,000 vehicles cross the bridge every day, according to the transport office.\n"
)


def leftovers(folder: Path) -> list[str]:
    """Temporary files (ours are hidden `.NAME.*.tmp`) left in `folder`."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def analysis_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the analyses (`build_report` calls) the report command starts."""
    runs: list[int] = []
    real = export_report.build_report

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_report, "build_report", counted)
    return runs


# --- inputs are never replaced, loaded or not -------------------------------------------


def test_force_never_replaces_a_named_input_that_did_not_load(tmp_path, capsys, monkeypatch):
    # printf '%PDF-1.4' > scan.txt; sidebyside report good.txt scan.txt -o scan.txt --force
    monkeypatch.chdir(tmp_path)
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    Path("scan.txt").write_bytes(b"%PDF-1.4")
    assert main(["report", "good.txt", "scan.txt", "-o", "scan.txt", "--force"]) == 2
    err = capsys.readouterr().err
    assert "scan.txt: is one of the inputs" in err and "wrote" not in err
    assert Path("scan.txt").read_bytes() == b"%PDF-1.4"
    assert leftovers(tmp_path) == []


def test_without_force_an_input_is_called_an_input_not_an_existing_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    Path("scan.txt").write_bytes(b"%PDF-1.4")
    assert main(["report", "good.txt", "scan.txt", "-o", "scan.txt"]) == 2
    err = capsys.readouterr().err
    assert "is one of the inputs" in err and "add --force" not in err  # --force would not help


def test_force_never_replaces_a_file_of_a_named_folder_that_did_not_load(story, capsys):
    scan = story / "scan.txt"
    scan.write_bytes(b"%PDF-1.4 scanned page")
    assert main(["report", str(story), "-o", str(scan), "--force"]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert scan.read_bytes() == b"%PDF-1.4 scanned page"


@pytest.mark.parametrize("name", ["scan.txt.meta.toml", "scan.meta.toml", "story.toml", "other.meta.toml"])
def test_force_never_writes_a_sidecar_of_an_input_that_did_not_load(tmp_path, capsys, name):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "scan.txt").write_bytes(b"%PDF-1.4")
    sidecar = other / name
    argv = ["report", str(tmp_path / "good.txt"), str(other / "scan.txt"), "-o", str(sidecar), "--force"]
    assert main(argv) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert not sidecar.exists()


def test_a_named_path_that_does_not_exist_is_not_written_either(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    assert main(["report", "good.txt", "missing.txt", "-o", "missing.txt", "--force"]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert not Path("missing.txt").exists()


def test_a_hard_link_to_an_input_is_the_input(story, capsys):
    article = next(story.glob("000_*.txt"))
    alias = story.parent / "alias.md"
    os.link(article, alias)
    before = article.read_bytes()
    assert main(["report", str(story), "-o", str(alias), "--force"]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert alias.read_bytes() == before and os.path.samefile(alias, article)


# --- "exists" is decided at the atomic step ---------------------------------------------


def test_a_file_created_during_the_analysis_is_not_replaced_without_force(tmp_path, monkeypatch, capsys):
    target = tmp_path / "r.md"
    real = export_report.build_report

    def user_saves_meanwhile(*args, **kwargs):
        target.write_text("my notes", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(export_report, "build_report", user_saves_meanwhile)
    assert main(["report", str(SEEDS), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "r.md: exists; add --force to replace it" in err and "wrote" not in err
    assert target.read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_two_reports_racing_to_one_new_path_do_not_both_say_wrote(tmp_path, monkeypatch, capsys):
    target = tmp_path / "r.md"
    real = export_report.build_report
    nested: list[int] = []

    def another_report_meanwhile(*args, **kwargs):
        if not nested:  # the first analysis: a second report starts and finishes meanwhile
            nested.append(-1)
            nested[0] = main(["report", str(SEEDS), "-o", str(target), "--title", "The other one"])
        return real(*args, **kwargs)

    monkeypatch.setattr(export_report, "build_report", another_report_meanwhile)
    assert main(["report", str(SEEDS), "-o", str(target), "--title", "The first one"]) == 2
    assert nested == [0]
    err = capsys.readouterr().err
    assert err.count("sidebyside: wrote") == 1 and "exists; add --force" in err
    assert "# The other one" in target.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_without_hard_links_the_new_file_is_created_exclusively(tmp_path, monkeypatch, capsys):
    """A file system without hard links (FAT, some network shares): O_EXCL create, then copy."""

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "r.md"
    assert main(["report", str(SEEDS), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith(MARKDOWN_MARK)
    assert leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask

    real = export_report.build_report

    def user_saves_meanwhile(*args, **kwargs):
        (tmp_path / "s.md").write_text("my notes", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(export_report, "build_report", user_saves_meanwhile)
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "s.md")]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == "my notes"
    assert leftovers(tmp_path) == []


# --- only regular files; symlinks followed; modes kept ---------------------------------


def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(path.name)  # relative (the test runs in its folder): AF_UNIX names are short
        server.close()
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("creating a device node needs root (CI runs as root; the link to /dev/null covers it here)")
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null
        except PermissionError:
            pytest.skip("this container may not create device nodes")
    elif kind == "link to /dev/null":
        path.symlink_to("/dev/null")


def _same_kind(kind: str, path: Path) -> bool:
    mode = path.lstat().st_mode
    return {
        "fifo": stat.S_ISFIFO(mode),
        "socket": stat.S_ISSOCK(mode),
        "device": stat.S_ISCHR(mode),
        "link to /dev/null": stat.S_ISLNK(mode) and os.readlink(path) == "/dev/null",
    }[kind]


@pytest.mark.parametrize("force", [True, False], ids=["force", "no-force"])
@pytest.mark.parametrize("kind", ["fifo", "socket", "device", "link to /dev/null"])
def test_a_special_file_is_never_replaced(tmp_path, monkeypatch, capsys, analysis_runs, kind, force):
    monkeypatch.chdir(tmp_path)
    node = tmp_path / "out.md"
    _special(kind, node)
    assert main(["report", str(SEEDS), "-o", "out.md", *(["--force"] if force else [])]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err and "--force" not in err  # --force would not help
    assert _same_kind(kind, node)
    assert analysis_runs == []  # refused before the analysis
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("via", ["/dev/fd/N", "a link to /dev/fd/N"])
def test_a_name_for_an_open_descriptor_is_refused(tmp_path, capsys, analysis_runs, via):
    """`-o /dev/stdout --force` with stdout sent to a file would rename the report over that
    file, cutting the redirection off. (Tested with a descriptor of our own: the old code
    replaced the /dev/stdout link itself.)"""
    shell_output = tmp_path / "shell-output.txt"
    shell_output.write_text("earlier output\n", encoding="utf-8")
    descriptor = os.open(shell_output, os.O_WRONLY | os.O_APPEND)
    try:
        name = f"/dev/fd/{descriptor}"
        if via.startswith("a link"):
            (tmp_path / "out.md").symlink_to(name)
            name = str(tmp_path / "out.md")
        assert main(["report", str(SEEDS), "-o", name, "--force"]) == 2
    finally:
        os.close(descriptor)
    assert "use -o - to print" in capsys.readouterr().err
    assert shell_output.read_text(encoding="utf-8") == "earlier output\n"
    assert analysis_runs == []
    assert leftovers(tmp_path) == [] and (via == "/dev/fd/N" or (tmp_path / "out.md").is_symlink())


def test_a_symlink_to_a_file_writes_the_file_and_keeps_the_link(tmp_path, capsys):
    real = tmp_path / "notes" / "report.md"
    real.parent.mkdir()
    real.write_text("old report", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    assert main(["report", str(SEEDS), "-o", str(link)]) == 2  # the file exists: --force needed
    assert "exists; add --force" in capsys.readouterr().err and real.read_text(encoding="utf-8") == "old report"
    assert main(["report", str(SEEDS), "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith(MARKDOWN_MARK)
    assert real.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []
    assert "wrote " + str(link) in capsys.readouterr().err


def test_a_broken_symlink_is_refused(tmp_path, capsys):
    link = tmp_path / "latest.md"
    link.symlink_to(tmp_path / "gone" / "report.md")
    assert main(["report", str(SEEDS), "-o", str(link), "--force"]) == 2
    assert "broken symbolic link" in capsys.readouterr().err
    assert link.is_symlink() and not (tmp_path / "gone").exists()


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path, mode):
    target = tmp_path / "private.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    previous = os.umask(0o022)
    try:
        assert main(["report", str(SEEDS), "-o", str(target), "--force"]) == 0
    finally:
        os.umask(previous)
    assert target.stat().st_mode & 0o777 == mode
    assert target.read_text(encoding="utf-8").startswith(MARKDOWN_MARK)


# --- an unwritable folder is found before the analysis --------------------------------
# CI runs as root, and root passes every permission check (chmod 0500 stops nobody), so
# the folder's refusal is simulated: os.access says no (as it does for any other user of
# a 0500 folder), or the probe file fails (as on a read-only mount, which stops root too).


def test_an_unwritable_folder_is_refused_before_the_analysis(tmp_path, monkeypatch, capsys, analysis_runs):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if os.path.realpath(path) == str(folder) and mode & os.W_OK:
            return False  # what a 0500 folder answers to anyone but root
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    try:
        assert main(["report", str(SEEDS), "-o", str(folder / "r.md")]) == 2
    finally:
        folder.chmod(0o700)
    assert "cannot write in this folder" in capsys.readouterr().err
    assert analysis_runs == []
    assert list(folder.iterdir()) == []


def test_a_read_only_folder_is_found_by_the_probe_before_the_analysis(tmp_path, monkeypatch, capsys, analysis_runs):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "r.md")]) == 2
    assert "cannot write in this folder (Read-only file system)" in capsys.readouterr().err
    assert analysis_runs == []
    assert list(tmp_path.iterdir()) == []


# --- file names are escaped ----------------------------------------------------------


def test_file_names_in_messages_cannot_drive_the_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    name = "r\x1b[2J.md"
    assert main(["report", str(SEEDS), "-o", name]) == 0
    assert main(["report", str(SEEDS), "-o", name]) == 2  # exists
    assert main(["report", str(SEEDS), "-o", "\x1b]0;x\x07/r.md"]) == 2  # no such folder
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "wrote r\\x1b[2J.md (markdown, 5 articles)" in err
    assert "r\\x1b[2J.md: exists" in err and "\\x1b]0;x\\x07: no such folder" in err
    assert (tmp_path / name).exists()


# --- signals: no temporary file left --------------------------------------------------

PAUSED_RUN = r"""
import os, runpy, sys, time

ready = sys.argv.pop(1)


def paused(real):
    def publish(*args, **kwargs):
        with open(ready, "w") as note:
            note.write(str(args))
        time.sleep(60)
        return real(*args, **kwargs)

    return publish


os.link, os.replace = paused(os.link), paused(os.replace)
sys.argv[0] = "sidebyside"
runpy.run_module("sidebyside", run_name="__main__", alter_sys=True)
"""


def _wait_for(path: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"the report ended before writing: {process.communicate()}")
        if time.monotonic() > deadline:
            raise AssertionError("the report never reached the write")
        time.sleep(0.02)


def _stop(process: subprocess.Popen) -> None:
    """Never leave the child behind when an assertion fails."""
    if process.poll() is None:
        process.kill()
        process.communicate()


@pytest.mark.parametrize(
    ("signum", "force"),
    [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGINT, False), (signal.SIGTERM, True)],
    ids=["TERM", "HUP", "INT", "TERM-force"],
)
def test_a_signal_during_the_write_leaves_no_temporary_file(tmp_path, signum, force):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.md"
    if force:
        target.write_text("the old report", encoding="utf-8")
    ready = tmp_path / "ready"
    argv = ["report", str(SEEDS), "-o", str(target), *(["--force"] if force else [])]
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSED_RUN, str(ready), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(ready, process)
        assert leftovers(out)  # the temporary file is there, complete, waiting to be published
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
    finally:
        _stop(process)
    assert process.returncode == 128 + signum, err
    assert leftovers(out) == []
    assert f"interrupted ({signal.Signals(signum).name}); nothing written" in err
    if force:
        assert target.read_text(encoding="utf-8") == "the old report"
    else:
        assert not target.exists()


def _big_story(folder: Path, copies: int) -> None:
    """`copies` rewrites of each seed article: shuffled paragraphs and a line of their own."""
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(copies):
        rng = random.Random(n)
        for seed in seeds:
            paragraphs = [p for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
            head, body = paragraphs[:2], paragraphs[2:]
            rng.shuffle(body)
            own = f"Correspondent number {n} in {seed.stem[:3]} reported {rng.randint(10, 999)} new arrivals."
            text = "\n\n".join([*head, *body, own]) + "\n"
            (folder / f"{n:03d}_{seed.name}").write_text(text, encoding="utf-8")


def test_sigterm_during_the_analysis_of_a_big_story_leaves_nothing(tmp_path):
    """A guard for the long part of the run: nothing may be on disk while the analysis runs."""
    big = tmp_path / "big"
    _big_story(big, 11)  # 55 articles: seconds of analysis, under the 60 that fork workers
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "sidebyside", "report", str(big), "-o", str(out / "report.md")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(1.0)  # started, loaded, analysing (the whole run takes about 4 s)
        assert process.poll() is None, "the story is too small to interrupt the analysis"
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    finally:
        _stop(process)
    assert process.returncode != 0
    assert list(out.iterdir()) == []


# --- the report is never read back as an article -----------------------------------------


def test_both_report_formats_carry_the_mark_in_their_head(seeds_story):
    data = export_report.build_report(seeds_story.articles)
    markdown = export_report.report_markdown(data, "T")
    page = export_report.report_html(data, "T" * 2000)  # a long title must not push the mark out
    assert markdown.splitlines()[0] == MARKDOWN_MARK
    assert HTML_MARK in page.encode("utf-8")[:HEAD_BYTES].decode("utf-8", "ignore")
    assert looks_like_own_report(markdown.encode("utf-8")) and looks_like_own_report(page.encode("utf-8"))


@pytest.mark.parametrize("name", ["report.md", "report.html", "report.txt"])
def test_is_own_report_knows_the_files_the_command_wrote(tmp_path, name):
    target = tmp_path / name
    assert main(["report", str(SEEDS), "-o", str(target)]) == 0
    assert is_own_report(target) and is_own_report(str(target))


@pytest.mark.parametrize(
    "head",
    [
        b"",
        GOOD.encode("utf-8"),
        b"# Story report: notes\n\nMy own notes about the report.\n",
        b"Quoting the marker is not being a report: " + MARKDOWN_MARK.encode("utf-8"),
        b"x" * HEAD_BYTES + MARKDOWN_MARK.encode("utf-8"),
        b"<html><head><title>A saved page</title></head><body>Article</body></html>",
        b'<html><head><meta name="generator" content="WordPress 6.4"></head>',
        b"%PDF-1.4",
    ],
)
def test_is_own_report_leaves_articles_alone(tmp_path, head):
    path = tmp_path / "article.txt"
    path.write_bytes(head)
    assert not is_own_report(path)


def test_is_own_report_accepts_a_bom_and_never_blocks_or_raises(tmp_path):
    bom = tmp_path / "bom.md"
    bom.write_bytes(b"\xef\xbb\xbf" + MARKDOWN_MARK.encode("utf-8") + b"\n# Story report\n")
    assert is_own_report(bom)
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    assert not is_own_report(fifo)  # no writer: opening it for reading would block
    assert not is_own_report(tmp_path)
    assert not is_own_report(tmp_path / "missing.md")
    assert not is_own_report(str(tmp_path / "nul\x00.md"))


def test_a_report_in_a_named_folder_may_be_replaced_with_force(story, capsys):
    """The report's own file is not an input: --force replaces it (it used to be refused)."""
    target = story / "report.md"
    target.write_text(MARKDOWN_MARK + "\n# An older report\n", encoding="utf-8")
    assert main(["report", str(story), "-o", str(target), "--force"]) == 0
    assert "# Story report" in target.read_text(encoding="utf-8")
    assert str(target) not in safe_write.input_files([str(story)]).files


def test_a_report_saved_among_the_articles_is_not_read_back(story, capsys):
    """End to end; needs the loader to skip the program's own reports (ingest/load.py, story.py)."""
    target = story / "report.md"
    assert main(["report", str(story), "-o", str(target)]) == 0
    capsys.readouterr()
    assert main(["report", str(story), "-o", str(target), "--force"]) == 0
    err = capsys.readouterr().err
    assert "(markdown, 5 articles)" in err and "nearly all" not in target.read_text(encoding="utf-8")
    html_report = story / "report.html"
    assert main(["report", str(story), "-o", str(html_report)]) == 0
    capsys.readouterr()
    # Named explicitly, a report is a one-line problem, not an article.
    assert main(["articles", str(story), str(target), str(html_report), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "report.md: is a sidebyside report, not an article" in err
    assert "report.html: is a sidebyside report, not an article" in err
    assert err.count("\n") == 2
