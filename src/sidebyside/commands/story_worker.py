"""A forked process that reads the story and computes its overlap matrix for the TUI.

Started by `sidebyside [PATH...]` before Textual is imported, while the process has only
its main thread, so forking is safe. The two then work at once on the machine's two
cores: the child reads and cleans the articles while the parent imports Textual and
draws its first screen, and the articles are waiting when the Articles table is ready
for them (the first paint of the bundled story is then close to a bare Textual app's).
The child goes on to the overlap matrix with the same `overlap_rows` as `sidebyside
overlap`, process pool included (the child has no threads, so it may fork its own
workers), where the app's worker thread could use only one core and shared it with the
screen.

What crosses the pipe is plain data (model dataclasses, pickled), one tuple per event, in
order: `("batch", articles, problems, done, total)` while reading, `("loaded",)`, then
`("started", count)`, `("row", index, shares, done, total)` per row and `("done", nearest)`
(each article's `Closest`, so the app need not import the analysis to work it out); or
`("failed", message)` if the child met an error it did not expect. The app's worker
thread turns them into the same messages its own loading and matrix threads post.

The child never writes to the terminal it shares with the app, ignores Ctrl-C (the app
reads keys in raw mode; a SIGINT to the group is not meant for it), and stops as soon
as the app has gone: a send into a closed pipe, or its parent changing.

The fork, the pipe and the child's handle are the operating system's own (`os.fork`,
`os.pipe`, `os.waitpid`), each event pickled behind its length as multiprocessing's
Connection does: the app pays for no multiprocessing import before its first frame
(about 15 ms of its start-up). The child imports multiprocessing itself when a big
story's matrix needs a pool.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Protocol

from sidebyside.model import Article, Problem, Story

#: Articles per batch, and the longest a batch waits, as the app's own loading does.
BATCH = 25
BATCH_SECONDS = 0.1

Event = tuple[Any, ...]


class Lost(Exception):
    """The child ended without finishing (killed, or failed); the app carries on itself."""


class Sender(Protocol):
    """Where the child sends its events: a `Pipe`, or a multiprocessing Connection."""

    def send(self, event: Any) -> None: ...

    def close(self) -> None: ...


class Pipe:
    """One end of a one-way pipe of events, each pickled behind its length."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.closed = False

    def send(self, event: Any) -> None:
        """Write one event whole (BrokenPipeError once the reader has gone)."""
        data = pickle.dumps(event, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(struct.pack("!Q", len(data)) + data)
        while view:
            view = view[os.write(self.fd, view) :]

    def poll(self, timeout: float) -> bool:
        """Is an event (or the end of the pipe) there to read within `timeout` seconds?

        `select.poll`, not `select.select`, which refuses a descriptor above 1,023.
        """
        self._check_open()
        waiting = select.poll()
        waiting.register(self.fd, select.POLLIN)
        return bool(waiting.poll(max(0, int(timeout * 1000))))

    def recv(self) -> Any:
        """The next event, waiting for it; EOFError once the writer has gone."""
        self._check_open()
        (size,) = struct.unpack("!Q", self._read(8))
        return pickle.loads(self._read(size))

    def _check_open(self) -> None:
        """Once closed, its descriptor's number may be another file's: refuse, as
        multiprocessing's Connection does."""
        if self.closed:
            raise OSError("the pipe is closed")

    def _read(self, size: int) -> bytes:
        chunks = []
        while size:
            chunk = os.read(self.fd, min(size, 1 << 20))
            if not chunk:
                raise EOFError("the pipe was closed")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.fd)


#: `Child.exitcode` of a child reaped by someone else, whose status is unknown.
LOST_STATUS = 255


class Child:
    """The forked child, as the app sees it: alive or not, stopped, waited for."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._exitcode: int | None = None

    @property
    def exitcode(self) -> int | None:
        """None while it runs; then its exit status, or minus the signal that ended it.
        Asking reaps it."""
        if self._exitcode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped already (SIGCHLD ignored): ended, its status lost
                self._exitcode = LOST_STATUS
                return self._exitcode
            if pid == 0:
                return None
            self._exitcode = os.waitstatus_to_exitcode(status)
        return self._exitcode

    def is_alive(self) -> bool:
        return self.exitcode is None

    def terminate(self) -> None:
        with suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)

    def join(self, timeout: float | None = None) -> None:
        """Wait until it has ended, at most `timeout` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive() and (deadline is None or time.monotonic() < deadline):
            time.sleep(0.005)


