"""Checks of a plan: structure, SMART goals, budget and capacity. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.findings import LEVEL_ORDER, Finding
from smplan.i18n import Lang
from smplan.model import Plan

if TYPE_CHECKING:
    from smplan.checks.budget import BudgetReport
    from smplan.checks.rhythm import NetworkRhythm
    from smplan.checks.smart import SmartContext, SmartVerdict


def run_checks(
    plan: Plan,
    lang: Lang | None = None,
    *,
    budget: BudgetReport | None = None,
    smart: tuple[SmartContext, Sequence[SmartVerdict]] | None = None,
    rhythm: Sequence[NetworkRhythm] | None = None,
    plan_dir: Path | None = None,
    today: dt.date | None = None,
) -> list[Finding]:
    """Every finding about ``plan`` that does not need the file's text.

    ``budget`` and ``smart``: a budget report and SMART verdicts already worked
    out for this plan (the app's tracker and scorecard), so they are not worked
    out twice after an edit; ``rhythm`` likewise, the posting rhythm per network
    (the tracker shows it). ``plan_dir``: the plan's folder, where persona
    photos are looked for (`smplan check` gives it). ``today``: the reference
    day (default: the real date) on which deadlines pass and goals fall behind.
    """
    # Imported here, not above: the app's first screen needs only the completeness
    # marks (checks.structure.completeness), and the rest of the checks (some 45 ms
    # of imports) load once that screen is drawn.
    from smplan.checks.budget import budget_findings
    from smplan.checks.photos import photo_findings
    from smplan.checks.progress import progress_findings
    from smplan.checks.rhythm import rhythm_findings
    from smplan.checks.smart import smart_findings
    from smplan.checks.structure.references import check_structure

    findings = check_structure(plan, lang)
    if smart is None:
        findings += smart_findings(plan, lang, today=today)
    else:
        findings += smart_findings(plan, lang, context=smart[0], verdicts=smart[1], today=today)
    findings += budget_findings(plan, lang, budget, today=today)
    findings += progress_findings(plan, lang, today=today)
    findings += rhythm_findings(plan, lang, rhythm)
    if plan_dir is not None:
        findings += photo_findings(plan, plan_dir, lang)
    return findings


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.file or "", f.line or 0, LEVEL_ORDER[f.level], f.code),
    )
