"""The story report: contents, escaping, and the one file the program writes (atomically)."""

from __future__ import annotations

import html
import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidebyside.analysis import story_report
from sidebyside.analysis.alignment_cache import AlignmentCache
from sidebyside.analysis.collate import CollatedRow, Collation, carried_by, collate, column_of, filter_rows
from sidebyside.analysis.overlap import overlap_matrix
from sidebyside.analysis.story_report import alone_in, most_carried
from sidebyside.cli import main
from sidebyside.export.collate import summary
from sidebyside.export.report import (
    ALONE_SHOWN,
    MOST_CARRIED,
    build_report,
    demoted,
    report_html,
    report_markdown,
)
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


# --- the whole story (collation) and how outlets frame the people (framing) -------------------


def _section(text: str, heading: str) -> str:
    """The Markdown from `heading` up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    after = start + len(heading)
    end = re.search(rf"^#{{1,{len(level)}}} ", text[after:], re.MULTILINE)
    return text[start : after + end.start()] if end else text[start:]


def _table_cell(text: str, outlet: str, column: str) -> str:
    """One cell of the framing table: the outlet's row, the person's column."""
    lines = text.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.startswith("| outlet | "))
    columns = [c.strip() for c in lines[head].strip("|").split(" | ")]
    row = next(ln for ln in lines[head + 2 :] if ln.startswith(f"| {outlet} |"))
    return [c.strip() for c in row.strip("|").split(" | ")][columns.index(column)]


def test_the_whole_story_shows_rows_with_each_outlets_wording(data):
    text = report_markdown(data, "Libya report")
    story = _section(text, "## The whole story")
    assert summary(data.collation) + "." in story
    rows = _section(story, "### The rows most outlets carry")
    # SMA News reprints Reuters: one row shows the wire's sentence and the reprint's "same words".
    assert (
        "- **Reuters** (sentence 1, reference): Libyan eastern commander Khalifa Haftar has ruled out a ceasefire"
        in rows
    )
    assert "- **Reuters** (sentence 1, reference): " in rows and "\n- **SMA News** (sentence 1): same words\n" in rows
    # Asharq Al-Awsat rewrote AFP's sentence: its changes are marked as `collate` marks them.
    assert "~~his rival, Prime Minister~~ **Government of National Accord head,**" in rows
    shown = re.findall(r"^#### Row (\d+) — carried by (\d+) of 5$", rows, re.MULTILINE)
    assert len(shown) == min(MOST_CARRIED, len(filter_rows(data.collation, min_outlets=2)))
    assert [int(r) for r, _ in shown] == sorted(int(r) for r, _ in shown)  # reading order
    assert max(int(c) for _, c in shown) == max(carried_by(r) for r in data.collation.rows)


def test_what_only_one_outlet_reported_is_the_collations_only_one_rows(data, seeds_story):
    assert data.unique == alone_in(data.collation, seeds_story.articles)
    for i, article in enumerate(seeds_story.articles):
        column = column_of(data.collation, article.id)
        alone = {r.cells[column] for r in data.collation.rows if carried_by(r) == 1 and r.cells[column] is not None}
        assert set(data.unique[i]) == alone
    text = report_markdown(data)
    only = _section(text, "### What only one outlet reported")
    assert "| 11 | Libya has been split between rival authorities in east and west since 2014" in only
    assert "more of its own" not in only  # no seed outlet has more than ALONE_SHOWN of its own


def test_framing_shows_each_outlets_words_for_haftar_with_their_sentences(data):
    text = report_markdown(data, "Libya report")
    framing = _section(text, "## How each outlet frames the people in the story")
    assert "strongman" in _table_cell(framing, "AFP", "Khalifa Haftar")
    assert "commander" in _table_cell(framing, "Reuters", "Khalifa Haftar")
    assert "commander" in _table_cell(framing, "Asharq Al-Awsat", "Khalifa Haftar")
    haftar = _section(framing, "### Khalifa Haftar")
    afp = _section(haftar, "#### AFP")
    assert "- label **strongman** (S1): **Libyan strongman** Khalifa Haftar, who is leading" in afp
    assert "- label **commander** (S1): **Libyan eastern commander** Khalifa Haftar" in _section(haftar, "#### Reuters")
    # the nested document's headings sit under the report's: one H1, the report's title
    assert re.findall(r"^# .*$", text, re.MULTILINE) == ["# Libya report"]


def test_framing_follows_the_quotes_watchlist(seeds_story):
    data = build_report(seeds_story.articles, ["Emmanuel Macron"])
    assert data.framing.people == data.quotes.speakers == ("Emmanuel Macron",)
    assert "| outlet | Emmanuel Macron |" in report_markdown(data)


def test_html_has_both_sections(data):
    page = report_html(data, "Libya report")
    for anchor in ("story", "most-carried", "unique", "framing"):
        assert f"id='{anchor}'" in page
    assert "<li><b>SMA News</b> (sentence 1): same words</li>" in page
    assert "<del>his rival, Prime Minister</del> <ins>Government of National Accord head,</ins>" in page
    assert "<th>AFP</th>" in page and "<td>strongman · " in page
    assert "label <b>strongman</b> (S1): <b>Libyan strongman</b> Khalifa Haftar" in page
    assert page.index("id='story'") < page.index("id='unique'") < page.index("id='quotes'") < page.index("id='framing'")


def _rewrite(path: str, outlet: str, sentences: tuple[str, ...]) -> Article:
    return Article(path, path, outlet, f"{outlet} story", None, None, None, sentences, tuple(range(len(sentences))))


def test_article_text_in_collated_rows_and_framing_is_escaped():
    wire = (
        "Mayor Ana Ruiz said the <u>old</u> bridge | closed on *Tuesday* would reopen in two years.",
        "The council voted nine to two after a debate that lasted most of the night.",
    )
    copy = (
        "Mayor Ana Ruiz said the <u>old</u> bridge | closed on *Monday* would reopen in two years.",
        "The council voted nine to two after a debate that lasted most of the night.",
    )
    data = build_report([_rewrite("a.txt", "Wire <u>A</u>", wire), _rewrite("b.txt", "Copy | B", copy)], ["Ana Ruiz"])
    page = report_html(data)
    assert "<u>" not in page and "&lt;u&gt;old&lt;/u&gt;" in page
    assert "closed on *<del>Tuesday</del> <ins>Monday</ins>* would" in page
    assert "label <b>mayor</b> (S1): <b>Mayor</b> Ana Ruiz said the &lt;u&gt;old&lt;/u&gt; bridge" in page
    assert "<b>Wire &lt;u&gt;A&lt;/u&gt;</b> (sentence 1, reference)" in page
    assert "<th>Copy | B</th>" in page  # the framing table's outlet, escaped for HTML
    text = report_markdown(data)
    assert "<u>" not in text and "\\<u\\>old\\</u\\> bridge \\| closed" in text
    assert "**Copy \\| B**" in text and "| Copy \\| B |" in text


def _words(rng: random.Random, count: int) -> str:
    """A sentence of made-up words: no two such sentences share a word by chance."""
    words = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(count)]
    return " ".join(words).capitalize() + "."


@pytest.fixture(scope="module")
def crowded():
    """Twelve outlets carrying ten sentences word for word, each with its own; the first with
    more than the report shows."""
    rng = random.Random(15)
    shared = tuple(_words(rng, 12) for _ in range(MOST_CARRIED + 2))
    articles = []
    for k in range(12):
        own = tuple(_words(rng, 10) for _ in range(ALONE_SHOWN + 3 if k == 0 else 2))
        articles.append(_rewrite(f"{k:02}.txt", f"Outlet {k}", shared + own))
    return build_report(articles, [])


def test_capped_lists_say_they_are_capped_and_where_the_rest_is(crowded):
    assert len(filter_rows(crowded.collation, min_outlets=2)) == MOST_CARRIED + 2
    text = report_markdown(crowded)
    rows = _section(text, "### The rows most outlets carry")
    assert len(re.findall(r"^#### Row \d+ — carried by 12 of 12$", rows, re.MULTILINE)) == MOST_CARRIED
    assert "… and 2 more rows carried by two or more articles: `sidebyside collate PATH --min-outlets 2`" in rows
    only = _section(text, "### What only one outlet reported")
    first = _section(only, "#### Outlet 0 — Outlet 0 story")
    assert len(re.findall(r"^\| \d+ \|", first, re.MULTILINE)) == ALONE_SHOWN
    assert "\n\n… and 3 more of its own: `sidebyside collate PATH --only-one`" in first  # not inside the table
    assert only.count("more of its own") == 1  # the others show all of theirs
    page = report_html(crowded)
    assert (
        "… and 2 more rows carried by two or more articles: <code>sidebyside collate PATH --min-outlets 2</code>"
        in page
    )
    assert "… and 3 more of its own: <code>sidebyside collate PATH --only-one</code>" in page


def test_one_article_has_nothing_to_collate():
    data = build_report([_rewrite("a.txt", "Wire", ("One sentence alone.",))], [])
    assert "## The whole story\n\nOne article: nothing to set beside it.\n" in report_markdown(data)
    assert "<p>One article: nothing to set beside it.</p>" in report_html(data)


def test_build_report_reuses_a_given_collation_and_framing(data, seeds_story, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("computed again")

    monkeypatch.setattr(story_report, "collate", refuse)
    monkeypatch.setattr(story_report, "story_framing", refuse)
    again = build_report(
        seeds_story.articles,
        matrix=data.matrix,
        quotes=data.quotes,
        collation=data.collation,
        framing=data.framing,
    )
    assert again == data


def test_the_collation_is_built_from_the_sessions_alignments(seeds_story):
    articles = seeds_story.articles
    cache = AlignmentCache()
    data = build_report(articles, matrix=overlap_matrix(articles, cache, workers=1), cache=cache)
    pairs = len(articles) * (len(articles) - 1) // 2
    assert cache.aligned == pairs  # each pair aligned once, into the session's cache
    assert collate(articles, cache) == data.collation and cache.aligned == pairs  # the Story screen reuses them


@pytest.mark.parametrize("given", ["collation", "framing"])
def test_a_collation_or_framing_of_other_articles_is_refused(data, seeds_story, given):
    with pytest.raises(ValueError, match=f"the {given} given to build_report is of other articles"):
        build_report(seeds_story.articles[:3], quotes=data.quotes, **{given: getattr(data, given)})


@st.composite
def collations(draw) -> Collation:
    width = draw(st.integers(1, 6))
    cells = st.lists(st.booleans(), min_size=width, max_size=width).filter(any)
    rows = draw(st.lists(cells, max_size=30))
    articles = tuple(_rewrite(f"{c}.txt", str(c), ()) for c in range(width))
    return Collation(
        articles,
        tuple(CollatedRow(tuple(r if has else None for has in row), row.index(True)) for r, row in enumerate(rows)),
    )


@given(collations(), st.integers(0, 40))
def test_most_carried_picks_the_widest_rows_in_reading_order(collation, limit):
    chosen = most_carried(collation, limit)
    shared = filter_rows(collation, min_outlets=2)
    assert list(chosen) == sorted(set(chosen)) and set(chosen) <= set(shared)
    assert len(chosen) == min(limit, len(shared))
    for r in chosen:
        for other in set(shared) - set(chosen):
            wide, narrow = carried_by(collation.rows[r]), carried_by(collation.rows[other])
            assert wide > narrow or (wide == narrow and r < other)


@given(st.lists(st.text(alphabet="# ab|\\*", max_size=8), max_size=8))
def test_demoted_deepens_headings_and_nothing_else(lines):
    out = demoted("\n".join(lines)).split("\n")
    assert len(out) == max(len(lines), 1)
    for before, after in zip(lines, out, strict=False):
        assert after == ("#" + before if before.startswith("#") else before)
