"""Regenerate the SVG screenshots in screenshots/ from the bundled story.

    python scripts/screenshots.py

Each shot is the app at a fixed size after a fixed list of key presses, so the pictures
in the README always show the current screens.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from sidebyside.cli import bundled_seeds
from sidebyside.ingest.story import load_story
from sidebyside.tui.app import make_app

OUT = Path(__file__).resolve().parents[1] / "screenshots"

#: file name -> (size, keys pressed before the shot)
SHOTS: dict[str, tuple[tuple[int, int], list[str]]] = {
    "articles.svg": ((120, 32), []),
    "reader.svg": ((120, 32), ["down", "down", "down", "enter"]),
    "compare.svg": ((120, 32), ["down", "down", "down", "space", "space", "c", "n"]),
    "compare-sidebar.svg": ((150, 36), ["down", "down", "down", "space", "space", "c", "n"]),
    "quote-sheet.svg": ((120, 32), ["w", "down", "down"]),
    "help.svg": ((120, 32), ["question_mark"]),
    "story.svg": ((120, 32), ["s", "f", "down", "down", "right", "right", "right", "right"]),
    "framing.svg": ((120, 32), ["F"]),
}


async def shoot(name: str, size: tuple[int, int], keys: list[str]) -> None:
    app = make_app(load_story([str(bundled_seeds())]))
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause(0.3)
        app.save_screenshot(filename=name, path=str(OUT))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, (size, keys) in SHOTS.items():
        asyncio.run(shoot(name, size, keys))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
