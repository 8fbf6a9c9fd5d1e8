"""The story report: contents, escaping, and the one file the program writes (atomically)."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.export.report import build_report, report_html, report_markdown
from sidebyside.model import Article

from conftest import SEEDS


@pytest.fixture(scope="module")
def data(seeds_story):
    return build_report(seeds_story.articles)


def arts_id(arts, article_id: str) -> str:
    return next(a.label for a in arts if a.id == article_id)


def test_report_data_matches_the_analysis(data, seeds_story):
    arts = seeds_story.articles
    assert len(data.matrix) == len(arts) and all(data.matrix[i][i] == 1.0 for i in range(len(arts)))
    assert [(arts_id(arts, r.article), arts_id(arts, r.source), r.kind) for r in data.reuse] == [
        ("SMA News", "Reuters", "credited"),
        ("Asharq Al-Awsat", "AFP", "agency"),
    ]
    # Reuters and its SMA News reprint share every sentence: neither has anything of its own.
    assert data.unique[0] == () and data.unique[1] == ()
    # Asharq Al-Awsat alone reports the 2014 split.
    asharq = arts[4]
    assert any("split between rival authorities" in asharq.sentences[n] for n in data.unique[4])
    shared = next(n for n, s in enumerate(asharq.sentences) if "did not make a statement" in s)
    assert shared not in data.unique[4]


def test_markdown_has_every_section_as_tables(data):
    text = report_markdown(data, "Libya report")
    for heading in (
        "# Libya report",
        "## Articles",
        "## Overlap",
        "## Who ran whose copy",
        "## Quote sheet",
        "### Figures that cannot all hold",
        "### Figure ledger",
        "## What only one outlet reported",
    ):
        assert heading in text
    table_rows = [ln for ln in text.splitlines() if ln.startswith("| ")]
    assert len(table_rows) >= 5 + 5  # articles and matrix rows at least
    assert all(ln.endswith(" |") for ln in table_rows)
    assert "| 1 Reuters | 100% | 100% |" in text


def test_html_is_one_self_contained_page(data):
    page = report_html(data, "Libya report")
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    for anchor in ("articles", "overlap", "reuse", "quotes", "unique"):
        assert f"id='{anchor}'" in page
    assert page.count("<table class='matrix'>") == 1
    assert "Figures that cannot all hold" in page and "Figure ledger" in page


def test_article_text_is_escaped_in_both_formats():
    nasty = Article(
        "x.txt",
        "x.txt",
        "Pipe | Outlet",
        "<script>alert(1)</script> [link=x]y[/link]",
        None,
        None,
        None,
        ("A sentence with | a pipe and <b>tags</b> and *stars* that no one else has.",),
        (0,),
    )
    other = Article(
        "y.txt",
        "y.txt",
        "Other",
        "Other",
        None,
        None,
        None,
        ("Something entirely different about the weather today.",),
        (0,),
    )
    data = build_report([nasty, other], ["Nobody Atall"])
    page = report_html(data)
    assert "<script>alert" not in page and html.escape("<script>alert(1)</script>") in page
    assert "<b>tags</b>" not in page
    text = report_markdown(data)
    assert "Pipe \\| Outlet" in text and "\\*stars\\*" in text and "\\<b\\>" in text


def test_report_command_writes_atomically_and_never_overwrites(tmp_path, capsys):
    target = tmp_path / "story.html"
    assert main(["report", str(SEEDS), "-o", str(target)]) == 0
    first = target.read_text(encoding="utf-8")
    assert "<h2 id='overlap'>" in first
    assert [p.name for p in tmp_path.iterdir()] == ["story.html"]  # no temporary left behind

    target.write_text("my notes", encoding="utf-8")
    assert main(["report", str(SEEDS), "-o", str(target)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my notes"

    assert main(["report", str(SEEDS), "-o", str(target), "--force", "--format", "markdown"]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!-- sidebyside report -->\n# Story report")


def test_report_format_follows_the_file_name(tmp_path):
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "notes.md")]) == 0
    assert (tmp_path / "notes.md").read_text(encoding="utf-8").splitlines()[1].startswith("# ")


def test_failed_write_leaves_no_temporary_and_no_target(tmp_path, monkeypatch, capsys):
    target = tmp_path / "r.md"

    def broken_publish(src, dst):
        raise OSError(28, "No space left on device")

    # Without --force the report is published with os.link, with --force with os.replace.
    monkeypatch.setattr(os, "link", broken_publish)
    monkeypatch.setattr(os, "replace", broken_publish)
    assert main(["report", str(SEEDS), "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_report_bad_arguments_are_one_line_errors(tmp_path, capsys):
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "missing" / "r.md")]) == 2
    assert main(["report", str(tmp_path / "nothing.txt"), "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err
    assert "no such folder" in err and "no such file" in err
    assert not (tmp_path / "r.md").exists()


def test_report_never_touches_the_articles(tmp_path):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in Path(SEEDS).iterdir()}
    main(["report", str(SEEDS), "-o", str(tmp_path / "r.html")])
    assert before == {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in Path(SEEDS).iterdir()}
    assert not re.search(r"\.tmp$", " ".join(os.listdir(SEEDS)))


def test_report_file_gets_ordinary_permissions(tmp_path):
    target = tmp_path / "r.md"
    main(["report", str(SEEDS), "-o", str(target)])
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_report_closest_names_the_reprint_and_the_wire(data):
    assert data.nearest[1] == (0, 1.0)  # SMA News: all of it is Reuters
    assert data.nearest[4][0] == 3  # Asharq Al-Awsat: closest is AFP


# --- the report never replaces what it reads; -o - and -o FOLDER; counts in good English


def test_report_never_replaces_an_input_article_even_with_force(tmp_path, capsys):
    import shutil

    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    article = next(story.glob("000_*.txt"))
    before = article.read_bytes()
    assert main(["report", str(story), "-o", str(article), "--force"]) == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert article.read_bytes() == before


def test_report_never_replaces_a_sidecar(tmp_path, capsys):
    import shutil

    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    sidecar = story / "story.toml"
    sidecar.write_text('["000_x.txt"]\noutlet = "X"\n', encoding="utf-8")
    assert main(["report", str(story), "-o", str(sidecar), "--force"]) == 2
    assert sidecar.read_text(encoding="utf-8").startswith('["000_x.txt"]')


def test_report_to_a_folder_says_folder_not_force(tmp_path, capsys):
    assert main(["report", str(SEEDS), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "--force" not in err


def test_report_dash_writes_to_standard_output(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(SEEDS), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!-- sidebyside report -->\n# Story report")
    assert not (tmp_path / "-").exists()


def test_report_of_one_article_says_article_not_articles(tmp_path, capsys):
    target = tmp_path / "r.md"
    assert main(["report", str(next(SEEDS.glob("000_*.txt"))), "-o", str(target)]) == 0
    assert "(markdown, 1 article)" in capsys.readouterr().err
    assert "\n1 article.\n" in target.read_text(encoding="utf-8")
