"""Which people a story watches when it opens, and why.

The list a journalist gave wins: `--speaker` names, else the list saved in the story's
story.toml, else -- for the bundled Libya story only -- its three protagonists. Any other
story opens with no list: the app proposes the story's most-quoted named people
(`people.propose`), and until the user picks, the first few of them are watched
(`provisional`), marked as proposed, so the quote sheet opens on the story's main voices
rather than on nobody. A proposed list is never saved unless the user saves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sidebyside.analysis.people import Proposal
from sidebyside.analysis.speakers import DEFAULT_SPEAKERS

#: Where a watchlist came from: typed with --speaker, saved in story.toml, the bundled
#: story's, proposed by the app from the story's most-quoted people, or changed by the user
#: in this session.
Source = Literal["--speaker", "story.toml", "bundled", "proposed", "edited"]
#: With no list given, this many of the most-quoted people are watched until the user chooses.
PROVISIONAL = 3


@dataclass(frozen=True)
class Watching:
    """The names a story watches and where they came from."""

    names: tuple[str, ...]
    source: Source

    @property
    def proposed(self) -> bool:
        """True while the list is the app's guess, not the user's."""
        return self.source == "proposed"


def given_list(typed: Sequence[str] | None, saved: Sequence[str] | None, bundled: bool) -> Watching | None:
    """The list the story opens with, or None when nobody gave one (then `provisional`)."""
    if typed is not None:
        return Watching(tuple(typed), "--speaker")
    if saved is not None:
        return Watching(tuple(saved), "story.toml")
    if bundled:
        return Watching(DEFAULT_SPEAKERS, "bundled")
    return None


def provisional(proposals: Sequence[Proposal]) -> Watching:
    """The story's most-quoted named people, watched until the user chooses."""
    return Watching(tuple(p.name for p in proposals[:PROVISIONAL]), "proposed")


def opening_list(folder: Path | None, typed: Sequence[str] | None) -> Watching | None:
    """The list a story in `folder` opens with (`given_list`), reading its story.toml only
    when no names were typed; None when nobody gave one. `quotes`, `report` and the TUI
    all start here."""
    from sidebyside.ingest.watchlist import is_bundled, read_speakers

    saved = read_speakers(folder) if typed is None and folder is not None else None
    return given_list(typed, saved, is_bundled(folder))
