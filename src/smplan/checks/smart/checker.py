"""The SMART checker: a verdict per letter for each goal, and findings for `smplan check`.

Pure functions over the plan model, fast enough to run on every keystroke:
build a :class:`SmartContext` once per plan change, then ``check_goal`` costs
well under a millisecond. The rules, thresholds and data files are described
in docs/smart.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from smplan.checks.smart.achievable import achievable
from smplan.checks.smart.context import SmartContext
from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.measurable import measurable
from smplan.checks.smart.relevant import relevant
from smplan.checks.smart.specific import specific
from smplan.checks.smart.time_bound import time_bound
from smplan.checks.smart.verdict import LETTER_KEYS, SmartVerdict
from smplan.findings import Finding, Level
from smplan.i18n import Lang, t
from smplan.keypath import KeyPath
from smplan.model import Goal, Plan


def check_goal(
    goal: Goal,
    plan: Plan,
    lang: Lang | None = None,
    context: SmartContext | None = None,
    *,
    today: dt.date | None = None,
) -> SmartVerdict:
    """The five letters of ``goal`` in the context of ``plan``.

    ``lang`` is the language of the reasons (default: the plan's). ``context``
    is built from ``plan`` when not given; ``today`` (default: the real today)
    decides whether a deadline has passed.
    """
    facts = GoalFacts.of(
        goal,
        context or SmartContext.build(plan),
        lang or plan.language,
        today or dt.date.today(),
    )
    letters = (
        specific(facts),
        measurable(facts),
        achievable(facts),
        relevant(facts),
        time_bound(facts),
    )
    return SmartVerdict(goal.id, letters)


def check_goals(
    plan: Plan, lang: Lang | None = None, *, today: dt.date | None = None
) -> list[SmartVerdict]:
    """A verdict for every goal of ``plan``, in the plan's order."""
    context = SmartContext.build(plan)
    day = today or dt.date.today()
    return [check_goal(goal, plan, lang, context, today=day) for goal in plan.goals]


def smart_summary(verdicts: Iterable[SmartVerdict]) -> tuple[int, int]:
    """(goals that are fully SMART, goals)."""
    listed = list(verdicts)
    return sum(1 for v in listed if v.fully_smart), len(listed)


def smart_findings(
    plan: Plan,
    lang: Lang | None = None,
    *,
    today: dt.date | None = None,
    context: SmartContext | None = None,
    verdicts: Sequence[SmartVerdict] | None = None,
) -> list[Finding]:
    """One finding per letter that does not pass, for `smplan check` and the app's list:
    a warning when it warns or fails, information when it could not be judged.

    ``context`` and ``verdicts`` (one per goal, in order, in ``lang``): work the
    app has done already for its scorecard, so it is not done twice.
    """
    language: Lang = lang or plan.language
    context = context or SmartContext.build(plan)
    day = today or dt.date.today()
    if verdicts is None or len(verdicts) != len(plan.goals):
        verdicts = [check_goal(goal, plan, language, context, today=day) for goal in plan.goals]
    findings: list[Finding] = []
    for index, (goal, verdict) in enumerate(zip(plan.goals, verdicts, strict=True)):
        name = goal.id or f"goals[{index}]"
        for letter in verdict.letters:
            if letter.state == "pass":
                continue
            path: KeyPath = ("goals", index, letter.field) if letter.field else ("goals", index)
            message = t(
                "smart.finding",
                language,
                goal=name,
                letter=t(f"smart.letter.{LETTER_KEYS[letter.letter]}", language),
                reason=letter.reason,
                fix=letter.fix,
            )
            code = f"smart-{LETTER_KEYS[letter.letter]}"
            level: Level = "info" if letter.state == "unjudged" else "warning"
            findings.append(Finding(level, code, message, path, subject=goal.id or None))
    for key in context.benchmarks.ignored:
        findings.append(
            Finding(
                "warning",
                "smart-benchmark",
                t("smart.ignored-benchmark", language, key=".".join(key)),
                key,
            )
        )
    return findings
