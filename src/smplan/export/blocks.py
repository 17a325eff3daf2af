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


def definition_list(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table for strict CommonMark, which has none: each row an item, its cells labelled.

    The first cell is the item's term, in bold; the other non-empty cells follow
    as ``Header: value`` sub-items.
    """
    items = []
    for row in rows:
        cells = list(row[: len(headers)])
        term = cells[0] if cells and cells[0] else ""
        rest = [f"  - {h}: {c}" for h, c in zip(headers[1:], cells[1:], strict=False) if c]
        first = f"- **{term or '—'}**"
        items.append("\n".join([first, *rest]))
    return "\n".join(items)


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
