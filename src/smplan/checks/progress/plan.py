"""The progress of every goal of a plan, judged on one reference day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from smplan.checks.progress.pace import GoalProgress, Reading, goal_progress
from smplan.checks.smart.benchmarks import benchmarks_for
from smplan.checks.smart.kpis import find_kpi
from smplan.model import Plan


def plan_progress(plan: Plan, today: dt.date) -> list[GoalProgress]:
    """Each goal's progress, in the plan's order, on the reference day ``today``.

    The pace tolerance is the plan's ``[smart.rules] pace_tolerance`` (else the
    built-in 5 points); a goal without dates is read over the plan period.
    """
    tolerance = benchmarks_for(plan.smart).rule("pace_tolerance")
    period = (plan.plan.period_start, plan.plan.period_end)
    readings: dict[str, list[Reading]] = defaultdict(list)
    for result in plan.measurement.results:
        if result.goal and result.date is not None and result.value is not None:
            readings[result.goal].append((result.date, result.value))
    found = []
    for goal in plan.goals:
        kpi = find_kpi(goal.kpi)
        found.append(
            goal_progress(
                goal,
                readings.get(goal.id, ()) if goal.id else (),
                today=today,
                period=period,
                tolerance=tolerance,
                better=kpi.better if kpi is not None else "up",
            )
        )
    return found
