"""Hours: each team member's capacity against the work the plan gives them.

Rules are in docs/budget.md. Hours of calendar items are summed exactly; a
weekly figure spread over part of a week (capacity, a goal's ``hours_per_week``)
is rounded once to 0.01 h with its parts adding up exactly (``apportion``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from smplan.checks.budget.apportion import (
    ZERO,
    apportion,
    from_units,
    percent,
    places_for,
    round_half_up,
    spread,
    to_units,
)
from smplan.checks.budget.calendar_totals import CalendarTotals, calendar_totals
from smplan.checks.budget.periods import Period, month_days, month_key, week_days, week_key
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
    #: Capacity per week, pro rata in the period's edge weeks so that the weeks add
    #: up to ``capacity_total``; ``over_weeks`` compares with ``capacity_per_week``.
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
        """Hours beyond ``capacity_per_week`` in each week that is over."""
        return {week: self.by_week[week] - self.capacity_per_week for week in self.over_weeks}


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
    for owner, by_day in calendar.hours_by_owner.items():
        account = accounts.get(owner) if owner else None
        if account is None:
            unassigned += sum(by_day.values(), ZERO)
            continue
        weeks_of, months_of = account.weeks, account.months
        for day, hours in by_day.items():
            keys = keys_of.get(day)
            if keys is None:
                keys = keys_of[day] = (week_key(day), month_key(day))
            weeks_of[keys[0]] += hours
            months_of[keys[1]] += hours
    unassigned += _add_goal_hours(plan, period, accounts)

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


def _add_goal_hours(plan: Plan, period: Period, accounts: dict[str, _Account]) -> Decimal:
    """Add goals' ``hours_per_week`` to their owners' weeks and months; return the rest.

    A goal's hours fall evenly on the days from its start to its deadline within
    the period (``hours_per_week / 7`` a day). Each owner's goal hours are summed
    exactly as integers (units x days, over 7) and rounded once per owner, so a
    person with many goals carries no accumulated rounding. Returns the hours of
    goals with no known owner.
    """
    spans: list[tuple[str | None, Decimal, tuple[dt.date, dt.date]]] = []
    places: dict[str | None, int] = {}
    for goal in plan.goals:
        per_week = goal.hours_per_week
        if not per_week:
            continue
        inside = period.clip(goal.start, goal.deadline)
        if inside is None:
            continue
        owner = goal.owner if goal.owner in accounts else None
        spans.append((owner, per_week, inside))
        places[owner] = max(places.get(owner, HOURS_PLACES), places_for(per_week, HOURS_PLACES))
    weekly: dict[str | None, dict[dt.date, int]] = {}
    monthly: dict[str | None, dict[dt.date, int]] = {}
    for owner, per_week, (first, last) in spans:
        units = to_units(per_week, places[owner])
        weeks = weekly.setdefault(owner, {})
        for week, days in week_days(first, last).items():
            weeks[week] = weeks.get(week, 0) + units * days
        months = monthly.setdefault(owner, {})
        for month, days in month_days(first, last).items():
            months[month] = months.get(month, 0) + units * days
    unassigned = ZERO
    for owner, weights in weekly.items():
        fine = places[owner]
        account = accounts.get(owner) if owner is not None else None
        if account is None:
            unassigned += from_units(round_half_up(sum(weights.values()), 7), fine)
            continue
        for week, share in apportion(1, weights, 7).items():
            account.weeks[week] += from_units(share, fine)
        for month, share in apportion(1, monthly[owner], 7).items():
            account.months[month] += from_units(share, fine)
    return unassigned


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
    # A week is over against the full weekly hours, even a week only partly in
    # the period: work on items at the period's edges can be done on its other days.
    over = [w for w, hours in account.weeks.items() if hours > rate] if known else []
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
