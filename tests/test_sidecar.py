"""Sidecars: the journalist's corrections win over detection; whatever is wrong with one is
one problem line, and the story still opens.

Input -> behaviour (each a test below):

=========================================  ===========================================================
sidecar                                    behaviour
=========================================  ===========================================================
valid keys                                 applied; the article's own file wins over story.toml
unknown key (`colour = "red"`)             one line "unknown key 'colour' (known: ...); ignored"
`outlet = 5`, `= true`, `= [1, 2]`         one line "'outlet' should be text in quotes, not a number";
                                           the sidecar's other keys still apply
`date = "yesterday"`, `date = 5`           one line "'date' should be a date such as 2024-05-16, ...";
`date = "May 26, 2019"`                    read as 2019-05-26 (the contract's ISO form)
story.toml table naming no file            one line '["gone.txt"] names no file in this folder; ignored'
story.toml entry that is not a table       one line '["x.txt"] should be a table of keys; ignored'
not TOML, not UTF-8                        one line for the file, reported once, file ignored
UTF-8 BOM                                  stripped: read as TOML
arrays nested 1,000 deep                   "not valid TOML (nested too deeply)" (was RecursionError)
5,001-digit integer                        "not valid TOML (a number too long to read)" (was ValueError)
dotted key of over 32 parts                refused before parsing (tomllib's memory grows with the
                                           square of its length: 40 KB took 1.5 GB)
over 64 KB (`.meta.toml`) / 1 MB (story)   "too large for a sidecar (over 64 KB); ignored", not parsed
story.toml with 1,000 articles             parsed once per load, not once per article
`url`, `requested`, `fetched`,             what `sidebyside fetch` writes: accepted without a problem line;
`content_type`                             returned (`fetched` as ISO text in UTC); the corrections still apply
`url = "ftp://..."`, `= 5`, with spaces    one line "'url' should be an http(s) address such as ..."
`fetched = "yesterday"`                    one line "'fetched' should be a date and time such as ..."
=========================================  ===========================================================
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from sidebyside import cli
from sidebyside.ingest.sidecar import Overrides, overrides_for
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


def values(path: Path) -> Overrides:
    """The overrides for the article at `path`, asserting the sidecars had nothing wrong."""
    found, problems = overrides_for(path)
    assert problems == []
    return found


def problems_of(path: Path) -> list[str]:
    """The problem lines the story reports when the folder of `path` is loaded."""
    story = load_story([str(path.parent)])
    return [f"{Path(p.path).name}: {p.message}" for p in story.problems]


def test_no_sidecar_means_no_overrides(article: Path) -> None:
    assert overrides_for(article) == ({}, [])
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


def test_sidecars_are_not_read_as_articles(article: Path) -> None:
    (article.parent / "01_wire.txt.meta.toml").write_text('outlet = "X"\n')
    (article.parent / "story.toml").write_text("")
    story = load_story([str(article.parent)])
    assert [a.id for a in story.articles] == ["01_wire.txt"]
    assert story.problems == ()


# --- keys and values --------------------------------------------------------------------


def test_unknown_keys_are_one_warning_each_and_the_known_ones_apply(article: Path) -> None:
    (article.parent / "01_wire.meta.toml").write_text('colour = "red"\nsentences = ["x"]\noutlet = "X"\n')
    found, problems = overrides_for(article)
    assert found == {"outlet": "X"}
    assert [p.reason for p in problems] == [
        "unknown key 'colour' (known: outlet, title, byline, dateline, date); ignored",
        "unknown key 'sentences' (known: outlet, title, byline, dateline, date); ignored",
    ]
    story = load_story([str(article)])
    assert story.articles[0].outlet == "X"
    assert len(story.problems) == 2


def test_unknown_keys_in_a_story_toml_table_name_the_table(article: Path) -> None:
    (article.parent / "story.toml").write_text('["01_wire.txt"]\nheadline = "Rail strike"\n')
    assert problems_of(article) == [
        "story.toml: [\"01_wire.txt\"] unknown key 'headline' (known: outlet, title, byline, dateline, date); ignored"
    ]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("outlet = 5", "'outlet' should be text in quotes, not a number; ignored"),
        ("outlet = 5.5", "'outlet' should be text in quotes, not a number; ignored"),
        ("title = true", "'title' should be text in quotes, not true/false; ignored"),
        ("byline = [1, 2]", "'byline' should be text in quotes, not a list; ignored"),
        ("dateline = {city = 'Paris'}", "'dateline' should be text in quotes, not a table; ignored"),
        ("outlet = 2024-06-04", "'outlet' should be text in quotes, not a date; ignored"),
        ('date = "yesterday"', "'date' should be a date such as 2024-05-16, not \"yesterday\"; ignored"),
        ("date = 20240604", "'date' should be a date such as 2024-05-16, not a number; ignored"),
        ("date = 12:30:00", "'date' should be a date such as 2024-05-16, not a time of day; ignored"),
        ('date = "2024-02-30"', "'date' should be a date such as 2024-05-16, not \"2024-02-30\"; ignored"),
    ],
)
def test_a_value_of_the_wrong_kind_is_one_line_naming_the_key(article: Path, content: str, line: str) -> None:
    (article.parent / "01_wire.meta.toml").write_text(
        f'{content}\nbyline = "Kept"\n' if "byline" not in content else f'{content}\noutlet = "Kept"\n'
    )
    found, problems = overrides_for(article)
    assert [p.reason for p in problems] == [line]
    assert list(found.values()) == ["Kept"]  # the rest of the sidecar still applies
    story = load_story([str(article)])
    assert len(story.articles) == 1 and "Kept" in (story.articles[0].byline, story.articles[0].outlet)
    assert [p.message for p in story.problems] == [line]


@pytest.mark.parametrize(
    ("content", "date"),
    [
        ("date = 2019-05-26", "2019-05-26"),
        ("date = 2019-05-26T10:30:00Z", "2019-05-26"),
        ('date = "2019-05-26"', "2019-05-26"),
        ('date = "May 26, 2019"', "2019-05-26"),
        ('date = "26 May 2019"', "2019-05-26"),
        ('date = ""', None),
    ],
)
def test_a_date_is_a_toml_date_or_text_that_reads_as_one(article: Path, content: str, date: str | None) -> None:
    (article.parent / "01_wire.meta.toml").write_text(content + "\n")
    assert values(article) == {"date": date}


def test_a_story_toml_table_naming_no_file_is_one_warning(article: Path) -> None:
    (article.parent / "story.toml").write_text(
        '["01_wire.txt"]\noutlet = "Wire"\n\n["gone.txt"]\noutlet = "Gone"\n\n[also_gone]\ntitle = "x"\n'
    )
    story = load_story([str(article.parent)])
    assert story.articles[0].outlet == "Wire"
    assert [p.message for p in story.problems] == [
        '["gone.txt"] names no file in this folder; ignored',
        '["also_gone"] names no file in this folder; ignored',
    ]


def test_a_story_toml_table_for_a_file_not_named_on_the_command_line_is_fine(article: Path) -> None:
    """compare a b with a story.toml that also describes c: c exists, so nothing to say."""
    article.with_name("03_third.txt").write_text(ARTICLE, encoding="utf-8")
    (article.parent / "story.toml").write_text('["01_wire.txt"]\noutlet = "Wire"\n["03_third.txt"]\noutlet = "T"\n')
    assert load_one(article).outlet == "Wire"


def test_problem_lines_from_a_sidecar_are_printable_and_one_line(article: Path) -> None:
    text = '"evil\\u001b[31m\\nkey" = "x"\ndate = "\\u001b[31mnever\\u0007"\n'
    (article.parent / "01_wire.meta.toml").write_text(text)
    _, problems = overrides_for(article)
    assert len(problems) == 2
    for problem in problems:
        assert "\x1b" not in problem.reason and "\n" not in problem.reason and "\x07" not in problem.reason


# --- files that cannot be used ---------------------------------------------------------------


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
def test_a_malformed_sidecar_is_a_clear_problem(article: Path, name: str, content: str, reason: str) -> None:
    (article.parent / name).write_text(content, encoding="utf-8")
    found, problems = overrides_for(article)
    assert found == {}
    (problem,) = problems
    assert problem.path.name == name
    assert reason in problem.reason
    assert "\n" not in problem.reason


def test_a_sidecar_that_is_not_utf8_is_a_clear_problem(article: Path) -> None:
    (article.parent / "01_wire.meta.toml").write_bytes(b'outlet = "Caf\xe9"\n')
    _, problems = overrides_for(article)
    assert [p.reason for p in problems] == ["not UTF-8 text"]


def test_a_utf8_bom_is_not_an_error(article: Path) -> None:
    (article.parent / "01_wire.meta.toml").write_bytes('\ufeffoutlet = "Café Wire"\n'.encode())
    (article.parent / "story.toml").write_bytes('\ufeff["01_wire.txt"]\ntitle = "Rail strike"\n'.encode())
    assert values(article) == {"outlet": "Café Wire", "title": "Rail strike"}


def test_a_broken_story_toml_is_reported_once_and_the_articles_still_open(article: Path) -> None:
    article.with_name("02_other.txt").write_text(ARTICLE, encoding="utf-8")
    (article.parent / "story.toml").write_text("this is = = not toml", encoding="utf-8")
    story = load_story([str(article.parent)])
    assert [a.id for a in story.articles] == ["01_wire.txt", "02_other.txt"]
    assert all(a.outlet == "Reuters" for a in story.articles)  # detection still applies
    assert len(story.problems) == 1
    problem = story.problems[0]
    assert problem.path.endswith("story.toml") and "not valid TOML" in problem.message


HOSTILE = {
    "arrays-1000-deep": ("x = " + "[" * 1000 + "]" * 1000 + "\n", "not valid TOML (nested too deeply)"),
    "inline-tables-1000-deep": (
        "x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n",
        "not valid TOML (nested too deeply)",
    ),
    "5001-digit-integer": ("outlet = " + "1" * 5001 + "\n", "not valid TOML (a number too long to read)"),
    "dotted-key-100-parts": (
        ".".join(["a"] * 100) + " = 1\n",
        "not valid TOML for a sidecar (a dotted key of over 32 parts)",
    ),
    "quoted-dotted-key": ('"a".' * 40 + "b = 1\n", "not valid TOML for a sidecar (a dotted key of over 32 parts)"),
}


@pytest.mark.parametrize("name", ["01_wire.meta.toml", "story.toml"])
@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_toml_is_one_problem_line_and_the_story_still_opens(
    tmp_path: Path, article: Path, name: str, case: str, capsys
) -> None:
    content, reason = HOSTILE[case]
    article.with_name("02_other.txt").write_text(ARTICLE, encoding="utf-8")
    (article.parent / name).write_text(content, encoding="utf-8")
    story = load_story([str(article.parent)])
    assert [a.outlet for a in story.articles] == ["Reuters", "Reuters"]
    assert [(Path(p.path).name, p.message) for p in story.problems] == [(name, reason)]
    # As the user runs it: the articles printed, one stderr line, exit 2, no traceback.
    code = cli.main(["articles", str(article.parent), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert [a["id"] for a in json.loads(out)["articles"]] == ["01_wire.txt", "02_other.txt"]
    assert err.splitlines() == [f"sidebyside: {story.problems[0]}"]


def test_a_long_dotted_key_is_refused_without_parsing(article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[int] = []
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(len(text)) or {})
    (article.parent / "01_wire.meta.toml").write_text(".".join(["a"] * 20_000) + " = 1\n")  # 40 KB: 1.5 GB to parse
    _, problems = overrides_for(article)
    assert parsed == []
    assert [p.reason for p in problems] == ["not valid TOML for a sidecar (a dotted key of over 32 parts)"]


def test_dots_in_values_and_comments_are_not_keys(article: Path) -> None:
    dots = "." * 200
    (article.parent / "01_wire.meta.toml").write_text(
        f'# {dots}\ntitle = "U.S. says {dots}"\nbyline = \'a.b.c.d.{dots}\'\ndateline = """\n{dots}"""\n'
    )
    assert set(values(article)) == {"title", "byline", "dateline"}


@pytest.mark.parametrize(
    ("name", "size", "reason"),
    [
        ("01_wire.meta.toml", 64 * 1024 + 1, "too large for a sidecar (over 64 KB); ignored"),
        ("story.toml", 1024 * 1024 + 1, "too large for a sidecar (over 1024 KB); ignored"),
    ],
)
def test_a_sidecar_over_its_size_cap_is_ignored_with_one_line(
    article: Path, name: str, size: int, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(len(text)) or {})
    line = '["01_wire.txt"]\noutlet = "X"\n' if name == "story.toml" else 'outlet = "X"\n'
    (article.parent / name).write_text(line + "#" * (size - len(line) - 1) + "\n")
    story = load_story([str(article)])
    assert story.articles[0].outlet == "Reuters"
    assert [(Path(p.path).name, p.message) for p in story.problems] == [(name, reason)]
    assert parsed == []


def test_a_sidecar_just_under_its_cap_is_read(article: Path) -> None:
    line = 'outlet = "X"\n'
    (article.parent / "01_wire.meta.toml").write_text(line + "#" * (64 * 1024 - len(line) - 1) + "\n")
    assert values(article) == {"outlet": "X"}


# --- story.toml read once ------------------------------------------------------------------


def test_story_toml_is_parsed_once_per_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 files with a 1,000-table story.toml took 12.6 s when each article parsed it again."""
    calls: list[int] = []
    real = tomllib.loads

    def counting(text: str) -> dict:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(tomllib, "loads", counting)  # the sidecar module imports it on use
    tables = []
    for k in range(30):
        (tmp_path / f"{k:02d}.txt").write_text(ARTICLE, encoding="utf-8")
        tables.append(f'["{k:02d}.txt"]\noutlet = "Outlet {k}"\n')
    (tmp_path / "story.toml").write_text("\n".join(tables), encoding="utf-8")
    (tmp_path / "05.meta.toml").write_text('title = "Own"\n', encoding="utf-8")
    story = load_story([str(tmp_path / "00.txt"), os.path.relpath(tmp_path)])  # one folder, spelled two ways
    assert story.problems == ()
    assert [a.outlet for a in story.articles] == [f"Outlet {k}" for k in range(30)]
    assert story.articles[5].title == "Own"
    assert len(calls) == 2  # story.toml once, 05.meta.toml once


