"""Money: what the plan commits (tools, allocations, content) against its budget.

Rules are in docs/budget.md. Everything is summed as exact decimals; only a
pro-rated share is rounded, once, to the currency's smallest unit (see
``apportion``). Pure: no Textual, no IO.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from dataclasses import dataclass, field
from decimal import Decimal

from smplan.checks.budget.apportion import ZERO, percent, spread
from smplan.checks.budget.calendar_totals import LARGEST, CalendarTotals, calendar_totals
from smplan.checks.budget.periods import Period, days_in_month, month_days, month_key
from smplan.i18n.formats import MINOR_UNITS
from smplan.keypath import KeyPath
from smplan.model import Plan

#: The keys of ``MoneyReport.by_category``, in the order they are shown.
CATEGORIES = ("tools", "allocations", "content")
#: The key, in ``by_network`` and ``by_goal``, of money tied to no network or goal.
UNLINKED = ""

#: A common denominator of every month length (28, 29, 30, 31 days): a month's
#: share of a monthly price is then a whole number of 1/MONTH_LCM parts.
MONTH_LCM = math.lcm(28, 29, 30, 31)


@dataclass(frozen=True, slots=True)
class Commitment:
    """One thing that costs money within the period, where it is written."""

    path: KeyPath
    category: str
    label: str
    amount: Decimal


@dataclass(frozen=True)
class MoneyReport:
    currency: str
    #: ``resources.budget``; None when the plan has none.
    available: Decimal | None
    #: Money committed within the period (excludes what falls outside it).
    committed: Decimal
    remaining: Decimal | None
    #: committed / available x 100, to 4 places; None without a positive budget.
    percent_used: Decimal | None
    by_category: dict[str, Decimal]
    #: Per network; UNLINKED ("") holds tools and everything without a network.
    by_network: dict[str, Decimal]
    #: Per goal id; UNLINKED ("") holds tools and everything without a goal.
    by_goal: dict[str, Decimal]
    #: Every month of the period (first day as key); undated costs are in no month.
    by_month: dict[dt.date, Decimal]
    #: Months whose cumulative spending runs ahead of an even spread of the budget.
    months_ahead: list[dt.date]
    #: The budget spread evenly by day over the months of the period.
    budget_by_month: dict[dt.date, Decimal] = field(default_factory=dict)
    #: Costs of calendar items without a date: committed, but in no month.
    undated: Decimal = ZERO
    #: Money left out because it falls outside the period, and where it is written.
    outside: Decimal = ZERO
    outside_items: tuple[KeyPath, ...] = ()
    #: The largest commitments, most expensive first (at most LARGEST).
    largest: tuple[Commitment, ...] = ()

    @property
    def over(self) -> bool:
        return self.available is not None and self.committed > self.available

    @property
    def overrun(self) -> Decimal:
        """How much committed money exceeds the budget (0 when it does not)."""
        if self.available is None:
            return ZERO
        return max(self.committed - self.available, ZERO)

    def month_excess(self) -> dict[dt.date, Decimal]:
        """Months spending more than their even share of the budget, by how much."""
        return {
            month: spent - self.budget_by_month[month]
            for month, spent in self.by_month.items()
            if month in self.budget_by_month and spent > self.budget_by_month[month]
        }


def currency_places(currency: str) -> int:
    return MINOR_UNITS.get(currency.upper(), 2)


class _Ledger:
    """Running totals while walking the plan once."""

    def __init__(self, months: list[dt.date]) -> None:
        self.by_category: dict[str, Decimal] = dict.fromkeys(CATEGORIES, ZERO)
        self.by_network: dict[str, Decimal] = {}
        self.by_goal: dict[str, Decimal] = {}
        self.by_month: dict[dt.date, Decimal] = dict.fromkeys(months, ZERO)
        self.commitments: list[Commitment] = []

    def add(
        self,
        category: str,
        amount: Decimal,
        network: str | None,
        goal: str | None,
    ) -> None:
        self.by_category[category] += amount
        if amount:
            key = network or UNLINKED
            self.by_network[key] = self.by_network.get(key, ZERO) + amount
            key = goal or UNLINKED
            self.by_goal[key] = self.by_goal.get(key, ZERO) + amount


def compute_money(plan: Plan, period: Period, totals: CalendarTotals | None = None) -> MoneyReport:
    """Money of ``plan`` over ``period``; ``totals`` saves a second walk of the calendar."""
    currency = plan.currency
    places = currency_places(currency)
    days = month_days(period.start, period.end)
    months = list(days)
    ledger = _Ledger(months)
    outside = ZERO
    outside_items: list[KeyPath] = []

    for index, tool in enumerate(plan.resources.tools):
        if not tool.cost:
            continue
        path: KeyPath = ("resources", "tools", index, "cost")
        if tool.per in ("month", "year"):
            # A month's share is the days of the period in it over the month's length.
            weights = {
                m: d * (MONTH_LCM // days_in_month(m.year, m.month)) for m, d in days.items()
            }
            denominator = MONTH_LCM * (12 if tool.per == "year" else 1)
            total, parts = spread(tool.cost, weights, denominator, places)
            for month, part in parts.items():
                ledger.by_month[month] += part
        else:
            # "once", or no `per`: the price as written, paid in the first month.
            total = tool.cost
            ledger.by_month[months[0]] += total
        ledger.add("tools", total, None, None)
        ledger.commitments.append(Commitment(path, "tools", tool.name or "", total))

    for index, allocation in enumerate(plan.resources.allocations):
        if not allocation.amount:
            continue
        path = ("resources", "allocations", index, "amount")
        first = allocation.start or period.start
        last = allocation.end or period.end
        if last < first:
            first, last = last, first
        inside = period.clip(first, last)
        if inside is None:
            outside += allocation.amount
            outside_items.append(path)
            continue
        length = last.toordinal() - first.toordinal() + 1
        total, parts = spread(allocation.amount, month_days(*inside), length, places)
        if total != allocation.amount:
            outside += allocation.amount - total
            outside_items.append(path)
        for month, part in parts.items():
            ledger.by_month[month] += part
        ledger.add("allocations", total, allocation.network, allocation.goal)
        ledger.commitments.append(Commitment(path, "allocations", allocation.name or "", total))

    calendar = totals if totals is not None else calendar_totals(plan, period)
    for day, cost in calendar.cost_by_day.items():
        ledger.by_month[month_key(day)] += cost
    for (network, goal), cost in calendar.cost_by_link.items():
        ledger.add("content", cost, network, goal)
    outside += calendar.outside_cost
    outside_items.extend(("calendar", index, "cost") for index in calendar.outside_cost_items)
    # Costs are compared first; on a tie the earlier item (larger -index) wins.
    for cost, negative in heapq.nlargest(LARGEST, calendar.priced):
        item = plan.calendar[-negative]
        label = item.title or (item.date.isoformat() if item.date else "")
        ledger.commitments.append(
            Commitment(("calendar", -negative, "cost"), "content", label, cost)
        )
    largest = tuple(heapq.nlargest(LARGEST, ledger.commitments, key=lambda c: c.amount))

    committed = sum(ledger.by_category.values(), ZERO)
    available = plan.resources.budget
    remaining = None if available is None else available - committed
    budget_by_month: dict[dt.date, Decimal] = {}
    months_ahead: list[dt.date] = []
    if available is not None:
        _total, budget_by_month = spread(available, days, period.days, places)
        months_ahead = _months_ahead(ledger.by_month, days, available, period.days)
    return MoneyReport(
        currency=currency,
        available=available,
        committed=committed,
        remaining=remaining,
        percent_used=None if available is None else percent(committed, available),
        by_category=ledger.by_category,
        by_network=ledger.by_network,
        by_goal=ledger.by_goal,
        by_month=ledger.by_month,
        months_ahead=months_ahead,
        budget_by_month=budget_by_month,
        undated=calendar.undated_cost,
        outside=outside,
        outside_items=tuple(outside_items),
        largest=largest,
    )


def _months_ahead(
    by_month: dict[dt.date, Decimal], days: dict[dt.date, int], available: Decimal, total_days: int
) -> list[dt.date]:
    """Months where spending so far exceeds the budget's even spread so far.

    Compared exactly by cross-multiplying: spent / available > elapsed / total.
    """
    ahead: list[dt.date] = []
    spent = ZERO
    elapsed = 0
    for month, spending in by_month.items():
        spent += spending
        elapsed += days[month]
        if spent * total_days > available * elapsed:
            ahead.append(month)
    return ahead


__all__ = [
    "CATEGORIES",
    "LARGEST",
    "MONTH_LCM",
    "UNLINKED",
    "Commitment",
    "MoneyReport",
    "compute_money",
    "currency_places",
]
