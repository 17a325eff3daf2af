"""The Markdown structures the export writes: headings, tables, lists, labelled lines.

Everything passed in is Markdown already (escaped by :mod:`smplan.export.escape`);
these only lay it out, so the structure never depends on the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {text}"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; every row is padded or cut to the headers' width.

    An empty cell holds nothing between its pipes; the table parser reads it as
    an empty cell, so rows never shift.
    """
    width = len(headers)
    lines = [_row(headers), "|" + "---|" * width]
    for row in rows:
        cells = list(row[:width]) + [""] * (width - len(row))
        lines.append(_row(cells))
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def labelled(label: str, value: str) -> str:
    """``**Label:** value``, or "" when there is no value."""
    return f"**{label}:** {value}" if value else ""


def join(*parts: str) -> str:
    """Blocks separated by one blank line; empty parts left out."""
    return "\n\n".join(part for part in parts if part)
