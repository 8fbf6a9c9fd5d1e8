"""Command line: the TUI by default, headless subcommands for scripts and notes.

The headless paths import only the domain core (ingest, analysis, export), never
Textual, so `sidebyside articles` starts in a fraction of the TUI's time. Every failure
the user can cause ends in one clear line on stderr and exit status 2, not a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from sidebyside import __version__
from sidebyside.commands import EXIT_OK, fail

#: Subcommand name -> module under sidebyside.commands.
COMMANDS = ("articles", "compare", "quotes", "overlap", "report")


def bundled_seeds() -> Path:
    """The bundled story: packaged beside the code in a wheel, top-level `seeds/` in a checkout."""
    packaged = Path(__file__).parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def tui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sidebyside",
        description="Compare how several outlets covered the same story. With no command, "
        "opens the TUI on PATHs (default: the bundled story).",
        epilog=f"Commands: {', '.join(COMMANDS)}. Run 'sidebyside COMMAND --help' for its options.",
    )
    parser.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sidebyside")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"sidebyside.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = command_parser().parse_args(argv)
            return args.func(args)
        return run_tui(tui_parser().parse_args(argv).paths)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run_tui(paths: list[str]) -> int:
    """Open the TUI; the articles load in the app, so the first rows show at once."""
    from sidebyside.ingest.load import find_files

    paths = paths or [str(bundled_seeds())]
    files, problems = find_files(paths)
    if not files:
        for problem in problems:
            print(f"sidebyside: {problem}", file=sys.stderr)
        return fail("nothing to open")
    from sidebyside.tui.app import make_app

    app = make_app(paths=paths)
    app.run()
    return app.return_code or EXIT_OK
