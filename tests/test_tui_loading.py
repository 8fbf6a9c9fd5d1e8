"""Large folders: the Articles table fills in from a worker and answers keys meanwhile."""

from __future__ import annotations

import asyncio
import shutil
import time

from conftest import SEEDS
from textual import events
from textual.widgets import DataTable, ProgressBar

from sidebyside.tui.app import SideBySideApp

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
    app = SideBySideApp(paths=[str(folder)])
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
        assert not app.screen.query_one(ProgressBar).display
        assert any("empty.txt: empty file" in n.message for n in app._notifications)


async def test_a_folder_with_nothing_usable_ends_the_app_with_a_message(tmp_path):
    (tmp_path / "a.txt").write_text("")
    app = SideBySideApp(paths=[str(tmp_path / "a.txt")])
    async with app.run_test() as pilot:
        while app.loading:
            await pilot.pause(0.05)
        await pilot.pause()
    assert app.return_code == 2
