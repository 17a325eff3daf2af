"""The budget report the app shows, recomputed when an edit touches money or hours."""

from __future__ import annotations

import time

from smplan.checks.budget import BudgetReport, compute_budget
from smplan.editing import Edit
from smplan.model import (
    Allocation,
    CalendarItem,
    Goal,
    Plan,
    PlanInfo,
    Resources,
    TeamMember,
    Tool,
)

#: Fields whose edits change money or hours, by the kind of table they are on.
_MONEY_FIELDS: dict[type, frozenset[str]] = {
    PlanInfo: frozenset({"period_start", "period_end", "currency"}),
    Resources: frozenset({"budget", "team", "tools", "allocations"}),
    Tool: frozenset({"cost", "per"}),
    Allocation: frozenset({"amount", "network", "goal", "start", "end"}),
    CalendarItem: frozenset({"date", "cost", "hours", "owner", "goal", "network"}),
    TeamMember: frozenset({"id", "name", "hours_per_week"}),
    Goal: frozenset({"id", "owner", "hours_per_week", "start", "deadline"}),
    Plan: frozenset({"calendar", "goals"}),
}


class BudgetState:
    def __init__(self) -> None:
        self.report: BudgetReport | None = None
        #: How long the last computation took: big plans recompute once typing pauses.
        self.last_seconds = 0.0

    @staticmethod
    def affects(edit: Edit) -> bool:
        fields = _MONEY_FIELDS.get(type(edit.owner))
        return fields is not None and edit.name in fields

    def refresh(self, plan: Plan) -> BudgetReport:
        started = time.perf_counter()
        self.report = compute_budget(plan)
        self.last_seconds = time.perf_counter() - started
        return self.report
