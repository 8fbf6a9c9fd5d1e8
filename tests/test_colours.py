"""Compare stays readable wherever it runs: 256 and 16 colours, NO_COLOR, a light theme.

On a 256-colour terminal (macOS Terminal.app, tmux by default) Rich downgrades every
truecolour tint to the nearest palette colour; dark tints used to fall to black and the
added-word green to grey, so the colours carried nothing. These tests put the Compare
styles through Rich's own downgrade and through a 256-colour console, and check that the
marks that need no colour at all (strike-through, underline, the row's gutter mark)
survive NO_COLOR.
"""

from __future__ import annotations

import re

import pytest
import textual.constants
from rich.color import ColorSystem, ColorTriplet
from rich.segment import Segment, Segments
from rich.style import Style
from textual.filter import Monochrome
from textual.strip import Strip

from sidebyside.ingest.story import load_story
from sidebyside.model import ROW_MARKS
from sidebyside.tui.app import make_app
from sidebyside.tui.widgets.compare_view import CompareView

from conftest import SEEDS

COMPARE_AFP_ASHARQ = ["down", "down", "down", "space", "space", "c"]
ROW_KINDS = tuple(ROW_MARKS)  # same, changed, moved, only_a, only_b
WORDS = ("deleted", "inserted")
#: AFP's first sentence: "strongman" is not in Asharq Al-Awsat's, "commander" only there.
REMOVED_WORD, ADDED_WORD = "strongman", "commander"


def styles(view: CompareView) -> dict[str, Style]:
    """The style each row kind and each word change is drawn with (changed words sit on a changed row)."""
    base = view.rich_style
    out = {kind: base + view.kind_style(kind) for kind in ROW_KINDS}
    out.update({word: out["changed"] + view.kind_style(word) for word in WORDS})
    return out


def first_row(view: CompareView) -> list[Segment]:
    """The segments of every line of the first row (AFP 1 beside Asharq Al-Awsat 1, changed)."""
    assert view.rows[0].kind == "changed"
    return [segment for y in range(view._starts[1]) for segment in view.render_line(y)]


def downgraded(style: Style, system: ColorSystem) -> int | None:
    assert style.bgcolor is not None
    return style.bgcolor.downgrade(system).number


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(rgb: ColorTriplet) -> float:
        parts = [c / 255 for c in rgb]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in parts)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def palette_rgb(style: Style, part: str) -> ColorTriplet:
    """A style's foreground or background as a 256-colour terminal shows it."""
    colour = style.color if part == "fg" else style.bgcolor
    assert colour is not None
    return colour.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_row_kinds_and_word_changes_stay_distinct_in_256_and_16_colours(theme: str) -> None:
    app = make_app(load_story([str(SEEDS)]))
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.press(*COMPARE_AFP_ASHARQ)
        drawn = styles(app.screen.query_one(CompareView))
        in_256 = {name: downgraded(style, ColorSystem.EIGHT_BIT) for name, style in drawn.items()}
        assert len(set(in_256.values())) == len(drawn), in_256  # five row kinds and two word changes
        in_16 = {name: downgraded(style, ColorSystem.STANDARD) for name, style in drawn.items()}
        # 16 colours cannot tint five kinds of rows; removed and added words keep their own colours
        assert len({in_16["deleted"], in_16["inserted"], in_16["changed"]}) == 3, in_16
        for name, style in drawn.items():  # legible: WCAG AA in truecolour and after the downgrade
            assert style.color is not None and style.bgcolor is not None
            assert contrast(style.color.get_truecolor(), style.bgcolor.get_truecolor()) >= 4.5, name
            assert contrast(palette_rgb(style, "fg"), palette_rgb(style, "bg")) >= 4.5, name
        assert drawn["deleted"].strike and drawn["inserted"].underline


async def test_a_256_colour_console_prints_changed_words_with_their_own_colours_and_marks(monkeypatch) -> None:
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "256")
    app = make_app(load_story([str(SEEDS)]))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.console.color_system == "256"
        await pilot.press(*COMPARE_AFP_ASHARQ)
        with app.console.capture() as capture:
            app.console.print(Segments(first_row(app.screen.query_one(CompareView))), soft_wrap=True)
        printed = capture.get()

    def sgr_before(word: str) -> str:
        """The SGR sequence in force where `word` is printed ("1;4;38;5;231;48;5;28")."""
        return re.findall(r"\x1b\[([0-9;]*)m", printed[: printed.index(word)])[-1]

    def background(sgr: str) -> str:
        found = re.search(r"(?:^|;)48;5;(\d+)", sgr)
        assert found, sgr
        return found.group(1)

    removed, added, row = (sgr_before(w) for w in (REMOVED_WORD, ADDED_WORD, "Libyan"))
    assert "9" in removed.split(";") and "4" in added.split(";")  # struck through / underlined
    numbers = {background(removed), background(added), background(row)}  # "Libyan": both print it
    assert len(numbers) == 3 and "16" not in numbers  # three colours, none of them black
    assert "38;2" not in printed and "48;2" not in printed  # nothing asks for truecolour


async def test_no_color_keeps_the_strike_underline_and_gutter_mark(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(load_story([str(SEEDS)]))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.no_color and any(isinstance(f, Monochrome) for f in app.get_line_filters())
        await pilot.press(*COMPARE_AFP_ASHARQ)
        view = app.screen.query_one(CompareView)
        strip = Strip(first_row(view))
        for line_filter in view.get_line_filters():
            strip = strip.apply_filter(line_filter, app.screen.styles.background)
        shown = list(strip)
    text = "".join(segment.text for segment in shown)
    assert text.lstrip().startswith(ROW_MARKS["changed"])
    for segment in shown:
        for colour in (segment.style.color, segment.style.bgcolor) if segment.style else ():
            if colour is not None and colour.triplet is not None:
                assert len(set(colour.triplet)) == 1, "NO_COLOR leaves only greys"
    struck = "".join(s.text for s in shown if s.style and s.style.strike)
    underlined = "".join(s.text for s in shown if s.style and s.style.underline)
    assert REMOVED_WORD in struck and ADDED_WORD in underlined
    assert "Libyan" not in struck + underlined  # words both print carry no mark
