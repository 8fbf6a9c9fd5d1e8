"""Where the article is on a page: the densest run of prose, not the first prose line.

A page scraped as text is a column of blocks: menus, teasers, captions, the article,
share bars, "most read" lists, comments, footers. Taking everything from the first line
that reads like prose to the first end marker fails both ways on pages nobody tuned for:
a caption or a "quotes delayed" disclaimer above the article looks like prose and a
copyright credit in that caption ("(Image: © NASA)") looks like the page's end, so the
body becomes one caption line; a header link "Comments (12)" ends it before it starts.

The rule here is the one jusText and readability share, reduced to lines without HTML:
each line gets a weight, positive for running text (its words count), negative for
furniture and for short lines that are not sentences, and the body is the contiguous
run of lines with the largest total weight (Kadane's maximum subarray, one pass). A
caption between two paragraphs costs less than the paragraphs bring, so the article
holds together; a menu of twenty crumbs costs more than a teaser brings, so a teaser
above the menu stays out.

End markers (comments, copyright, wire credit, a "Related stories" list the article does
not resume after) are walls a run cannot cross: they cut the page into zones. Comments
can hold more prose than the article, so the largest zone is not the answer: the article
is the first zone whose best run is a fair share of the best on the page (articles come
before their comments; the markers above the article, a header's "Comments" link or a
caption's ©, only cut off the site's header).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: What a short line that is not a sentence costs (a subheading, a link title, a label).
NEUTRAL_COST = 3.0
#: What a line of furniture costs (a menu item, a caption, a share button).
JUNK_COST = 6.0
#: A zone before the best one is the article when its best run is at least this share of
#: the best run on the page: comments may outweigh the article, a caption never does.
FIRST_ZONE_SHARE = 0.25
#: An article has at least this many paragraphs when another zone has more: one prose
#: line alone between two walls is a caption, a disclaimer or a cookie notice.
MIN_PARAGRAPHS = 2
#: A run with this many comment headers ("… said:", "2 days ago") is a discussion.
DISCUSSION = 3
#: Lines without text in a row that part the article from what follows it (share bar,
#: "more stories" heading, a byline of the next card).
GAP = 4
#: Paragraphs, each alone between lines without text, that make a list of cards.
CARDS = 3


def best_run(weights: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """The contiguous run of `weights[lo:hi]` with the largest sum: (sum, start, end).

    Kadane's algorithm, one pass. A run starts and ends on a positive weight; with none,
    the sum is 0 and the run empty (start == end == lo).
    """
    best, best_start, best_end = 0.0, lo, lo
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best, best_start, best_end


def densest_body(
    weights: Sequence[float],
    walls: Callable[[int], bool],
    chatter: Callable[[int], bool] = lambda i: False,
    sentence: Callable[[int], bool] | None = None,
) -> tuple[int, int]:
    """The article's [start, end) among lines weighted `weights`, never crossing a wall.

    Walls cut the lines into zones and each zone's best run is found. A run holding
    DISCUSSION comment headers (`chatter`) is reader comments, and one of fewer than
    MIN_PARAGRAPHS positive lines is a caption or a notice, when any other run is neither.
    Among the rest the article is the first run worth FIRST_ZONE_SHARE of the best (see
    the module docstring), and a list of cards after it is cut off (`sentence` tells the
    paragraphs of prose, by default every positive line: see `_before_cards`).
    Linear: each line is weighed once and each zone scanned once.
    """
    zones: list[tuple[float, int, int]] = []
    lo = 0
    for i in range(len(weights) + 1):
        if i == len(weights) or walls(i):
            if i > lo:
                zones.append(best_run(weights, lo, i))
            lo = i + 1
    zones = [zone for zone in zones if zone[0] > 0]
    if not zones:
        return 0, 0

    def kind(zone: tuple[float, int, int]) -> int:
        """0 for an article-like run, 1 for a lone paragraph, 2 for a discussion."""
        _, start, end = zone
        if sum(1 for i in range(start, end) if chatter(i)) >= DISCUSSION:
            return 2
        return 0 if sum(1 for i in range(start, end) if weights[i] > 0) >= MIN_PARAGRAPHS else 1

    kinds = [kind(zone) for zone in zones]
    best_kind = min(kinds)
    eligible = [zone for zone, k in zip(zones, kinds, strict=True) if k == best_kind]
    top = max(score for score, _, _ in eligible)
    _, start, end = next(zone for zone in eligible if zone[0] >= FIRST_ZONE_SHARE * top)
    ends_like_sentence = sentence or (lambda i: weights[i] > 0)
    return start, _before_cards(weights, start, end, ends_like_sentence)


def _before_cards(weights: Sequence[float], start: int, end: int, sentence: Callable[[int], bool]) -> int:
    """Where the run ends once a list of cards after the article is cut off.

    Under many articles the site lists its other stories, each a headline, a byline or a
    date, and one paragraph of teaser: paragraphs that never follow one another. Their
    words outweigh the lines between them, so the densest run goes on through them. An
    article is written in paragraphs that follow one another; so after a GAP of lines
    without text, at least half of them furniture (tags, a share bar, "More from …"), a
    rest made only of CARDS or more lone paragraphs is cut off when the part above it was
    running text. A list article, one paragraph per item from the start, has no running
    part above its list and stays whole; a quotation set apart between paragraphs is not
    furniture. Only paragraphs of prose count here (`sentence`): a card's headline may be
    long enough to weigh as text, or a short question. Linear: what follows
    each line is summed once, from the end.
    """
    positive = [weights[i] > 0 and sentence(i) for i in range(start, end)]
    n = len(positive)
    # cards_after[i]: lone paragraphs in positive[i:], or -1 once two are adjacent there
    cards_after = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        later = cards_after[i + 1]
        if not positive[i] or later < 0:
            cards_after[i] = later
        else:
            cards_after[i] = -1 if i + 1 < n and positive[i + 1] else later + 1
    running = False  # two paragraphs in a row seen above
    i = 0
    while i < n:
        if positive[i]:
            running = running or (i > 0 and positive[i - 1])
            i += 1
            continue
        gap_start, furniture = i, 0
        while i < n and not positive[i]:
            furniture += weights[start + i] <= -JUNK_COST
            i += 1
        if running and i - gap_start >= GAP and 2 * furniture >= i - gap_start and cards_after[i] >= CARDS:
            return start + gap_start
    return end
