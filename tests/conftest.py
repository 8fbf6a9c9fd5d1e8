"""Shared fixtures: the bundled story, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.ingest.story import load_story
from sidebyside.model import Story

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_story() -> Story:
    return load_story([str(SEEDS)])
