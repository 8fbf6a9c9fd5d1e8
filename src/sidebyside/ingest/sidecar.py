"""Read the user's corrections: `<article>.meta.toml` beside a file, or one `story.toml`.

Detection is a guess; the journalist knows. A sidecar names or corrects the outlet,
title, byline, dateline and date, and it always wins. `story.toml` holds one table per
article, keyed by file name (or by the name without its extension):

    ["000_reuters.txt"]
    outlet = "Reuters"
    date = 2019-05-26

story.toml may also hold, at its top, the story's watchlist: the people the journalist
follows through it, read when the story opens (`ingest.watchlist`; the TUI writes it when
the user saves the watchlist, keeping the rest of the file as it was):

    speakers = ["Amelia Rutherford", "Tomasz Wieczorek"]

A `<article>.meta.toml` (or `<article>.txt.meta.toml`) holds the same keys at top level;
where both exist, the article's own file wins. An empty value (`byline = ""`) clears a
wrong detection. Values are text in quotes; `date` is a TOML date or text that reads as
one ("2019-05-26", "May 26, 2019") and becomes ISO `YYYY-MM-DD`.

`sidebyside fetch` writes a sidecar beside each page it saves, recording where and when
the page came from, and the journalist may add corrections below. Those keys are read
too, so a fetched folder opens without a problem line:

    url = "https://www.aljazeera.com/news/2019/4/7/libya"   # where the page was found
    requested = "https://aje.io/abc"                         # the address given, if different
    fetched = 2019-04-07T10:20:30Z                           # when (UTC)
    content_type = "text/html; charset=utf-8"                # the server's Content-Type

`url` and `requested` must be http(s) addresses with a host (no control or invisible
characters; `url` no spaces either); `fetched` is a TOML date-time (or text in ISO 8601)
and is returned as ISO text, in UTC when it has an offset ("2019-04-07T10:20:30Z"). All
four are returned in the overrides under their own names; only `url` describes the
article (`Article.url`), the other three are the record of the fetch.

Nothing in a sidecar can stop the story opening. A sidecar that cannot be read (not
UTF-8, not TOML, too large, nested too deep) is one problem line and is ignored; a wrong
value, an unknown key, or a story.toml table naming no file in the folder is one line
each and only that part is ignored: the article opens with the rest. Each folder's
story.toml is read and parsed once per load (`Sidecars`), however many articles it
describes.
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any

from sidebyside.ingest.load import (
    INVISIBLE,
    UNPRINTABLE,
    LoadError,
    TooLarge,
    clean_characters,
    printable,
    read_plain_file,
)
from sidebyside.ingest.meta import parse_date

#: The corrections a journalist writes; a sidecar's value replaces the detected one.
KEYS = ("outlet", "title", "byline", "dateline", "date")
#: The record `sidebyside fetch` writes of where and when it got the page (`url` also
#: becomes the article's address). Accepted, but not listed in the "known:" hint, which
#: names what a journalist would type.
FETCH_KEYS = ("url", "requested", "fetched", "content_type")
STORY_FILE = "story.toml"
OWN_SUFFIX = ".meta.toml"
#: story.toml's top-level list of the people the story watches.
SPEAKERS_KEY = "speakers"
#: A watchlist is a few names; a longer one, or a longer name, is not one.
MAX_SPEAKERS = 100
MAX_NAME_LENGTH = 100
#: Invisible direction marks a name copied from a web page may carry; not part of the name.
DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: A sidecar is a few lines of hand-written TOML. Parsing hostile TOML can cost far more
#: memory than the file's size, so anything bigger than this is not parsed at all.
MAX_OWN_BYTES = 64 * 1024
MAX_STORY_BYTES = 1024 * 1024
#: tomllib's memory grows with the square of a dotted key's length (`a.a.a… = 1`: 40 KB
#: of it takes 1.5 GB); no sidecar key has more than a few parts.
MAX_KEY_PARTS = 32

Overrides = dict[str, str | None]


class SidecarError(Exception):
    """One thing wrong with a sidecar, in one line meant for the user (`path` is the sidecar)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


class _StoryFile:
    """One folder's story.toml, parsed: its tables (None when absent or unreadable)."""

    def __init__(self, tables: dict[str, Any] | None, problems: list[SidecarError]) -> None:
        self.tables = tables
        self.problems = problems  # about the file as a whole: reported once, with the first article


