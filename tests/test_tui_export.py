"""`e` saves a comparison or the story report; the palette's Screenshot finds a folder."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import Input

from sidebyside.analysis.align import align
from sidebyside.analysis.story_report import build_report
from sidebyside.export.compare import compare_markdown
from sidebyside.export.report import report_markdown
from sidebyside.ingest.story import load_story
from sidebyside.tui.app import make_app
from sidebyside.tui.screens.save_file import ConfirmReplace, SaveFile

from conftest import ROOT, settled


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def finish(pilot) -> None:
    """Let the export worker build the text and the app write it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)


async def test_compare_export_writes_what_compare_format_markdown_prints(seeds_story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    afp, asharq = seeds_story.articles[3], seeds_story.articles[4]
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(afp, asharq)
        await pilot.pause()
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, SaveFile)
        assert dialog.query_one(Input).value == "compare-afp-asharq-al-awsat.md"
        await pilot.press("enter")
        await finish(pilot)
        assert "Saved the comparison to compare-afp-asharq-al-awsat.md." in notes(app)
    written = (tmp_path / "compare-afp-asharq-al-awsat.md").read_text(encoding="utf-8")
    assert written == compare_markdown(align(afp, asharq))


async def test_an_existing_file_is_replaced_only_when_the_user_says_yes(seeds_story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    notes_file = tmp_path / "notes.md"
    notes_file.write_text("my notes\n", encoding="utf-8")
    notes_file.chmod(0o600)
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(seeds_story.articles[3], seeds_story.articles[4])
        await pilot.pause()
        await pilot.press("e", *"notes.md", "enter")  # the suggestion is selected: typing replaces it
        assert isinstance(app.screen, ConfirmReplace)
        await pilot.press("n")
        await finish(pilot)
        assert notes_file.read_text(encoding="utf-8") == "my notes\n"
        assert "Kept notes.md; nothing written." in notes(app)
        await pilot.press("e", *"notes.md", "enter", "escape")  # Esc keeps it too
        assert notes_file.read_text(encoding="utf-8") == "my notes\n"
        await pilot.press("e", *"notes.md", "enter", "y")
        await finish(pilot)
    afp, asharq = seeds_story.articles[3], seeds_story.articles[4]
    assert notes_file.read_text(encoding="utf-8") == compare_markdown(align(afp, asharq))
    assert notes_file.stat().st_mode & 0o777 == 0o600  # a replaced file keeps its mode


async def test_an_input_article_is_never_written(tmp_path, monkeypatch):
    story = tmp_path / "story"
    shutil.copytree(ROOT / "tests" / "data" / "rail_strike", story)
    article = sorted(story.glob("*.txt"))[0]
    before = article.read_bytes()
    monkeypatch.chdir(tmp_path)
    app = make_app(paths=[str(story)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("space", "space", "c", "e")
        app.screen.query_one(Input).value = str(article)
        await pilot.press("enter")
        await finish(pilot)
        assert not isinstance(app.screen, ConfirmReplace)  # refused outright, not even asked
        assert any("is one of the inputs" in n for n in notes(app))
        await pilot.press("e")
        app.screen.query_one(Input).value = str(tmp_path / "no-such-folder" / "x.md")
        await pilot.press("enter")
        assert any("no such folder" in n for n in notes(app))
    assert article.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]


async def test_articles_export_writes_the_story_report(seeds_story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("e")
        assert app.screen.query_one(Input).value == "report-seeds.md"
        await pilot.press("enter")
        await finish(pilot)
        assert "Saved the report to report-seeds.md." in notes(app)
        speakers = list(app.quotes().speakers)
    articles = seeds_story.articles
    title = f"Story report: {articles[0].title}"
    expected = report_markdown(build_report(articles, speakers), title)
    assert (tmp_path / "report-seeds.md").read_text(encoding="utf-8") == expected


async def test_articles_export_waits_for_the_matrix(seeds_story, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        app.loading = True  # as while a big folder is still being read
        await pilot.press("e")
        assert not isinstance(app.screen, SaveFile)
        assert any("needs the whole overlap matrix" in n for n in notes(app))
        app.loading = False
        await pilot.press("e")
        assert isinstance(app.screen, SaveFile)


def test_a_report_from_the_session_s_work_equals_one_built_from_nothing(seeds_story):
    # `e` on Articles reuses the app's matrix, alignments and quotes
    from sidebyside.analysis.alignment_cache import AlignmentCache
    from sidebyside.analysis.overlap import overlap_matrix
    from sidebyside.analysis.story_quotes import story_quotes

    articles = load_story([str(ROOT / "tests" / "data" / "harbour_chemical_fire")]).articles
    speakers = ["Khalifa Haftar"]
    cache = AlignmentCache()
    matrix = overlap_matrix(articles, cache)
    mine = build_report(articles, matrix=matrix, cache=cache, quotes=story_quotes(articles, speakers))
    assert mine == build_report(articles, speakers)


@pytest.mark.parametrize("downloads", [False, True])
async def test_screenshot_goes_to_the_current_folder_without_downloads(seeds_story, tmp_path, monkeypatch, downloads):
    work, home = tmp_path / "work", tmp_path / "Downloads"
    work.mkdir()
    if downloads:
        home.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr("platformdirs.user_downloads_path", lambda: home)  # the app imports it when asked
    monkeypatch.setattr("textual.app.user_downloads_path", lambda: home)
    app = make_app(seeds_story)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(100):
            if any(n.startswith("Saved screenshot") for n in notes(app)):
                break
            await pilot.pause(0.05)
        assert not any("Failed" in n for n in notes(app))
    saved = list((home if downloads else work).glob("*.svg"))
    assert len(saved) == 1 and "<svg" in saved[0].read_text(encoding="utf-8")


async def test_the_report_reuses_what_the_story_and_framing_screens_built(seeds_story, tmp_path, monkeypatch):
    import sidebyside.analysis.story_report as story_report

    given: dict = {}
    real = story_report.build_report

    def recording(*args, **kwargs):
        given.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(story_report, "build_report", recording)
    monkeypatch.chdir(tmp_path)
    app = make_app(seeds_story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("s")  # the Story screen: its collation is kept for the report
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await pilot.press("escape", "F")
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await pilot.press("escape")
        assert app.collation is not None and app.framing is not None
        await pilot.press("e", "enter")
        await finish(pilot)
        assert "Saved the report to report-seeds.md." in notes(app)
        assert given["collation"] is app.collation and given["framing"] is app.framing


def test_a_view_of_other_articles_or_other_people_is_not_reused(seeds_story):
    from sidebyside.analysis.collate import collate
    from sidebyside.analysis.framing import framing
    from sidebyside.analysis.story_quotes import analyse_story
    from sidebyside.analysis.story_report import reusable_views

    articles = seeds_story.articles
    people = ["Khalifa Haftar", "Emmanuel Macron"]
    collation = collate(articles)
    found = framing(analyse_story(articles, people), people)
    assert reusable_views(articles, people, collation, found) == (collation, found)
    assert reusable_views(articles[:-1], people, collation, found) == (None, None)  # the story changed
    assert reusable_views(articles, people[:1], collation, found) == (collation, None)  # so did the watchlist
    assert reusable_views(articles, people, None, None) == (None, None)
