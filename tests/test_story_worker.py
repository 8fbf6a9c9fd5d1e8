"""The TUI's story process (`commands/story_worker.py`): what it sends is what the app
would have read and computed itself, and the app carries on when it is lost.

`sidebyside [PATH...]` forks it before importing Textual so that reading the story and the
overlap matrix run on the other core (issue 13: first paint, and a matrix as fast as the
CLI's). These tests fork it from the test process, as the CLI does, and compare its
events with `load_story` and `overlap_matrix` run here.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from sidebyside.analysis.overlap import POOL_MIN_ARTICLES, closest, overlap_matrix
from sidebyside.commands.story_worker import LOST_STATUS, Child, Lost, Pipe, StoryWorker, _serve
from sidebyside.ingest.story import load_story
from sidebyside.tui.app import make_app

DATA = Path(__file__).parent / "data"
STORY = str(DATA / "harbour_chemical_fire")


def started(paths: list[str]) -> StoryWorker:
    worker = StoryWorker.start(paths)
    assert worker is not None, "Linux forks: the worker must start"
    return worker


def collect(worker: StoryWorker) -> list[tuple[object, ...]]:
    try:
        return list(worker.events())
    finally:
        worker.stop()


def test_the_events_are_the_story_and_its_matrix_in_order() -> None:
    events = collect(started([STORY]))
    kinds = [e[0] for e in events]
    assert kinds[0] == "batch" and kinds[-1] == "done"
    loaded = kinds.index("loaded")
    assert set(kinds[:loaded]) == {"batch"} and kinds[loaded + 1] == "started"
    articles = [a for e in events if e[0] == "batch" for a in e[1]]  # type: ignore[attr-defined]
    story = load_story([STORY])
    assert articles == list(story.articles)
    rows = {e[1]: list(e[2]) for e in events if e[0] == "row"}  # type: ignore[call-overload]
    matrix = overlap_matrix(story.articles)
    assert [rows[i] for i in range(len(articles))] == matrix
    assert events[loaded + 1] == ("started", len(articles))
    assert events[-1] == ("done", closest(story.articles, matrix))  # worked out in the child


def test_a_big_story_uses_the_process_pool_as_the_cli_does(tmp_path: Path) -> None:
    """From `POOL_MIN_ARTICLES` articles the matrix runs on a pool of the child's own."""
    for n in range(POOL_MIN_ARTICLES):
        body = " ".join(f"Sentence {k} of report {n} about the harbour fire and the {n % 7} crews." for k in range(4))
        (tmp_path / f"{n:03d}.txt").write_text(f"Report {n}\n\n{body}\n", encoding="utf-8")
    events = collect(started([str(tmp_path)]))  # a failure in the child raises Lost here
    articles = [a for e in events if e[0] == "batch" for a in e[1]]  # type: ignore[attr-defined]
    rows = {e[1]: list(e[2]) for e in events if e[0] == "row"}  # type: ignore[call-overload]
    matrix = overlap_matrix(articles)
    assert len(articles) == POOL_MIN_ARTICLES and events[-1] == ("done", closest(articles, matrix))
    assert [rows[i] for i in range(len(articles))] == matrix


