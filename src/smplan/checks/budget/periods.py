"""The plan period, and how days fall into its months and ISO weeks.

Days are counted inclusively: 2027-01-01..2027-01-31 is 31 days. Week keys are
the Monday of the ISO week, month keys the first day of the month. Arithmetic
runs on ordinals so that a period touching ``date.max`` never overflows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from smplan.model import Plan

#: Where the period the tracker uses comes from (see docs/budget.md).
PeriodSource = Literal["plan", "reversed", "from-start", "from-end", "from-dates", "current-year"]

#: A period longer than this many months is cut to its first MAX_MONTHS months:
#: a plan is one or a few years; a typo such as 2072 for 2027 must not make
#: every edit walk thousands of weeks.
MAX_MONTHS = 240

_MIN_ORDINAL = dt.date.min.toordinal()
_MAX_ORDINAL = dt.date.max.toordinal()


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date
    source: PeriodSource = "plan"
    #: True when the period was cut to MAX_MONTHS.
    capped: bool = False

    @property
    def days(self) -> int:
        return self.end.toordinal() - self.start.toordinal() + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def clip(self, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date] | None:
        """``start..end`` (each defaulting to the period's edge) within the period.

        A range written backwards is read forwards. None when nothing of it
        falls inside the period.
        """
        first = start or self.start
        last = end or self.end
        if last < first:
            first, last = last, first
        first = max(first, self.start)
        last = min(last, self.end)
        return (first, last) if first <= last else None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day clamped to the month's length."""
    moved = _months_later(day, months)
    if moved is None:
        return dt.date.min if months < 0 else dt.date.max
    return moved


def _months_later(day: dt.date, months: int) -> dt.date | None:
    """``day`` moved by whole months, or None beyond the dates Python knows."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    return dt.date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def month_key(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, 1)


def week_key(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week (never before ``date.min``, a Monday)."""
    ordinal = day.toordinal()
    return dt.date.fromordinal(ordinal - day.weekday())


def month_days(start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """Days of ``start..end`` in each month it touches, keyed by the month's first day."""
    out: dict[dt.date, int] = {}
    year, month = start.year, start.month
    while True:
        first = dt.date(year, month, 1)
        if first > end:
            break
        last_day = days_in_month(year, month)
        lo = max(first, start).toordinal()
        hi = min(end.toordinal(), first.toordinal() + last_day - 1)
        out[first] = hi - lo + 1
        if year == dt.MAXYEAR and month == 12:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def week_days(start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """Days of ``start..end`` in each ISO week it touches, keyed by the Monday."""
    lo, hi = start.toordinal(), end.toordinal()
    first = lo - start.weekday()
    last = hi - end.weekday()
    if first == last:
        return {dt.date.fromordinal(first): hi - lo + 1}
    # Only the first and last weeks can be partial.
    out = {dt.date.fromordinal(first): first + 7 - lo}
    for monday in range(first + 7, last, 7):
        out[dt.date.fromordinal(monday)] = 7
    out[dt.date.fromordinal(last)] = hi - last + 1
    return out


def _dates_of(plan: Plan) -> Iterator[dt.date]:
    for item in plan.calendar:
        if item.date is not None:
            yield item.date
    for goal in plan.goals:
        yield from (d for d in (goal.start, goal.deadline) if d is not None)
    for allocation in plan.resources.allocations:
        yield from (d for d in (allocation.start, allocation.end) if d is not None)


def _span(days: Iterable[dt.date]) -> tuple[dt.date, dt.date] | None:
    first: dt.date | None = None
    last: dt.date | None = None
    for day in days:
        if first is None or day < first:
            first = day
        if last is None or day > last:
            last = day
    if first is None or last is None:
        return None
    return first, last


def resolve_period(plan: Plan, today: dt.date | None = None) -> Period:
    """The period the tracker counts money and hours over (rules in docs/budget.md)."""
    start, end = plan.plan.period_start, plan.plan.period_end
    source: PeriodSource
    if start and end:
        source = "plan" if start <= end else "reversed"
        if end < start:
            start, end = end, start
    elif start:
        source, end = "from-start", _shift(start, 12, -1)
    elif end:
        source, start = "from-end", _shift(end, -12, 1)
    else:
        span = _span(_dates_of(plan))
        if span is not None:
            first, last = span
            source = "from-dates"
            start = month_key(first)
            end = dt.date(last.year, last.month, days_in_month(last.year, last.month))
        else:
            year = (today or dt.date.today()).year
            source, start, end = "current-year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    limit = _months_later(start, MAX_MONTHS)
    capped = limit is not None and end >= limit
    if limit is not None and capped:
        end = dt.date.fromordinal(limit.toordinal() - 1)
    return Period(start, end, source, capped)


def _shift(day: dt.date, months: int, days: int) -> dt.date:
    """``day`` moved by ``months`` then ``days``, held within the dates Python knows."""
    moved = _months_later(day, months)
    if moved is None:
        return dt.date.min if months < 0 else dt.date.max
    ordinal = min(max(moved.toordinal() + days, _MIN_ORDINAL), _MAX_ORDINAL)
    return dt.date.fromordinal(ordinal)


__all__ = [
    "MAX_MONTHS",
    "Period",
    "PeriodSource",
    "add_months",
    "days_in_month",
    "month_days",
    "month_key",
    "resolve_period",
    "week_days",
    "week_key",
]
