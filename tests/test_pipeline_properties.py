"""Properties of the whole headless pipeline, on generated input.

The unit suites check each stage on its own; here text goes in at the top, as a file on
disk or as a decoded page, and everything the commands print is checked at the bottom:

* any text in (arbitrary Unicode, or pages built like scraped articles: chrome lines,
  quotations, numbers, markup, control characters, emoji) -> an Article or a Problem,
  never an exception; the quotes and figures analysis then never fails either;
* cleaning never invents text: every word of every sentence occurs in the decoded input
  (case aside: a wire dateline's removal capitalises the lead; shortcodes aside: a drop
  cap is glued back to its word);
* alignment of two generated articles puts every sentence of each in exactly one row,
  rows in A's order, B's order kept except for moved rows;
* every quote's and figure's start/end point into its sentence: a figure's slice is its
  value, a quote's slice is non-empty and is how its text begins.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.analysis.align import align
from sidebyside.analysis.story_quotes import analyse_story, summarise
from sidebyside.ingest.clean import clean
from sidebyside.ingest.load import clean_characters
from sidebyside.ingest.meta import detect
from sidebyside.ingest.segment import split_sentences
from sidebyside.ingest.story import drop_repeats, load_story
from sidebyside.model import Alignment, Article

#: Examples per property; SIDEBYSIDE_EXAMPLES=2000 for a longer hunt.
EXAMPLES = int(os.environ.get("SIDEBYSIDE_EXAMPLES", "100"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- article-like pages ----------------------------------------------------------------------

SPEAKERS = (
    "Khalifa Haftar", "Haftar", "Hafter", "Emmanuel Macron", "Macron", "Ghassan Salame", "the U.N. envoy",
    "a French official", "the ministry", "He", "She", "They", "Gen. Haftar", "the World Health Organization",
)  # fmt: skip
CUES = ("said", "told reporters", "warned", "added", "told the newspaper", "insisted", "wrote")
COUNTS = (
    "510", "at least 510", "over 2,400", "75,000", "tens of thousands", "two", "Fifteen", "1.5 million",
    "2011", "April 4", "$5 million", "40 percent", "3-2", "No. 10", "45-year-old",
)  # fmt: skip
NOUNS = ("people", "civilians", "migrants", "fighters", "families", "homes", "wounded", "dead", "trapped")
ODDITIES = (
    "[bold]", "[/]", "[link=file:///etc/passwd]x[/link]", "[su_label]", "[su_dropcap]T[/su_dropcap]he",
    "\x1b[31m", "\x1b]0;title\x07", "\x07", "\u202e", "🇱🇾", "👨\u200d👩\u200d👧", "cafe\u0301", "قال حفتر",
    "‘", "’", "“", "”", '"', "(AP Photo/Jane Doe)", "U.S.", "Mr.", "3.5", "https://example.com/x",
    "supercalifragilistic" * 20, "—", "…",
)  # fmt: skip
CHROME = (
    "Advertisement", "Share this article", "Sign up to our newsletter", "© 2019 AFP. All rights reserved.",
    "Reporting by Jane Doe; Editing by John Smith", "READ MORE: Libya talks stall", "0 Comments",
    "FILE PHOTO: Haftar in Paris. REUTERS/Benoit Tessier", "Published On 14 May 2019 10:12 GMT",
    "Home | World | Africa", "Related stories", "By Jane Doe", "PARIS (Reuters) - ", "SMA News – Agencies",
)  # fmt: skip
PLAIN = st.sampled_from(
    "the offensive on Tripoli would continue until talks in Paris failed and fighting near airport "
    "forces of government army ceasefire capital Libya militias conditions were not met".split()
)
WORD = st.one_of(PLAIN, PLAIN, PLAIN, st.sampled_from(ODDITIES), st.text(min_size=1, max_size=10))
WORDS = st.lists(WORD, min_size=1, max_size=14).map(" ".join)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    who, cue, words = draw(st.sampled_from(SPEAKERS)), draw(st.sampled_from(CUES)), draw(WORDS)
    count = f"{draw(st.sampled_from(COUNTS))} {draw(st.sampled_from(NOUNS))}"
    shape = draw(st.integers(0, 6))
    if shape == 0:
        return f"“{words},” {who} {cue}."
    if shape == 1:
        return f"{who} {cue} “{words}” on Sunday."
    if shape == 2:
        return f"{who} {cue} that {words}."
    if shape == 3:
        return f"The fighting has killed {count}, according to {who}."
    if shape == 4:
        return f"“{words}. {words.capitalize()}"  # a quotation left open for the next sentence
    if shape == 5:
        return f"{words}{draw(st.sampled_from(['.', '!', '?', '', ',”', '.”']))}"
    return f"{count.capitalize()} {draw(WORDS)}, {who} {cue}."


PARAGRAPH = st.lists(sentences(), min_size=1, max_size=4).map(" ".join)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A scraped page: chrome, a headline, paragraphs with chrome between, chrome after."""
    lines = draw(st.lists(st.sampled_from(CHROME), max_size=3))
    lines.append(draw(WORDS))  # a headline
    for paragraph in draw(st.lists(PARAGRAPH, min_size=1, max_size=6)):
        lines.append(paragraph)
        lines += draw(st.lists(st.sampled_from(CHROME), max_size=1))
    lines += draw(st.lists(st.sampled_from(CHROME), max_size=3))
    return draw(st.sampled_from(["\n\n", "\n", "\r\n"])).join(lines)


