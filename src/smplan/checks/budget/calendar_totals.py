"""One pass over the content calendar: its costs and hours, by day and by link.

The calendar is the only part of a plan that runs into thousands of items, and
the tracker recomputes on every edit, so money and hours share this single walk
and fold its per-day totals into months and weeks afterwards (a year has 365
days, a plan thousands of items).
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field
from decimal import Decimal

from smplan.checks.budget.apportion import ZERO
from smplan.checks.budget.periods import Period
from smplan.model import CalendarItem, Plan
from smplan.schedule.occurrences import item_dates

#: How many of the costliest items are kept for the report's ``largest``.
LARGEST = 5


@dataclass(slots=True)
class CalendarTotals:
    #: Costs of items within the period, per day.
    cost_by_day: dict[dt.date, Decimal] = field(default_factory=dict)
    #: Costs of items within the period or undated, per (network, goal) as written.
    cost_by_link: dict[tuple[str | None, str | None], Decimal] = field(default_factory=dict)
    undated_cost: Decimal = ZERO
    outside_cost: Decimal = ZERO
    #: Indices of items with a cost, dated outside the period.
    outside_cost_items: list[int] = field(default_factory=list)
    #: The LARGEST costliest items counted (in the period or undated), as a heap
    #: of (cost, -index): on equal costs the earlier item ranks higher.
    priced: list[tuple[Decimal, int]] = field(default_factory=list)
    #: Hours of items within the period, per owner as written, then per day.
    hours_by_owner: dict[str | None, dict[dt.date, Decimal]] = field(default_factory=dict)
    #: Hours of undated items, per owner as written.
    undated_hours: dict[str | None, Decimal] = field(default_factory=dict)
    outside_hours: Decimal = ZERO


def calendar_totals(plan: Plan, period: Period) -> CalendarTotals:
    totals = CalendarTotals()
    cost_by_day = totals.cost_by_day
    cost_by_link = totals.cost_by_link
    priced = totals.priced
    hours_by = totals.hours_by_owner
    start, end = period.start, period.end
    # The hot loop of every edit: local names, no calls per item but dict methods.
    for index, item in enumerate(plan.calendar):
        cost = item.cost
        hours = item.hours
        if not cost and not hours:
            continue
        day = item.date
        rule = item.repeat
        if rule is not None and rule.every is not None and day is not None:
            _add_repeating(totals, index, item, period)
            continue
        if day is None:
            if cost:
                totals.undated_cost += cost
                link = (item.network, item.goal)
                cost_by_link[link] = cost_by_link.get(link, ZERO) + cost
                _rank(priced, cost, index)
            if hours:
                owner = item.owner
                totals.undated_hours[owner] = totals.undated_hours.get(owner, ZERO) + hours
        elif day < start or day > end:
            if cost:
                totals.outside_cost += cost
                totals.outside_cost_items.append(index)
            if hours:
                totals.outside_hours += hours
        else:
            if cost:
                cost_by_day[day] = cost_by_day.get(day, ZERO) + cost
                link = (item.network, item.goal)
                cost_by_link[link] = cost_by_link.get(link, ZERO) + cost
                if len(priced) < LARGEST or cost > priced[0][0]:
                    _rank(priced, cost, index)
            if hours:
                # Nested by owner: cheaper than hashing an (owner, day) tuple per item.
                owner = item.owner
                by_day = hours_by.get(owner)
                if by_day is None:
                    by_day = hours_by[owner] = {}
                by_day[day] = by_day.get(day, ZERO) + hours
    return totals


def _add_repeating(totals: CalendarTotals, index: int, item: CalendarItem, period: Period) -> None:
    """A repeating item counts its cost and hours once per occurrence in the period.

    Occurrences outside the period are not the plan's: the rule is read within
    it, so nothing of such an item counts as spent outside.
    """
    days = item_dates(item, period.start, period.end)
    if not days:
        return
    cost, hours = item.cost, item.hours
    if cost:
        for day in days:
            totals.cost_by_day[day] = totals.cost_by_day.get(day, ZERO) + cost
        link = (item.network, item.goal)
        total = cost * len(days)
        totals.cost_by_link[link] = totals.cost_by_link.get(link, ZERO) + total
        _rank(totals.priced, total, index)
    if hours:
        by_day = totals.hours_by_owner.setdefault(item.owner, {})
        for day in days:
            by_day[day] = by_day.get(day, ZERO) + hours


def _rank(heap: list[tuple[Decimal, int]], cost: Decimal, index: int) -> None:
    entry = (cost, -index)
    if len(heap) < LARGEST:
        heapq.heappush(heap, entry)
    elif entry > heap[0]:
        heapq.heapreplace(heap, entry)
