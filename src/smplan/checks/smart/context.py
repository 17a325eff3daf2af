"""What the SMART rules need from the whole plan, gathered once.

The app re-checks one goal on every keystroke: it builds a :class:`SmartContext`
when the plan changes outside that goal and passes it to ``check_goal``. The
checked goal's own fields are always read from the goal itself, never from the
context, so the context stays valid while that goal is being edited.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from smplan.checks.budget.periods import Period as PlanPeriod
from smplan.checks.budget.periods import resolve_period
from smplan.checks.smart.benchmarks import Benchmarks, benchmarks_for
from smplan.checks.smart.kpis import objective_kinds
from smplan.model import Goal, Objective, Plan, Profile, Result, TeamMember
from smplan.schedule.occurrences import item_dates, repeats

Period = tuple[dt.date | None, dt.date | None]


@dataclass(frozen=True, slots=True)
class GoalLoad:
    """The weekly hours one goal asks of its owner, over its dates."""

    goal: Goal
    owner: str
    start: dt.date | None
    end: dt.date | None
    weekly: Decimal


@dataclass(frozen=True, slots=True)
class SmartContext:
    period: Period
    currency: str
    team: dict[str, TeamMember]
    objectives: dict[str, Objective]
    #: Goal kinds each objective is about (see ``kpis.objective_kinds``).
    objective_kinds: dict[str, tuple[str, ...]]
    personas: frozenset[str]
    #: Networks of the strategy, in its order.
    strategy_networks: tuple[str, ...]
    #: Money allocated to each goal id.
    money: dict[str, Decimal]
    #: Names of allocations linked to no goal, by network: candidates to link.
    unlinked_allocations: dict[str, tuple[str, ...]]
    #: Calendar hours by (goal id, item owner or "" for none).
    item_hours: dict[tuple[str, str], Decimal]
    #: First and last calendar date of each goal's items.
    item_span: dict[str, tuple[dt.date, dt.date]]
    goals_with_results: frozenset[str]
    #: Dated results of each goal id, oldest first (the file's order among equal dates).
    results: dict[str, tuple[Result, ...]]
    #: The audit profile of each network (the first one when there are several).
    profiles: dict[str, Profile]
    benchmarks: Benchmarks
    #: Owner id -> the weekly load of each of their goals.
    loads: dict[str, tuple[GoalLoad, ...]]

    @classmethod
    def build(cls, plan: Plan) -> SmartContext:
        money: dict[str, Decimal] = defaultdict(Decimal)
        unlinked: dict[str, list[str]] = defaultdict(list)
        for allocation in plan.resources.allocations:
            if allocation.goal:
                money[allocation.goal] += allocation.amount or Decimal(0)
            elif allocation.network and (allocation.amount or 0) > 0:
                unlinked[allocation.network].append(allocation.name or allocation.network)
        hours: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        span: dict[str, tuple[dt.date, dt.date]] = {}
        window: PlanPeriod | None = None
        for item in plan.calendar:
            if not item.goal:
                continue
            if repeats(item):
                # A repeating item is work on each of its dates in the plan period.
                window = window or resolve_period(plan)
                days = item_dates(item, window.start, window.end)
                if item.hours:
                    hours[(item.goal, item.owner or "")] += item.hours * len(days)
                if days:
                    first, last = span.get(item.goal, (days[0], days[-1]))
                    span[item.goal] = (min(first, days[0]), max(last, days[-1]))
                continue
            if item.hours:
                hours[(item.goal, item.owner or "")] += item.hours
            if item.date:
                first, last = span.get(item.goal, (item.date, item.date))
                span[item.goal] = (min(first, item.date), max(last, item.date))
        objectives = {o.id: o for o in plan.objectives if o.id}
        profiles: dict[str, Profile] = {}
        for profile in plan.audit.profiles:
            if profile.network:
                profiles.setdefault(profile.network, profile)
        context = cls(
            period=(plan.plan.period_start, plan.plan.period_end),
            currency=plan.currency,
            team={m.id: m for m in plan.resources.team if m.id},
            objectives=objectives,
            objective_kinds={key: objective_kinds(o) for key, o in objectives.items()},
            personas=frozenset(p.id for p in plan.personas if p.id),
            strategy_networks=tuple(
                dict.fromkeys(n.network for n in plan.strategy.networks if n.network)
            ),
            money=dict(money),
            unlinked_allocations={k: tuple(v) for k, v in unlinked.items()},
            item_hours=dict(hours),
            item_span=span,
            goals_with_results=frozenset(r.goal for r in plan.measurement.results if r.goal),
            results=_results_by_goal(plan),
            profiles=profiles,
            benchmarks=benchmarks_for(plan.smart),
            loads={},
        )
        loads: dict[str, list[GoalLoad]] = defaultdict(list)
        for goal in plan.goals:
            if goal.owner:
                load = GoalLoad(
                    goal, goal.owner, goal.start, goal.deadline, context.weekly_hours(goal)
                )
                loads[goal.owner].append(load)
        return replace(context, loads={owner: tuple(found) for owner, found in loads.items()})

    def results_of(self, goal: Goal) -> tuple[Result, ...]:
        """The goal's dated results with a value, oldest first."""
        return self.results.get(goal.id, ()) if goal.id else ()

    def goal_weeks(self, goal: Goal) -> Decimal:
        """Weeks over which the goal's work is spread.

        Its dates (else the plan period), widened to its calendar items when
        some fall outside them: the work happens when the items are.
        """
        start, end = goal.start, goal.deadline
        if not (start and end and end >= start):
            start, end = self.period
        if not (start and end and end >= start):
            start = end = None
        items = self.item_span.get(goal.id)
        if items is not None:
            start = min(start, items[0]) if start else items[0]
            end = max(end, items[1]) if end else items[1]
        if not (start and end):
            return Decimal(1)
        return max(Decimal((end - start).days + 1) / 7, Decimal(1))

    def weekly_hours(self, goal: Goal) -> Decimal:
        """Hours a week the goal asks of its owner: their calendar items plus ``hours_per_week``.

        Items with no owner count for the goal's owner; items owned by someone
        else are that person's work, not the owner's.
        """
        owned = self.item_hours.get((goal.id, goal.owner or ""), Decimal(0))
        if goal.owner:
            owned += self.item_hours.get((goal.id, ""), Decimal(0))
        weekly = owned / self.goal_weeks(goal) if owned else Decimal(0)
        return weekly + (goal.hours_per_week or Decimal(0))

    def other_loads(self, goal: Goal, owner: str) -> list[GoalLoad]:
        """The owner's other goals whose dates overlap this goal's dates."""
        found = []
        for load in self.loads.get(owner, ()):
            if load.goal is goal or (goal.id and load.goal.id == goal.id):
                continue
            if goal.start and load.end and load.end < goal.start:
                continue
            if goal.deadline and load.start and load.start > goal.deadline:
                continue
            found.append(load)
        return found


def _results_by_goal(plan: Plan) -> dict[str, tuple[Result, ...]]:
    found: dict[str, list[Result]] = defaultdict(list)
    for result in plan.measurement.results:
        if result.goal and result.date is not None and result.value is not None:
            found[result.goal].append(result)
    # sorted() is stable: results of one day keep the file's order.
    return {
        goal: tuple(sorted(rs, key=lambda r: r.date or dt.date.min)) for goal, rs in found.items()
    }