ANY_TEXT = st.one_of(st.text(max_size=600), pages())


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def pipeline(text: str) -> Article | None:
    """What `detect_article` makes of a decoded page (None where it finds no text)."""
    meta, body = detect(clean(clean_characters(text)))
    found, paragraphs = drop_repeats(*split_sentences(body))
    if not found:
        return None
    return Article("x.txt", "x.txt", meta.outlet, meta.title, meta.byline, meta.dateline, meta.date, found, paragraphs)


# --- any text in, no exception out ----------------------------------------------------------


@SETTINGS
@given(text=ANY_TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_any_file_loads_or_is_refused_and_analyses(workdir: Path, text: str, encoding: str) -> None:
    path = workdir / "page.txt"
    path.write_bytes(text.encode(encoding, errors="replace"))
    story = load_story([str(path)])
    if story.problems:
        assert story.articles == ()
        (problem,) = story.problems
        assert problem.message and "\n" not in problem.message
        return
    (article,) = story.articles
    assert article.sentences and all(s and s == s.strip() for s in article.sentences)
    assert len(article.paragraphs) == len(article.sentences)
    assert not any(re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\x1b]", s) for s in article.sentences)
    check_offsets(article)


# --- cleaning never invents text ------------------------------------------------------------

UNTAG = re.compile(r"\[/?[A-Za-z_]+[^\[\]]*\]")


@SETTINGS
@given(ANY_TEXT)
def test_cleaning_never_invents_text(text: str) -> None:
    article = pipeline(text)
    if article is None:
        return
    decoded = clean_characters(text).casefold()
    untagged = UNTAG.sub("", clean_characters(text)).casefold()
    for sentence in article.sentences:
        for word in re.findall(r"\w+", sentence):
            word = word.casefold()
            assert word in decoded or word in untagged, (word, sentence)
    for field in (article.title, article.byline, article.dateline):
        assert field is None or all(
            w.casefold() in decoded or w.casefold() in untagged for w in re.findall(r"\w+", field)
        )


# --- alignment covers every sentence once ---------------------------------------------------


def check_alignment(al: Alignment) -> None:
    a_rows = [r.a for r in al.rows if r.a is not None]
    b_rows = [r.b for r in al.rows if r.b is not None]
    assert sorted(a_rows) == list(range(len(al.a.sentences))), "every A sentence exactly once"
    assert sorted(b_rows) == list(range(len(al.b.sentences))), "every B sentence exactly once"
    assert a_rows == sorted(a_rows), "rows follow A's order"
    kept = [r.b for r in al.rows if r.b is not None and r.kind != "moved"]
    assert kept == sorted(kept), "B's order is kept except for moved rows"
    for row in al.rows:
        assert 0.0 <= row.similarity <= 1.0
        assert (row.a is None) == (row.kind == "only_b") and (row.b is None) == (row.kind == "only_a")


@SETTINGS
@given(pages(), st.data())
def test_two_generated_articles_align_every_sentence_once(text: str, data: st.DataObject) -> None:
    a = pipeline(text)
    if a is None:
        return
    # B as outlets make it: the same page edited (dropped, moved, reworded, added paragraphs),
    # or an unrelated page.
    paragraphs = text.split("\n")
    for _ in range(data.draw(st.integers(0, 5), label="edits")):
        op = data.draw(st.sampled_from(["drop", "move", "reword", "add"]))
        k = data.draw(st.integers(0, len(paragraphs) - 1)) if paragraphs else 0
        if op == "add" or not paragraphs:
            paragraphs.insert(k, data.draw(PARAGRAPH))
        elif op == "drop":
            del paragraphs[k]
        elif op == "move":
            paragraphs.insert(data.draw(st.integers(0, len(paragraphs) - 1)), paragraphs.pop(k))
        else:
            paragraphs[k] = paragraphs[k].replace(" the ", " a ").replace("said", "stated")
    other = data.draw(st.sampled_from(["\n".join(paragraphs), data.draw(pages())]), label="b")
    b = pipeline(other)
    if b is None:
        return
    check_alignment(align(a, b))
    check_alignment(align(b, a))
    same = align(a, a)
    assert [(r.a, r.b, r.kind) for r in same.rows] == [(i, i, "same") for i in range(len(a.sentences))]


# --- quote and figure offsets ---------------------------------------------------------------


def check_offsets(*articles: Article) -> None:
    results = analyse_story(articles)
    for result in results:
        text = result.article.sentences
        for q in result.quotes:
            sentence = text[q.sentence]
            assert 0 <= q.start < q.end <= len(sentence), q
            assert sentence[q.start : q.end].strip(), q
            assert q.text.startswith(sentence[q.start : q.end]), (q, sentence)
        for f in result.figures:
            assert text[f.sentence][f.start : f.end] == f.value, f
    summarise(results)  # groups and conflicts across the articles never fail either


@SETTINGS
@given(st.lists(pages(), min_size=1, max_size=3))
def test_quote_and_figure_offsets_point_into_their_sentences(texts: list[str]) -> None:
    loaded = [a for a in map(pipeline, texts) if a is not None]
    articles = [replace(a, id=f"{k}.txt", path=f"{k}.txt") for k, a in enumerate(loaded)]
    if articles:
        check_offsets(*articles)
