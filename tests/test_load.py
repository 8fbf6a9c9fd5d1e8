"""Loading: finding article files under PATHs and decoding them to clean text.

Every sample here is written for the test (no seed file is read), so each case isolates
one thing a scraped folder can throw at the loader.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from unittest import mock

import pytest

from sidebyside.ingest.load import (
    LoadError,
    TooLarge,
    clean_characters,
    decode,
    find_files,
    read_plain_file,
    read_source,
)
from sidebyside.ingest.own_output import MARKDOWN_MARK
from sidebyside.ingest.story import iter_story, load_story

ARTICLE = (
    "Bridge to reopen after repairs\n\n"
    "The minister said on Monday that the bridge would reopen next week after repairs costing "
    "3.5 million euros.\n\n"
    "“We are nearly there,” the site manager said.\n"
)
ACCENTED = "Café owners in Zürich said the “naïve” plan would cost €4 million — a résumé of failures.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- decoding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ACCENTED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ACCENTED.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ACCENTED.encode("utf-16-be"), "utf-16"),
        (ACCENTED.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252"],
)
def test_decode_reads_every_common_encoding(data: bytes, encoding: str) -> None:
    text, used = decode(data)
    assert clean_characters(text) == ACCENTED
    assert used == encoding


def test_cp1252_smart_quotes_become_curly_quotes() -> None:
    text, used = decode(b"He called it \x93a disgrace\x94 \x96 and left.")
    assert text == "He called it “a disgrace” – and left."
    assert used == "cp1252"


def test_latin1_text_decodes() -> None:
    data = "Le ministre a déclaré à Genève que la réunion était terminée.".encode("latin-1")
    text, _ = decode(data)
    assert text == "Le ministre a déclaré à Genève que la réunion était terminée."


def test_utf16_without_bom_is_recognised_from_its_nul_pattern() -> None:
    text, used = decode(ACCENTED.encode("utf-16-le"))
    assert text == ACCENTED
    assert used == "utf-16-le"


def test_mostly_utf8_with_a_stray_cp1252_byte_keeps_the_good_text() -> None:
    data = "Café résumé — “fine” ".encode() + b"\x93stray\x94"
    text, _ = decode(data)
    assert text == "Café résumé — “fine” “stray”"  # not "CafÃ©"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF"),
        (b"some text\x00\x01\x02 with NUL bytes\x00", "binary"),
        (bytes(range(0x80, 0x100)) * 8, "cannot decode"),
        (codecs.BOM_UTF8 + b"valid start \xff\xfe broken", "claims utf-8"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nul-bytes", "undecodable", "bad-utf8-with-bom"],
)
def test_decode_rejects_what_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        decode(data)


# --- clean characters -----------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings_become_newlines(newline: str) -> None:
    assert clean_characters(f"one{newline}two{newline}{newline}three") == "one\ntwo\n\nthree"


def test_nfc_composes_decomposed_accents() -> None:
    decomposed = "Cafe\u0301 E\u0301le\u0301onore"
    assert unicodedata.is_normalized("NFD", decomposed)
    assert clean_characters(decomposed) == "Café Éléonore"
    assert len(clean_characters(decomposed)) == len("Café Éléonore")


def test_curly_quotes_and_dashes_are_kept_as_printed() -> None:
    text = "“Never,” she said – ‘not now’ — and left."
    assert clean_characters(text) == text


def test_ansi_escapes_and_control_characters_are_removed() -> None:
    text = "\x1b[31mRed\x1b[0m alert\x07 in\x00 the\u200b city\x1b]0;title\x07 now\x7f."
    assert clean_characters(text) == "Red alert in the city now."


def test_tabs_and_non_breaking_spaces_become_spaces() -> None:
    assert clean_characters("a\tb\u00a0c") == "a b c"


# --- finding files --------------------------------------------------------------------


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    files, problems = find_files([str(tmp_path / "nope.txt")])
    assert files == []
    assert len(problems) == 1 and "no such file" in problems[0].message


def test_folder_with_no_articles_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path, "story.toml", "")
    files, problems = find_files([str(tmp_path)])
    assert files == []
    assert "no article files" in problems[0].message


def test_mixed_folder_reads_only_articles_and_does_not_recurse(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.md", ARTICLE)
    write(tmp_path, "c", ARTICLE)  # no extension: a plain text export
    write(tmp_path, "image.jpg", b"\xff\xd8\xff\xe0")
    write(tmp_path, "page.pdf", b"%PDF-1.4")
    write(tmp_path, ".hidden.txt", ARTICLE)
    write(tmp_path, "a.txt.meta.toml", 'outlet = "X"')
    write(tmp_path, "story.toml", "")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "deeper.txt", ARTICLE)
    files, problems = find_files([str(tmp_path)])
    assert [p.name for p in files] == ["a.txt", "b.md", "c"]
    assert problems == []


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARTICLE)
    other = f"{tmp_path}/./a.txt"
    files, _ = find_files([str(path), other, str(tmp_path)])
    assert files == [path]


def test_an_explicit_file_is_tried_whatever_its_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "article.html", ARTICLE)
    files, problems = find_files([str(path)])
    assert files == [path] and problems == []


def test_a_symlink_loop_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    write(tmp_path, "a.txt", ARTICLE)
    story = load_story([str(tmp_path / "loop1"), str(tmp_path)])
    assert [a.id for a in story.articles] == ["a.txt"]
    assert len(story.problems) == 1 and "symbolic links" in story.problems[0].message


# --- reading --------------------------------------------------------------------------


def test_read_source_returns_clean_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    source = read_source(path)
    assert source.text == ARTICLE
    assert source.encoding == "utf-8-sig"


def test_a_folder_given_to_read_source_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="folder"):
        read_source(tmp_path)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match=r"not a regular file \(a named pipe\)"):
        read_source(fifo)


def test_permission_error_is_a_problem_even_as_root(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", ARTICLE)
    with (
        mock.patch.object(os, "open", side_effect=PermissionError(13, "Permission denied")),
        pytest.raises(LoadError, match="permission denied"),
    ):
        read_source(path)


# --- never block: FIFOs, devices, /proc -------------------------------------------------

#: Runs in a child with a timeout: on a regression the read blocks for ever, and the test
#: must fail rather than hang the suite.
SWAPPED_FIFO = """
import os, sys
from pathlib import Path
from unittest import mock
from sidebyside.ingest.load import LoadError, read_source
fifo, plain = Path(sys.argv[1]), Path(sys.argv[2])
# stat() saw a plain file; by open() it is a FIFO with no writer.
with mock.patch.object(Path, "stat", return_value=os.stat(plain)):
    try:
        read_source(fifo)
    except LoadError as err:
        print(err)
