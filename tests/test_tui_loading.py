"""Large folders: the Articles table fills in from a worker and answers keys meanwhile; worker
results that arrive after their screen has gone are dropped, not shown."""

from __future__ import annotations

import asyncio
import itertools
import shutil
import threading
import time

from textual import events
from textual.widgets import DataTable, ProgressBar

from sidebyside.tui.app import make_app
from sidebyside.tui.messages import OverlapRow, OverlapStarted
from sidebyside.tui.screens.articles import ArticlesScreen

from conftest import SEEDS, settled

COPIES = 1000


def big_folder(tmp_path):
    seeds = sorted(SEEDS.iterdir())
    for i in range(COPIES):
        source = seeds[i % len(seeds)]
        shutil.copy(source, tmp_path / f"{i:04d}_{source.name}")
    (tmp_path / "empty.txt").write_text("")
    return tmp_path


async def test_first_rows_show_fast_and_keys_answer_while_loading(tmp_path):
    folder = big_folder(tmp_path)
    app = make_app(paths=[folder])
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        started = time.monotonic()
        while table.row_count == 0:
            await pilot.pause(0.01)
        assert time.monotonic() - started < 2.0, "first rows within 2 s"
        while table.row_count < 3:
            await pilot.pause(0.01)
        assert app.loading, "the rest is still loading"
        assert app.screen.query_one(ProgressBar).display

        # Post the key as a terminal would and time the answer (pilot.press would wait for
        # the app to be idle, which it is not until the folder is loaded).
        pressed = time.monotonic()
        app.post_message(events.Key("down", None))
        while table.cursor_row != 1 and time.monotonic() - pressed < 5:
            await asyncio.sleep(0.005)
        answered = time.monotonic() - pressed
        assert table.cursor_row == 1
        assert answered < 0.5, f"a key press took {answered:.2f} s while loading"
        assert app.loading, "the key was answered during the load, not after it"

        while app.loading:
            await pilot.pause(0.05)
        assert table.row_count == COPIES
        # The bar then tells the overlap matrix's progress (a big story's rows can land at
        # once), and goes once the matrix is complete.
        while app.comparing or not app.matrix or None in app.matrix:
            await pilot.pause(0.05)
        assert not app.screen.query_one(ProgressBar).display
        assert any("empty.txt: empty file" in n.message for n in app._notifications)


async def test_a_folder_with_nothing_usable_ends_the_app_with_a_message(tmp_path):
    (tmp_path / "a.txt").write_text("")
    app = make_app(paths=[tmp_path / "a.txt"])
    async with app.run_test() as pilot:
        while app.loading:
            await pilot.pause(0.05)
        await pilot.pause()
    assert app.return_code == 2


async def test_worker_results_after_the_screen_has_gone_do_not_crash(seeds_story):
    """Regression: a worker's rows arriving while the app shut down raised NoMatches '#summary'.

    A thread posts rows as the overlap worker does, before and all through the shutdown, so
    some are handled while the Articles screen is torn down: they must be dropped, not shown.
    """
    app = make_app(seeds_story)
    count = len(seeds_story.articles)
    stop = threading.Event()

    def worker() -> None:
        for i in itertools.count():
            if stop.is_set():
                return
            app.post_message(OverlapRow(i % count, (0.5,) * count, i, 10**6))
            time.sleep(0.00005)

    thread = threading.Thread(target=worker, daemon=True)
    async with app.run_test() as pilot:
        await settled(pilot)
        screen = app.screen
        thread.start()
        await pilot.pause(0.1)
    stop.set()
    thread.join()
    assert not screen.is_live


async def test_worker_results_for_a_dismissed_screen_update_the_app_only(seeds_story):
    """The Articles screen is the app's first screen and stays; a second one, dismissed, is
    never touched by what the workers deliver afterwards."""
    from sidebyside.tui.widgets.matrix_view import MatrixView

    app = make_app(seeds_story)
    async with app.run_test() as pilot:
        await settled(pilot)
        first = app.screen
        second = ArticlesScreen()
        await app.push_screen(second)
        await pilot.pause()
        view = second.query_one(MatrixView)
        shown = view.rows
        app.pop_screen()
        await pilot.pause()
        assert not second.is_live and first.is_live
        count = len(seeds_story.articles)
        app.post_message(OverlapStarted(count))
        app.post_message(OverlapRow(1, (0.25,) * count, 1, count))
        await pilot.pause()
        assert app.matrix[1] == (0.25,) * count and app.matrix[0] is None
        assert first.query_one(MatrixView).rows == app.matrix
        assert view.rows == shown