class Sidecars:
    """The sidecars of one load: each folder's story.toml is read and parsed once."""

    def __init__(self) -> None:
        self._stories: dict[Path, _StoryFile] = {}

    def overrides_for(self, path: Path) -> tuple[Overrides, list[SidecarError]]:
        """The sidecar values that apply to the article at `path`, and what was wrong.

        The problems about a whole story.toml come with the first article of its folder
        only; a problem in one table or one value comes with the article it concerns.
        """
        found: Overrides = {}
        problems: list[SidecarError] = []
        story = self._story(path.parent)
        if story.problems:
            problems += story.problems
            story.problems = []
        if story.tables is not None:
            key = path.name if path.name in story.tables else path.stem
            table = None if _is_watchlist(key, story.tables.get(key)) else story.tables.get(key)
            source = path.parent / STORY_FILE
            if table is not None:
                if isinstance(table, dict):
                    found.update(_pick(table, source, f'["{_shown(key)}"] ', problems))
                else:
                    problems.append(SidecarError(source, f'["{_shown(key)}"] should be a table of keys; ignored'))
        for own in (path.with_name(path.name + OWN_SUFFIX), path.with_suffix(OWN_SUFFIX)):
            if own != path and _is_file(own):
                try:
                    found.update(_pick(read_toml(own, MAX_OWN_BYTES), own, "", problems))
                except SidecarError as err:
                    problems.append(err)
                break
        return found, problems

    def _story(self, folder: Path) -> _StoryFile:
        key = Path(os.path.abspath(folder))  # "d", "./d" and "/abs/d" are one folder
        cached = self._stories.get(key)
        if cached is None:
            cached = self._stories[key] = _read_story(folder)
        return cached


def overrides_for(path: Path) -> tuple[Overrides, list[SidecarError]]:
    """The sidecar values for the article at `path` and the problems, read afresh."""
    return Sidecars().overrides_for(path)


def _read_story(folder: Path) -> _StoryFile:
    """The folder's story.toml, with a problem line for each table that names no file here."""
    story = folder / STORY_FILE
    if not _is_file(story):
        return _StoryFile(None, [])
    try:
        tables = read_toml(story, MAX_STORY_BYTES)
    except SidecarError as err:
        return _StoryFile(None, [err])
    try:
        present = {p.name for p in folder.iterdir()}
    except OSError:
        return _StoryFile(tables, [])  # cannot tell which files exist: say nothing
    stems = {Path(name).stem for name in present}
    problems = []
    for key, value in tables.items():
        if _is_watchlist(key, value):
            try:
                speaker_names(value)
            except ValueError as err:
                problems.append(SidecarError(story, f"'{SPEAKERS_KEY}' should be {err}; ignored"))
        elif key not in present and key not in stems:
            problems.append(SidecarError(story, f'["{_shown(key)}"] names no file in this folder; ignored'))
    return _StoryFile(tables, problems)


def _is_watchlist(key: str, value: object) -> bool:
    """story.toml's `speakers = [...]`, not a table for a file named "speakers"."""
    return key == SPEAKERS_KEY and not isinstance(value, dict)


def speaker_names(value: object) -> tuple[str, ...]:
    """The names of a `speakers` value, each once, as the analysis compares them: one line,
    single spaces, no direction marks, NFKC (as `--speaker` reads them). ValueError says
    what the value should be."""
    wanted = 'a list of names in quotes, such as ["Amelia Rutherford"]'
    if not isinstance(value, list):
        raise ValueError(f"{wanted}, not {_kind(value)}")
    if len(value) > MAX_SPEAKERS:
        raise ValueError(f"{wanted}, of at most {MAX_SPEAKERS} names")
    names: dict[str, None] = {}
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"{wanted}, not {_kind(item)} among them")
        name = " ".join(DIRECTION_MARKS.sub("", unicodedata.normalize("NFKC", item)).split())
        if not name or len(name) > MAX_NAME_LENGTH or UNPRINTABLE.search(name):
            raise ValueError(f'{wanted}, not "{_shown(name)}" among them')
        names.setdefault(name, None)
    return tuple(names)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def read_toml(path: Path, limit: int) -> dict[str, Any]:
    """The TOML file's tables, or a SidecarError saying in one line why it cannot be used.

    Never a traceback: whatever parsing raises (RecursionError on arrays nested a
    thousand deep, ValueError on a 5,001-digit integer) is this sidecar's problem line.
    """
    try:
        data = read_plain_file(path, limit)
    except TooLarge:
        raise SidecarError(path, f"too large for a sidecar (over {limit // 1024} KB); ignored") from None
    except LoadError as err:
        raise SidecarError(path, f"cannot read sidecar ({err})") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SidecarError(path, "not UTF-8 text") from None
    if _deep_key(text):
        raise SidecarError(path, f"not valid TOML for a sidecar (a dotted key of over {MAX_KEY_PARTS} parts)")
    import tomllib  # here: most stories have no sidecar, and the parser costs every command its import

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise SidecarError(path, f"not valid TOML ({_one_line(str(err))})") from None
    except RecursionError:
        raise SidecarError(path, "not valid TOML (nested too deeply)") from None
    except MemoryError:
        raise SidecarError(path, "not valid TOML (too large to parse)") from None
    except ValueError as err:
        if "digits" in str(err):
            raise SidecarError(path, "not valid TOML (a number too long to read)") from None
        raise SidecarError(path, f"not valid TOML ({_one_line(str(err))})") from None
    except Exception as err:  # tomllib is not meant to raise anything else; if it does, one line
        raise SidecarError(path, f"not valid TOML ({type(err).__name__})") from None


