"""The whole ingest pipeline: PATHs -> decoded files -> clean Articles (+ problems).

This is the one function the CLI and the TUI call, so both see the same articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sidebyside.ingest.clean import clean, fold_quotes
from sidebyside.ingest.load import (
    LoadError,
    article_ids,
    display_name,
    display_path,
    find_files,
    is_html,
    read_article_bytes,
    source_of,
)
from sidebyside.ingest.meta import detect
from sidebyside.ingest.segment import split_sentences
from sidebyside.ingest.sidecar import Sidecars
from sidebyside.model import Article, OutletSource, Problem, Story

if TYPE_CHECKING:
    from sidebyside.ingest.html import Page


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
    """The article with the sidecar's values (`sidecar.KEYS`) in place of the detected ones.

    A sidecar's outlet is the journalist's word: `outlet_from` says so ("sidecar"), and an
    empty one (`outlet = ""`) clears a wrong guess, leaving no outlet at all.
    """
    if not overrides:
        return article
    outlet, outlet_from = article.outlet, article.outlet_from
    if "outlet" in overrides:
        outlet = overrides["outlet"]
        outlet_from = "sidecar" if outlet else None
    return replace(
        article,
        outlet=outlet,
        outlet_from=outlet_from,
        title=overrides.get("title", article.title),
        byline=overrides.get("byline", article.byline),
        dateline=overrides.get("dateline", article.dateline),
        date=overrides.get("date", article.date),
        url=overrides.get("url", article.url),
    )


def detect_article(path: Path, article_id: str | None = None) -> Article:
    """One article file as the text (or the saved page) describes it, before any sidecar.

    A web page's text goes through the same cleaning, metadata and sentence passes as a
    text file; what the page declares about itself (site name, headline, author, date,
    address) then wins over what the text suggests. Where neither names the outlet, a file
    name made of words does (`names.outlet_from_file_name`). `article_id` defaults to the
    file name (`iter_story` passes one unique in the story).
    """
    data = read_article_bytes(path)
    page: Page | None = None
    if is_html(path, data):
        from sidebyside.ingest.html import cleaned, read_page  # only a story with pages loads the HTML reader

        page = read_page(data)
        meta, body = detect(cleaned(page))
    else:
        meta, body = detect(clean(source_of(path, data).text))
    sentences, paragraphs = drop_repeats(*split_sentences(body))
    if not sentences:
        raise LoadError("no article text found in the page" if page is not None else "no article text found")
    outlet, outlet_from = _outlet(path, meta.outlet, page)
    return Article(
        id=display_name(path) if article_id is None else article_id,
        path=display_path(path),
        outlet=outlet,
        title=(page and page.title) or meta.title,
        byline=(page and page.byline) or meta.byline,
        dateline=meta.dateline,
        date=(page and page.date) or meta.date,
        sentences=sentences,
        paragraphs=paragraphs,
        credits=meta.credits,
        url=page.url if page is not None else None,
        outlet_from=outlet_from,
    )


def _outlet(path: Path, from_text: str | None, page: Page | None) -> tuple[str | None, OutletSource | None]:
    """The outlet and where it came from: the page's site name (its metadata, else the end
    of its <title>), the text, the page's address ("nytimes.com": a name the text gives
    reads better), then the file name."""
    if page is not None and (page.outlet or page.title_site):
        return page.outlet or page.title_site, "page"
    if from_text:
        return from_text, "text"
    if page is not None and page.domain:
        return page.domain, "page"
    from sidebyside.ingest.names import outlet_from_file_name  # rarely needed: most texts name their outlet

    if label := outlet_from_file_name(path):
        return label, "file name"
    return None, None


def drop_repeats(sentences: tuple[str, ...], paragraphs: tuple[int, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Keep the first of any long sentence the page repeats.

    Cleaning already drops repeated paragraphs; this catches a body the scraper saved twice
    in different shapes (once as paragraphs, once run together). Short sentences may
    recur on purpose ("Nobody came."), so only those of eight words or more are dropped.
    """
    seen: set[str] = set()
    kept: list[tuple[str, int]] = []
    for sentence, paragraph in zip(sentences, paragraphs, strict=True):
        key = " ".join(fold_quotes(sentence).casefold().split())
        if len(key.split()) >= 8:
            if key in seen:
                continue
            seen.add(key)
        kept.append((sentence, paragraph))
    if len(kept) == len(sentences):
        return sentences, paragraphs
    dense = {number: rank for rank, number in enumerate(dict.fromkeys(p for _, p in kept))}
    return tuple(s for s, _ in kept), tuple(dense[p] for _, p in kept)
