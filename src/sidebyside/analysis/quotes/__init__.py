"""Who said what: direct and indirect quotes, attributed by rules, offline.

News copy attributes speech in a handful of shapes, and we read each sentence for them:

* a quotation mark pair, straight or curly, whole or partial ("were not met"), possibly
  running over two sentences or opened at the very end of one (`marks`);
* a speech act: a cue verb ("said", "told the newspaper", "warned", "called for",
  "described ... as", "according to", "puts the figure at") with its subject, written
  before ("Haftar said ..."), after ("..., said Salame.", "..., the official said on
  condition of anonymity.") or as a participle ("..., acknowledging ...") (`cues`, with
  subjects found by `phrases`);
* nested reporting ("the official added that Haftar explained that ..."): the words
  belong to the innermost watched speaker, because that is whose words they are said
  to be; the outer reporter is only the channel (`article`);
* carry-over: a pronoun subject, or a paragraph that is nothing but a quotation, belongs
  to the person last quoted or last named as a subject -- never simply the last name
  mentioned, which is often someone the speaker was talking about; and a paragraph that
  ends "..., said Salame." is Salame's from its first sentence (`attribution`, `article`).

A clause that carries quotation marks is represented by those marks (its direct
quotes), not repeated as an indirect quote too; reported speech without marks must be a
clause ("said the talks failed", not "declared a state of emergency"). The "watched"
people of these rules are everyone the watchlist names -- for a story, that is also every
person the story names (`analysis.people`), so they are all resolved by name. Speakers it
does not name keep the words the article uses for them ("a French official", "the
Elysee", "a spokesman for the governor"): their words are never a named person's. A
pronoun nobody could be found for, a crowd or a document gets no quote (`voices`).

The words every rule knows are in `sidebyside.analysis.wordlists`: a new speech verb is
one word there and one row in `tests/test_quote_cases.py`.

`analyse` keeps every sentence's acts so `figures` can ask who gave a number
(`Speech.speaker_at`); `extract_quotes` is the plain list.
"""

from __future__ import annotations

from sidebyside.analysis.quotes.article import analyse, extract_quotes
from sidebyside.analysis.quotes.marks import QuoteSpan, find_spans, spans_across
from sidebyside.analysis.quotes.speech import Act, CueKind, Form, SentenceSpeech, Speaker, Speech

__all__ = [
    "Act",
    "CueKind",
    "Form",
    "QuoteSpan",
    "SentenceSpeech",
    "Speaker",
    "Speech",
    "analyse",
    "extract_quotes",
    "find_spans",
    "spans_across",
]
