"""Framing: the labels, attribution verbs and hedges each outlet uses for a person
(`analysis.framing`), its exports and the `framing` command, and the framing mark of
Compare (`framing_change`, the "f" in the Compare view's gutter)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.analysis.align import align
from sidebyside.analysis.framing import (
    ATTRIBUTION_VERBS,
    DENIAL_VERBS,
    HEDGE_ADVERBS,
    STATEMENT_VERBS,
    StoryFraming,
    framing,
    framing_change,
)
from sidebyside.analysis.story_quotes import analyse_story
from sidebyside.cli import main
from sidebyside.export.framing import cell_text, framing_markdown, framing_payload, framing_table
from sidebyside.model import Article, Stopped, Story

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
LIBYA = ("Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame")


def article(sentences: list[str] | tuple[str, ...], name: str = "t", outlet: str = "Test") -> Article:
    """One paragraph per sentence, so no quotation runs from one sentence into the next."""
    return Article(
        f"{name}.txt", f"{name}.txt", outlet, None, None, None, None, tuple(sentences), tuple(range(len(sentences)))
    )


def story_framing(*articles: Article, names: tuple[str, ...] = LIBYA) -> StoryFraming:
    return framing(analyse_story(articles, names), names)


def found(sentence: str, person: str = "Khalifa Haftar") -> list[tuple[str, str, str]]:
    """(kind, term, text) of every term the one-sentence article gives `person`."""
    cell = story_framing(article([sentence])).cell(person, "t.txt")
    return [(t.kind, t.term, t.text) for t in cell.terms]


# ------------------------------------------------------------------ done when: the bundled story


def test_seeds_json_lists_strongman_for_afp_and_commander_for_reuters_and_asharq(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["framing", str(SEEDS), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    haftar = next(p for p in payload["people"] if p["person"] == "Khalifa Haftar")
    labels = {o["outlet"]: o["labels"] for o in haftar["outlets"]}
    for outlet, term, words in (
        ("AFP", "strongman", "Libyan strongman"),
        ("Reuters", "commander", "Libyan eastern commander"),
        ("Asharq Al-Awsat", "commander", "Libyan National Army commander"),
    ):
        label = next(x for x in labels[outlet] if x["term"] == term)
        assert label["text"] == words
        assert label["sentence"] == 0
        assert label["sentence_text"].startswith(f"{words} Khalifa Haftar")
        assert label["sentence_text"][label["start"] : label["end"]] == words
    assert {x["term"] for o in labels.values() for x in o} == {"strongman", "commander", "general"}


def test_seeds_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["framing", str(SEEDS), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["speakers"] == list(LIBYA)
    assert payload["speakers_from"] == "bundled"
    assert [a["outlet"] for a in payload["articles"]] == ["Reuters", "SMA News", None, "AFP", "Asharq Al-Awsat"]
    for person in payload["people"]:
        assert [o["id"] for o in person["outlets"]] == [a["id"] for a in payload["articles"]]
        for cell in person["outlets"]:
            assert set(cell) == {"id", "outlet", "mentions", "labels", "verbs", "hedges"}
            for term in cell["labels"] + cell["verbs"] + cell["hedges"]:
                assert set(term) == {"term", "text", "sentence", "start", "end", "sentence_text"}
                assert term["sentence_text"][term["start"] : term["end"]] == term["text"]


def test_seed_verbs_and_hedges_come_from_the_quotes_and_the_words_around_the_name(seeds_story: Story) -> None:
    found_story = story_framing(*seeds_story.articles)
    afp = found_story.cell("Khalifa Haftar", "003_4d220cef3e03f249.txt")
    assert ("verb", "said") in [(t.kind, t.term) for t in afp.terms]
    hedge = afp.of_kind("hedge")
    assert [(t.term, t.sentence) for t in hedge] == [("self-styled", 10)]  # "Haftar's self-styled Libyan National Army"
    reuters = found_story.cell("Khalifa Haftar", "000_141c9d3bbb55366e.txt")
    assert reuters.counted("verb") == (("told", 1), ("said", 1))
    # AFP's "marshal Haftar's way" is inside an official's quotation: the official's word, not AFP's
    assert "marshal" not in [t.term for t in afp.terms]


# ------------------------------------------------------------------ precision: hand-written sentences

LABELS = [
    ("Libyan strongman Khalifa Haftar rejected a ceasefire.", "strongman", "Libyan strongman"),
    ("Field Marshal Khalifa Haftar met the envoy in Paris.", "field marshal", "Field Marshal"),
    ("Gen. Khalifa Haftar arrived in Paris.", "general", "Gen."),
    ("The renegade general Khalifa Haftar said nothing.", "renegade general", "renegade general"),
    ("Haftar, the eastern commander, rejected the plan.", "commander", "eastern commander"),
    ("Haftar, a former general whose forces surround Tripoli, rejected it.", "general", "former general"),
    ("The commander of the army, Khalifa Haftar, said nothing.", "commander", "commander of the army"),
    ("Forces loyal to Libyan National Army commander Khalifa Haftar advanced.", "commander",
     "Libyan National Army commander"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "term", "text"), LABELS)
def test_a_label_before_or_beside_the_name(sentence: str, term: str, text: str) -> None:
    assert found(sentence) == [("label", term, text)]


@pytest.mark.parametrize(
    ("sentence", "person", "term", "text"),
    [
        ("French President Emmanuel Macron hosted the talks.", "Emmanuel Macron", "president", "French President"),
        ("UN envoy Ghassan Salame warned of a long war.", "Ghassan Salame", "envoy", "UN envoy"),
        ("Salame, the UN envoy for Libya, warned of war.", "Ghassan Salame", "envoy", "UN envoy for Libya"),
        ("Meanwhile President Emmanuel Macron left Paris.", "Emmanuel Macron", "president", "President"),
    ],
)
def test_labels_of_other_people(sentence: str, person: str, term: str, text: str) -> None:
    assert ("label", term, text) in found(sentence, person)


NO_LABEL = [
    "Haftar's forces advanced on Tripoli.",
    "Macron and Haftar met in Paris.",
    "Macron met Haftar on Tuesday.",
    "Tuesday Haftar said nothing.",
    "Mr. Haftar arrived in Paris.",
    "Haftar, whose forces surround Tripoli, rejected the plan.",
    "Haftar, 75, arrived in Paris on Tuesday.",
    "Haftar, speaking in Paris, said nothing.",
    "Haftar, who has been accused of war crimes, said nothing.",
    "After meeting Haftar, the president said talks would continue.",
    "He met Haftar, Macron and Salame on Tuesday.",
    "Haftar, Macron, and the UN envoy met on Tuesday.",
    "The Haftar-led army is allied with the eastern government.",
    '"Strongman Haftar must go," the prime minister said.',
    "Macron praised Haftar, the army and the militias.",
]


@pytest.mark.parametrize("sentence", NO_LABEL)
def test_no_label(sentence: str) -> None:
    assert [t for t in found(sentence) if t[0] == "label"] == []


def test_a_person_watched_by_surname_keeps_the_labels_before_the_full_name() -> None:
    sentences = [
        "Libyan strongman Khalifa Haftar rejected a ceasefire.",
        "Haftar also said the head of U.N. mission to Libya, Ghassan Salame, was no longer impartial.",
    ]
    found_story = story_framing(article(sentences), names=("Haftar", "Salame"))
    assert [t.text for t in found_story.cell("Haftar", "t.txt").of_kind("label")] == ["Libyan strongman"]
    assert [t.text for t in found_story.cell("Salame", "t.txt").of_kind("label")] == ["head of U.N. mission to Libya"]


@pytest.mark.parametrize("watched", ["Clapper", "James Clapper"])
def test_a_title_ending_in_capitals_stops_at_the_given_name(watched: str) -> None:
    sentence = "One package went to former Director of National Intelligence James Clapper on Friday."
    cell = story_framing(article([sentence]), names=(watched,)).cell(watched, "t.txt")
    assert [(t.term, t.text) for t in cell.terms] == [("director", "former Director of National Intelligence")]


def test_an_appositive_holding_another_name_is_a_list_not_a_label() -> None:
    sentence = "Packages were sent to Khalifa Haftar, former Secretary of State Ghassan Salame, and others."
    assert [t for t in found(sentence) if t[0] == "label"] == []
    assert ("label", "secretary of state", "former Secretary of State") in found(sentence, "Ghassan Salame")


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Haftar said the talks had failed.", "said"),
        ("Haftar claimed the city had been liberated.", "claimed"),
        ('"We will win," Haftar insisted.', "insisted"),
        ("Haftar admitted the offensive had stalled.", "admitted"),
        ("Haftar warned that the war would go on.", "warned"),
        ("Haftar told the newspaper that the talks had failed.", "told"),
    ],
)
def test_the_attribution_verb_of_the_persons_quote(sentence: str, verb: str) -> None:
    terms = found(sentence)
    assert [(kind, term) for kind, term, _ in terms] == [("verb", verb)]
    assert terms[0][2] == verb


def test_the_verb_of_somebody_elses_quote_is_not_the_persons() -> None:
    assert found("An official said Haftar had rejected the plan.") == []


@pytest.mark.parametrize(
    ("sentence", "hedges"),
    [
        ("Haftar reportedly told aides he would not stop.", ["reportedly"]),
        ("Haftar allegedly ordered the strikes.", ["allegedly"]),
        ("Haftar has apparently left Paris.", ["apparently"]),
        ("According to Haftar, the talks failed.", ["according to"]),
        ("Self-styled Field Marshal Khalifa Haftar arrived in Paris.", ["self-styled"]),
        ("The so-called Field Marshal Khalifa Haftar arrived.", ["so-called"]),
        ("Haftar's self-proclaimed army advanced.", ["self-proclaimed"]),
        ("The strikes were ordered by Haftar, according to officials.", []),
        ("Officials reportedly met Haftar in Paris.", []),
        ('"The self-styled marshal Haftar must go," Sarraj said.', []),
    ],
)
def test_hedges_near_the_person_or_the_attribution(sentence: str, hedges: list[str]) -> None:
    assert [term for kind, term, _ in found(sentence) if kind == "hedge"] == hedges


def test_a_hedged_title_is_a_label_and_a_hedge() -> None:
    assert found("Self-styled Field Marshal Khalifa Haftar arrived in Paris.") == [
        ("label", "field marshal", "Self-styled Field Marshal"),
        ("hedge", "self-styled", "Self-styled"),
    ]


# ------------------------------------------------------------------ descriptions standing in for the name


def test_a_description_tied_to_the_name_elsewhere_stands_in_for_it() -> None:
    a = article(["Haftar, the renegade general, advanced on Tripoli."], "a")
    b = article(["Khalifa Haftar arrived in Paris.", "The renegade general met Macron for an hour."], "b")
    cell = story_framing(a, b).cell("Khalifa Haftar", "b.txt")
    assert [(t.kind, t.term, t.text, t.sentence) for t in cell.terms] == [
        ("label", "renegade general", "renegade general", 1)
    ]


def test_a_description_two_people_share_stands_in_for_neither() -> None:
    a = article(["Veteran commander Khalifa Haftar met veteran commander Ghassan Salame."], "a")
    b = article(["Haftar and Salame met.", "The veteran commander said nothing."], "b")
    found_story = story_framing(a, b)
    for person in ("Khalifa Haftar", "Ghassan Salame"):
        assert found_story.cell(person, "b.txt").of_kind("label") == ()


def test_no_stand_in_where_the_article_never_names_the_person_or_another_is_meant() -> None:
    a = article(["Haftar, the renegade general, advanced on Tripoli."], "a")
    b = article(["The renegade general met Macron."], "b")  # b never names Haftar
    c = article(["Haftar left.", "The renegade general of the south, Omar Tal, stayed."], "c")  # someone else
    found_story = story_framing(a, b, c)
    assert found_story.cell("Khalifa Haftar", "b.txt").terms == ()
    assert found_story.cell("Khalifa Haftar", "c.txt").of_kind("label") == ()


# ------------------------------------------------------------------ properties of the terms

NAMES_IN_TEXT = st.sampled_from(["Khalifa Haftar", "Haftar", "Haftar's", "Gen. Khalifa Haftar", "Macron"])
WORDS = st.sampled_from(
    ["Libyan", "strongman", "the", "eastern", "commander", ",", "said", "claimed", "reportedly", "self-styled",
     "who", "met", "and", "Tuesday", '"', "“", "”", "according", "to", "forces", "renegade", "general", "."]
)  # fmt: skip
SENTENCES = st.lists(st.one_of(WORDS, NAMES_IN_TEXT), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=3))
def test_every_term_is_the_words_printed_at_its_place(sentences: list[str]) -> None:
    found_story = story_framing(article(sentences))
    for cell in found_story.framings:
        for t in cell.terms:
            assert sentences[t.sentence][t.start : t.end] == t.text
            assert t.term and t.term == t.term.lower()
            if t.kind == "label":
                assert t.text.split()[-1].rstrip(".").lower() not in {"said", "tuesday", "who", "and", "forces"}


@settings(max_examples=200, deadline=None)
@given(SENTENCES)
def test_a_sentence_compared_with_itself_has_no_framing_change(sentence: str) -> None:
    assert framing_change(sentence, sentence, LIBYA) is None


VERBS = sorted(v for v in ATTRIBUTION_VERBS if v.endswith("ed") or v in {"said", "told"})


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(VERBS), st.sampled_from(VERBS), st.sampled_from(["the talks failed", "he would stay"]))
def test_swapping_the_attribution_verb_is_a_framing_change(old: str, new: str, rest: str) -> None:
    change = framing_change(f"Haftar {old} {rest}.", f"Haftar {new} {rest}.", LIBYA)
    same_act = {old, new} <= STATEMENT_VERBS or {old, new} <= DENIAL_VERBS
    assert change == (f"{old} → {new}" if old != new and same_act else None)


@pytest.mark.parametrize(
    ("old", "new"),
    [("said", "denied"), ("denied", "confirmed"), ("told", "denied"), ("demanded", "pledged"), ("asked", "told"),
     ("accused", "hailed"), ("alleged", "confirmed"), ("reported", "predicted")],
)  # fmt: skip
def test_a_verb_of_another_act_is_no_framing_change(old: str, new: str) -> None:
    # "said → denied", "demanded → pledged": what the person did changed, not how it is framed.
    assert framing_change(f"Haftar {old} the talks failed.", f"Haftar {new} the talks failed.", LIBYA) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police are seeking suspect Khalifa Haftar.", "Police are seeking witness Khalifa Haftar."),
        ("Ghassan Salame, the envoy for Libya, spoke.", "Ghassan Salame, the envoy for Syria, spoke."),
        ("President Emmanuel Macron spoke.", "Former President Emmanuel Macron spoke."),
        ("Khalifa Haftar, a rival of the government, spoke.", "Khalifa Haftar, an ally of the government, spoke."),
        ("CIA director Ghassan Salame spoke.", "FBI director Ghassan Salame spoke."),
        ("Ghassan Salame, a Democrat, spoke.", "Ghassan Salame, a Republican, spoke."),
        ("Libya's strongman Khalifa Haftar said no.", "Syria's strongman Khalifa Haftar said no."),
    ],
)
def test_a_label_edit_that_changes_a_fact_is_no_framing_change(a: str, b: str) -> None:
    assert framing_change(a, b, LIBYA) is None


@pytest.mark.parametrize(
    ("a", "b", "change"),
    [
        ("Field Marshal Khalifa Haftar said no.", "General Khalifa Haftar said no.", "Field Marshal → General"),
        ("Libyan strongman Khalifa Haftar said no.", "Libyan eastern commander Khalifa Haftar said no.",
         "strongman → eastern commander"),
        ("Haftar said the talks failed.", "Haftar conceded the talks failed.", "said → conceded"),
        # a sentence's first word is capitalised by its place, not because it is a name
        ("Opposition leader Khalifa Haftar spoke.", "Self-proclaimed leader Khalifa Haftar spoke.",
         "Opposition → Self-proclaimed"),
        ("The alleged bomber Khalifa Haftar appeared.", "The accused bomber Khalifa Haftar appeared.",
         "alleged → accused"),
        ("Accused bomber Khalifa Haftar appeared.", "Alleged bomber Khalifa Haftar appeared.", "Accused → Alleged"),
    ],
)  # fmt: skip
def test_titles_descriptions_and_statement_verbs_are_framing(a: str, b: str, change: str) -> None:
    assert framing_change(a, b, LIBYA) == change


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Haftar accused the talks failed.", "Haftar alleged the talks failed."),
        ("Haftar accused Sarraj of lying.", "Haftar alleged Sarraj of lying."),
        ("Haftar alleged, without evidence, that the talks failed.",
         "Haftar accused, without evidence, that the talks failed."),
    ],
)  # fmt: skip
def test_accused_and_alleged_as_verbs_are_two_acts_not_two_hedges(a: str, b: str) -> None:
    # Found by the property test above: the hedge adjectives of "the accused bomber" are
    # verbs after a subject, and accusing someone is another act than alleging something.
    assert framing_change(a, b, LIBYA) is None


@pytest.mark.parametrize(
    "before",
    ["Police arrested", "Lawyers for", "On Friday,", "The", "Haftar's"],
)
def test_accused_and_alleged_before_a_noun_are_hedges_wherever_they_stand(before: str) -> None:
    # A review found the first version reading these as verbs: a hedge adjective may
    # follow a verb, a preposition or a comma; it is followed by the noun it qualifies.
    a, b = f"{before} accused bomber Khalifa Haftar spoke.", f"{before} alleged bomber Khalifa Haftar spoke."
    assert framing_change(a, b, LIBYA) == "accused → alleged"


def test_namesakes_do_not_share_labels() -> None:
    names = ("Donald Trump", "Melania Trump")
    cells = story_framing(article(["Melania Trump, the first lady, smiled."]), names=names)
    assert [t.term for t in cells.cell("Donald Trump", "t.txt").terms] == []
    assert [t.text for t in cells.cell("Melania Trump", "t.txt").terms] == ["first lady"]


def test_a_stand_in_is_nobody_s_when_two_people_hold_its_term() -> None:
    # "Gen." and "General" are one term: "the general" may be either man.
    names = ("Khalifa Haftar", "Mark Milley")
    found_story = story_framing(
        article(
            ["Gen. Khalifa Haftar met General Mark Milley.", "Haftar's spokesman said the general would not sign."]
        ),
        names=names,
    )
    assert [t.sentence for t in found_story.cell("Mark Milley", "t.txt").terms] == [0]
    assert [t.sentence for t in found_story.cell("Khalifa Haftar", "t.txt").terms if t.kind == "label"] == [0]


@pytest.mark.parametrize(
    "sentence",
    ["Forces loyal to Khalifa Haftar reportedly shelled the airport.", "Rebels backed by Haftar reportedly seized it."],
)
def test_a_hedge_after_someone_else_s_verb_is_not_the_person_s(sentence: str) -> None:
    assert found(sentence) == []


def test_a_prefixed_verb_before_a_title_is_not_part_of_it() -> None:
    sentence = "Louisiana voters re-elected Governor Khalifa Haftar on Saturday."
    assert found(sentence) == [("label", "governor", "Governor")]


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("France will host Haftar in Paris next week.", "Khalifa Haftar"),  # a modal: "host" is a verb
        ("Italy and France host Haftar this week.", "Khalifa Haftar"),  # two subjects
        ("Officials suspect Haftar ordered the strike.", "Khalifa Haftar"),  # a plural subject
        ("Police accused Haftar of ordering the attack.", "Khalifa Haftar"),
        ("Macron and Conte host Haftar in Rome.", "Khalifa Haftar"),
        # The appositive belongs to the name after it, not to the end of the opening phrase.
        ("A day after meeting Haftar, the French president, Emmanuel Macron, said it.", "Khalifa Haftar"),
        ("Macron, Haftar, the eastern commander, and Salame met in Paris.", "Khalifa Haftar"),  # a list
        ("That is less than the $53 million figure Haftar cited.", "Khalifa Haftar"),  # a number's noun
    ],
)
def test_verbs_opening_phrases_and_lists_give_no_label(sentence: str, person: str) -> None:
    assert [t for t in found(sentence, person) if t[0] == "label"] == []


@pytest.mark.parametrize(
    ("sentence", "person", "labels"),
    [
        ("CNN host Khalifa Haftar spoke.", "Khalifa Haftar", [("label", "host", "CNN host")]),
        ("Talk show host Khalifa Haftar spoke.", "Khalifa Haftar", [("label", "host", "Talk show host")]),
        ("The talks with Haftar, the eastern commander, lasted two hours.", "Khalifa Haftar",
         [("label", "commander", "eastern commander")]),
        ("A day after meeting Haftar, the French president, Emmanuel Macron, said talks would go on.",
         "Emmanuel Macron", [("label", "president", "French president")]),
        ("The accused bomber Khalifa Haftar appeared in court.", "Khalifa Haftar",
         [("label", "bomber", "accused bomber"), ("hedge", "accused", "accused")]),
        # A preposition or a verb before a title is not part of it.
        ("Troops stay in Libya under President Emmanuel Macron's plan.", "Emmanuel Macron",
         [("label", "president", "President")]),
        ("Five of them would impeach President Emmanuel Macron.", "Emmanuel Macron",
         [("label", "president", "President")]),
    ],
)  # fmt: skip
def test_verb_like_heads_still_label_where_no_verb_can_stand(sentence: str, person: str, labels: list) -> None:
    assert [t for t in found(sentence, person) if t[0] != "verb"] == labels


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(HEDGE_ADVERBS)), st.sampled_from(["said", "told aides"]))
def test_adding_a_hedge_is_a_framing_change(hedge: str, verb: str) -> None:
    plain, hedged = f"Haftar {verb} the talks failed.", f"Haftar {hedge} {verb} the talks failed."
    assert framing_change(plain, hedged, LIBYA) == f"+ {hedge}"
    assert framing_change(hedged, plain, LIBYA) == f"− {hedge}"


# ------------------------------------------------------------------ framing_change


@pytest.mark.parametrize(
    ("a", "b", "change"),
    [
        ("Haftar said the talks had failed.", "Haftar claimed the talks had failed.", "said → claimed"),
        (
            "Libyan strongman Khalifa Haftar rejected a ceasefire.",
            "Libyan eastern commander Khalifa Haftar rejected a ceasefire.",
            "strongman → eastern commander",
        ),
        ("Khalifa Haftar rejected a ceasefire.", "Libyan strongman Khalifa Haftar rejected a ceasefire.",
         "+ Libyan strongman"),
        ("Libyan strongman Khalifa Haftar rejected a ceasefire.", "Khalifa Haftar rejected a ceasefire.",
         "− Libyan strongman"),
        (
            "Haftar, the eastern commander, rejected the plan.",
            "Haftar, the renegade general, rejected the plan.",
            "eastern commander → renegade general",
        ),
        ("Haftar said the talks failed.", "Haftar reportedly said the talks failed.", "+ reportedly"),
        ("Haftar said the talks had failed.", "Haftar said the talks had failed!", None),
        ("The fighting has killed 510 people.", "The fighting has killed 520 people.", None),
        ("Haftar said the talks had failed.", "Haftar said the talks had collapsed.", None),
        ("Haftar said the talks had failed.", "Haftar claimed the talks had collapsed.", None),
        ("Haftar said the talks failed.", "Macron said the talks failed.", None),
        ("Khalifa Haftar rejected a ceasefire.", "Haftar rejected a ceasefire.", None),
        ('"Strongman Haftar lies," Sarraj said.', '"Commander Haftar lies," Sarraj said.', None),
    ],
)  # fmt: skip
def test_framing_change(a: str, b: str, change: str | None) -> None:
    assert framing_change(a, b, LIBYA) == change


# ------------------------------------------------------------------ exports and the command


def two_outlets() -> StoryFraming:
    a = article(
        ["Libyan strongman Khalifa Haftar rejected a ceasefire.", "Haftar reportedly said he would fight."], "a", "AFP"
    )
    b = article(
        ["Libyan National Army commander Khalifa Haftar met Macron.", "Haftar claimed victory was near."], "b", "AP"
    )
    c = article(["Talks resumed in Geneva."], "c", "Bulletin")
    return story_framing(a, b, c, names=("Khalifa Haftar",))  # fmt: skip


def test_a_cell_counts_labels_verbs_and_hedges() -> None:
    found_story = two_outlets()
    assert cell_text(found_story.cell("Khalifa Haftar", "a.txt")) == "strongman · said · reportedly"
    assert cell_text(found_story.cell("Khalifa Haftar", "b.txt")) == "commander · claimed · –"
    assert cell_text(found_story.cell("Khalifa Haftar", "c.txt")) == "not named"


def test_payload_holds_every_person_and_outlet() -> None:
    payload = framing_payload(two_outlets(), "--speaker")
    assert payload["speakers"] == ["Khalifa Haftar"] and payload["speakers_from"] == "--speaker"
    cells = payload["people"][0]["outlets"]
    assert [(c["outlet"], c["mentions"]) for c in cells] == [("AFP", 2), ("AP", 2), ("Bulletin", 0)]
    assert [h["term"] for h in cells[0]["hedges"]] == ["reportedly"]
    assert cells[0]["hedges"][0]["sentence"] == 1


def test_table_and_markdown_show_each_term_with_its_sentence() -> None:
    found_story = two_outlets()
    table = framing_table(found_story, 100)
    assert "strongman" in table and "commander" in table and "not named" in table
    assert "label  strongman  S1  Libyan strongman Khalifa Haftar rejected a ceasefire." in table
    assert all(len(line) <= 100 for line in table.splitlines())
    notes = framing_markdown(found_story)
    assert "| AFP | strongman · said · reportedly |" in notes
    assert "- label **strongman** (S1): **Libyan strongman** Khalifa Haftar rejected a ceasefire." in notes
    assert "- hedge **reportedly** (S2): Haftar **reportedly** said he would fight." in notes


def test_markdown_escapes_article_text() -> None:
    found_story = story_framing(article(["Libyan strongman Khalifa Haftar *rejected* a [ceasefire]."]))
    assert r"Khalifa Haftar \*rejected\* a \[ceasefire\]." in framing_markdown(found_story)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_command_prints_each_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["framing", str(SEEDS), "--format", fmt, "--speaker", "Haftar"]) == 0
    out = capsys.readouterr().out
    assert "strongman" in out and "commander" in out and "Macron" not in out.split("\n")[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["framing", "no/such/folder"], "no/such/folder"),
        (["framing", str(SEEDS), "--speaker", ""], "--speaker needs a name"),
        (["framing", str(SEEDS), "--format", "csv"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_status_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("sidebyside")]) == 1


def test_the_command_never_loads_textual() -> None:
    run = (
        "import contextlib, io, sys\n"
        "from sidebyside.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main(['framing', {str(SEEDS)!r}, '--format', 'json'])\n"
        "print(status, sorted(m for m in sys.modules if m.startswith(('textual', 'sidebyside.tui'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip() == "0 []", done.stderr


# ------------------------------------------------------------------ the mark in Compare


async def test_compare_marks_a_row_whose_only_change_is_framing() -> None:
    from sidebyside.tui.app import make_app
    from sidebyside.tui.widgets.compare_view import CompareView

    a = article(["Libyan strongman Khalifa Haftar rejected a ceasefire.", "The fighting has killed 510 people."], "a")
    b = article(
        ["Libyan eastern commander Khalifa Haftar rejected a ceasefire.", "The fighting has killed 520 people."], "b"
    )
    al = align(a, b)
    assert [r.kind for r in al.rows] == ["changed", "changed"]
    app = make_app(Story((a, b)))
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_compare(a, b)
        await pilot.pause()
        view = app.screen.query_one(CompareView)
        lines = ["".join(s.text for s in view.render_line(y)) for y in range(view.size.height)]
        first = [line for line in lines if "strongman" in line]
        figure = [line for line in lines if "510" in line]
        assert first[0].startswith("~f") and figure[0].startswith("~ ")


def test_a_rewritten_row_is_not_framing_and_needs_no_people(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the people two articles name reads all of both: a row reworded beyond any
    label or verb is told apart first, without them."""
    from sidebyside.analysis import framing as module
    from sidebyside.model import AlignedRow, Alignment

    a = article(["Haftar said the talks in Paris had failed because the other side would not move on anything."])
    b = article(["Haftar said negotiations collapsed on Tuesday after a long night of argument in a Paris hotel."], "u")

    def no_people(*_: object) -> None:
        raise AssertionError("people were looked for")

    monkeypatch.setattr(module, "pair_people", no_people)
    row = AlignedRow(0, 0, "changed", 0.6)
    assert module.row_framing(Alignment(a, b, (row,)), row) is None


