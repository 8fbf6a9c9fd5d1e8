"""`sidebyside report PATH... [--format markdown|html] -o FILE [--force] [--speaker NAME ...]`.

Writes the story map (articles, overlap matrix, who ran whose copy), the quote sheet with
conflicting figures, and each outlet's sentences no other outlet has. The file is written
atomically (a temporary file beside it, then a rename), and an existing file is only
replaced with --force: the report is the one file this program ever writes, and only
where the user names it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_OK, fail, load

if TYPE_CHECKING:
    from sidebyside.model import Story


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="write the story map, quote sheet and unique reporting to a file")
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
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--speaker",
        action="append",
        metavar="NAME",
        help="a person to follow (repeatable; replaces the default watchlist)",
    )
    parser.add_argument("--title", default=None, help="the report's title (default: the first headline)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    to_stdout = args.output == "-"
    target = Path(args.output)
    if not to_stdout:
        if target.is_dir():
            return fail(f"{target}: is a folder")
        if target.exists() and not args.force:
            return fail(f"{target}: exists; add --force to replace it")
        if not target.parent.is_dir():
            return fail(f"{target.parent}: no such folder")
    story = load(args.paths)
    if not story.articles:
        return fail("no usable articles")
    if not to_stdout and _is_an_input(target, story):
        return fail(f"{target}: is one of the articles or their sidecars; the report never replaces them")
    if args.speaker is not None and not any(s.strip() for s in args.speaker):
        return fail("--speaker needs a name")

    from sidebyside.export.report import build_report, report_html, report_markdown

    data = build_report(story.articles, args.speaker)
    fmt = args.format or ("html" if target.suffix.lower() in (".html", ".htm") else "markdown")
    title = args.title or f"Story report: {story.articles[0].title or story.articles[0].id}"
    text = report_html(data, title) if fmt == "html" else report_markdown(data, title)
    if to_stdout:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return EXIT_BAD_INPUT if story.problems else EXIT_OK
    try:
        write_atomically(target, text)
    except OSError as err:
        return fail(f"{target}: cannot write ({err.strerror or err})")
    print(
        f"sidebyside: wrote {target} ({fmt}, {len(story.articles)} article{'s' * (len(story.articles) != 1)})",
        file=sys.stderr,
    )
    return EXIT_BAD_INPUT if story.problems else EXIT_OK


def _is_an_input(target: Path, story: Story) -> bool:
    """True when `target` is an article the story was read from, or a sidecar beside one."""
    resolved = target.resolve()
    for article in story.articles:
        source = Path(article.path).resolve()
        if resolved == source:
            return True
        if resolved.parent == source.parent and (resolved.name == "story.toml" or resolved.name.endswith(".meta.toml")):
            return True
    return False


def write_atomically(target: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename it over `target`."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        # mkstemp makes the file private; give it the mode a plainly created file would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
