"""Progress and pace of goals toward their targets, from their results. Pure functions.

- ``pace``: one goal's progress, pace and verdict (:func:`goal_progress`);
- ``plan``: every goal of a plan (:func:`plan_progress`);
- ``findings``: ``goal-behind`` and ``goal-missed`` for `smplan check`;
- ``values``: a goal's figures written with its unit, in either language.

The rules are described in docs/smart.md ("Progress and pace").
"""

from __future__ import annotations

from smplan.checks.progress.findings import progress_findings
from smplan.checks.progress.pace import (
    Direction,
    GoalProgress,
    Reading,
    Verdict,
    goal_progress,
    share_of_way,
)
from smplan.checks.progress.plan import plan_progress

__all__ = [
    "Direction",
    "GoalProgress",
    "Reading",
    "Verdict",
    "goal_progress",
    "plan_progress",
    "progress_findings",
    "share_of_way",
]