@dataclass
class StoryWorker:
    """The app's end of the child: events to read, and the child to stop."""

    process: Child
    connection: Pipe
    #: Events read off the pipe but not handed out yet (`read_ready` looked ahead).
    pending: deque[Event] = field(default_factory=deque)

    @classmethod
    def start(cls, paths: list[str]) -> StoryWorker | None:
        """Fork the child for `paths`; None where fork is not the safe native way (not Linux).

        The child closes its copy of the app's end of the pipe first: while one is open
        there, a write into a full pipe would wait for ever once the app has gone, instead
        of failing. It leaves by `os._exit`, never returning into the app's code.
        """
        if not sys.platform.startswith("linux"):
            return None
        ours, theirs = os.pipe()
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: the app reads and compares in its own threads
            os.close(ours)
            os.close(theirs)
            return None
        if pid == 0:  # the child
            code = 1
            try:
                os.close(ours)
                _serve(Pipe(theirs), paths, parent)
                code = 0
            finally:
                os._exit(code)
        os.close(theirs)
        return cls(Child(pid), Pipe(ours))

    def read_ready(self) -> Story | None:
        """The whole story if the child has already read it, without waiting; else None.

        The app is built on it then, so its first frame shows the articles (the child
        usually finishes a small story while Textual is still being imported). Events
        read past the story (the matrix's first rows) are kept for `events`.
        """
        try:
            while self.connection.poll(0):
                self.pending.append(self.connection.recv())
        except (EOFError, OSError):
            pass  # `events` reports it
        kinds = [event[0] for event in self.pending]
        if "loaded" not in kinds:
            return None
        articles: list[Article] = []
        problems: list[Problem] = []
        while True:
            event = self.pending.popleft()
            if event[0] == "loaded":
                return Story(tuple(articles), tuple(problems))
            if event[0] == "batch":
                articles.extend(event[1])
                problems.extend(event[2])

    def events(self, cancelled: Callable[[], bool] | None = None, poll: float = 0.1) -> Iterator[Event]:
        """The child's events as they come; ends after "done" or when `cancelled()` says so.

        Raises `Lost` if the pipe closes first (the child was killed) or the child reports
        a failure.
        """
        while True:
            if self.pending:
                event = self.pending.popleft()
            else:
                if cancelled is not None and cancelled():
                    return
                try:
                    if not self.connection.poll(poll):
                        continue
                    event = self.connection.recv()
                except (EOFError, OSError) as error:
                    raise Lost("the story's background process ended") from error
            if event[0] == "failed":
                raise Lost(event[1])
            yield event
            if event[0] == "done":
                return

    def stop(self) -> None:
        """End the child now (the app is closing or no longer needs it)."""
        self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(1)


def _serve(connection: Sender, paths: list[str], parent: int) -> None:
    """In the child: read the story, then compute the matrix, sending each event."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # nothing of ours may reach the app's terminal
    os.dup2(devnull, 2)
    try:
        articles = _read(connection, paths, parent)
        _matrix(connection, articles, parent)
    except (BrokenPipeError, EOFError, ConnectionError, _ParentGone):
        pass  # the app has gone: nothing to tell anyone
    except Exception as error:  # the app carries on without us and says so
        with suppress(OSError):
            connection.send(("failed", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


class _ParentGone(Exception):
    pass


def _read(connection: Sender, paths: list[str], parent: int) -> list[Article]:
    from sidebyside.ingest.story import iter_story

    counted = [0, 1]

    def progress(done: int, total: int) -> None:
        counted[:] = [done, total]

    articles: list[Article] = []
    batch: list[Any] = []
    last = time.monotonic()
    for item in iter_story(paths, progress):
        batch.append(item)
        if len(batch) >= BATCH or time.monotonic() - last > BATCH_SECONDS:
            _send_batch(connection, batch, counted[0], counted[1], articles, parent)
            batch, last = [], time.monotonic()
    _send_batch(connection, batch, counted[1], counted[1], articles, parent)
    connection.send(("loaded",))
    return articles


def _send_batch(
    connection: Sender, batch: list[Any], done: int, total: int, articles: list[Article], parent: int
) -> None:
    _check_parent(parent)
    new = [item for item in batch if isinstance(item, Article)]
    articles.extend(new)
    connection.send(("batch", new, [item for item in batch if not isinstance(item, Article)], done, total))


def _matrix(connection: Sender, articles: list[Article], parent: int) -> None:
    from sidebyside.analysis.overlap import closest, overlap_rows

    if not articles:
        return
    connection.send(("started", len(articles)))
    me = os.getpid()

    def gone() -> bool:
        """Asked between pairs of a long matrix, here and in the pool's workers (whose
        parent is this process, not the app: they only stop with it)."""
        return os.getpid() == me and os.getppid() != parent

    rows: dict[int, tuple[float, ...]] = {}
    for row in overlap_rows(articles, workers=None, should_stop=gone):
        rows[row.index] = row.shares
        connection.send(("row", row.index, row.shares, row.done, row.total))
    if gone():
        raise _ParentGone
    connection.send(("done", closest(articles, [list(rows[i]) for i in range(len(articles))])))


def _check_parent(parent: int) -> None:
    if os.getppid() != parent:
        raise _ParentGone
