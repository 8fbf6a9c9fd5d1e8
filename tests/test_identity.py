"""Article identity: two files that share a name are never taken for one another.

Everything downstream keys on `Article.id` (overlap rows, closest, reuse lines, quote
carriers, the TUI's Closest column), so the id must be unique in the story: the file name
where no other file has it, else the path from the folder that holds all the inputs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sidebyside import cli
from sidebyside.ingest.load import article_ids
from sidebyside.ingest.story import iter_story, load_story
from sidebyside.model import Article

from conftest import SEEDS

REUTERS = SEEDS / "000_141c9d3bbb55366e.txt"
SMA = SEEDS / "001_58bcf51014b2217e.txt"  # runs the Reuters copy word for word
AFP = SEEDS / "003_4d220cef3e03f249.txt"


@pytest.fixture
def twins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """d1/x.txt (Reuters), d2/x.txt (SMA News, the reprint) and d2/z.txt (AFP); cwd is tmp_path."""
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    shutil.copyfile(REUTERS, tmp_path / "d1" / "x.txt")
    shutil.copyfile(SMA, tmp_path / "d2" / "x.txt")
    shutil.copyfile(AFP, tmp_path / "d2" / "z.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert cli.main(list(argv)) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def outlets(articles: list[dict]) -> dict[str, str]:
    return {a["id"]: a["outlet"] for a in articles}


# --- the ids ---------------------------------------------------------------------------


def test_files_sharing_a_name_get_their_paths_and_unique_names_stay_bare(twins: Path) -> None:
    story = load_story(["d1", "d2"])
    assert story.problems == ()
    assert [(a.id, a.outlet) for a in story.articles] == [
        ("d1/x.txt", "Reuters"),
        ("d2/x.txt", "SMA News"),
        ("z.txt", "AFP"),
    ]


def test_ids_are_relative_to_the_common_folder_however_the_paths_are_given(twins: Path) -> None:
    expected = ["d1/x.txt", "d2/x.txt", "z.txt"]
    assert [a.id for a in load_story([str(twins / "d1"), str(twins / "d2")]).articles] == expected
    assert [a.id for a in load_story(["d1/x.txt", "./d2"]).articles] == expected
    (twins / "d1" / "sub").mkdir()
    shutil.copyfile(AFP, twins / "d1" / "sub" / "x.txt")
    assert [a.id for a in load_story(["d1", "d1/sub"]).articles] == ["x.txt", "sub/x.txt"]


def test_the_streamed_articles_carry_the_same_ids(twins: Path) -> None:
    """The TUI loads with iter_story: an article handed over early never changes name."""
    streamed = [item.id for item in iter_story(["d1", "d2"]) if isinstance(item, Article)]
    assert streamed == ["d1/x.txt", "d2/x.txt", "z.txt"]


def test_a_folder_of_distinct_names_keeps_bare_file_names(seeds_story) -> None:
    assert [a.id for a in seeds_story.articles] == sorted(p.name for p in SEEDS.iterdir())


def test_article_ids_never_repeat() -> None:
    assert article_ids([Path("a/x.txt"), Path("b/y.txt")]) == ["x.txt", "y.txt"]
    assert article_ids([Path("a/x.txt"), Path("b/c/x.txt")]) == ["a/x.txt", "b/c/x.txt"]
    # An escape sequence and the same characters typed literally print alike: the paths
    # tell them apart, or, in one folder, a number does.
    assert article_ids([Path("a/e\x1b.txt"), Path("b/e\\x1b.txt")]) == ["a/e\\x1b.txt", "b/e\\x1b.txt"]
    assert article_ids([Path("a/e\x1b.txt"), Path("a/e\\x1b.txt")]) == ["e\\x1b.txt", "e\\x1b.txt (2)"]


# --- what the ids feed -------------------------------------------------------------------


def test_overlap_json_names_the_right_article_in_every_field(twins: Path, capsys) -> None:
    payload = run_json(capsys, "overlap", "d1", "d2", "--format", "json")
    assert outlets(payload["articles"]) == {"d1/x.txt": "Reuters", "d2/x.txt": "SMA News", "z.txt": "AFP"}
    assert payload["closest"][0] == {"id": "d2/x.txt", "share": 1.0}
    assert payload["closest"][1] == {"id": "d1/x.txt", "share": 1.0}
    (reuse,) = payload["reuse"]
    assert (reuse["article"], reuse["source"]) == ("d2/x.txt", "d1/x.txt")
    assert reuse["line"].startswith("SMA News reprints Reuters")


def test_overlap_table_labels_each_row_with_its_own_outlet(twins: Path, capsys) -> None:
    assert cli.main(["overlap", "d1", "d2"]) == 0
    out = capsys.readouterr().out
    assert "1 Reuters" in out and "2 SMA News" in out and "3 AFP" in out


def test_articles_json_closest_points_at_the_other_file(twins: Path, capsys) -> None:
    payload = run_json(capsys, "articles", "d1", "d2", "--format", "json", "--closest")
    closest = {a["id"]: a["closest"]["id"] for a in payload["articles"]}
    assert closest["d1/x.txt"] == "d2/x.txt" and closest["d2/x.txt"] == "d1/x.txt"


def test_quote_carriers_carry_the_id_of_the_article_that_prints_them(twins: Path, capsys) -> None:
    payload = run_json(capsys, "quotes", "d1", "d2", "--format", "json")
    by_id = outlets(payload["articles"])
    assert set(by_id) == {"d1/x.txt", "d2/x.txt", "z.txt"}
    carriers = [c for group in payload["groups"] for c in group["carriers"]]
    assert {c["id"] for c in carriers} >= {"d1/x.txt", "d2/x.txt"}
    for carrier in carriers:
        assert carrier["outlet"] == by_id[carrier["id"]]
    for group in payload["groups"]:
        assert len({c["id"] for c in group["carriers"]}) == len(group["carriers"])  # one carrier per article
    for claim in (c for entry in payload["ledger"] for c in entry["claims"]):
        assert claim["outlet"] == by_id[claim["id"]]


def test_compare_of_two_same_named_files_keeps_them_apart(twins: Path, capsys) -> None:
    payload = run_json(capsys, "compare", "d1/x.txt", "d2/x.txt", "--format", "json")
    assert (payload["a"]["id"], payload["b"]["id"]) == ("d1/x.txt", "d2/x.txt")


def test_sidecars_still_match_by_file_name_in_each_folder(twins: Path) -> None:
    (twins / "d1" / "story.toml").write_text('["x.txt"]\noutlet = "First Wire"\n', encoding="utf-8")
    (twins / "d2" / "x.meta.toml").write_text('outlet = "Second Daily"\n', encoding="utf-8")
    story = load_story(["d1", "d2"])
    assert story.problems == ()
    assert [(a.id, a.outlet) for a in story.articles] == [
        ("d1/x.txt", "First Wire"),
        ("d2/x.txt", "Second Daily"),
        ("z.txt", "AFP"),
    ]


async def test_the_tui_closest_column_names_the_right_outlet(twins: Path) -> None:
    from textual.widgets import DataTable

    from sidebyside.tui.app import make_app

    from conftest import settled

    story = load_story(["d1", "d2"])
    app = make_app(story)
    async with app.run_test(size=(140, 40)) as pilot:
        await settled(pilot)
        await pilot.pause(0.1)
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell(story.articles[0].path, "closest")) == "100% SMA News"
        assert str(table.get_cell(story.articles[1].path, "closest")) == "100% Reuters"
