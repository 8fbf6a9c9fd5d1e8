"""The Compare screen's sidebar: what the open pair prints first, then the rest of the story.

Comparing AFP with Asharq Al-Awsat, the journalist wants what *those two* print, not the
story's busiest speaker. So the list opens with what A and B both print (figures on which
they disagree, the quotes both carry with how each words them, the figures both give),
then what only A prints and what only B prints, and below a rule the rest of the story
by speaker. `pair_sections` makes that split as plain data; the screen refills the list
whenever A or B changes. Each entry shows the words its own outlet printed. Selecting an
entry asks the screen to show its sentence. All text is handed to Rich as Text, never as
markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sidebyside.analysis.fidelity import changes
from sidebyside.analysis.story_quotes import (
    Carrier,
    FigureClaim,
    FigureConflict,
    FigureGroup,
    QuoteGroup,
    StoryQuotes,
)
from sidebyside.export.wording import changes_text, conflict_text, fidelity_tag, number_text
from sidebyside.model import Article

Side = Literal["both", "a", "b", "rest"]
#: (measure, number) of every figure that takes part in a conflict: those get a ⚠.
Conflicted = set[tuple[str, int | float]]

HEADING = "bold reverse"
SUBHEADING = "bold underline"
INDENT = "\n  "


@dataclass(frozen=True)
class Target:
    """Where an entry is printed: (article id, sentence index) for each carrier."""

    places: tuple[tuple[str, int], ...]
    label: str


@dataclass(frozen=True)
class Section:
    """The conflicts, quotes and figures of one part of the sidebar."""

    conflicts: tuple[FigureConflict, ...] = ()
    groups: tuple[QuoteGroup, ...] = ()
    figures: tuple[FigureGroup, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.conflicts or self.groups or self.figures)


@dataclass(frozen=True)
class PairSections:
    """The story's entries split by who of the pair prints them; each entry is in one section."""

    both: Section
    only_a: Section
    only_b: Section
    rest: Section


def side_of(article_ids: Iterable[str], left_id: str, right_id: str) -> Side:
    """Which section an entry printed by `article_ids` belongs to for the pair (left, right)."""
    ids = set(article_ids)
    if left_id in ids and right_id in ids:
        return "both"
    if left_id in ids:
        return "a"
    return "b" if right_id in ids else "rest"


def pair_sections(story: StoryQuotes, left_id: str, right_id: str) -> PairSections:
    """Sort the story's conflicts, quote groups and figures for the pair, keeping story order."""
    conflicts: dict[Side, list[FigureConflict]] = {"both": [], "a": [], "b": [], "rest": []}
    groups: dict[Side, list[QuoteGroup]] = {"both": [], "a": [], "b": [], "rest": []}
    figures: dict[Side, list[FigureGroup]] = {"both": [], "a": [], "b": [], "rest": []}
    for conflict in story.conflicts:
        ids = (c.article_id for v in conflict.values for c in v.claims)
        conflicts[side_of(ids, left_id, right_id)].append(conflict)
    for group in story.groups:
        groups[side_of(group.article_ids, left_id, right_id)].append(group)
    for value in story.figures:
        figures[side_of((c.article_id for c in value.claims), left_id, right_id)].append(value)

    def section(side: Side) -> Section:
        return Section(tuple(conflicts[side]), tuple(groups[side]), tuple(figures[side]))

    return PairSections(section("both"), section("a"), section("b"), section("rest"))