#: What can hold a dot outside a key: strings (basic, literal, multi-line) and comments.
_NOT_KEYS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*')
#: Possessive and anchored at a word's start, so a long run of letters costs one pass, not n².
_DEEP_KEY = re.compile(rf"(?<![\w-])(?:[\w-]++[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS}}}")


def _deep_key(text: str) -> bool:
    """True when a key has more than MAX_KEY_PARTS dotted parts (quoted parts included)."""
    return _DEEP_KEY.search(_NOT_KEYS.sub("k", text)) is not None


def _pick(table: dict[str, Any], source: Path, where: str, problems: list[SidecarError]) -> Overrides:
    """The known keys of `table` as display text, a problem line for each key not used.

    `where` names the table in story.toml ('["x.txt"] '); a wrong value is ignored, with
    its line, and the table's other keys still apply.
    """
    picked: Overrides = {}
    for key, value in table.items():
        if key not in KEYS and key not in FETCH_KEYS:
            known = ", ".join(KEYS)
            problems.append(SidecarError(source, f"{where}unknown key '{_shown(key)}' (known: {known}); ignored"))
            continue
        try:
            picked[key] = _value(key, value)
        except ValueError as err:
            problems.append(SidecarError(source, f"{where}'{key}' should be {err}; ignored"))
    return picked


def _value(key: str, value: object) -> str | None:
    """The value as the article shows it (None clears), or ValueError saying what it should be."""
    if key in ("url", "requested"):
        return _web_address(value, spaces=key == "requested")
    if key == "fetched":
        return _moment(value)
    if key == "date":
        if isinstance(value, datetime.datetime):
            return value.date().isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, str):
            text = " ".join(clean_characters(value).split())
            if not text:
                return None
            if (iso := parse_date(text)) is not None:
                return iso
            raise ValueError(f'a date such as 2024-05-16, not "{_shown(text)}"')
        raise ValueError(f"a date such as 2024-05-16, not {_kind(value)}")
    if not isinstance(value, str):
        raise ValueError(f"text in quotes, not {_kind(value)}")
    return " ".join(clean_characters(value).split()) or None


def _web_address(value: object, *, spaces: bool) -> str | None:
    """An http(s) address with a host, as written (None clears); ValueError if it is not one.

    `requested` keeps the address as the user gave it, which may hold a space; `url` is
    the address as requested and may not.
    """
    wanted = "an http(s) address such as https://example.com/story"
    if not isinstance(value, str):
        raise ValueError(f"{wanted}, not {_kind(value)}")
    text = value.strip()
    if not text:
        return None
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
        usable = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        usable = False
    hidden = INVISIBLE.search(text) or UNPRINTABLE.search(text)
    if not usable or hidden or (not spaces and any(c.isspace() for c in text)):
        raise ValueError(f'{wanted}, not "{_shown(text)}"')
    return text


def _moment(value: object) -> str | None:
    """A date-time as ISO text, in UTC when it has an offset (None clears); ValueError if not one."""
    wanted = "a date and time such as 2024-05-16T09:30:00Z"
    moment: datetime.date
    if isinstance(value, datetime.date):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f'{wanted}, not "{_shown(text)}"') from None
    else:
        raise ValueError(f"{wanted}, not {_kind(value)}")
    if isinstance(moment, datetime.datetime) and moment.utcoffset() is not None:
        return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    return moment.isoformat()


def _kind(value: object) -> str:
    """What a TOML value is, in words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, datetime.time):
        return "a time of day"
    return "text"


def _shown(text: str, limit: int = 60) -> str:
    """A key or value from the file, short and safe to print on one line."""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(text: str) -> str:
    return printable(" ".join(text.split()))
