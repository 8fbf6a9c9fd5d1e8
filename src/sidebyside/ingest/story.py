"""The whole ingest pipeline: PATHs -> decoded files -> clean Articles (+ problems).

This is the one function the CLI and the TUI call, so both see the same articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from sidebyside.ingest.clean import QUOTES, clean
from sidebyside.ingest.load import LoadError, article_ids, display_name, display_path, find_files, read_source
from sidebyside.ingest.meta import detect
from sidebyside.ingest.segment import split_sentences
from sidebyside.ingest.sidecar import Sidecars
from sidebyside.model import Article, Problem, Story


def load_story(paths: list[str]) -> Story:
    """Load every article under `paths`; unusable inputs become Problems, never exceptions."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in iter_story(paths):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return Story(articles=tuple(articles), problems=tuple(problems))


def iter_story(paths: list[str], progress: Callable[[int, int], None] | None = None) -> Iterator[Article | Problem]:
    """Articles and problems one at a time, so a large folder can fill a table as it loads.

    `progress(done, total)` is called as each file is started, counting files. Ids are
    settled before the first article is read (`load.article_ids`: the file name, or the
    path from the common folder where two files share a name), so an article streamed
    early never changes name. A sidecar problem is reported once, and its article still
    opens with whatever of the sidecar could be used: a typo in story.toml should not
    hide the story. Each folder's story.toml is parsed once.
    """
    files, problems = find_files(paths)
    yield from problems
    ids = article_ids(files)
    sidecars = Sidecars()
    reported: set[tuple[str, str]] = set()
    for done, (path, article_id) in enumerate(zip(files, ids, strict=True)):
        if progress is not None:
            progress(done, len(files))
        try:
            article = detect_article(path, article_id)
        except LoadError as err:
            yield Problem(display_path(path), str(err))
            continue
        overrides, notes = sidecars.overrides_for(path)
        for note in notes:
            key = (str(note.path), note.reason)
            if key not in reported:
                reported.add(key)
                yield Problem(display_path(note.path), note.reason)
        yield _corrected(article, overrides)


def _corrected(article: Article, overrides: dict[str, str | None]) -> Article:
    """The article with the sidecar's values (`sidecar.KEYS`) in place of the detected ones."""
    if not overrides:
        return article
    return replace(
        article,
        outlet=overrides.get("outlet", article.outlet),
        title=overrides.get("title", article.title),
        byline=overrides.get("byline", article.byline),
        dateline=overrides.get("dateline", article.dateline),
        date=overrides.get("date", article.date),
    )


def detect_article(path: Path, article_id: str | None = None) -> Article:
    """One article file as the text describes it, before any sidecar correction.

    `article_id` defaults to the file name (`iter_story` passes one unique in the story).
    """
    source = read_source(path)
    meta, body = detect(clean(source.text))
    sentences, paragraphs = drop_repeats(*split_sentences(body))
    if not sentences:
        raise LoadError("no article text found")
    return Article(
        id=display_name(path) if article_id is None else article_id,
        path=display_path(path),
        outlet=meta.outlet,
        title=meta.title,
        byline=meta.byline,
        dateline=meta.dateline,
        date=meta.date,
        sentences=sentences,
        paragraphs=paragraphs,
        credits=meta.credits,
    )


def drop_repeats(sentences: tuple[str, ...], paragraphs: tuple[int, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Keep the first of any long sentence the page repeats.

    Cleaning already drops repeated paragraphs; this catches a body the scraper saved twice
    in different shapes (once as paragraphs, once run together). Short sentences may
    recur on purpose ("Nobody came."), so only those of eight words or more are dropped.
    """
    seen: set[str] = set()
    kept: list[tuple[str, int]] = []
    for sentence, paragraph in zip(sentences, paragraphs, strict=True):
        key = " ".join(sentence.translate(QUOTES).casefold().split())
        if len(key.split()) >= 8:
            if key in seen:
                continue
            seen.add(key)
        kept.append((sentence, paragraph))
    if len(kept) == len(sentences):
        return sentences, paragraphs
    dense = {number: rank for rank, number in enumerate(dict.fromkeys(p for _, p in kept))}
    return tuple(s for s, _ in kept), tuple(dense[p] for _, p in kept)