class QuoteSidebar(OptionList):
    """Quotes and figures, the open pair's first; Enter jumps to the entry's sentence.

    Hidden until the screen adds the `shown` class; `full` makes it take the whole width.
    """

    DEFAULT_CSS = """
    QuoteSidebar {
        width: 44;
        height: 1fr;
        border-left: vkey $panel;
        display: none;
    }

    QuoteSidebar:focus {
        border-left: vkey $panel;
    }

    QuoteSidebar.shown {
        display: block;
    }

    QuoteSidebar.full {
        width: 1fr;
    }
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="sidebar.down"),
        Binding("k", "cursor_up", "Up", show=False, id="sidebar.up"),
        Binding(
            "r",
            "story_row",
            "Row in story",
            show=False,
            tooltip="Open the Story screen on the row of the highlighted entry's sentence (in A, else B)",
            id="sidebar.story_row",
        ),
    ]

    class Jump(Message):
        """The user picked an entry: show one of its sentences."""

        def __init__(self, target: Target) -> None:
            super().__init__()
            self.target = target

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.targets: list[Target] = []
        self._pair: tuple[str, str] = ("", "")  # the ids of A and B

    def show(self, story: StoryQuotes, left: Article, right: Article) -> None:
        """Fill the list for the pair (left, right): A and B, only A, only B, then the rest."""
        self.clear_options()
        self.targets = []
        self._pair = (left.id, right.id)
        sections = pair_sections(story, left.id, right.id)
        conflicted = {(v.measure, v.number) for c in story.conflicts for v in c.values}
        options: list[Option | None] = []
        if sections.both or sections.only_a or sections.only_b or sections.rest:
            pair = (
                ("A and B", sections.both, "no quote or figure that both print"),
                (f"only A ({left.label})", sections.only_a, "nothing that B does not print too"),
                (f"only B ({right.label})", sections.only_b, "nothing that A does not print too"),
            )
            for heading, section, empty in pair:
                options.append(Option(Text(heading, style=HEADING), disabled=True))
                options += self._pair_entries(section, left.id, right.id, conflicted) or [
                    Option(Text(empty, style="dim italic"), disabled=True)
                ]
            if sections.rest:
                options.append(None)
                options.append(Option(Text("rest of the story", style=HEADING), disabled=True))
                options += self._rest_entries(story, sections.rest, conflicted)
        else:
            options.append(Option(Text("No quotes or figures found in this story."), disabled=True))
        self.add_options(options)
        self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)

    def _pair_entries(
        self, section: Section, left_id: str, right_id: str, conflicted: Conflicted
    ) -> list[Option | None]:
        """A conflict, quote or figure of the pair, each in the pair's own words."""
        options: list[Option | None] = [self._conflict(c) for c in section.conflicts]
        for group in section.groups:
            places = tuple((c.article_id, c.sentence) for c in group.carriers)
            options.append(self._entry(_pair_quote_text(group, left_id, right_id), Target(places, group.text)))
        for value in section.figures:
            places = tuple((c.article_id, c.sentence) for c in value.claims)
            text = _pair_figure_text(value, left_id, right_id, (value.measure, value.number) in conflicted)
            options.append(self._entry(text, Target(places, value.measure)))
        return options

    def _rest_entries(self, story: StoryQuotes, rest: Section, conflicted: Conflicted) -> list[Option | None]:
        """The story beyond the pair: its conflicts, then by speaker, then unsourced figures."""
        options: list[Option | None] = []
        if rest.conflicts:
            options.append(Option(Text("Figures that cannot all hold", style=SUBHEADING), disabled=True))
            options += [self._conflict(c) for c in rest.conflicts]
        speakers = list(story.speakers) + sorted({g.speaker for g in rest.groups} - set(story.speakers))
        for speaker in speakers:
            groups = [g for g in rest.groups if g.speaker == speaker]
            figures = [v for v in rest.figures if speaker in v.sources]
            if not groups and not figures:
                continue
            options.append(Option(Text(speaker, style=SUBHEADING), disabled=True))
            for group in groups:
                places = tuple((c.article_id, c.sentence) for c in group.carriers)
                options.append(self._entry(_quote_text(group), Target(places, group.text)))
            for value in figures:
                options.append(self._figure(value, [c for c in value.claims if c.source == speaker], conflicted))
        unsourced = [v for v in rest.figures if None in v.sources]
        if unsourced:
            options.append(Option(Text("Figures, no source given", style=SUBHEADING), disabled=True))
            for value in unsourced:
                options.append(self._figure(value, [c for c in value.claims if c.source is None], conflicted))
        return options

    def _conflict(self, conflict: FigureConflict) -> Option:
        line = Text()
        line.append("⚠ ", style="bold red")
        line.append(conflict_text(conflict))
        line.stylize("bold", 2, 2 + len(conflict.measure))
        places = tuple((c.article_id, c.sentence) for v in conflict.values for c in v.claims)
        return self._entry(line, Target(places, conflict.measure))

    def _figure(self, value: FigureGroup, claims: list[FigureClaim], conflicted: Conflicted) -> Option:
        text = _figure_text(value, claims, (value.measure, value.number) in conflicted)
        return self._entry(text, Target(tuple((c.article_id, c.sentence) for c in claims), value.measure))

    def _entry(self, text: Text, target: Target) -> Option:
        self.targets.append(target)
        return Option(text, id=str(len(self.targets) - 1))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(self.targets[int(event.option.id)]))

    def action_story_row(self) -> None:
        """The Story screen on the highlighted entry's row, in A's column, else B's, else the first outlet's."""
        from sidebyside.tui.screens.story import CollationScreen

        option = self.highlighted_option
        if option is None or option.id is None:
            return
        places = self.targets[int(option.id)].places
        place = next((p for side in self._pair for p in places if p[0] == side), places[0] if places else None)
        if place is not None:
            self.app.push_screen(CollationScreen(at=place))


