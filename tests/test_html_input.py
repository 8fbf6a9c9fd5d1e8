"""Web pages saved from a browser as input: text, metadata, charsets, hostile markup.

The fixtures in tests/data/html are small pages written for these tests in the shapes real
news sites use: a story page with navigation, a share bar, a caption, a related box and a
footer, OpenGraph and JSON-LD metadata; a Shift_JIS page, a windows-1251 page and an
iso-8859-1 page that uses cp1252 quotes, each declaring its charset; an empty page; a
front page with no article.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sidebyside.cli import main
from sidebyside.ingest.html import (
    MAX_ATTRIBUTES,
    Page,
    cleaned,
    declared_charset,
    decode_page,
    extract_page,
    read_page,
)
from sidebyside.ingest.load import decode, find_files, is_html, starts_like_html
from sidebyside.ingest.own_output import HTML_MARK
from sidebyside.ingest.story import _corrected, detect_article, load_story
from sidebyside.model import Article

PAGES = Path(__file__).parent / "data" / "html"
NEWS = PAGES / "harbour-gazette-floods.html"
CANONICAL = "https://www.harbourgazette.co.uk/world/2024/05/16/rescuers-reach-villages-cut-off-by-floods"
PARAGRAPH = "<p>The minister said the talks would continue next week in Geneva, officials confirmed on Monday.</p>\n"


def page_of(*paragraphs: str, head: str = "") -> str:
    """A minimal page around some paragraphs (trafilatura needs a whole document)."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!doctype html>\n<html><head><meta charset='utf-8'>{head}</head><body><article>{body}</article></body></html>"
    )


def problems_of(*paths: Path) -> list[str]:
    return [p.message for p in load_story([str(p) for p in paths]).problems]


# --- the news page ------------------------------------------------------------------------


def test_the_news_page_gives_its_article_text_without_the_page_around_it() -> None:
    page = read_page(NEWS.read_bytes())
    body = cleaned(page).body
    assert body[0].startswith("GENEVA (Reuters) - Rescue teams on Thursday")  # the <h1> is the title, not text
    assert body[-1].startswith("Forecasters expect drier weather from Saturday")
    for chrome in ("Subscribe", "Share on Facebook", "Army sent to the flooded north", "Privacy policy", "newsletter"):
        assert chrome not in page.text


def test_the_news_page_says_who_published_it_when_and_where() -> None:
    page = read_page(NEWS.read_bytes())
    assert (page.outlet, page.title, page.byline, page.date, page.url) == (
        "Harbour Gazette",
        "Rescuers reach villages cut off by floods",
        "Maria Lindqvist and Tomas Berg",
        "2024-05-16",  # published, not the 2024-05-17 modification
        CANONICAL,
    )


def test_a_page_article_goes_through_the_text_pipeline_and_its_metadata_wins() -> None:
    article = detect_article(NEWS)
    # the wire dateline is read from the text and taken off the first sentence, as for a .txt
    assert article.dateline == "GENEVA"
    assert article.sentences[0].startswith("Rescue teams on Thursday reached")
    # "(Reuters)" in the text names the wire; the page names its publisher, and wins
    assert (article.outlet, article.outlet_from) == ("Harbour Gazette", "page")
    assert article.title == "Rescuers reach villages cut off by floods"
    assert article.byline == "Maria Lindqvist and Tomas Berg"
    assert (article.date, article.url) == ("2024-05-16", CANONICAL)
    assert '"The water is falling, but slowly."' in article.sentences
    assert "Advertisement" not in " ".join(article.sentences)
    assert len(set(article.paragraphs)) == 8


def test_the_headline_repeated_at_the_top_of_the_text_is_not_a_sentence() -> None:
    page = Page(
        text="Talks to resume in Geneva\n\nThe minister said the talks would resume.",
        encoding="utf-8",
        title="Talks to resume in Geneva",
    )
    assert cleaned(page).body == ("The minister said the talks would resume.",)


