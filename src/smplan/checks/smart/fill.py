"""Fill a goal's empty fields from what its statement says.

A pure function: it returns proposals (field, value), in the goal form's order,
and changes nothing; the interface applies them as one undoable edit. Only
empty fields are filled, and only with what the statement determines: one
network, one KPI, the baseline ("from 12,400"), the target (said outright, or
computed from the baseline: "by 700", "sebesar 15%", "double"), the unit its
figures carry ("%", "Rp", "hours"), the start ("from 1 July", "mulai 1 Juli")
and the deadline the words name exactly ("in 30 days", "pada bulan ini").
"""

from __future__ import annotations

import datetime as dt

from smplan.checks.smart.context import SmartContext
from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.verdict import Proposal, ProposedValue
from smplan.i18n import Lang
from smplan.model import Goal, Plan


def fill_from_statement(
    goal: Goal,
    plan: Plan,
    lang: Lang | None = None,
    *,
    context: SmartContext | None = None,
    today: dt.date | None = None,
) -> tuple[Proposal, ...]:
    """Every empty field of ``goal`` that its statement determines, with the value to set."""
    context = context or SmartContext.build(plan)
    language: Lang = lang or plan.language
    day = today or dt.date.today()
    facts = GoalFacts.of(goal, context, language, day)
    statement = facts.statement
    if statement is None:
        return ()
    found: list[Proposal] = []

    def propose(field: str, value: ProposedValue) -> None:
        found.append(Proposal(field, value, "statement"))

    if not goal.network and len(statement.networks) == 1:
        propose("network", statement.networks[0])
    if not goal.kpi and len(statement.kpis) == 1:
        propose("kpi", statement.kpis[0].id)

    baseline = goal.baseline
    before = facts.stated_baseline()
    if baseline is None and before is not None:
        baseline = before.value
        propose("baseline", before.value)
    if goal.target is None:
        stated = facts.stated_target()
        if stated is not None:
            propose("target", stated.value)
        elif baseline is not None:
            implied = facts.implied_target(baseline)
            if implied is not None:
                propose("target", implied)
    if not goal.unit:
        unit = _unit(facts)
        if unit is not None:
            propose("unit", unit)

    start = goal.start
    opening = facts.stated_start()
    if start is None and opening is not None:
        start = opening[0]
        propose("start", start)
    if goal.deadline is None:
        # Lengths and relative frames count from the start, the one just read too.
        dated = facts if start == goal.start else _with_start(goal, start, facts)
        named = dated.stated_deadline()
        if named is not None:
            propose("deadline", named.exact)
    return tuple(found)


def _unit(facts: GoalFacts) -> str | None:
    """The unit the statement's figures carry: its target's, else its baseline's or change's."""
    change = facts.change
    figures = [facts.stated_target(), facts.stated_baseline()]
    if change is not None:
        figures.append(change.by)
    rate = facts.kpi is not None and "percent" in facts.kpi.units
    for figure in figures:
        if figure is None or not figure.unit:
            continue
        if figure.unit == "percent" and change is not None and figure is change.by and not rate:
            continue  # "by 15%" of a count says nothing of the unit; of a rate it does
        return facts.stated_unit(figure)
    return None


def _with_start(goal: Goal, start: dt.date | None, facts: GoalFacts) -> GoalFacts:
    moved = goal.model_copy(update={"start": start})
    return GoalFacts.of(moved, facts.context, facts.lang, facts.today)
