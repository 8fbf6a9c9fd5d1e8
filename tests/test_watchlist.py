"""The watchlist that belongs to the story: story.toml's `speakers`, read, written, chosen (issue 12).

Input -> behaviour (each a test below):

=============================================  ================================================================
situation                                      behaviour
=============================================  ================================================================
`speakers = [...]` at the top of story.toml    read as the story's watchlist; no "names no file" problem line
`speakers = "x"`, `= [1]`, `= [""]`             one line "'speakers' should be a list of names ...; ignored"
a file named `speakers.txt` and its table      still the file's corrections, not a watchlist
save into a folder without story.toml          story.toml created (0666 & ~umask), read back as saved
save into an existing story.toml               every table, comment and value kept; `speakers` put first
                                               or replaced where it was; the file's mode kept
story.toml a symlink                           the file it points to is written; the link stays a link
story.toml not TOML, or a folder               nothing written, one-line reason (`NotSaved`)
bundled story, or PATHs in several folders     nothing written, one-line reason
any failure                                    no temporary file left in the folder
`quotes` precedence                            --speaker, else story.toml, else the bundled three, else
                                               the most-quoted people, proposed (`speakers_from` says which)
`sidebyside --speaker NAME PATH`               the TUI gets the names; an empty one exits 2 in one line
=============================================  ================================================================
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside import cli
from sidebyside.cli import main
from sidebyside.ingest.sidecar import speaker_names
from sidebyside.ingest.story import load_story
from sidebyside.ingest.watchlist import NotSaved, bundled_story, is_bundled, read_speakers, save_speakers, story_folder

from conftest import SEEDS

DATA = Path(__file__).parent / "data"

COMMENT = "# Corrections for the rail strike, checked by the desk.\n"
TABLES = """\
["01_capital_courier.txt"]
outlet = "Capital Courier"  # as printed on the masthead
date = 2024-06-04

