"""Budget tracker: money and hours allocated versus available, and its findings.

``compute_budget`` gives the numbers (for the tracker panel, the gauge and the
export); ``budget_findings`` turns them into findings for the app and
`smplan check`. Rules and thresholds are in docs/budget.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal, localcontext

from smplan.checks.budget.apportion import EXACT
from smplan.checks.budget.hours import HoursReport, PersonLoad
from smplan.checks.budget.money import Commitment, MoneyReport
from smplan.checks.budget.periods import MAX_MONTHS
from smplan.checks.budget.report import BudgetReport, compute_budget
from smplan.checks.budget.text import hours_text, money_text
from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.i18n.formats import format_date, format_month, format_percent
from smplan.keypath import KeyPath, format_path
from smplan.model import Plan
from smplan.schedule.occurrences import item_dates

#: ``budget-unallocated`` is reported when more than this share of the budget is idle.
IDLE_SHARE = Decimal("0.25")
#: How many months or weeks one message names before "and N more".
LISTED = 3


def budget_findings(
    plan: Plan,
    lang: Lang | None = None,
    report: BudgetReport | None = None,
    *,
    today: dt.date | None = None,
) -> list[Finding]:
    """``budget-over``, ``hours-over``, ``budget-unallocated`` and ``budget-period``."""
    language: Lang = lang or plan.language
    if report is None:
        report = compute_budget(plan, today=today)
    with localcontext(EXACT):
        findings = list(_period(plan, report, language))
        findings.extend(_money(report.money, language))
        findings.extend(_hours(plan, report.hours, language))
    return findings


# -- shared text ----------------------------------------------------------


def _listed(texts: Sequence[str], count: int, lang: Lang) -> str:
    """The first LISTED of ``count`` texts, then "and N more"."""
    shown = list(texts[:LISTED])
    if count > LISTED:
        shown.append(t("budget.more", lang, count=count - LISTED))
    return ", ".join(shown)


def _label(commitment: Commitment) -> str:
    return commitment.label or format_path(commitment.path[:-1])


# -- period ---------------------------------------------------------------


def _tracks_anything(plan: Plan) -> bool:
    resources = plan.resources
    return (
        resources.budget is not None
        or bool(resources.team)
        or any(tool.cost for tool in resources.tools)
        or any(allocation.amount for allocation in resources.allocations)
        or any(item.cost or item.hours for item in plan.calendar)
    )


def _period(plan: Plan, report: BudgetReport, lang: Lang) -> Iterator[Finding]:
    source = report.period_source
    start = format_date(report.period_start, lang)
    end = format_date(report.period_end, lang)
    if source in ("plan", "reversed") and not report.period_capped:
        return
    if not _tracks_anything(plan):
        return
    path: KeyPath = ("plan",)
    if report.period_capped:
        message = t("budget.period-capped", lang, years=MAX_MONTHS // 12, start=start, end=end)
        path = ("plan", "period_end")
    elif source == "from-start":
        message = t("budget.period-from-start", lang, start=start, end=end)
        path = ("plan", "period_start")
    elif source == "from-end":
        message = t("budget.period-from-end", lang, start=start, end=end)
        path = ("plan", "period_end")
    elif source == "from-dates":
        message = t("budget.period-from-dates", lang, start=start, end=end)
    else:
        message = t("budget.period-current-year", lang, start=start, end=end)
    yield Finding("info", "budget-period", message, path)


# -- money ----------------------------------------------------------------


def _single_cause(largest: Sequence[Commitment], overrun: Decimal) -> Commitment | None:
    """The one commitment whose removal alone would bring the plan within budget.

    None when no commitment is that large, or when more than one is (then no
    single item is to blame).
    """
    if not largest or largest[0].amount < overrun:
        return None
    if len(largest) > 1 and largest[1].amount >= overrun:
        return None
    return largest[0]


def _money(money: MoneyReport, lang: Lang) -> Iterator[Finding]:
    available = money.available
    if available is None:
        return
    currency = money.currency
    if money.over:
        overrun = money.overrun
        excess = money.month_excess()
        worst = sorted(excess, key=lambda month: excess[month], reverse=True)
        months = ""
        if worst:
            shown = sorted(worst[:LISTED])
            texts = [
                t(
                    "budget.over-month",
                    lang,
                    month=format_month(month, lang),
                    amount=money_text(excess[month], currency, lang),
                )
                for month in shown
            ]
            months = t("budget.over-months", lang, months=_listed(texts, len(worst), lang))
        cause = _single_cause(money.largest, overrun)
        path: KeyPath = ("resources", "budget")
        cause_text = ""
        if cause is not None:
            path = cause.path
            cause_text = t(
                "budget.over-cause-item",
                lang,
                label=_label(cause),
                amount=money_text(cause.amount, currency, lang),
            )
        elif money.largest:
            top = money.largest[0]
            cause_text = t(
                "budget.over-largest",
                lang,
                label=_label(top),
                amount=money_text(top.amount, currency, lang),
            )
        message = t(
            "budget.over",
            lang,
            committed=money_text(money.committed, currency, lang),
            budget=money_text(available, currency, lang),
            over=money_text(overrun, currency, lang),
            months=months,
            cause=cause_text,
        )
        yield Finding("warning", "budget-over", message, path)
        return
    remaining = money.remaining
    if available > 0 and remaining is not None and remaining > available * IDLE_SHARE:
        share = remaining * 100 / available
        message = t(
            "budget.unallocated",
            lang,
            idle=money_text(remaining, currency, lang),
            share=format_percent(share, lang, 0),
            budget=money_text(available, currency, lang),
        )
        yield Finding("info", "budget-unallocated", message, ("resources", "budget"))


# -- hours ----------------------------------------------------------------


def _week_cause(plan: Plan, person: PersonLoad, week: dt.date, excess: Decimal) -> int | None:
    """The one calendar item of ``person`` in ``week`` whose hours alone cover ``excess``."""
    found: int | None = None
    last = week + dt.timedelta(days=6)
    for index, item in enumerate(plan.calendar):
        if (
            item.owner == person.member_id
            and item.hours is not None
            and item.hours >= excess
            and item_dates(item, week, last)  # a repeating item's occurrence counts too
        ):
            if found is not None:
                return None
            found = index
    return found


def _hours(plan: Plan, hours: HoursReport, lang: Lang) -> Iterator[Finding]:
    for person in hours.over_people:
        details: list[str] = []
        if person.over_weeks:
            # Only the weeks a message names are formatted: a badly overloaded
            # plan has dozens, and findings run on every edit.
            weeks = [
                t(
                    "budget.hours-week",
                    lang,
                    date=format_date(week, lang),
                    assigned=hours_text(person.by_week[week], lang),
                    capacity=hours_text(person.capacity_per_week, lang),
                )
                for week in person.over_weeks[:LISTED]
            ]
            count = len(person.over_weeks)
            details.append(
                t("budget.hours-weeks", lang, count=count, weeks=_listed(weeks, count, lang))
            )
        if person.over:
            details.append(
                t(
                    "budget.hours-total",
                    lang,
                    assigned=hours_text(person.assigned_total, lang),
                    capacity=hours_text(person.capacity_total, lang),
                )
            )
        path: KeyPath = ("resources", "team", person.index, "hours_per_week")
        cause = ""
        if len(person.over_weeks) == 1 and not person.over:
            week = person.over_weeks[0]
            index = _week_cause(plan, person, week, person.excess()[week])
            if index is not None:
                item = plan.calendar[index]
                path = ("calendar", index, "hours")
                cause = t(
                    "budget.hours-cause-item",
                    lang,
                    label=item.title or format_path(("calendar", index)),
                    hours=hours_text(item.hours or Decimal(0), lang),
                )
        message = t(
            "budget.hours-over",
            lang,
            name=person.name or format_path(("resources", "team", person.index)),
            details="; ".join(details),
            cause=cause,
        )
        yield Finding("warning", "hours-over", message, path, subject=person.member_id or None)


__all__ = ["IDLE_SHARE", "budget_findings"]