@pytest.mark.parametrize(
    "line",
    ["June 3, 2025", "3 June 2025 14:05", "By Marta Lindqvist", "Marta Lindqvist, Kestrel Bay", "Marta Lindqvist"],
)
def test_a_date_or_byline_line_above_the_lede_goes_to_the_head(line: str) -> None:
    lede = "All six beaches of Kestrel Bay will stay closed until September, the council said."
    page = Page(text=f"{line}\n\n{lede}", encoding="utf-8", title="Beaches closed", byline="Marta Lindqvist")
    result = cleaned(page)
    assert result.body == (lede,)
    assert result.head == ("Beaches closed", line)


def test_a_short_first_paragraph_that_is_not_a_date_or_byline_stays_in_the_body() -> None:
    page = Page(text="Nobody came.\n\nThe hall stayed empty all evening.", encoding="utf-8", title="T", byline="Jo Ek")
    assert cleaned(page).body == ("Nobody came.", "The hall stayed empty all evening.")


def test_captions_and_credits_go_to_the_tail_and_links_out() -> None:
    page = Page(
        text="\n\n".join(
            [
                "The minister said the talks would continue next week in Geneva.",
                "Read more: Talks collapse after a night of argument",
                "Comments",
                "Officials said a date would be set on Monday.",
                "(Reporting by Ana Ruiz; Editing by Tom Berg)",
            ]
        ),
        encoding="utf-8",
    )
    result = cleaned(page)
    assert result.body == (
        "The minister said the talks would continue next week in Geneva.",
        "Officials said a date would be set on Monday.",
    )
    assert result.tail == ("(Reporting by Ana Ruiz; Editing by Tom Berg)",)


def test_a_pull_quote_repeating_the_article_is_left_out() -> None:
    # Kept, the repeated quotation would stand alone in the body and be given to whoever
    # was quoted last.
    said = '"She can meet whoever she likes. We want this reform scrapped," said Joaquim Pires, a bus driver.'
    markup = page_of(
        "The minister said the talks would continue next week in Geneva, officials confirmed on Monday.",
        "Police said the march had passed off peacefully, with only a handful of arrests in the afternoon.",
        said,
        "The federation will meet on Monday to decide whether to call a general strike next month.",
    )
    for pulled in (
        '<blockquote class="pull-quote"><p>"She can meet whoever she likes. We want this reform scrapped."</p>'
        "<cite>Joaquim Pires, 61, bus driver</cite></blockquote>",
        '<div class="pullquote">"She can meet whoever she likes. We want this reform scrapped."'
        "<span>Joaquim Pires, 61, bus driver</span></div>",
    ):
        text = extract_page(markup.replace("<p>Police said", pulled + "<p>Police said")).text
        assert text.count("whoever she likes") == 1
        assert "Joaquim Pires, 61, bus driver" not in text


def test_a_page_whose_wrapper_mentions_pull_quotes_keeps_its_article() -> None:
    markup = page_of(
        "The minister said the talks would continue next week in Geneva, officials confirmed on Monday.",
        "Police said the march had passed off peacefully, with only a handful of arrests in the afternoon.",
    ).replace("<article>", '<article class="post has-pullquotes pull-quote-styles">')
    assert "talks would continue" in extract_page(markup).text


def test_subheadings_inside_the_article_are_kept() -> None:
    """clean()'s "crumbs" rule drops short lines without a full stop; inside a page's
    article they are subheadings, and they are part of the text."""
    page = extract_page(
        page_of(
            "The minister said the talks would continue next week in Geneva, officials confirmed.",
            "Officials said a date would be set on Monday after the delegations met again.",
        ).replace("</p>\n<p>Officials", "</p>\n<h2>Next steps</h2>\n<p>Officials")
    )
    assert "Next steps" in cleaned(page).body


def test_the_site_named_at_the_end_of_the_title_is_the_outlet_when_metadata_has_none() -> None:
    article = detect_article(PAGES / "valley-courier-cafes.html")
    assert (article.outlet, article.outlet_from) == ("Valley Courier", "page")
    assert article.title == "Café owners count the cost after the river rose"


