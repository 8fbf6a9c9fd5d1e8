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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from itertools import accumulate, pairwise

from sidebyside.analysis.quotes.attribution import Discourse, SentenceContext, resolve_acts, update_discourse
from sidebyside.analysis.quotes.cues import find_acts
from sidebyside.analysis.quotes.marks import QuoteSpan, find_spans, first_close, spans_across
from sidebyside.analysis.quotes.speech import Act, CueKind, Form, SentenceSpeech, Speaker, Speech
from sidebyside.analysis.quotes.tokens import is_verbish, tokenize
from sidebyside.analysis.quotes.voices import voice
from sidebyside.analysis.speakers import Mention, Resolver, Watchlist, find_mentions
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
        outside = _outside(mentions, spans)
        sentence = SentenceSpeech(index, text, spans, acts)
        ctx = SentenceContext(sentence, tokens, outside, resolver, discourse)
        resolve_acts(ctx)
        quotes += _direct_quotes(article, sentence, discourse, sentences)
        quotes += _indirect_quotes(sentence)
        update_discourse(ctx)
        resolver.note_mentions(index, mentions)
        sentences.append(sentence)
    quotes += _paragraph_carry(article, sentences)
    quotes = [q for q in map(partial(_voiced, set(watchlist.names)), quotes) if q is not None]
    quotes.sort(key=lambda q: (q.sentence, q.start))
    return Speech(article, sentences, tuple(quotes))


def _voiced(named: set[str], quote: Quote) -> Quote | None:
    """The quote with a speaker to show (`voices.voice`), or None when its speaker is
    nobody to quote ("he" unresolved, "Several", "the statement")."""
    if quote.speaker in named:
        return quote
    speaker = voice(quote.speaker)
    if speaker is None:
        return None
    return quote if speaker == quote.speaker else replace(quote, speaker=speaker)


def _outside(mentions: Sequence[Mention], spans: Sequence[QuoteSpan]) -> list[Mention]:
    """The mentions that start outside every quotation (found by bisection: the quotations
    of a sentence follow one another)."""
    starts, ends = [s.start for s in spans], [s.end for s in spans]
    if any(a > b for a, b in pairwise(starts)) or any(a > b for a, b in pairwise(ends)):
        return [m for m in mentions if not any(s.start <= m.start < s.end for s in spans)]
    out = []
    for m in mentions:
        k = bisect_right(ends, m.start)  # the first quotation ending after the mention starts
        if not (k < len(starts) and starts[k] <= m.start):
            out.append(m)
    return out


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
    innermost = sentence.innermost([(span.start, span.end) for span in sentence.spans])
    for n, span in enumerate(sentence.spans):
        act = innermost[n]
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
    if LEADING_SPACE.match(text).end() < span.mark_start:  # type: ignore[union-attr]
        return False  # words before it (read without copying them: one sentence may hold 1000 quotations)
    after = text[span.mark_end :].strip(' .,;:!?"”’')
    return not after or (not acts and len(after) < 3)


LEADING_SPACE = re.compile(r"\s*")


def _quote_text(article: Article, index: int, span: QuoteSpan) -> tuple[str, int, int]:
    """The quoted words (joined across sentences while the quotation stays open), and the
    offsets of the part inside sentence `index`, trimmed of edge punctuation."""
    text = article.sentences[index]
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    # the pieces are joined once at the end: a quotation left open over a paragraph of
    # thousands of sentences must not be copied again for each of them
    pieces = [text[start:end]]
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
            pieces.append(piece.strip().rstrip(",;:").rstrip())
            if close is not None:
                break
            nxt += 1
    return " ".join(piece for piece in pieces if piece), start, end


# ------------------------------------------------------------------ indirect quotes


def _indirect_quotes(sentence: SentenceSpeech) -> list[Quote]:
    """Reported speech without quotation marks, one per chain of nested acts: the
    innermost watched speaker's, else the innermost act's."""
    out: list[Quote] = []
    text = sentence.text
    voiced = [(a, a.speaker) for a in sentence.acts if a.speaker is not None]
    acts = [a for a, _ in voiced]
    # a sentence of a thousand acts and quotations is indexed; a few are compared pairwise
    many = len(acts) * (len(acts) + len(sentence.spans)) > PAIRWISE
    nesting = _Nesting(acts) if many else None
    quoted = _Quoted(sentence.spans) if many else None
    for act, speaker in voiced:
        if quoted.reached_by(act) if quoted else any(_overlaps(act, s) for s in sentence.spans):
            continue  # represented by its quotation marks
        person = speaker.person
        if nesting is None:
            nested = [_person(o) for o in acts if o is not act and act.covers(o.cue_start, o.cue_end)]
            outer = [_person(o) for o in acts if o is not act and o.covers(act.cue_start, act.cue_end)]
            inside = any(not person or (p is not None and p != person) for p in nested)
            outside = any(p is not None and (not person or p == person) for p in outer)
        else:
            inside = nesting.voice_inside(act, person)
            outside = not inside and nesting.same_voice_outside(act, person)
        if inside:
            continue  # someone (watched) speaks inside: the inner act is the quote
        if outside:
            continue  # "Ferrante said she had asked ...": the fuller, outer clause is the quote
        for start, end in act.content:
            start, end = _trim(text, start, end)
            words = text[start:end]
            if len(words.split()) < 3 or not _is_clause(act, text, start, end):
                continue
            out.append(Quote(speaker.name, words, "indirect", sentence.index, act.cue, start, end))
    return out


