"""Shared fixtures: the bundled story, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.ingest.story import load_story
from sidebyside.model import Article, Story

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_story() -> Story:
    return load_story([str(SEEDS)])


async def settled(pilot) -> None:
    """Wait until the app has loaded the story and filled the overlap matrix."""
    app = pilot.app
    for _ in range(400):
        if not app.loading and not app.comparing and app.matrix and all(r is not None for r in app.matrix):
            break
        await pilot.pause(0.02)
    await pilot.pause()


def make_article(*paragraphs: str | list[str]) -> Article:
    """An article from paragraphs; a paragraph is a sentence or a list of sentences."""
    sentences: list[str] = []
    owners: list[int] = []
    for number, paragraph in enumerate(paragraphs):
        for sentence in [paragraph] if isinstance(paragraph, str) else paragraph:
            sentences.append(sentence)
            owners.append(number)
    return Article("t.txt", "t.txt", "Test", None, None, None, None, tuple(sentences), tuple(owners))
