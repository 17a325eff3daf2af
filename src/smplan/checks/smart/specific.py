"""S: one KPI on one network, said without vague words or hedges."""

from __future__ import annotations

from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.statement import APPROXIMATE, HEDGE, VAGUE
from smplan.checks.smart.verdict import LetterVerdict, Notes
from smplan.i18n import t


def example_change(facts: GoalFacts) -> str:
    """A worked example of a specific change, with the goal's own numbers when it has them."""
    goal = facts.goal
    if goal.baseline is not None and goal.target is not None:
        return t(
            "smart.example.change",
            facts.lang,
            baseline=facts.value(goal.baseline),
            target=facts.value(goal.target),
            kpi=facts.kpi_label,
        )
    return t("smart.example.generic", facts.lang)


def specific(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("S", facts.lang)
    goal, statement = facts.goal, facts.statement
    if statement is None:
        notes.fail("no-statement", "statement")
    else:
        vague = statement.first(VAGUE, with_number=False) or statement.first(
            HEDGE, with_number=False
        )
        if vague is not None:
            notes.fail("vague", "statement", word=vague.word, example=example_change(facts))
        hedge = statement.first(HEDGE, with_number=True)
        if hedge is not None:
            notes.warn("hedge", "statement", word=hedge.word)
        approximate = statement.first(APPROXIMATE)
        if approximate is not None:
            notes.warn("approximate", "statement", word=approximate.word)

    if facts.kpi is None and facts.free_kpi is None:
        notes.fail("no-kpi", "kpi")
    stated_kpis = statement.kpis if statement else ()
    if len(stated_kpis) > 1:
        labels = ", ".join(k.label(facts.lang) for k in stated_kpis)
        notes.warn("several-kpis", "statement", kpis=labels)
    elif stated_kpis and facts.kpi is not None and stated_kpis[0].family != facts.kpi.family:
        issue = notes.warn(
            "kpi-disagree", "kpi", stated=stated_kpis[0].label(facts.lang), field=facts.kpi_label
        )
        issue.propose(stated_kpis[0].id, "statement")

    stated_networks = statement.networks if statement else ()
    if len(stated_networks) > 1:
        names = ", ".join(facts.network_label(n) for n in stated_networks)
        notes.warn("several-networks", "statement", networks=names)
    elif goal.network and stated_networks and stated_networks[0] != goal.network:
        issue = notes.warn(
            "network-disagree",
            "network",
            stated=facts.network_label(stated_networks[0]),
            field=facts.network_label(goal.network),
        )
        issue.propose(stated_networks[0], "statement")
    if facts.network is None:
        strategy = facts.context.strategy_networks
        issue = notes.warn("no-network", "network", example=(strategy or ("instagram",))[0])
        if len(strategy) == 1:
            issue.propose(strategy[0], "plan")
    return notes.verdict(kpi=facts.kpi_label, network=facts.network_label())
