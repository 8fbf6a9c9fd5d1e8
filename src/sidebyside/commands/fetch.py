"""`sidebyside fetch URL... --into FOLDER [--timeout SECONDS] [--force]`: keep pages to read offline.

Saves each page as it was served (the HTML bytes, exactly) with a sidecar recording the
address and the time, so that everything after it works offline on files the journalist
keeps, and a story can be shown to have been reported as it was. This is the only command
that opens a network connection; the network is in `fetch_http` (imported here, inside
`run`, and nowhere else), the folder in `fetch_store`.

One line per address, in the order given:

    saved aljazeera.com-news-libya.html (143 KB) from https://aje.io/x -> redirected to https://…
    https://example.com/x: already saved as example.com-x.html; --force fetches it again
    sidebyside: https://example.com/gone: HTTP 404 Not Found

Saved and already-saved pages go to standard output, each failure to standard error;
then a hint to open the folder. Before any connection: every address is checked (only
http and https; a duplicate, also after trivial differences such as a #fragment, is
fetched once), and the folder is created if missing and checked writable. Exit status:
0 when every address is saved (now or before); 2 when any failed (the others are still
saved) or the arguments are unusable; 130 on Ctrl-C, which leaves no partial file.
"""

from __future__ import annotations

import argparse
import datetime
import math
import shlex
import sys
from typing import TYPE_CHECKING

from sidebyside.commands import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_OK, fail, say

if TYPE_CHECKING:
    from sidebyside.commands.fetch_http import Address
    from sidebyside.commands.fetch_store import Folder

DEFAULT_TIMEOUT = 20.0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "fetch",
        help="save web pages (as served, with where and when) into a folder, to read offline",
        description="Fetch each URL and save the page exactly as the server sent it, with a "
        "<name>.meta.toml sidecar holding its address and the time it was fetched. The only "
        "command that uses the network; everything else reads the saved files.",
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="http:// or https:// addresses")
    parser.add_argument("--into", required=True, metavar="FOLDER", help="where to save the pages (created if missing)")
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up on a server silent for this long (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--force", action="store_true", help="fetch a page already saved in FOLDER again and replace it"
    )
    parser.set_defaults(func=run)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0 or value > 3600:
        raise argparse.ArgumentTypeError(f"'{text}': give a number of seconds above 0 and up to 3600")
    return value


def run(args: argparse.Namespace) -> int:
    from sidebyside.commands import fetch_http, fetch_store, safe_write

    failed = False
    addresses: dict[str, fetch_http.Address] = {}
    for raw in args.urls:
        try:
            address = fetch_http.check_url(raw)
        except fetch_http.BadAddress as bad:
            say(f"{raw}: {bad}")
            failed = True
            continue
        first = addresses.setdefault(address.url, address)
        if first is not address:
            same = "given twice" if first.given == address.given else f"the same page as {first.given}"
            say(f"{raw}: {same}; fetched once")
    if not addresses:
        return fail("nothing to fetch")
    try:
        folder = fetch_store.Folder.open(args.into)
    except safe_write.Refused as refused:
        return fail(str(refused))
    kept = 0
    done: dict[str, str] = {}  # where each page of this run ended up -> its file
    try:
        for address in addresses.values():
            if _fetch_one(address, folder, done, args):
                kept += 1
            else:
                failed = True
    except KeyboardInterrupt:
        say(f"interrupted; {_pages(kept)} saved, nothing partial left")
        return EXIT_INTERRUPTED
    except safe_write.Interrupted as stop:
        say(f"interrupted; {_pages(kept)} saved, nothing partial left")
        return stop.status
    finally:
        folder.tidy()
    if kept:
        from sidebyside.ingest.load import printable

        print(printable(f"open with: sidebyside {shlex.quote(args.into)}"))
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _fetch_one(address: Address, folder: Folder, done: dict[str, str], args: argparse.Namespace) -> bool:
    """Fetch and save one page, printing its one line; True when the page is in the folder."""
    from sidebyside.commands import fetch_http
    from sidebyside.ingest.load import printable

    given = address.given
    existing = folder.saved_as(address.url)
    if existing is not None and not args.force:
        print(printable(f"{given}: already saved as {existing}; --force fetches it again"))
        return True
    try:
        page = fetch_http.download(address, timeout=args.timeout)
    except fetch_http.FetchFailed as failure:
        say(f"{given}: {failure}")
        return False
    fetched = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    if page.url in done:  # two addresses of this run lead to one page
        print(printable(f"{given}: the same page as {page.url}, saved as {done[page.url]} above"))
        return True
    if page.redirected:
        landed = folder.saved_as(page.url)
        if landed is not None and not args.force:
            print(printable(f"{given}: already saved as {landed} (redirected to {page.url}); --force fetches it again"))
            return True
        existing = existing or landed
    try:
        name = folder.save(page, fetched, replace=existing if args.force else None)
    except OSError as err:
        say(f"{given}: cannot save in {folder.shown} ({err.strerror or err})")
        return False
    done[page.url] = name
    line = f"saved {name} ({fetch_http.size_text(len(page.body))}) from {given}"
    if page.redirected:
        line += f" -> redirected to {page.url}"
    if args.force and existing is not None:
        line += " (replaced the earlier copy)"
    print(printable(line))
    sys.stdout.flush()  # each line as its page is done, even into a pipe
    return True


def _pages(count: int) -> str:
    return f"{count} page{'s' * (count != 1)}"
