"""The whole ingest pipeline: PATHs -> decoded files -> clean Articles (+ problems).

This is the one function the CLI and the TUI call, so both see the same articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from sidebyside.ingest.clean import clean
from sidebyside.ingest.load import LoadError, display_path, find_files, read_source
from sidebyside.ingest.meta import detect
from sidebyside.ingest.segment import split_sentences
from sidebyside.ingest.sidecar import SidecarError, overrides_for
from sidebyside.model import Article, Problem, Story


def load_story(paths: list[str]) -> Story:
    """Load every article under `paths`; unusable inputs become Problems, never exceptions."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in iter_story(paths):
        (articles if isinstance(item, Article) else problems).append(item)
    return Story(articles=tuple(articles), problems=tuple(problems))


def iter_story(paths: list[str]) -> Iterator[Article | Problem]:
    """Articles and problems one at a time, so a large folder can fill a table as it loads."""
    files, problems = find_files(paths)
    yield from problems
    for path in files:
        try:
            yield load_article(path)
        except (LoadError, SidecarError) as err:
            yield Problem(display_path(path), str(err))


def load_article(path: Path) -> Article:
    """Read, clean, recognise and segment one article file."""
    source = read_source(path)
    meta, body = detect(clean(source.text))
    sentences, paragraphs = split_sentences(body)
    if not sentences:
        raise LoadError("no article text found")
    article = Article(
        id=path.name,
        path=display_path(path),
        outlet=meta.outlet,
        title=meta.title,
        byline=meta.byline,
        dateline=meta.dateline,
        date=meta.date,
        sentences=sentences,
        paragraphs=paragraphs,
    )
    overrides = overrides_for(path)
    return replace(article, **overrides) if overrides else article
