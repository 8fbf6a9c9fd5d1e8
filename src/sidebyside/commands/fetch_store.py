"""Keep fetched pages in the journalist's folder: their names, their sidecars, never overwriting.

Why its own module: the page must survive as evidence (exactly the bytes served, with
where and when it came from), and a folder the journalist already works in must lose
nothing. Each rule below answers one of those.

- Names (`page_name`) are read by people: the host without "www.", then the path and
  query as words ("aljazeera.com-news-libya-haftar-offensive.html"); only letters,
  digits, "-", "_" and single dots, so no name can climb out of the folder, hide (a
  leading dot), or carry a control character; at most NAME_BYTES bytes (a long address
  is cut and ends in a hash of the whole address, so two long addresses stay apart).
  The same address always gives the same name; a name already taken by another page
  gets "-2", "-3" ….
- The sidecar `<name>.meta.toml` holds `url` (where the page was found, after
  redirects), `requested` (the address as given, when different), `fetched` (a TOML
  datetime, UTC) and `content_type` (the server's, which names the charset a page
  without <meta charset> needs). `ingest/sidecar.py` reads these keys, so the folder
  opens without sidecar problems, and the journalist may add corrections below them.
- Already saved: `Folder` knows which addresses its pages came from (their sidecars'
  `url` and `requested`), so fetching again is refused before any network use unless
  --force; a file at the address's own name without a sidecar naming another address
  counts as that page too. --force replaces that page and its sidecar, keeping the
  corrections the journalist added to the sidecar (outlet, title, byline, dateline, date).
- Atomic, with safe_write's scratch files: page and sidecar are written to temporary
  files beside them (0600 until finished, removed on any error or on SIGINT, SIGTERM,
  SIGHUP), then published with `os.link`, which fails rather than overwrite anything that
  appeared meanwhile (where the file system has no hard links: created with O_EXCL). A
  page never appears without its sidecar.
- The folder (`--into`) is created if missing, and checked writable before any network
  use; folders created for a run that saved nothing are removed again (`tidy`).
"""

from __future__ import annotations

import datetime
import errno
import hashlib
import os
import re
import stat
import unicodedata
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, unquote_plus, urlsplit

from sidebyside.commands import safe_write
from sidebyside.commands.fetch_http import BadAddress, Page, check_url
from sidebyside.commands.safe_write import Refused
from sidebyside.ingest import sidecar
from sidebyside.ingest.load import SIDE_SUFFIX

#: A file name's length in UTF-8 bytes, before ".html": file systems allow 255, and the
#: sidecar adds ".html.meta.toml" and a collision "-NNN".
NAME_BYTES = 120
SUFFIX = ".html"
#: Endings of a page's last path segment that say nothing to a reader.
PAGE_ENDINGS = {"html", "htm", "shtml", "php", "asp", "aspx", "jsp", "cms", "cfm"}
INDEX_NAMES = {"index", "default", "home"}
#: The sidecar keys a journalist writes, kept when --force fetches the page again.
CORRECTIONS = sidecar.KEYS