def test_a_title_ending_that_is_part_of_the_headline_names_no_site() -> None:
    markup = page_of(PARAGRAPH[3:-5], head="<title>Floods in the north - What We Know</title>")
    markup = markup.replace("<article>", "<article><h1>Floods in the north - What We Know</h1>")
    assert extract_page(markup).title_site is None


# --- charsets -----------------------------------------------------------------------------


def test_a_shift_jis_page_is_read_by_its_declared_charset() -> None:
    data = (PAGES / "kowan-shimpo-floods.html").read_bytes()
    text, encoding = decode_page(data)
    assert encoding == "cp932" and "救助隊がようやく到着した" in text
    article = detect_article(PAGES / "kowan-shimpo-floods.html")
    assert article.outlet == "港湾新報" and article.title == "北部の洪水、孤立した村に救助隊が到着"
    assert article.sentences[0] == "北部で四日間孤立していた村に、十六日朝、救助隊がようやく到着した。"


def test_a_windows_1251_page_is_read_where_the_text_decoder_would_guess_wrong() -> None:
    data = (PAGES / "severny-vestnik-floods.html").read_bytes()
    guessed, _ = decode(data)
    assert "Спасатели" not in guessed  # a text file's decoder reads these bytes as cp1252
    article = detect_article(PAGES / "severny-vestnik-floods.html")
    assert article.sentences[0].startswith("Спасатели в четверг добрались")
    assert (article.outlet, article.byline) == ("Северный вестник", "Ирина Соколова")


@pytest.mark.parametrize(
    ("text", "encoding", "declared"),
    [
        ("救援人员周四抵达被洪水围困的最后几个村庄。当局说，没有人失踪。", "gb2312", "gb18030"),
        ("Спасатели добрались до отрезанных наводнением деревень.", "koi8-r", "koi8-r"),
    ],
)
def test_other_declared_charsets_are_honoured(text: str, encoding: str, declared: str) -> None:
    markup = page_of(text).replace("charset='utf-8'", f"charset='{encoding}'")
    decoded, used = decode_page(markup.encode(declared))
    assert used == declared and text in decoded


def test_a_page_declared_latin_1_uses_the_windows_quotes_browsers_show() -> None:
    article = detect_article(PAGES / "valley-courier-cafes.html")
    assert "“We lost the whole summer’s wine delivery in one night,” said José Martínez" in article.sentences[1]
    assert article.byline == "Renée Dubois"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="shift_jis">', "cp932"),
        (b"<meta charset=Shift-JIS>", "cp932"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', "cp1251"),
        (b'<meta http-equiv="content-type" content="text/html;charset=ISO-8859-1" />', "cp1252"),
        (b'<?xml version="1.0" encoding="euc-jp"?>', "euc_jp"),
        (b'<meta charset="utf-16">', None),  # a page read as ASCII cannot be UTF-16
        (b'<meta charset="no-such-charset">', None),
        (b"<title>no declaration</title>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(b"<!doctype html><html><head>" + head) == expected


def test_utf8_bytes_win_over_a_stale_declaration() -> None:
    """A browser that re-saves a page as UTF-8 may leave the old <meta charset> behind."""
    markup = page_of("Спасатели добрались до отрезанных сёл.").replace("charset='utf-8'", "charset='windows-1251'")
    assert decode_page(markup.encode("utf-8")) == (markup, "utf-8")


def test_a_false_declaration_falls_back_to_the_text_decoder() -> None:
    markup = page_of("Caf\u00e9 owners count the cost.").replace("charset='utf-8'", "charset='shift_jis'")
    data = markup.encode("cp1252")  # "é" then a space: not valid Shift_JIS
    text, encoding = decode_page(data)
    assert "Café owners" in text and encoding != "cp932"


def test_a_page_with_a_bom_is_read_by_its_bom() -> None:
    markup = page_of("Zürich officials confirmed the talks would continue next week in Geneva.")
    assert decode_page(codecs.BOM_UTF16_LE + markup.encode("utf-16-le"))[0] == markup


# --- what counts as a page ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.html", b"<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("a.txt", b"<!doctype html>\n<html lang='en'>", True),  # named otherwise, starts like a page
        ("a", b"  \n<html>\n<head>", True),
        ("a.htm", b"<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html>", True),
        ("a.html", codecs.BOM_UTF8 + b"<!doctype html>", True),
        ("a.html", codecs.BOM_UTF16_LE + "<!doctype html>".encode("utf-16-le"), True),
        ("a.html", b"<head><title>x</title></head><body><p>no doctype</p></body>", True),
        ("a.html", b"The minister said the talks would continue.\n", False),  # a renamed text file
        ("a.txt", b"The minister wrote <b> in an email: <html> is a tag.", False),
        ("a.html", b"\x89PNG\r\n\x1a\n<p>", False),  # binary: the text reader says what it is
    ],
)
def test_is_html(name: str, data: bytes, expected: bool) -> None:
    assert is_html(Path(name), data) is expected


