"""Attribution rules as a table: sentences in, every quote out (speaker, kind, text).

One row per rule or trap. A paragraph is a string (one sentence) or a list of
sentences; the watchlist is the bundled story's unless a row names its own people. A
row lists *all* the quotes the article yields, in order; a fourth field, when given,
checks the cue too.

A new attribution rule is usually one word in `sidebyside.analysis.wordlists` and one
row here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from sidebyside.analysis.quotes import extract_quotes
from sidebyside.analysis.speakers import Watchlist
from sidebyside.model import Quote

from conftest import make_article

Paragraph = str | list[str]
Said = tuple[str | None, ...]  # (speaker, kind, text) or (speaker, kind, text, cue)

H, M, S = "Khalifa Haftar", "Emmanuel Macron", "Ghassan Salame"


@dataclass(frozen=True)
class Case:
    """One row: an article of `paragraphs`, read for `speakers`, yields exactly `said`."""

    name: str
    paragraphs: tuple[Paragraph, ...]
    said: tuple[Said, ...]
    speakers: tuple[str, ...] | None  # None: the bundled story's watchlist


def case(name: str, paragraphs: Sequence[Paragraph], *said: Said, speakers: Sequence[str] | None = None) -> Case:
    return Case(name, tuple(paragraphs), said, None if speakers is None else tuple(speakers))


CASES = [
    # ---------------------------------------------------------------- ", who said": the person the clause hangs on
    case(
        "a-person-named-after-a-verb-who-said-then-she-is-that-person-not-the-last-one-quoted",
        [
            ['"We will not lower that figure," Ingrid Solhaug said.'],
            [
                "Among those who have complained is Marit Holm, 67, a retired teacher from Bergvik, who said she "
                "had received a letter on Monday but had heard nothing since."
            ],
            ['"I have changed my bank card and my phone number," she said.'],
        ],
        ("Ingrid Solhaug", "direct", "We will not lower that figure"),
        ("Marit Holm", "indirect", "she had received a letter on Monday but had heard nothing since"),
        ("Marit Holm", "direct", "I have changed my bank card and my phone number"),
        speakers=["Ingrid Solhaug"],
    ),
    case(
        "a-watched-person-who-said-after-a-preposition",
        ["The criticism was aimed at Henrik Aalvik, who said the company had acted as fast as it could."],
        ("Henrik Aalvik", "indirect", "the company had acted as fast as it could"),
        speakers=["Henrik Aalvik"],
    ),
    case(
        "a-role-then-a-name-who-said",
        ["The committee questioned Kestrel's chief executive, Henrik Aalvik, who said the breach was contained."],
        ("Henrik Aalvik", "indirect", "the breach was contained"),
        speakers=["Henrik Aalvik"],
    ),
    case(
        "said-x-then-an-adjunct-with-a-that-which-is-no-conjunction",
        ['"We are ready," said Henrik Aalvik, during that meeting.'],
        ("Henrik Aalvik", "direct", "We are ready"),
        speakers=["Henrik Aalvik"],
    ),
    case(
        "a-subject-interrupted-by-a-who-clause-is-the-he-of-the-next-sentence",
        [
            ['"We will go through every camera image from today," police spokesman Paulo Dinis said.'],
            ["ALF leader Rui Valente, who marched at the head of the procession, struck a defiant tone."],
            ['"We will not work until we drop," he shouted from the stage.'],
        ],
        ("Paulo Dinis", "direct", "We will go through every camera image from today"),
        ("Rui Valente", "direct", "We will not work until we drop"),
        speakers=["Paulo Dinis", "Rui Valente"],
    ),
    case(
        "according-to-after-a-short-fragment-vouches-for-the-fragment-only",
        [
            "Rui Valente, the head of the federation, said at the end of the march that 250,000 people had taken part "
            "in the capital, 62,000 according to police."
        ],
        ("Rui Valente", "indirect", "250,000 people had taken part in the capital"),
        speakers=["Rui Valente"],
    ),
    case(
        "a-name-its-role-with-an-acronym-and-a-which-clause-then-said",
        [
            "Rui Valente, the head of the Aurenian Labour Federation (ALF), which called the protest, said at the end "
            "of the march that 250,000 people had taken part in the capital, 62,000 according to police."
        ],
        ("Rui Valente", "indirect", "250,000 people had taken part in the capital"),
        speakers=["Rui Valente"],
    ),
    case(
        "an-aside-about-the-speaker-then-she-said",
        [
            ["The firefighter, Daniel Rusk, 34, was part of a crew trying to hold the line near Hollin Cross."],
            [
                "Fire Chief Ruth Halvorsen, her voice breaking, told reporters at the command post that Rusk had "
                '"given his life for this town."'
            ],
            ['"Daniel knew these hills better than any of us. Tonight we have lost a brother," she said.'],
        ],
        ("Ruth Halvorsen", "direct", "given his life for this town."),
        ("Ruth Halvorsen", "direct", "Daniel knew these hills better than any of us. Tonight we have lost a brother"),
        speakers=["Ruth Halvorsen"],
    ),
    case(
        "she-said-then-in-words-that-is-no-reported-clause",
        [
            '"The wind turned on us just after noon, and the fire jumped the coast road," Ruth Halvorsen said on '
            "Monday, in words that have since been repeated all over town."
        ],
        ("Ruth Halvorsen", "direct", "The wind turned on us just after noon, and the fire jumped the coast road"),
        speakers=["Ruth Halvorsen"],
    ),
    case(
        "a-who-said-clause-the-sentence-goes-on-after-is-left-alone",
        ["The court fined Henrik Aalvik, who said he would appeal, 40,000 euros."],
        speakers=["Henrik Aalvik"],
    ),
    case(
        "after-one-person-questions-another-who-said-a-pronoun-is-nobodys",
        [
            ["The judge questioned Henrik Aalvik, who said he had not read the report."],
            ['"I trusted my staff," he said.'],
        ],
        ("Henrik Aalvik", "indirect", "he had not read the report"),
        speakers=["Henrik Aalvik"],
    ),
    case(
        "said-x-then-arguing-is-the-speakers-not-the-subject-of-what-she-reported",
        [
            "Labour Minister Helena Sarmento said the bill would not be withdrawn, arguing that without it the "
            "pension fund would run dry within fifteen years."
        ],
        ("Helena Sarmento", "indirect", "the bill would not be withdrawn"),
        ("Helena Sarmento", "indirect", "without it the pension fund would run dry within fifteen years"),
        speakers=["Helena Sarmento"],
    ),
    case(
        "a-role-with-a-place-after-at-the",
        [
            "Tobias Ekdahl, a security researcher at the University of Skarsholm, said the attackers had used a login "
            "belonging to an outside contractor."
        ],
        ("Tobias Ekdahl", "indirect", "the attackers had used a login belonging to an outside contractor"),
        speakers=["Tobias Ekdahl"],
    ),
    case(
        "a-role-ending-in-a-clause-of-its-own",
        [
            "Tobias Ekdahl, a security researcher at the University of Skarsholm who first spotted the data being "
            "offered for sale online, said the attackers had used a login belonging to an outside contractor."
        ],
        ("Tobias Ekdahl", "indirect", "the attackers had used a login belonging to an outside contractor"),
        speakers=["Tobias Ekdahl"],
    ),
    case(
        "who-leads-then-said-more-than-a-count-is-no-inverted-speaker",
        [
            "Katrin Dascu, who leads the Drenna Mountain Rescue Service, said more than 600 rescuers, soldiers and "
            "volunteers were working through the rubble."
        ],
        ("Katrin Dascu", "indirect", "more than 600 rescuers, soldiers and volunteers were working through the rubble"),
        speakers=["Katrin Dascu"],
    ),
    case(
        "who-leads-then-said-a-list-is-no-inverted-speaker",
        ["Katrin Dascu, who leads the service, said police officers, soldiers and volunteers were working."],
        ("Katrin Dascu", "indirect", "police officers, soldiers and volunteers were working"),
        speakers=["Katrin Dascu"],
    ),
    case(
        "a-subject-with-a-who-said-clause-before-its-own-verb-is-left-alone",
        ["Henrik Aalvik, who told reporters he was sorry, left the hearing early."],
        speakers=["Henrik Aalvik"],
    ),
    case(
        "said-x-adding-that-is-two-acts-of-x",
        ['"We are ready," said Henrik Aalvik, adding that the company had hired more staff.'],
        ("Henrik Aalvik", "direct", "We are ready"),
        ("Henrik Aalvik", "indirect", "the company had hired more staff"),
        speakers=["Henrik Aalvik"],
    ),
    case(
        "said-x-who-added-that-is-two-acts-of-x",
        ['"We are ready," said the mayor, who added that the town had enough shelters.'],
        ("the mayor", "direct", "We are ready"),
        ("the mayor", "indirect", "the town had enough shelters"),
        speakers=["Henrik Aalvik"],
    ),
    # ---------------------------------------------------------------- a pronoun is not inverted mid-clause
    case(
        "an-age-and-a-relative-clause-between-the-speaker-and-said-then-she",
        [
            [
                '"The vessel was fully certified," chief executive Stavros Makris said.',
                "Maria Lemou, 63, who was travelling to visit her sister on Rhodes, said she spent two hours "
                "in a lifeboat before a fishing boat picked her up.",
                '"The sea was like a mountain," she said.',
            ]
        ],
        ("Stavros Makris", "direct", "The vessel was fully certified"),
        ("Maria Lemou", "indirect", "she spent two hours in a lifeboat before a fishing boat picked her up"),
        ("Maria Lemou", "direct", "The sea was like a mountain"),
        speakers=["Stavros Makris"],
    ),
    # ---------------------------------------------------------------- a cue word used as a noun
    case(
        "an-ordinal-makes-the-bare-form-a-noun",
        [
            "The regional council says about 45,000 litres leaked, more than the first estimate, "
            "and that the six beaches will not reopen before September."
        ],
        (
            "the regional council",
            "indirect",
            "about 45,000 litres leaked, more than the first estimate, and that the six beaches will not reopen "
            "before September",
            "says",
        ),
    ),
    case(
        "a-plural-subject-keeps-the-bare-form-a-cue",
        ["Officials estimate that 500 people died."],
        ("Officials", "indirect", "500 people died", "estimate"),
    ),
    # ---------------------------------------------------------------- direct quotes
    case(
        "curly-quote-attribution-after",
        ["“We must first finish with militias,” Haftar told the newspaper."],
        (H, "direct", "We must first finish with militias", "told the newspaper"),
    ),
    case(
        "straight-quote-inverted-attribution",
        ['"Libya is on the verge of civil war," said Salame.'],
        (S, "direct", "Libya is on the verge of civil war", "said"),
    ),
    case(
        "partial-quotes-inside-reported-speech",
        ['Hafter said the conditions "were not met," while acknowledging that a "political dialogue" is needed.'],
        (H, "direct", "were not met"),
        (H, "direct", "political dialogue"),
    ),
    case(
        "attribution-before-the-quote",
        ['Ghassan Salame said "many countries" were supplying weapons.'],
        (S, "direct", "many countries"),
    ),
    case(
        "attribution-inside-the-quote",
        ['"The ground cannot absorb another drop," Haftar said, "and the forecast is bad."'],
        (H, "direct", "The ground cannot absorb another drop"),
        (H, "direct", "and the forecast is bad."),
    ),
    case(
        "quote-spanning-two-sentences-is-one-quote",
        [["“We will fight.", "We will win,” Haftar said."]],
        (H, "direct", "We will fight. We will win"),
    ),
    case(
        "quote-opened-at-the-end-of-a-sentence",
        [["“We never saw water rise this fast,” Haftar said. “", "Whole streets disappeared."]],
        (H, "direct", "We never saw water rise this fast"),
        (H, "direct", "Whole streets disappeared."),
    ),
    case(
        "colon-quote-after-nested-attribution-goes-to-the-inner-speaker",
        [
            "Haftar rejected a ceasefire requested by French President Emmanuel Macron, an Elysee official said.",
            "After the talks, Macron's office said the president reiterated France's priorities: "
            '"Fight terrorist groups."',
        ],
        ("an Elysee official", "indirect", "Haftar rejected a ceasefire requested by French President Emmanuel Macron"),
        (M, "direct", "Fight terrorist groups."),
    ),
    case(
        "innermost-watched-speaker-of-nested-reporting",
        ['The official added that Haftar explained the offensive was aimed at "private militias" in the capital.'],
        (H, "direct", "private militias", "explained"),
    ),
    case(
        "scare-quotes-in-narrative-are-not-quotes",
        ['The so-called "unity government" met in Tripoli on Monday.'],
    ),
    case("negated-speech-is-not-a-quote", ["Haftar did not say whether the offensive would stop."]),
    case(
        "attribution-followed-by-a-subordinate-clause",
        ["“No,” Haftar replied when asked about a truce."],
        (H, "direct", "No", "replied"),
    ),
    case(
        "attribution-followed-by-a-participle",
        ["“It is over,” Haftar told Le Journal du Dimanche in an interview published on Sunday."],
        (H, "direct", "It is over", "told Le Journal du Dimanche"),
    ),
    # ---------------------------------------------------------------- indirect speech
    case(
        "x-said-that",
        ["Haftar said that the conditions for a ceasefire were not in place."],
        (H, "indirect", "the conditions for a ceasefire were not in place"),
    ),
    case(
        "x-said-without-that",
        ["Haftar also said the head of the U.N. mission was no longer impartial."],
        (H, "indirect", "the head of the U.N. mission was no longer impartial"),
    ),
    case(
        "trailing-said-x",
        ["Over half of the displaced are women and children, said Salame."],
        (S, "indirect", "Over half of the displaced are women and children"),
    ),
    case(
        "x-told-y-that",
        [
            "Gen. Khalifa Haftar, who leads the army, told French President Emmanuel Macron on Thursday that "
            "conditions were not in place."
        ],
        (H, "indirect", "conditions were not in place", "told French President Emmanuel Macron"),
    ),
    case(
        "warned-added-acknowledged",
        [
            "Salame warned that the war could spread.",
            "He added that arms were still flowing.",
            "Haftar acknowledged that talks were needed.",
        ],
        (S, "indirect", "the war could spread"),
        (S, "indirect", "arms were still flowing"),
        (H, "indirect", "talks were needed"),
    ),
    case(
        "accused-and-called-for-keep-their-verb",
        [
            "Haftar ruled out a truce and accused the United Nations of seeking to partition Libya.",
            "Salame called for an arms embargo.",
        ],
        (H, "indirect", "accused the United Nations of seeking to partition Libya", "accused"),
        (S, "indirect", "called for an arms embargo", "called for"),
    ),
    case(
        "according-to-a-person",
        ["According to Salame, volunteers have handed out 9,000 meals."],
        (S, "indirect", "volunteers have handed out 9,000 meals", "according to"),
    ),
    case(
        "according-to-an-organisation-names-it",
        ["The fighting killed 510 people, according to the World Health Organization."],
        ("World Health Organization", "indirect", "The fighting killed 510 people", "according to"),
    ),
    case(
        "according-to-a-statement-from-someones-office-is-the-office",
        ["According to a statement from Haftar's office, the LNA controls the airport."],
        ("Haftar's office", "indirect", "the LNA controls the airport"),
    ),
    case(
        "according-to-someones-statement-is-the-person",
        ["According to Haftar's statement, the LNA controls the airport."],
        (H, "indirect", "the LNA controls the airport"),
    ),
    case("underscored", ["Salame underscored that the truce was fragile."], (S, "indirect", "the truce was fragile")),
    case(
        "an-action-verb-with-an-object-is-not-speech",
        ["Haftar declared a state of emergency and said the army would help."],
        (H, "indirect", "the army would help"),
    ),
    case(
        "a-participial-phrase-between-subject-and-verb",
        ["Macron, speaking after the talks, said France backed a ceasefire."],
        (M, "indirect", "France backed a ceasefire"),
    ),
    # ---------------------------------------------------------------- carry-over
    case(
        "follow-on-quote-paragraph-goes-to-the-last-quoted-not-the-last-named",
        [
            "Haftar also said the head of U.N. mission to Libya, Ghassan Salame, was no longer impartial.",
            "“Partition is maybe what Ghassan Salame also wants.”",
        ],
        (H, "indirect", "the head of U.N. mission to Libya, Ghassan Salame, was no longer impartial"),
        (H, "direct", "Partition is maybe what Ghassan Salame also wants."),
    ),
    case(
        "he-said-after-a-quote-by-someone-else",
        [
            "“It is a disaster,” said the French presidential official after the meeting between Macron and Haftar.",
            "“We have no illusions,” he said.",
        ],
        ("the French presidential official", "direct", "It is a disaster"),
        ("the French presidential official", "direct", "We have no illusions"),
    ),
    case(
        "he-said-goes-to-the-last-subject-when-that-came-later",
        ["“We have made an offer,” Haftar said.", "Salame urged both sides to talk.", "“This helps nobody,” he said."],
        (H, "direct", "We have made an offer"),
        (S, "indirect", "urged both sides to talk"),
        (S, "direct", "This helps nobody"),
    ),
    case(
        "he-inside-a-sentence-is-its-earlier-subject",
        ['The official said Haftar justified the offensive he launched by saying he fought "private militias".'],
        ("the official", "indirect", "Haftar justified the offensive he launched"),
        (H, "direct", "private militias"),
    ),
    case(
        "pronoun-in-a-trailing-attribution-uses-the-last-speaker",
        [["“Half are children,” Salame said.", "Aid groups estimate that 100,000 remain trapped, he said."]],
        (S, "direct", "Half are children"),
        (S, "indirect", "Aid groups estimate that 100,000 remain trapped"),
    ),
    case(
        "paragraph-ending-in-said-x-covers-its-sentences",
        [["The risks are clear: over 460 dead.", "Half of the displaced are children, said Salame."]],
        (S, "indirect", "The risks are clear: over 460 dead"),
        (S, "indirect", "Half of the displaced are children"),
    ),
    # ---------------------------------------------------------------- traps: people outside the watchlist
    case(
        "an-officials-words-next-to-the-presidents-name-are-not-his",
        [
            "French President Emmanuel Macron hosted Haftar.",
            "“The distrust is stronger than ever,” said the French presidential official after the meeting between "
            "Macron and Haftar.",
            "Macron was disappointed, a French official told Reuters.",
        ],
        ("the French presidential official", "direct", "The distrust is stronger than ever"),
        ("a French official", "indirect", "Macron was disappointed"),
    ),
    case(
        "the-elysee-and-the-presidents-office-keep-their-own-names",
        [
            "French President Emmanuel Macron met Haftar.",
            "The talks were useful, the Elysee said in a statement.",
            "Macron's office said the visit had been planned for weeks.",
        ],
        ("the Elysee", "indirect", "The talks were useful"),
        ("Macron's office", "indirect", "the visit had been planned for weeks"),
    ),
    case(
        "a-spokesman-for-the-person-is-not-the-person",
        ["Governor Ana Ruiz toured the area.", "A spokesman for the governor said the damage was huge."],
        ("a spokesman for the governor", "indirect", "the damage was huge"),
        speakers=["Ana Ruiz"],
    ),
    case(
        "role-mention-before-the-name-is-introduced",
        [
            "The French president warned that the fighting must stop.",
            "French President Emmanuel Macron then met Haftar in Paris.",
        ],
        (M, "indirect", "the fighting must stop"),
    ),
    case(
        "role-resolved-only-for-a-role-the-article-ties",
        ["The president warned that the fighting must stop.", "Haftar met officials in Paris."],
        ("the president", "indirect", "the fighting must stop"),
    ),
    case(
        "a-role-beside-another-persons-name-is-theirs-not-the-watched-holder-of-that-role",
        [
            '"I\'ve waited my whole career for this," said Rovers manager Brian Tully.',
            "City's manager, Ana Ruiz, said the red card had decided the match.",
        ],
        ("Brian Tully", "direct", "I've waited my whole career for this"),
        ("City's manager, Ana Ruiz", "indirect", "the red card had decided the match"),
        speakers=["Brian Tully"],
    ),
    case(
        "an-inverted-cue-with-a-name-in-apposition-names-that-person",
        [
            '"I\'ve waited my whole career for this," said Rovers manager Brian Tully.',
            '"We deserved it," said City\'s manager, Ana Ruiz.',
            '"It was close," said the Rovers manager.',
        ],
        ("Brian Tully", "direct", "I've waited my whole career for this"),
        ("City's manager, Ana Ruiz", "direct", "We deserved it"),
        ("Brian Tully", "direct", "It was close"),
        speakers=["Brian Tully"],
    ),
    case(
        "a-list-of-charges-is-no-speech-and-a-dash-closes-what-the-trailing-source-said",
        [
            "Sayoc has been charged with five federal crimes ― illegal mailing of explosives, making threats "
            "against former presidents, threatening interstate communications, and assaulting federal officers "
            "― the Department of Justice said."
        ],
        (
            "the Department of Justice",
            "indirect",
            "Sayoc has been charged with five federal crimes ― illegal mailing of explosives, making threats against "
            "former presidents, threatening interstate communications, and assaulting federal officers",
            "said",
        ),
        speakers=["Cesar Sayoc"],
    ),
    case(
        "went-on-after-a-quotation-reports-more-of-it-and-nothing-else-goes-on",
        [
            [
                "President Donald Trump spoke at the White House.",
                "“The bottom line is that Americans must unify,” he went on.",
                "The fighting went on.",
            ]
        ],
        ("Donald Trump", "direct", "The bottom line is that Americans must unify", "went on"),
        speakers=["Donald Trump"],
    ),
    case(
        "elaborated-reports-speech",
        ["Wray elaborated at Friday's briefing that each device contained a small clock and wiring."],
        ("Christopher Wray", "indirect", "each device contained a small clock and wiring", "elaborated"),
        speakers=["Christopher Wray"],
    ),
    case(
        "you-can-follow-other-people",
        ["“We will rebuild,” Ferrante said.", "Marcon said nothing."],
        ("Lucia Ferrante", "direct", "We will rebuild"),
        speakers=["Lucia Ferrante"],
    ),
]


def observed(quotes: Sequence[Quote], want: Sequence[Said]) -> list[Said]:
    """The quotes as rows, each as wide as the row it is compared with (cue or not)."""
    widths = [len(w) for w in want] + [3] * max(0, len(quotes) - len(want))
    return [(q.speaker, q.kind, q.text, q.cue)[:n] for q, n in zip(quotes, widths, strict=False)]


@pytest.mark.parametrize("row", CASES, ids=lambda row: row.name)
def test_case(row: Case) -> None:
    article = make_article(*row.paragraphs)
    quotes = extract_quotes(article, Watchlist.of(row.speakers))
    assert observed(quotes, row.said) == list(row.said)
    for q in quotes:  # and every quote points at its words in the sentence where it starts
        printed = " ".join(article.sentences[q.sentence][q.start : q.end].split())
        assert printed and " ".join(q.text.split()).startswith(printed)


def test_a_speech_participle_beside_another_is_no_list_of_charges() -> None:
    # "adding ..., and warning ...": the item after "adding" opens with a speech participle.
    article = make_article("Haftar rejected the plan, adding that talks were over, and warning that aid would stop.")
    quotes = extract_quotes(article, Watchlist.of(None))
    assert [(q.speaker, q.text, q.cue) for q in quotes][:1] == [(H, "talks were over", "adding")]
    assert [q.cue for q in quotes] == ["adding", "warning"]


def test_a_speech_participle_before_an_unjoined_ing_word_is_still_speech() -> None:
    # ", claiming that ..., insinuating ...": no "and", so no list of charges.
    article = make_article(
        "Some of his defenders took to social media, claiming that her net worth far exceeded her salary, "
        "insinuating illicit means."
    )
    assert [q.cue for q in extract_quotes(article, Watchlist.of(None))] == ["claiming"]
