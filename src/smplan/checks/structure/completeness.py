"""How far each step of the plan has been written: empty, started or complete, and what is missing.

Each step has a rule: a few things the method asks for (the audit's profiles,
half its questions answered, competitors and a SWOT analysis...). A step is
complete when all of them are there, started when any of them is or anything
else has been written, and empty otherwise. What a new plan comes with (the
starter's review cadence, its "Untitled plan") does not start a step.
:func:`step_progress` says which parts are still missing, in the user's
language, so that the app can show the rule where the step is edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from smplan.i18n import LANGUAGES, Lang, t
from smplan.model import AUDIT_QUESTIONS, SWOT_QUADRANTS, Plan

Completeness = Literal["empty", "partial", "complete"]
#: Marks readable without colour.
MARKS: dict[Completeness, str] = {"empty": "○", "partial": "◐", "complete": "●"}
#: A calendar that covers a quarter is a plan; fewer months is a start.
CALENDAR_MONTHS = 3


@dataclass(frozen=True, slots=True)
class Progress:
    state: Completeness
    #: What the step still needs to be complete, as phrases in the user's language.
    missing: tuple[str, ...]


#: (holds, what it asks for) for each part of a step's rule.
Part = tuple[bool, str]


def _grade(parts: list[Part], started: bool = False) -> Progress:
    missing = tuple(phrase for holds, phrase in parts if not holds)
    if not missing:
        return Progress("complete", ())
    begun = started or len(missing) < len(parts)
    return Progress("partial" if begun else "empty", missing)


def _plan(plan: Plan, lang: Lang | None) -> Progress:
    info = plan.plan
    untitled = {t("plan.untitled", language) for language in LANGUAGES}
    return _grade(
        [
            (bool(info.title) and info.title not in untitled, t("progress.plan.title", lang)),
            (bool(info.period_start and info.period_end), t("progress.plan.period", lang)),
            (bool(info.currency), t("progress.plan.currency", lang)),
        ]
    )


def _audit(plan: Plan, lang: Lang | None) -> Progress:
    audit = plan.audit
    answered = sum(1 for q in AUDIT_QUESTIONS if getattr(audit.answers, q))
    half = len(AUDIT_QUESTIONS) // 2
    quadrants = sum(1 for q in SWOT_QUADRANTS if getattr(audit.swot, q))
    return _grade(
        [
            (bool(audit.profiles), t("progress.audit.profiles", lang)),
            (
                answered >= half,
                t("progress.audit.answers", lang, half=half, total=len(AUDIT_QUESTIONS),
                  answered=answered),
            ),
            (bool(audit.competitors), t("progress.audit.competitors", lang)),
            (quadrants == len(SWOT_QUADRANTS), t("progress.audit.swot", lang, filled=quadrants)),
        ],
        started=bool(audit.summary or answered or quadrants),
    )  # fmt: skip


def _personas(plan: Plan, lang: Lang | None) -> Progress:
    people = plan.personas
    if not people:
        return _grade([(False, t("progress.personas.one", lang))])
    short = sum(1 for p in people if not (p.name and p.sources and (p.fears or p.desires)))
    return _grade([(not short, t("progress.personas.whole", lang, count=short))], started=True)


def _resources(plan: Plan, lang: Lang | None) -> Progress:
    res = plan.resources
    return _grade(
        [
            (res.budget is not None, t("progress.resources.budget", lang)),
            (bool(res.team), t("progress.resources.team", lang)),
            (bool(res.tools or res.allocations), t("progress.resources.tools", lang)),
        ]
    )


def _goals(plan: Plan, lang: Lang | None) -> Progress:
    goals = plan.goals
    short = sum(1 for g in goals if not (g.kpi and g.target is not None and g.deadline and g.owner))
    whole = (bool(goals) and not short, t("progress.goals.whole", lang, count=short))
    return _grade(
        [
            (bool(plan.objectives), t("progress.goals.objectives", lang)),
            whole if goals else (False, t("progress.goals.one", lang)),
        ],
        started=bool(goals),
    )


def _strategy(plan: Plan, lang: Lang | None) -> Progress:
    return _grade(
        [
            (bool(plan.strategy.pillars), t("progress.strategy.pillars", lang)),
            (bool(plan.strategy.networks), t("progress.strategy.networks", lang)),
        ]
    )


def _calendar(plan: Plan, lang: Lang | None) -> Progress:
    if not plan.calendar:
        return _grade([(False, t("progress.calendar.one", lang))])
    months = len({(i.date.year, i.date.month) for i in plan.calendar if i.date})
    needed = t("progress.calendar.months", lang, needed=CALENDAR_MONTHS, months=months)
    return _grade([(months >= CALENDAR_MONTHS, needed)], started=True)


def _measurement(plan: Plan, lang: Lang | None) -> Progress:
    m = plan.measurement
    # The starter's cadence alone does not start the step: results, reviews or tools do.
    progress = _grade(
        [
            (m.cadence is not None, t("progress.measurement.cadence", lang)),
            (bool(m.results), t("progress.measurement.results", lang)),
            (bool(m.reviews), t("progress.measurement.reviews", lang)),
        ],
        started=bool(m.tools),
    )
    if progress.state == "partial" and not (m.results or m.reviews or m.tools):
        return Progress("empty", progress.missing)
    return progress


_BY_STEP: dict[int, Callable[[Plan, Lang | None], Progress]] = {
    0: _plan,
    1: _audit,
    2: _personas,
    3: _resources,
    4: _goals,
    5: _strategy,
    6: _calendar,
    7: _measurement,
}


def step_progress(plan: Plan, step: int, lang: Lang | None = None) -> Progress:
    """How far ``step`` is written, and what it still misses (in ``lang``)."""
    return _BY_STEP[step](plan, lang)


def step_completeness(plan: Plan, step: int) -> Completeness:
    return step_progress(plan, step).state
