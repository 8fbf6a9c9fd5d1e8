"""A DataTable of rows (Articles, Quote sheet) with the keys a terminal user expects.

Textual's DataTable scrolls sideways on Home/End and has no j/k; in a list of rows
Home/End (and g/G, as in less and vim) go to the first and last row, j/k move like the
arrows.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class RowTable(DataTable[object]):
    """A DataTable whose Home/End/g/G jump to the first and last row."""

    BINDINGS = [
        Binding("home,g", "scroll_top", "First row", show=False, id="row_table.first"),
        Binding("end,G", "scroll_bottom", "Last row", show=False, id="row_table.last"),
        Binding("j", "cursor_down", "Down", show=False, id="row_table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="row_table.up"),
    ]
