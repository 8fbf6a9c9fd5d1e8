"""Command line: the TUI by default, headless subcommands for scripts and notes.

The headless paths import only the domain core (ingest, analysis, export), never
Textual, so `sidebyside articles` starts in a fraction of the TUI's time. Every failure
the user can cause ends in one clear line on stderr and exit status 2, not a traceback;
what the user typed is escaped in it, as file names are, so a control character in an
argument cannot drive the terminal.

Writing the results is guarded once, here, for every command:

- Standard output fails (`> /dev/full`, a device error): one line, "sidebyside: cannot
  write output: No space left on device", and exit status 1.
- The reader closes the pipe (`| head -1`): the reader chose to stop; no message, status 0.
- Standard output's encoding cannot represent a character (a cp1252 console and an
  Arabic name): the command goes on, writing "?" for it ("-" for a table rule, an
  unaccented letter where the encoding has one); at the end one stderr line says how many
  were replaced and how to keep them (PYTHONIOENCODING=utf-8). JSON loses nothing: the
  character is written as its JSON escape ("\\u0645"), which any JSON reader decodes.
  An explicit error handler (PYTHONIOENCODING=cp1252:backslashreplace) is respected.
- Ctrl-C: no traceback (worker processes included), exit status 130.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import importlib
import os
import sys
import unicodedata
from contextlib import suppress
from pathlib import Path
from typing import NoReturn, TextIO, cast

from sidebyside import __version__
from sidebyside.commands import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_WRITE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    fail,
    say,
    speaker_names,
)

#: Subcommand name -> module under sidebyside.commands.
COMMANDS = ("articles", "compare", "quotes", "overlap", "report", "fetch", "collate", "framing")

#: The error handler standard output gets when its own is "strict" (see the module
#: docstring): a character the encoding lacks becomes its ASCII stand-in if it is only
#: typography (the tables' rules and arrows, curly quotes), else the letter without its
#: accent if the encoding has that, else "?". The last two are counted.
REPLACE = "sidebyside.replace"
STAND_INS = {
    "─": "-", "−": "-", "–": "-", "—": "--", "→": "->", "↔": "<->", "≈": "~", "≠": "!=",
    "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "·": ".", "\u00a0": " ",
}  # fmt: skip
_replaced = 0


def _replace(error: UnicodeError) -> tuple[str, int]:
    global _replaced
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start : error.end]:
        if ch in STAND_INS:
            out.append(STAND_INS[ch])
            continue
        _replaced += 1
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        try:
            base.encode(error.encoding)
        except UnicodeEncodeError:
            base = ""
        out.append(base or "?")
    return "".join(out), error.end


#: For `--format json`: the character as a JSON escape ("\\u0645"), so the JSON stays
#: exact. Non-ASCII text only ever appears inside the strings of the payload.
REPLACE_JSON = "sidebyside.json"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    units = error.object[error.start : error.end].encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{units[k] << 8 | units[k + 1]:04x}" for k in range(0, len(units), 2)), error.end


codecs.register_error(REPLACE, _replace)
codecs.register_error(REPLACE_JSON, _json_escape)


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with the user's arguments escaped in its error line ("unrecognized arguments: ...")."""

    def error(self, message: str) -> NoReturn:
        from sidebyside.ingest.load import printable

        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {printable(message)}\n")


def bundled_seeds() -> Path:
    """The bundled story: packaged beside the code in a wheel, top-level `seeds/` in a checkout."""
    from sidebyside.ingest.bundled import bundled_story

    return bundled_story()