def page_name(url: str) -> str:
    """The file name for the page at `url` (normalised, as `check_url` gives it)."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    with suppress(UnicodeError):
        host = host.encode("ascii").decode("idna")  # "xn--…" back to the letters people read
    segments = [s for s in unquote(parts.path, errors="replace").split("/") if s]
    if segments:
        base, dot, ending = segments[-1].rpartition(".")
        if dot and base and ending.lower() in PAGE_ENDINGS:
            segments[-1] = base
        if segments[-1].lower() in INDEX_NAMES:
            segments.pop()
    words = "-".join(segments + [unquote_plus(parts.query, errors="replace")])
    stem = _words(host) or "page"
    if tail := _words(words):
        stem += "-" + tail
    if len(stem.encode("utf-8")) > NAME_BYTES:
        digest = hashlib.blake2b(url.encode("utf-8"), digest_size=4).hexdigest()
        cut = stem.encode("utf-8")[: NAME_BYTES - len(digest) - 1].decode("utf-8", "ignore")
        stem = cut.rstrip("-._") + "-" + digest
    return stem + SUFFIX


def _words(text: str) -> str:
    """`text` as a safe piece of a file name: letters, digits, marks, "_" and single dots."""
    text = unicodedata.normalize("NFC", text).lower()
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" or ch in "._" else "-" for ch in text)
    kept = re.sub(r"\.{2,}", ".", re.sub(r"-{2,}", "-", kept))
    return kept.strip("-._")


def sidecar_text(page: Page, fetched: datetime.datetime, corrections: dict[str, str | None]) -> str:
    """The `<name>.meta.toml` beside a saved page."""
    lines = [
        "# Where and when `sidebyside fetch` got the page beside this file (kept as it was served).",
        "# Add outlet, title, byline, dateline or date below to correct what the page says.",
        f"url = {toml_string(page.url)}",
    ]
    if page.address.given != page.url:
        lines.append(f"requested = {toml_string(page.address.given)}")
    lines.append(f"fetched = {fetched.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}")
    if page.content_type:
        lines.append(f"content_type = {toml_string(page.content_type)}")
    lines += [f"{key} = {toml_string(value or '')}" for key, value in corrections.items()]
    return "\n".join(lines) + "\n"


def toml_string(text: str) -> str:
    """`text` as a TOML basic string (quotes, backslashes and control characters escaped)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@dataclass
