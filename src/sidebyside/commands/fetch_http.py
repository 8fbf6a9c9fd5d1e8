"""Download one web page for `sidebyside fetch`: the only code in sidebyside that opens a connection.

Everything else works offline on files the journalist keeps (tests/test_no_network.py
checks it); keeping the network in this one module, imported only by `commands/fetch.py`
and only inside its `run`, keeps that promise visible and testable.

- `check_url` refuses, before any connection, what is not an http(s) address (file:,
  javascript:, a bare word) and normalises the rest the way a browser sends it: scheme
  and host in lower case (an international host in IDNA), the default port and the
  fragment dropped, spaces and non-ASCII letters percent-encoded. Two addresses that
  normalise alike are one page.
- `download` sends one GET with an honest User-Agent and no compression (the page is kept
  exactly as served), follows at most MAX_REDIRECTS redirects itself so that every hop's
  scheme is checked and a loop is named, keeps the cookies set along the way (some sites
  redirect to set one and back), stops reading beyond MAX_BYTES, and accepts only an HTML
  answer, judged by its Content-Type and by its first bytes.
- Every failure is a `FetchFailed` whose message is the one line the user sees: timeouts
  (connecting, waiting for the answer, or the page stalling), an unknown host, a refused
  connection, TLS, an HTTP error status, a page that is not HTML, empty or too large.
"""

from __future__ import annotations

import codecs
import contextlib
import http.client
import http.cookiejar
import re
import socket
import ssl
import unicodedata
import urllib.error
import urllib.request
import zlib
from contextlib import closing
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from sidebyside import __version__
from sidebyside.ingest.load import MAGIC, MAX_BYTES

#: Redirects followed before giving up (browsers allow ~20; a news page needs one or two).
MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}
#: Sent as is: who is asking, and that an HTML page is wanted. No Accept-Encoding, so
#: http.client asks for "identity": the bytes arrive as the page is, uncompressed.
HEADERS = {
    "User-Agent": f"sidebyside/{__version__}",
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
#: Content types servers put on anything; the first bytes decide.
VAGUE_TYPES = {"", "text/plain", "application/octet-stream", "binary/octet-stream", "application/xml", "text/xml"}
HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--")
CHUNK = 1 << 16
#: Characters a path or query keeps as they are when the address is percent-encoded.
PATH_SAFE = "/%:@!$&'()*+,;=-._~"
QUERY_SAFE = PATH_SAFE + "?"
HOST = re.compile(r"[a-z0-9._-]+|[0-9a-f:.]+(%[\w.-]+)?")


class BadAddress(ValueError):
    """What the user typed is not an address `fetch` will open; the message says why."""


class FetchFailed(Exception):
    """The page could not be fetched as an HTML page; the message is one line for the user."""


@dataclass(frozen=True)
class Address:
    """A checked address: `given` as the user typed it, `url` as it is requested."""

    given: str
    url: str


@dataclass(frozen=True)
class Page:
    """An HTML page as the server sent it, after redirects (`url` is where it ended up)."""

    address: Address
    url: str
    status: int
    content_type: str | None
    body: bytes

    @property
    def redirected(self) -> bool:
        return self.url != self.address.url


def check_url(text: str) -> Address:
    """The address to request for `text`; BadAddress, before any network use, if there is none."""
    given = text.strip()
    if not given:
        raise BadAddress("an empty address")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in given):
        raise BadAddress("an address cannot contain control or invisible characters")
    scheme, _, rest = given.partition(":")
    if "://" not in given and (not rest or "." in scheme or rest[:1].isdigit()):
        hint = f"; did you mean https://{given}?" if "." in given.split("/")[0] else ""
        raise BadAddress(f"not a web address (it should start with https:// or http://){hint}")
    scheme = scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise BadAddress(f"only http:// and https:// addresses are fetched, not {scheme[:20]}:")
    try:
        parts = urlsplit(given)
        host, port = parts.hostname, parts.port
    except ValueError as err:
        raise BadAddress(f"not a valid address ({err})") from None
    if not host:
        raise BadAddress("no host name in this address")
    if parts.username is not None:
        raise BadAddress("an address with a user name or password is not fetched")
    try:
        host = host if host.isascii() else host.encode("idna").decode("ascii")
    except UnicodeError:
        raise BadAddress(f"not a valid host name ({host})") from None
    if not HOST.fullmatch(host):
        raise BadAddress(f"not a valid host name ({host})")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    path = quote(parts.path or "/", safe=PATH_SAFE)
    query = quote(parts.query, safe=QUERY_SAFE)
    return Address(given=given, url=urlunsplit((scheme, netloc, path, query, "")))


