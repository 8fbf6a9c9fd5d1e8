"""Hostile input: whatever a journalist points the CLI at, it answers without a traceback,
prints nothing that drives the terminal, and never writes the files it was given.

Every fixture is generated here, in `tmp_path`; every command runs as the user runs it
(`python -m sidebyside ...` in a subprocess, stdout encoded strictly as UTF-8). For each
input the test checks: exit status 0 or 2; on 2, one `sidebyside: PATH: reason` line
per problem on stderr and the good article still reported; never "Traceback"; no
control byte (ESC, BEL, BS, C1 ...) in stdout or stderr; every `--format json` output
parses; and every file under `tmp_path` has the same bytes and mtime afterwards (and no
file appeared).

Input -> behaviour (articles = `articles --format json|table`, quotes = `quotes --format
json|table`, compare = `compare X good.txt --format json|text`):

=================================  ====  ==========================================================
input                              exit  behaviour
=================================  ====  ==========================================================
empty file (0 bytes)               2     "empty.txt: empty file"; the good article still listed
whitespace-only file               2     "blank.txt: empty file"
PNG image renamed .txt             2     "image.txt: not a text file (looks like a PNG image)"
text with NUL bytes                2     "nul.txt: not a text file (binary data)"
random high bytes                  2     "garbage.txt: cannot decode: not UTF-8, UTF-16 or cp1252 text"
invalid UTF-8 (stray cp1252)       0     valid UTF-8 kept ("café"), stray bytes read as cp1252 ("’")
UTF-16 LE / BE with BOM            0     decoded; same sentences as the UTF-8 original
cp1252 with smart quotes           0     decoded to “ ” ‘ ’; quotes found ("were not met" by Haftar)
50 MB single line                  0     loads: every sentence, cut at sentence ends (articles only:
                                         quotes is linear but takes minutes on ~500,000 sentences)
200,000-sentence file              0     loads: exactly 200,000 sentences (articles only)
folder: articles, images, sub-     2     a.txt and b.md listed; "fake.txt: not a text file (looks
folders, hidden, sidecar, PNG.txt        like a PNG image)"; photo.png, scan.jpg, sub/ (not searched),
                                         .hidden.txt, a.txt.meta.toml (applied as a sidecar, its
                                         escape sequences removed like an article's),
                                         dangling and looping links: skipped silently
all of the above in one folder     2     one line per refused file; every usable file listed; the
                                         JSON of articles, quotes and compare parses, contract keys
symlink loop named explicitly      2     "loop1.txt: cannot read (Too many levels of symbolic links)"
dangling symlink named explicitly  2     "dangling.txt: cannot read (No such file or directory)"
unreadable file (PermissionError)  2     "secret.txt: permission denied"
unreadable folder                  2     "locked: cannot list folder (Permission denied)"
missing path                       2     "nope.txt: no such file or folder"
folder with no article files       2     "pictures: folder holds no article files (.txt, .md, .html)"
same file given 3 times + folder   0     read once: one article
compare with one article           2     "compare needs two articles: only good.txt given (...)"
compare good.txt ./good.txt        2     "compare needs two articles: good.txt and ./good.txt are
                                         the same article"
compare with a refused file        2     "compare needs two articles: empty.txt: empty file"
Rich markup in text                0     [bold], [/], [link=file:///etc/passwd]x[/link], [red]
                                         kept literally in sentences, titles, quotes, tables;
                                         [su_label] is a WordPress shortcode: the cleaner removes it
ANSI escapes, BEL, BS, FF, C1,     0     sequences removed whole ("\\x1b[31mred" -> "red", no
CR, bidi overrides in text               "[31m" left), controls dropped; a lone CR is a line break
                                         (the wrapped sentence is joined again)
right-to-left Arabic               0     every Arabic paragraph kept verbatim, Arabic headline
combining characters, Zalgo        0     NFC-composed ("cafe\\u0301" -> "café"), stacked marks kept
emoji (flags, ZWJ, skin tones)     0     kept intact, ZWJ sequences included
very long words                    0     a 10,000-letter word kept whole; a 100,000-character run
                                         kept in order, cut into 20,000-character sentences
no punctuation at all              0     every word kept, in order
file names with ESC, BEL, non-     0/2   printed escaped ("evil\\x1b[31m.txt", "caf\\xe9.txt"), never
UTF-8 bytes                              raw; no crash on a strict UTF-8 stdout
FIFO named, or in a folder         2/0   named: "pipe.txt: not a regular file (a named pipe)", never
                                         opened blocking (O_NONBLOCK, then fstat); in a folder: skipped
/proc/self/status, /sys files      2     "not a regular file (a system file under /proc or /sys)",
                                         never read (test_load)
sidecars: arrays 1,000 deep,       2     one line per sidecar ("not valid TOML (nested too deeply)",
5,001-digit integer, BOM, wrong          "... (a number too long to read)", "'outlet' should be text
types, unknown keys, over 64 KB,         in quotes, not a number; ignored", "unknown key 'colour'",
story.toml table naming no file          "too large for a sidecar", '["gone.txt"] names no file');
                                         BOM stripped; every article still listed (test_sidecar)
x.txt in two folders               0     ids "d1/x.txt", "d2/x.txt": overlap, closest, reuse and quote
                                         carriers name the right one (test_identity)
a report sidebyside wrote          0/2   in a folder: skipped; named: "is a sidebyside report, not an
                                         article" (test_load)
=================================  ====  ==========================================================
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SEEDS

GOOD = SEEDS / "000_141c9d3bbb55366e.txt"  # Reuters: Haftar "were not met" is in 003
PARTNER = SEEDS / "003_4d220cef3e03f249.txt"

#: Bytes that would drive a terminal: C0 controls but tab and newline, DEL, and the C1
#: controls as UTF-8 encodes them (U+0080-U+009F).
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")

ENV = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8:strict", "PYTHONHASHSEED": "0"}


# --- running the CLI ---------------------------------------------------------------------


@dataclass
class Run:
    code: int
    out: str
    err: list[str]
    data: dict | None  # the parsed JSON, for --format json


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under `root` (links not followed): kind, bytes digest and mtime."""
    state: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            digest = None
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as handle:
                    digest = hashlib.blake2b(handle.read()).hexdigest()
            state[path] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return state


