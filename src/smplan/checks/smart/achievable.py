"""A: someone in the team owns it, has the hours and the money, and the target is within reach.

Growth targets are compared with typical organic growth for the network and the
account's size: the monthly growth the goal needs, g = (target / baseline) ^
(1 / months) - 1, over the typical figure gives a ratio r. Engagement-rate
targets are compared with the network's median for the same denominator.
"""

from __future__ import annotations

from decimal import Decimal

from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.verdict import LetterVerdict, Notes
from smplan.i18n import t

_DAYS_PER_MONTH = 30.4375
#: Growth beyond this (in % a month) is shown as this: the verdict is the same.
_GROWTH_CAP = 1e6


def _choices(ids: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f'"{i}"' for i in ids[:5])


def _workload(facts: GoalFacts, notes: Notes, owner: str) -> None:
    member = facts.context.team[owner]
    need = facts.context.weekly_hours(facts.goal)
    if need <= 0:
        return

    def _hours(value: Decimal) -> str:
        return facts.rounded(value, 1)

    name = member.name or owner
    capacity = member.hours_per_week
    if capacity is None:
        notes.warn("no-capacity", "owner", owner=name, id=owner, need=_hours(need))
        return
    if need > capacity:
        field = "hours_per_week" if facts.goal.hours_per_week else "owner"
        notes.fail("overloaded", field, owner=name, need=_hours(need), capacity=_hours(capacity))
        return
    others = facts.context.other_loads(facts.goal, owner)
    total = need + sum((load.weekly for load in others), Decimal(0))
    if total > capacity:
        notes.warn(
            "owner-busy",
            "owner",
            owner=name,
            need=_hours(total),
            capacity=_hours(capacity),
            goals=len(others) + 1,
        )


def _months(facts: GoalFacts) -> float | None:
    goal = facts.goal
    if goal.start and goal.deadline and goal.deadline > goal.start:
        return (goal.deadline - goal.start).days / _DAYS_PER_MONTH
    return None


def _monthly_growth(factor: float, months: float) -> float:
    """Monthly growth in % that multiplies an audience by ``factor`` in ``months``."""
    try:
        growth: float = (factor ** (1 / months) - 1) * 100
        return min(growth, _GROWTH_CAP)
    except OverflowError:
        return _GROWTH_CAP


def _growth(facts: GoalFacts, notes: Notes, funded: bool) -> None:
    kpi, goal = facts.kpi, facts.goal
    if kpi is None or kpi.growth is None or goal.target is None:
        return
    bench = facts.context.benchmarks
    profile = facts.context.profiles.get(facts.network or "")
    audience = Decimal(profile.followers) if profile and profile.followers is not None else None
    if kpi.growth == "count":
        baseline = goal.baseline if goal.baseline is not None else audience
        months = _months(facts)
        if baseline is None or baseline <= 0 or goal.target <= baseline or not months:
            return
        needed = _monthly_growth(float(goal.target) / float(baseline), months)
        size = baseline
    else:
        needed = float(goal.target)
        size = audience if audience is not None else goal.baseline or Decimal(0)
    typical = bench.typical_growth(facts.network, size)
    if typical is None or typical <= 0 or needed <= 0:
        return
    ratio = needed / float(typical)
    values = {
        "needed": facts.percent(needed),
        "typical": facts.percent(typical),
        "ratio": facts.ratio(ratio),
        "network": facts.network_label(),
    }
    if ratio > float(bench.rule("growth_fail")):
        if funded:
            notes.warn("growth-steep-funded", "target", **values)
        else:
            notes.fail("growth-steep", "target", **values)
    elif ratio > float(bench.rule("growth_stretch")):
        if funded:
            notes.note("growth-funded", **values)
        else:
            notes.warn("growth-stretch", "target", **values)
    elif ratio > float(bench.rule("growth_ambitious")):
        notes.note("growth-ambitious", **values)
    else:
        notes.note("growth-ok", **values)


def _current_rate(facts: GoalFacts) -> Decimal | None:
    """The account's own engagement rate today: the baseline, else the audit's figure."""
    if facts.goal.baseline is not None:
        return facts.goal.baseline
    profile = facts.context.profiles.get(facts.network or "")
    if profile is not None and facts.kpi is not None and facts.kpi.engagement == "followers":
        return profile.engagement_rate
    return None


def _engagement(facts: GoalFacts, notes: Notes) -> None:
    """Compare the target with the network's median, or with today's rate when that is higher.

    An account already well above the median is judged against itself: doubling
    its own rate is the stretch, not doubling the median.
    """
    kpi, goal = facts.kpi, facts.goal
    if kpi is None or kpi.engagement is None or goal.target is None:
        return
    bench = facts.context.benchmarks
    median = bench.engagement_median(kpi.engagement, facts.network)
    if median is None or median <= 0:
        return
    current = _current_rate(facts)
    if current is not None and current > median:
        reference, base = t("smart.word.current", facts.lang, value=facts.percent(current)), current
    else:
        network = facts.network_label()
        reference = t("smart.word.median", facts.lang, network=network, value=facts.percent(median))
        base = median
    ratio = float(goal.target / base)
    values = {
        "target": facts.percent(goal.target),
        "reference": reference,
        "ratio": facts.ratio(ratio),
        "suggestion": facts.percent(base * bench.rule("engagement_stretch")),
    }
    if ratio > float(bench.rule("engagement_fail")):
        notes.fail("engagement-steep", "target", **values)
    elif ratio > float(bench.rule("engagement_stretch")):
        notes.warn("engagement-stretch", "target", **values)


def achievable(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("A", facts.lang)
    goal, context = facts.goal, facts.context
    team = list(context.team)
    owner = goal.owner
    if not team:
        notes.fail("no-team", "owner")
    elif not owner:
        notes.fail("no-owner", "owner", choices=_choices(team))
    elif owner not in context.team:
        notes.fail("owner-not-in-team", "owner", owner=owner, choices=_choices(team))
    else:
        _workload(facts, notes, owner)

    money = context.money.get(goal.id, Decimal(0)) if goal.id else Decimal(0)
    if facts.kpi is not None and facts.kpi.paid and money <= 0:
        unlinked = context.unlinked_allocations.get(facts.network or "", ())
        if unlinked:
            notes.fail(
                "paid-unlinked", "kpi", kpi=facts.kpi_label, allocation=unlinked[0], id=goal.id
            )
        else:
            notes.fail("paid-no-money", "kpi", kpi=facts.kpi_label, id=goal.id)
    _growth(facts, notes, funded=money > 0)
    _engagement(facts, notes)

    member = context.team.get(owner or "")
    name = (member.name or owner) if member is not None else (owner or "")
    return notes.verdict(owner=name)