# --- what `sidebyside fetch` writes ---------------------------------------------------------


FETCHED = (
    'url = "https://www.aljazeera.com/news/2019/4/7/libya-haftar-offensive"\n'
    'requested = "https://aje.io/a b"\n'
    "fetched = 2019-04-07T12:20:30+02:00\n"
    'content_type = "text/html; charset=utf-8"\n'
    'outlet = "Al Jazeera"\n'
)


@pytest.mark.parametrize("where", ["own", "story"])
def test_the_keys_fetch_writes_are_read_without_a_problem(article: Path, where: str) -> None:
    if where == "own":
        (article.parent / "01_wire.txt.meta.toml").write_text(FETCHED, encoding="utf-8")
    else:
        (article.parent / "story.toml").write_text('["01_wire.txt"]\n' + FETCHED, encoding="utf-8")
    assert values(article) == {
        "url": "https://www.aljazeera.com/news/2019/4/7/libya-haftar-offensive",
        "requested": "https://aje.io/a b",  # as the journalist gave it
        "fetched": "2019-04-07T10:20:30Z",  # in UTC
        "content_type": "text/html; charset=utf-8",
        "outlet": "Al Jazeera",
    }
    assert problems_of(article) == []
    assert load_one(article).outlet == "Al Jazeera"


