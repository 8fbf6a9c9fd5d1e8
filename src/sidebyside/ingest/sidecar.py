"""Read the user's corrections: `<article>.meta.toml` beside a file, or one `story.toml`.

Detection is a guess; the journalist knows. A sidecar names or corrects the outlet,
title, byline, dateline and date, and it always wins. `story.toml` holds one table per
article file name:

    ["000_reuters.txt"]
    outlet = "Reuters"
    date = "2019-05-26"

A `<article>.meta.toml` holds the same keys at top level.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

KEYS = ("outlet", "title", "byline", "dateline", "date")


class SidecarError(Exception):
    """A sidecar that exists but cannot be read; the message is shown to the user."""


def overrides_for(path: Path) -> dict[str, str]:
    """The sidecar values that apply to the article at `path` (empty when there are none)."""
    found: dict[str, str] = {}
    story = path.parent / "story.toml"
    if story.is_file():
        table = _read(story).get(path.name, {})
        if isinstance(table, dict):
            found.update(_pick(table, story))
    own = path.with_name(path.name + ".meta.toml")
    if not own.is_file():
        own = path.with_suffix(".meta.toml")
    if own.is_file():
        found.update(_pick(_read(own), own))
    return found


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise SidecarError(f"{path.name}: cannot read sidecar ({err})") from None


def _pick(table: dict, source: Path) -> dict[str, str]:
    picked = {}
    for key in KEYS:
        if key in table:
            value = table[key]
            if not isinstance(value, (str, int, float)) and not hasattr(value, "isoformat"):
                raise SidecarError(f"{source.name}: '{key}' should be text")
            picked[key] = str(value)
    return picked