#: Runs the CLI with `open`, `os.open` and `Path.iterdir` raising PermissionError for the
#: paths in argv[1] (os.pathsep-separated): we run as root, so chmod 000 would not stop a read.
DENY_BOOT = """
import io, os, pathlib, sys
deny = {os.path.abspath(p) for p in sys.argv[1].split(os.pathsep)}
real_open, real_os_open, real_iterdir = io.open, os.open, pathlib.Path.iterdir
def denied(file):
    if isinstance(file, (str, bytes, os.PathLike)) and os.path.abspath(os.fsdecode(file)) in deny:
        raise PermissionError(13, "Permission denied", os.fsdecode(file))
def guarded_open(file, *args, **kwargs):
    denied(file)
    return real_open(file, *args, **kwargs)
def guarded_os_open(path, *args, **kwargs):
    denied(path)
    return real_os_open(path, *args, **kwargs)
def guarded_iterdir(self):
    if os.path.abspath(self) in deny:
        raise PermissionError(13, "Permission denied", str(self))
    return real_iterdir(self)
io.open = guarded_open
os.open = guarded_os_open
pathlib.Path.iterdir = guarded_iterdir
from sidebyside.cli import main
sys.exit(main(sys.argv[2:]))
"""


def cli(root: Path, *args: str, deny: tuple[str, ...] = (), timeout: float = 120) -> Run:
    """Run `sidebyside ARGS` in `root`; check what holds for every input, whatever it is."""
    before = snapshot(root)
    if deny:
        command = [sys.executable, "-c", DENY_BOOT, os.pathsep.join(str(root / d) for d in deny), *args]
    else:
        command = [sys.executable, "-m", "sidebyside", *args]
    done = subprocess.run(command, cwd=root, env=ENV, capture_output=True, timeout=timeout)
    assert snapshot(root) == before, "an input file was written, touched, or a file appeared"
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout, done.stderr.decode(errors="replace")
    assert done.returncode in (0, 2), (done.returncode, done.stderr)
    for stream in (done.stdout, done.stderr):
        found = CONTROL_BYTES.search(stream)
        assert found is None, f"control byte {found.group()!r} in output" if found else ""
    out = done.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    err = done.stderr.decode("utf-8").splitlines()
    if done.returncode == 2:
        assert err and all(re.match(r"sidebyside: \S", line) for line in err), err
    else:
        assert err == [], err
    data = json.loads(out) if "json" in args and out.strip() else None
    return Run(done.returncode, out, err, data)


