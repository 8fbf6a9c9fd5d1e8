"""Start-up cost: the TUI's first paint on a terminal against a bare one-table Textual app,
the headless commands, and start-and-quit runs that must never crash (issue 13).

    python benchmarks/startup.py [--runs 15] [--quits 50] [--commands 5]

**First paint.** Each app runs in a real pseudo-terminal (120 × 40, TERM=xterm-256color), as
a user starts it; the clock runs from spawning the process until the terminal has received
the words the user is waiting for: for `sidebyside` (the bundled story) all five outlets'
rows of the Articles table, for the bare app (a Textual App with one DataTable of five
rows, nothing else) its five rows. Then Ctrl-Q is sent and the time until the process has
gone is taken too. The two apps run alternately, round after round, so load on the machine
hits both alike; the per-round ratios' median, min and max are printed.

**Start and quit.** `--quits` runs of `sidebyside` quit at once after the first paint (or,
every other run, after a random 0–1.5 s, while the matrix and the quotes are still being
computed): each must end with exit status 0 and print no traceback.

**Commands.** Median wall time of fresh processes of the headless commands on the seeds.

The package is byte-compiled first: a pip install does that, and an editable checkout run
with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module in every process.
Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OUTLETS = [b"Reuters", b"SMA News", b"AFP", b"Asharq Al-Awsat", b"Haftar tells France"]

BARE = """
from textual.app import App
from textual.widgets import DataTable
class Bare(App):
    def compose(self):
        yield DataTable()
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("id", "outlet", "sents", "headline")
        for n in range(1, 6):
            table.add_row(f"00{n}.txt", f"Outlet{n}", str(10 + n), f"Headline number {n}")
Bare().run()
"""
BARE_MARKERS = [f"Outlet{n}".encode() for n in range(1, 6)]


@dataclass
class Run:
    paint: float | None  # seconds to the awaited words, None if they never came
    gone: float | None  # seconds from the quit key to the process's end
    status: int | None
    output: bytes


def in_terminal(cmd: list[str], markers: list[bytes], quit_after: float = 0.0, timeout: float = 30.0) -> Run:
    """Start `cmd` in a 120 × 40 pseudo-terminal, wait for every marker, quit with Ctrl-Q."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    env.pop("NO_COLOR", None)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen = b""
    paint = None
    deadline = start + timeout
    # Only the printable text counts: Textual interleaves escape sequences with the words.
    while paint is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if all(marker in seen for marker in markers):
                paint = time.perf_counter() - start
        if proc.poll() is not None:
            break
    if quit_after:
        end_wait = time.perf_counter() + quit_after
        while time.perf_counter() < end_wait:
            if select.select([master], [], [], 0.05)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
    quit_at = time.perf_counter()
    with suppress(OSError):
        os.write(master, b"\x11")  # Ctrl-Q
    status = None
    while time.perf_counter() < quit_at + timeout:
        if select.select([master], [], [], 0.05)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            seen += chunk
        status = proc.poll()
        if status is not None:
            break
    gone = time.perf_counter() - quit_at if status is not None else None
    if status is None:
        proc.kill()
        proc.wait()
    os.close(master)
    return Run(paint, gone, status, seen)


def ratio_summary(label: str, ours: list[float], base: list[float], target: float) -> str:
    ratios = [o / b for o, b in zip(ours, base, strict=True)]
    return (
        f"{label:<44}{statistics.median(ratios):6.2f} x  (min {min(ratios):.2f}, max {max(ratios):.2f}; "
        f"target <= {target})"
    )


def first_paint(runs: int) -> None:
    py = sys.executable
    ours_cmd = [py, "-m", "sidebyside"]
    bare_cmd = [py, "-c", BARE]
    in_terminal(ours_cmd, OUTLETS)  # warm the file cache
    in_terminal(bare_cmd, BARE_MARKERS)
    ours: list[Run] = []
    bare: list[Run] = []
    for _ in range(runs):
        ours.append(in_terminal(ours_cmd, OUTLETS))
        bare.append(in_terminal(bare_cmd, BARE_MARKERS))
    failed = [r for r in ours + bare if r.paint is None]
    if failed:
        print(f"{len(failed)} runs never painted; last output: {failed[-1].output[-400:]!r}")
        return
    o = [r.paint for r in ours if r.paint is not None]
    b = [r.paint for r in bare if r.paint is not None]
    print(f"first paint, {runs} alternating runs each, 120 x 40 pseudo-terminal")
    print(f"bare Textual app, one 5-row table: median {statistics.median(b) * 1000:6.0f} ms  (min {min(b) * 1000:.0f})")
    print(f"sidebyside, the seeds' five rows:  median {statistics.median(o) * 1000:6.0f} ms  (min {min(o) * 1000:.0f})")
    print(ratio_summary("sidebyside / bare app, first paint:", o, b, 1.2))
    og = [r.gone for r in ours if r.gone is not None]
    bg = [r.gone for r in bare if r.gone is not None]
    if og and bg:
        print(f"Ctrl-Q to process gone: sidebyside median {statistics.median(og) * 1000:.0f} ms, "
              f"bare {statistics.median(bg) * 1000:.0f} ms")  # fmt: skip


def start_and_quit(count: int) -> None:
    rng = random.Random(13)
    bad = []
    times = []
    for k in range(count):
        wait = 0.0 if k % 2 == 0 else rng.uniform(0, 1.5)
        run = in_terminal([sys.executable, "-m", "sidebyside"], OUTLETS, quit_after=wait)
        crashed = run.status != 0 or b"Traceback" in run.output or run.paint is None
        if crashed:
            bad.append((k, wait, run))
        if run.gone is not None:
            times.append(run.gone)
    print(f"\nstart and quit: {count} runs (quit at once or after 0-1.5 s): {count - len(bad)} clean, {len(bad)} not")
    for k, wait, run in bad[:3]:
        print(f"  run {k} (quit after {wait:.2f} s): status {run.status}, output tail {run.output[-300:]!r}")
    if times:
        print(
            f"  quit to process gone: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
        )


def commands(runs: int) -> None:
    py = sys.executable
    pair = sorted(str(p) for p in SEEDS.iterdir())[3:5]
    rows = [
        ("sidebyside --version", [py, "-m", "sidebyside", "--version"]),
        ("sidebyside articles seeds --format json", [py, "-m", "sidebyside", "articles", str(SEEDS), "--format", "json"]),  # noqa: E501
        ("sidebyside quotes seeds --format json", [py, "-m", "sidebyside", "quotes", str(SEEDS), "--format", "json"]),
        ("sidebyside compare 003 004 --format json", [py, "-m", "sidebyside", "compare", *pair, "--format", "json"]),
        ("sidebyside overlap seeds --format json", [py, "-m", "sidebyside", "overlap", str(SEEDS), "--format", "json"]),
    ]  # fmt: skip
    print(f"\nheadless commands, median of {runs} fresh processes:")
    for name, cmd in rows:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        print(f"{name:45s} {statistics.median(times) * 1000:7.0f} ms")


def main() -> None:
    import compileall

    import sidebyside

    compileall.compile_dir(Path(sidebyside.__file__).parent, quiet=1)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="alternating first-paint runs of each app (0: skip)")
    parser.add_argument("--quits", type=int, default=50, help="start-and-quit runs (0: skip)")
    parser.add_argument("--commands", type=int, default=5, help="runs of each headless command (0: skip)")
    args = parser.parse_args()
    if args.runs:
        first_paint(args.runs)
    if args.quits:
        start_and_quit(args.quits)
    if args.commands:
        commands(args.commands)


if __name__ == "__main__":
    main()
