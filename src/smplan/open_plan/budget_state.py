"""The budget report the app shows, recomputed when an edit touches money or hours."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from smplan.checks.budget import BudgetReport

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
#: A budget computed faster than this (seconds) is recomputed on every keystroke...
BUDGET_AT_ONCE = 0.015
#: ...a slower one (a plan of thousands of items) once typing pauses this long.
BUDGET_DELAY = 0.1


class BudgetState:
    def __init__(self) -> None:
        self.report: BudgetReport | None = None
        #: How long the last computation took: big plans recompute once typing pauses.
        self.last_seconds = 0.0

    @staticmethod
    def affects(edit: Edit) -> bool:
        fields = _MONEY_FIELDS.get(type(edit.owner))
        return fields is not None and edit.name in fields

    def delay(self) -> float | None:
        """How long to wait before recomputing after an edit; None: at once (it is quick)."""
        return None if self.last_seconds < BUDGET_AT_ONCE else BUDGET_DELAY

    def refresh(self, plan: Plan) -> BudgetReport:
        # Loaded with the first budget, after the app's first screen (see smart_state).
        from smplan.checks.budget import compute_budget

        started = time.perf_counter()
        self.report = compute_budget(plan)
        self.last_seconds = time.perf_counter() - started
        return self.report
