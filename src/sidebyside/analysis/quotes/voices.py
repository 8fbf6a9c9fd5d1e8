"""Which speaker phrases are voices: a pronoun, a crowd or a document is nobody to quote.

Attribution keeps the article's own words for a speaker it cannot name ("a French
official", "the coast guard", "police"): those are sources a journalist cites. Some
subjects of a speech verb are not: a pronoun nobody could be found for ("he"), a
quantity ("Several", "250 people"), a document or an abstraction ("the statement",
"public records", "data"). Their words stay in the article, but no quote or figure is
given to them. A document with an owner speaks for its owner: "the ministry's
statement" is the ministry's, "figures from the World Bank" the World Bank's. And one
body is one speaker however a sentence capitalises it ("Police" / "police").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from sidebyside.analysis.speakers import fold, strip_possessive
from sidebyside.analysis.wordlists import DOCUMENT_NOUNS, PRONOUNS, QUANTIFIERS

#: Words that count: "Several", "250 people", "hundreds of residents", "a third".
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions dozen dozens scores half third quarter
    majority minority handful number couple""".split()
)
#: A crowd: "people", "residents" counted ("250 people", "dozens of residents").
CROWD = frozenset(
    """people persons men women children residents workers members passengers survivors
    witnesses families villagers locals""".split()
)
#: What speaks only through whoever wrote or compiled it.
DOCUMENTS = DOCUMENT_NOUNS | frozenset(
    """records documents document data statistics reports research study studies analysis poll
    polls papers paper filing filings footage photos photographs images video minutes
    transcript petition complaint lawsuit indictment affidavit memo notice matter""".split()
)
#: Pronouns a speaker may be written as, beyond the subject pronouns attribution resolves.
OTHER_PRONOUNS = frozenset("you one someone somebody anyone nobody everyone everybody".split())
#: "the ministry's statement": the owner before the first possessive.
OWNER = re.compile(r"^(.+?)['’]s?\s")
#: "figures from the World Bank": the source after the document.
SOURCE = re.compile(r"\b(?:from|by|of)\s+(?:the\s+)?(.+)$")


def voice(label: str) -> str | None:
    """The speaker to show for an unnamed speaker's label, or None when it is nobody.

    "he" -> None; "Several" -> None; "250 people" -> None; "public records" -> None;
    "the ministry's statement" -> "the ministry"; "a French official" -> as it is.
    """
    words = label.split()
    if not words:
        return None
    low = [fold(strip_possessive(w)[0]).strip(".,;:") for w in words]
    if len(low) == 1 and (low[0] in PRONOUNS or low[0] in OTHER_PRONOUNS):
        return None
    if _counted(low):
        return None
    head = _head(low)
    if head in DOCUMENTS:
        return _owner(label)
    return label


def _counted(low: list[str]) -> bool:
    """A quantity, alone or of a crowd: "Several", "Many of them", "250 people", "dozens of residents"."""
    first = low[0]
    if not (first in QUANTIFIERS or first in NUMBER_WORDS or first.replace(",", "").isdigit()):
        return False
    rest = [w for w in low[1:] if w not in {"of", "the", "them", "those", "these", "more", "than", "about"}]
    return not rest or rest[-1] in CROWD or rest[-1] in NUMBER_WORDS


def _head(low: list[str]) -> str:
    """The head word: the last before "of", "from" or "by" ("figures from the ministry")."""
    for k, word in enumerate(low):
        if k > 0 and word in {"of", "from", "by", "for"}:
            return low[k - 1]
    return low[-1]


def _owner(label: str) -> str | None:
    """Who a document speaks for: "the ministry's statement" -> "the ministry", "figures from
    the World Bank" -> "World Bank"; None when nobody is named ("the statement")."""
    text = label.strip(" ,.;:")
    source = SOURCE.search(text)
    if source is not None and source.group(1)[:1].isupper():
        return source.group(1)
    owner = OWNER.match(text)
    return owner.group(1) if owner is not None else None


def one_spelling(labels: Iterable[str]) -> dict[str, str]:
    """Each label's spelling for the whole story: "Police" and "police", "Red Cross" and "the
    Red Cross" are one speaker. The spelling printed mid-sentence (lower case first) wins,
    then the one printed most, then the first."""
    counts = Counter(labels)
    best: dict[str, str] = {}
    for label in counts:
        key = _label_key(label)
        known = best.get(key)
        if known is None or _rank(label, counts) < _rank(known, counts):
            best[key] = label
    return {label: best[_label_key(label)] for label in counts}


def _label_key(label: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", fold(" ".join(label.split())))


def _rank(label: str, counts: Counter[str]) -> tuple[bool, int]:
    return (not label[:1].islower(), -counts[label])
