"""Speakers: names, typos, titles, possessives and roles resolve to the right person."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.analysis.speakers import (
    DEFAULT_SPEAKERS,
    Resolver,
    Watchlist,
    find_mentions,
    role_of,
    roles_in_sentence,
)
from sidebyside.model import Article

WATCH = Watchlist.of(None)


def article(*sentences: str) -> Article:
    return Article("a.txt", "a.txt", None, None, None, None, None, tuple(sentences), tuple(range(len(sentences))))


def people(text: str, watchlist: Watchlist = WATCH) -> list[str]:
    return [m.person for m in find_mentions(text, watchlist)]


def test_default_watchlist_is_the_bundled_story():
    assert WATCH.names == DEFAULT_SPEAKERS == ("Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame")


def test_user_names_replace_the_default_and_repeat_once():
    w = Watchlist.of(["Lucia Ferrante", "lucia  ferrante", "Marco Bellandi"])
    assert w.names == ("Lucia Ferrante", "Marco Bellandi")


def test_an_empty_name_is_refused():
    with pytest.raises(ValueError):
        Watchlist.of([" "])


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Khalifa Haftar rejected it.", "Khalifa Haftar"),
        ("Haftar rejected it.", "Khalifa Haftar"),
        ("Gen. Haftar rejected it.", "Khalifa Haftar"),
        ("Marshal Haftar rejected it.", "Khalifa Haftar"),
        ("Haftar's forces advanced.", "Khalifa Haftar"),
        ("Haftar’s forces advanced.", "Khalifa Haftar"),
        ("Hafter said so.", "Khalifa Haftar"),  # one-letter typo
        ("Haftar and Marcon met.", "Emmanuel Macron"),  # transposition
        ("Ghassan Salamé spoke.", "Ghassan Salame"),  # accent
    ],
)
def test_names_titles_possessives_and_typos(text: str, who: str):
    assert who in people(text)


def test_full_name_is_one_mention_covering_the_given_name():
    [m] = find_mentions("Gen. Khalifa Haftar spoke.", WATCH)
    assert "Gen. Khalifa Haftar spoke."[m.start : m.end] == "Khalifa Haftar"


def test_typos_need_five_letters_and_the_same_first_letter():
    w = Watchlist.of(["Henrik Dahl", "Khalifa Haftar"])
    assert people("Dahm said so.", w) == []  # four letters: exact only
    assert people("Jaftar said so.", w) == []  # first letter differs
    assert people("Haftar said so.", w) == ["Khalifa Haftar"]


def test_a_lower_case_word_is_never_a_name():
    w = Watchlist.of(["Tom Young"])
    assert people("Young people and young voters.", w) == ["Tom Young"]


def test_possessive_and_attributive_are_flagged():
    mentions = find_mentions("The Haftar-led army and Haftar's office.", WATCH)
    assert [(m.attributive, m.possessive) for m in mentions] == [(True, False), (False, True)]


def test_surname_particles():
    w = Watchlist.of(["Fayez al-Sarraj"])
    assert people("Prime Minister Fayez al-Sarraj, Sarraj and Serraj.", w) == ["Fayez al-Sarraj"] * 3


# ------------------------------------------------------------------ roles


@pytest.mark.parametrize(
    ("phrase", "head", "modifiers"),
    [
        ("the French president", "president", {"france"}),
        ("The U.N. envoy for Libya", "envoy", {"un", "libya"}),
        ("the UN secretary-general’s special representative for Libya", "envoy", {"un", "libya", "secretary-general"}),
        ("the head of U.N. mission to Libya", "envoy", {"un", "libya"}),
        ("the union's general secretary", "secretary", {"general"}),
        ("Russia's president", "president", {"russia"}),
    ],
)
def test_role_phrases(phrase: str, head: str, modifiers: set[str]):
    role = role_of(phrase)
    assert role is not None and role.head == head and role.modifiers == modifiers


@pytest.mark.parametrize(
    "phrase",
    ["the French presidential official", "a French official", "the Elysee", "the president's office", "the statement"],
)
def test_phrases_that_are_no_role(phrase: str):
    assert role_of(phrase) is None


def test_role_before_the_name_resolves_later_mentions():
    a = article("Haftar met French President Emmanuel Macron.", "The president said little.")
    r = Resolver.for_article(a, WATCH)
    assert r.person_for_role("the French president") == "Emmanuel Macron"
    assert r.person_for_role("the president") == "Emmanuel Macron"
    assert r.person_for_role("the Russian president") is None
    assert r.person_for_role("the French presidential official") is None
    assert r.person_for_role("a French official") is None


def test_appositive_roles_after_and_before_the_name():
    after = roles_in_sentence(
        "Ghassan Salame, the UN secretary-general’s special representative for Libya, told them.", WATCH
    )
    before = roles_in_sentence("Haftar said the head of U.N. mission to Libya, Ghassan Salame, was biased.", WATCH)
    assert [p for p, _ in after] == ["Ghassan Salame"] and [p for p, _ in before] == ["Ghassan Salame"]
    r = Resolver(WATCH, article_ties=tuple(after))
    assert r.person_for_role("the U.N. envoy for Libya") == "Ghassan Salame"


def test_a_role_used_before_the_name_is_introduced_still_resolves():
    a = article("The French president urged calm.", "Later, French President Emmanuel Macron met Haftar.")
    assert Resolver.for_article(a, WATCH).person_for_role("The French president") == "Emmanuel Macron"


def test_roles_learnt_from_other_outlets_of_the_story():
    one = article("Ghassan Salame, the UN special envoy for Libya, spoke.")
    other = article("The UN envoy for Libya warned of war.")
    learnt = WATCH.learn([one, other])
    assert Resolver.for_article(other, learnt).person_for_role("The UN envoy for Libya") == "Ghassan Salame"
    assert Resolver.for_article(other, WATCH).person_for_role("The UN envoy for Libya") is None


def test_anonymous_heads_are_never_tied():
    a = article("A French official, Jean Dupont, said so.")
    w = Watchlist.of(["Jean Dupont"])
    assert Resolver.for_article(a, w).person_for_role("the official") is None


def test_blocking_modifiers_must_agree():
    w = Watchlist.of(["Ana Ruiz"])
    r = Resolver.for_article(article("Former President Ana Ruiz spoke."), w)
    assert r.person_for_role("the former president") == "Ana Ruiz"
    assert r.person_for_role("the president") is None


def test_two_holders_of_a_role_go_to_the_one_named_last():
    w = Watchlist.of(["Emmanuel Macron", "Giorgia Ruiz"])
    a = article("French President Emmanuel Macron and Argentine President Giorgia Ruiz met.")
    r = Resolver.for_article(a, w)
    assert r.person_for_role("the president") is None  # nobody named yet: ambiguous
    r.note_mentions(0, find_mentions("Ruiz spoke after Macron.", w))
    assert r.person_for_role("the president") in {"Emmanuel Macron", "Giorgia Ruiz"}
    r.note_mentions(1, find_mentions("Ruiz spoke.", w))
    assert r.person_for_role("the president") == "Giorgia Ruiz"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_mentions_inside_it(text: str):
    for m in find_mentions(text, WATCH):
        assert 0 <= m.start < m.end <= len(text)
    roles_in_sentence(text, WATCH)
    role_of(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Joe Biden spoke in Iowa.", [("Joe Biden", "Joe Biden")]),
        ("Former Vice President Joe Biden spoke.", [("Joe Biden", "Joe Biden")]),
        ("Hunter Biden, a former board member, said nothing.", [("Hunter Biden", "Hunter Biden")]),
        ("Biden spoke in Iowa.", [("Hunter Biden", "Biden")]),  # the surname alone: the first watched
        ("Melania Trump, the first lady, smiled.", [("Melania Trump", "Melania Trump")]),
        ("Trump smiled.", [("Donald Trump", "Trump")]),
        ("Khalifa Haftar met Hunter Biden.", [("Khalifa Haftar", "Khalifa Haftar"), ("Hunter Biden", "Hunter Biden")]),
    ],
)
def test_namesakes_are_told_apart_by_their_given_names(text: str, found: list[tuple[str, str]]):
    watchlist = Watchlist.of(["Hunter Biden", "Joe Biden", "Donald Trump", "Melania Trump", "Khalifa Haftar"])
    assert [(m.person, text[m.start : m.end]) for m in find_mentions(text, watchlist)] == found


def test_a_surname_only_one_watched_person_holds_still_names_them():
    watchlist = Watchlist.of(["Joe Biden", "Khalifa Haftar"])
    assert [m.person for m in find_mentions("Biden met Haftar.", watchlist)] == ["Joe Biden", "Khalifa Haftar"]


def test_a_role_owned_by_somebody_else_is_not_covered_by_a_tie_that_names_its_owner():
    # "Rovers manager Brian Tully" does not answer for "Northline's manager"; a tie that
    # names no owner ("chief executive Rajiv Menon") still answers for "Northline's chief executive".
    owned = role_of("Northline's manager")
    rovers = role_of("Rovers manager")
    assert owned is not None and rovers is not None and not rovers.covers(owned)
    executive, owned_executive = role_of("chief executive"), role_of("Northline's chief executive")
    assert executive is not None and owned_executive is not None and executive.covers(owned_executive)
    named = role_of("Northline chief executive")
    assert named is not None and named.covers(owned_executive)
