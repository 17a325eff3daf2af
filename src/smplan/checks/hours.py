"""Hours: each team member's capacity against the work the plan gives them.

Rules are in docs/budget.md. Hours of calendar items are summed exactly; a
weekly figure spread over part of a week (capacity, a goal's ``hours_per_week``)
is rounded once to 0.01 h with its parts adding up exactly (``apportion``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from smplan.checks.apportion import ZERO, percent, spread
from smplan.checks.calendar_totals import CalendarTotals, calendar_totals
from smplan.checks.periods import Period, month_days, month_key, week_days, week_key
from smplan.model import Plan

#: Hours are rounded to hundredths where a share of a week is taken.
HOURS_PLACES = 2


@dataclass(frozen=True)
class PersonLoad:
    member_id: str
    name: str
    #: ``hours_per_week`` of the team member (0 when the plan does not say).
    capacity_per_week: Decimal
    capacity_total: Decimal
    assigned_total: Decimal
    #: Hours assigned per ISO week of the period (Monday as key), every week listed.
    by_week: dict[dt.date, Decimal]
    over_weeks: list[dt.date]
    percent_used: Decimal | None
    #: Capacity per week: ``capacity_per_week``, pro rata in the period's edge weeks.
    capacity_by_week: dict[dt.date, Decimal] = field(default_factory=dict)
    by_month: dict[dt.date, Decimal] = field(default_factory=dict)
    capacity_by_month: dict[dt.date, Decimal] = field(default_factory=dict)
    #: Hours of their calendar items that have no date: in the total, in no week.
    undated: Decimal = ZERO
    #: Position in ``resources.team``.
    index: int = 0
    #: False when the team member has no ``hours_per_week``: no over-capacity verdict.
    capacity_known: bool = True

    @property
    def over(self) -> bool:
        """Assigned more hours over the whole period than the capacity."""
        return self.capacity_known and self.assigned_total > self.capacity_total

    def excess(self) -> dict[dt.date, Decimal]:
        """Hours beyond capacity in each week that is over."""
        return {week: self.by_week[week] - self.capacity_by_week[week] for week in self.over_weeks}


@dataclass(frozen=True)
class HoursReport:
    people: list[PersonLoad]
    capacity_total: Decimal
    assigned_total: Decimal
    #: Hours of items in the period whose owner is no team member (or missing).
    unassigned_hours: Decimal
    #: Hours of calendar items dated outside the period, left out.
    outside_hours: Decimal = ZERO

    @property
    def over_people(self) -> list[PersonLoad]:
        return [p for p in self.people if p.over or p.over_weeks]

    @property
    def percent_used(self) -> Decimal | None:
        return percent(self.assigned_total, self.capacity_total)


class _Account:
    __slots__ = ("months", "undated", "weeks")

    def __init__(self, weeks: dict[dt.date, int], months: dict[dt.date, int]) -> None:
        self.weeks: dict[dt.date, Decimal] = dict.fromkeys(weeks, ZERO)
        self.months: dict[dt.date, Decimal] = dict.fromkeys(months, ZERO)
        self.undated = ZERO


def compute_hours(plan: Plan, period: Period, totals: CalendarTotals | None = None) -> HoursReport:
    """Hours of ``plan`` over ``period``; ``totals`` saves a second walk of the calendar."""
    weeks = week_days(period.start, period.end)
    months = month_days(period.start, period.end)
    team = plan.resources.team
    accounts: dict[str, _Account] = {}
    for member in team:
        if member.id and member.id not in accounts:
            accounts[member.id] = _Account(weeks, months)

    calendar = totals if totals is not None else calendar_totals(plan, period)
    unassigned = ZERO
    for owner, hours in calendar.undated_hours.items():
        account = accounts.get(owner) if owner else None
        if account is None:
            unassigned += hours
        else:
            account.undated += hours
    keys_of: dict[dt.date, tuple[dt.date, dt.date]] = {}
    for (owner, day), hours in calendar.hours_by_owner_day.items():
        account = accounts.get(owner) if owner else None
        if account is None:
            unassigned += hours
            continue
        keys = keys_of.get(day)
        if keys is None:
            keys = keys_of[day] = (week_key(day), month_key(day))
        account.weeks[keys[0]] += hours
        account.months[keys[1]] += hours

    for goal in plan.goals:
        per_week = goal.hours_per_week
        if not per_week:
            continue
        inside = period.clip(goal.start, goal.deadline)
        if inside is None:
            continue
        total, by_week = spread(per_week, week_days(*inside), 7, HOURS_PLACES)
        account = accounts.get(goal.owner) if goal.owner else None
        if account is None:
            unassigned += total
            continue
        _total, by_month = spread(per_week, month_days(*inside), 7, HOURS_PLACES)
        for week, hours in by_week.items():
            account.weeks[week] += hours
        for month, hours in by_month.items():
            account.months[month] += hours

    people: list[PersonLoad] = []
    seen: set[str] = set()
    for index, member in enumerate(team):
        if member.id and member.id not in seen:
            seen.add(member.id)
            account = accounts[member.id]
        else:
            # No id, or a repeated one: nothing can be assigned to this entry.
            account = _Account(weeks, months)
        people.append(
            _load(index, member.id, member.name, member.hours_per_week, account, weeks, months)
        )
    return HoursReport(
        people=people,
        capacity_total=sum((p.capacity_total for p in people), ZERO),
        assigned_total=sum((p.assigned_total for p in people), ZERO),
        unassigned_hours=unassigned,
        outside_hours=calendar.outside_hours,
    )


def _load(
    index: int,
    member_id: str,
    name: str | None,
    per_week: Decimal | None,
    account: _Account,
    weeks: dict[dt.date, int],
    months: dict[dt.date, int],
) -> PersonLoad:
    known = per_week is not None
    rate = per_week if per_week is not None else ZERO
    capacity, by_week = spread(rate, weeks, 7, HOURS_PLACES)
    _total, by_month = spread(rate, months, 7, HOURS_PLACES)
    assigned = sum(account.weeks.values(), ZERO) + account.undated
    over = [w for w, hours in account.weeks.items() if hours > by_week[w]] if known else []
    return PersonLoad(
        member_id=member_id,
        name=name or member_id,
        capacity_per_week=rate,
        capacity_total=capacity,
        assigned_total=assigned,
        by_week=account.weeks,
        over_weeks=over,
        percent_used=percent(assigned, capacity),
        capacity_by_week=by_week,
        by_month=account.months,
        capacity_by_month=by_month,
        undated=account.undated,
        index=index,
        capacity_known=known,
    )


__all__ = ["HOURS_PLACES", "HoursReport", "PersonLoad", "compute_hours"]