def tui_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="sidebyside",
        description="Compare how several outlets covered the same story. With no command, "
        "opens the TUI on PATHs (default: the bundled story).",
        epilog=f"Commands: {', '.join(COMMANDS)}. Run 'sidebyside COMMAND --help' for its options.",
    )
    parser.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    parser.add_argument(
        "--speaker",
        action="append",
        metavar="NAME",
        help="a person to follow, e.g. 'Amelia Rutherford' (repeatable; replaces the story's watchlist, "
        "which is otherwise read from the folder's story.toml)",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(prog="sidebyside")
    sub = parser.add_subparsers(dest="command", required=True)  # its parsers are ArgumentParsers too
    for name in COMMANDS:
        importlib.import_module(f"sidebyside.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    output = _Output(sys.stdout)
    if sys.stdout is not None:  # None without a console (pythonw): print() writes nothing
        sys.stdout = cast(TextIO, output)
    try:
        code = _run(argv, output)
        output.flush()  # a full disk often shows only now, for an output shorter than a buffer
    except KeyboardInterrupt as stop:  # Ctrl-C; or SIGTERM/SIGHUP while workers ran (pool.Terminated)
        return int(getattr(stop, "status", EXIT_INTERRUPTED))
    except OutputError as failed:
        output.discard()
        if failed.error.errno == errno.EPIPE:
            return EXIT_OK
        say(f"cannot write output: {failed.error.strerror or failed.error}")
        return EXIT_CANNOT_WRITE
    finally:
        output.restore()
    if output.replaced:
        count, encoding = output.replaced, output.encoding
        say(
            f"{count} character{'s' * (count != 1)} that {encoding} cannot represent "
            f"{'were' if count != 1 else 'was'} written as '?' or without accent (PYTHONIOENCODING=utf-8 keeps them)"
        )
    return code


def _run(argv: list[str], output: _Output) -> int:
    """Parse and run the command (or open the TUI); argparse's own exits become statuses."""
    try:
        if argv and argv[0] in COMMANDS:
            args = command_parser().parse_args(argv)
            if getattr(args, "format", None) == "json":
                output.use(REPLACE_JSON)
            return int(args.func(args))
        args = tui_parser().parse_args(argv)
        speakers = speaker_names(args.speaker)
    except SystemExit as done:  # --help, --version, a usage error
        return done.code if isinstance(done.code, int) else EXIT_OK if done.code is None else EXIT_BAD_INPUT
    except ValueError as bad:  # a --speaker name that is empty or holds control characters
        return fail(str(bad))
    output.restore()  # the TUI owns the terminal
    return run_tui(args.paths, speakers)


def run_tui(paths: list[str], speakers: list[str] | None = None) -> int:
    """Open the TUI; the articles load in the app, so the first rows show at once.

    `speakers` (from --speaker) replace the story's watchlist; without them the app reads
    the one saved in the story's story.toml.
    """
    from sidebyside.ingest.load import find_files

    paths = paths or [str(bundled_seeds())]
    files, problems = find_files(paths)
    if not files:
        for problem in problems:
            say(str(problem))
        return fail("nothing to open")
    from sidebyside.commands.story_worker import StoryWorker

    # Forked now, while this process has no threads: it reads the story on the other core
    # while Textual is imported and started here.
    background = StoryWorker.start(paths)
    from sidebyside.tui.app import make_app

    try:
        app = make_app(paths=paths, speakers=speakers, background=background)
        app.run()
    finally:  # however the app ends, the story's process ends with it
        if background is not None:
            background.stop()
    code = app.return_code or EXIT_OK
    # The terminal is restored and nothing is left to write, but a big story's objects
    # (900 MB for 10,000 articles) would take seconds to free one by one as Python shuts
    # down, after the user pressed q: leave at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


class OutputError(Exception):
    """Writing to standard output failed; `error` says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Output:
    """Standard output while a command runs: a failed write raises `OutputError`, and a
    character the encoding lacks is replaced (see the module docstring)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding = str(getattr(stream, "encoding", None) or "utf-8")
        self._errors = getattr(stream, "errors", None)
        self._start = _replaced
        self.use(REPLACE)

    def use(self, handler: str) -> None:
        """Encode with `handler` what the encoding lacks, unless the user chose a handler."""
        if self._errors == "strict" and hasattr(self.stream, "reconfigure"):
            self.stream.reconfigure(errors=handler)

    @property
    def replaced(self) -> int:
        """Characters written as "?" or without their accent so far."""
        return _replaced - self._start

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as error:
            raise OutputError(error) from error

    def flush(self) -> None:
        if self.stream is None:  # no console at all
            return
        try:
            self.stream.flush()
        except OSError as error:
            raise OutputError(error) from error

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)

    def restore(self) -> None:
        """Put the stream back as it was (the handler included)."""
        if sys.stdout is cast(TextIO, self):
            sys.stdout = self.stream
        if self._errors == "strict" and hasattr(self.stream, "reconfigure"):
            with suppress(OSError, ValueError):  # it flushes: a failed stream fails again
                self.stream.reconfigure(errors="strict")

    def discard(self) -> None:
        """After a failed write: send what is still buffered to /dev/null, so that
        Python's own flush at exit does not fail again with a traceback of its own."""
        try:
            fd = self.stream.fileno()
            null = os.open(os.devnull, os.O_WRONLY)
        except (AttributeError, OSError, ValueError):  # not a file (a test's capture)
            return
        os.dup2(null, fd)
        os.close(null)
