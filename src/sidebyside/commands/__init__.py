"""Headless subcommands, one module each.

Each module defines `register(subparsers)` (adds its argparse parser and sets
`func=run`) and `run(args) -> int`. Modules import only the domain core, and only
inside `run`, so `sidebyside --help` and every command start fast and never load Textual.
"""

from __future__ import annotations

import sys

from sidebyside.model import Story

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def fail(message: str) -> int:
    """Print one clear line on stderr and return the bad-input exit status."""
    say(message)
    return EXIT_BAD_INPUT


def say(message: str) -> None:
    """One line on stderr; a path the user typed cannot break it or drive the terminal."""
    from sidebyside.ingest.load import printable

    print(f"sidebyside: {printable(message)}", file=sys.stderr)


def load(paths: list[str]) -> Story:
    """Load a story, printing one stderr line per unusable input."""
    from sidebyside.ingest.story import load_story

    story = load_story(paths)
    for problem in story.problems:
        say(str(problem))
    return story