def ids(run: Run) -> list[str]:
    assert run.data is not None
    return [a["id"] for a in run.data["articles"]]


def sentences(run: Run, article_id: str) -> list[str]:
    assert run.data is not None
    return next(a["sentences"] for a in run.data["articles"] if a["id"] == article_id)


def good(root: Path) -> Path:
    path = root / "good.txt"
    shutil.copyfile(GOOD, path)
    return path


def page(title: str, *paragraphs: str) -> str:
    """A saved page: section line, headline, byline, paragraphs, a chrome line."""
    return "\n\n".join(["World", title, "By Jane Doe", *paragraphs, "Share this article"]) + "\n"


# --- inputs that are refused --------------------------------------------------------------


def _empty(root: Path) -> str:
    (root / "empty.txt").write_bytes(b"")
    return "empty.txt"


def _blank(root: Path) -> str:
    (root / "blank.txt").write_text("  \n\n\t \r\n", encoding="ascii")
    return "blank.txt"


def _png(root: Path) -> str:
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return "image.txt"


def _nul(root: Path) -> str:
    (root / "nul.txt").write_bytes(b"The minister said\x00 the talks\x00 had failed.\n" * 20)
    return "nul.txt"


def _garbage(root: Path) -> str:
    (root / "garbage.txt").write_bytes(bytes((7 * k * k + 3 * k) % 128 + 128 for k in range(4000)))
    return "garbage.txt"


