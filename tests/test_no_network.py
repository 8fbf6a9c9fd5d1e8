"""Safety: no network access anywhere, and no file written but an export the user named.

While the headless commands run on the bundled seeds (every format) and while the TUI
opens the story and is driven through its screens, `socket.socket`,
`socket.create_connection`, `socket.getaddrinfo` (and friends) are replaced by functions
that record the attempt and raise. Writes are watched two ways: `builtins.open`/`io.open`
and `os.open` are wrapped to record every write mode, and a Python audit hook records
every "open" with a write mode or flag and every file-system mutation (rename, remove,
mkdir, chmod, utime ...) whatever function made it. Each check starts with a positive
control (a connection attempt, a write to the tmp output file) so it cannot pass by
watching nothing.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import io
import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.ingest.story import load_story

from conftest import SEEDS

# --- the watch ---------------------------------------------------------------------------------

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
#: Audit events that change the file system (besides "open" with a write mode).
MUTATIONS = {
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.utime",
    "os.truncate", "os.link", "os.symlink", "shutil.copyfile", "shutil.copymode", "shutil.copystat",
    "shutil.move", "shutil.rmtree",
}  # fmt: skip
NETWORK_EVENTS = ("socket.", "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect")


class Watch:
    """What the code under test tried: network attempts and paths opened for writing."""

    def __init__(self) -> None:
        self.armed = False
        self.network: list[str] = []
        self.writes: list[tuple[str, str]] = []
        self.local_sockets: set[int] = set()

    def audit(self, event: str, args: tuple) -> None:
        if not self.armed:
            return
        if event == "open":
            path, mode, flags = args
            if isinstance(path, int):
                return
            writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & WRITE_FLAGS)
            if writing:
                self.writes.append((os.fsdecode(path), f"open {mode or oct(flags)}"))
        elif event in MUTATIONS:
            self.writes.append(
                (os.fsdecode(args[0]) if args and isinstance(args[0], (str, bytes, os.PathLike)) else repr(args), event)
            )
        elif event.startswith(NETWORK_EVENTS):
            self.network.append(f"{event} {args!r:.120}")


WATCH = Watch()
_hook_lock = threading.Lock()
_hooked = False


def _install_audit_hook() -> None:
    """Once per process (audit hooks cannot be removed); it does nothing unless armed."""
    global _hooked
    with _hook_lock:
        if not _hooked:
            sys.addaudithook(WATCH.audit)
            _hooked = True


def _refuse(name: str):
    def refuse(*args, **kwargs):
        WATCH.network.append(f"{name}{args!r:.120}")
        raise OSError(f"network access attempted: {name}")

    return refuse


class NoSocket(socket.socket):
    """`socket.socket` that records and refuses every new socket."""

    def __init__(self, *args, **kwargs) -> None:
        WATCH.network.append(f"socket.socket{args!r:.120}")
        raise OSError("network access attempted: socket.socket")


@contextlib.contextmanager
def watched(monkeypatch: pytest.MonkeyPatch) -> Iterator[Watch]:
    """Refuse the network and record writes for the duration of the block."""
    _install_audit_hook()
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
                 "getnameinfo", "create_server", "socketpair", "fromfd"):  # fmt: skip
        monkeypatch.setattr(socket, name, _refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "socket", NoSocket)
    real_open, real_os_open = builtins.open, os.open

    def recording_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and any(c in mode for c in "wax+"):
            WATCH.writes.append((os.fsdecode(file), f"builtins.open {mode}"))
        return real_open(file, mode, *args, **kwargs)

    def recording_os_open(path, flags, *args, **kwargs):
        if flags & WRITE_FLAGS:
            WATCH.writes.append((os.fsdecode(path), f"os.open {oct(flags)}"))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(io, "open", recording_open)  # pathlib's Path.open and write_* go through io.open
    monkeypatch.setattr(os, "open", recording_os_open)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # a first import must not count as a write
    WATCH.network.clear()
    WATCH.writes.clear()
    WATCH.armed = True
    try:
        yield WATCH
    finally:
        WATCH.armed = False


def seeds_state() -> dict[str, tuple[int, str]]:
    return {
        p.name: (p.stat().st_mtime_ns, hashlib.blake2b(p.read_bytes()).hexdigest()) for p in sorted(SEEDS.iterdir())
    }


def outside(writes: list[tuple[str, str]], allowed: Path) -> list[tuple[str, str]]:
    root = str(allowed.resolve())
    return [(path, how) for path, how in writes if not os.path.abspath(path).startswith(root)]


# --- the positive controls ---------------------------------------------------------------------


def test_the_watch_sees_connections_and_writes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with watched(monkeypatch) as watch:
        with pytest.raises(OSError, match="network access attempted"):
            socket.create_connection(("127.0.0.1", 9), timeout=0.1)
        with pytest.raises(OSError, match="network access attempted"):
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        (tmp_path / "a.txt").write_text("x")
        os.close(os.open(tmp_path / "b.txt", os.O_WRONLY | os.O_CREAT))
        os.utime(tmp_path / "a.txt")
    assert len(watch.network) >= 2
    written = {Path(p).name for p, _ in watch.writes}
    assert {"a.txt", "b.txt"} <= written
    assert any(how == "os.utime" for _, how in watch.writes)


# --- headless ----------------------------------------------------------------------------------

SEED_FILES = sorted(str(p) for p in SEEDS.iterdir())
COMMANDS = [
    ["articles", str(SEEDS)],
    ["articles", str(SEEDS), "--format", "json"],
    ["compare", SEED_FILES[0], SEED_FILES[1]],
    ["compare", SEED_FILES[0], SEED_FILES[3], "--format", "json"],
    ["compare", SEED_FILES[2], SEED_FILES[3], "--format", "markdown"],
    ["quotes", str(SEEDS)],
    ["quotes", str(SEEDS), "--format", "json"],
    ["quotes", str(SEEDS), "--format", "csv", "--speaker", "Khalifa Haftar"],
    ["quotes", str(SEEDS), "--format", "markdown"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a).replace(str(SEEDS), "seeds") for a in COMMANDS])
def test_headless_commands_use_no_network_and_write_only_the_named_export(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = seeds_state()
    export = tmp_path / "export.out"
    with (
        watched(monkeypatch) as watch,
        open(export, "w", encoding="utf-8") as target,
        contextlib.redirect_stdout(target),
    ):
        code = main(argv)  # as in `sidebyside ... > export.out`
    assert code == 0
    assert export.stat().st_size > 0
    assert watch.network == []
    assert (str(export), "builtins.open w") in watch.writes  # the control: the export is seen
    assert outside(watch.writes, tmp_path) == []
    assert seeds_state() == before


# --- the TUI -----------------------------------------------------------------------------------


async def test_the_tui_uses_no_network_and_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from sidebyside.tui.app import SideBySideApp

    before = seeds_state()
    with watched(monkeypatch) as watch:
        app = SideBySideApp(load_story(SEED_FILES))
        seen = []
        async with app.run_test(size=(120, 40)) as pilot:
            for keys in (
                ["down", "enter"],
                ["escape", "w"],
                ["escape", "space", "down", "space", "c"],
                ["n", "s", "escape"],
            ):
                await pilot.press(*keys)  # read the second article; the quote sheet; compare two marked
                await pilot.pause()
                seen.append(type(app.screen).__name__)
    assert seen == ["ReaderScreen", "QuoteSheetScreen", "CompareScreen", "ArticlesScreen"]
    assert watch.network == []
    assert outside(watch.writes, tmp_path) == []
    assert seeds_state() == before
