"""Quotes: every attribution pattern, the traps, and offsets that point into sentences."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidebyside.analysis.quotes import analyse, extract_quotes, find_spans
from conftest import make_article

from sidebyside.analysis.speakers import Watchlist
from sidebyside.model import Article, Quote

LIBYA = Watchlist.of(None)


article = make_article


def quotes(*paragraphs: str | list[str], speakers: Watchlist | list[str] = LIBYA) -> list[Quote]:
    return list(extract_quotes(article(*paragraphs), speakers))


def said(qs: list[Quote]) -> list[tuple[str, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in qs]


def by(qs: list[Quote], speaker: str) -> list[str]:
    return [q.text for q in qs if q.speaker == speaker]


# ------------------------------------------------------------------ direct quotes


def test_curly_quote_with_attribution_after():
    [q] = quotes("“We must first finish with militias,” Haftar told the newspaper.")
    assert (q.speaker, q.kind, q.text, q.cue) == ("Khalifa Haftar", "direct", "We must first finish with militias", "told the newspaper")


def test_straight_quote_with_inverted_attribution():
    [q] = quotes('"Libya is on the verge of civil war," said Salame.')
    assert (q.speaker, q.text, q.cue) == ("Ghassan Salame", "Libya is on the verge of civil war", "said")


def test_partial_quotes_inside_reported_speech():
    qs = quotes('Hafter said the conditions "were not met," while acknowledging that a "political dialogue" is needed.')
    assert said(qs) == [
        ("Khalifa Haftar", "direct", "were not met"),
        ("Khalifa Haftar", "direct", "political dialogue"),
    ]


def test_attribution_before_the_quote():
    [q] = quotes('Ghassan Salame said "many countries" were supplying weapons.')
    assert (q.speaker, q.text) == ("Ghassan Salame", "many countries")


def test_attribution_inside_the_quote():
    qs = quotes('"The ground cannot absorb another drop," Haftar said, "and the forecast is bad."')
    assert by(qs, "Khalifa Haftar") == ["The ground cannot absorb another drop", "and the forecast is bad."]


def test_quote_spanning_two_sentences_is_one_quote():
    a = article(["“We will fight.", "We will win,” Haftar said."])
    [q] = extract_quotes(a, LIBYA)
    assert (q.speaker, q.sentence, q.text) == ("Khalifa Haftar", 0, "We will fight. We will win")
    assert a.sentences[0][q.start : q.end] == "We will fight."


def test_quote_opened_at_the_end_of_a_sentence():
    qs = quotes(["“We never saw water rise this fast,” Haftar said. “", "Whole streets disappeared."])
    assert by(qs, "Khalifa Haftar") == ["We never saw water rise this fast", "Whole streets disappeared."]


def test_colon_quote_after_nested_attribution_goes_to_the_inner_speaker():
    qs = quotes(
        "Haftar rejected a ceasefire requested by French President Emmanuel Macron, an Elysee official said.",
        "After the talks, Macron's office said the president reiterated France's priorities: \"Fight terrorist groups.\"",
    )
    assert by(qs, "Emmanuel Macron") == ["Fight terrorist groups."]
    assert "Macron's office" not in [q.speaker for q in qs if q.kind == "direct"]


def test_innermost_watched_speaker_of_nested_reporting():
    qs = quotes('The official added that Haftar explained the offensive was aimed at "private militias" in the capital.')
    assert said(qs) == [("Khalifa Haftar", "direct", "private militias")]


def test_follow_on_quote_paragraph_goes_to_the_last_quoted_not_the_last_named():
    qs = quotes(
        "Haftar also said the head of U.N. mission to Libya, Ghassan Salame, was no longer impartial.",
        "“Partition is maybe what Ghassan Salame also wants.”",
    )
    assert said(qs)[1] == ("Khalifa Haftar", "direct", "Partition is maybe what Ghassan Salame also wants.")


def test_he_said_after_a_quote_by_someone_else():
    qs = quotes(
        "“It is a disaster,” said the French presidential official after the meeting between Macron and Haftar.",
        "“We have no illusions,” he said.",
    )
    assert [q.speaker for q in qs] == ["the French presidential official"] * 2


def test_he_said_goes_to_the_last_subject_when_that_came_later():
    qs = quotes("“We have made an offer,” Haftar said.", "Salame urged both sides to talk.", "“This helps nobody,” he said.")
    assert qs[-1].speaker == "Ghassan Salame"


def test_he_inside_a_sentence_is_its_earlier_subject():
    qs = quotes("The official said Haftar justified the offensive he launched by saying he fought \"private militias\".")
    assert said(qs)[-1] == ("Khalifa Haftar", "direct", "private militias")


def test_scare_quotes_in_narrative_are_not_quotes():
    assert quotes('The so-called "unity government" met in Tripoli on Monday.') == []


def test_negated_speech_is_not_a_quote():
    assert quotes("Haftar did not say whether the offensive would stop.") == []


# ------------------------------------------------------------------ indirect speech


def test_x_said_that():
    [q] = quotes("Haftar said that the conditions for a ceasefire were not in place.")
    assert (q.speaker, q.kind, q.text) == ("Khalifa Haftar", "indirect", "the conditions for a ceasefire were not in place")


def test_x_said_without_that():
    [q] = quotes("Haftar also said the head of the U.N. mission was no longer impartial.")
    assert q.text == "the head of the U.N. mission was no longer impartial"


def test_trailing_x_said():
    [q] = quotes("Over half of the displaced are women and children, said Salame.")
    assert (q.speaker, q.text) == ("Ghassan Salame", "Over half of the displaced are women and children")


def test_x_told_y_that():
    [q] = quotes("Gen. Khalifa Haftar, who leads the army, told French President Emmanuel Macron on Thursday that conditions were not in place.")
    assert (q.speaker, q.text) == ("Khalifa Haftar", "conditions were not in place")
    assert q.cue == "told French President Emmanuel Macron"


def test_warned_added_acknowledged():
    qs = quotes(
        "Salame warned that the war could spread.",
        "He added that arms were still flowing.",
        "Haftar acknowledged that talks were needed.",
    )
    assert said(qs) == [
        ("Ghassan Salame", "indirect", "the war could spread"),
        ("Ghassan Salame", "indirect", "arms were still flowing"),
        ("Khalifa Haftar", "indirect", "talks were needed"),
    ]


def test_accused_and_called_for_keep_their_verb():
    qs = quotes("Haftar ruled out a truce and accused the United Nations of seeking to partition Libya.", "Salame called for an arms embargo.")
    assert said(qs) == [
        ("Khalifa Haftar", "indirect", "accused the United Nations of seeking to partition Libya"),
        ("Ghassan Salame", "indirect", "called for an arms embargo"),
    ]


def test_according_to_a_person():
    [q] = quotes("According to Salame, volunteers have handed out 9,000 meals.")
    assert (q.speaker, q.text, q.cue) == ("Ghassan Salame", "volunteers have handed out 9,000 meals", "according to")


def test_an_action_verb_with_an_object_is_not_speech():
    qs = quotes("Haftar declared a state of emergency and said the army would help.")
    assert said(qs) == [("Khalifa Haftar", "indirect", "the army would help")]


def test_pronoun_said_in_a_trailing_attribution_uses_the_last_speaker():
    qs = quotes(["“Half are children,” Salame said.", "Aid groups estimate that 100,000 remain trapped, he said."])
    assert qs[-1].speaker == "Ghassan Salame"
    assert qs[-1].text.startswith("Aid groups estimate")


def test_paragraph_ending_in_said_x_covers_its_sentences():
    qs = quotes(["The risks are clear: over 460 dead.", "Half of the displaced are children, said Salame."])
    assert by(qs, "Ghassan Salame") == ["The risks are clear: over 460 dead", "Half of the displaced are children"]


# ------------------------------------------------------------------ traps: people outside the watchlist


def test_an_officials_words_next_to_the_presidents_name_are_not_his():
    qs = quotes(
        "French President Emmanuel Macron hosted Haftar.",
        "“The distrust is stronger than ever,” said the French presidential official after the meeting between Macron and Haftar.",
        "Macron was disappointed, a French official told Reuters.",
    )
    assert by(qs, "Emmanuel Macron") == []
    assert {q.speaker for q in qs} == {"the French presidential official", "a French official"}


def test_the_elysee_and_the_presidents_office_keep_their_own_names():
    qs = quotes(
        "French President Emmanuel Macron met Haftar.",
        "The talks were useful, the Elysee said in a statement.",
        "Macron's office said the visit had been planned for weeks.",
    )
    assert [q.speaker for q in qs] == ["the Elysee", "Macron's office"]


def test_a_spokesman_for_the_person_is_not_the_person():
    qs = quotes("Governor Ana Ruiz toured the area.", "A spokesman for the governor said the damage was huge.", speakers=["Ana Ruiz"])
    assert [q.speaker for q in qs] == ["a spokesman for the governor"]


def test_role_mention_before_the_name_is_introduced():
    qs = quotes(
        "The French president warned that the fighting must stop.",
        "French President Emmanuel Macron then met Haftar in Paris.",
    )
    assert said(qs) == [("Emmanuel Macron", "indirect", "the fighting must stop")]


def test_role_resolved_only_for_a_role_the_article_ties():
    qs = quotes("The president warned that the fighting must stop.", "Haftar met officials in Paris.")
    assert [q.speaker for q in qs] == ["the president"]


def test_you_can_follow_other_people():
    qs = quotes("“We will rebuild,” Ferrante said.", "Marcon said nothing.", speakers=["Lucia Ferrante"])
    assert said(qs) == [("Lucia Ferrante", "direct", "We will rebuild")]


# ------------------------------------------------------------------ offsets and robustness


def test_offsets_point_into_the_sentence():
    a = article("“We must finish with militias,” Haftar told the newspaper.", "Salame said the war could spread.")
    for q in extract_quotes(a, LIBYA):
        assert a.sentences[q.sentence][q.start : q.end] == q.text


def test_quotation_spans():
    assert [(s.start, s.end, s.closed) for s in find_spans('He said "yes" and “no” then “maybe')] == [(9, 12, True), (19, 21, True), (29, 34, False)]


def test_speech_keeps_what_figures_need():
    speech = analyse(article("The fighting killed 510 people, according to the World Health Organization."), LIBYA)
    speaker = speech.speaker_at(0, 20, 23)
    assert speaker is not None and speaker.name == "World Health Organization"


WORDS = st.sampled_from(
    ['said', 'Haftar', '"', '“', '”', '‘', '’', ',', '.', 'the', 'president', 'told', 'that', 'he', 'according',
     'to', 'Macron\'s', 'office', 'called', 'for', ':', 'Salame,', 'envoy', 'U.N.', 'as', 'saying', 'quoted', 'who']
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


def test_attribution_followed_by_a_subordinate_clause_or_a_participle():
    assert said(quotes("“No,” Haftar replied when asked about a truce.")) == [("Khalifa Haftar", "direct", "No")]
    qs = quotes("“It is over,” Haftar told Le Journal du Dimanche in an interview published on Sunday.")
    assert said(qs) == [("Khalifa Haftar", "direct", "It is over")]


def test_according_to_a_statement_from_someones_office_is_the_office():
    [q] = quotes("According to a statement from Haftar's office, the LNA controls the airport.")
    assert q.speaker == "Haftar's office"
    [q] = quotes("According to Haftar's statement, the LNA controls the airport.")
    assert q.speaker == "Khalifa Haftar"


def test_a_participial_phrase_between_subject_and_verb():
    [q] = quotes("Macron, speaking after the talks, said France backed a ceasefire.")
    assert (q.speaker, q.text) == ("Emmanuel Macron", "France backed a ceasefire")