class Folder:
    """The `--into` folder: where pages go, and which addresses it already holds."""

    shown: str  # as the user typed it, for messages
    path: Path
    created: list[Path] = field(default_factory=list)  # made for this run, deepest first
    saved: dict[str, str] = field(default_factory=dict)  # normalised address -> page file name

    @classmethod
    def open(cls, into: str) -> Folder:
        """The folder, created if missing and checked writable; Refused (one line) if not."""
        if not into.strip():
            raise Refused("--into needs a folder name")
        path = Path(into)
        if os.path.lexists(path) and not path.is_dir():
            raise Refused(f"{into}: exists and is not a folder")
        missing = []
        probe = path.absolute()
        while not os.path.lexists(probe) and probe != probe.parent:
            missing.append(probe)
            probe = probe.parent
        try:
            os.makedirs(path, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise Refused(f"{into}: cannot create the folder (part of its path is a file)") from None
        except PermissionError:
            raise Refused(f"{into}: cannot create the folder (permission denied)") from None
        except OSError as err:
            raise Refused(f"{into}: cannot create the folder ({err.strerror or err})") from None
        folder = cls(shown=into, path=path, created=missing)
        try:
            safe_write._check_writable(into, str(path))
        except Refused:
            folder.tidy()
            raise
        folder.saved = _saved_pages(path)
        return folder

    def saved_as(self, url: str) -> str | None:
        """The page file already holding the page at `url` (normalised), or None."""
        name = self.saved.get(url)
        if name is not None and (self.path / name).is_file():
            return name
        own = page_name(url)
        if (self.path / own).is_file() and own not in self.saved.values():
            return own  # at this address's name, and no sidecar says it came from elsewhere
        return None

    def save(self, page: Page, fetched: datetime.datetime, *, replace: str | None = None) -> str:
        """Write the page and its sidecar; the page's file name. OSError, Interrupted if not.

        With `replace` (--force), that page and its sidecar are replaced; else the page
        gets a name nothing in the folder has.
        """
        corrections = self._corrections(replace) if replace is not None else {}
        meta = sidecar_text(page, fetched, corrections).encode("utf-8")
        folder = str(self.path)
        with safe_write._Scratch() as scratch:
            html_temp = scratch.new_temporary(folder, ".sidebyside-fetch.", page.body)
            meta_temp = scratch.new_temporary(folder, ".sidebyside-fetch.", meta)
            if replace is not None:
                mode = _mode_of(self.path / replace)
                for temporary in (html_temp, meta_temp):
                    os.chmod(temporary, mode)
                with scratch.held():  # both or, if a signal comes, neither
                    os.replace(html_temp, self.path / replace)
                    scratch.forget(html_temp)
                    os.replace(meta_temp, self.path / (replace + SIDE_SUFFIX))
                    scratch.forget(meta_temp)
                name = replace
            else:
                for temporary in (html_temp, meta_temp):
                    os.chmod(temporary, 0o666 & ~safe_write._umask())
                name = self._publish_new(scratch, page_name(page.url), (html_temp, page.body), (meta_temp, meta))
                for temporary in (html_temp, meta_temp):
                    os.unlink(temporary)
                    scratch.forget(temporary)
            safe_write._sync_folder(folder)
        self.saved[page.url] = name
        self.saved.setdefault(page.address.url, name)
        return name

    def tidy(self) -> None:
        """Remove the folders this run created if they are still empty."""
        for made in self.created:
            try:
                os.rmdir(made)
            except OSError:
                return

    def _publish_new(
        self, scratch: safe_write._Scratch, name: str, page: tuple[str, bytes], meta: tuple[str, bytes]
    ) -> str:
        """Publish page and sidecar under the first free name: `name`, then "-2", "-3" …."""
        stem = name.removesuffix(SUFFIX)
        for number in range(1, 1000):
            candidate = name if number == 1 else f"{stem}-{number}{SUFFIX}"
            target, side = self.path / candidate, self.path / (candidate + SIDE_SUFFIX)
            if os.path.lexists(side) or not _place(scratch, page, target):
                continue  # taken (a sidecar alone is left alone too)
            if not _place(scratch, meta, side):
                with scratch.held():
                    os.unlink(target)
                    scratch.forget(str(target))
                continue
            with scratch.held():
                scratch.forget(str(target))
                scratch.forget(str(side))
            return candidate
        raise OSError(errno.EEXIST, f"no free name for {name}")

    def _corrections(self, name: str) -> dict[str, str | None]:
        """The journalist's corrections in the page's own sidecar (never story.toml's, which
        stay where the journalist wrote them). A sidecar that cannot be read whole is not
        replaced: OSError, so the corrections in it are never lost to --force."""
        own = self.path / (name + SIDE_SUFFIX)
        if not own.exists():
            return {}
        problems: list[sidecar.SidecarError] = []
        try:
            found = sidecar._pick(sidecar.read_toml(own, sidecar.MAX_OWN_BYTES), own, "", problems)
        except sidecar.SidecarError as err:
            problems.append(err)
            found = {}
        if problems:
            reason = f"{own.name}: {problems[0].reason}; fix or remove it first (--force keeps its corrections)"
            raise OSError(errno.EINVAL, reason)
        return {key: found[key] for key in CORRECTIONS if key in found}


def _place(scratch: safe_write._Scratch, source: tuple[str, bytes], target: Path) -> bool:
    """Give the finished temporary file `target`'s name, unless that name exists (False)."""
    temporary, data = source
    try:
        with scratch.held():
            os.link(temporary, target)
            scratch.remember(str(target))
        return True
    except FileExistsError:
        return False
    except OSError as err:
        if err.errno not in safe_write.NO_HARD_LINKS:
            raise
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        with scratch.held():
            handle = os.open(target, flags, 0o666)  # the umask applies
            scratch.remember(str(target))  # half-written until the copy is done
    except FileExistsError:
        return False
    safe_write._write_all(handle, data)
    return True


def _mode_of(path: Path) -> int:
    """The permission bits a replaced file keeps (a new file's where it is gone)."""
    try:
        return stat.S_IMODE(path.stat().st_mode) & 0o777
    except OSError:
        return 0o666 & ~safe_write._umask()


def _saved_pages(folder: Path) -> dict[str, str]:
    """Normalised address -> page file, from the sidecars (`url`, `requested`) in `folder`."""
    saved: dict[str, str] = {}
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:
        return saved
    sidecars = sidecar.Sidecars()
    for name in names:
        page = name.removesuffix(SIDE_SUFFIX)
        if page == name or name.startswith(".") or not (folder / page).is_file():
            continue
        found, _problems = sidecars.overrides_for(folder / page)
        for key in ("url", "requested"):
            if value := found.get(key):
                try:
                    saved.setdefault(check_url(value).url, page)
                except BadAddress:
                    continue
    return saved
