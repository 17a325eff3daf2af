"""Mermaid sources for the charts: a gantt of the goals, a pie of the budget, and a
line chart of each goal's results against its straight line.

Labels are reduced to letters, digits, spaces and ``- . ,``: Mermaid reads
``:``, ``;``, ``#``, ``%%``, quotes and HTML in labels, and the Azure block is
also read as Markdown by wikis that do not know it. Task names start with a
number so no label can be taken for a keyword (``title``, ``section``, ``click``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

MAX_LABEL = 60
_KEEP = frozenset(" -.,")


def label(text: str, fallback: str = "") -> str:
    """``text`` as a Mermaid label: safe characters only, one line, at most 60 long."""
    kept = "".join(ch if ch.isalnum() or ch in _KEEP else " " for ch in text)
    words = " ".join(kept.split())[:MAX_LABEL].strip()
    return words or fallback


def gantt(title: str, tasks: Sequence[tuple[str, str, dt.date, dt.date]]) -> str | None:
    """A gantt chart of ``(section, name, start, end)`` tasks; None when there are none.

    Tasks keep their order; a section starts wherever the section name changes.
    """
    if not tasks:
        return None
    lines = ["gantt", f"    title {label(title, 'Goals')}", "    dateFormat YYYY-MM-DD"]
    section: str | None = None
    for number, (group, name, start, end) in enumerate(tasks, 1):
        if group != section:
            section = group
            lines.append(f"    section {label(group, '-')}")
        lines.append(
            f"    {number} {label(name)} :t{number}, {start.isoformat()}, {end.isoformat()}"
        )
    return "\n".join(lines)


def pie(title: str, slices: Sequence[tuple[str, Decimal]]) -> str | None:
    """A pie chart of the positive ``(label, amount)`` slices; None when there are none."""
    shown = [(name, amount) for name, amount in slices if amount > 0]
    if not shown:
        return None
    lines = [f"pie title {label(title, 'Budget')}"]
    for name, amount in shown:
        lines.append(f'    "{label(name, "-")}" : {format(amount.normalize(), "f")}')
    return "\n".join(lines)


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def xy_lines(
    title: str,
    points: Sequence[str],
    y_label: str,
    lines: Sequence[Sequence[Decimal]],
) -> str | None:
    """An ``xychart-beta`` line chart: one x category per point, one line per series
    (each as long as ``points``); None without points or with a series of another
    length. The y axis spans every value, so a flat series still shows."""
    if not points or any(len(series) != len(points) for series in lines) or not lines:
        return None
    values = [value for series in lines for value in series]
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    categories = ", ".join(f'"{label(point, "-")}"' for point in points)
    out = [
        "xychart-beta",
        f'    title "{label(title, "Results")}"',
        f"    x-axis [{categories}]",
        f'    y-axis "{label(y_label, "-")}" {_plain(low)} --> {_plain(high)}',
    ]
    for series in lines:
        out.append(f"    line [{', '.join(_plain(value) for value in series)}]")
    return "\n".join(out)


__all__ = ["gantt", "label", "pie", "xy_lines"]
