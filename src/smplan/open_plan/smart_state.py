"""The SMART verdicts the app shows, kept current as goals are edited.

Typing in a goal field re-checks that goal alone against a cached plan context
(well under a millisecond); any other edit rebuilds the context and re-checks
every goal, which the app does once typing pauses.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from smplan.i18n import current_language
from smplan.model import Goal, Plan

if TYPE_CHECKING:
    from smplan.checks.smart import SmartContext, SmartVerdict

# The SMART checker is imported by each method that runs it rather than above:
# the app builds this state before its first screen, the checker's word lists and
# patterns (some 35 ms) load with the first check, after that screen is drawn.

#: Goal fields that other goals' verdicts depend on (an owner's total load).
_SHARED_FIELDS = frozenset({"id", "owner", "hours_per_week", "start", "deadline"})


class SmartState:
    def __init__(self, today: dt.date | None = None) -> None:
        self._context: SmartContext | None = None
        self._verdicts: dict[int, SmartVerdict] = {}
        self.today = today or dt.date.today()

    def refresh_all(self, plan: Plan) -> None:
        from smplan.checks.smart import SmartContext, check_goal

        self._context = SmartContext.build(plan)
        lang = current_language()
        self._verdicts = {
            id(goal): check_goal(goal, plan, lang, self._context, today=self.today)
            for goal in plan.goals
        }

    def take(self, other: SmartState) -> None:
        """Take the verdicts of a full check (``other``): this state stays the one shown."""
        self._context, self._verdicts = other.parts()

    def parts(self) -> tuple[SmartContext | None, dict[int, SmartVerdict]]:
        """The plan context and the verdicts by goal (for :meth:`take`)."""
        return self._context, self._verdicts

    def for_findings(self, plan: Plan) -> tuple[SmartContext, list[SmartVerdict]]:
        """The context and every goal's verdict, in order, for :func:`run_checks`."""
        verdicts = [self.verdict(plan, goal) for goal in plan.goals]
        assert self._context is not None
        return self._context, verdicts

    def refresh_goal(self, plan: Plan, goal: Goal, field: str) -> SmartVerdict:
        """Re-check ``goal`` after its ``field`` changed."""
        from smplan.checks.smart import SmartContext, check_goal

        if self._context is None or field in _SHARED_FIELDS:
            self._context = SmartContext.build(plan)
        verdict = check_goal(goal, plan, current_language(), self._context, today=self.today)
        self._verdicts[id(goal)] = verdict
        return verdict

    def verdict(self, plan: Plan, goal: Goal) -> SmartVerdict:
        found = self._verdicts.get(id(goal))
        if found is None:
            from smplan.checks.smart import SmartContext, check_goal

            if self._context is None:
                self._context = SmartContext.build(plan)
            found = check_goal(goal, plan, current_language(), self._context, today=self.today)
            self._verdicts[id(goal)] = found
        return found

    def summary(self, plan: Plan) -> tuple[int, int]:
        """(goals that are fully SMART, goals)."""
        from smplan.checks.smart import smart_summary

        return smart_summary(self.verdict(plan, goal) for goal in plan.goals)
