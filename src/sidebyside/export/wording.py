"""One way to word a figure, a conflict, a fidelity label and a quote's changes.

The same conflict used to be worded four ways across the sidebar, the Quote sheet, the
report and `quotes`. Every screen and export now takes its words from here, so a
journalist reads "evacuated: about 1,200 (per local officials: AP) vs about 1,500
(unattributed: Le Lyon Post)" wherever the app says it. Plain strings only: each
format escapes them its own way (`export/escape.py`), each screen styles them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sidebyside.analysis.fidelity import Change, Fidelity
from sidebyside.analysis.figure_ledger import FigureConflict, FigureGroup

#: A glyph and a word for each fidelity: never colour alone.
FIDELITY_MARK: dict[Fidelity, str] = {
    Fidelity.VERBATIM: "=",
    Fidelity.TRIMMED: "…",
    Fidelity.ALTERED: "≠",
    Fidelity.REPORTED: "≈",
}


def fidelity_tag(fidelity: Fidelity) -> str:
    """ "≠ altered", "… trimmed", "≈ reported", "= verbatim"."""
    return f"{FIDELITY_MARK[fidelity]} {fidelity.value}"


def change_text(change: Change) -> str:
    """One edit as a reader says it: "people's → our children's", "− dropped", "+ added"."""
    if change.op == "replace":
        return f"{change.a} → {change.b}"
    if change.op == "delete":
        return f"− {change.a}"
    return f"+ {change.b}"


def changes_text(changes: Sequence[Change]) -> str:
    """Every edit of a carrier, "; "-separated ("" when it has none)."""
    return "; ".join(change_text(c) for c in changes)


def number_text(number: int | float, qualifier: str | None = None) -> str:
    """ "about 1,200", "2,467", "1.5"."""
    shown = f"{number:,}" if isinstance(number, int) else f"{number:g}"
    return f"{qualifier} {shown}" if qualifier else shown


def sources_text(value: FigureGroup) -> str:
    """Who gives a value, and in which outlets: "per WHO: AFP; unattributed: Reuters"."""
    by_source: dict[str | None, list[str]] = {}
    for claim in value.claims:
        outlets = by_source.setdefault(claim.source, [])
        if claim.outlet not in outlets:
            outlets.append(claim.outlet)
    return "; ".join(
        f"{'per ' + source if source else 'unattributed'}: {', '.join(outlets)}"
        for source, outlets in by_source.items()
    )


def value_text(value: FigureGroup) -> str:
    """A value of the ledger with its qualifier, sources and outlets."""
    return f"{number_text(value.number, value.qualifier)} ({sources_text(value)})"


def conflict_text(conflict: FigureConflict) -> str:
    """ "evacuated: about 1,200 (per …: AP) vs about 1,500 (unattributed: Le Lyon Post)"."""
    return f"{conflict.measure}: " + " vs ".join(value_text(v) for v in conflict.values)
