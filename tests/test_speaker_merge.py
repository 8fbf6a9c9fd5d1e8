"""Unwatched speakers merged by name; pronouns, crowds and documents are nobody (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.analysis.quotes import analyse
from sidebyside.analysis.quotes.voices import one_spelling, voice
from sidebyside.analysis.speakers import Watchlist, fold
from sidebyside.analysis.story_quotes import analyse_story
from sidebyside.ingest.story import load_story
from sidebyside.model import Article, ArticleQuotes

DATA = Path(__file__).parent / "data"


def story(*sentences: str) -> Article:
    return Article("a.txt", "a.txt", "Test", None, None, None, None, tuple(sentences), tuple(range(len(sentences))))


def speakers_of(results: tuple[ArticleQuotes, ...]) -> set[str]:
    return {q.speaker for r in results for q in r.quotes}


def sources_of(results: tuple[ArticleQuotes, ...]) -> set[str | None]:
    return {f.attributed_to for r in results for f in r.figures}


# ------------------------------------------------------------------ who is nobody to quote


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("he", None),
        ("They", None),
        ("someone", None),
        ("Several", None),
        ("Many of them", None),
        ("250 people", None),
        ("2,000 workers", None),
        ("hundreds of residents", None),
        ("public records", None),
        ("the statement", None),
        ("data", None),
        ("the latest toll", None),
        ("the ministry's statement", "the ministry"),
        ("figures from the World Bank", "World Bank"),
        ("O'Neill's statement", "O'Neill"),
        ("a French official", "a French official"),
        ("one driver", "one driver"),  # one person, not a crowd
        ("Survivors", "Survivors"),  # a group that speaks, as "residents" or "officials" do
        ("police", "police"),
        ("the coast guard", "the coast guard"),
        ("Northline", "Northline"),
    ],
)
def test_a_pronoun_a_crowd_or_a_document_is_nobody(label: str, shown: str | None):
    assert voice(label) == shown


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_a_voice_is_nobody_or_words_of_the_label(label: str):
    shown = voice(label)
    assert shown is None or (shown and shown in label)


def test_quotes_of_nobody_are_left_out_and_figures_lose_their_source():
    article = story(
        "Survivors described scenes of panic as the ship tilted.",
        "Several said that only two of the eight lifeboats had been lowered.",
        "The plant was fined 2.5 million crowns in 2021, according to public records.",
        "“We are ready,” he said.",
    )
    speech = analyse(article, Watchlist.of(()))
    said = [a.speaker.label for s in speech.sentences for a in s.acts if a.speaker is not None]
    assert "Several" in said and "he" in said  # found as the subjects of "said" ...
    assert {q.speaker for q in speech.quotes} == {"Survivors"}  # ... but given no words
    results = analyse_story([article], ())
    assert speakers_of(results) == {"Survivors"}
    assert sources_of(results) == {None}


@pytest.mark.parametrize("folder", ["rail_strike", "harbour_chemical_fire", "kalyros_ferry", "valdoria_floods"])
def test_no_story_gives_words_to_a_pronoun_a_crowd_or_a_document(folder: str):
    results = analyse_story(load_story([str(DATA / folder)]).articles, ())
    for name in speakers_of(results) | (sources_of(results) - {None}):
        assert name is not None and voice(name) == name, name
    assert {"he", "Several", "250 people", "public records"}.isdisjoint(speakers_of(results) | sources_of(results))


# ------------------------------------------------------------------ one name per speaker


def test_unwatched_people_are_merged_by_name_across_titles_appositives_and_typos():
    results = analyse_story(load_story([str(DATA / "rail_strike")]).articles, ())
    speakers = speakers_of(results)
    assert {"Amelia Rutherford", "Tomasz Wieczorek", "Rajiv Menon", "Sarah Lindqvist"} <= speakers
    for surname, name in [
        ("Rutherford", "Amelia Rutherford"),
        ("Wieczorek", "Tomasz Wieczorek"),
        ("Weiczorek", "Tomasz Wieczorek"),
        ("Lindqvist", "Sarah Lindqvist"),
    ]:
        assert {s for s in speakers if surname in s} <= {name}
    assert "a spokesman for Menon" in speakers  # a person speaking for him is not him


def test_named_people_keep_their_quotes_whoever_is_watched():
    """Watching nobody, or somebody else, the story's named people are the same speakers."""
    articles = load_story([str(DATA / "valdoria_floods")]).articles
    nobody = analyse_story(articles, ())
    someone = analyse_story(articles, ["Henrik Dahl"])
    assert [[q for q in r.quotes] for r in nobody] == [[q for q in r.quotes] for r in someone]


def test_a_body_is_one_speaker_however_a_sentence_capitalises_it():
    results = analyse_story(load_story([str(DATA / "harbour_chemical_fire")]).articles, ())
    speakers = speakers_of(results) | (sources_of(results) - {None})
    assert "police" in speakers and "Police" not in speakers
    valdoria = analyse_story(load_story([str(DATA / "valdoria_floods")]).articles, ())
    assert "the Red Cross" in speakers_of(valdoria) and "Red Cross" not in speakers_of(valdoria)


def test_one_spelling_prefers_the_lower_case_then_the_most_printed():
    spelling = one_spelling(["Police", "Police", "police", "Red Cross", "the Red Cross", "Officials", "Officials"])
    assert spelling["Police"] == spelling["police"] == "police"
    assert spelling["Red Cross"] == spelling["the Red Cross"] == "the Red Cross"
    assert spelling["Officials"] == "Officials"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Police", "police", "the police", "A spokesman", "a spokesman", "Red Cross"])))
def test_one_spelling_maps_each_label_to_an_equal_label_that_was_printed(labels: list[str]):
    spelling = one_spelling(labels)
    assert set(spelling) == set(labels)
    for label, shown in spelling.items():
        assert shown in labels

        def key(text: str) -> str:
            return fold(text).removeprefix("the ").removeprefix("a ")

        assert key(shown) == key(label)