REFUSED = {
    "empty-file": (_empty, "empty.txt: empty file"),
    "whitespace-only": (_blank, "blank.txt: empty file"),
    "png-renamed-txt": (_png, "image.txt: not a text file (looks like a PNG image)"),
    "nul-bytes": (_nul, "nul.txt: not a text file (binary data)"),
    "random-high-bytes": (_garbage, "garbage.txt: cannot decode: not UTF-8, UTF-16 or cp1252 text"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_refused_file_is_one_line_and_the_good_article_still_opens(tmp_path: Path, case: str) -> None:
    make, message = REFUSED[case]
    bad = make(tmp_path)
    good(tmp_path)

    run = cli(tmp_path, "articles", bad, "good.txt", "--format", "json")
    assert (run.code, run.err) == (2, [f"sidebyside: {message}"])
    assert ids(run) == ["good.txt"]

    run = cli(tmp_path, "articles", bad, "good.txt")  # table
    assert run.code == 2 and run.err == [f"sidebyside: {message}"] and "good.txt" in run.out

    run = cli(tmp_path, "quotes", bad, "good.txt", "--format", "json")
    assert (run.code, run.err) == (2, [f"sidebyside: {message}"])
    assert ids(run) == ["good.txt"]

    run = cli(tmp_path, "compare", bad, "good.txt", "--format", "json")
    assert (run.code, run.err, run.out) == (2, [f"sidebyside: compare needs two articles: {message}"], "")


# --- inputs that are decoded -------------------------------------------------------------

ENCODED_TEXT = page(
    "Haftar tells Macron ‘no ceasefire’ for now",
    "Libyan strongman Khalifa Haftar rejected a ceasefire requested by French President "
    "Emmanuel Macron during talks in Paris, an Elysee official said on Wednesday.",
    "Haftar said the conditions for halting hostilities “were not met,” the official said on "
    "condition of anonymity, while the café owners of Tripoli counted 510 dead.",
)


def _stray_cp1252(root: Path) -> str:
    data = ENCODED_TEXT.replace("’", "\x00").encode("utf-8").replace(b"\x00", b"\x92")  # cp1252 ’
    (root / "mixed.txt").write_bytes(data)
    return "mixed.txt"


def _utf16(encoding: str, name: str):
    def make(root: Path) -> str:
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        (root / name).write_bytes(bom + ENCODED_TEXT.replace("\n", "\r\n").encode(encoding))
        return name

    return make


def _cp1252(root: Path) -> str:
    (root / "cp1252.txt").write_bytes(ENCODED_TEXT.replace("\n", "\r\n").encode("cp1252"))
    return "cp1252.txt"


DECODED = {
    "invalid-utf8-stray-cp1252": _stray_cp1252,
    "utf16-le-bom": _utf16("utf-16-le", "utf16le.txt"),
    "utf16-be-bom": _utf16("utf-16-be", "utf16be.txt"),
    "cp1252-smart-quotes": _cp1252,
}


@pytest.mark.parametrize("case", DECODED, ids=list(DECODED))
def test_other_encodings_decode_to_the_same_article(tmp_path: Path, case: str) -> None:
    reference = tmp_path / "reference.txt"
    reference.write_text(ENCODED_TEXT, encoding="utf-8")
    name = DECODED[case](tmp_path)

    run = cli(tmp_path, "articles", "reference.txt", name, "--format", "json")
    assert run.code == 0
    expected = sentences(run, "reference.txt")
    assert sentences(run, name) == expected
    assert any("“were not met,”" in s and "café" in s for s in expected)
    titles = {a["id"]: a["title"] for a in run.data["articles"]}
    assert titles[name] == titles["reference.txt"] == "Haftar tells Macron ‘no ceasefire’ for now"

    run = cli(tmp_path, "quotes", name, "--format", "json")
    assert run.code == 0
    quotes = run.data["articles"][0]["quotes"]
    assert any(q["speaker"] == "Khalifa Haftar" and q["text"] == "were not met" for q in quotes), quotes

    run = cli(tmp_path, "compare", "reference.txt", name, "--format", "json")
    assert run.code == 0 and {r["kind"] for r in run.data["rows"]} == {"same"}


# --- text that is odd but usable ---------------------------------------------------------

MARKUP_TITLE = "Envoy says [bold]talks[/bold] on Libya [/] must resume"


def _markup(root: Path) -> str:
    (root / "markup.txt").write_text(
        page(
            MARKUP_TITLE,
            "The envoy said talks on Libya must resume and wrote [bold]urgent[/bold] and [/] then "
            "[link=file:///etc/passwd]x[/link] in a message to reporters on Sunday.",
            "[su_label]Breaking[/su_label]",
            "Ghassan Salame said “[red]we will not[/red] give up on [link=https://un.org]talks[/link]” "
            "as the meeting resumed in Geneva on Monday.",
        ),
        encoding="utf-8",
    )
    return "markup.txt"


def _check_markup(run: Run, name: str) -> None:
    text = sentences(run, name)
    assert text[0].endswith(
        "wrote [bold]urgent[/bold] and [/] then [link=file:///etc/passwd]x[/link] in a message to reporters on Sunday."
    )
    assert text[1] == (
        "Ghassan Salame said “[red]we will not[/red] give up on [link=https://un.org]talks[/link]” "
        "as the meeting resumed in Geneva on Monday."
    )
    assert not any("su_label" in s or "Breaking" in s for s in text)  # a CMS shortcode: removed
    assert run.data["articles"][0]["title"] == MARKUP_TITLE


ANSI_PARAGRAPHS = (
    "Fighting \x1b[31mcontinued\x1b[0m in the south of Tripoli on Sunday as forces advanced\x07 toward the capital.",
    "The \x1b]0;pwned\x07ministry said 40 people\x08 were killed\x0c in the clashes, according to officials.\x1b[2J",
    "Residents said they heard\x9b31m explosions\x1bc near the airport on Monday night, witnesses told reporters.",
    "An aid worker said the \u202eshelters were full\u202c and\r more families arrived on Tuesday morning.",
)


def _ansi(root: Path) -> str:
    (root / "ansi.txt").write_text(
        page("Control \x1b[1mcharacters\x1b[0m in \x1b]8;;http://x\x1b\\the news\x1b]8;;\x1b\\", *ANSI_PARAGRAPHS),
        encoding="utf-8",
    )
    return "ansi.txt"


def _check_ansi(run: Run, name: str) -> None:
    assert sentences(run, name) == [
        "Fighting continued in the south of Tripoli on Sunday as forces advanced toward the capital.",
        "The ministry said 40 people were killed in the clashes, according to officials.",
        "Residents said they heard explosions near the airport on Monday night, witnesses told reporters.",
        "An aid worker said the shelters were full and more families arrived on Tuesday morning.",
    ]
    assert run.data["articles"][0]["title"] == "Control characters in the news"


ARABIC = (
    "قال المشير خليفة حفتر إن الهجوم على طرابلس سيستمر حتى تحرير العاصمة من الميليشيات المسلحة.",
    "وقالت منظمة الصحة العالمية إن 510 أشخاص قتلوا في القتال منذ بداية شهر أبريل الماضي.",
    "وأضاف المتحدث باسم الحكومة أن المفاوضات لم تنجح بعد وأن الوضع الإنساني يتدهور يوما بعد يوم؟",
)


def _arabic(root: Path) -> str:
    (root / "arabic.txt").write_text(
        "\n\n".join(["عنوان: حفتر يرفض وقف إطلاق النار في طرابلس", *ARABIC]) + "\n", encoding="utf-8"
    )
    return "arabic.txt"


def _check_arabic(run: Run, name: str) -> None:
    assert sentences(run, name) == list(ARABIC)
    assert run.data["articles"][0]["title"] == "عنوان: حفتر يرفض وقف إطلاق النار في طرابلس"


COMBINING = (
    (
        "The cafe\u0301 owner in Tripoli said that Zalgo t\u0336\u0337e\u0338\u0489x\u0334t appeared on the menu on "
        "Sunday."
    ),
    "Officials in Benghazi said the Vietnamese delegation from Ha\u0300 No\u0323\u0302i arrived late on Monday.",
)


def _combining(root: Path) -> str:
    (root / "combining.txt").write_text(
        page("Cafe\u0301 owners in Tripoli count the cost", *COMBINING), encoding="utf-8"
    )
    return "combining.txt"


def _check_combining(run: Run, name: str) -> None:
    assert sentences(run, name) == [unicodedata.normalize("NFC", s) for s in COMBINING]
    assert "café owner" in sentences(run, name)[0]


EMOJI = (
    "Supporters posted 🇱🇾 flags and 👍🏽 thumbs in Benghazi on Sunday, officials said.",
    "A family 👨\u200d👩\u200d👧\u200d👦 fled Tripoli with 🧳 bags and a 🐈\u200d⬛ cat, aid workers said.",
)


def _emoji(root: Path) -> str:
    (root / "emoji.txt").write_text(page("Emoji 🔥 flood Libya's social media", *EMOJI), encoding="utf-8")
    return "emoji.txt"


def _check_emoji(run: Run, name: str) -> None:
    assert sentences(run, name) == list(EMOJI)


LONG_WORD = "supercalifragilistic" * 500  # 10,000 letters
RUN = "".join(chr(ord("a") + k % 26) for k in range(100_000))  # no space at all


def _long_words(root: Path) -> str:
    (root / "long.txt").write_text(
        page(
            "Long words in the ministry statement",
            f"The ministry published the word {LONG_WORD} in its statement on Sunday, officials said.",
            f"The appendix held {RUN} and nothing else.",
        ),
        encoding="utf-8",
    )
    return "long.txt"


def _check_long_words(run: Run, name: str) -> None:
    text = sentences(run, name)
    assert text[0] == f"The ministry published the word {LONG_WORD} in its statement on Sunday, officials said."
    rest = "".join(s.replace(" ", "") for s in text[1:])
    assert RUN in rest and all(len(s) <= 20_000 + 20 for s in text)


WORDS = [f"word{k}" for k in range(3000)]


def _no_punctuation(root: Path) -> str:
    lines = [" ".join(WORDS[k : k + 100]) for k in range(0, len(WORDS), 100)]
    (root / "bare.txt").write_text(" ".join(lines[:10]) + "\n" + "\n".join(lines[10:]) + "\n", encoding="utf-8")
    return "bare.txt"


def _check_no_punctuation(run: Run, name: str) -> None:
    assert " ".join(sentences(run, name)).split() == WORDS


AWKWARD = {
    "rich-markup": (_markup, _check_markup),
    "ansi-and-control-chars": (_ansi, _check_ansi),
    "right-to-left-arabic": (_arabic, _check_arabic),
    "combining-characters": (_combining, _check_combining),
    "emoji": (_emoji, _check_emoji),
    "very-long-words": (_long_words, _check_long_words),
    "no-punctuation": (_no_punctuation, _check_no_punctuation),
}


@pytest.mark.parametrize("case", AWKWARD, ids=list(AWKWARD))
def test_awkward_text_comes_out_literally_and_safely(tmp_path: Path, case: str) -> None:
    make, check = AWKWARD[case]
    name = make(tmp_path)
    good(tmp_path)

    run = cli(tmp_path, "articles", name, "--format", "json")
    assert run.code == 0
    check(run, name)

    table = cli(tmp_path, "articles", name, "good.txt")
    assert table.code == 0 and name in table.out
    if case == "rich-markup":
        assert "[bold]talks[/bold]" in table.out

    for fmt in ("json", "table"):
        quotes = cli(tmp_path, "quotes", name, "good.txt", "--format", fmt)
        assert quotes.code == 0
    if case == "rich-markup":
        texts = [q["text"] for q in cli(tmp_path, "quotes", name, "--format", "json").data["articles"][0]["quotes"]]
        assert "[red]we will not[/red] give up on [link=https://un.org]talks[/link]" in texts

    for fmt in ("json", "text", "markdown"):
        compare = cli(tmp_path, "compare", name, "good.txt", "--format", fmt)
        assert compare.code == 0
        if fmt == "json":
            assert compare.data["a"]["sentences"] == sentences(run, name)


def test_file_names_with_escapes_and_foreign_bytes_are_printed_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    evil = os.fsencode(folder) + b"/evil\x1b[31m\x07.txt"
    latin = os.fsencode(folder) + b"/caf\xe9.txt"
    shutil.copyfile(GOOD, evil)
    shutil.copyfile(PARTNER, latin)
    (folder / "empty\x1b]0;title\x07\n.txt").write_bytes(b"")

    run = cli(tmp_path, "articles", "names", "--format", "json")
    assert run.code == 2
    assert run.err == ["sidebyside: names/empty\\x1b]0;title\\x07\\n.txt: empty file"]
    assert ids(run) == ["caf\\xe9.txt", "evil\\x1b[31m\\x07.txt"]
    assert cli(tmp_path, "quotes", "names").code == 2  # labelled by outlet; cli() checks the bytes
    for args in (("articles", "names"), ("compare", os.fsdecode(evil), os.fsdecode(latin))):
        run = cli(tmp_path, *args)
        assert "caf\\xe9.txt" in run.out and "evil\\x1b[31m\\x07.txt" in run.out


def test_json_of_a_folder_of_every_hostile_file_parses_and_keeps_the_contract(tmp_path: Path) -> None:
    folder = tmp_path / "all"
    folder.mkdir()
    refused = sorted(make(folder) for make, _ in REFUSED.values())
    usable = sorted([make(folder) for make in DECODED.values()] + [make(folder) for make, _ in AWKWARD.values()])
    (folder / "notes.meta.toml").write_text('outlet = "Notes"\n', encoding="utf-8")

    run = cli(tmp_path, "articles", "all", "--format", "json")
    assert run.code == 2 and len(run.err) == len(refused)
    assert sorted(ids(run)) == usable
    for article in run.data["articles"]:
        assert {"id", "path", "outlet", "title", "byline", "dateline", "sentences"} <= set(article)
        assert article["sentences"] and all(isinstance(s, str) and s for s in article["sentences"])

    run = cli(tmp_path, "quotes", "all", "--format", "json")
    assert run.code == 2 and sorted(ids(run)) == usable
    assert {"speakers", "articles"} <= set(run.data)
    for article in run.data["articles"]:
        for q in article["quotes"]:
            assert {"speaker", "text", "kind", "sentence", "cue"} <= set(q) and q["kind"] in ("direct", "indirect")
        for f in article["figures"]:
            assert {"value", "number", "qualifier", "what", "attributed_to", "sentence"} <= set(f)

    run = cli(tmp_path, "compare", "all/markup.txt", "all/arabic.txt", "--format", "json")
    assert run.code == 0 and {"a", "b", "rows"} <= set(run.data)
    assert all({"a", "b", "kind", "similarity"} <= set(row) for row in run.data["rows"])


# --- paths ----------------------------------------------------------------------------------


def test_a_folder_of_mixed_files_lists_its_articles_and_names_the_impostor(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(GOOD, folder / "a.txt")
    shutil.copyfile(PARTNER, folder / "b.md")
    shutil.copyfile(GOOD, folder / "sub" / "c.txt")  # sub-folders are not searched
    shutil.copyfile(GOOD, folder / ".hidden.txt")
    (folder / "a.txt.meta.toml").write_text('outlet = "\\u001b[31mSidecar\\u0007 Wire"\n', encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (folder / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    (folder / "fake.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")

    run = cli(tmp_path, "articles", "story", "--format", "json")
    assert run.code == 2
    assert run.err == ["sidebyside: story/fake.txt: not a text file (looks like a PNG image)"]
    assert ids(run) == ["a.txt", "b.md"]
    assert run.data["articles"][0]["outlet"] == "Sidecar Wire"
    run = cli(tmp_path, "quotes", "story", "--format", "json")
    assert run.code == 2 and ids(run) == ["a.txt", "b.md"]
    run = cli(tmp_path, "compare", "story/a.txt", "story/b.md", "--format", "json")
    assert run.code == 0 and run.data["a"]["id"] == "a.txt"


def test_symlink_loops_and_dangling_links_named_explicitly(tmp_path: Path) -> None:
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    good(tmp_path)
    for command in ("articles", "quotes"):
        run = cli(tmp_path, command, "loop1.txt", "dangling.txt", "good.txt", "--format", "json")
        assert run.code == 2 and ids(run) == ["good.txt"]
        assert run.err == [
            "sidebyside: loop1.txt: cannot read (Too many levels of symbolic links)",
            "sidebyside: dangling.txt: cannot read (No such file or directory)",
        ]
    run = cli(tmp_path, "compare", "loop1.txt", "good.txt")
    assert run.err == [
        "sidebyside: compare needs two articles: loop1.txt: cannot read (Too many levels of symbolic links)"
    ]


def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    good(tmp_path)
    shutil.copyfile(GOOD, tmp_path / "secret.txt")
    (tmp_path / "locked").mkdir()
    shutil.copyfile(GOOD, tmp_path / "locked" / "inside.txt")
    deny = ("secret.txt", "locked")
    for command in ("articles", "quotes"):
        run = cli(tmp_path, command, "secret.txt", "locked", "good.txt", "--format", "json", deny=deny)
        assert run.code == 2 and ids(run) == ["good.txt"]
        assert run.err == [
            "sidebyside: locked: cannot list folder (Permission denied)",
            "sidebyside: secret.txt: permission denied",
        ]
    run = cli(tmp_path, "compare", "secret.txt", "good.txt", deny=deny)
    assert run.err == ["sidebyside: compare needs two articles: secret.txt: permission denied"]


def test_missing_paths_and_folders_without_articles(tmp_path: Path) -> None:
    good(tmp_path)
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "photo.png").write_bytes(b"\x89PNG")
    for command in ("articles", "quotes"):
        run = cli(tmp_path, command, "nope.txt", "pictures", "good.txt", "--format", "json")
        assert run.code == 2 and ids(run) == ["good.txt"]
        assert run.err == [
            "sidebyside: nope.txt: no such file or folder",
            "sidebyside: pictures: folder holds no article files (.txt, .md, .html)",
        ]
    run = cli(tmp_path, "articles", "nope.txt")
    assert run.code == 2 and run.out == ""
    assert run.err == ["sidebyside: nope.txt: no such file or folder"]
    run = cli(tmp_path, "compare", "good.txt", "nope.txt")
    assert run.err == ["sidebyside: compare needs two articles: nope.txt: no such file or folder"]


def test_the_same_file_given_several_times_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copyfile(GOOD, folder / "good.txt")
    for command in ("articles", "quotes"):
        run = cli(tmp_path, command, "one/good.txt", "one/good.txt", "./one/../one/good.txt", "one", "--format", "json")
        assert run.code == 0 and ids(run) == ["good.txt"]


def test_fifos_and_proc_files_are_refused_without_blocking(tmp_path: Path) -> None:
    good(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "pipes").mkdir()
    os.mkfifo(tmp_path / "pipes" / "inside.txt")
    shutil.copyfile(PARTNER, tmp_path / "pipes" / "partner.txt")
    proc = ["/proc/self/status"] if Path("/proc/self/status").is_file() else []
    for command in ("articles", "quotes"):
        run = cli(tmp_path, command, "pipe.txt", "pipes", *proc, "good.txt", "--format", "json", timeout=60)
        assert run.code == 2 and ids(run) == ["partner.txt", "good.txt"]  # a FIFO in a folder: skipped
        assert run.err[0] == "sidebyside: pipe.txt: not a regular file (a named pipe)"
        if proc:
            # named as typed, never "../../proc/self/status" from the folder the command ran in
            assert run.err[1] == "sidebyside: /proc/self/status: not a regular file (a system file under /proc or /sys)"
        assert len(run.err) == 1 + len(proc)
    run = cli(tmp_path, "compare", "pipe.txt", "good.txt", timeout=60)
    assert run.err == ["sidebyside: compare needs two articles: pipe.txt: not a regular file (a named pipe)"]


def test_hostile_sidecars_are_one_line_each_and_every_article_is_still_listed(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    for name in names:
        shutil.copyfile(GOOD, folder / name)
    (folder / "a.txt.meta.toml").write_text("x = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    (folder / "b.txt.meta.toml").write_text("outlet = " + "9" * 5001 + "\n", encoding="utf-8")
    (folder / "c.txt.meta.toml").write_bytes(codecs.BOM_UTF8 + b'outlet = "BOM Wire"\n')
    (folder / "d.txt.meta.toml").write_text('outlet = 5\ndate = "yesterday"\ncolour = "red"\ntitle = "Kept"\n')
    (folder / "e.txt.meta.toml").write_text('outlet = "Big"\n' + "#" * 70_000 + "\n", encoding="utf-8")
    (folder / "story.toml").write_text('["gone.txt"]\noutlet = "Nobody"\n\n[c]\nbyline = "Story Byline"\n')
    run = cli(tmp_path, "articles", "story", "--format", "json", timeout=60)
    assert run.code == 2
    assert run.data is not None
    got = {a["id"]: (a["outlet"], a["title"], a["byline"]) for a in run.data["articles"]}
    assert list(got) == names
    assert got["c.txt"][0::2] == ("BOM Wire", "Story Byline")
    assert got["d.txt"][:2] == ("Reuters", "Kept")  # the wrong values ignored, the good one applied
    assert got["e.txt"][0] == "Reuters"
    known = "(known: outlet, title, byline, dateline, date); ignored"
    assert run.err == [
        'sidebyside: story/story.toml: ["gone.txt"] names no file in this folder; ignored',
        "sidebyside: story/a.txt.meta.toml: not valid TOML (nested too deeply)",
        "sidebyside: story/b.txt.meta.toml: not valid TOML (a number too long to read)",
        "sidebyside: story/d.txt.meta.toml: 'outlet' should be text in quotes, not a number; ignored",
        "sidebyside: story/d.txt.meta.toml: 'date' should be a date such as 2024-05-16, not \"yesterday\"; ignored",
        f"sidebyside: story/d.txt.meta.toml: unknown key 'colour' {known}",
        "sidebyside: story/e.txt.meta.toml: too large for a sidecar (over 64 KB); ignored",
    ]


def test_compare_needs_two_different_articles(tmp_path: Path) -> None:
    good(tmp_path)
    run = cli(tmp_path, "compare", "good.txt")
    assert run.code == 2 and run.out == ""
    assert run.err == ["sidebyside: compare needs two articles: only good.txt given (sidebyside compare A B)"]
    run = cli(tmp_path, "compare", "good.txt", "./good.txt", "--format", "json")
    assert run.code == 2 and run.out == ""
    assert run.err == ["sidebyside: compare needs two articles: good.txt and ./good.txt are the same article"]


# --- size -------------------------------------------------------------------------------------


def test_large_a_50_mb_single_line_file_loads(tmp_path: Path) -> None:
    """No newline in 50 MB: read, cleaned and segmented in chunks, every sentence kept."""
    count = 0
    with open(tmp_path / "huge.txt", "w", encoding="utf-8") as handle:
        written = 0
        while written < 50 * 1024 * 1024:
            chunk = "".join(
                f"The relief agency said it had registered {k} new families at the camp outside the port city by "
                f"nightfall. "
                for k in range(count, count + 10_000)
            )
            handle.write(chunk)
            written += len(chunk)
            count += 10_000
    assert (tmp_path / "huge.txt").stat().st_size >= 50 * 1024 * 1024
    run = cli(tmp_path, "articles", "huge.txt", timeout=600)
    assert run.code == 0
    header, _rule, row = run.out.splitlines()[:3]  # id, outlet, sents, ... (outlets may hold spaces)
    at = header.index("sents")
    assert row.split()[0] == "huge.txt" and int(row[at:].split()[0]) == count


def test_large_a_200000_sentence_file_loads(tmp_path: Path) -> None:
    paragraphs = (
        " ".join(f"Aid workers counted {4 * p + k} families at the camp near the port on Sunday." for k in range(4))
        for p in range(50_000)
    )
    (tmp_path / "many.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    run = cli(tmp_path, "articles", "many.txt", "--format", "json", timeout=600)
    assert run.code == 0
    text = sentences(run, "many.txt")
    assert len(text) == 200_000
    assert text[0] == "Aid workers counted 0 families at the camp near the port on Sunday."
    assert text[-1] == "Aid workers counted 199999 families at the camp near the port on Sunday."
