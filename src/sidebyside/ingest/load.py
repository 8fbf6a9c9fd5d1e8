"""Find article files under the user's PATHs and decode them to clean text.

Scraped pages arrive in every encoding a browser can save. We decode UTF-8 (with or
without BOM), UTF-16 (with a BOM, or without one when the NUL pattern is unmistakable),
and fall back to cp1252/latin-1 (with charset-normalizer
as the referee) so a journalist never has to convert files first. Anything that is not
text (an image, a PDF renamed to .txt) becomes a Problem with one clear sentence instead
of garbage in the table. Files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sidebyside.ingest.own_output import is_own_report
from sidebyside.model import Problem

#: Extensions a folder is searched for; an explicitly named file is read whatever its name.
#: `.html`/`.htm` are pages saved from a browser (`ingest.html`).
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", "", ".html", ".htm"}
#: A file with one of these names is a web page saved from a browser (`ingest.html`)...
HTML_SUFFIXES = frozenset({".html", ".htm"})
#: ... and so is one of any name whose text starts like a page.
HTML_HEAD_BYTES = 16 * 1024
#: After a BOM, blank space and comments (browsers write `<!-- saved from url=… -->` first),
#: a page starts with its doctype or its <html> tag.
_LEADING = re.compile(rb"(?:\s+|<!--.*?-->)*", re.S)
_STARTS_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]", re.I)
#: A tag pages are made of, for a `.html` file that lacks the doctype.
_SOME_TAG = re.compile(rb"<(?:head|body|meta|title|div|p|article|section|span|br|table|script)[\s/>]", re.I)
#: Files beside the articles that are not articles.
SIDE_FILES = ("story.toml",)
SIDE_SUFFIX = ".meta.toml"

#: Refuse to read more than this: a scraped article is kilobytes, not gigabytes.
MAX_BYTES = 64 * 1024 * 1024

MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"\x1f\x8b": "a gzip archive",
}

#: Terminal escape sequences, removed whole (dropping only the ESC byte would leave "[31m"
#: in the text): OSC strings (titles, hyperlinks) up to BEL or ST, CSI sequences (also in
#: their one-byte C1 form), and the short escapes ("ESC c" resets the screen, "ESC ( B").
ANSI_ESCAPE = re.compile(
    r"\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]"
)
#: C0/C1 controls except tab and newline, zero-width characters, the BOM, and the bidi
#: marks, embeddings, overrides and isolates that reorder what a terminal shows.
INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


class LoadError(Exception):
    """A file that cannot be used as an article; the message is shown to the user."""


@dataclass(frozen=True)
class Source:
    """A decoded article file."""

    path: Path
    text: str
    encoding: str


def find_files(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Expand PATHs (files or folders) into article files, each once, in a stable order.

    A folder contributes its article files (not sub-folders, images, sidecars, or the
    reports this program wrote there); a file named explicitly is always tried, unless it
    is such a report (a problem line says so). The same file named twice is read once.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        try:
            key = str(path.resolve())
        except (OSError, RuntimeError):  # symlink loops
            key = str(path.absolute())
        if key not in seen:
            seen.add(key)
            found.append(path)

    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                try:
                    entries = sorted(path.iterdir())
                except OSError as err:
                    problems.append(Problem(printable(raw), f"cannot list folder ({err.strerror or err})"))
                    continue
                # A report saved among the articles is not one of them: skipped without a word.
                articles = [p for p in entries if is_article_file(p) and not is_report(p)]
                if not articles:
                    problems.append(Problem(printable(raw), "folder holds no article files (.txt, .md, .html)"))
                for p in articles:
                    add(p)
            elif path.exists() or path.is_symlink():
                if is_report(path):
                    problems.append(Problem(printable(raw), "is a sidebyside report, not an article"))
                else:
                    add(path)
            else:
                problems.append(Problem(printable(raw), "no such file or folder"))
        except OSError as err:
            problems.append(Problem(printable(raw), f"cannot read ({err.strerror or err})"))
    return found, problems


def is_report(path: Path) -> bool:
    """True for a report `sidebyside report` wrote (`own_output.is_own_report`).

    Only a plain file outside /proc and /sys is opened to look: reading the head of a
    pseudo-file can block or consume it (/proc/kmsg), and read_source refuses those anyway.
    """
    try:
        _check_plain(path, path.stat())
    except (LoadError, OSError, ValueError):
        return False
    return is_own_report(path)


def is_article_file(path: Path) -> bool:
    """True for a plain file in a folder that looks like an article (not hidden, not a sidecar)."""
    name = path.name
    if name.startswith(".") or name in SIDE_FILES or name.endswith(SIDE_SUFFIX):
        return False
    try:
        if not path.is_file():
            return False
    except OSError:
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES


def read_source(path: Path) -> Source:
    """Read and decode one file; raise LoadError with a user-facing reason."""
    return source_of(path, read_article_bytes(path))


def is_html(path: Path, data: bytes) -> bool:
    """Whether the file is a web page: by its markup, or a `.html`/`.htm` name and some tags.

    A file of any name that starts like a page is one; a `.html` file that is plain text
    (someone renamed a copy) is read as text, and binary garbage named `.html` goes to the
    text reader, which says in one line what it is. Decided here, from the bytes, so that
    a story of text files never imports the page reader.
    """
    head = data[:HTML_HEAD_BYTES]
    if starts_like_html(head):
        return True
    return path.suffix.lower() in HTML_SUFFIXES and _SOME_TAG.search(head) is not None and not is_binary(head)


def starts_like_html(head: bytes) -> bool:
    """True when the bytes start (after a BOM, spaces and comments) with a doctype or <html>."""
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom) :]
            if bom != codecs.BOM_UTF8:  # UTF-16: look at every other byte
                head = head.replace(b"\x00", b"")
            break
    start = _LEADING.match(head)
    return _STARTS_HTML.match(head, start.end() if start else 0) is not None


def is_binary(head: bytes) -> bool:
    """NUL bytes or a known file signature: not text in any 8-bit encoding."""
    return b"\x00" in head or any(head.startswith(magic) for magic in MAGIC)


def read_article_bytes(path: Path) -> bytes:
    """The bytes of one article file (at most MAX_BYTES); LoadError with a user-facing reason.

    Kept apart from decoding so the caller can look at the bytes first: a saved web page
    is decoded by the charset it declares (`ingest.html`), a text file by `decode`.
    """
    try:
        return read_plain_file(path, MAX_BYTES)
    except TooLarge as err:
        if err.size is not None:
            raise LoadError(f"too large for an article ({err.size // (1024 * 1024)} MB)") from None
        raise LoadError(f"too large for an article (over {MAX_BYTES // (1024 * 1024)} MB)") from None


def source_of(path: Path, data: bytes) -> Source:
    """The text of a text file's bytes, decoded and cleaned; LoadError when there is none."""
    text, encoding = decode(data)
    text = clean_characters(text)
    if not text.strip():
        raise LoadError("empty file")
    return Source(path=path, text=text, encoding=encoding)


