"""Headless subcommands, one module each.

Each module defines `register(subparsers)` (adds its argparse parser and sets
`func=run`) and `run(args) -> int`. Modules import only the domain core, and only
inside `run`, so `sidebyside --help` and every command start fast and never load Textual.

Exit status, for every command: 0 done; 1 the results could not be written (standard
output failed: disk full, device error); 2 an input or argument was unusable; 130
interrupted (Ctrl-C). `cli.main` handles 1 and 130 for all commands alike.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from sidebyside.model import Story

EXIT_OK, EXIT_CANNOT_WRITE, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

#: Invisible direction marks a name copied from a web page may carry; they are not part
#: of the name, and the articles' words do not hold them.
DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def fail(message: str) -> int:
    """Print one clear line on stderr and return the bad-input exit status."""
    say(message)
    return EXIT_BAD_INPUT


def say(message: str) -> None:
    """One line on stderr; what the user typed (paths, names) cannot break it or drive the terminal."""
    from sidebyside.ingest.load import printable

    print(f"sidebyside: {printable(message)}", file=sys.stderr)


def speaker_names(typed: list[str] | None) -> list[str] | None:
    """The names given with --speaker as the analysis compares them (None: none given).

    Each on one line with single spaces, without direction marks, in NFKC: composed as
    the articles are read (a name typed with combining accents prints as the articles
    spell it), and without compatibility forms (full-width letters typed in an input
    method's wide mode, Arabic presentation forms copied from a PDF). Raises ValueError,
    with the message to show, for an empty name or one that holds control characters (an
    escape sequence must never reach the output).
    """
    if typed is None:
        return None
    names = []
    for raw in typed:
        name = " ".join(DIRECTION_MARKS.sub("", unicodedata.normalize("NFKC", raw)).split())
        if not name:
            raise ValueError("--speaker needs a name, e.g. --speaker 'Emmanuel Macron'")
        if any(unicodedata.category(ch) == "Cc" for ch in name):
            raise ValueError(f"--speaker '{name}': a name cannot contain control characters")
        names.append(name)
    return names


def load(paths: list[str]) -> Story:
    """Load a story, printing one stderr line per unusable input."""
    from sidebyside.ingest.story import load_story

    story = load_story(paths)
    for problem in story.problems:
        say(str(problem))
    return story
