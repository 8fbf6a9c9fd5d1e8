"""Clean shutdown on a big story (issue 16): quitting the TUI while the matrix computes,
and Ctrl-C during a headless `overlap`, end the process at once and quietly.

Real processes, as the user runs them: the TUI in a pseudo-terminal, `q` pressed once the
folder is loaded (the matrix worker is then busy for tens of seconds); `overlap` in a
process group of its own, SIGINT sent to the whole group as a terminal's Ctrl-C is (the
pool's workers get it too). Every wait is bounded, and a process still running when a
test ends is killed with its group.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pty and process groups of Linux")

#: How long after `q` or Ctrl-C the process may take to be gone.
EXIT_WITHIN = 2.0
ARTICLES = 2000


def make_story(folder: Path, count: int, seed: int = 16) -> None:
    """`count` small distinct articles: three lines from a shared wire text, three of their own.

    Made-up words from a vocabulary of about a thousand: on one core the story's bounds
    take some 7 s (in chunks of a fraction of a second), the rows some 20 s more.
    """
    rng = random.Random(seed)
    syllables = "ka lo mi ra tu sen dor bel vin qua zet pho gri nal os ter".split()
    words = sorted({"".join(rng.choices(syllables, k=3)) for _ in range(1200)})

    def sentence() -> str:
        return " ".join(rng.choices(words, k=12)).capitalize() + "."

    wire = [sentence() for _ in range(300)]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = rng.sample(wire, 3) + [sentence() for _ in range(3)]
        (folder / f"{n:05d}.txt").write_text(f"Report {n}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def big_story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "story"
    make_story(folder, ARTICLES)
    return folder


def kill_group(process: subprocess.Popen) -> None:
    """Make sure nothing of the test's process group survives it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def group_gone(pgid: int, within: float) -> bool:
    """True once no process of the group is left (the pool's workers included)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    return False


def in_terminal(path: Path, columns: int, lines: int) -> tuple[subprocess.Popen[bytes], int]:
    """`sidebyside PATH` in a new pseudo-terminal of this size, in a session of its own (so
    `kill_group` ends whatever it started): the process and the terminal's master end."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)}
    process = subprocess.Popen(
        [sys.executable, "-m", "sidebyside", str(path)],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    return process, master


ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[A-Za-z]")


def quit_tui(
    folder: Path, marker: bytes, *, settle: float, timeout: float = 30.0, key: bytes = b"q"
) -> tuple[float | None, int | None]:
    """Open the TUI on `folder` in a pty, press `key` (`q`) `settle` s after `marker` is on screen.

    Returns (seconds from `q` until the process was gone, its exit status), or
    (None, None) when it was still running `EXIT_WITHIN` + 1 s after `q`. Raises if the
    marker never showed.
    """
    process, master = in_terminal(folder, 160, 45)
    screen, seen_at, quit_at = b"", None, None
    start = time.monotonic()
    try:
        while process.poll() is None:
            now = time.monotonic()
            if quit_at is not None and now - quit_at > EXIT_WITHIN + 1:
                return None, None
            if quit_at is None and now - start > timeout:
                raise AssertionError(f"{marker!r} never showed in {timeout:.0f} s")
            if select.select([master], [], [], 0.02)[0]:
                with contextlib.suppress(OSError):  # EIO: the pty closed, the process is ending
                    screen = (screen + os.read(master, 1 << 16))[-(1 << 16) :]
            if seen_at is None and marker in ESCAPES.sub(b"", screen):
                seen_at = time.monotonic()
            if quit_at is None and seen_at is not None and time.monotonic() - seen_at >= settle:
                os.write(master, key)
                quit_at = time.monotonic()
        assert quit_at is not None, f"the app ended before q: {ESCAPES.sub(b'', screen)[-400:]!r}"
        took = time.monotonic() - quit_at
        # the story's own process (commands/story_worker.py) and its pool end with the app
        assert group_gone(process.pid, EXIT_WITHIN), "a process the app started outlived it"
        return took, process.returncode
    finally:
        kill_group(process)
        os.close(master)


@pytest.mark.parametrize("key", [b"q", b"\x03"], ids=["q", "one ctrl-c"])
def test_quitting_while_the_matrix_computes_ends_the_process(big_story, key):
    # Loaded ("2000 articles · Enter reads ..."): the matrix worker is comparing pairs.
    # One Ctrl-C is enough (Textual's default only says "Press ctrl+q to quit").
    took, status = quit_tui(big_story, f"{ARTICLES} articles \u00b7".encode(), settle=0.5, key=key)
    assert took is not None, f"still running {EXIT_WITHIN + 1:.0f} s after q (the matrix worker kept going)"
    assert took <= EXIT_WITHIN and status == 0


def test_quitting_at_the_first_paint_while_loading_ends_the_process(big_story):
    took, status = quit_tui(big_story, "Loading\u2026".encode(), settle=0.0)
    assert took is not None, f"still running {EXIT_WITHIN + 1:.0f} s after q"
    assert took <= EXIT_WITHIN and status == 0


@pytest.mark.parametrize(
    ("signum", "to_group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False), (signal.SIGHUP, False)],
    ids=["ctrl-c to the terminal's group", "SIGTERM to the command alone", "SIGHUP to the command alone"],
)
def test_a_signal_during_a_headless_overlap_ends_it_and_its_workers_quietly(big_story, signum, to_group):
    # Ctrl-C reaches the whole process group, as a terminal sends it. `kill PID`, `timeout`
    # or a supervisor reach the parent alone: it died at once, and each busy worker then
    # printed "Process ForkPoolWorker-N:" with a BrokenPipeError traceback.
    process = subprocess.Popen(
        [sys.executable, "-m", "sidebyside", "overlap", str(big_story), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        # Wait for the worker processes: the signal must find them busy.
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        if not children.exists():
            pytest.skip("this kernel does not list a process's children in /proc")
        deadline = time.monotonic() + 30
        while not children.read_text().split():
            assert process.poll() is None and time.monotonic() < deadline, "overlap never started its workers"
            time.sleep(0.02)
        time.sleep(0.3)  # the workers are busy comparing
        if to_group:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        sent = time.monotonic()
        try:
            _, err = process.communicate(timeout=EXIT_WITHIN + 1)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {EXIT_WITHIN + 1:.0f} s after {signal.Signals(signum).name}")
        took = time.monotonic() - sent
        assert "Traceback" not in err and "ForkPoolWorker" not in err, err
        assert process.returncode == 128 + signum and took <= EXIT_WITHIN
        assert group_gone(process.pid, 1.0), "a worker process outlived the command"
    finally:
        kill_group(process)


# --- the pieces, in-process ----------------------------------------------------------------


def small_articles(count: int) -> list:
    """`count` articles that share wire lines, as `make_story` writes them (enough for the bounds)."""
    from sidebyside.model import Article

    rng = random.Random(7)
    words = [f"w{k}" for k in range(400)]
    wire = [" ".join(rng.choices(words, k=10)).capitalize() + "." for _ in range(20)]
    return [
        Article(f"{n}.txt", f"{n}.txt", None, None, None, None, None, tuple(rng.sample(wire, 3) + [f"Own line {n}."]))
        for n in range(count)
    ]


def test_should_stop_ends_the_rows_at_once():
    from sidebyside.analysis.overlap import overlap_rows

    stop, asked_after = False, 0

    def should_stop() -> bool:
        nonlocal asked_after
        asked_after += stop
        return stop

    rows = []
    for row in overlap_rows(small_articles(30), workers=1, should_stop=should_stop):
        rows.append(row.index)
        stop = True  # the user quits once the first row is on screen
    assert rows == [0] and asked_after == 1  # no row, not even one more pair, after the stop


def test_should_stop_is_asked_between_the_pairs_of_one_row():
    """One row of a big story is thousands of pairs: waiting for its end is not stopping."""
    from sidebyside.analysis import overlap
    from sidebyside.analysis.alignment_cache import AlignmentCache
    from sidebyside.analysis.pool import Stopped

    articles = small_articles(30)
    work = overlap._Work.of(articles, AlignmentCache(), overlap.DEFAULT_PARAMS)
    asked = 0

    def stop_at_the_third_pair() -> bool:
        nonlocal asked
        asked += 1
        return asked == 3

    with pytest.raises(Stopped):
        work.counts(0, stop_at_the_third_pair)
    assert asked == 3 < len(work.sides) - 1


def test_stop_when_reaches_work_mapped_in_this_process():
    """The story's bounds run through `forked_map`: a stop is seen between two chunks."""
    from sidebyside.analysis.pool import Stopped, forked_map, stop_when

    done: list[int] = []
    with stop_when(lambda: len(done) >= 2), pytest.raises(Stopped):
        for n in forked_map(lambda n: n, range(10), workers=1):
            done.append(n)
    assert done == [0, 1]


def _sigint_ignored(_: int) -> bool:
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_pool_workers_leave_ctrl_c_to_the_parent():
    from sidebyside.analysis.pool import can_fork, forked_map

    if not can_fork():
        pytest.skip("no fork here")
    assert list(forked_map(_sigint_ignored, range(4), workers=2)) == [True] * 4
    assert not _sigint_ignored(0)  # the parent still hears it


def test_a_file_with_nothing_usable_ends_the_tui_with_status_2(tmp_path: Path) -> None:
    """An empty file in a terminal: the message and status 2. Leaving while the first screen's
    header was still being mounted made Textual raise ("1 of 2 errors shown", status 1)."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    process, master = in_terminal(empty, 120, 40)
    output = b""
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready = select.select([master], [], [], 0.05)[0]
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # EIO: the pty closed, the process has ended
                    break
                output += chunk
            elif process.poll() is not None:
                break
        process.wait(timeout=5)
    finally:
        kill_group(process)
        os.close(master)
    text = ESCAPES.sub(b"", output).decode("utf-8", "replace")
    assert "nothing to open: no usable articles" in text
    assert "errors shown" not in text and "Traceback" not in text
    assert process.returncode == 2