class TooLarge(LoadError):
    """A file over the caller's limit; `size` is its size when stat() knew it in advance."""

    def __init__(self, size: int | None) -> None:
        super().__init__("too large")
        self.size = size


#: Kernel pseudo-file systems: their files report size 0 (or 4096) whatever they hold, and
#: some (/proc/kmsg, tracing pipes) block on read or change state when read.
PSEUDO_ROOTS = ("/proc", "/sys")
#: Read-only, no controlling terminal, and never wait: opening a FIFO that has no writer
#: returns at once, so fstat() can refuse it instead of open() hanging.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def read_plain_file(path: Path, limit: int) -> bytes:
    """The bytes of the plain file at `path`, never blocking; LoadError saying why not.

    Folders, FIFOs, devices and sockets are refused from stat() before they are opened
    (opening a tape or a terminal can itself do something), and again from fstat() on the
    opened descriptor, so a file swapped for a FIFO in between is refused rather than
    waited on. Files of the kernel's pseudo-file systems (/proc, /sys) are refused
    whatever they claim to be. At most `limit` bytes are read: TooLarge when there are
    more. A file of size 0 is empty without a read. The file is only ever opened for
    reading.
    """
    try:
        _check_plain(path, path.stat())
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            info = os.fstat(descriptor)
            _check_plain(path, info)
            if info.st_size > limit:
                raise TooLarge(info.st_size)
            if info.st_size == 0:
                return b""
            # Sized by the file, not by the limit: reading MAX_BYTES + 1 allocates 64 MB per file.
            data = _read_up_to(descriptor, info.st_size + 1)
            if len(data) > info.st_size:  # it grew since fstat(): read on, up to the limit
                data += _read_up_to(descriptor, limit + 1 - len(data))
        finally:
            os.close(descriptor)
    except LoadError:
        raise
    except PermissionError:
        raise LoadError("permission denied") from None
    except IsADirectoryError:
        raise LoadError("is a folder") from None
    except (OSError, RuntimeError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise LoadError(f"cannot read ({reason})") from None
    if len(data) > limit:
        raise TooLarge(None)
    return data


def _read_up_to(descriptor: int, count: int) -> bytes:
    """Up to `count` bytes from a plain file (one read may return fewer before the end)."""
    chunks: list[bytes] = []
    while count > 0:
        try:
            chunk = os.read(descriptor, min(count, 1 << 30))
        except BlockingIOError:  # only on something that is not a plain file after all
            raise LoadError("not a regular file (it would block)") from None
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def _check_plain(path: Path, info: os.stat_result) -> None:
    """LoadError unless `info` describes a plain file outside /proc and /sys."""
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise LoadError("is a folder")
    if not stat.S_ISREG(mode):
        # A FIFO or a device would block or never end; an article is a plain file.
        raise LoadError(f"not a regular file ({_kind(mode)})")
    if _is_pseudo(path, info):
        raise LoadError("not a regular file (a system file under /proc or /sys)")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "an unusual file"


def _is_pseudo(path: Path, info: os.stat_result) -> bool:
    """True for a file of /proc or /sys (by its device, or by where its links lead)."""
    if info.st_dev in _pseudo_devices():
        return True
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return any(real == root or real.startswith(root + "/") for root in PSEUDO_ROOTS)


@functools.cache
def _pseudo_devices() -> frozenset[int]:
    """The devices of /proc and /sys where they are mounts of their own (never the root's)."""
    devices: set[int] = set()
    try:
        top = os.stat("/").st_dev
    except OSError:
        return frozenset()
    for root in PSEUDO_ROOTS:
        try:
            device = os.stat(root).st_dev
        except OSError:
            continue
        if device != top:
            devices.add(device)
    return frozenset(devices)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, or LoadError when the bytes are not text in an encoding we read."""
    if not data.strip():
        raise LoadError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise LoadError(f"not a text file (looks like {what})")
    if b"\x00" in data[:65536]:
        if (encoding := _bomless_utf16(data)) is not None:
            return _strict(data, encoding), encoding
        raise LoadError("not a text file (binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (mixed := _mostly_utf8(data)) is not None:
        return mixed, "utf-8 (with stray cp1252 bytes)"
    return _legacy(data)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray single-byte characters, as pages pasted together often are.

    Decoding the whole file as cp1252 would turn every correct "é" into "Ã©"; instead the
    valid UTF-8 is kept and only the stray bytes are read as cp1252.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if good <= bad:
        return None
    return data.decode("utf-8", errors=_CP1252_FALLBACK)


def _cp1252_bytes(err: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: the bytes UTF-8 rejected, read as cp1252 instead."""
    assert isinstance(err, UnicodeDecodeError)
    chunk = err.object[err.start : err.end]
    return "".join(_cp1252_char(b) for b in chunk), err.end


def _cp1252_char(byte: int) -> str:
    """One byte as cp1252, or as latin-1 where cp1252 leaves it undefined."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # undefined in cp1252: the latin-1 control, dropped by clean_characters()


_CP1252_FALLBACK = "sidebyside-cp1252"
codecs.register_error(_CP1252_FALLBACK, _cp1252_bytes)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: Latin text puts a NUL in every other byte.

    Checked only when the bytes hold NULs, which plain text in any 8-bit encoding never does.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= 0.7 * len(nuls) and other.count(0) <= 0.05 * len(other):
            return encoding
    return None


def _strict(data: bytes, encoding: str) -> str:
    """Decode as the BOM or NUL pattern says, or refuse: a mislabelled file is not guessed at."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise LoadError(f"cannot decode: the file claims {encoding} but is not") from None


def _legacy(data: bytes) -> tuple[str, str]:
    """Single-byte Western text (cp1252, latin-1), or a guess from charset-normalizer."""
    try:
        text = data.decode("cp1252")
        if _looks_like_text(text):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file that needs it

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_like_text(text):
            return text, best.encoding
    raise LoadError("cannot decode: not UTF-8, UTF-16 or cp1252 text")


def _looks_like_text(text: str) -> bool:
    """Few control characters: a real document, not bytes forced through a code page."""
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return controls / len(sample) < 0.01


def clean_characters(text: str) -> str:
    """One newline convention, NFC, no terminal escapes or invisible characters.

    Curly quotes and dashes are kept as the outlet printed them; only characters that
    would corrupt a terminal or split identical words are removed. (Folding typography
    so that two copies compare equal is a different job: `analysis.text.normalise`.)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = ANSI_ESCAPE.sub("", text)
    text = INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return unicodedata.normalize("NFC", text)


def display_path(path: Path) -> str:
    """The path as the user would recognise it (relative when under the working folder),
    safe to print: see `printable`."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return printable(str(path))
    # "../../proc/self/status" is no one's name for /proc/self/status
    return printable(str(path) if relative == ".." or relative.startswith(".." + os.sep) else relative)


def display_name(path: Path) -> str:
    """The file name, safe to print."""
    return printable(path.name)


def article_ids(files: list[Path]) -> list[str]:
    """Each file's id: its name where no other file has that name, else its path from
    the folder that holds all of `files` ("d1/x.txt" and "d2/x.txt").

    Everything downstream (overlap rows, closest, reuse lines, quote carriers) keys on the
    id, so two articles must never share one. A folder of distinct names keeps its bare
    file names, as do the bundled seeds.
    """
    names = [display_name(path) for path in files]
    count: dict[str, int] = {}
    for name in names:
        count[name] = count.get(name, 0) + 1
    if all(n == 1 for n in count.values()):
        return names
    absolute = [os.path.abspath(path) for path in files]
    try:
        root = os.path.commonpath([os.path.dirname(a) for a in absolute])
    except ValueError:  # different drives: no common folder
        root = ""
    ids = [
        name if count[name] == 1 else printable(Path(os.path.relpath(a, root) if root else a).as_posix())
        for name, a in zip(names, absolute, strict=True)
    ]
    # Escaping can make two names print alike ("a\x1b" for ESC and for a backslash): number them.
    used: set[str] = set()
    for k, key in enumerate(ids):
        candidate, n = key, 1
        while candidate in used:
            n += 1
            candidate = f"{key} ({n})"
        used.add(candidate)
        ids[k] = candidate
    return ids


#: Characters of a file name that would corrupt one line of terminal output: controls
#: (ESC, newline, BEL), bidi overrides, and the surrogates Python uses for name bytes
#: that are not UTF-8 (printing those raises UnicodeEncodeError on a strict terminal).
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with each unprintable character shown as its escape ("\\x1b", "\\n", "\\xe9")."""
    return UNPRINTABLE.sub(_escape, text) if UNPRINTABLE.search(text) else text


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape").decode("ascii")
