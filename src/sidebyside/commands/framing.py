"""`sidebyside framing PATH... [--speaker NAME ...] [--format table|json|markdown]`.

How each outlet frames each watched person: the labels it names them with ("Libyan
strongman", "LNA commander"), the verbs that attribute their words ("said", "claimed")
and the hedges around them ("reportedly", "self-styled"), as a person × outlet table and,
per person and outlet, each term with its sentence (`analysis.framing`). The people
watched are chosen as `quotes` chooses them: the `--speaker` names, else the story's
story.toml list, else the bundled story's three, else the story's most-quoted people.
"""

from __future__ import annotations

import argparse
import shutil

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load, speaker_names


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "framing",
        help="how each outlet labels the people it quotes: labels, attribution verbs, hedges",
        description="For each watched person and each article: the words naming them (titles, "
        "appositives), the verbs attributing their words and the hedges around them, each with "
        "its sentence.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--speaker",
        action="append",
        metavar="NAME",
        help="a person to follow, e.g. 'Khalifa Haftar' (repeatable; replaces the story's watchlist)",
    )
    parser.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        names = speaker_names(args.speaker)
    except ValueError as bad:
        return fail(str(bad))
    story = load(args.paths)
    if not story.articles:
        return fail("no usable articles") if not story.problems else EXIT_BAD_INPUT

    from sidebyside.analysis.framing import framing
    from sidebyside.commands.quotes import watched

    results, watching = watched(args.paths, names, story.articles)
    found = framing(results, watching.names)
    if args.format == "json":
        from sidebyside.export.framing import framing_payload
        from sidebyside.export.json import dumps

        print(dumps(framing_payload(found, watching.source)))
    elif args.format == "markdown":
        from sidebyside.export.framing import framing_markdown

        print(framing_markdown(found), end="")
    else:
        from sidebyside.export.framing import framing_table

        print(framing_table(found, shutil.get_terminal_size((120, 24)).columns))
    return EXIT_BAD_INPUT if story.problems else EXIT_OK
