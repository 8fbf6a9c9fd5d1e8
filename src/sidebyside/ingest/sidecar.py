"""Read the user's corrections: `<article>.meta.toml` beside a file, or one `story.toml`.

Detection is a guess; the journalist knows. A sidecar names or corrects the outlet,
title, byline, dateline and date, and it always wins. `story.toml` holds one table per
article, keyed by file name (or by the name without its extension):

    ["000_reuters.txt"]
    outlet = "Reuters"
    date = 2019-05-26

A `<article>.meta.toml` (or `<article>.txt.meta.toml`) holds the same keys at top level;
where both exist, the article's own file wins. An empty value (`byline = ""`) clears a
wrong detection. A sidecar that cannot be read is reported, never a traceback.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from sidebyside.ingest.load import clean_characters

KEYS = ("outlet", "title", "byline", "dateline", "date")


class SidecarError(Exception):
    """A sidecar that exists but cannot be read; the message is shown to the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


def overrides_for(path: Path) -> dict[str, str | None]:
    """The sidecar values that apply to the article at `path` (empty when there are none)."""
    found: dict[str, str | None] = {}
    story = path.parent / "story.toml"
    if story.is_file():
        data = _read(story)
        table = data.get(path.name, data.get(path.stem))
        if table is not None:
            if not isinstance(table, dict):
                raise SidecarError(story, f'["{path.name}"] should be a table of keys')
            found.update(_pick(table, story))
    for own in (path.with_name(path.name + ".meta.toml"), path.with_suffix(".meta.toml")):
        if own != path and own.is_file():
            found.update(_pick(_read(own), own))
            break
    return found


def _read(path: Path) -> dict:
    """The TOML file's tables, or a SidecarError saying in one line why it cannot be read."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise SidecarError(path, f"not valid TOML ({err})") from None
    except UnicodeDecodeError:
        raise SidecarError(path, "not UTF-8 text") from None
    except OSError as err:
        raise SidecarError(path, f"cannot read sidecar ({err.strerror or err})") from None


def _pick(table: dict, source: Path) -> dict[str, str | None]:
    """The known keys of `table` as display text; a TOML date becomes its ISO form."""
    picked: dict[str, str | None] = {}
    for key in KEYS:
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not (isinstance(value, (str, int, float)) or hasattr(value, "isoformat")):
                raise SidecarError(source, f"'{key}' should be text")
            text = value.isoformat() if hasattr(value, "isoformat") else " ".join(clean_characters(str(value)).split())
            picked[key] = text or None
    return picked