def download(address: Address, *, timeout: float) -> Page:
    """Fetch the page at `address`, following redirects; FetchFailed with the reason."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.OpenerDirector()  # only these handlers: no file:, ftp: or data:
    for handler in (
        urllib.request.ProxyHandler(),  # http_proxy / https_proxy / no_proxy, as the user set them
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        urllib.request.HTTPCookieProcessor(jar),
    ):
        opener.add_handler(handler)
    url, chain, seen = address.url, [address.url], set()
    for _ in range(MAX_REDIRECTS + 1):
        state = (url, tuple(sorted((c.domain, c.path, c.name, c.value or "") for c in jar)))
        if state in seen:  # the same address with the same cookies: it would go round forever
            raise FetchFailed(f"redirect loop ({' -> '.join(chain)})")
        seen.add(state)
        with closing(_open(opener, url, timeout)) as response:
            status = response.status
            if status in REDIRECT_STATUSES:
                url = _redirect_target(url, response.headers.get("Location"), status)
                chain.append(url)
                continue
            if not 200 <= status < 300:
                raise FetchFailed(_status_line(status, response.reason))
            body = _read_body(response, url, timeout)
            content_type = _one_line(response.headers.get("Content-Type"))
            body = _decompressed(body, (response.headers.get("Content-Encoding") or "").strip().lower())
        check_html(body, content_type)
        return Page(address=address, url=url, status=status, content_type=content_type, body=body)
    raise FetchFailed(f"more than {MAX_REDIRECTS} redirects (stopped at {url})")


def check_html(body: bytes, content_type: str | None) -> None:
    """FetchFailed unless `body` is a non-empty HTML page (judged by type and first bytes)."""
    if not body or body.isspace():  # isspace: no copy of a large body
        raise FetchFailed("empty answer; nothing to save")
    media = (content_type or "").split(";")[0].strip().lower()[:60]
    for magic, what in MAGIC.items():
        if body.startswith(magic):
            if media in HTML_TYPES:
                raise FetchFailed(f"not an HTML page ({what}, although served as {media})")
            raise FetchFailed(f"not an HTML page ({media or what})")
    if media in HTML_TYPES:
        return
    if media not in VAGUE_TYPES:
        raise FetchFailed(f"not an HTML page ({media})")
    if not looks_like_html(body):
        raise FetchFailed(f"not an HTML page ({media or 'no content type'}, and it does not start like one)")


def looks_like_html(body: bytes) -> bool:
    """True when the first bytes read as the start of an HTML document."""
    head = body[:4096]
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            text = head[len(bom) :].decode(encoding, "ignore")
            break
    else:
        text = head.decode("latin-1")
    text = text.lstrip().lower()
    return text.startswith(HTML_STARTS) or "<html" in text


def size_text(count: int) -> str:
    """A byte count as people read it: "512 bytes", "143 KB", "2.5 MB"."""
    if count < 1024:
        return f"{count} byte{'s' * (count != 1)}"
    if count < 1024 * 1024:
        return f"{round(count / 1024)} KB"
    return f"{count / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


# --- one request ---------------------------------------------------------------------------


def _open(opener: urllib.request.OpenerDirector, url: str, timeout: float) -> http.client.HTTPResponse:
    """The answer's status and headers (the body is still to read), or FetchFailed."""
    request = urllib.request.Request(url, headers=HEADERS)
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.URLError as err:
        reason = err.reason if isinstance(err.reason, BaseException) else OSError(str(err.reason))
        raise FetchFailed(_failure(reason, url, timeout, reading=False)) from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise FetchFailed(_failure(err, url, timeout, reading=False)) from None
    if not isinstance(response, http.client.HTTPResponse):  # only http(s) reaches here
        raise FetchFailed("no HTTP answer")
    return response


