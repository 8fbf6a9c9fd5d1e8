"""The story's named people: found in the text, merged by name, proposed by quotes (issue 12)."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.analysis import people as people_module
from sidebyside.analysis import speakers
from sidebyside.analysis.people import named_people, propose, quote_counts, story_watchlist
from sidebyside.analysis.speakers import Watchlist
from sidebyside.analysis.story_quotes import analyse_story
from sidebyside.analysis.watching import given_list, provisional
from sidebyside.ingest.story import load_story
from sidebyside.model import Article

from conftest import make_article

DATA = Path(__file__).parent / "data"


def story(*sentences: str) -> list[Article]:
    return [Article("a.txt", "a.txt", "Test", None, None, None, None, tuple(sentences), tuple(range(len(sentences))))]


def names(articles: list[Article]) -> list[str]:
    return [p.name for p in named_people(articles)]


# ------------------------------------------------------------------ who is a named person


def test_the_rail_strike_names_four_people_and_no_place_or_company():
    found = named_people(load_story([str(DATA / "rail_strike")]).articles)
    assert {p.name for p in found} == {"Rajiv Menon", "Tomasz Wieczorek", "Amelia Rutherford", "Sarah Lindqvist"}
    wieczorek = next(p for p in found if p.name == "Tomasz Wieczorek")
    assert wieczorek.spellings == ("Tomasz Weiczorek",)  # the typo joins the spelling printed most


def test_particles_stay_with_the_surname_and_case_variants_are_one_person():
    found = {p.name: p for p in named_people(load_story([str(DATA / "mine_collapse")]).articles)}
    assert "Pieter van der Berg" in found
    assert found["Pieter van der Berg"].spellings == ("Pieter Van der Berg",)
    assert found["Thandiwe Mokoena"].spellings == ("Thandiwe Mokeona",)


def test_a_role_or_title_before_the_name_is_cut_off_and_shows_a_person():
    assert names(story("Transport Secretary Amelia Rutherford urged both sides to talk.")) == ["Amelia Rutherford"]
    assert names(story("Rail union leader Tomasz Wieczorek said on Thursday he was ready.")) == ["Tomasz Wieczorek"]
    assert names(story("Commuter Sarah Lindqvist said the journey took three hours.")) == ["Sarah Lindqvist"]
    assert names(story("It was backed by UN-backed Prime Minister Fayez al-Sarraj in Tripoli.")) == ["Fayez al-Sarraj"]


def test_an_age_or_a_role_after_the_name_shows_a_person():
    assert names(story("Sarah Lindqvist, 34, waited three hours.")) == ["Sarah Lindqvist"]
    assert names(story("Henrik Dahl, the Red Cross regional director, spoke.")) == ["Henrik Dahl"]


def test_a_surname_that_speaks_alone_shows_a_person():
    assert names(story("Rajiv Menon runs the company.", "Menon said the offer was fair.")) == ["Rajiv Menon"]


def test_capitals_alone_make_no_person():
    text = story(
        "The Red Cross said it had opened shelters.",
        "A Downing Street source said the prime minister was frustrated.",
        "Northline Rail said services would resume, and Aegis Lines apologised.",
        "Both Macron and Conte met him in Rome.",
        "The Libyan National Army advanced on Tuesday.",
    )
    assert names(text) == []


def test_first_names_and_middle_initials_of_one_person_merge_but_other_people_stay_apart():
    text = story(
        "FBI Director Chris Wray spoke first.",
        "Director Christopher Wray said the devices were real.",
        "Former CIA Director John O. Brennan said little.",
        "Director John Brennan said so too.",
        "Senator Hillary Clinton said she was safe.",
        "President Bill Clinton said he was safe.",
    )
    found = {p.name: p for p in named_people(text)}
    assert len(found) == 4 and {"Bill Clinton", "Hillary Clinton", "Chris Wray"} <= set(found)
    brennan = next(p for name, p in found.items() if name.endswith("Brennan"))
    assert {brennan.name, *brennan.spellings} == {"John O. Brennan", "John Brennan"}
    assert found["Chris Wray"].spellings == ("Christopher Wray",)


# ------------------------------------------------------------------ the analysis resolves them


def test_every_speaker_phrase_of_a_named_person_resolves_to_one_name():
    results = analyse_story(load_story([str(DATA / "rail_strike")]).articles, ())
    speakers = {q.speaker for r in results for q in r.quotes}
    assert {"Amelia Rutherford", "Tomasz Wieczorek", "Rajiv Menon", "Sarah Lindqvist"} <= speakers
    for phrase in (
        "Transport Secretary Amelia Rutherford",
        "the transport secretary",
        "Tomasz Wieczorek, the union's general secretary",
        "Wieczorek",
        "Tomasz Weiczorek",
        "Rail union leader Tomasz Wieczorek",
        "Chief executive Rajiv Menon",
        "Menon, Northline's chief executive",
        "Commuter Sarah Lindqvist",
    ):
        assert phrase not in speakers


def test_a_watched_name_the_story_does_not_print_keeps_its_surname():
    articles = load_story([str(DATA / "rail_strike")]).articles
    analysed = story_watchlist(["Rutherford"], articles)
    assert "Rutherford" in analysed.names and "Amelia Rutherford" not in analysed.names
    results = analyse_story(articles, ["Rutherford"])
    assert "Rutherford" in {q.speaker for r in results for q in r.quotes}


def test_watching_one_of_the_storys_people_needs_no_new_analysis():
    articles = load_story([str(DATA / "rail_strike")]).articles
    nobody = story_watchlist((), articles).names
    assert story_watchlist(["Sarah Lindqvist", "Rajiv Menon"], articles).names == nobody
    assert story_watchlist(["sarah lindqvist"], articles).names != nobody  # the watcher's spelling is kept


# ------------------------------------------------------------------ proposals


def test_proposals_are_the_most_quoted_named_people_with_their_counts():
    results = analyse_story(load_story([str(DATA / "rail_strike")]).articles, ())
    proposed = propose(results, ())
    assert [p.name for p in proposed] == ["Tomasz Wieczorek", "Rajiv Menon", "Amelia Rutherford", "Sarah Lindqvist"]
    counts = quote_counts(results)
    assert all((p.quotes, p.outlets) == counts[p.name] for p in proposed)
    assert [p.quotes for p in proposed] == sorted((p.quotes for p in proposed), reverse=True)
    assert "Northline" not in {p.name for p in proposed}  # a company speaks, but is no named person


def test_watched_people_are_not_proposed():
    results = analyse_story(load_story([str(DATA / "rail_strike")]).articles, ())
    assert [p.name for p in propose(results, ["tomasz wieczorek", "Rajiv Menon"])] == [
        "Amelia Rutherford",
        "Sarah Lindqvist",
    ]


def test_a_person_never_quoted_is_not_proposed():
    results = analyse_story(story("Fire chief Tor Aasen arrived.", "The mayor said it was safe."), ())
    assert names([r.article for r in results]) == ["Tor Aasen"]
    assert propose(results, ()) == ()


def test_the_list_a_story_opens_with():
    assert given_list(["A B"], ["C D"], True) is not None
    assert given_list(["A B"], ["C D"], True).source == "--speaker"  # type: ignore[union-attr]
    assert given_list(None, ["C D"], True).names == ("C D",)  # type: ignore[union-attr]
    assert given_list(None, [], True).source == "story.toml"  # type: ignore[union-attr]  # an empty saved list is a list
    assert given_list(None, None, True).source == "bundled"  # type: ignore[union-attr]
    assert given_list(None, None, False) is None
    results = analyse_story(load_story([str(DATA / "rail_strike")]).articles, ())
    opening = provisional(propose(results, ()))
    assert opening.proposed and opening.names == ("Tomasz Wieczorek", "Rajiv Menon", "Amelia Rutherford")


# ------------------------------------------------------------------ properties

GIVEN = st.sampled_from(["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hamid"])
SURNAMES = ["Lindqvist", "Rutherford", "Okonjo", "Wieczorek", "Menon", "Moberg", "Petridis", "Solheim", "Mwale"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(GIVEN, st.sampled_from(SURNAMES)), min_size=1, max_size=6, unique_by=lambda p: p[1]))
def test_people_introduced_by_a_role_are_found_and_their_quotes_are_under_their_name(people):
    sentences = []
    for first, last in people:
        sentences.append(f"Spokeswoman {first} {last} said the talks had failed on Tuesday.")
        sentences.append(f"“We will not give up,” {last} told reporters.")
    results = analyse_story(story(*sentences), ())
    assert {p.name for p in named_people([r.article for r in results])} == {f"{f} {last}" for f, last in people}
    counts = quote_counts(results)
    assert counts == {f"{first} {last}": (2, 1) for first, last in people}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), min_size=1, max_size=6))
def test_every_name_found_is_printed_in_the_story(sentences):
    articles = story(*sentences)
    text = " ".join(sentences)
    for person in named_people(articles):
        assert person.name in text
        assert person.mentions >= 1
        assert all(spelling in text for spelling in person.spellings)


def test_finding_people_is_linear_in_the_number_of_names():
    """A story naming thousands of people: finding them, and resolving every name (the
    watchlist's lookups are indexed, not a comparison with every person), grow linearly."""

    def make(n: int) -> list[Article]:
        sentences = []
        for k in range(n):
            surname = "".join("bcdfghklmnprstvz"[(k >> (4 * d)) & 15] + "aeiou"[(k + d) % 5] for d in range(4))
            sentences.append(f"Spokeswoman Elena {surname.capitalize()} said the talks had failed.")
        return story(*sentences)

    def timed(n: int) -> float:
        best = float("inf")
        for _ in range(3):
            articles = make(n)
            for cached in (
                people_module._named_people,
                people_module._runs,
                speakers._mentions,
                speakers._roles_in_sentence,
            ):
                cached.cache_clear()
            start = time.perf_counter()
            analyse_story(articles, ())
            best = min(best, time.perf_counter() - start)
        return best

    small, large = timed(300), timed(1200)
    assert large < 10.0
    assert large / max(small, 0.005) < 8.0, (small, large)


def test_the_watchlist_index_finds_names_typos_and_particles():
    people = Watchlist.of(["Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame", "Fayez al-Sarraj", "Tom Ray"])
    for word, who in [
        ("Hafter", "Khalifa Haftar"),
        ("Marcon", "Emmanuel Macron"),
        ("Salamé", "Ghassan Salame"),
        ("Sarraj", "Fayez al-Sarraj"),
        ("Serraj", "Fayez al-Sarraj"),
        ("Ray", "Tom Ray"),
        ("Rey", None),  # under five letters: spelt exactly
        ("Haftars", "Khalifa Haftar"),
        ("Harfat", None),
        ("hafter", None),  # a typo counts only in a capitalised word
    ]:
        found = people.match_word(word)
        assert (found.name if found else None) == who, word


def test_a_question_word_or_an_opening_adjective_is_no_given_name():
    # Headlines and sentence openings put a capital on words that are no part of a name.
    article = make_article(
        "Why Delhi demands clean air, Delhi said on Monday.",
        "Recent Samsung phones sold well, Samsung said.",
        "Omar Haddad, the spokesman, said it was fine.",
    )
    assert [p.name for p in named_people([article])] == ["Omar Haddad"]


def test_an_opening_gerund_or_preposition_is_no_given_name():
    # "Hosting Cook" and "Within Delhi" are not people: Cook stays Tim Cook's.
    article = make_article(
        "Tim Cook, the chief executive, spoke at Dreamforce.",
        "Hosting Cook at Dreamforce, Benioff praised Apple, Cook said.",
        "Within Delhi, pollution rose, officials said.",
    )
    assert [p.name for p in named_people([article])] == ["Tim Cook"]