@pytest.mark.parametrize(
    ("content", "fetched"),
    [
        ("fetched = 2019-04-07T10:20:30Z", "2019-04-07T10:20:30Z"),
        ("fetched = 2019-04-07T10:20:30", "2019-04-07T10:20:30"),  # no offset: kept as written
        ("fetched = 2019-04-07", "2019-04-07"),
        ('fetched = "2019-04-07T10:20:30Z"', "2019-04-07T10:20:30Z"),
        ('fetched = ""', None),
    ],
)
def test_fetched_is_a_date_and_time_returned_as_iso_text(article: Path, content: str, fetched: str | None) -> None:
    (article.parent / "01_wire.meta.toml").write_text(content + "\n")
    assert values(article) == {"fetched": fetched}


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('url = "ftp://example.com/story"', "'url' should be an http(s) address such as https://example.com/story, "
         'not "ftp://example.com/story"; ignored'),
        ('url = "example.com/story"', "'url' should be an http(s) address such as https://example.com/story, "
         'not "example.com/story"; ignored'),
        ('url = "https://"', "'url' should be an http(s) address such as https://example.com/story, "
         'not "https://"; ignored'),
        ('url = "https://example.com/a b"', "'url' should be an http(s) address such as https://example.com/story, "
         'not "https://example.com/a b"; ignored'),
        ('url = "https://example.com:99999/"', "'url' should be an http(s) address such as "
         'https://example.com/story, not "https://example.com:99999/"; ignored'),
        ('url = "https://example.com/\\u202etxt.exe"', "'url' should be an http(s) address such as "
         'https://example.com/story, not "https://example.com/\\u202etxt.exe"; ignored'),
        ("url = 5", "'url' should be an http(s) address such as https://example.com/story, not a number; ignored"),
        ('requested = "javascript:alert(1)"', "'requested' should be an http(s) address such as "
         'https://example.com/story, not "javascript:alert(1)"; ignored'),
        ('fetched = "yesterday"', "'fetched' should be a date and time such as 2024-05-16T09:30:00Z, "
         'not "yesterday"; ignored'),
        ("fetched = 10:20:30", "'fetched' should be a date and time such as 2024-05-16T09:30:00Z, "
         "not a time of day; ignored"),
        ("content_type = 5", "'content_type' should be text in quotes, not a number; ignored"),
    ],
)  # fmt: skip
def test_a_wrong_fetch_value_is_one_line_and_the_rest_applies(article: Path, content: str, line: str) -> None:
    (article.parent / "01_wire.meta.toml").write_text(f'{content}\noutlet = "Kept"\n')
    found, problems = overrides_for(article)
    assert [p.reason for p in problems] == [line]
    assert found == {"outlet": "Kept"}
    assert problems_of(article) == [f"01_wire.meta.toml: {line}"]
    assert load_one_allowing_problems(article).outlet == "Kept"


def load_one_allowing_problems(path: Path) -> Article:
    (article,) = load_story([str(path)]).articles
    return article