def test_problems_travel_with_the_articles(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(Path(STORY, sorted(os.listdir(STORY))[0]).read_text(encoding="utf-8"))
    (tmp_path / "empty.txt").write_text("")
    events = collect(started([str(tmp_path)]))
    problems = [p for e in events if e[0] == "batch" for p in e[2]]  # type: ignore[attr-defined]
    assert [Path(p.path).name for p in problems] == ["empty.txt"]
    assert [e[0] for e in events][-4:] == ["loaded", "started", "row", "done"]


def test_read_ready_gives_the_whole_story_once_read_and_keeps_the_rest() -> None:
    worker = started([STORY])
    try:
        deadline = time.monotonic() + 30
        story = worker.read_ready()
        while story is None and time.monotonic() < deadline:
            time.sleep(0.02)
            story = worker.read_ready()
        assert story == load_story([STORY])
        rest = list(worker.events())
    finally:
        worker.stop()
    assert rest[0] == ("started", len(story.articles)) and rest[-1][0] == "done"
    assert len([e for e in rest if e[0] == "row"]) == len(story.articles)


def test_a_killed_process_is_reported_as_lost() -> None:
    worker = started([STORY])
    os.kill(worker.process.pid, signal.SIGKILL)
    with pytest.raises(Lost):
        collect(worker)


def test_the_process_ignores_ctrl_c_meant_for_the_app() -> None:
    worker = started([STORY])
    os.kill(worker.process.pid, signal.SIGINT)
    events = collect(worker)
    assert events[-1][0] == "done"


def test_the_process_stops_when_its_app_has_gone() -> None:
    """A child whose parent is not the app it was started for sends nothing and ends."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(theirs, [STORY], os.getpid() + 999_999))
    process.start()
    theirs.close()
    process.join(20)
    assert process.exitcode == 0
    with pytest.raises(EOFError):
        ours.recv()


async def test_the_app_shows_what_the_process_sends() -> None:
    story = load_story([STORY])
    app = make_app(paths=[STORY], background=started([STORY]))
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(
                pilot, lambda: not app.comparing and len(app.matrix) == len(story.articles) and all(app.matrix)
            )
            assert app.articles == list(story.articles)
            matrix = overlap_matrix(story.articles)
            assert [list(row or ()) for row in app.matrix] == matrix
            nearest = closest(story.articles, matrix)
            table = app.screen.query_one("#articles")
            shown = [str(table.get_cell(a.path, "closest")) for a in story.articles]  # type: ignore[attr-defined]
            labels = {a.id: a.label for a in story.articles}
            assert shown == [f"{n.share:.0%} {labels[n.other]}" if n.other else "—" for n in nearest]
            # Once it has sent everything, the app stops and reaps the process (its end of the
            # pipe closed), rather than leaving a zombie until quit. (`exitcode` would reap it.)
            background = app.background
            assert background is not None
            await _until(pilot, lambda: background.connection.closed)
            assert background.process.exitcode == 0
    finally:
        assert app.background is not None
        app.background.stop()


async def test_a_story_read_before_the_app_starts_is_in_its_first_frame() -> None:
    worker = started([STORY])
    deadline = time.monotonic() + 30
    while not worker.connection.poll(0.05) and time.monotonic() < deadline:
        pass
    time.sleep(0.5)  # the harbour story reads in well under this
    app = make_app(paths=[STORY], background=worker)
    try:
        assert not app.loading and len(app.articles) == len(load_story([STORY]).articles)
        async with app.run_test(size=(120, 40)) as pilot:
            assert app.screen.query_one("#articles").row_count == len(app.articles)  # type: ignore[attr-defined]
            await _until(pilot, lambda: not app.comparing and bool(app.matrix) and all(app.matrix))
    finally:
        worker.stop()


async def test_the_app_reads_and_compares_itself_when_the_process_is_lost() -> None:
    worker = started([STORY])
    os.kill(worker.process.pid, signal.SIGKILL)
    worker.process.join(5)
    story = load_story([STORY])
    app = make_app(paths=[STORY], background=worker)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: not app.loading and bool(app.matrix) and all(app.matrix) and not app.comparing)
        assert app.articles == list(story.articles)
        assert [list(row or ()) for row in app.matrix] == overlap_matrix(story.articles)


async def _until(pilot: object, condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)  # type: ignore[attr-defined]


def test_a_closed_pipe_refuses_to_read(tmp_path: Path) -> None:
    """Once closed, its descriptor's number may be another file's: poll and recv refuse
    rather than read that file."""
    ours, theirs = os.pipe()
    reader, writer = Pipe(ours), Pipe(theirs)
    writer.send(("loaded",))
    assert reader.poll(1) and reader.recv() == ("loaded",)
    reader.close()
    writer.close()
    other = tmp_path / "other"
    other.write_bytes(b"\x00" * 64)
    fd = os.open(other, os.O_RDONLY)  # the lowest free number: usually the pipe's own
    if fd != reader.fd:
        os.dup2(fd, reader.fd)
        os.close(fd)
    try:  # the pipe's number now names another file
        for call in (lambda: reader.poll(0), reader.recv):
            with pytest.raises(OSError):
                call()
    finally:
        os.close(reader.fd)


def test_a_child_reaped_elsewhere_counts_as_ended() -> None:
    """With SIGCHLD ignored the kernel reaps the child itself: `exitcode` must not wait for
    ever on a status nobody can read."""
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        child = Child(pid)
        deadline = time.monotonic() + 5
        while child.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert child.exitcode == LOST_STATUS
        started = time.monotonic()
        child.join(1)
        assert time.monotonic() - started < 0.5
    finally:
        signal.signal(signal.SIGCHLD, previous)