def test_starts_like_html_ignores_case_spaces_and_comments() -> None:
    assert starts_like_html(b"\n\n  <!-- a -->  <!-- b -->\n<!DocType HTML>")
    assert not starts_like_html(b"<!doctype xml>")
    assert not starts_like_html(b"htmlish text")


def test_a_folder_picks_up_pages_but_skips_a_report_this_program_wrote(tmp_path: Path) -> None:
    shutil.copy(NEWS, tmp_path / "gazette.html")
    (tmp_path / "b.htm").write_text(page_of(PARAGRAPH[3:-5]), encoding="utf-8")
    report = f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">{HTML_MARK}<title>Story report</title>'
    (tmp_path / "report.html").write_text(report + "</head><body>" + PARAGRAPH * 5 + "</body></html>")
    files, problems = find_files([str(tmp_path)])
    assert [f.name for f in files] == ["b.htm", "gazette.html"] and problems == []


def test_a_renamed_text_file_with_an_html_name_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text("The minister said the talks would continue next week in Geneva, officials confirmed.\n")
    article = detect_article(path)
    assert article.sentences == (
        "The minister said the talks would continue next week in Geneva, officials confirmed.",
    )
    assert article.url is None


# --- pages with nothing to read, hostile pages --------------------------------------------


@pytest.mark.parametrize("name", ["empty.html", "front-page.html"])
def test_a_page_without_an_article_is_one_problem(name: str) -> None:
    assert problems_of(PAGES / name) == ["no article text found in the page"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(256)) * 200, "not a text file (binary data)"),
        (os.urandom(20_000).replace(b"\x00", b"x"), "cannot decode: not UTF-8, UTF-16 or cp1252 text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "not a text file (looks like a PNG image)"),
    ],
)
def test_garbage_with_an_html_name_is_one_problem_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    assert problems_of(path) == [message]


def test_a_tag_with_thousands_of_attributes_is_refused_before_parsing(tmp_path: Path) -> None:
    """libxml2 compares each attribute with every other: 200,000 of them would take minutes."""
    attributes = " ".join(f'a{i}="x"' for i in range(200_000))
    path = tmp_path / "page.html"
    path.write_text(f"<!doctype html><html><body><div {attributes}>{PARAGRAPH}</div></body></html>")
    assert problems_of(path) == [f"not a usable web page (a tag with over {MAX_ATTRIBUTES:,} attributes)"]


def test_a_script_full_of_comparisons_is_not_taken_for_a_tag() -> None:
    script = "<script>for(var i=0;i<n;i++){a.b=c;d=e;f=g;}" + "x=1;y=2;z=3; " * 5000 + "</script>"
    page = extract_page(page_of(PARAGRAPH[3:-5], head=script))
    assert "talks would continue" in page.text


