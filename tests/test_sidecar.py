"""Sidecars: the journalist's corrections win over detection; a broken one is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.ingest.sidecar import SidecarError, overrides_for
from sidebyside.ingest.story import load_story
from sidebyside.model import Article

ARTICLE = (
    "Strike halts trains across the north\n"
    "LONDON (Reuters) - Rail workers walked out on Tuesday in the biggest strike in three decades, halting most "
    "trains.\n"
    "The union said 40,000 members had joined the action, which is set to last 48 hours.\n"
)


def load_one(path: Path) -> Article:
    """The article in the file at `path`, loaded as the app loads it (sidecars applied)."""
    story = load_story([str(path)])
    assert story.problems == ()
    (article,) = story.articles
    return article


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "01_wire.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_no_sidecar_means_no_overrides(article: Path) -> None:
    assert overrides_for(article) == {}
    assert load_one(article).outlet == "Reuters"


@pytest.mark.parametrize("name", ["01_wire.txt.meta.toml", "01_wire.meta.toml"])
def test_article_sidecar_overrides_detection(article: Path, name: str) -> None:
    (article.parent / name).write_text('outlet = "Capital Courier"\ntitle = "Rail strike"\ndate = 2024-06-04\n')
    loaded = load_one(article)
    assert (loaded.outlet, loaded.title, loaded.date) == ("Capital Courier", "Rail strike", "2024-06-04")
    assert loaded.dateline == "LONDON"  # not named in the sidecar: detection stays


def test_story_toml_overrides_by_file_name_or_stem(article: Path) -> None:
    other = article.with_name("02_other.txt")
    other.write_text(ARTICLE, encoding="utf-8")
    (article.parent / "story.toml").write_text(
        '["01_wire.txt"]\noutlet = "Northern Wire"\n\n[02_other]\nbyline = "Jane Doe"\n', encoding="utf-8"
    )
    assert load_one(article).outlet == "Northern Wire"
    assert load_one(other).byline == "Jane Doe"
    assert load_one(other).outlet == "Reuters"


def test_the_articles_own_sidecar_wins_over_story_toml(article: Path) -> None:
    (article.parent / "story.toml").write_text('["01_wire.txt"]\noutlet = "From story"\ntitle = "Story title"\n')
    (article.parent / "01_wire.txt.meta.toml").write_text('outlet = "From sidecar"\n')
    loaded = load_one(article)
    assert (loaded.outlet, loaded.title) == ("From sidecar", "Story title")


def test_an_empty_value_clears_a_wrong_detection(article: Path) -> None:
    (article.parent / "01_wire.meta.toml").write_text('outlet = ""\n')
    assert load_one(article).outlet is None


def test_unknown_keys_are_ignored(article: Path) -> None:
    (article.parent / "01_wire.meta.toml").write_text('colour = "red"\nsentences = ["x"]\noutlet = "X"\n')
    assert overrides_for(article) == {"outlet": "X"}


def test_sidecars_are_not_read_as_articles(article: Path) -> None:
    (article.parent / "01_wire.txt.meta.toml").write_text('outlet = "X"\n')
    (article.parent / "story.toml").write_text("")
    story = load_story([str(article.parent)])
    assert [a.id for a in story.articles] == ["01_wire.txt"]
    assert story.problems == ()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("01_wire.meta.toml", "outlet = ", "not valid TOML"),
        ("01_wire.meta.toml", 'outlet = "unterminated\n', "not valid TOML"),
        ("01_wire.meta.toml", "outlet = [1, 2]\n", "'outlet' should be text"),
        ("01_wire.meta.toml", "outlet = true\n", "'outlet' should be text"),
        ("story.toml", '"01_wire.txt" = "Reuters"\n', "should be a table"),
        ("story.toml", '[["01_wire.txt"]]\n', "should be a table"),
    ],
)
def test_a_malformed_sidecar_is_a_clear_error(article: Path, name: str, content: str, reason: str) -> None:
    (article.parent / name).write_text(content, encoding="utf-8")
    with pytest.raises(SidecarError, match=reason) as caught:
        overrides_for(article)
    assert caught.value.path.name == name
    assert "\n" not in caught.value.reason


def test_a_sidecar_that_is_not_utf8_is_a_clear_error(article: Path) -> None:
    (article.parent / "01_wire.meta.toml").write_bytes(b'outlet = "Caf\xe9"\n')
    with pytest.raises(SidecarError, match="not UTF-8"):
        overrides_for(article)


def test_a_broken_story_toml_is_reported_once_and_the_articles_still_open(article: Path) -> None:
    article.with_name("02_other.txt").write_text(ARTICLE, encoding="utf-8")
    (article.parent / "story.toml").write_text("this is = = not toml", encoding="utf-8")
    story = load_story([str(article.parent)])
    assert [a.id for a in story.articles] == ["01_wire.txt", "02_other.txt"]
    assert all(a.outlet == "Reuters" for a in story.articles)  # detection still applies
    assert len(story.problems) == 1
    problem = story.problems[0]
    assert problem.path.endswith("story.toml") and "not valid TOML" in problem.message
