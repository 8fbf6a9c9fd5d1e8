"""`sidebyside collate PATH... [--format text|markdown|json] [--order date|closeness|file]
[--min-outlets K] [--only-one]`: the whole story at once, one sentence per row.

Each row is one sentence and its counterparts in every article (built from the pairwise
alignments `compare` makes, so a sentence and its reworded copies share a row; every
sentence of every article is in exactly one row). `--format json` prints:

```json
{"articles": ["000_x.txt", "001_y.txt"],
 "outlets":  [{"id": "000_x.txt", "outlet": "Reuters", "label": "Reuters", "date": "2019-05-26"}],
 "rows":     [{"row": 0, "cells": {"000_x.txt": 0, "001_y.txt": null}, "reference": "000_x.txt",
               "carried_by": 1}]}
```

`articles` are the ids in column order; a cell is that article's 0-based sentence index
or null; `reference` the article whose sentence the others are compared with (the
earliest-dated, else the fullest wording); `row` the row's 0-based index in the whole
collation (kept when `--min-outlets` or `--only-one` leave rows out). Exit status: 0
done; 2 when an input was unusable (one stderr line each; the collation of the usable
articles is still printed) or fewer than two articles were usable.
"""

from __future__ import annotations

import argparse
import shutil

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "collate",
        help="the whole story at once: each sentence and its counterparts in every article",
        description="Collate the articles: one row per sentence with its counterpart (identical or "
        "reworded) in every other article, each with its word changes against the row's reference "
        "(the earliest-dated, else the fullest version).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (default): a block per row, changed words marked [-reference's-] {+this article's+}; "
        "markdown: notes; json: for scripts",
    )
    parser.add_argument(
        "--order",
        choices=("date", "closeness", "file"),
        default="date",
        help="columns by date (default: earliest first, undated last), by closeness (the article "
        "closest to all others first, then each one closest to those placed), or as loaded",
    )
    parser.add_argument(
        "--min-outlets",
        default="1",  # checked in `run`, so a bad K gets one line, not argparse's usage
        metavar="K",
        help="only the rows carried by at least K articles",
    )
    parser.add_argument(
        "--only-one",
        action="store_true",
        help="only the rows one article alone carries (what the others left out)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    least = _whole_number(args.min_outlets)
    if least is None or least < 1:
        return fail(f"--min-outlets needs a whole number of at least 1, got {args.min_outlets!r}")
    if args.only_one and least > 1:
        return fail(f"--only-one keeps the rows one article alone carries: not with --min-outlets {least}")
    story = load(args.paths)
    if len(story.articles) < 2:
        if not story.articles and story.problems:
            return EXIT_BAD_INPUT  # each unusable input has had its line
        found = "no article text found" if not story.articles else f"only {story.articles[0].id} loaded"
        return fail(f"collate needs at least two articles: {found}")
    from sidebyside.analysis.collate import collate

    collation = collate(story.articles, order=args.order, workers=None)
    alone = args.only_one
    if args.format == "json":
        from sidebyside.export.collate import collate_payload
        from sidebyside.export.json import dumps

        print(dumps(collate_payload(collation, min_outlets=least, only_one=alone)))
    elif args.format == "markdown":
        from sidebyside.export.collate import collate_markdown

        print(collate_markdown(collation, order=args.order, min_outlets=least, only_one=alone), end="")
    else:
        from sidebyside.export.collate import collate_text

        width = shutil.get_terminal_size((100, 24)).columns
        print(collate_text(collation, width, order=args.order, min_outlets=least, only_one=alone))
    return EXIT_BAD_INPUT if story.problems else EXIT_OK


def _whole_number(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None