def _redirect_target(url: str, location: str | None, status: int) -> str:
    """Where a redirect leads, checked like an address the user typed."""
    if not location or not location.strip():
        raise FetchFailed(f"HTTP {status} redirect without a Location")
    location = location.strip()
    with contextlib.suppress(UnicodeError):  # http.client reads headers as latin-1; the address may be UTF-8
        location = location.encode("latin-1").decode("utf-8")
    target = urljoin(url, location)
    try:
        return check_url(target).url
    except BadAddress:
        raise FetchFailed(f"redirected to {target[:200]}, which is not an http(s) address; not followed") from None


def _read_body(response: http.client.HTTPResponse, url: str, timeout: float) -> bytes:
    """The body, at most MAX_BYTES (looked up when called, so a test can lower it)."""
    limit = MAX_BYTES
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise FetchFailed(f"larger than {size_text(limit)} ({size_text(int(declared))}); not saved")
    chunks: list[bytes] = []
    total = 0
    try:
        while chunk := response.read(min(CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FetchFailed(f"larger than {size_text(limit)}; not saved")
    except http.client.IncompleteRead as err:
        got = total + len(err.partial)
        raise FetchFailed(f"the connection closed before the page was complete ({size_text(got)} received)") from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise FetchFailed(_failure(err, url, timeout, reading=True)) from None
    return b"".join(chunks)


def _decompressed(body: bytes, encoding: str) -> bytes:
    """The page itself when a server compressed it although asked not to (gzip, deflate)."""
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchFailed(f"sent compressed ({encoding[:20]}) although sidebyside asked for no compression")
    limit = MAX_BYTES
    for wbits in (31,) if encoding != "deflate" else (15, -15):
        inflater = zlib.decompressobj(wbits)
        try:
            data = inflater.decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(data) > limit:
            raise FetchFailed(f"larger than {size_text(limit)} once decompressed; not saved")
        if not inflater.eof:  # the stream stops mid-way: the page arrived cut short
            raise FetchFailed(f"sent compressed ({encoding}) and the page arrived incomplete; not saved")
        return data
    raise FetchFailed(f"sent compressed ({encoding}) and the data is damaged")


def _status_line(status: int, reason: str | None) -> str:
    """The line for an HTTP error ("HTTP 404 Not Found"), with a hint where the user can do something about it."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    line = f"HTTP {status} {_one_line(reason) or phrase}".rstrip()
    if status in (401, 403):
        line += " (the site refused; a page behind a login or paywall can be saved from a browser)"
    elif status == 429:
        line += " (the site asks to slow down; try again later)"
    return line


def _failure(err: BaseException, url: str, timeout: float, *, reading: bool) -> str:
    """One line saying why a connection or a read failed."""
    netloc = urlsplit(url).netloc
    if isinstance(err, TimeoutError):  # socket.timeout too
        if reading:
            return f"the page stopped arriving (nothing for {timeout:g} s; --timeout waits longer)"
        return f"no answer within {timeout:g} s (--timeout waits longer)"
    if isinstance(err, socket.gaierror):
        return f"host not found: {urlsplit(url).hostname} ({err.strerror or err})"
    if isinstance(err, ConnectionRefusedError):
        return f"connection refused by {netloc}"
    if isinstance(err, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted for {netloc} ({err.verify_message or err.reason})"
    if isinstance(err, ssl.SSLError):
        return f"TLS error with {netloc} ({err.reason or err})"
    if isinstance(err, http.client.RemoteDisconnected | ConnectionResetError | BrokenPipeError):
        return f"{netloc} closed the connection without an answer"
    if isinstance(err, http.client.HTTPException):
        return f"not a valid HTTP answer ({type(err).__name__})"
    if isinstance(err, OSError):
        return f"cannot connect to {netloc} ({err.strerror or err})"
    return f"cannot fetch ({_one_line(str(err)) or type(err).__name__})"


def _one_line(text: str | None) -> str | None:
    """A header value on one line, without control characters (None if absent)."""
    if text is None:
        return None
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:200] or None
