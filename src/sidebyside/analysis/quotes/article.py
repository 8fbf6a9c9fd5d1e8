"""The article pass: read sentence by sentence, then turn acts into quotes.

For each sentence: find its quotation spans (`marks`), tokens, cues (`cues`), resolve
the acts' speakers (`attribution`), then emit

* direct quotes: each quotation goes to the innermost act covering it; a quotation that
  is the whole sentence continues the last quoted speaker; one running over several
  sentences is one quote, kept where it opened;
* indirect quotes: an act's content without quotation marks, if it is a clause ("said
  the talks failed", not "declared a state of emergency"); in nested reporting only the
  innermost watched speaker's, since the outer reporter is only the channel;

and after the last sentence, carry a paragraph-final "..., said Salame." back over the
paragraph's unattributed sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sidebyside.analysis.quotes.attribution import Discourse, SentenceContext, resolve_acts, update_discourse
from sidebyside.analysis.quotes.cues import find_acts
from sidebyside.analysis.quotes.marks import QuoteSpan, find_spans, first_close, spans_across
from sidebyside.analysis.quotes.speech import Act, CueKind, Form, SentenceSpeech, Speaker, Speech
from sidebyside.analysis.quotes.tokens import is_verbish, tokenize
from sidebyside.analysis.speakers import Resolver, Watchlist, find_mentions
from sidebyside.model import Article, Quote


def analyse(article: Article, speakers: Watchlist | Iterable[str] | None = None) -> Speech:
    """Read an article sentence by sentence; see the package docstring for the rules."""
    watchlist = Watchlist.of(speakers)
    resolver = Resolver.for_article(article, watchlist)
    discourse = Discourse()
    spans_by_sentence = spans_across(article)
    sentences: list[SentenceSpeech] = []
    quotes: list[Quote] = []
    for index, text in enumerate(article.sentences):
        spans = spans_by_sentence[index]
        tokens = tokenize(text, spans)
        acts = find_acts(text, tokens)
        mentions = find_mentions(text, watchlist)
        outside = [m for m in mentions if not any(s.start <= m.start < s.end for s in spans)]
        sentence = SentenceSpeech(index, text, spans, acts)
        ctx = SentenceContext(sentence, tokens, outside, resolver, discourse)
        resolve_acts(ctx)
        quotes += _direct_quotes(article, sentence, discourse, sentences)
        quotes += _indirect_quotes(sentence)
        update_discourse(ctx)
        resolver.note_mentions(index, mentions)
        sentences.append(sentence)
    quotes += _paragraph_carry(article, sentences)
    quotes.sort(key=lambda q: (q.sentence, q.start))
    return Speech(article, sentences, tuple(quotes))


def extract_quotes(article: Article, speakers: Watchlist | Iterable[str] | None = None) -> tuple[Quote, ...]:
    """Every quote in the article, direct and indirect, with its speaker and cue."""
    return analyse(article, speakers).quotes


# ------------------------------------------------------------------ direct quotes


def _direct_quotes(
    article: Article,
    sentence: SentenceSpeech,
    discourse: Discourse,
    previous: Sequence[SentenceSpeech],
) -> list[Quote]:
    """Quotations in the sentence, each given to the innermost act covering it; a
    sentence that is a quotation and nothing else continues the last speaker."""
    out: list[Quote] = []
    text = sentence.text
    for n, span in enumerate(sentence.spans):
        covering = [a for a in sentence.acts if a.speaker is not None and a.covers(span.start, span.end)]
        act = sentence.watched_first(covering)
        speaker: Speaker | None = act.speaker if act is not None else None
        cue = act.cue if act is not None else None
        if speaker is None and not span.opened and previous:
            prev = previous[-1]
            if prev.spans and not prev.spans[-1].closed:
                speaker = prev.quote_speakers.get(len(prev.spans) - 1)
        if speaker is None and _stands_alone(text, span, sentence.acts):
            found = discourse.last_quoted
            speaker = found[0] if found else None
        if speaker is None:
            continue
        sentence.quote_speakers[n] = speaker
        if not span.opened and _emitted_before(previous):
            continue  # the words were emitted with the sentence where the quotation opened
        start_of = _chain_start(previous) if not span.opened and n == 0 else None
        if start_of is not None:
            # "“We will fight." + "We will win,” Haftar said.": one quote, where it opened
            first, k = start_of
            first.quote_speakers[k] = speaker
            words, start, end = _quote_text(article, first.index, first.spans[k])
            out.append(Quote(speaker.name, words, "direct", first.index, cue, start, end))
            continue
        if not text[span.start : span.end].strip():
            continue  # an empty open quotation: its words come with the next sentence
        words, start, end = _quote_text(article, sentence.index, span)
        if not words:
            continue
        out.append(Quote(speaker.name, words, "direct", sentence.index, cue, start, end))
    # a quotation continued from the sentence before takes this sentence's attribution
    if sentence.spans and not sentence.spans[0].opened and previous:
        prev = previous[-1]
        if prev.spans and not prev.spans[-1].closed and 0 in sentence.quote_speakers:
            prev.quote_speakers[len(prev.spans) - 1] = sentence.quote_speakers[0]
    return out


def _chain_start(previous: Sequence[SentenceSpeech]) -> tuple[SentenceSpeech, int] | None:
    """The sentence (and span) where a quotation still open in `previous` began, if its
    opening sentence holds words that were not given to anyone yet."""
    for sentence in reversed(previous):
        if not sentence.spans or sentence.spans[-1].closed:
            return None
        k = len(sentence.spans) - 1
        span = sentence.spans[k]
        if span.opened:
            has_words = bool(sentence.text[span.start : span.end].strip())
            return (sentence, k) if has_words and k not in sentence.quote_speakers else None
        if k in sentence.quote_speakers:
            return None
    return None


def _emitted_before(previous: Sequence[SentenceSpeech]) -> bool:
    """Did the sentence before open a quotation (with words) that this one continues?"""
    if not previous or not previous[-1].spans:
        return False
    last = previous[-1]
    span = last.spans[-1]
    return (
        not span.closed
        and bool(last.text[span.start : span.end].strip())
        and (len(last.spans) - 1) in last.quote_speakers
    )


def _stands_alone(text: str, span: QuoteSpan, acts: Sequence[Act]) -> bool:
    """A quotation that is (nearly) the whole sentence, outside any act's subject."""
    before = text[: span.mark_start].strip()
    after = text[span.mark_end :].strip(' .,;:!?"”’')
    return (not before and not after) or (not before and not acts and len(after) < 3)


