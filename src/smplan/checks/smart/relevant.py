"""R: the goal serves an objective, on a network of the strategy, for a persona."""

from __future__ import annotations

from decimal import Decimal

from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.kpis import kinds_in, kpis_for
from smplan.checks.smart.verdict import LetterVerdict, Notes
from smplan.i18n import t


def _choices(ids: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f'"{i}"' for i in ids[:5])


def _kinds(facts: GoalFacts, kinds: tuple[str, ...]) -> str:
    return ", ".join(t(f"smart.kind.{kind}", facts.lang) for kind in kinds)


def _reply_minutes(facts: GoalFacts) -> Decimal | None:
    goal = facts.goal
    if facts.kpi is None or facts.kpi.family != "response-time" or goal.target is None:
        return None
    if facts.unit_minutes is None:
        return None
    return goal.target * facts.unit_minutes


def _kpi_fits(facts: GoalFacts, notes: Notes, objective: str) -> None:
    """Whether the KPI measures what the objective is about; not judged without a KPI.

    A KPI outside the catalogue is judged by the kinds its own words name
    ("newsletter sign-ups": leads), else not judged.
    """
    kinds = facts.context.objective_kinds.get(objective, ())
    suggestions = kpis_for(kinds)
    kpi = facts.kpi
    kpi_kinds = kpi.kinds if kpi is not None else kinds_in(facts.free_kpi or "")
    if kpi is not None and set(kpi_kinds) & set(kinds):
        return  # the common case, checked on every keystroke: nothing to say
    words = t("smart.word.or", facts.lang).join(k.label(facts.lang) for k in suggestions)
    if kpi is None and facts.free_kpi is None:
        issue = notes.unjudged("no-kpi", "kpi", objective=objective, suggestions=words)
        if suggestions:
            issue.propose(suggestions[0].id, "catalogue")
        return
    if not kinds:
        notes.unjudged("objective-kind", "objective", objective=objective)
        return
    if not kpi_kinds:
        notes.unjudged("free-kpi", "kpi", kpi=facts.kpi_label, suggestions=words)
        return
    if not set(kpi_kinds) & set(kinds):
        issue = notes.warn(
            "kpi-kind",
            "kpi",
            kpi=facts.kpi_label,
            kpi_kinds=_kinds(facts, kpi_kinds),
            objective=objective,
            kinds=_kinds(facts, kinds),
            suggestions=words,
        )
        if suggestions:
            issue.propose(suggestions[0].id, "catalogue")


def relevant(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("R", facts.lang)
    goal, context = facts.goal, facts.context
    objectives = list(context.objectives)
    if not objectives:
        notes.fail("no-objectives", "objective")
    elif not goal.objective:
        issue = notes.fail("no-objective", "objective", choices=_choices(objectives))
        if len(objectives) == 1:
            issue.propose(objectives[0], "plan")
    elif goal.objective not in context.objectives:
        notes.fail(
            "objective-missing", "objective", ref=goal.objective, choices=_choices(objectives)
        )
    else:
        _kpi_fits(facts, notes, goal.objective)

    networks = context.strategy_networks
    if facts.network and networks and facts.network not in networks:
        notes.warn(
            "network-not-in-strategy",
            "network",
            network=facts.network_label(),
            id=facts.network,
            networks=", ".join(facts.network_label(n) for n in networks),
        )

    if not goal.personas:
        example = sorted(context.personas)[0] if context.personas else "rina"
        issue = notes.warn("no-persona", "personas", example=example)
        if len(context.personas) == 1:
            issue.propose((example,), "plan")
    else:
        missing = [p for p in goal.personas if p not in context.personas]
        if missing:
            notes.warn(
                "persona-missing",
                "personas",
                ref=missing[0],
                choices=_choices(sorted(context.personas)),
            )

    minutes = _reply_minutes(facts)
    hours = context.benchmarks.rule("reply_hours")
    if minutes is not None and minutes > hours * 60:
        notes.warn(
            "slow-reply",
            "target",
            value=facts.value(goal.target or Decimal(0)),
            hours=facts.number(hours),
        )

    return notes.verdict(objective=goal.objective or "", personas=", ".join(goal.personas))
