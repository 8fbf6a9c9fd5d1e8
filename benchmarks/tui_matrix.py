"""Benchmark: the overlap matrix in the TUI against `sidebyside overlap` (issue 13).

Target: for a 300-article story, the TUI has the whole matrix within 1.5x the time the
CLI takes to print it. Both are timed as fresh processes from their start, loading
included, on the same generated folder (`make_story.py`: wire texts, edited reprints and
outlets' own reporting, distinct sentences from a 30,000-word vocabulary; the number of
distinct sentences is printed):

- CLI: what `sidebyside overlap` computes for the matrix (loading, then `overlap_matrix`
  with its process pool, then `closest`), as a script; and, for information, the whole
  command, which also finds the copy claims (`copy.find_reuse`).
- TUI: the app as `sidebyside DIR` builds it (the story process forked before Textual
  is imported, `commands/story_worker.py`), run headless (`App.run_test`, 120 x 40) until
  every row of the matrix is in and the Closest column is filled.
- TUI, one thread: the app computing the matrix in its own worker thread, as it did
  before the story process (and as it still does when that process is lost).

The three run alternately, round after round; the per-round ratios to the CLI are
printed with their min and max.

    python benchmarks/tui_matrix.py [--count 300] [--rounds 3]

Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_story import make_story

TUI = """
import time
start = time.perf_counter()
import asyncio, sys
folder, background = sys.argv[1], sys.argv[2] == "process"
worker = None
if background:
    from sidebyside.commands.story_worker import StoryWorker
    worker = StoryWorker.start([folder])
from sidebyside.tui.app import make_app
app = make_app(paths=[folder], background=worker)
async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        while app.loading or app.comparing or not app.matrix or not all(r is not None for r in app.matrix):
            await pilot.pause(0.02)
asyncio.run(main())
print(time.perf_counter() - start)
if worker is not None:
    worker.stop()
"""


#: What `sidebyside overlap` computes for its matrix (load, then `overlap_matrix` with its
#: process pool), without the copy claims the command also prints.
CLI_MATRIX = """
import sys
from sidebyside.analysis.overlap import closest, overlap_matrix
from sidebyside.ingest.story import load_story
articles = load_story([sys.argv[1]]).articles
closest(articles, overlap_matrix(articles, workers=None))
"""


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        make_story(Path(tmp), args.count, 20190512)
        from sidebyside.analysis.text import normalise
        from sidebyside.ingest.story import load_story

        story = load_story([tmp])
        sentences = [normalise(s) for a in story.articles for s in a.sentences]
        print(f"{len(story.articles)} articles, {len(sentences)} sentences, {len(set(sentences))} distinct")
        commands = {
            "CLI's matrix (load + overlap_matrix)": [py, "-c", CLI_MATRIX, tmp],
            "sidebyside overlap --format json": [py, "-m", "sidebyside", "overlap", tmp, "--format", "json"],
            "TUI, story process": [py, "-c", TUI, tmp, "process"],
            "TUI, one thread": [py, "-c", TUI, tmp, "thread"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, cmd in commands.items():
                times[name].append(wall(cmd))
    cli = times["CLI's matrix (load + overlap_matrix)"]
    for name, measured in times.items():
        line = (
            f"{name:<36} median {statistics.median(measured):6.2f} s (min {min(measured):.2f}, max {max(measured):.2f})"
        )
        if measured is not cli:
            ratios = [t / c for t, c in zip(measured, cli, strict=True)]
            line += f"   / CLI {statistics.median(ratios):.2f} x (min {min(ratios):.2f}, max {max(ratios):.2f})"
        print(line)
    print("target: TUI with the story process <= 1.5 x the CLI")


if __name__ == "__main__":
    main()
