"""The resource budget of a plan: money and hours over the plan period, in one pass.

Pure and fast enough to run on every edit (benchmarks/bench_budget.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import localcontext

from smplan.checks.budget.apportion import EXACT
from smplan.checks.budget.calendar_totals import calendar_totals
from smplan.checks.budget.hours import HoursReport, compute_hours
from smplan.checks.budget.money import MoneyReport, compute_money
from smplan.checks.budget.periods import PeriodSource, resolve_period
from smplan.model import Plan


@dataclass(frozen=True)
class BudgetReport:
    money: MoneyReport
    hours: HoursReport
    period_start: dt.date
    period_end: dt.date
    #: "plan" when the plan states its period; otherwise how it was derived.
    period_source: PeriodSource = "plan"
    #: True when an implausibly long period was cut (periods.MAX_MONTHS).
    period_capped: bool = False


def compute_budget(plan: Plan, *, today: dt.date | None = None) -> BudgetReport:
    """Money and hours of ``plan``; ``today`` only matters for a plan with no dates."""
    with localcontext(EXACT):
        period = resolve_period(plan, today)
        totals = calendar_totals(plan, period)
        return BudgetReport(
            money=compute_money(plan, period, totals),
            hours=compute_hours(plan, period, totals),
            period_start=period.start,
            period_end=period.end,
            period_source=period.source,
            period_capped=period.capped,
        )
