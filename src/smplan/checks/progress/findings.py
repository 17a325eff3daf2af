"""`smplan check` on goals' results: ``goal-behind`` and ``goal-missed`` warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from smplan.checks.progress.pace import GoalProgress
from smplan.checks.progress.plan import plan_progress
from smplan.checks.progress.values import goal_value
from smplan.findings import Finding
from smplan.i18n import Lang, t
from smplan.i18n.formats import format_date, format_percent
from smplan.model import Goal, Plan

#: Days in an average month: paces are told per month, as marketers plan them.
DAYS_PER_MONTH = Decimal("30.4375")


def progress_findings(
    plan: Plan,
    lang: Lang | None = None,
    *,
    today: dt.date | None = None,
    progress: Sequence[GoalProgress] | None = None,
) -> list[Finding]:
    """A warning for each goal behind its pace, and for each past its deadline unreached.

    ``today`` is the reference day (default: the real date); ``progress``: each
    goal's progress already worked out for that day, in the plan's order.
    """
    language: Lang = lang or plan.language
    day = today or dt.date.today()
    found = list(progress) if progress is not None else plan_progress(plan, day)
    findings: list[Finding] = []
    for index, item in enumerate(found):
        goal = item.goal
        if item.verdict not in ("behind", "missed") or item.latest is None:
            continue
        assert item.target is not None and item.percent is not None

        def value(figure: Decimal, goal: Goal = goal) -> str:
            return goal_value(figure, goal, plan.currency, language)

        name = goal.id or f"goals[{index}]"
        shared = {
            "goal": name,
            "percent": format_percent(item.percent, language),
            "date": format_date(item.latest[0], language),
            "latest": value(item.latest[1]),
            "target": value(item.target),
        }
        if item.verdict == "behind":
            assert item.elapsed is not None and item.shortfall is not None
            outlook = (
                t("pace.outlook.projected", language, target=shared["target"],
                  projected=format_date(item.projected, language))
                if item.projected is not None
                else t("pace.outlook.never", language, target=shared["target"])
            )  # fmt: skip
            message = t(
                "pace.behind",
                language,
                elapsed=format_percent(item.elapsed, language),
                shortfall=value(item.shortfall),
                needed=value(_per_month(item.pace_needed)),
                so_far=value(_per_month(item.pace_so_far)),
                outlook=outlook,
                **shared,
            )
            code = "goal-behind"
        else:
            assert item.deadline is not None
            message = t(
                "pace.missed", language, deadline=format_date(item.deadline, language), **shared
            )
            if item.reached_late is not None:
                message += t(
                    "pace.missed-late", language, late=format_date(item.reached_late, language)
                )
            code = "goal-missed"
        findings.append(
            Finding("warning", code, message, ("goals", index), subject=goal.id or None)
        )
    return findings


def _per_month(pace: Decimal | None) -> Decimal:
    """A pace per day as a pace per month; an unknown pace as none."""
    return (pace or Decimal(0)) * DAYS_PER_MONTH
