"""`sidebyside quotes PATH... [--speaker NAME ...] [--format table|json|csv|markdown]`.

Who said what across a story: every quote and figure per article, the same quote
grouped across outlets, and figures that disagree. The people watched are, in order:
the `--speaker` names (repeatable), else the list saved in the story's story.toml, else
the bundled story's three, else the story's most-quoted named people, proposed
(`analysis.watching`).
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load, speaker_names

if TYPE_CHECKING:
    from sidebyside.analysis.watching import Watching
    from sidebyside.model import Article, ArticleQuotes


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("quotes", help="who said what: quotes and figures by speaker")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--speaker",
        action="append",
        metavar="NAME",
        help="a person to follow, e.g. 'Emmanuel Macron' (repeatable; replaces the story's watchlist)",
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

    results, watching = watched(args.paths, names, story.articles)
    if args.format == "json":
        from sidebyside.export.json import dumps
        from sidebyside.export.quotes import quotes_payload

        print(dumps(quotes_payload(results, watching.names, watching.source)))
    elif args.format == "csv":
        from sidebyside.export.quotes import quotes_csv

        print(quotes_csv(results, watching.names), end="")
    elif args.format == "markdown":
        from sidebyside.export.quotes import quotes_markdown

        print(quotes_markdown(results, watching.names), end="")
    else:
        from sidebyside.export.quotes import quotes_table

        print(quotes_table(results, watching.names, shutil.get_terminal_size((120, 24)).columns))
    return EXIT_BAD_INPUT if story.problems else EXIT_OK


def watched(
    paths: Sequence[str], names: Sequence[str] | None, articles: Sequence[Article]
) -> tuple[tuple[ArticleQuotes, ...], Watching]:
    """The story's quotes and the people watched, as `quotes` and `report` both choose them:
    the --speaker `names`, else the story.toml list, else the bundled story's, else the
    story's most-quoted named people (proposed)."""
    from sidebyside.analysis.people import propose
    from sidebyside.analysis.story_quotes import analyse_story
    from sidebyside.analysis.watching import opening_list, provisional
    from sidebyside.ingest.watchlist import story_folder

    given = opening_list(story_folder(paths), names)
    results = analyse_story(articles, given.names if given else ())
    return results, given or provisional(propose(results, ()))