def test_an_unclosed_script_does_not_stop_the_page_being_read() -> None:
    markup = page_of(PARAGRAPH[3:-5]).replace("</body></html>", "<script>if(a<b){x()}" * 1000)
    assert "talks would continue" in extract_page(markup).text


def test_markup_nested_thousands_deep_is_one_problem_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<!doctype html><html><body>" + "<div>" * 50_000 + PARAGRAPH + "</div>" * 50_000 + "</body></html>")
    problems = problems_of(path)
    assert len(problems) == 1 and problems[0].startswith(("no article text", "not a usable web page"))


def test_too_much_markup_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_text("<!doctype html><html><body><article>" + PARAGRAPH * 220_000 + "</article></body></html>")
    (problem,) = problems_of(path)
    assert problem.startswith("too large for a web page (2") and problem.endswith(" MB of markup)")


def test_inline_images_do_not_count_toward_the_size_limit(tmp_path: Path) -> None:
    """A single-file page (SingleFile, "Save as… complete" in one file) inlines its images."""
    image = "data:image/png;base64," + "QUJD" * 6_000_000  # 24 MB
    path = tmp_path / "single-file.html"
    path.write_text(page_of(PARAGRAPH[3:-5]).replace("<article>", f"<article><img src='{image}'>"))
    article = detect_article(path)
    assert article.sentences == (PARAGRAPH[3:-5],)


