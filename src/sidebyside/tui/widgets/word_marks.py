"""The styles of changed words, shared by every view that marks them (Compare, Story).

One place for the colours, so the two screens can never drift apart: removed words on
red and struck through, added words on green, bold and underlined, so the meaning
survives a 16-colour terminal and NO_COLOR. Textual's component classes belong to one
widget each, so each view includes these rules under its own class names.
"""

from __future__ import annotations


def word_marks_css(widget: str, prefix: str) -> str:
    """The `{prefix}--deleted` and `{prefix}--inserted` rules for `widget`, dark and light."""
    return f"""
    {widget} > .{prefix}--deleted {{
        background: #8c1f2a;
        color: #ffffff;
        text-style: strike;
    }}

    {widget} > .{prefix}--inserted {{
        background: #187428;
        color: #ffffff;
        text-style: bold underline;
    }}

    {widget}:light > .{prefix}--deleted {{
        background: #ee7777;
        color: #101010;
    }}

    {widget}:light > .{prefix}--inserted {{
        background: #66dd77;
        color: #101010;
    }}
    """
