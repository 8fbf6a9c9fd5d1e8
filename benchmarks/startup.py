"""Start-up cost: headless commands and the TUI's first screen, against a bare Textual app.

    python benchmarks/startup.py [--runs 10]

Each figure is the median wall time of fresh processes (imports included, as a user pays
them). The TUI runs headless (`App.run_test`) until the Articles table shows the seeds'
rows; the bare app until its first screen is mounted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

TUI = """
import asyncio
from sidebyside.tui.app import make_app
from textual.widgets import DataTable
async def main():
    app = make_app(paths=[{seeds!r}])
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query(DataTable) or app.screen.query_one(DataTable).row_count < {rows}:
            await pilot.pause(0.005)
asyncio.run(main())
"""

BARE = """
import asyncio
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.005)
asyncio.run(main())
"""


def median_time(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    # A pip install byte-compiles the package; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module in every process instead.
    import compileall

    import sidebyside

    compileall.compile_dir(Path(sidebyside.__file__).parent, quiet=1)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    py = sys.executable
    rows = [
        ("sidebyside --version", [py, "-m", "sidebyside", "--version"]),
        (
            "sidebyside articles seeds --format json",
            [py, "-m", "sidebyside", "articles", str(SEEDS), "--format", "json"],
        ),
        ("sidebyside quotes seeds --format json", [py, "-m", "sidebyside", "quotes", str(SEEDS), "--format", "json"]),
        (
            "sidebyside compare 003 004 --format json",
            [py, "-m", "sidebyside", "compare", *sorted(str(p) for p in SEEDS.iterdir())[3:5], "--format", "json"],
        ),
        ("bare Textual app, first screen", [py, "-c", BARE]),
        ("sidebyside TUI, first screen drawn", [py, "-c", TUI.format(seeds=str(SEEDS), rows=0)]),
        ("sidebyside TUI, all five seed rows shown", [py, "-c", TUI.format(seeds=str(SEEDS), rows=5)]),
    ]
    results = {}
    for name, cmd in rows:
        results[name] = median_time(cmd, runs)
        print(f"{name:45s} {results[name] * 1000:7.0f} ms")
    bare = results["bare Textual app, first screen"]
    for name in ("sidebyside TUI, first screen drawn", "sidebyside TUI, all five seed rows shown"):
        print(f"{name + ' / bare':45s} {results[name] / bare:7.2f} x   (target <= 1.5 for the first screen)")


if __name__ == "__main__":
    main()
