"""The story's own watchlist: `speakers = [...]` at the top of its folder's story.toml.

A journalist follows the same people each time they open a story, so the list belongs to
the story, beside its articles. It is read when the story opens and written only when the
user saves it from the TUI: the one file the app may write in a story's folder, and
never an article.

Writing it is done as an editor saves. The rest of an existing story.toml (the tables of
corrections, the comments, the order) is kept as it was: the file is edited with tomlkit,
which keeps what it does not change. The new text goes to a temporary file in the same
folder, which then replaces story.toml in one step (`os.replace`), with the old file's
permission bits; a story.toml that is a symlink has the file it points to replaced. A
story.toml that cannot be read as TOML is left alone (the user's file is worth more than a
saved list), and so is anything that is not a regular file.

Which folder: the one the story's PATHs share (`story_folder`). The bundled story is the
installed app's data, and PATHs in several folders have no one story.toml: both are said
in one line (`NotSaved`) instead of written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path

from sidebyside.ingest.bundled import bundled_story
from sidebyside.ingest.sidecar import (
    MAX_STORY_BYTES,
    SPEAKERS_KEY,
    STORY_FILE,
    SidecarError,
    read_toml,
    speaker_names,
)

#: Up to this many names a saved list is one line; a longer one gets a line per name.
ONE_LINE = 3


class NotSaved(Exception):
    """The watchlist was not written; the message is one line for the user."""


def story_folder(paths: Iterable[str | os.PathLike[str]]) -> Path | None:
    """The one folder the PATHs share (a folder PATH is its own, a file's is its parent's),
    or None when they are in several folders (or there are none)."""
    folders = {os.path.abspath(p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))) for p in paths}
    return Path(folders.pop()) if len(folders) == 1 else None


def is_bundled(folder: Path | None) -> bool:
    """Is this the bundled story's folder (however the path to it is written)?"""
    if folder is None:
        return False
    try:
        return folder.resolve() == bundled_story().resolve()
    except (OSError, RuntimeError):
        return False


def read_speakers(folder: Path) -> tuple[str, ...] | None:
    """The names saved in the folder's story.toml; None when it saves none.

    A story.toml that cannot be read, or a `speakers` value that is not a list of names,
    gives None here: loading the story reports those in one line each (`sidecar`).
    """
    story = folder / STORY_FILE
    try:
        if not story.is_file():
            return None
        value = read_toml(story, MAX_STORY_BYTES).get(SPEAKERS_KEY)
    except (OSError, SidecarError):
        return None
    if value is None or isinstance(value, dict):  # none, or a table for a file named "speakers"
        return None
    try:
        return speaker_names(value)
    except ValueError:
        return None


def save_speakers(folder: Path | None, names: Sequence[str], articles: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write `names` as the story's watchlist into the folder's story.toml; returns the file.

    `articles` are the story's files: story.toml is never one of them. Raises NotSaved with
    the reason in one line.
    """
    if folder is None:
        raise NotSaved("the articles are in several folders, so the story has no one story.toml to keep the list in")
    if is_bundled(folder):
        raise NotSaved("the bundled story is part of the installed app; its watchlist is not saved")
    link = folder / STORY_FILE
    target = Path(os.path.realpath(link))
    if link.is_symlink() and not target.exists():
        raise NotSaved(f"{link} is a link to a file that does not exist")
    if any(os.path.realpath(a) == str(target) for a in articles):
        raise NotSaved(f"{link} is one of the articles")
    import tomlkit  # only a save needs it: reading uses tomllib, as the loader does
    import tomlkit.exceptions

    text, mode = _current(target)
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as err:
        raise NotSaved(f"{link} is not valid TOML ({err}); fix it first") from None
    if isinstance(document.get(SPEAKERS_KEY), dict):
        raise NotSaved(f'{link} has a ["{SPEAKERS_KEY}"] table (for a file named so); the list has no place there')
    try:
        cleaned = speaker_names(list(names))
    except ValueError as err:
        raise NotSaved(f"the watchlist should be {err}") from None
    listed = tomlkit.array()
    listed.extend(cleaned)
    listed.multiline(len(listed) > ONE_LINE)
    document[SPEAKERS_KEY] = listed
    _replace(target, document.as_string(), mode)
    return link


def _current(target: Path) -> tuple[str, int | None]:
    """story.toml's text and permission bits ("" and None when there is none yet)."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return "", None
    except OSError as err:
        raise NotSaved(f"cannot read {target} ({err.strerror or err})") from None
    if not stat.S_ISREG(info.st_mode):
        raise NotSaved(f"{target} is not a regular file")
    try:
        read_toml(target, MAX_STORY_BYTES)  # the checks the loader makes: size, UTF-8, TOML
        data = target.read_bytes()
    except SidecarError as err:
        raise NotSaved(f"{target.name}: {err.reason}; fix it first") from None
    except OSError as err:
        raise NotSaved(f"cannot read {target} ({err.strerror or err})") from None
    return data.decode("utf-8-sig"), stat.S_IMODE(info.st_mode)


def _replace(target: Path, text: str, mode: int | None) -> None:
    """Write `text` to a temporary file beside `target`, then put it in target's place."""
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise NotSaved(f"cannot write in {target.parent} ({err.strerror or err})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as err:
        raise NotSaved(f"cannot write {target} ({err.strerror or err})") from None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temporary)


def _umask() -> int:
    """The process umask (reading it means setting it; set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
