"""`sidebyside report PATH... [--format markdown|html] -o FILE [--force] [--speaker NAME ...]`.

Writes the story map (articles, overlap matrix, who ran whose copy), the whole story (the
collation's summary, the rows most outlets carry, each outlet's sentences no other outlet
has), the quote sheet with conflicting figures, and how each outlet frames the watched
people. The report is the
one file this program ever writes, and only where the user names it; `safe_write` saves it
as an editor would: FILE is checked before the analysis (never an input, even with
--force; never a folder, device or FIFO; a writable folder), and written atomically, its
existence decided at that last step (replaced only with --force, keeping its mode). A
signal during the write leaves no temporary file behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load, say, speaker_names


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report",
        help="write the story map, the whole story (collation), the quote sheet and how outlets frame the people "
        "to a file",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--format",
        choices=("markdown", "html"),
        default=None,
        help="default: from the file name (.html/.htm -> html, else markdown)",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="where to write the report ('-' for standard output)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never an input, a folder or a device)"
    )
    parser.add_argument(
        "--speaker",
        action="append",
        metavar="NAME",
        help="a person to follow (repeatable; replaces the story's watchlist)",
    )
    parser.add_argument("--title", default=None, help="the report's title (default: the first headline)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sidebyside.commands import safe_write

    try:
        names = speaker_names(args.speaker)
    except ValueError as bad:
        return fail(str(bad))
    to_stdout = args.output == "-"
    target = None
    try:
        if not to_stdout:
            target = safe_write.prepare(args.output, args.paths, force=args.force)
        story = load(args.paths)
        if not story.articles:
            return fail("no usable articles")
        from sidebyside.analysis.story_quotes import summarise
        from sidebyside.commands.quotes import watched
        from sidebyside.export.report import build_report, report_html, report_markdown

        # the same people as `quotes` and the TUI watch: --speaker, story.toml, bundled, proposed
        results, watching = watched(args.paths, names, story.articles)
        data = build_report(story.articles, quotes=summarise(results, watching.names), workers=None)
        fmt = args.format or ("html" if Path(args.output).suffix.lower() in (".html", ".htm") else "markdown")
        title = args.title or f"Story report: {story.articles[0].title or story.articles[0].id}"
        text = report_html(data, title) if fmt == "html" else report_markdown(data, title)
        if target is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            return EXIT_BAD_INPUT if story.problems else EXIT_OK
        try:
            safe_write.publish(target, text)
        except OSError as err:
            return fail(f"{args.output}: cannot write ({err.strerror or err})")
    except safe_write.Refused as refused:
        return fail(str(refused))
    except safe_write.Interrupted as stop:
        done = "the report was complete and is kept" if stop.written else "nothing written"
        say(f"{args.output}: interrupted ({_signal_name(stop.signum)}); {done}")
        return stop.status
    count = len(story.articles)
    say(f"wrote {args.output} ({fmt}, {count} article{'s' * (count != 1)})")
    return EXIT_BAD_INPUT if story.problems else EXIT_OK


def _signal_name(signum: int) -> str:
    import signal

    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"
