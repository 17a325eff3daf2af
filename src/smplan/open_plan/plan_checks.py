"""Working out what the app shows about the whole plan: SMART verdicts, budget, findings.

On a plan of a few dozen items this takes milliseconds and runs as soon as
typing pauses. On a plan of thousands it takes a good part of a second, so it
runs in a worker thread while the user goes on typing: the thread only reads the
model, and a result that an edit has overtaken is replaced by the next one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smplan.findings import Finding
from smplan.i18n import current_language
from smplan.model import Plan
from smplan.open_plan.smart_state import SmartState

if TYPE_CHECKING:
    from smplan.checks.budget import BudgetReport
    from smplan.checks.rhythm import NetworkRhythm

#: Seconds of quiet typing before the plan's findings are worked out again.
FINDINGS_DELAY = 0.3
#: Plans bigger than this (calendar items plus ten per goal) are checked in a thread.
BACKGROUND_SIZE = 800


@dataclass(slots=True)
class CheckResult:
    smart: SmartState
    budget: BudgetReport
    #: The posting rhythm of each network card with ``posts_per_week``.
    rhythm: list[NetworkRhythm]
    #: Findings without lines yet: the app locates them in the file's text.
    findings: list[Finding]


def plan_size(plan: Plan) -> int:
    return len(plan.calendar) + 10 * len(plan.goals)


def check_plan(plan: Plan, today: dt.date) -> CheckResult:
    """Every check of ``plan``, in the interface language."""
    # The checks load with the first check, which the app runs once its first
    # screen is drawn, not with the app.
    from smplan.checks import run_checks
    from smplan.checks.budget import compute_budget
    from smplan.checks.rhythm import rhythm

    smart = SmartState(today)
    smart.refresh_all(plan)
    budget = compute_budget(plan)
    networks = rhythm(plan)
    lang = current_language()
    findings = run_checks(
        plan, lang, budget=budget, smart=smart.for_findings(plan), rhythm=networks, today=today
    )
    return CheckResult(smart, budget, networks, findings)
