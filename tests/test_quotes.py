"""Quotes: offsets that point into sentences, quotation spans, what figures need, and no
input that breaks the analysis. The attribution rules themselves are the table in
test_quote_cases.py.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.analysis.quotes import analyse, extract_quotes, find_spans
from sidebyside.analysis.speakers import Watchlist
from sidebyside.model import Article

from conftest import make_article

LIBYA = Watchlist.of(None)


article = make_article


def test_quote_spanning_two_sentences_is_kept_where_it_opened():
    a = article(["“We will fight.", "We will win,” Haftar said."])
    [q] = extract_quotes(a, LIBYA)
    assert (q.speaker, q.sentence, q.text) == ("Khalifa Haftar", 0, "We will fight. We will win")
    assert a.sentences[0][q.start : q.end] == "We will fight."


def test_offsets_point_into_the_sentence():
    a = article("“We must finish with militias,” Haftar told the newspaper.", "Salame said the war could spread.")
    for q in extract_quotes(a, LIBYA):
        assert a.sentences[q.sentence][q.start : q.end] == q.text


def test_quotation_spans():
    assert [(s.start, s.end, s.closed) for s in find_spans('He said "yes" and “no” then “maybe')] == [
        (9, 12, True),
        (19, 21, True),
        (29, 34, False),
    ]


def test_speech_keeps_what_figures_need():
    speech = analyse(article("The fighting killed 510 people, according to the World Health Organization."), LIBYA)
    speaker = speech.speaker_at(0, 20, 23)
    assert speaker is not None and speaker.name == "World Health Organization"


#: Words the rules react to, and the marks that open and close quotations.
WORDS = st.sampled_from(
    """said Haftar " “ ” ‘ ’ , . the president told that he according to Macron's office called for :
    Salame, envoy U.N. as saying quoted who""".split()
)
SENTENCES = st.one_of(st.lists(WORDS, max_size=20).map(" ".join), st.text(max_size=80))


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(SENTENCES, min_size=1, max_size=5), st.data())
def test_any_text_no_exception_and_offsets_inside_sentences(sentences: list[str], data: st.DataObject):
    owners = sorted(data.draw(st.lists(st.integers(0, 2), min_size=len(sentences), max_size=len(sentences))))
    a = Article("x", "x", None, None, None, None, None, tuple(sentences), tuple(owners))
    for q in extract_quotes(a, LIBYA):
        text = a.sentences[q.sentence]
        assert 0 <= q.start <= q.end <= len(text)
        assert " ".join(q.text.split()).startswith(" ".join(text[q.start : q.end].split()))
        assert q.kind in ("direct", "indirect") and q.speaker
