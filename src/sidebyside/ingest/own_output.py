"""Recognise a file this program wrote, so it is never read back as an article.

`sidebyside report -o story/report.md` puts the report beside the articles; the next run
over `story/` would otherwise load the report as one more outlet that "carries nearly all"
of every other article. Each report therefore starts with a marker (`MARKDOWN_MARK` as the
first line of the Markdown, `HTML_MARK` in the head of the HTML page, within the first
`HEAD_BYTES`), and `is_own_report` looks for it. Only the head of the file is read, and only
of a regular file: a FIFO or a device is never opened in a way that could block.
"""

from __future__ import annotations

import codecs
import os
import re
import stat

#: The first line of every Markdown report (an HTML comment: invisible when rendered).
MARKDOWN_MARK = "<!-- sidebyside report -->"
#: In the <head> of every HTML report, before the title.
HTML_MARK = '<meta name="generator" content="sidebyside report">'
#: How much of a file is read to decide: both marks sit well inside it.
HEAD_BYTES = 512

_LEADING_COMMENTS = re.compile(r"(?:<!--.*?-->\s*)*", re.S)
_HTML_MARK = re.compile(r"""<meta\s+name\s*=\s*["']?generator["']?\s+content\s*=\s*["']sidebyside report["']""", re.I)


def is_own_report(path: str | os.PathLike[str]) -> bool:
    """True when `path` is a regular file that starts like a report `sidebyside report` wrote.

    Never raises: a file that cannot be read is "not a report", and the loader then says
    why it cannot be read.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, open() still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            head = os.read(fd, HEAD_BYTES)
        finally:
            os.close(fd)
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return False
    return looks_like_own_report(head)


def looks_like_own_report(head: bytes) -> bool:
    """The test `is_own_report` applies to the first `HEAD_BYTES` of a file."""
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    text = head[:HEAD_BYTES].decode("utf-8", errors="ignore").lstrip()
    if text.startswith(MARKDOWN_MARK):
        return True
    # A browser that saves the report again puts a comment first (`<!-- saved from url=… -->`);
    # now that folders read .html pages, that copy must be recognised too.
    if comments := _LEADING_COMMENTS.match(text):
        text = text[comments.end() :]
    return text[:15].lower().startswith(("<!doctype html", "<html")) and _HTML_MARK.search(text) is not None