def _quote_text(article: Article, index: int, span: QuoteSpan) -> tuple[str, int, int]:
    """The quoted words (joined across sentences while the quotation stays open), and the
    offsets of the part inside sentence `index`, trimmed of edge punctuation."""
    text = article.sentences[index]
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    words = text[start:end]
    nxt = index + 1
    if not span.closed:
        while nxt < len(article.sentences) and (
            len(article.paragraphs) == len(article.sentences) and article.paragraphs[nxt] == article.paragraphs[index]
        ):
            following = article.sentences[nxt]
            close = first_close(following)
            opened = find_spans(following)
            if opened and (close is None or opened[0].mark_start < close):
                break  # a new quotation, not the rest of this one
            piece = following if close is None else following[:close]
            words = f"{words} {piece.strip().rstrip(',;:')}".strip()
            if close is not None:
                break
            nxt += 1
    return words, start, end


# ------------------------------------------------------------------ indirect quotes


def _indirect_quotes(sentence: SentenceSpeech) -> list[Quote]:
    """Reported speech without quotation marks, one per chain of nested acts: the
    innermost watched speaker's, else the innermost act's."""
    out: list[Quote] = []
    text = sentence.text
    voiced = [(a, a.speaker) for a in sentence.acts if a.speaker is not None]
    acts = [a for a, _ in voiced]
    for act, speaker in voiced:
        if any(_overlaps(act, s) for s in sentence.spans):
            continue  # represented by its quotation marks
        person = speaker.person
        nested = [_person(o) for o in acts if o is not act and act.covers(o.cue_start, o.cue_end)]
        outer = [_person(o) for o in acts if o is not act and o.covers(act.cue_start, act.cue_end)]
        if any(not person or (p is not None and p != person) for p in nested):
            continue  # someone (watched) speaks inside: the inner act is the quote
        if any(p is not None and (not person or p == person) for p in outer):
            continue  # "Ferrante said she had asked ...": the fuller, outer clause is the quote
        for start, end in act.content:
            start, end = _trim(text, start, end)
            words = text[start:end]
            if len(words.split()) < 3 or not _is_clause(act, text, start, end):
                continue
            out.append(Quote(speaker.name, words, "indirect", sentence.index, act.cue, start, end))
    return out


def _person(act: Act) -> str | None:
    """The watched person an act speaks for, if any."""
    return act.speaker.person if act.speaker else None


def _is_clause(act: Act, text: str, start: int, end: int) -> bool:
    """Reported speech is a clause: "said the talks failed", not "declared a state of
    emergency". Requests ("called for ...") and attributions at the end carry their own."""
    if act.kind in {CueKind.REQUEST, CueKind.ACCORDING} or act.form == Form.TRAILING:
        return True
    between = text[act.cue_end : start].rstrip()
    if between.endswith(":") or re.search(r"\bthat$", between):
        return True
    inner = tokenize(text[start:end], [])
    return any(is_verbish(inner, k) for k in range(len(inner)))


def _overlaps(act: Act, span: QuoteSpan) -> bool:
    """Does the act's content reach into the quotation (marks included)?"""
    return any(a < span.mark_end and span.mark_start < b for a, b in act.content)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without edge spaces, commas, and the sentence's final period."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


# ------------------------------------------------------------------ paragraph carry


def _paragraph_carry(article: Article, sentences: Sequence[SentenceSpeech]) -> list[Quote]:
    """In "A. B, said Salame.", a trailing attribution that ends a paragraph of reported
    speech covers the paragraph's earlier sentences that have no attribution of their own."""
    out: list[Quote] = []
    if len(article.paragraphs) != len(article.sentences):
        return out
    for index in range(len(sentences) - 1, 0, -1):
        last = sentences[index]
        is_end = index == len(sentences) - 1 or article.paragraphs[index + 1] != article.paragraphs[index]
        trailing = [a for a in last.acts if a.form == Form.TRAILING and a.speaker is not None and a.content[0][0] == 0]
        if not is_end or not trailing or last.spans:
            continue
        speaker = trailing[-1].speaker
        k = index - 1
        while k >= 0 and article.paragraphs[k] == article.paragraphs[index]:
            earlier = sentences[k]
            if earlier.acts or earlier.spans:
                break
            earlier.paragraph_speaker = speaker
            start, end = _trim(earlier.text, 0, len(earlier.text))
            if speaker is not None and len(earlier.text[start:end].split()) >= 3:
                out.append(Quote(speaker.name, earlier.text[start:end], "indirect", k, trailing[-1].cue, start, end))
            k -= 1
    return out
