"""Mermaid sources for the charts: a gantt of the goals, a pie of the budget, and a
line chart of each goal's results against its straight line.

Labels are reduced to letters, digits, spaces and ``- . ,``: Mermaid reads
``:``, ``;``, ``#``, ``%%``, quotes and HTML in labels, and the Azure block is
also read as Markdown by wikis that do not know it. Task names start with
their number in the goals table, so no label can be taken for a keyword
(``title``, ``section``, ``click``) and the chart reads with the table.
The gantt has no "today" line: the picture is the same whichever day it is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

MAX_LABEL = 60
#: Task names longer than this are cut at a word: bars carry their label inside.
MAX_TASK = 32
#: Section names sit in the chart's left margin, which holds about this many characters.
MAX_SECTION = 12
_KEEP = frozenset(" -.,")


@dataclass(frozen=True, slots=True)
class Task:
    number: int
    section: str
    name: str
    start: dt.date
    days: int


def label(text: str, fallback: str = "", limit: int = MAX_LABEL) -> str:
    """``text`` as a Mermaid label: safe characters only, one line, at most ``limit`` long.

    A longer text is cut at the last word that fits (a single long word is cut).
    """
    kept = "".join(ch if ch.isalnum() or ch in _KEEP else " " for ch in text)
    words = " ".join(kept.split())
    if len(words) > limit:
        cut = words[: limit + 1].rsplit(" ", 1)[0] if " " in words[: limit + 1] else ""
        words = (cut or words[:limit]).rstrip(" -.,")
    return words.strip() or fallback


def _unique(names: Sequence[str]) -> dict[str, str]:
    """Each distinct name -> a short label no other name shares (``Neighbours``, ``Neighbours 2``)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in dict.fromkeys(names):
        base = label(name, "-", MAX_SECTION)
        shown, count = base, 1
        while shown in taken:
            count += 1
            shown = f"{base} {count}"
        taken.add(shown)
        out[name] = shown
    return out


def gantt(title: str, tasks: Sequence[Task], no_section: str = "-") -> str | None:
    """A gantt chart of ``tasks``; None when there are none.

    Tasks keep their order; a section starts wherever the section name changes.
    Each bar lasts ``days`` days from its start, so a one-day goal has a bar.
    """
    if not tasks:
        return None
    sections = _unique([task.section or no_section for task in tasks])
    lines = [
        "gantt",
        f"    title {label(title, 'Goals')}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %b %Y",
        "    todayMarker off",
    ]
    section: str | None = None
    for task in tasks:
        group = sections[task.section or no_section]
        if group != section:
            section = group
            lines.append(f"    section {group}")
        name = label(task.name, "-", MAX_TASK)
        lines.append(
            f"    {task.number} {name} :t{task.number}, {task.start.isoformat()}, {task.days}d"
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


__all__ = ["Task", "gantt", "label", "pie", "xy_lines"]
