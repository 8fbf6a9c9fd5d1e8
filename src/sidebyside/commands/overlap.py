"""`sidebyside overlap PATH... [--format table|json] [--workers N]`: who ran whose copy.

For every ordered pair of articles, the share of the first one's sentences that the
second carries (identical, reworded or moved): exactly the share `compare A B` reports.

`--format json` prints:

```json
{"articles": [{"id": "000_x.txt", "outlet": "Reuters"}, ...],
 "matrix":   [[1.0, 1.0, 0.1], ...],
 "closest":  [{"id": "001_y.txt", "share": 1.0}, ...],
 "reuse":    [{"article": "001_y.txt", "source": "000_x.txt", "share": 1.0, "back": 1.0,
               "kind": "credited", "confidence": "high", "shared_words": 231, "longest_run": 231,
               "evidence": "231 of its 231 words in 1 identical run (...); credited 'told Reuters'",
               "line": "SMA News reprints Reuters: 100% of its own words are Reuters's (...)"}]}
```

`matrix[i][j]` is the share of article i's sentences that article j carries (rounded to
three places, like `compare`'s `share`); the diagonal is 1.0. `closest[i]` is article i's
closest other article and that share, or null when the story has one article.

`reuse` lists the pairs that share copy -- shared *wording*, not likeness: runs of eight
or more words printed identically outside quotation marks (`analysis/copy.py`). Two
outlets reporting the same facts in their own words are never listed. `article` ran
copy that `source` also has; `share` is the share of `article`'s own words (outside
quotes) printed identically in `source`, `back` the same the other way; `kind` is what
the direction rests on: "credited" (the article credits the source's outlet: "told
Reuters", "(AFP)", a "With AP" line), "agency" (the source is a news agency),
"contained" (nearly all of a shorter article is inside the longer one) or "undirected"
(nothing says who came first); `confidence` is "high", "medium" or "low".

The table is a grid of whole percentages (rows: "k outlet", columns: k, articles counted
from 1 as everywhere people read them; JSON positions count from 0), then the
who-copied-whom lines. Exit status: 0 done; 2 when an input was unusable (one stderr line
each; the matrix of the usable articles is still printed) or no article was usable.
"""

from __future__ import annotations

import argparse
import shutil

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "overlap",
        help="who ran whose copy: the share of each article that each other article carries",
        description="For every pair of articles, the share of the first one's sentences that "
        "the second carries (the share 'compare' reports), each article's closest other "
        "article, and who likely ran whose copy.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help="processes for a large story (default: up to 2 from 60 articles on)",
    )
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    story = load(args.paths)
    if not story.articles:
        return fail("no usable articles") if not story.problems else EXIT_BAD_INPUT
    from sidebyside.analysis.copy import find_reuse
    from sidebyside.analysis.overlap import closest, overlap_matrix

    articles = story.articles
    matrix = overlap_matrix(articles, workers=args.workers)
    reuse = find_reuse(articles, matrix)
    if args.format == "json":
        from sidebyside.export.json import dumps
        from sidebyside.export.overlap import overlap_payload

        print(dumps(overlap_payload(articles, matrix, closest(articles, matrix), reuse)))
    else:
        from sidebyside.export.overlap import overlap_table

        print(overlap_table(articles, matrix, reuse, shutil.get_terminal_size((120, 24)).columns))
    return EXIT_BAD_INPUT if story.problems else EXIT_OK
