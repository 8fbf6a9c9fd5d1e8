"""Who ran whose copy: claims of shared copy, each with its evidence and how sure it is.

Two outlets that report the same facts in their own words wrote independently, however
alike their sentences look to `align` ("Four workers were hurt" beside "Three rail
workers were treated"). So a claim of copy needs *shared wording*: runs of at least
`RUN` words printed identically by both, outside quotation marks (two outlets quoting
the same speaker share the speaker's words, not copy). The overlap matrix only proposes
the pairs worth checking.

The direction (who copied whom) rests on what the text says: a credit naming the other
outlet ("told Reuters", "(AFP)", a "With AP" credit line), the other outlet being a news
agency (its business is selling copy), or lopsided containment (nearly all of a shorter
article inside a longer one). Without any of these the claim is `undirected`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sidebyside.analysis.text import normalise
from sidebyside.model import Article

#: Words in a run that two outlets print identically before it counts as shared wording.
RUN = 8
#: A claim needs this many of the article's words in shared runs ...
COPY_MIN_WORDS = 25
#: ... making at least this share of its words (outside quotes).
COPY_MIN_SHARE = 0.15
#: How many of an article's nearest articles (by the matrix) are checked for shared wording.
CANDIDATES = 3
#: "Nearly all of A inside B": A's copied share at least this, and this far above B's.
CONTAINED_SHARE = 0.8
CONTAINED_GAP = 0.25

#: News agencies, with the other names articles credit them by. An outlet that is an
#: agency is the likelier source: its business is selling copy to the others.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Xinhua": ("Xinhua",),
    "ANSA": ("ANSA",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "Kyodo": ("Kyodo",),
    "TASS": ("TASS",),
    "PA": ("PA Media", "Press Association"),
    "Yonhap": ("Yonhap",),
    "PTI": ("PTI", "Press Trust of India"),
    "KUNA": ("KUNA",),
    "WAM": ("WAM",),
    "MENA": ("MENA",),
    "Interfax": ("Interfax",),
}
#: Words that make a mention of an outlet a credit: "told Reuters", "according to AFP",
#: "Reuters reported", "(AFP)", "© 2019 AFP", "With AP", "— AFP".
#: The crediting words match in any case, the outlet's name only as written.
CREDIT_BEFORE = r"\b(?i:told|to|according to|by|from|via|with|quoted by|cited by|in an interview with)"
CREDIT_AFTER = r"(?i:reported|reports|said|says|quoted|cited|news agency|news service|reporter|correspondent)\b"
COPYRIGHT = r"(?:©|\((?i:c)\)|\b(?i:copyright)\b)\s*(?:\d{4}\s*)?"
CREDIT_LINE = r"^\s*(?:[-–—]\s*)"

ReuseKind = Literal["credited", "agency", "contained", "undirected"]
Confidence = Literal["high", "medium", "low"]


@dataclass(frozen=True)
class Wording:
    """What two articles print identically, counted on `article`'s words outside quotes."""

    shared: int  # words of the article inside runs of >= RUN words the other also prints
    words: int  # the article's words outside quotation marks
    runs: int
    longest: int
    sample: str  # the start of the longest run, for a reader to check

    @property
    def share(self) -> float:
        return self.shared / self.words if self.words else 0.0


@dataclass(frozen=True)
class Reuse:
    """`article` ran copy that `source` also has, on the evidence of shared wording.

    `share` is the share of `article`'s words (outside quotes) printed identically in
    `source`, `back` the same the other way. `kind` says what the direction rests on
    and `basis` says it in words; `confidence` is how sure the claim of copy is.
    """

    article: str
    source: str
    share: float
    back: float
    kind: ReuseKind
    basis: str
    confidence: Confidence
    wording: Wording

    @property
    def evidence(self) -> str:
        """The whole case in words: the shared wording, then what the direction rests on."""
        w = self.wording
        runs = "run" if w.runs == 1 else "runs"
        return (
            f"{w.shared} of its {w.words} own words in {w.runs} identical {runs} "
            f"(longest {w.longest} words: '{w.sample}…'); {self.basis}"
        )


def agency_of(name: str | None) -> str | None:
    """The agency an outlet name stands for ("Agence France-Presse" -> "AFP"), or None."""
    if not name:
        return None
    folded = name.strip().casefold()
    for agency, aliases in AGENCIES.items():
        if any(folded == alias.casefold() for alias in aliases):
            return agency
    return None


