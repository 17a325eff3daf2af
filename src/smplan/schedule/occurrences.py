"""A calendar item's dates: the item's own date, or every date its repeat rule gives.

The rule (docs/format.md, docs/calendar.md): the item's ``date`` is where the
repetition starts and is the first occurrence when it matches the rule.
``every = "week"`` repeats on the days of ``on`` (default: the weekday of
``date``) in every ``interval``-th ISO week counted from the week of ``date``;
``every = "month"`` repeats on day ``day`` (default: the day of ``date``) of
every ``interval``-th month counted from the month of ``date``, skipping months
that have no such day (as iCalendar does). Occurrences stop after ``until`` and
at the end of the window asked for (the plan period); dates in ``except`` are
left out. A ``repeat`` without ``every`` repeats nothing: the item is its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from smplan.model import WEEKDAYS, CalendarItem, Plan

_DAY_NUMBER: dict[str, int] = {name: number for number, name in enumerate(WEEKDAYS)}


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One date on which a calendar item happens."""

    date: dt.date
    #: The item's position in ``plan.calendar``.
    index: int
    item: CalendarItem


def repeats(item: CalendarItem) -> bool:
    """True when the item stands for several dates (a rule with ``every`` and a start)."""
    rule = item.repeat
    return rule is not None and rule.every is not None and item.date is not None


def repeat_interval(item: CalendarItem) -> int:
    """The rule's interval; anything below 1 counts as 1 (the structure check says so)."""
    rule = item.repeat
    interval = rule.interval if rule is not None else None
    return interval if interval is not None and interval >= 1 else 1


def item_dates(item: CalendarItem, start: dt.date, end: dt.date) -> list[dt.date]:
    """The item's dates within ``start..end`` (inclusive), in order.

    A plain item has its date when it falls in the window; an undated item none.
    """
    day = item.date
    if day is None:
        return []
    if not repeats(item):
        return [day] if start <= day <= end else []
    rule = item.repeat
    assert rule is not None
    last = min(rule.until, end) if rule.until is not None else end
    first = max(day, start)
    if first > last:
        return []
    if rule.every == "week":
        found = _weekly(day, first, last, repeat_interval(item), rule.on)
    else:
        found = _monthly(day, first, last, repeat_interval(item), rule.day)
    if item.except_:
        skipped = set(item.except_)
        found = [d for d in found if d not in skipped]
    return found


def _weekly(
    anchor: dt.date, first: dt.date, last: dt.date, interval: int, on: Sequence[str]
) -> list[dt.date]:
    offsets = sorted({_DAY_NUMBER[name] for name in on}) if on else [anchor.weekday()]
    anchor_monday = anchor.toordinal() - anchor.weekday()
    step = 7 * interval
    # Jump straight to the first repeat week that can reach ``first``: a rule may
    # start years before the plan period.
    weeks_before = max(0, (first.toordinal() - 6 - anchor_monday) // step)
    monday = anchor_monday + weeks_before * step
    lo, hi = first.toordinal(), last.toordinal()
    out: list[dt.date] = []
    while monday <= hi:
        for offset in offsets:
            ordinal = monday + offset
            if lo <= ordinal <= hi:
                out.append(dt.date.fromordinal(ordinal))
        monday += step
    return out


def _monthly(
    anchor: dt.date, first: dt.date, last: dt.date, interval: int, day: int | None
) -> list[dt.date]:
    wanted = day if day is not None else anchor.day
    if not 1 <= wanted <= 31:
        return []
    start_month = anchor.year * 12 + anchor.month - 1
    months_before = max(0, (first.year * 12 + first.month - 1 - start_month) // interval)
    month = start_month + months_before * interval
    end_month = last.year * 12 + last.month - 1
    out: list[dt.date] = []
    while month <= end_month:
        year, index = divmod(month, 12)
        try:
            candidate = dt.date(year, index + 1, wanted)
        except ValueError:  # no 31 June: that month is skipped
            candidate = None
        if candidate is not None and first <= candidate <= last:
            out.append(candidate)
        month += interval
    return out


def occurrences(
    plan: Plan, start: dt.date, end: dt.date, *, one_offs_anywhere: bool = False
) -> list[Occurrence]:
    """Every dated occurrence of the plan's items within ``start..end``, by date then file order.

    ``one_offs_anywhere``: a plain item counts on its date even outside the window
    (the month and week grids show it; only the repeats are held to the window).
    """
    out: list[Occurrence] = []
    for index, item in enumerate(plan.calendar):
        day = item.date
        if day is None:
            continue
        if item.repeat is None or item.repeat.every is None:
            if one_offs_anywhere or start <= day <= end:
                out.append(Occurrence(day, index, item))
            continue
        out.extend(Occurrence(d, index, item) for d in item_dates(item, start, end))
    # sort() is stable and the items were visited in file order.
    out.sort(key=lambda o: o.date)
    return out