["03_sentinel.txt"]
byline = ""
"""
EXISTING = COMMENT + TABLES


@pytest.fixture
def rail(tmp_path: Path) -> Path:
    """A copy of the rail strike story (never the test data itself: saving writes into it)."""
    folder = tmp_path / "rail"
    shutil.copytree(DATA / "rail_strike", folder, ignore=shutil.ignore_patterns("gold.json"))
    return folder


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


# ------------------------------------------------------------------ which folder


def test_the_story_folder_is_the_one_the_paths_share(rail: Path, tmp_path: Path):
    assert story_folder([rail]) == rail
    assert story_folder([rail / "01_capital_courier.txt", rail / "03_sentinel.txt"]) == rail
    assert story_folder([str(rail), f"{rail}/./", rail / "01_capital_courier.txt"]) == rail
    other = tmp_path / "other"
    other.mkdir()
    assert story_folder([rail / "01_capital_courier.txt", other]) is None
    assert story_folder([]) is None


def test_the_bundled_story_is_known_however_its_path_is_written():
    assert is_bundled(bundled_story()) and is_bundled(SEEDS) and is_bundled(SEEDS / ".." / "seeds")
    assert not is_bundled(DATA / "rail_strike") and not is_bundled(None)


# ------------------------------------------------------------------ reading


def test_a_saved_list_is_read_and_is_not_a_problem_for_the_loader(rail: Path):
    (rail / "story.toml").write_text('speakers = ["Amelia Rutherford", "Rajiv  Menon"]\n' + EXISTING, "utf-8")
    assert read_speakers(rail) == ("Amelia Rutherford", "Rajiv Menon")
    story = load_story([str(rail)])
    assert story.problems == ()
    assert story.articles[0].outlet == "Capital Courier"  # the tables still apply


@pytest.mark.parametrize("value", ['"Amelia Rutherford"', "[1, 2]", '[""]', '["a\\u001bb"]'])
def test_a_wrong_list_is_one_problem_line_and_no_list(rail: Path, value: str):
    (rail / "story.toml").write_text(f"speakers = {value}\n", "utf-8")
    assert read_speakers(rail) is None
    problems = [str(p) for p in load_story([str(rail)]).problems]
    assert len(problems) == 1 and "'speakers' should be a list of names in quotes" in problems[0]
    assert "\x1b" not in problems[0]


def test_a_file_named_speakers_keeps_its_table(tmp_path: Path):
    (tmp_path / "speakers.txt").write_text((DATA / "rail_strike" / "03_sentinel.txt").read_text("utf-8"), "utf-8")
    (tmp_path / "story.toml").write_text('[speakers]\noutlet = "The Speakers"\n', "utf-8")
    story = load_story([str(tmp_path)])
    assert story.problems == () and story.articles[0].outlet == "The Speakers"
    assert read_speakers(tmp_path) is None


def test_names_are_read_as_the_analysis_compares_them():
    assert speaker_names(["Amelia  Rutherford", "Amelia Rutherford", "\u200fＪｏｈｎ Doe"]) == (
        "Amelia Rutherford",
        "John Doe",
    )
    for wrong in (["x" * 101], ["ok"] * 101, [None], "Rutherford"):
        with pytest.raises(ValueError):
            speaker_names(wrong)


# ------------------------------------------------------------------ writing


def test_saving_creates_story_toml_with_the_ordinary_mode(rail: Path):
    written = save_speakers(rail, ["Amelia Rutherford", "Tomasz Wieczorek"])
    assert written == rail / "story.toml"
    assert written.read_text("utf-8") == 'speakers = ["Amelia Rutherford", "Tomasz Wieczorek"]\n'
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~umask
    assert read_speakers(rail) == ("Amelia Rutherford", "Tomasz Wieczorek")
    assert leftovers(rail) == []


def test_saving_keeps_every_table_comment_and_the_mode_of_an_existing_story_toml(rail: Path):
    story = rail / "story.toml"
    story.write_text(EXISTING, "utf-8")
    story.chmod(0o600)
    save_speakers(rail, ["Amelia Rutherford"])
    # the new key goes first, under the file's opening comment, with a blank line before the tables
    assert story.read_text("utf-8") == COMMENT + 'speakers = ["Amelia Rutherford"]\n\n' + TABLES
    assert stat.S_IMODE(story.stat().st_mode) == 0o600
    save_speakers(rail, ["Rajiv Menon", "Sarah Lindqvist", "Amelia Rutherford", "Tomasz Wieczorek"])
    text = story.read_text("utf-8")
    assert text.startswith(COMMENT) and text.endswith(TABLES) and text.count("speakers") == 1
    assert read_speakers(rail) == ("Rajiv Menon", "Sarah Lindqvist", "Amelia Rutherford", "Tomasz Wieczorek")
    assert load_story([str(rail)]).problems == ()
    assert leftovers(rail) == []


def test_saving_replaces_the_list_where_it_is(rail: Path):
    story = rail / "story.toml"
    story.write_text('# the desk\nspeakers = ["A B"]  # who we follow\n\n' + EXISTING, "utf-8")
    save_speakers(rail, ["Amelia Rutherford"])
    assert story.read_text("utf-8") == '# the desk\nspeakers = ["Amelia Rutherford"]  # who we follow\n\n' + EXISTING


def test_saving_through_a_symlink_writes_the_file_it_points_to(rail: Path, tmp_path: Path):
    shared = tmp_path / "shared.toml"
    shared.write_text(EXISTING, "utf-8")
    (rail / "story.toml").symlink_to(shared)
    save_speakers(rail, ["Rajiv Menon"])
    assert (rail / "story.toml").is_symlink()
    assert shared.read_text("utf-8") == COMMENT + 'speakers = ["Rajiv Menon"]\n\n' + TABLES


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda f: (f / "story.toml").write_text('["x.txt"\noutlet = 1\n', "utf-8"), "not valid TOML"),
        (lambda f: (f / "story.toml").mkdir(), "not a regular file"),
        (lambda f: (f / "story.toml").write_bytes(b"outlet = '\xff'\n"), "not UTF-8"),
        (lambda f: (f / "story.toml").symlink_to(f / "gone.toml"), "does not exist"),
    ],
)
def test_a_story_toml_that_cannot_be_kept_intact_is_left_alone(rail: Path, make, reason: str):
    make(rail)
    before = sorted(p.name for p in rail.iterdir())
    content = (rail / "story.toml").read_bytes() if (rail / "story.toml").is_file() else None
    with pytest.raises(NotSaved, match=reason):
        save_speakers(rail, ["Rajiv Menon"])
    assert sorted(p.name for p in rail.iterdir()) == before
    if content is not None:
        assert (rail / "story.toml").read_bytes() == content


def test_the_bundled_story_and_scattered_paths_are_never_written(tmp_path: Path):
    with pytest.raises(NotSaved, match="bundled story"):
        save_speakers(SEEDS, ["Khalifa Haftar"])
    with pytest.raises(NotSaved, match="several folders"):
        save_speakers(None, ["Khalifa Haftar"])
    assert not (SEEDS / "story.toml").exists()


def test_story_toml_is_never_one_of_the_articles(rail: Path):
    (rail / "story.toml").write_text("", "utf-8")
    with pytest.raises(NotSaved, match="one of the articles"):
        save_speakers(rail, ["Rajiv Menon"], [rail / "story.toml", rail / "01_capital_courier.txt"])


NAME = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(NAME, max_size=6))
def test_a_saved_list_reads_back_and_the_rest_of_the_file_is_kept(rail: Path, names: list[str]):
    try:
        expected = speaker_names(names)
    except ValueError:
        return  # a name the loader would refuse is refused on saving too (checked above)
    story = rail / "story.toml"
    story.write_text(EXISTING, "utf-8")
    save_speakers(rail, names)
    assert read_speakers(rail) == expected
    text = story.read_text("utf-8")
    assert text.startswith(COMMENT) and text.endswith(TABLES)
    assert leftovers(rail) == []


# ------------------------------------------------------------------ which list a story opens with


def quotes_json(*argv: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["quotes", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_quotes_watch_the_list_given_then_saved_then_bundled_then_proposed(rail: Path, capsys):
    proposed = quotes_json(str(rail), capsys=capsys)
    assert proposed["speakers_from"] == "proposed"
    assert proposed["speakers"] == ["Tomasz Wieczorek", "Rajiv Menon", "Amelia Rutherford"]
    assert proposed["proposed"] == [{"name": "Sarah Lindqvist", "quotes": 2, "outlets": 1}]
    save_speakers(rail, ["Sarah Lindqvist"])
    saved = quotes_json(str(rail), capsys=capsys)
    assert (saved["speakers"], saved["speakers_from"]) == (["Sarah Lindqvist"], "story.toml")
    assert [p["name"] for p in saved["proposed"]] == ["Tomasz Wieczorek", "Rajiv Menon", "Amelia Rutherford"]
    typed = quotes_json(str(rail), "--speaker", "Rajiv Menon", capsys=capsys)
    assert (typed["speakers"], typed["speakers_from"]) == (["Rajiv Menon"], "--speaker")
    bundled = quotes_json(str(SEEDS), capsys=capsys)
    assert (bundled["speakers"], bundled["speakers_from"]) == (
        ["Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame"],
        "bundled",
    )


def test_the_tui_takes_speaker_names_and_refuses_an_empty_one(monkeypatch, capsys):
    opened: list[tuple[list[str], list[str] | None]] = []
    monkeypatch.setattr(cli, "run_tui", lambda paths, speakers=None: opened.append((paths, speakers)) or 0)
    assert main(["--speaker", "Amelia Rutherford", "--speaker", "Rajiv  Menon", str(DATA / "rail_strike")]) == 0
    assert opened == [([str(DATA / "rail_strike")], ["Amelia Rutherford", "Rajiv Menon"])]
    assert main(["--speaker", " ", str(DATA / "rail_strike")]) == 2
    assert capsys.readouterr().err == "sidebyside: --speaker needs a name, e.g. --speaker 'Emmanuel Macron'\n"
    assert len(opened) == 1
