"""Where the bundled story lives (no other import: `sidebyside` finds it before anything loads)."""

from __future__ import annotations

from pathlib import Path


def bundled_story() -> Path:
    """The bundled story: packaged beside the code in a wheel, top-level `seeds/` in a checkout."""
    packaged = Path(__file__).parents[1] / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "seeds"
