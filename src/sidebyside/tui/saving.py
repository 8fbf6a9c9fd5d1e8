"""Saving an export from the TUI (`e`) as carefully as `sidebyside report -o FILE` does.

The checks and the atomic write are `commands/safe_write.py`'s: never an input (an article,
a sidecar, a file in a folder the story reads), never a folder, a device or a FIFO, a
writable folder, the file published in one step. What differs is the question of an
existing file: the command needs `--force`, the app asks. So `check` runs the checks that
hold either way (`prepare` as with --force) and says whether the file exists; `write`
then replaces it only when the user said so, and otherwise publishes with a hard link,
so a file that appeared meanwhile is still not replaced. Plain Python, no Textual.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sidebyside.commands import safe_write
from sidebyside.commands.safe_write import Refused, Target

__all__ = ["Checked", "Refused", "check", "suggest_name", "write"]


@dataclass(frozen=True)
class Checked:
    """A file name that passed the checks, and whether a file is there already."""

    target: Target
    exists: bool


def suggest_name(*words: str, suffix: str = ".md") -> str:
    """A file name for the current folder made of `words` ("compare-reuters-sma-news.md")."""
    parts = [re.sub(r"[^\w.-]+", "-", word.lower()).strip("-.") for word in words]
    return "-".join(part for part in parts if part) + suffix


def check(name: str, inputs: Sequence[str]) -> Checked:
    """Check `name` before anything is computed; raise Refused with a one-line reason."""
    name = os.path.expanduser(name.strip())
    target = safe_write.prepare(name, inputs, force=True)
    return Checked(target, os.path.lexists(target.path))


def write(checked: Checked, text: str, *, replace_existing: bool) -> None:
    """Publish `text`; an existing file is replaced only with `replace_existing` (the user said yes).

    Raises Refused (the file appeared, or became an input, meanwhile), OSError (a full
    disk) or safe_write.Interrupted (a signal during the write; nothing is left behind).
    """
    safe_write.publish(replace(checked.target, force=replace_existing), text)
