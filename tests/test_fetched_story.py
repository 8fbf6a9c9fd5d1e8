"""A story fetched from the web opens offline with outlets, headlines, bylines and dates.

The journalist's path end to end: `sidebyside fetch` saves three pages from a server (here
one on 127.0.0.1 started by the test, serving tests/data/html_story), then everything reads
the saved folder: `articles`, `--order date`, and the TUI's Articles screen.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable

from sidebyside.cli import main
from sidebyside.ingest.story import load_story
from sidebyside.tui.app import make_app

from conftest import settled

STORY = Path(__file__).parent / "data" / "html_story"
PAGES = ("coastal-courier.html", "bay-herald.html", "north-sea-post.html")
#: What each page's own metadata says (OpenGraph, JSON-LD, <meta name="author">).
EXPECTED = {
    "coastal-courier": ("The Coastal Courier", "Marta Lindqvist", "2025-06-03"),
    "bay-herald": ("Bay Herald", "Tomas Ek", "2025-06-03"),
    "north-sea-post": ("North Sea Post", "Ingrid Sand", "2025-06-04"),
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(STORY))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def fetched(server: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fetched") / "story"
    assert main(["fetch", *(f"{server}/{page}" for page in PAGES), "--into", str(folder)]) == 0
    return folder


def key(article_id: str) -> str:
    """ "127.0.0.1-bay-herald.html" -> "bay-herald"."""
    return article_id.removesuffix(".html").split("-", 1)[1]


def test_the_saved_pages_are_the_served_bytes(fetched: Path) -> None:
    for page in PAGES:
        (saved,) = fetched.glob(f"*{page}")
        assert saved.read_bytes() == (STORY / page).read_bytes()


def test_a_fetched_folder_opens_with_outlets_bylines_dates_and_addresses(fetched: Path, server: str) -> None:
    story = load_story([str(fetched)])
    assert story.problems == ()
    found = {key(a.id): (a.outlet, a.byline, a.date) for a in story.articles}
    assert found == EXPECTED
    for article in story.articles:
        assert article.outlet_from == "page"
        assert article.url == f"{server}/{key(article.id)}.html"
        assert article.title and article.title not in article.sentences
        assert not any(s.startswith(("June 3", "Ingrid Sand")) for s in article.sentences)  # head lines, not text
    courier = next(a for a in story.articles if key(a.id) == "coastal-courier")
    assert courier.sentences[0].startswith("All six beaches of Kestrel Bay will stay closed")
    assert not any("Related" in s or "Log in" in s or "All rights reserved" in s for s in courier.sentences)


def test_articles_in_date_order(fetched: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", str(fetched), "--format", "json", "--order", "date"]) == 0
    articles = json.loads(capsys.readouterr().out)["articles"]
    assert [a["date"] for a in articles] == ["2025-06-03", "2025-06-03", "2025-06-04"]
    assert key(articles[-1]["id"]) == "north-sea-post"


async def test_the_articles_screen_shows_outlets_and_dates(fetched: Path) -> None:
    story = load_story([str(fetched)])
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await settled(pilot)
        table = app.screen.query_one(DataTable)
        keys = [c.value for c in table.columns]
        rows = []
        for row in range(table.row_count):
            cells = table.get_row_at(row)
            rows.append(
                tuple(
                    cells[keys.index(k)].plain if isinstance(cells[keys.index(k)], Text) else ""
                    for k in ("outlet", "date")
                )
            )
        assert sorted(rows) == sorted((outlet, date) for outlet, _, date in EXPECTED.values())
