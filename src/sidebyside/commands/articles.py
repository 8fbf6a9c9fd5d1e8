"""`sidebyside articles PATH... [--format table|json] [--order file|date] [--closest]`: the clean articles.

With `--closest`, JSON adds to each article `"closest": {"id", "share"}`: the other
article that carries most of its sentences and that share (as `compare` reports it), or
null when the story has one article. That needs the story's overlap matrix -- instant for
a handful of articles, the matrix's cost for hundreds -- so the list alone never waits
for it.
"""

from __future__ import annotations

import argparse
import shutil
from dataclasses import replace

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load
from sidebyside.model import Story


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("articles", help="list the clean articles of a story")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--order",
        choices=("file", "date"),
        default="file",
        help="list as loaded (default) or by publication date, undated last",
    )
    parser.add_argument(
        "--closest",
        action="store_true",
        help="JSON: add each article's closest other article (computes the overlap matrix)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    story = load(args.paths)
    if args.order == "date":
        story = by_date(story)
    if args.format == "json":
        from sidebyside.export.json import articles_payload, dumps

        near = None
        if args.closest:
            from sidebyside.analysis.overlap import closest, overlap_matrix

            near = closest(story.articles, overlap_matrix(story.articles, workers=None))
        print(dumps(articles_payload(story.articles, near)))
    elif story.articles:
        from sidebyside.export.table import articles_table

        print(articles_table(story.articles, shutil.get_terminal_size((120, 24)).columns))
    if not story.articles:
        return fail("no usable articles") if not story.problems else EXIT_BAD_INPUT
    return EXIT_BAD_INPUT if story.problems else EXIT_OK


def by_date(story: Story) -> Story:
    """The story with its articles by publication date (ISO, so it sorts as text), undated
    last, ties as loaded: who ran it first matters when deciding who copied whom."""
    ordered = sorted(story.articles, key=lambda a: a.publication_order)
    return replace(story, articles=tuple(ordered))
