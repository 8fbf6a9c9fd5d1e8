"""`sidebyside compare A B [--format text|markdown|json]`: two articles, sentence by sentence."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from typing import TextIO

from sidebyside.commands import EXIT_OK, fail
from sidebyside.model import Story


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "compare",
        help="align two articles: same, changed, moved and one-sided sentences",
        usage="sidebyside compare [-h] [--format {text,markdown,json}] A B",
        description="Align the sentences of two articles and show what the second outlet "
        "kept, reworded (word by word), moved, dropped or added.",
    )
    parser.add_argument("a", metavar="A", help="the first article file")
    # Optional only so that a missing B gets our one-line message, not argparse's usage.
    parser.add_argument("b", metavar="B", nargs="?", help="the article to compare it with")
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (default): two columns, changed words marked [-A's-] {+B's+}, coloured on a terminal "
        "unless NO_COLOR is set; markdown: notes; json: for scripts",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sidebyside.ingest.story import load_story

    if args.b is None:
        return fail(f"compare needs two articles: only {args.a} given (sidebyside compare A B)")
    # Not `commands.load`: it prints a line per problem, and a failed compare must
    # say everything in one line.
    story = load_story([args.a, args.b])
    if len(story.articles) != 2:
        return fail(f"compare needs two articles: {_why_not(story, args)}")
    for problem in story.problems:  # a sidecar's note: A and B both loaded, so say it and go on
        print(f"sidebyside: {problem}", file=sys.stderr)

    from sidebyside.analysis.align import align

    alignment = align(*story.articles)
    if args.format == "json":
        from sidebyside.export.compare import compare_payload
        from sidebyside.export.json import dumps

        print(dumps(compare_payload(alignment)))
    elif args.format == "markdown":
        from sidebyside.export.compare import compare_markdown

        print(compare_markdown(alignment), end="")
    else:
        from sidebyside.export.compare import compare_text

        width = shutil.get_terminal_size((100, 24)).columns
        print(compare_text(alignment, width, colour=wants_colour(sys.stdout)))
    return EXIT_OK


def wants_colour(stream: TextIO) -> bool:
    """Colour the changed words only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return "NO_COLOR" not in os.environ and stream.isatty()


def _why_not(story: Story, args: argparse.Namespace) -> str:
    """The reason, in a few words, that A and B did not give exactly two articles."""
    if story.problems:
        return "; ".join(str(p) for p in story.problems)
    if not story.articles:
        return "no article text found"
    if len(story.articles) == 1:
        return f"{args.a} and {args.b} are the same article"
    return f"{args.a} and {args.b} hold {len(story.articles)} articles (name two files)"
