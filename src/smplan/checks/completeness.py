"""How far each step of the plan has been written: empty, partial or complete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from smplan.model import AUDIT_QUESTIONS, SWOT_QUADRANTS, Plan

Completeness = Literal["empty", "partial", "complete"]
#: Marks readable without colour.
MARKS: dict[Completeness, str] = {"empty": "○", "partial": "◐", "complete": "●"}


def _grade(checks: list[bool], started: bool = False) -> Completeness:
    """Complete when every check holds; partial when one does or anything is written."""
    done = sum(checks)
    if done == len(checks):
        return "complete"
    return "partial" if done or started else "empty"


def _plan(plan: Plan) -> Completeness:
    info = plan.plan
    return _grade(
        [bool(info.title), bool(info.period_start and info.period_end), bool(info.currency)]
    )


def _audit(plan: Plan) -> Completeness:
    audit = plan.audit
    answered = sum(1 for q in AUDIT_QUESTIONS if getattr(audit.answers, q))
    swot = all(getattr(audit.swot, q) for q in SWOT_QUADRANTS)
    started = bool(audit.summary or answered or any(getattr(audit.swot, q) for q in SWOT_QUADRANTS))
    checks = [
        bool(audit.profiles),
        answered >= len(AUDIT_QUESTIONS) // 2,
        bool(audit.competitors),
        swot,
    ]
    return _grade(checks, started)


def _personas(plan: Plan) -> Completeness:
    if not plan.personas:
        return "empty"
    whole = all(p.name and p.sources and (p.fears or p.desires) for p in plan.personas)
    return "complete" if whole else "partial"


def _resources(plan: Plan) -> Completeness:
    res = plan.resources
    return _grade([res.budget is not None, bool(res.team), bool(res.tools or res.allocations)])


def _goals(plan: Plan) -> Completeness:
    if not plan.goals and not plan.objectives:
        return "empty"
    whole = (
        bool(plan.objectives)
        and bool(plan.goals)
        and all(g.kpi and g.target is not None and g.deadline and g.owner for g in plan.goals)
    )
    return "complete" if whole else "partial"


def _strategy(plan: Plan) -> Completeness:
    return _grade([bool(plan.strategy.pillars), bool(plan.strategy.networks)])


def _calendar(plan: Plan) -> Completeness:
    if not plan.calendar:
        return "empty"
    months = {(i.date.year, i.date.month) for i in plan.calendar if i.date}
    # A calendar that covers a quarter is a plan; fewer months is a start.
    return "complete" if len(months) >= 3 else "partial"


def _measurement(plan: Plan) -> Completeness:
    m = plan.measurement
    return _grade([m.cadence is not None, bool(m.results), bool(m.reviews)])


_BY_STEP: dict[int, Callable[[Plan], Completeness]] = {
    0: _plan,
    1: _audit,
    2: _personas,
    3: _resources,
    4: _goals,
    5: _strategy,
    6: _calendar,
    7: _measurement,
}


def step_completeness(plan: Plan, step: int) -> Completeness:
    return _BY_STEP[step](plan)