def credit(article: Article, outlet: str | None) -> str | None:
    """The words in which `article` credits `outlet` ("told Reuters", "With AP"), or None.

    A bare mention counts only in a crediting phrase, so "Reuters" in "the Reuters
    building" is not a credit but "a French official told Reuters" is. Credit lines the
    cleaner kept aside (`Article.credits`) and the byline count too. An article does not
    credit its own outlet.
    """
    if not outlet or (article.outlet and article.outlet.casefold() == outlet.casefold()):
        return None
    names = _names(outlet)
    texts = (*article.credits, article.byline or "", *article.sentences)
    # Every form of the credit holds a name as written: most articles never name the
    # outlet, and the substring test spares them the pattern (which has no literal prefix
    # and was most of `sidebyside overlap`'s time on a 300-article story).
    whole = "\n".join(texts)
    if not any(name in whole for name in names):
        return None
    pattern = _credit_pattern(names)
    for text in texts:
        if m := pattern.search(text):
            return " ".join(m.group(0).split())
    return None


@lru_cache(maxsize=256)
def _names(outlet: str) -> tuple[str, ...]:
    """The outlet's name and, for an agency, its other names, longest first."""
    agency = agency_of(outlet)
    return tuple(sorted({outlet.strip(), *(AGENCIES[agency] if agency else ())}, key=len, reverse=True))


@lru_cache(maxsize=256)
def _credit_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """A crediting phrase around one of `names` (see `credit`)."""
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"{CREDIT_BEFORE}\s+(?:the\s+)?(?:{alternation})\b"
        rf"|\((?:{alternation})\)"
        rf"|\b(?:{alternation})\s+{CREDIT_AFTER}"
        rf"|{COPYRIGHT}(?:{alternation})\b"
        rf"|{CREDIT_LINE}(?:{alternation})\s*$"
    )


# --- shared wording --------------------------------------------------------------------------

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")
_WORD = re.compile(r"[^\W_]+")


def own_words(article: Article) -> list[str]:
    """The article's words outside quotation marks, folded: what the outlet itself wrote."""
    out: list[str] = []
    for sentence in article.sentences:
        out += _WORD.findall(normalise(_QUOTED.sub(" ", sentence)))
    return out


def _runs(words: Sequence[str]) -> set[int]:
    return {hash(tuple(words[i : i + RUN])) for i in range(len(words) - RUN + 1)}


def shared_wording(words: Sequence[str], other_runs: set[int]) -> Wording:
    """The runs of `words` that the other article also prints (its `_runs`)."""
    covered = [False] * len(words)
    for i in range(len(words) - RUN + 1):
        if hash(tuple(words[i : i + RUN])) in other_runs:
            for k in range(i, i + RUN):
                covered[k] = True
    runs, longest, best, start = 0, 0, (0, 0), None
    for i, c in enumerate([*covered, False]):
        if c and start is None:
            start = i
        elif not c and start is not None:
            runs += 1
            if i - start > longest:
                longest, best = i - start, (start, i)
            start = None
    sample = " ".join(words[best[0] : min(best[1], best[0] + 12)])
    return Wording(sum(covered), len(words), runs, longest, sample)


def is_copy(wording: Wording) -> bool:
    """Enough identical wording to say the text was shared, not just the facts."""
    return wording.shared >= COPY_MIN_WORDS and wording.share >= COPY_MIN_SHARE


def confidence(a: Wording, b: Wording) -> Confidence:
    """How sure a claim of copy is: most of one article shared, or long identical runs."""
    most = max(a.share, b.share)
    if most >= 0.5 or max(a.longest, b.longest) >= 40:
        return "high"
    if most >= 0.25:
        return "medium"
    return "low"


# --- direction -------------------------------------------------------------------------------