"""


def test_a_file_swapped_for_a_fifo_after_stat_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    plain = write(tmp_path, "plain.txt", ARTICLE)
    done = subprocess.run(
        [sys.executable, "-c", SWAPPED_FIFO, str(fifo), str(plain)], capture_output=True, text=True, timeout=30
    )
    assert done.stdout.strip() == "not a regular file (a named pipe)", done.stderr


def test_a_fifo_named_or_in_a_folder_never_blocks_the_cli(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    done = subprocess.run(
        [sys.executable, "-m", "sidebyside", "articles", str(tmp_path), str(tmp_path / "pipe.txt"), "--format", "json"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"sidebyside: {tmp_path / 'pipe.txt'}: not a regular file (a named pipe)"]
    assert "good.txt" in done.stdout


PSEUDO = ("/proc/self/status", "/proc/version", "/proc/cpuinfo", "/sys/kernel/mm/transparent_hugepage/enabled")
PROC_FILES = [p for p in PSEUDO if Path(p).is_file()]


@pytest.mark.skipif(not PROC_FILES, reason="no /proc or /sys here")
@pytest.mark.parametrize("name", PROC_FILES)
def test_proc_and_sys_files_are_refused_unread(name: str) -> None:
    """They claim size 0 (or 4096) whatever they hold; some block or change when read."""
    with (
        mock.patch.object(os, "read", side_effect=AssertionError("read a pseudo-file")),
        pytest.raises(LoadError, match=r"not a regular file \(a system file under /proc or /sys\)"),
    ):
        read_source(Path(name))
    story = load_story([name])
    assert story.articles == () and len(story.problems) == 1


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="no /proc here")
def test_a_link_into_proc_is_refused(tmp_path: Path) -> None:
    (tmp_path / "status.txt").symlink_to("/proc/self/status")
    story = load_story([str(tmp_path)])
    assert story.articles == ()
    assert [p.message for p in story.problems] == ["not a regular file (a system file under /proc or /sys)"]


def test_an_empty_file_is_not_read(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    with (
        mock.patch.object(os, "read", side_effect=AssertionError("read an empty file")),
        pytest.raises(LoadError, match="empty file"),
    ):
        read_source(path)


def test_read_plain_file_stops_at_its_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"x" * 100)
    assert read_plain_file(path, 100) == b"x" * 100
    with pytest.raises(TooLarge) as caught:
        read_plain_file(path, 99)
    assert caught.value.size == 100


def test_unlistable_folder_is_a_problem(tmp_path: Path) -> None:
    with mock.patch.object(Path, "iterdir", side_effect=PermissionError(13, "Permission denied")):
        files, problems = find_files([str(tmp_path)])
    assert files == []
    assert "cannot list folder" in problems[0].message


def test_bad_files_are_reported_and_the_good_ones_still_load(tmp_path: Path) -> None:
    write(tmp_path, "01_good.txt", ARTICLE)
    write(tmp_path, "02_empty.txt", b"")
    write(tmp_path, "03_blank.txt", b"\n \n\t\n")
    write(tmp_path, "04_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, "05_pdf.txt", b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
    write(tmp_path, "06_garbage.txt", bytes(range(0x80, 0x100)) * 8)
    write(tmp_path, "07_cp1252.txt", ARTICLE.encode("cp1252"))
    story = load_story([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [a.id for a in story.articles] == ["01_good.txt", "07_cp1252.txt"]
    reasons = {Path(p.path).name: p.message for p in story.problems}
    assert set(reasons) == {
        "missing.txt",
        "02_empty.txt",
        "03_blank.txt",
        "04_binary.txt",
        "05_pdf.txt",
        "06_garbage.txt",
    }
    assert all("\n" not in message for message in reasons.values())


def test_iter_story_never_raises_on_hostile_input(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"\x00" * 100)
    write(tmp_path, "b.txt", b"\x1b[2J\x1b[H")  # only escape sequences: empty once cleaned
    write(tmp_path, "c.txt", "!!!! ???? ....")
    items = list(iter_story([str(tmp_path)]))
    assert len(items) == 3


def test_loading_never_writes_to_the_users_files(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE.replace("\n", "\r\n"))
    write(tmp_path, "b.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    write(tmp_path, "c.txt", b"\x89PNG\r\n\x1a\n")
    write(tmp_path, "a.txt.meta.toml", 'outlet = "Somebody"\n')
    write(tmp_path, "story.toml", "broken = = toml")
    old = 1_000_000_000
    before = {}
    for path in sorted(tmp_path.iterdir()):
        os.utime(path, (old, old))
        before[path.name] = (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_mode)
    folder_mtime = tmp_path.stat().st_mtime_ns

    load_story([str(tmp_path)])

    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in sorted(tmp_path.iterdir())}
    assert after == before
    assert tmp_path.stat().st_mtime_ns == folder_mtime  # no file created or removed


# --- the app's own reports ---------------------------------------------------------------


def test_a_report_saved_among_the_articles_is_skipped_silently(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "report.md", f"{MARKDOWN_MARK}\n# Story report\n\n{ARTICLE}")
    files, problems = find_files([str(tmp_path)])
    assert [p.name for p in files] == ["a.txt"] and problems == []


def test_a_report_named_explicitly_is_a_problem(tmp_path: Path) -> None:
    good = write(tmp_path, "a.txt", ARTICLE)
    report = write(tmp_path, "report.md", f"{MARKDOWN_MARK}\n# Story report\n\n{ARTICLE}")
    story = load_story([str(report), str(good)])
    assert [a.id for a in story.articles] == ["a.txt"]
    assert [p.message for p in story.problems] == ["is a sidebyside report, not an article"]


def test_a_report_the_app_wrote_is_never_read_back(tmp_path: Path) -> None:
    from conftest import SEEDS

    folder = tmp_path / "story"
    folder.mkdir()
    for seed in sorted(SEEDS.iterdir())[:2]:
        write(folder, seed.name, seed.read_bytes())
    before = [a.id for a in load_story([str(folder)]).articles]
    for name in ("report.md", "report.txt"):
        command = ["report", str(folder), "-o", str(folder / name), "--format", "markdown"]
        done = subprocess.run(
            [sys.executable, "-m", "sidebyside", *command],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    story = load_story([str(folder)])
    assert [a.id for a in story.articles] == before and story.problems == ()


def test_an_article_that_merely_mentions_the_marker_is_read(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE + f"\nThe page ended with {MARKDOWN_MARK}.\n")
    assert [p.name for p in find_files([str(tmp_path)])[0]] == ["a.txt"]


def test_a_folder_holding_only_a_report_holds_no_articles(tmp_path: Path) -> None:
    write(tmp_path, "report.md", f"{MARKDOWN_MARK}\n# Story report\n\n{ARTICLE}")
    files, problems = find_files([str(tmp_path)])
    assert files == [] and [p.message for p in problems] == ["folder holds no article files (.txt, .md, .html)"]
