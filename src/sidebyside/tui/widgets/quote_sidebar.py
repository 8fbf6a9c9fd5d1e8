"""The Compare screen's sidebar: who said what, and which figures disagree.

Entries are grouped by speaker (the watchlist first), each tagged with the outlets that
carry it; entries carried by the two open articles are badged A / B so the journalist
sees at a glance what this pair shares. Selecting an entry asks the screen to show its
sentence. All text is handed to Rich as Text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sidebyside.analysis.story_quotes import FigureClaim, FigureGroup, QuoteGroup, StoryQuotes
from sidebyside.export.wording import changes_text, fidelity_tag, number_text, value_text


@dataclass(frozen=True)
class Target:
    """Where an entry is printed: (article id, sentence index) for each carrier."""

    places: tuple[tuple[str, int], ...]
    label: str


class QuoteSidebar(OptionList):
    """Quotes and figures grouped by speaker; Enter jumps to the entry's sentence.

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

    class Jump(Message):
        """The user picked an entry: show one of its sentences."""

        def __init__(self, target: Target) -> None:
            super().__init__()
            self.target = target

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.targets: list[Target] = []

    def show(self, story: StoryQuotes, left_id: str, right_id: str) -> None:
        """Fill the list for the pair (left, right) of the story."""
        self.clear_options()
        self.targets = []
        options: list[Option | None] = []
        conflicted = {(v.measure, v.number) for c in story.conflicts for v in c.values}
        if story.conflicts:
            options.append(Option(Text("Figures that cannot all hold", style="bold reverse"), disabled=True))
            for conflict in story.conflicts:
                line = Text()
                line.append("⚠ ", style="bold red")
                line.append(conflict.measure, style="bold")
                line.append(": " + " vs ".join(value_text(v) for v in conflict.values))
                places = tuple((c.article_id, c.sentence) for v in conflict.values for c in v.claims)
                options.append(self._entry(line, Target(places, conflict.measure)))
            options.append(None)
        speakers = list(story.speakers) + sorted({g.speaker for g in story.groups} - set(story.speakers))
        for speaker in speakers:
            groups = story.groups_for(speaker)
            figures = [v for v in story.figures if speaker in v.sources]
            if not groups and not figures:
                continue
            options.append(Option(Text(speaker, style="bold reverse"), disabled=True))
            for group in groups:
                places = tuple((c.article_id, c.sentence) for c in group.carriers)
                options.append(self._entry(_quote_text(group, left_id, right_id), Target(places, group.text)))
            for value in figures:
                claims = [c for c in value.claims if c.source == speaker]
                text = _figure_text(value, claims, left_id, right_id, (value.measure, value.number) in conflicted)
                places = tuple((c.article_id, c.sentence) for c in claims)
                options.append(self._entry(text, Target(places, value.measure)))
        unsourced = [v for v in story.figures if None in v.sources]
        if unsourced:
            options.append(Option(Text("Figures, no source given", style="bold reverse"), disabled=True))
            for value in unsourced:
                claims = [c for c in value.claims if c.source is None]
                text = _figure_text(value, claims, left_id, right_id, (value.measure, value.number) in conflicted)
                places = tuple((c.article_id, c.sentence) for c in claims)
                options.append(self._entry(text, Target(places, value.measure)))
        if not options:
            options.append(Option(Text("No quotes or figures found for the watched people."), disabled=True))
        self.add_options(options)
        self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)

    def _entry(self, text: Text, target: Target) -> Option:
        self.targets.append(target)
        return Option(text, id=str(len(self.targets) - 1))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(self.targets[int(event.option.id)]))


def _badges(article_ids: tuple[str, ...] | list[str], left_id: str, right_id: str) -> Text:
    text = Text()
    text.append(" A ", style="bold reverse" if left_id in article_ids else "dim")
    text.append(" B ", style="bold reverse" if right_id in article_ids else "dim")
    text.append(" ")
    return text


def _quote_text(group: QuoteGroup, left_id: str, right_id: str) -> Text:
    text = _badges(group.article_ids, left_id, right_id)
    if group.kind == "direct":
        text.append(f"“{group.text}”")
    else:
        text.append(group.text, style="italic")
    text.append("\n     " + " · ".join(group.outlets), style="dim")
    if group.differs_between(left_id, right_id):
        text.append("\n     ≠ A and B print different words", style="bold")
    for carrier in group.carriers if len(group.carriers) > 1 else ():
        if carrier.differs:  # a glyph and a word for each outlet whose wording differs
            text.append(f"\n     {fidelity_tag(carrier.fidelity)} · {carrier.outlet}", style="bold")
            if edits := changes_text(carrier.changes):
                text.append(f": {edits}")
    if group.also_attributed_to:
        text.append(f"\n     also given to {', '.join(group.also_attributed_to)}", style="yellow")
    return text


def _figure_text(
    value: FigureGroup, claims: Sequence[FigureClaim], left_id: str, right_id: str, conflict: bool
) -> Text:
    text = _badges([c.article_id for c in claims], left_id, right_id)
    if conflict:
        text.append("⚠ ", style="bold red")
    text.append(number_text(value.number, value.qualifier), style="bold")
    text.append(f" {claims[0].what if claims and claims[0].what else value.measure}")
    text.append("\n     " + " · ".join(dict.fromkeys(c.outlet for c in claims)), style="dim")
    return text