def direction(a: Article, b: Article, a_words: Wording, b_words: Wording) -> Reuse:
    """Who likely copied whom between a and b (which share wording), and on what evidence."""
    sure = confidence(a_words, b_words)

    def claim(x: Article, y: Article, wx: Wording, wy: Wording, kind: ReuseKind, why: str) -> Reuse:
        return Reuse(x.id, y.id, wx.share, wy.share, kind, why, sure, wx)

    if cue := credit(a, b.outlet):
        return claim(a, b, a_words, b_words, "credited", f"credited '{cue}'")
    if cue := credit(b, a.outlet):
        return claim(b, a, b_words, a_words, "credited", f"credited '{cue}'")
    agency_a, agency_b = agency_of(a.outlet), agency_of(b.outlet)
    if agency_b and not agency_a:
        return claim(a, b, a_words, b_words, "agency", f"{b.outlet} is a news agency")
    if agency_a and not agency_b:
        return claim(b, a, b_words, a_words, "agency", f"{a.outlet} is a news agency")
    for agency in AGENCIES:
        cue_a, cue_b = credit(a, agency), credit(b, agency)
        if cue_a and cue_b:
            return claim(a, b, a_words, b_words, "undirected", f"both credit {agency} ('{cue_a}'): a common source")
    for x, y, wx, wy in ((a, b, a_words, b_words), (b, a, b_words, a_words)):
        if wx.share >= CONTAINED_SHARE and wx.share - wy.share >= CONTAINED_GAP and wx.words < wy.words:
            return claim(x, y, wx, wy, "contained", f"{wx.share:.0%} of it is inside the longer article")
    if a.date and b.date and a.date != b.date:
        # A date is not evidence of copying (two outlets may run a third's copy a day
        # apart), so the claim stays undirected; but who printed it first is what the
        # journalist checks next, so the line names the earlier one as the source.
        early, late, w_early, w_late = (a, b, a_words, b_words) if a.date < b.date else (b, a, b_words, a_words)
        why = f"nothing in the text says who copied whom; {early.label} is dated {early.date}, {late.label} {late.date}"
        return claim(late, early, w_late, w_early, "undirected", why)
    return claim(a, b, a_words, b_words, "undirected", "nothing says who came first")


def find_reuse(articles: Sequence[Article], matrix: Sequence[Sequence[float]]) -> list[Reuse]:
    """Every pair of articles with shared wording, checked among each one's nearest articles.

    The matrix proposes the `CANDIDATES` articles that carry most of each article; each
    pair is checked once, and claimed only on the evidence of `is_copy` for one side.
    """
    words = [own_words(a) for a in articles]
    runs: dict[int, set[int]] = {}
    out: list[Reuse] = []
    done: set[tuple[int, int]] = set()
    for i in range(len(articles)):
        near = sorted(
            (j for j in range(len(articles)) if j != i and matrix[i][j] > 0), key=lambda j: (-matrix[i][j], j)
        )
        for j in near[:CANDIDATES]:
            pair = (min(i, j), max(i, j))
            if pair in done:
                continue
            done.add(pair)
            x, y = pair
            wx = shared_wording(words[x], runs.get(y) or runs.setdefault(y, _runs(words[y])))
            wy = shared_wording(words[y], runs.get(x) or runs.setdefault(x, _runs(words[x])))
            if is_copy(wx) or is_copy(wy):
                out.append(direction(articles[x], articles[y], wx, wy))
    return out


def reuse_line(reuse: Reuse, articles: Sequence[Article]) -> str:
    """The sentence a report prints, e.g. "SMA News reprints Reuters (100% of its own words
    identical; credited 'told Reuters'; high confidence)"."""
    names = labels(articles)
    a, b, pct = names[reuse.article], names[reuse.source], f"{reuse.share:.0%}"
    why = f"{reuse.basis}; {reuse.confidence} confidence"
    if reuse.kind in ("credited", "agency"):
        verb = "reprints" if reuse.share >= 0.9 else "runs copy from"
        return f"{a} {verb} {b} ({pct} of its own words identical; {why})"
    if reuse.kind == "contained":
        return f"{a} is nearly all inside {b}: cut from {b}, or both from a common source ({pct} identical; {why})"
    return f"{a} and {b} share copy ({pct} of {a}'s own words identical; {why})"


def reuse_lines(articles: Sequence[Article], matrix: Sequence[Sequence[float]]) -> list[str]:
    """The who-copied-whom lines of a story, ready for a report."""
    return [reuse_line(r, articles) for r in find_reuse(articles, matrix)]


def labels(articles: Sequence[Article]) -> dict[str, str]:
    """id -> the name a line uses: the outlet, with the file name when outlets repeat."""
    count: dict[str, int] = {}
    for a in articles:
        count[a.label] = count.get(a.label, 0) + 1
    return {a.id: a.label if count[a.label] == 1 else f"{a.label} ({a.id})" for a in articles}
