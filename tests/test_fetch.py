"""`sidebyside fetch`: pages saved exactly as served, one clear line per address, nothing overwritten.

Every test talks to a real HTTP server on 127.0.0.1 (an ephemeral port, started here in a
thread); nothing leaves the machine. A DNS failure is simulated by replacing
`socket.getaddrinfo`, so no resolver is asked.

=============================================  ==============================================================
address / situation                            behaviour
=============================================  ==============================================================
an HTML page                                   saved byte for byte; sidecar url + fetched (UTC) + content_type
a redirect                                     followed; "-> redirected to URL"; named and recorded by the
                                               final address, `requested` = the address given
a redirect loop, > 5 redirects, to ftp:        one line each ("redirect loop (a -> b -> a)")
a cookie set by a redirect, then back          followed (not a loop)
HTTP 404, 500                                  "HTTP 404 Not Found", "HTTP 500 Internal Server Error"
no answer / a stalled body with --timeout 0.5  "no answer within 0.5 s", "the page stopped arriving"
PDF, PNG, JSON, a PDF served as text/html      "not an HTML page (application/pdf)" ...
HTML without a Content-Type                    saved (the first bytes decide)
gzip sent although "identity" was asked        saved decompressed
empty answer                                   "empty answer; nothing to save"
over the cap (declared, or streamed)           "larger than 1000 bytes; not saved"
the same address twice (also with #fragment)   fetched once, one line for the duplicate
fetched again                                  "already saved as X; --force fetches it again", no request
--force                                        replaced; the journalist's corrections in the sidecar kept
a name taken by another page                   "-2"; the other page untouched
--into unusable (a file, under a file,         one line, before any request
  read-only)
file:, ftp:, javascript:, a bare word ...      one line each, before any network use
DNS failure, connection refused, TLS           one line each
Ctrl-C while waiting or while writing          status 130, no partial or temporary file
=============================================  ==============================================================
"""

from __future__ import annotations

import ast
import datetime
import gzip
import http.server
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import sidebyside
from sidebyside import __version__
from sidebyside.cli import main
from sidebyside.commands import fetch_http, fetch_store
from sidebyside.commands.fetch_store import page_name
from sidebyside.ingest.sidecar import overrides_for

# Bytes a decoder would change: cp1252 quotes, CRLF line ends, a NUL-free binary-ish tail.
PAGE = (
    b"<!DOCTYPE html>\r\n<html><head><meta charset=windows-1252><title>Haftar \x93offensive\x94</title></head>\r\n"
    b"<body><p>Forces loyal to Khalifa Haftar advanced on Tripoli.</p>\r\n</body></html>\r\n"
)
ARTICLE = "/news/libya-haftar-offensive"
ARTICLE_NAME = "127.0.0.1-news-libya-haftar-offensive.html"


