"""`sidebyside quotes PATH... [--speaker NAME ...] [--format table|json|csv|markdown]`.

Who said what across a story: every quote and figure per article, the same quote
grouped across outlets, and figures that disagree. `--speaker` (repeatable) replaces
the default watchlist (Khalifa Haftar, Emmanuel Macron, Ghassan Salame).
"""

from __future__ import annotations

import argparse
import shutil

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load, speaker_names


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("quotes", help="who said what: quotes and figures by speaker")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--speaker",
        action="append",
        metavar="NAME",
        help="a person to follow, e.g. 'Emmanuel Macron' (repeatable; replaces the default watchlist)",
    )
    parser.add_argument("--format", choices=("table", "json", "csv", "markdown"), default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        names = speaker_names(args.speaker)
    except ValueError as bad:
        return fail(str(bad))
    story = load(args.paths)
    if not story.articles:
        return fail("no usable articles") if not story.problems else EXIT_BAD_INPUT

    from sidebyside.analysis.speakers import Watchlist
    from sidebyside.analysis.story_quotes import analyse_story

    watchlist = Watchlist.of(names)
    results = analyse_story(story.articles, watchlist)
    if args.format == "json":
        from sidebyside.export.json import dumps
        from sidebyside.export.quotes import quotes_payload

        print(dumps(quotes_payload(results, watchlist)))
    elif args.format == "csv":
        from sidebyside.export.quotes import quotes_csv

        print(quotes_csv(results, watchlist), end="")
    elif args.format == "markdown":
        from sidebyside.export.quotes import quotes_markdown

        print(quotes_markdown(results, watchlist), end="")
    else:
        from sidebyside.export.quotes import quotes_table

        print(quotes_table(results, watchlist, shutil.get_terminal_size((120, 24)).columns))
    return EXIT_BAD_INPUT if story.problems else EXIT_OK