def test_the_extractor_logs_nothing_to_stderr(tmp_path: Path) -> None:
    shutil.copy(PAGES / "empty.html", tmp_path / "empty.html")
    shutil.copy(NEWS, tmp_path / "news.html")
    done = subprocess.run(
        [sys.executable, "-m", "sidebyside", "articles", str(tmp_path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("sidebyside: ") and line.endswith("empty.html: no article text found in the page")
    assert [a["id"] for a in json.loads(done.stdout)["articles"]] == ["news.html"]


def test_pages_are_never_written_to(tmp_path: Path) -> None:
    shutil.copy(NEWS, tmp_path / "news.html")
    before = (tmp_path / "news.html").read_bytes(), (tmp_path / "news.html").stat().st_mtime_ns
    load_story([str(tmp_path)])
    assert ((tmp_path / "news.html").read_bytes(), (tmp_path / "news.html").stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.html"]


def test_a_story_of_text_files_never_imports_the_html_extractor() -> None:
    code = textwrap.dedent(
        """
        import contextlib, io, sys
        from sidebyside.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main(["articles", "seeds", "--format", "json"])
        heavy = ("trafilatura", "lxml", "htmldate", "justext", "sidebyside.ingest.html")
        print(sorted(m for m in heavy if m in sys.modules))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[1]
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- the sidecar wins ---------------------------------------------------------------------


def test_a_sidecar_wins_over_the_page(tmp_path: Path) -> None:
    shutil.copy(NEWS, tmp_path / "news.html")
    (tmp_path / "news.html.meta.toml").write_text('outlet = "Reuters"\ntitle = "Villages reached"\n', encoding="utf-8")
    (article,) = load_story([str(tmp_path)]).articles
    assert (article.outlet, article.outlet_from, article.title) == ("Reuters", "sidecar", "Villages reached")
    assert article.byline == "Maria Lindqvist and Tomas Berg"  # what the sidecar does not say stays the page's


def test_a_sidecar_url_replaces_the_page_address() -> None:
    article = detect_article(NEWS)
    fixed = _corrected(article, {"url": "https://example.org/floods"})
    assert fixed.url == "https://example.org/floods" and fixed.outlet_from == "page"


def test_a_sidecar_that_clears_the_outlet_leaves_no_source() -> None:
    article = Article("a.txt", "a.txt", "Lyon Post", None, None, None, None, ("x",), outlet_from="file name")
    assert _corrected(article, {"outlet": None}).outlet_from is None


# --- end to end ---------------------------------------------------------------------------

AL_JAZEERA = """Rescuers reach the last flooded villages

Rescue teams on Thursday reached the last of the villages cut off by the floods, the civil protection agency said.

"We reached every village this morning," said Elena Varga, who heads the agency's northern command.
"""

HASHED = """Farmers count their losses

Farmers in the valley said the water had destroyed most of the spring crop this year.

Several asked the government for emergency support before the summer.
"""


def test_articles_json_on_a_folder_of_pages_and_text_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(NEWS, folder / "01.html")
    shutil.copy(PAGES / "valley-courier-cafes.html", folder / "02.htm")
    shutil.copy(PAGES / "empty.html", folder / "03.html")
    (folder / "al-jazeera.txt").write_text(AL_JAZEERA, encoding="utf-8")
    (folder / "000_141c9d3bbb55366e.txt").write_text(HASHED, encoding="utf-8")
    report = f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">{HTML_MARK}<title>Report</title>'
    (folder / "report.html").write_text(report + "</head><body>" + PARAGRAPH * 5 + "</body></html>")

    code = main(["articles", str(folder), "--format", "json"])
    captured = capsys.readouterr()
    articles = {a["id"]: a for a in json.loads(captured.out)["articles"]}

    assert code == 2  # one unusable file: said on stderr, the rest of the story still opens
    assert captured.err.strip().endswith("03.html: no article text found in the page")
    assert len(captured.err.strip().splitlines()) == 1
    assert sorted(articles) == ["000_141c9d3bbb55366e.txt", "01.html", "02.htm", "al-jazeera.txt"]

    news = articles["01.html"]
    assert {k: news[k] for k in ("outlet", "outlet_from", "title", "byline", "dateline", "date", "url")} == {
        "outlet": "Harbour Gazette",
        "outlet_from": "page",
        "title": "Rescuers reach villages cut off by floods",
        "byline": "Maria Lindqvist and Tomas Berg",
        "dateline": "GENEVA",
        "date": "2024-05-16",
        "url": CANONICAL,
    }
    assert news["sentences"][0].startswith("Rescue teams on Thursday reached the last of the villages")
    assert (
        news["sentences"][-1]
        == "Forecasters expect drier weather from Saturday, though more rain is possible next week."
    )

    cafes = articles["02.htm"]
    assert (cafes["outlet"], cafes["outlet_from"], cafes["date"], cafes["url"]) == (
        "Valley Courier",
        "page",
        "2024-05-17",
        None,
    )

    aj = articles["al-jazeera.txt"]
    assert (aj["outlet"], aj["outlet_from"], aj["url"]) == ("Al Jazeera", "file name", None)
    assert aj["title"] == "Rescuers reach the last flooded villages"
    assert aj["sentences"][0].startswith("Rescue teams on Thursday reached the last of the villages cut off")

    hashed = articles["000_141c9d3bbb55366e.txt"]
    assert (hashed["outlet"], hashed["outlet_from"]) == (None, None)
    assert hashed["sentences"][-1] == "Several asked the government for emergency support before the summer."


def test_a_report_saved_again_by_a_browser_is_still_skipped(tmp_path: Path) -> None:
    shutil.copy(NEWS, tmp_path / "news.html")
    assert main(["report", str(tmp_path), "-o", str(tmp_path / "report.html")]) == 0
    saved = b"<!-- saved from url=(0014)about:internet -->\n" + (tmp_path / "report.html").read_bytes()
    (tmp_path / "report.html").unlink()
    (tmp_path / "report copy.html").write_bytes(saved)
    assert [a.id for a in load_story([str(tmp_path)]).articles] == ["news.html"]


@pytest.mark.parametrize("label", ["undefined", "unicode-escape", "raw-unicode-escape", "utf-7", "punycode"])
def test_a_codec_that_is_no_page_charset_is_ignored_not_a_traceback(label: str) -> None:
    page = f'<html><head><meta charset="{label}"></head><body><p>caf\xe9 \\x1b</p></body></html>'.encode("latin-1")
    assert declared_charset(page) is None
    text, encoding = decode_page(page)
    assert encoding == "cp1252" and "café \\x1b" in text  # the backslash stays text
