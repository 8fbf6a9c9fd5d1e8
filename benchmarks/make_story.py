"""Build an N-article story folder from perturbed seed sentences, for scale benchmarks.

A folder of hundreds of articles about one story looks like this in practice: a few wire
texts (here the bundled seeds: the Reuters story, the AFP story, a third outlet's own
report) run by many outlets, some verbatim, most lightly edited (sentences cut, reworded,
moved, a paragraph from another wire spliced in, a line of their own reporting added), a
few rewritten heavily. Each generated file carries what real pages carry: a section line,
a headline, sometimes a byline, a wire dateline ("PARIS (Reuters) - ") or an agency label
("… – Agencies") or a copyright line ("© 2019 AFP"), and some site chrome ("Advertisement",
"Share this article") for the cleaner to strip.

A fixed random seed makes every run write the same files, so timings are comparable
between machines and commits.

    python benchmarks/make_story.py OUT_DIR --count 300 [--seed 20190512]

Importable: `make_story(out_dir, count, seed)` returns the paths it wrote.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from sidebyside.ingest.story import load_story

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

#: The seed file each wire text comes from, and the agency it belongs to. 001 and 004 are
#: themselves reprints of 000 and 003, so they add nothing as sources.
WIRES = (("000_", "Reuters"), ("003_", "AFP"), ("002_", "Libya Herald"))
WIRE_WEIGHTS = (0.45, 0.4, 0.15)

PLACES = ("PARIS", "TRIPOLI", "BENGHAZI", "CAIRO", "ROME", "TUNIS", "LONDON", "DUBAI")
SECTIONS = ("World", "Middle East", "Africa", "International", "News")
FIRST = ("Amira", "Jean", "Omar", "Claire", "Youssef", "Sara", "Tom", "Leila", "Marco", "Nadia")
LAST = ("Haddad", "Martin", "Benali", "Rossi", "Khoury", "Dubois", "Salem", "Laurent", "Gray")
OUTLET_WORDS = ("Daily", "Morning", "Evening", "Gulf", "Coastal", "Northern", "City", "Global")
OUTLET_KINDS = ("News", "Post", "Times", "Herald", "Tribune", "Observer", "Chronicle", "Star")
CHROME = (
    "Advertisement", "Share this article", "Subscribe to our newsletter",
    "Read more: Libya's rival governments", "Follow us on Twitter", "Sponsored content",
)  # fmt: skip
SYNONYMS = {
    "said": "stated", "told": "informed", "offensive": "assault", "killed": "left dead",
    "people": "persons", "began": "started", "capital": "city", "fighting": "clashes",
    "official": "spokesman", "warned": "cautioned", "met": "held talks", "army": "force",
    "government": "administration", "ceasefire": "truce", "U.N.": "UN", "talks": "meeting",
}  # fmt: skip
FILLERS = ("also", "reportedly", "on Sunday", "again", "officially", "in fact", "meanwhile")
#: An outlet's own reporting: a sentence put together from these slots, so two outlets'
#: own lines rarely say the same thing (as in real coverage) yet use the story's words.
WHO = ("Residents of {place}", "A spokesman for the {body}", "{name}, an analyst at the {body},",
       "Diplomats in {place}", "Aid workers from the {body}", "A local council member in {place}",
       "Officials at the {body}", "Witnesses near {place}", "{name} of the {body}")  # fmt: skip
VERB = ("said", "told the {outlet}", "warned", "reported", "complained", "estimated",
        "confirmed on {day}", "wrote in a statement", "insisted")  # fmt: skip
#: ... that SUBJECT PREDICATE, TIME: ten of each, so two outlets' own lines rarely agree.
SUBJECT = ("heavy shelling", "the ceasefire proposal", "the flow of migrants", "oil exports",
           "the arms embargo", "hospital fuel stocks", "talks in {place}", "school closures",
           "airport checkpoints", "bread prices")  # fmt: skip
PREDICATE = ("had continued", "had collapsed", "was rising", "had fallen by half", "was being ignored",
             "was running out", "could resume", "would last", "had doubled", "was under review")  # fmt: skip
TIME = ("through the night", "since {day}", "for {count} days", "despite appeals", "in the south",
        "near the port", "for now", "this spring", "along the coast", "after the talks")  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BODIES = ("Libya Institute", "Red Crescent", "African Union", "Arab League", "EU mission",
          "World Food Programme", "Chamber of Commerce", "University of Tripoli")  # fmt: skip


@dataclass(frozen=True)
class Source:
    """A wire text to perturb: its agency and its clean sentences."""

    agency: str
    title: str
    sentences: tuple[str, ...]


def load_sources() -> tuple[list[Source], list[str]]:
    """The three wire texts, and every seed sentence (for splicing in other wires' text)."""
    articles = load_story([str(SEEDS)]).articles
    sources = []
    for prefix, agency in WIRES:
        art = next(a for a in articles if a.id.startswith(prefix))
        sources.append(Source(agency, art.title or "Libya", art.sentences))
    pool = sorted({s for a in articles for s in a.sentences})
    return sources, pool


def reword(sentence: str, rng: random.Random) -> str:
    """An edited version of `sentence`: synonyms, a word dropped or added."""
    words = sentence.split()
    for _ in range(rng.randint(1, 3)):
        if len(words) < 3:
            break
        k = rng.randrange(1, len(words) - 1)  # inner words: keep the capital and the full stop
        bare = words[k].strip(",.")
        roll = rng.random()
        if roll < 0.5 and bare in SYNONYMS:
            words[k] = words[k].replace(bare, SYNONYMS[bare])
        elif roll < 0.75 and len(words) > 6:
            del words[k]
        else:
            words.insert(k, rng.choice(FILLERS))
    return " ".join(words)


def own_sentence(rng: random.Random, outlet: str) -> str:
    """A sentence of the outlet's own reporting."""
    clause = f"{rng.choice(SUBJECT)} {rng.choice(PREDICATE)} {rng.choice(TIME)}"
    text = f"{rng.choice(WHO)} {rng.choice(VERB)} that {clause}."
    return text.format(
        place=rng.choice(PLACES).title(),
        body=rng.choice(BODIES),
        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        outlet=outlet,
        day=rng.choice(DAYS),
        count=rng.choice(("12", "40", "300", "2,000", "six", "eight")),
    )


def perturb(src: Source, pool: list[str], rng: random.Random, outlet: str) -> list[str]:
    """The body an outlet runs: verbatim, edited, or heavily rewritten."""
    roll = rng.random()
    if roll < 0.15:
        return list(src.sentences)  # verbatim reprint
    heavy = roll > 0.8
    p_delete, p_reword = (0.3, 0.5) if heavy else (0.1, 0.15)
    out = []
    for sentence in src.sentences:
        if rng.random() < p_delete:
            continue
        out.append(reword(sentence, rng) if rng.random() < p_reword else sentence)
    for _ in range(rng.choice((0, 0, 1, 2))):  # a sentence from another wire
        out.insert(rng.randrange(len(out) + 1), rng.choice(pool))
    for _ in range(rng.choice((0, 1, 1, 2, 3)) + 3 * heavy):  # own reporting
        out.insert(rng.randrange(len(out) + 1), own_sentence(rng, outlet))
    for _ in range(rng.choice((0, 0, 1))):  # a moved sentence
        out.insert(rng.randrange(len(out)), out.pop(rng.randrange(len(out))))
    return out or list(src.sentences[:1])


def outlet_name(rng: random.Random) -> str:
    return f"{rng.choice(OUTLET_WORDS)} {rng.choice(OUTLET_KINDS)}"


def page(src: Source, body: list[str], rng: random.Random, outlet: str) -> str:
    """The saved page: chrome, headline, byline, a credit for the wire, paragraphs."""
    lines = [rng.choice(SECTIONS), ""]
    title = src.title if rng.random() < 0.6 else reword(src.title, rng)
    lines += [f"{title} | {outlet}", ""]
    if rng.random() < 0.4:
        lines += [f"By {rng.choice(FIRST)} {rng.choice(LAST)}", ""]
    credit = rng.random()
    if credit < 0.4:  # wire dateline on the lead
        body = [f"{rng.choice(PLACES)} ({src.agency}) - {body[0]}"] + body[1:]
    elif credit < 0.55:
        lines += [f"{outlet} – Agencies", ""]
    paragraphs = [" ".join(body[k : k + 2]) for k in range(0, len(body), 2)]
    for k, text in enumerate(paragraphs):
        lines += [text, ""]
        if k == 1 and rng.random() < 0.5:
            lines += [rng.choice(CHROME), ""]
    if 0.55 <= credit < 0.75:
        lines += [f"© 2019 {src.agency}", ""]
    lines += ["Share this article", ""]
    return "\n".join(lines)


def make_story(out_dir: Path, count: int, seed: int = 20190512) -> list[Path]:
    """Write `count` articles into `out_dir` (created if needed); return their paths."""
    rng = random.Random(seed)
    sources, pool = load_sources()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        src = rng.choices(sources, WIRE_WEIGHTS)[0]
        outlet = outlet_name(rng)
        path = out_dir / f"{n:04d}_{outlet.lower().replace(' ', '_')}.txt"
        path.write_text(page(src, perturb(src, pool, rng, outlet), rng, outlet), encoding="utf-8")
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