# --- the server ------------------------------------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    """The routes the tests fetch; every request is recorded on the server."""

    server: Server

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers.items())))
        route = getattr(
            self,
            "route_" + self.path.split("?")[0].strip("/").replace("/", "_").replace("-", "_").replace(".", "_"),
            None,
        )
        if route is None:
            self.send_error(404)
        else:
            route()

    def send(self, body: bytes, content_type: str | None = "text/html; charset=windows-1252", **headers: str) -> None:
        self.send_response(200)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()

    def route_news_libya_haftar_offensive(self) -> None:
        self.send(self.server.page)

    def route_short(self) -> None:
        self.redirect(ARTICLE, status=301)

    def route_loop_a(self) -> None:
        self.redirect("/loop-b")

    def route_loop_b(self) -> None:
        self.redirect("/loop-a")

    def route_chain(self) -> None:
        step = int(self.path.partition("?n=")[2] or 0)
        self.redirect(f"/chain?n={step + 1}")

    def route_to_ftp(self) -> None:
        self.redirect("ftp://127.0.0.1/file.html")

    def route_wall(self) -> None:
        if "seen=1" in self.headers.get("Cookie", ""):
            self.send(PAGE)
        else:
            self.redirect("/consent")

    def route_consent(self) -> None:
        self.redirect("/wall", Set_Cookie="seen=1; Path=/")

    def route_missing(self) -> None:
        self.send_error(404)

    def route_broken(self) -> None:
        self.send_error(500)

    def route_slow(self) -> None:
        self.server.stop.wait(5)  # longer than any --timeout used here; cut short at teardown

    def route_stall(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<html><body>")
        self.wfile.flush()
        self.server.stop.wait(5)

    def route_report_pdf(self) -> None:
        self.send(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf")

    def route_photo(self) -> None:
        self.send(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")

    def route_api(self) -> None:
        self.send(b'{"title": "Haftar"}', "application/json")

    def route_pdf_as_html(self) -> None:
        self.send(b"%PDF-1.7\n1 0 obj", "text/html")

    def route_untyped(self) -> None:
        self.send(PAGE, content_type=None)

    def route_text(self) -> None:
        self.send(b"Forces loyal to Khalifa Haftar advanced on Tripoli.\n", "text/plain")

    def route_empty(self) -> None:
        self.send(b"")

    def route_big(self) -> None:
        self.send(b"<html>" + b"x" * 2000 + b"</html>")

    def route_big_unsized(self) -> None:  # no Content-Length: the body ends when the connection closes
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html>" + b"x" * 2000 + b"</html>")

    def route_compressed(self) -> None:
        self.send(gzip.compress(PAGE), Content_Encoding="gzip")

    def route_compressed_cut(self) -> None:  # the stream stops half-way
        whole = gzip.compress(PAGE * 50)
        self.send(whole[: len(whole) // 2], Content_Encoding="gzip")

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stop = threading.Event()
        self.page = PAGE

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (a timeout test) is expected

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    running = Server()
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.stop.set()
    running.shutdown()
    running.server_close()


@pytest.fixture(autouse=True)
def fresh(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty request log, the usual page, and no proxy in the way."""
    server.requests.clear()
    server.page = PAGE
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@dataclass
class Run:
    code: int
    out: list[str]
    err: list[str]


def fetch(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """`sidebyside fetch ARGV...` in process; never a traceback, every line one line."""
    code = main(["fetch", *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return Run(code, captured.out.splitlines(), captured.err.splitlines())


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def sidecar_of(page: Path) -> dict[str, object]:
    return tomllib.loads((page.parent / (page.name + ".meta.toml")).read_text(encoding="utf-8"))


# --- saving a page -----------------------------------------------------------------------------


def test_a_page_is_saved_exactly_as_served_with_a_sidecar(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "story"
    url = server.url(ARTICLE)
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    run = fetch(capsys, url, "--into", str(folder))
    assert run.code == 0
    assert run.err == []
    assert run.out == [f"saved {ARTICLE_NAME} ({len(PAGE)} bytes) from {url}", f"open with: sidebyside {folder}"]
    assert files_in(folder) == [ARTICLE_NAME, ARTICLE_NAME + ".meta.toml"]
    assert (folder / ARTICLE_NAME).read_bytes() == PAGE
    meta = sidecar_of(folder / ARTICLE_NAME)
    assert meta["url"] == url
    assert "requested" not in meta  # the address given is the address fetched
    assert meta["content_type"] == "text/html; charset=windows-1252"
    fetched = meta["fetched"]
    assert isinstance(fetched, datetime.datetime) and fetched.utcoffset() == datetime.timedelta(0)
    assert before <= fetched <= datetime.datetime.now(datetime.UTC)
    ((path, headers),) = server.requests
    assert path == ARTICLE
    assert headers["User-Agent"] == f"sidebyside/{__version__}"
    assert headers.get("Accept-Encoding", "identity") == "identity"  # uncompressed, as the page is


def test_a_fetched_folder_has_no_sidecar_problems(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fetch(capsys, server.url("/short"), "--into", str(tmp_path)).code == 0
    found, problems = overrides_for(tmp_path / ARTICLE_NAME)
    assert problems == []
    assert found["url"] == server.url(ARTICLE)
    assert found["requested"] == server.url("/short")
    assert str(found["fetched"]).endswith("Z")


def test_a_redirect_is_followed_and_said(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    given, final = server.url("/short"), server.url(ARTICLE)
    run = fetch(capsys, given, "--into", str(tmp_path))
    assert run.code == 0
    assert run.out[0] == f"saved {ARTICLE_NAME} ({len(PAGE)} bytes) from {given} -> redirected to {final}"
    meta = sidecar_of(tmp_path / ARTICLE_NAME)
    assert (meta["url"], meta["requested"]) == (final, given)
    assert (tmp_path / ARTICLE_NAME).read_bytes() == PAGE


def test_a_cookie_set_on_the_way_is_not_a_loop(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = fetch(capsys, server.url("/wall"), "--into", str(tmp_path))
    assert run.code == 0, run.err
    assert [p for p, _ in server.requests] == ["/wall", "/consent", "/wall"]
    assert (tmp_path / "127.0.0.1-wall.html").read_bytes() == PAGE


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("/loop-a", "redirect loop ({a} -> {b} -> {a})"),
        ("/chain", "more than 5 redirects (stopped at {chain6})"),
        ("/to-ftp", "redirected to ftp://127.0.0.1/file.html, which is not an http(s) address; not followed"),
        ("/missing", "HTTP 404 Not Found"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/report.pdf", "not an HTML page (application/pdf)"),
        ("/photo", "not an HTML page (image/png)"),
        ("/api", "not an HTML page (application/json)"),
        ("/pdf-as-html", "not an HTML page (a PDF document, although served as text/html)"),
        ("/text", "not an HTML page (text/plain, and it does not start like one)"),
        ("/empty", "empty answer; nothing to save"),
    ],
)
def test_a_page_that_cannot_be_kept_is_one_line_and_nothing_written(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, line: str
) -> None:
    folder = tmp_path / "story"
    url = server.url(path)
    run = fetch(capsys, url, "--into", str(folder))
    expected = line.format(a=server.url("/loop-a"), b=server.url("/loop-b"), chain6=server.url("/chain?n=6"))
    assert run.code == 2
    assert run.err == [f"sidebyside: {url}: {expected}"]
    assert run.out == []  # no "open with" hint: nothing was saved
    assert not folder.exists()  # created for this run, removed again as nothing went in


def test_html_without_a_content_type_is_judged_by_its_first_bytes(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fetch(capsys, server.url("/untyped"), "--into", str(tmp_path)).code == 0
    assert (tmp_path / "127.0.0.1-untyped.html").read_bytes() == PAGE
    assert "content_type" not in sidecar_of(tmp_path / "127.0.0.1-untyped.html")


def test_a_page_compressed_against_the_request_is_saved_decompressed(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fetch(capsys, server.url("/compressed"), "--into", str(tmp_path)).code == 0
    assert (tmp_path / "127.0.0.1-compressed.html").read_bytes() == PAGE


def test_a_compressed_page_cut_short_is_not_saved(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = fetch(capsys, server.url("/compressed-cut"), "--into", str(tmp_path))
    assert done.code == 2
    assert any("arrived incomplete" in line for line in done.err)
    assert not list(tmp_path.glob("*.html"))


def test_a_redirect_address_sent_in_utf8_is_followed_as_sent() -> None:
    from sidebyside.commands.fetch_http import _redirect_target

    raw = "/café".encode().decode("latin-1")  # how http.client hands a UTF-8 header over
    assert _redirect_target("http://127.0.0.1:8000/x", raw, 302) == "http://127.0.0.1:8000/caf%C3%A9"


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("/big", "larger than 1000 bytes (2 KB); not saved"),  # the server says so up front
        ("/big-unsized", "larger than 1000 bytes; not saved"),  # found out while reading
    ],
)
def test_a_page_over_the_cap_is_not_read_on(
    server: Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    line: str,
) -> None:
    monkeypatch.setattr(fetch_http, "MAX_BYTES", 1000)
    run = fetch(capsys, server.url(path), "--into", str(tmp_path))
    assert (run.code, run.err) == (2, [f"sidebyside: {server.url(path)}: {line}"])
    assert files_in(tmp_path) == []


def test_the_cap_is_the_article_readers_cap() -> None:
    from sidebyside.ingest.load import MAX_BYTES

    assert fetch_http.MAX_BYTES == MAX_BYTES == 64 * 1024 * 1024


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("/slow", "no answer within 0.5 s (--timeout waits longer)"),
        ("/stall", "the page stopped arriving (nothing for 0.5 s; --timeout waits longer)"),
    ],
)
def test_a_silent_server_times_out(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, line: str
) -> None:
    started = time.monotonic()
    run = fetch(capsys, server.url(path), "--into", str(tmp_path), "--timeout", "0.5")
    assert time.monotonic() - started < 3
    assert (run.code, run.err) == (2, [f"sidebyside: {server.url(path)}: {line}"])
    assert files_in(tmp_path) == []


# --- several addresses -------------------------------------------------------------------------


def test_the_same_address_twice_is_fetched_once(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url(ARTICLE)
    upper = url.replace("http://", "HTTP://") + "#comments"
    run = fetch(capsys, url, url, upper, "--into", str(tmp_path))
    assert run.code == 0
    assert server.hits(ARTICLE) == 1
    assert run.err == [
        f"sidebyside: {url}: given twice; fetched once",
        f"sidebyside: {upper}: the same page as {url}; fetched once",
    ]
    assert run.out[0] == f"saved {ARTICLE_NAME} ({len(PAGE)} bytes) from {url}"


def test_two_addresses_of_one_page_save_it_once(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = fetch(capsys, server.url(ARTICLE), server.url("/short"), "--into", str(tmp_path))
    assert run.code == 0
    assert (
        run.out[1] == f"{server.url('/short')}: the same page as {server.url(ARTICLE)}, saved as {ARTICLE_NAME} above"
    )
    assert files_in(tmp_path) == [ARTICLE_NAME, ARTICLE_NAME + ".meta.toml"]


def test_one_failure_does_not_stop_the_others(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = fetch(capsys, server.url("/missing"), "ftp://example.com/x", server.url(ARTICLE), "--into", str(tmp_path))
    assert run.code == 2
    assert run.err == [
        "sidebyside: ftp://example.com/x: only http:// and https:// addresses are fetched, not ftp:",
        f"sidebyside: {server.url('/missing')}: HTTP 404 Not Found",
    ]
    assert run.out == [
        f"saved {ARTICLE_NAME} ({len(PAGE)} bytes) from {server.url(ARTICLE)}",
        f"open with: sidebyside {tmp_path}",
    ]


# --- never overwrite -----------------------------------------------------------------------------


def test_a_page_already_saved_is_not_fetched_again_unless_forced(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url(ARTICLE)
    page = tmp_path / ARTICLE_NAME
    assert fetch(capsys, url, "--into", str(tmp_path)).code == 0
    side = tmp_path / (ARTICLE_NAME + ".meta.toml")
    side.write_text(side.read_text(encoding="utf-8") + 'outlet = "Al Jazeera"\ndate = 2019-04-07\n', encoding="utf-8")

    server.page = PAGE.replace(b"advanced", b"pushed")  # the outlet edits its story
    again = fetch(capsys, url, "--into", str(tmp_path))
    assert again.code == 0
    assert again.out == [
        f"{url}: already saved as {ARTICLE_NAME}; --force fetches it again",
        f"open with: sidebyside {tmp_path}",
    ]
    assert server.hits(ARTICLE) == 1  # decided from the folder, without a request
    assert page.read_bytes() == PAGE

    forced = fetch(capsys, url, "--into", str(tmp_path), "--force")
    assert forced.code == 0
    assert forced.out[0] == f"saved {ARTICLE_NAME} ({len(server.page)} bytes) from {url} (replaced the earlier copy)"
    assert page.read_bytes() == server.page
    assert files_in(tmp_path) == [ARTICLE_NAME, ARTICLE_NAME + ".meta.toml"]  # no temporary file left
    meta = sidecar_of(page)
    assert meta["url"] == url
    assert (meta["outlet"], meta["date"]) == ("Al Jazeera", "2019-04-07")  # the journalist's corrections stay
    assert overrides_for(page)[1] == []


def test_force_never_replaces_a_sidecar_it_cannot_read_whole_nor_copies_story_toml(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url(ARTICLE)
    assert fetch(capsys, url, "--into", str(tmp_path)).code == 0
    side = tmp_path / (ARTICLE_NAME + ".meta.toml")
    broken = side.read_text(encoding="utf-8") + 'outlet = "Al Jazeera"\nbyline = \'Jane Roe\n'
    side.write_text(broken, encoding="utf-8")
    refused = fetch(capsys, url, "--into", str(tmp_path), "--force")
    assert refused.code == 2
    assert any("fix or remove it first" in line for line in refused.err)
    assert side.read_text(encoding="utf-8") == broken  # the corrections are still there to fix

    side.write_text(broken.replace("'Jane Roe", "'Jane Roe'"), encoding="utf-8")
    (tmp_path / "story.toml").write_text(f'["{ARTICLE_NAME}"]\ntitle = "From the story file"\n', encoding="utf-8")
    assert fetch(capsys, url, "--into", str(tmp_path), "--force").code == 0
    meta = sidecar_of(tmp_path / ARTICLE_NAME)
    assert (meta["outlet"], meta["byline"]) == ("Al Jazeera", "Jane Roe")
    assert "title" not in meta  # story.toml's value stays in story.toml


def test_a_page_reached_by_redirect_is_known_by_the_address_given(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fetch(capsys, server.url("/short"), "--into", str(tmp_path)).code == 0
    again = fetch(capsys, server.url("/short"), server.url(ARTICLE), "--into", str(tmp_path))
    assert again.out[:2] == [
        f"{server.url('/short')}: already saved as {ARTICLE_NAME}; --force fetches it again",
        f"{server.url(ARTICLE)}: already saved as {ARTICLE_NAME}; --force fetches it again",
    ]
    assert (server.hits("/short"), server.hits(ARTICLE)) == (1, 1)


def test_a_name_taken_by_another_page_gets_the_next_name(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / ARTICLE_NAME
    other.write_bytes(b"<html>another page</html>")
    (tmp_path / (ARTICLE_NAME + ".meta.toml")).write_text('url = "https://example.com/news/libya-haftar-offensive"\n')
    run = fetch(capsys, server.url(ARTICLE), "--into", str(tmp_path), "--force")
    second = ARTICLE_NAME.replace(".html", "-2.html")
    assert run.out[0] == f"saved {second} ({len(PAGE)} bytes) from {server.url(ARTICLE)}"
    assert other.read_bytes() == b"<html>another page</html>"  # not ours to replace, even with --force
    assert (tmp_path / second).read_bytes() == PAGE
    assert sidecar_of(tmp_path / second)["url"] == server.url(ARTICLE)


def test_a_file_at_the_pages_name_without_a_sidecar_counts_as_saved(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ARTICLE_NAME).write_bytes(b"<html>saved from a browser</html>")
    run = fetch(capsys, server.url(ARTICLE), "--into", str(tmp_path))
    assert run.out[0] == f"{server.url(ARTICLE)}: already saved as {ARTICLE_NAME}; --force fetches it again"
    assert server.requests == []
    assert (tmp_path / ARTICLE_NAME).read_bytes() == b"<html>saved from a browser</html>"


# --- the folder ------------------------------------------------------------------------------------


def test_into_that_is_a_file_is_refused_before_any_request(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    for into, line in [
        (tmp_path / "notes.txt", f"sidebyside: {tmp_path / 'notes.txt'}: exists and is not a folder"),
        (
            tmp_path / "notes.txt" / "story",
            f"sidebyside: {tmp_path / 'notes.txt' / 'story'}: cannot create the folder (part of its path is a file)",
        ),
    ]:
        run = fetch(capsys, server.url(ARTICLE), "--into", str(into))
        assert (run.code, run.err, run.out) == (2, [line], [])
    assert server.requests == []
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write in a read-only folder: not testable as root"
)
def test_a_folder_that_cannot_be_written_is_refused_before_any_request(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        run = fetch(capsys, server.url(ARTICLE), "--into", str(locked))
        run_below = fetch(capsys, server.url(ARTICLE), "--into", str(locked / "story"))
    finally:
        locked.chmod(0o700)
    assert (run.code, run.err) == (2, [f"sidebyside: {locked}: cannot write in this folder (permission denied)"])
    assert run_below.code == 2
    assert run_below.err == [f"sidebyside: {locked / 'story'}: cannot create the folder (permission denied)"]
    assert server.requests == []


def test_a_folder_the_system_says_is_not_writable_is_refused_before_any_request(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check as above, runnable as root: os.access is made to answer as for a user."""
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != locked and real_access(path, mode, **kw))
    run = fetch(capsys, server.url(ARTICLE), "--into", str(locked))
    assert (run.code, run.err) == (2, [f"sidebyside: {locked}: cannot write in this folder (permission denied)"])
    assert server.requests == []
    assert files_in(locked) == []


def test_into_is_created_with_its_parents(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "libya" / "2019-04"
    assert fetch(capsys, server.url(ARTICLE), "--into", str(folder)).code == 0
    assert (folder / ARTICLE_NAME).read_bytes() == PAGE


# --- addresses refused before any network use --------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "line"),
    [
        ("file:///etc/passwd", "only http:// and https:// addresses are fetched, not file:"),
        ("ftp://example.com/story.html", "only http:// and https:// addresses are fetched, not ftp:"),
        ("javascript:alert(1)", "only http:// and https:// addresses are fetched, not javascript:"),
        ("mailto:desk@example.com", "only http:// and https:// addresses are fetched, not mailto:"),
        ("haftar", "not a web address (it should start with https:// or http://)"),
        (
            "aljazeera.com/news/libya",
            "not a web address (it should start with https:// or http://); did you mean https://aljazeera.com/news/libya?",
        ),
        ("http://", "no host name in this address"),
        ("http://127.0.0.1:99999/", "not a valid address (Port out of range 0-65535)"),
        ("http://exa mple.com/", "not a valid host name (exa mple.com)"),
        ("http://user:secret@example.com/", "an address with a user name or password is not fetched"),
        ("http://example.com/\x1b[2J", "an address cannot contain control or invisible characters"),
        ("   ", "an empty address"),
    ],
)
def test_what_is_not_an_http_address_is_refused_before_any_network_use(
    given: str, line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise OSError("network used")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    folder = tmp_path / "story"
    run = fetch(capsys, given, "--into", str(folder))
    from sidebyside.ingest.load import printable

    assert run.code == 2
    assert run.err == [f"sidebyside: {printable(given)}: {line}", "sidebyside: nothing to fetch"]
    assert "\x1b" not in "\n".join(run.err)
    assert attempts == []
    assert not folder.exists()


def test_bad_timeouts_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for value in ("0", "-1", "nan", "soon", "99999"):
        assert main(["fetch", "http://example.com/", "--into", str(tmp_path / "x"), "--timeout", value]) == 2
        err = capsys.readouterr().err
        assert "--timeout" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()


# --- failures of the connection -----------------------------------------------------------------------


def test_a_host_that_does_not_resolve_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    url = "https://news.example.invalid/story"
    run = fetch(capsys, url, "--into", str(tmp_path))
    assert (run.code, run.err) == (
        2,
        [f"sidebyside: {url}: host not found: news.example.invalid (Name or service not known)"],
    )


def test_a_refused_connection_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    run = fetch(capsys, url, "--into", str(tmp_path))
    assert (run.code, run.err) == (2, [f"sidebyside: {url}: connection refused by 127.0.0.1:{port}"])


def test_tls_to_a_server_that_does_not_speak_it_is_one_line(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.url(ARTICLE).replace("http://", "https://")
    run = fetch(capsys, url, "--timeout", "2", "--into", str(tmp_path))
    assert run.code == 2
    (line,) = run.err
    assert line.startswith(f"sidebyside: {url}: TLS error with 127.0.0.1:{server.server_address[1]} (")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl tool to make a certificate")
def test_a_certificate_that_is_not_trusted_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    secure = Server()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    thread = threading.Thread(target=secure.serve_forever, daemon=True)
    thread.start()
    try:
        url = secure.url(ARTICLE).replace("http://", "https://")
        run = fetch(capsys, url, "--timeout", "5", "--into", str(tmp_path / "story"))
    finally:
        secure.shutdown()
        secure.server_close()
    port = secure.server_address[1]
    assert run.code == 2
    assert run.err == [
        f"sidebyside: {url}: TLS certificate not accepted for 127.0.0.1:{port} (self-signed certificate)"
    ]
    assert not (tmp_path / "story").exists()


# --- interrupted ----------------------------------------------------------------------------------------


def test_ctrl_c_while_waiting_leaves_nothing(server: Server, tmp_path: Path) -> None:
    folder = tmp_path / "story"
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    child = subprocess.Popen(
        [sys.executable, "-m", "sidebyside", "fetch", server.url("/slow"), "--into", str(folder), "--timeout", "10"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    for _ in range(200):  # until the request has reached the server
        if server.hits("/slow"):
            break
        time.sleep(0.02)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=10)
    assert child.returncode == 130
    assert "Traceback" not in err
    assert err.splitlines() == ["sidebyside: interrupted; 0 pages saved, nothing partial left"]
    assert not folder.exists()


def test_ctrl_c_while_writing_leaves_no_partial_file(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_link = os.link
    calls: list[str] = []

    def link_then_interrupt(source: str, target: str, *args: object, **kwargs: object) -> None:
        calls.append(str(target))
        if len(calls) == 2:  # the page is in place; the sidecar is not yet
            raise KeyboardInterrupt
        real_link(source, target)

    monkeypatch.setattr(fetch_store.os, "link", link_then_interrupt)
    run = fetch(capsys, server.url(ARTICLE), "--into", str(tmp_path))
    assert run.code == 130
    assert run.err == ["sidebyside: interrupted; 0 pages saved, nothing partial left"]
    assert calls[0].endswith(ARTICLE_NAME)
    assert files_in(tmp_path) == []  # not the page without its sidecar, and no temporary file


# --- file names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "name"),
    [
        (
            "https://www.aljazeera.com/news/2019/4/7/libya-haftar-offensive",
            "aljazeera.com-news-2019-4-7-libya-haftar-offensive.html",
        ),
        ("https://www.aljazeera.com/", "aljazeera.com.html"),
        ("https://example.com/world/index.html", "example.com-world.html"),
        ("https://example.com/story.php?id=123&page=2", "example.com-story-id-123-page-2.html"),
        ("https://example.com/Libya/Haftar_Offensive.HTML", "example.com-libya-haftar_offensive.html"),
        ("https://ar.example.com/%D9%84%D9%8A%D8%A8%D9%8A%D8%A7", "ar.example.com-ليبيا.html"),
        ("https://xn--bcher-kva.example/x", "bücher.example-x.html"),
        ("https://example.com/../../etc/passwd", "example.com-etc-passwd.html"),
        ("https://example.com/..%2f..%2f.bashrc", "example.com-bashrc.html"),
        ("https://example.com/a%00b%1b%5B2J%0Ac", "example.com-a-b-2j-c.html"),
    ],
)
def test_a_file_name_is_readable_and_safe(url: str, name: str) -> None:
    assert page_name(fetch_http.check_url(url).url) == name


def test_a_long_address_gives_a_bounded_name_that_stays_apart() -> None:
    a = fetch_http.check_url("https://example.com/" + "word-" * 100 + "a").url
    b = fetch_http.check_url("https://example.com/" + "word-" * 100 + "b").url
    names = {page_name(a), page_name(b)}
    assert len(names) == 2
    for name in names:
        assert len(name.encode("utf-8")) <= fetch_store.NAME_BYTES + len(".html")
        assert name.startswith("example.com-word-word") and name.endswith(".html")
    assert page_name(a) == page_name(a)  # deterministic


def test_names_never_leave_the_folder_or_hide() -> None:
    for path in ("/..", "/.hidden", "/%2e%2e/x", "/a/../../b", "/%E2%80%AEevil", "/%0d%0aSet-Cookie", "/" + "é" * 200):
        name = page_name(fetch_http.check_url("https://example.com" + path).url)
        assert "/" not in name and "\\" not in name and not name.startswith(".")
        assert ".." not in name
        assert all(ch.isprintable() and ch != "\u202e" for ch in name)
        assert len(name.encode("utf-8")) <= fetch_store.NAME_BYTES + len(".html")


def test_addresses_are_normalised_as_browsers_send_them() -> None:
    check = fetch_http.check_url
    assert check(" HTTPS://Example.COM:443/a b?q=ليبيا#top ").url == (
        "https://example.com/a%20b?q=%D9%84%D9%8A%D8%A8%D9%8A%D8%A7"
    )
    assert check("http://example.com").url == "http://example.com/"
    assert check("http://example.com:8080/x").url == "http://example.com:8080/x"
    assert check("http://[::1]:8080/").url == "http://[::1]:8080/"


# --- the network stays in fetch --------------------------------------------------------------------


PACKAGE = Path(sidebyside.__file__).resolve().parent
NETWORK_MODULES = {"urllib.request", "http.client", "http.cookiejar", "socket", "ssl", "ftplib", "smtplib"}


def imported_by(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_only_fetch_http_uses_the_network_and_only_fetch_imports_it() -> None:
    network_users, fetch_users = set(), set()
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        names = imported_by(path)
        if names & NETWORK_MODULES or any(n.startswith(("urllib.request", "http.client")) for n in names):
            network_users.add(module)
        if {"sidebyside.commands.fetch_http", "sidebyside.commands.fetch_store"} & names:
            fetch_users.add(module)
    assert network_users == {"commands.fetch_http"}
    assert fetch_users == {"commands.fetch", "commands.fetch_store"}


def test_other_commands_never_load_the_network_code(tmp_path: Path) -> None:
    article = tmp_path / "wire.txt"
    article.write_text("The council voted on Tuesday to close the old bridge to cars.\n", encoding="utf-8")
    script = (
        "import contextlib, io, sys\n"
        "from sidebyside.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['articles', {str(article)!r}, '--format', 'json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('sidebyside.commands.fetch_')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
