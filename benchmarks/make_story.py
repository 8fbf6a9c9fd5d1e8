"""Realistic benchmark input: distinct sentences of news prose, and N-article story folders.

Benchmarks measured on a few dozen sentences repeated thousands of times flatter any
method that pairs sentences (issue 13): real articles have distinct sentences, a vocabulary
of tens of thousands of words of which most are rare, a cast of names the whole story
repeats, and quotations. `Prose` writes such sentences from an invented vocabulary
(pronounceable words drawn with Zipf's law) mixed with English function words, names of
people, places and bodies, numbers and quotes, so runs do not depend on ../shared or the
network and every sentence is new.

A story folder looks like coverage in practice: a few agencies file a wire text and then
updated versions of it through the day (a new lead on top, the rest kept, a few lines
reworded); most outlets run one of those versions, verbatim, lightly edited or heavily cut
and rewritten, with lines of their own; some splice two wires; some write their own
article quoting a few wire lines. Each file carries what real pages carry: a section
line, a headline, sometimes a byline, a wire dateline ("PARIS (Reuters) - "), an agency
label or a copyright line, and some site chrome for the cleaner to strip.

A fixed random seed makes every run write the same files, so timings are comparable
between machines and commits.

    python benchmarks/make_story.py OUT_DIR --count 300 [--seed 20190512]

Importable: `make_story(out_dir, count, seed)` returns the paths it wrote; `Prose` is also
what `compare.py` builds its pair of long articles from.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

AGENCIES = ("Reuters", "AFP", "AP", "DPA")
PLACES = ("PARIS", "TRIPOLI", "BENGHAZI", "CAIRO", "ROME", "TUNIS", "LONDON", "DUBAI")
SECTIONS = ("World", "Middle East", "Africa", "International", "News")
FIRST = ("Amira", "Jean", "Omar", "Claire", "Youssef", "Sara", "Tom", "Leila", "Marco", "Nadia",
         "Karim", "Ingrid", "Pablo", "Hana", "Viktor", "Ruth", "Samir", "Elena", "Kofi", "Mei")  # fmt: skip
LAST = ("Haddad", "Martin", "Benali", "Rossi", "Khoury", "Dubois", "Salem", "Laurent", "Gray",
        "Okafor", "Lindqvist", "Moreno", "Tanaka", "Novak", "Adeyemi", "Brennan", "Farouk")  # fmt: skip
ROLES = ("a spokesman for", "the head of", "an analyst at", "a senior official at", "the director of",
         "a researcher at", "a lawyer for", "the chairman of")  # fmt: skip
OUTLET_WORDS = ("Daily", "Morning", "Evening", "Gulf", "Coastal", "Northern", "City", "Global")
OUTLET_KINDS = ("News", "Post", "Times", "Herald", "Tribune", "Observer", "Chronicle", "Star")
CHROME = (
    "Advertisement", "Share this article", "Subscribe to our newsletter",
    "Follow us on Twitter", "Sponsored content",
)  # fmt: skip
#: English function words, most frequent first (drawn with Zipf's law like the rest).
FUNCTION = (
    "the of to and a in that for on was with is said by as at from his has it an were "
    "have be are its who after had their but not been they which this would will more "
    "than about also over when into other some could two three last there all first "
    "since while out under against where before most between during"
).split()
FILLERS = ("also", "reportedly", "on Sunday", "again", "officially", "in fact", "meanwhile")
ONSETS = "b c d f g h k l m n p r s t v z br cr dr fr gr pl pr st tr sh ch th".split()
VOWELS = "a e i o u a e i o ai ea ou io".split()
CODAS = ["", "", "", "n", "r", "l", "m", "nd", "st", "t", "k"]


def _invented(rng: random.Random, count: int) -> list[str]:
    """`count` distinct pronounceable words of one to three syllables (mostly two)."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.choice((1, 2, 2, 2, 3)))
        )
        if word not in seen and word not in FUNCTION:
            seen.add(word)
            out.append(word)
    return out


class _Zipf:
    """Draws items with probability proportional to 1 / (rank + 2)."""

    def __init__(self, items: list[str]) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1 / (rank + 2) for rank in range(len(items))))

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]