def _words(text: Text, kind: str, words: str) -> None:
    """Direct speech in quotation marks, reported speech in italics."""
    if kind == "direct":
        text.append(f"“{words}”")
    else:
        text.append(words, style="italic")


def _others(carrier_outlets: Iterable[tuple[str, str]], left_id: str, right_id: str) -> list[str]:
    """The outlets besides A and B that print an entry, once each."""
    return list(dict.fromkeys(outlet for place, outlet in carrier_outlets if place not in (left_id, right_id)))


def _pair_quote_text(group: QuoteGroup, left_id: str, right_id: str) -> Text:
    """ "Khalifa Haftar: “were not met”", each side's fidelity mark, how B words it, who else."""
    a, b = group.carrier_in(left_id), group.carrier_in(right_id)
    own = a if a is not None else b
    assert own is not None  # pair sections only hold groups that A or B carries
    text = Text()
    text.append(group.speaker, style="bold")
    text.append(": ")
    _words(text, own.kind, own.text)
    if len(group.carriers) > 1:  # with one printing the marks would only say "= verbatim"
        sides: list[tuple[str, Carrier]] = [(s, c) for s, c in (("A", a), ("B", b)) if c is not None]
        marks = " · ".join(f"{side} {fidelity_tag(c.fidelity)}" for side, c in sides)
        text.append(INDENT + marks, style="bold" if any(c.differs for _, c in sides) else "dim")
    if a is not None and b is not None and group.differs_between(left_id, right_id):
        edits = changes_text(changes(b.text, a.text)) if a.kind == b.kind == "direct" else ""
        text.append(INDENT + (f"≠ in B: {edits}" if edits else "≠ A and B print different words"), style="bold")
    if others := _others(((c.article_id, c.outlet) for c in group.carriers), left_id, right_id):
        text.append(INDENT + "also " + " · ".join(others), style="dim")
    if group.also_attributed_to:
        text.append(f"{INDENT}also given to {', '.join(group.also_attributed_to)}", style="yellow")
    return text


def _pair_figure_text(value: FigureGroup, left_id: str, right_id: str, conflict: bool) -> Text:
    """ "⚠ about 1,200 displaced", who gives it in A and B, who else prints it."""
    pair = [c for c in value.claims if c.article_id in (left_id, right_id)]
    text = Text()
    if conflict:
        text.append("⚠ ", style="bold red")
    text.append(number_text(value.number, value.qualifier), style="bold")
    text.append(f" {next((c.what for c in pair if c.what), value.measure)}")
    sources = list(dict.fromkeys(c.source for c in pair))
    given = " · ".join(f"per {s}" if s else "no source given" for s in sources)
    others = _others(((c.article_id, c.outlet) for c in value.claims), left_id, right_id)
    text.append(INDENT + given + (" · also " + " · ".join(others) if others else ""), style="dim")
    return text


def _quote_text(group: QuoteGroup) -> Text:
    """A statement of the rest of the story: its reference words, outlets and differing wordings."""
    text = Text()
    _words(text, group.kind, group.text)
    text.append(INDENT + " · ".join(group.outlets), style="dim")
    for carrier in group.carriers if len(group.carriers) > 1 else ():
        if carrier.differs:  # a glyph and a word for each outlet whose wording differs
            text.append(f"{INDENT}{fidelity_tag(carrier.fidelity)} · {carrier.outlet}", style="bold")
            if edits := changes_text(carrier.changes):
                text.append(f": {edits}")
    if group.also_attributed_to:
        text.append(f"{INDENT}also given to {', '.join(group.also_attributed_to)}", style="yellow")
    return text


def _figure_text(value: FigureGroup, claims: Sequence[FigureClaim], conflict: bool) -> Text:
    text = Text()
    if conflict:
        text.append("⚠ ", style="bold red")
    text.append(number_text(value.number, value.qualifier), style="bold")
    text.append(f" {claims[0].what if claims and claims[0].what else value.measure}")
    text.append(INDENT + " · ".join(dict.fromkeys(c.outlet for c in claims)), style="dim")
    return text