#: Up to this many pairs of acts (or acts and quotations) a sentence is read pair by pair.
PAIRWISE = 256


def _person(act: Act) -> str | None:
    """The watched person an act speaks for, if any."""
    return act.speaker.person if act.speaker else None


class _Quoted:
    """Does an act's content reach into a quotation of the sentence (marks included)?

    The quotations of a sentence follow one another, so the one an act's range could
    reach is found by bisection, not by trying each of a thousand quotations per act.
    """

    def __init__(self, spans: Sequence[QuoteSpan]) -> None:
        self.spans = spans
        self.starts = [s.mark_start for s in spans]
        self.ends = [s.mark_end for s in spans]
        self.ordered = all(x <= y for x, y in pairwise(self.starts)) and all(x <= y for x, y in pairwise(self.ends))

    def reached_by(self, act: Act) -> bool:
        if not self.ordered:
            return any(_overlaps(act, s) for s in self.spans)
        for a, b in act.content:
            k = bisect_right(self.ends, a)  # the first quotation that ends after the range starts
            if k < len(self.starts) and self.starts[k] < b:
                return True
        return False


class _Nesting:
    """Which of a sentence's voiced acts speak inside another's words, and for whom.

    `voice_inside(act, person)`: some other act's cue lies in the act's content and
    speaks for someone else ("X said that Y warned ...") -- or for anybody, when the act
    speaks for no watched person. `same_voice_outside(act, person)`: the act's cue lies
    in the content of another act for the same watched person (any watched person, when
    the act's is nobody). Both are answered from counts over the acts ordered by cue, so
    a sentence of a thousand acts is not read a thousand times; when cues overlap (they
    never do: each is its own token), the acts are compared pairwise instead.
    """

    def __init__(self, acts: Sequence[Act]) -> None:
        self.acts = acts
        order = sorted(range(len(acts)), key=lambda k: acts[k].cue_start)
        self.starts = [acts[k].cue_start for k in order]
        self.ends = [acts[k].cue_end for k in order]
        self.ordered = all(s < e for s, e in zip(self.starts, self.ends, strict=True)) and all(
            e <= s for e, s in zip(self.ends, self.starts[1:], strict=False)
        )
        if not self.ordered:
            return
        self.rank = {id(acts[k]): r for r, k in enumerate(order)}
        persons = [_person(acts[k]) for k in order]
        names = {p for p in persons if p is not None}
        self.voiced = _prefix([p is not None for p in persons])
        self.voiced_as = {name: _prefix([p == name for p in persons]) for name in names}
        # for each cue (by rank): how many acts for a person, and for each person, cover it
        covering = [0] * (len(order) + 1)
        covering_as = {name: [0] * (len(order) + 1) for name in names}
        for k in order:
            person = _person(acts[k])
            if person is None:
                continue
            for i, j in self._cue_runs(acts[k]):
                for counts in (covering, covering_as[person]):
                    counts[i] += 1
                    counts[j] -= 1
        self.covered = list(accumulate(covering))
        self.covered_as = {name: list(accumulate(counts)) for name, counts in covering_as.items()}

    def _cue_runs(self, act: Act) -> list[tuple[int, int]]:
        """The ranks of the cues each range of the act's content contains, as merged runs [i, j)."""
        runs = sorted((bisect_left(self.starts, a), bisect_right(self.ends, b)) for a, b in act.content)
        merged: list[tuple[int, int]] = []
        for i, j in runs:
            if i >= j:
                continue
            if merged and i <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], j))
            else:
                merged.append((i, j))
        return merged

    def voice_inside(self, act: Act, person: str | None) -> bool:
        if not self.ordered:
            nested = [_person(o) for o in self.acts if o is not act and act.covers(o.cue_start, o.cue_end)]
            return any(not person or (p is not None and p != person) for p in nested)
        own = self.rank[id(act)]
        for i, j in self._cue_runs(act):
            if not person:
                others = j - i - (1 if i <= own < j else 0)
            else:  # acts for someone, less acts for this person (the act itself among them)
                same = self.voiced_as[person][j] - self.voiced_as[person][i]
                others = self.voiced[j] - self.voiced[i] - same
            if others > 0:
                return True
        return False

    def same_voice_outside(self, act: Act, person: str | None) -> bool:
        if not self.ordered:
            outer = [_person(o) for o in self.acts if o is not act and o.covers(act.cue_start, act.cue_end)]
            return any(p is not None and (not person or p == person) for p in outer)
        own = self.rank[id(act)]
        itself = 1 if _person(act) is not None and act.covers(act.cue_start, act.cue_end) else 0
        if not person:
            return self.covered[own] - itself > 0
        return self.covered_as[person][own] - itself > 0


def _prefix(flags: Sequence[bool]) -> list[int]:
    """Running counts: out[k] is how many of flags[:k] are true."""
    return [0, *accumulate(int(f) for f in flags)]


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