class Prose:
    """Distinct sentences of news prose about one story (see the module docstring).

    `vocabulary` invented words (Zipf-distributed, so most are rare and a few common) plus
    a cast of `cast` people and as many capitalised names of places and bodies, which the
    story repeats. Content words make about 55% of a sentence, as in English news.
    """

    def __init__(self, seed: int, vocabulary: int = 30000, cast: int = 30) -> None:
        rng = random.Random(seed)
        self.words = _Zipf(_invented(rng, vocabulary))
        self.function = _Zipf(FUNCTION)
        self.people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(cast)]
        self.names = _Zipf([w.capitalize() for w in _invented(rng, cast)])

    def clause(self, rng: random.Random, length: int | None = None) -> str:
        """Words of a sentence, lowercase first letter, no closing stop."""
        if length is None:
            length = 6 + min(40, int(rng.gammavariate(2.0, 8.0)))
        out = []
        function = False
        for _ in range(length):
            # A function word is likelier after a content word: about 45% of words overall.
            function = rng.random() < (0.2 if function else 0.62)
            kind = rng.random()
            if function:
                word = self.function.draw(rng)
            elif kind < 0.18:
                word = self.names.draw(rng)
            elif kind < 0.24:
                word = f"{rng.randrange(2, 90000):,}" if rng.random() < 0.5 else str(rng.randrange(2, 100))
            else:
                word = self.words.draw(rng)
            if rng.random() < 0.06:
                word += ","
            out.append(word)
        out[-1] = out[-1].rstrip(",")
        return " ".join(out)

    def sentence(self, rng: random.Random) -> str:
        """A sentence of reporting; about one in six quotes a named person."""
        roll = rng.random()
        if roll < 0.08:
            text = f"“{_capital(self.clause(rng))},” {rng.choice(self.people)} said."
        elif roll < 0.12:
            who = f"{rng.choice(self.people)}, {rng.choice(ROLES)} the {self.names.draw(rng)} {self.words.draw(rng)}"
            text = f"{who}, said {self.clause(rng)}."
        elif roll < 0.16:
            text = f"According to {rng.choice(self.people)}, {self.clause(rng)}."
        else:
            text = _capital(self.clause(rng)) + "."
        return text

    def reword(self, sentence: str, rng: random.Random) -> str:
        """An edited version of `sentence`: what a second outlet does to wire copy.

        One to three edits among: a word replaced by another, a word dropped, a filler
        added; sometimes the quotes straightened or "per cent" style variants.
        """
        words = sentence.split()
        for _ in range(rng.randint(1, 3)):
            if len(words) < 4:
                break
            k = rng.randrange(1, len(words) - 1)  # inner words: keep the capital and the stop
            roll = rng.random()
            if roll < 0.45:
                tail = "," if words[k].endswith(",") else ""
                words[k] = self.words.draw(rng) + tail
            elif roll < 0.7 and len(words) > 6:
                del words[k]
            else:
                words.insert(k, rng.choice(FILLERS))
        text = " ".join(words)
        if rng.random() < 0.2:
            text = text.replace("“", '"').replace("”", '"')
        return text

    def paragraph_of_sentences(self, rng: random.Random, count: int) -> list[str]:
        return [self.sentence(rng) for _ in range(count)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- a story of many articles -----------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A wire text to perturb: its agency, headline and sentences."""

    agency: str
    title: str
    sentences: tuple[str, ...]


def wire_versions(prose: Prose, rng: random.Random, count: int) -> list[Source]:
    """Each agency's wire text and its updates through the day (`count` texts in all).

    An update keeps most of the previous version: a new lead of a few sentences on top, a
    couple of lines dropped or reworded, a few added at the end.
    """
    out: list[Source] = []
    latest: dict[str, list[str]] = {}
    for n in range(count):
        agency = AGENCIES[n % len(AGENCIES)]
        previous = latest.get(agency)
        if previous is None:
            body = prose.paragraph_of_sentences(rng, rng.randint(18, 34))
        else:
            body = prose.paragraph_of_sentences(rng, rng.randint(2, 5))
            for sentence in previous:
                roll = rng.random()
                if roll < 0.08:
                    continue
                body.append(prose.reword(sentence, rng) if roll < 0.16 else sentence)
            body += prose.paragraph_of_sentences(rng, rng.randint(0, 4))
        latest[agency] = body
        title = _capital(prose.clause(rng, rng.randint(6, 11)))
        out.append(Source(agency, title, tuple(body)))
    return out


def perturb(src: Source, prose: Prose, others: list[Source], rng: random.Random) -> list[str]:
    """The body an outlet runs of a wire text: verbatim, edited, or heavily rewritten."""
    roll = rng.random()
    if roll < 0.15:
        return list(src.sentences)  # verbatim reprint
    heavy = roll > 0.8
    p_delete, p_reword = (0.35, 0.5) if heavy else (0.1, 0.15)
    out = []
    for sentence in src.sentences:
        if rng.random() < p_delete:
            continue
        out.append(prose.reword(sentence, rng) if rng.random() < p_reword else sentence)
    if rng.random() < 0.15:  # a few paragraphs of a second wire spliced in
        other = rng.choice(others).sentences
        start = rng.randrange(len(other))
        out[len(out) // 2 : len(out) // 2] = other[start : start + rng.randint(2, 6)]
    for _ in range(rng.choice((0, 1, 1, 2, 3)) + 3 * heavy):  # own reporting
        out.insert(rng.randrange(len(out) + 1), prose.sentence(rng))
    for _ in range(rng.choice((0, 0, 1))):  # a moved sentence
        out.insert(rng.randrange(len(out)), out.pop(rng.randrange(len(out))))
    return out or list(src.sentences[:1])


def own_article(prose: Prose, wires: list[Source], rng: random.Random) -> list[str]:
    """An outlet's own article: its own sentences, quoting a few lines of a wire."""
    out = prose.paragraph_of_sentences(rng, rng.randint(12, 35))
    wire = rng.choice(wires).sentences
    for _ in range(rng.randint(0, 4)):
        out.insert(rng.randrange(len(out) + 1), rng.choice(wire))
    return out


def outlet_name(rng: random.Random) -> str:
    return f"{rng.choice(OUTLET_WORDS)} {rng.choice(OUTLET_KINDS)}"


def page(title: str, agency: str | None, body: list[str], rng: random.Random, outlet: str) -> str:
    """The saved page: chrome, headline, byline, a credit for the wire, paragraphs."""
    lines = [rng.choice(SECTIONS), "", f"{title} | {outlet}", ""]
    if rng.random() < 0.4 or agency is None:
        lines += [f"By {rng.choice(FIRST)} {rng.choice(LAST)}", ""]
    credit = rng.random() if agency is not None else 1.0
    if credit < 0.4:  # wire dateline on the lead
        body = [f"{rng.choice(PLACES)} ({agency}) - {body[0]}"] + body[1:]
    elif credit < 0.55:
        lines += [f"{outlet} – Agencies", ""]
    paragraphs = [" ".join(body[k : k + 2]) for k in range(0, len(body), 2)]
    for k, text in enumerate(paragraphs):
        lines += [text, ""]
        if k == 1 and rng.random() < 0.5:
            lines += [rng.choice(CHROME), ""]
    if 0.55 <= credit < 0.75:
        lines += [f"© 2019 {agency}", ""]
    lines += ["Share this article", ""]
    return "\n".join(lines)


def make_story(out_dir: Path, count: int, seed: int = 20190512) -> list[Path]:
    """Write `count` articles into `out_dir` (created if needed); return their paths.

    About one wire version per 25 articles (at least 4); 70% of articles run a wire
    version, 30% are the outlet's own reporting.
    """
    rng = random.Random(seed)
    prose = Prose(seed)
    wires = wire_versions(prose, rng, max(len(AGENCIES), count // 25))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        outlet = outlet_name(rng)
        if rng.random() < 0.7:
            src = rng.choice(wires)
            title = src.title if rng.random() < 0.6 else prose.reword(src.title + ".", rng).rstrip(".")
            text = page(title, src.agency, perturb(src, prose, wires, rng), rng, outlet)
        else:
            title = _capital(prose.clause(rng, rng.randint(6, 11)))
            text = page(title, None, own_article(prose, wires, rng), rng, outlet)
        path = out_dir / f"{n:04d}_{outlet.lower().replace(' ', '_')}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20190512)
    args = parser.parse_args()
    paths = make_story(args.out_dir, args.count, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")


if __name__ == "__main__":
    main()