def test_row_framing_still_finds_a_label_change() -> None:
    from sidebyside.analysis.framing import row_framing
    from sidebyside.model import AlignedRow, Alignment

    a = article(["Libyan strongman Khalifa Haftar met Emmanuel Macron in Paris on Wednesday."])
    b = article(["Libyan commander Khalifa Haftar met Emmanuel Macron in Paris on Wednesday."], "u")
    row = AlignedRow(0, 0, "changed", 0.9)
    assert row_framing(Alignment(a, b, (row,)), row) == "strongman → commander"


def test_framing_stops_between_articles_once_asked() -> None:
    articles = [article([f"Libyan strongman Khalifa Haftar spoke on day {n}."], name=f"a{n}") for n in range(5)]
    results = analyse_story(articles, LIBYA)
    asked = []

    def should_stop() -> bool:
        asked.append(True)
        return len(asked) > 2

    with pytest.raises(Stopped):
        framing(results, LIBYA, should_stop)
    assert len(asked) == 3
    assert len(framing(results, LIBYA, lambda: False).framings) == 5 * len(LIBYA)


HEADLESS_WORDS = st.sampled_from(
    ["Libyan", "the", "eastern", ",", "said", "reportedly", "who", "met", "and", "Tuesday", "according", "to",
     "forces", "renegade", ".", "a", "of", "for", "Libya", "U.N.-backed", "self-styled"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, HEADLESS_WORDS, NAMES_IN_TEXT), min_size=1, max_size=14).map(" ".join))
def test_a_sentence_without_a_head_word_has_no_label(sentence: str) -> None:
    # The framing check decides "no label here" without the people when `_has_head` says
    # so (docs/scale.md calls that test exact): a label always holds a head word.
    from sidebyside.analysis.framing import _has_head, _label_spans
    from sidebyside.analysis.speakers import Watchlist

    if not _has_head(sentence):
        assert _label_spans(sentence, Watchlist.of(LIBYA)) == []
    assert _has_head(sentence) == _has_head(sentence.replace("commander", "Commander"))
