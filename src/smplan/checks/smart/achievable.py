"""A: someone in the team owns it, has the hours and the money, and the target is within reach.

Reach is judged against what is typical, and the letter says when it could not
judge (no KPI, no target, no dates, no benchmark, no baseline): never a silent
pass.

- Followers: the monthly growth the goal needs, g = (target / baseline) ^
  (1 / months) - 1, over typical organic growth for the network and the
  account's size gives a ratio r. Without a baseline, a relative change ("by
  15%", "double") still gives g; an absolute one gives the smallest account that
  could make it at ``growth_fail`` x typical growth, and a goal only accounts of
  ``large_account`` followers or more could reach is flagged.
- Engagement rates: the target against the network's median for the same
  denominator (the highest median of any network when the network is unknown).
- Any other KPI: against the goal's own pace, from its results before the start.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import Decimal

from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.measurable import audit_baseline
from smplan.checks.smart.verdict import LetterVerdict, Notes
from smplan.i18n import t

DAYS_PER_MONTH = 30.4375
#: Growth beyond this (in % a month) is shown as this: the verdict is the same.
_GROWTH_CAP = 1e6
Tiers = tuple[tuple[int, Decimal], ...]


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


def dates_of(facts: GoalFacts) -> tuple[dt.date | None, dt.date | None]:
    """The goal's start and deadline as the goal says them: the fields, else the
    statement's, else the plan's start."""
    goal = facts.goal
    start = goal.start
    if start is None:
        stated = facts.stated_start()
        start = stated[0] if stated is not None else facts.context.period[0]
    deadline = goal.deadline
    if deadline is None:
        named = facts.stated_deadline()
        deadline = named.exact if named is not None else None
    return start, deadline


def months_of(facts: GoalFacts) -> float | None:
    """Months from the start to the deadline, both days counted (1 to 31 January is one)."""
    start, deadline = dates_of(facts)
    if start and deadline and deadline >= start:
        return ((deadline - start).days + 1) / DAYS_PER_MONTH
    return None


def target_of(facts: GoalFacts) -> Decimal | None:
    """The target field, else the target the statement says outright."""
    if facts.goal.target is not None:
        return facts.goal.target
    stated = facts.stated_target()
    return stated.value if stated is not None else None


def monthly_growth(factor: float, months: float) -> float:
    """Monthly growth in % that multiplies a figure by ``factor`` in ``months``."""
    try:
        growth: float = (factor ** (1 / months) - 1) * 100
        return min(growth, _GROWTH_CAP)
    except (OverflowError, ZeroDivisionError):
        return _GROWTH_CAP


def _network_tiers(facts: GoalFacts) -> dict[str, Tiers]:
    """Growth tiers of the goal's network, or of every network when it has none."""
    growth = facts.context.benchmarks.growth
    if facts.network:
        tiers = growth.get(facts.network)
        return {facts.network: tiers} if tiers else {}
    return {network: tiers for network, tiers in growth.items() if tiers}


def _rates(tiers: Iterable[Tiers]) -> list[float]:
    return [float(rate) for table in tiers for _floor, rate in table if rate > 0]


def smallest_account(
    need: float, months: float, tiers: Iterable[Tiers], multiple: float, gain: bool
) -> float | None:
    """The fewest followers from which ``need`` is within ``multiple`` x typical growth.

    ``gain``: ``need`` is followers to add ("1,000 new followers"); else the
    count to reach. Growth slows as accounts grow, so each size tier is tried.
    """
    best: float | None = None
    for table in tiers:
        for index, (floor, rate) in enumerate(table):
            ceiling = table[index + 1][0] if index + 1 < len(table) else math.inf
            try:
                grown = (1 + multiple * float(rate) / 100) ** months
            except OverflowError:
                grown = math.inf
            spread = grown - 1 if gain else grown
            if spread <= 0:
                continue
            size = max(need / spread, float(floor))
            if size < ceiling and (best is None or size < best):
                best = size
    return best


#: The advice at each rung of the growth ladder: (steep and funded, steep, stretch and
#: funded, stretch, ambitious, ok). A code in NOTES is said as a note, not a finding.
GROWTH_CODES = (
    "growth-steep-funded", "growth-steep", "growth-funded", "growth-stretch",
    "growth-ambitious", "growth-ok",
)  # fmt: skip
OWN_PACE_CODES = (
    "own-pace-stretch", "own-pace-steep", "own-pace-ambitious", "own-pace-stretch",
    "own-pace-ambitious", "own-pace-ok",
)  # fmt: skip


def _ratio_verdict(
    facts: GoalFacts,
    notes: Notes,
    ratio: float,
    funded: bool,
    values: dict[str, str],
    codes: tuple[str, ...] = GROWTH_CODES,
) -> None:
    """The growth rules: ok, ambitious, a stretch, steep, by the ratio to typical.

    The same ladder judges growth against the network's typical growth and, with
    ``OWN_PACE_CODES``, against the goal's own pace before its start.
    """
    bench = facts.context.benchmarks
    values = {**values, "ratio": facts.ratio(ratio)}
    steep_funded, steep, stretch_funded, stretch, ambitious, ok = codes
    if ratio > float(bench.rule("growth_fail")):
        if funded:
            notes.warn(steep_funded, "target", **values)
        else:
            notes.fail(steep, "target", **values)
    elif ratio > float(bench.rule("growth_stretch")):
        if funded:
            notes.note(stretch_funded, **values)
        else:
            notes.warn(stretch, "target", **values)
    elif ratio > float(bench.rule("growth_ambitious")):
        notes.note(ambitious, **values)
    else:
        notes.note(ok, **values)


def _network_word(facts: GoalFacts) -> str:
    return facts.network_label() if facts.network else t("smart.word.any-network", facts.lang)


def _round_up(value: float) -> Decimal:
    """Two significant figures, rounded up: 98,270 -> 99,000."""
    if value <= 0 or not math.isfinite(value):
        return Decimal(0)
    step = 10 ** max(math.floor(math.log10(value)) - 1, 0)
    return Decimal(math.ceil(value / step) * step)


def _growth_count(facts: GoalFacts, notes: Notes, funded: bool) -> None:
    goal = facts.goal
    months = months_of(facts)
    if months is None:
        notes.unjudged("no-dates", "deadline")
        return
    tiers = _network_tiers(facts)
    if not tiers:
        notes.unjudged("no-network-growth", "network", network=facts.network_label())
        return
    before = facts.stated_baseline()
    baseline = goal.baseline if goal.baseline is not None else (before.value if before else None)
    if baseline is None:
        baseline = audit_baseline(facts)
    target = target_of(facts)
    if target is None and baseline is not None:
        target = facts.implied_target(baseline)
    bench = facts.context.benchmarks
    if baseline is not None and baseline > 0 and target is not None:
        if target <= baseline:
            notes.note("no-growth")
            return
        needed = monthly_growth(float(target / baseline), months)
        if facts.network is None:
            _growth_any_network(facts, notes, funded, needed, baseline)
            return
        typical = bench.typical_growth(facts.network, baseline)
        if typical is None or typical <= 0:
            notes.unjudged("no-network-growth", "network", network=facts.network_label())
            return
        values = {
            "needed": facts.percent(needed),
            "typical": facts.percent(typical),
            "network": facts.network_label(),
        }
        _ratio_verdict(facts, notes, needed / float(typical), funded, values)
        return
    change = facts.change
    if target is None and change is not None and change.relative:
        by = change.by
        if by is None or by.unit == "percent":
            factor = float(change.factor or 1)
            if by is not None:
                factor = 1 + float(by.value) / 100
            if factor <= 1:
                notes.note("no-growth")
                return
            _growth_any_size(facts, notes, funded, monthly_growth(factor, months), tiers)
            return
        _growth_no_baseline(facts, notes, float(by.value), months, tiers, gain=True)
        return
    if target is None:
        notes.unjudged("no-target", "target")
        return
    _growth_no_baseline(facts, notes, float(target), months, tiers, gain=False)


def _growth_any_network(
    facts: GoalFacts, notes: Notes, funded: bool, needed: float, size: Decimal
) -> None:
    """Followers with a baseline but no network: judged when every network agrees."""
    bench = facts.context.benchmarks
    rates = [
        float(rate)
        for network in bench.growth
        if (rate := bench.typical_growth(network, size)) is not None and rate > 0
    ]
    if not rates:
        notes.unjudged("no-network", "network")
        return
    slowest, fastest = min(rates), max(rates)
    values = {"needed": facts.percent(needed), "network": _network_word(facts)}
    if needed / slowest <= float(bench.rule("growth_stretch")):
        notes.note("growth-any-size", **values)
    elif needed / fastest > float(bench.rule("growth_fail")) and not funded:
        notes.fail("growth-steep-any-size", "target", ratio=facts.ratio(needed / fastest), **values)
    else:
        notes.unjudged("no-network", "network", **values)


def _growth_any_size(
    facts: GoalFacts, notes: Notes, funded: bool, needed: float, tiers: dict[str, Tiers]
) -> None:
    """A relative growth with no baseline: judged when the verdict is the same for any size."""
    rates = _rates(tiers.values())
    if not rates or needed <= 0:
        notes.note("no-growth")
        return
    bench = facts.context.benchmarks
    values = {"needed": facts.percent(needed), "network": _network_word(facts)}
    slowest, fastest = min(rates), max(rates)
    if needed / slowest <= float(bench.rule("growth_stretch")):
        notes.note("growth-any-size", **values)
    elif needed / fastest > float(bench.rule("growth_fail")):
        values["ratio"] = facts.ratio(needed / fastest)
        if funded:
            notes.warn("growth-steep-funded", "target", typical=facts.percent(fastest), **values)
        else:
            notes.fail("growth-steep-any-size", "target", **values)
    elif needed / fastest > float(bench.rule("growth_stretch")):
        values["ratio"] = facts.ratio(needed / fastest)
        if funded:
            notes.note("growth-funded", typical=facts.percent(fastest), **values)
        else:
            notes.warn("growth-stretch-any-size", "target", **values)
    else:
        notes.unjudged("size-unknown", "baseline", kpi=facts.kpi_label, **values)


def _growth_no_baseline(
    facts: GoalFacts,
    notes: Notes,
    need: float,
    months: float,
    tiers: dict[str, Tiers],
    gain: bool,
) -> None:
    """An absolute goal with no baseline: the smallest account that could reach it."""
    bench = facts.context.benchmarks
    multiple = float(bench.rule("growth_fail"))
    smallest = smallest_account(need, months, tiers.values(), multiple, gain)
    if smallest is None:
        notes.unjudged("no-network-growth", "network", network=facts.network_label())
        return
    aim = t(
        "smart.word.aim-gain" if gain else "smart.word.aim-target",
        facts.lang,
        value=facts.number(Decimal(str(need)).to_integral_value()),
    )
    values = {
        "minimum": facts.number(_round_up(smallest)),
        "kpi": facts.kpi_label,
        "aim": aim,
        "fail": facts.number(bench.rule("growth_fail")),
        "network": _network_word(facts),
    }
    if smallest >= float(bench.rule("large_account")):
        notes.warn("growth-far", "target", **values)
    else:
        notes.unjudged("no-baseline", "baseline", **values)


def _growth_rate(facts: GoalFacts, notes: Notes, funded: bool, target: Decimal) -> None:
    """The follower growth rate KPI: its target is the monthly growth itself."""
    tiers = _network_tiers(facts)
    if not tiers:
        notes.unjudged("no-network-growth", "network", network=facts.network_label())
        return
    needed = float(target)
    profile = facts.context.profiles.get(facts.network or "")
    if profile is not None and profile.followers is not None and facts.network:
        typical = facts.context.benchmarks.typical_growth(facts.network, Decimal(profile.followers))
        if typical is not None and typical > 0:
            values = {
                "needed": facts.percent(needed),
                "typical": facts.percent(typical),
                "network": facts.network_label(),
            }
            _ratio_verdict(facts, notes, needed / float(typical), funded, values)
            return
    _growth_any_size(facts, notes, funded, needed, tiers)


def _current_rate(facts: GoalFacts) -> Decimal | None:
    """The account's own engagement rate today: the baseline, else the audit's figure."""
    if facts.goal.baseline is not None:
        return facts.goal.baseline
    profile = facts.context.profiles.get(facts.network or "")
    if profile is not None and facts.kpi is not None and facts.kpi.engagement == "followers":
        return profile.engagement_rate
    return None


def _engagement(facts: GoalFacts, notes: Notes, target: Decimal) -> None:
    """Compare the target with the network's median, or with today's rate when that is higher.

    An account already well above the median is judged against itself: doubling
    its own rate is the stretch, not doubling the median. With no median for the
    network (or no network), the highest median of any network is the most
    generous reference: a target far above even that is judged; one below is not.
    """
    kpi = facts.kpi
    assert kpi is not None
    bench = facts.context.benchmarks
    median = bench.engagement_median(kpi.engagement, facts.network)
    known = median is not None and median > 0
    network = facts.network_label()
    if not known:
        medians = bench.engagement.get(kpi.engagement or "", {})
        if not medians:
            notes.unjudged("no-benchmark", "target", kpi=facts.kpi_label)
            return
        network, median = max(medians.items(), key=lambda item: item[1])
        network = facts.network_label(network)
    assert median is not None
    current = _current_rate(facts)
    if current is not None and current > median:
        reference, base = t("smart.word.current", facts.lang, value=facts.percent(current)), current
    else:
        reference = t("smart.word.median", facts.lang, network=network, value=facts.percent(median))
        base = median
    ratio = float(target / base)
    values = {
        "target": facts.percent(target),
        "reference": reference,
        "ratio": facts.ratio(ratio),
        "suggestion": facts.percent(base * bench.rule("engagement_stretch")),
    }
    if ratio > float(bench.rule("engagement_fail")):
        notes.fail("engagement-steep", "target", **values)
    elif ratio > float(bench.rule("engagement_stretch")):
        notes.warn("engagement-stretch", "target", **values)
    elif known:
        notes.note("engagement-ok", **values)
    else:
        notes.unjudged(
            "no-median",
            "network",
            network=facts.network_label() or "?",
            denominator=kpi.engagement or "",
        )


def _own_pace(facts: GoalFacts, notes: Notes, funded: bool, target: Decimal) -> None:
    """Any other KPI: the pace the goal needs against its own pace before the start."""
    goal, kpi = facts.goal, facts.kpi
    assert kpi is not None
    start, _deadline = dates_of(facts)
    months = months_of(facts)
    label = facts.kpi_label
    if start is None or months is None:
        notes.unjudged("no-dates", "deadline")
        return
    points: list[tuple[dt.date, Decimal]] = [
        (r.date, r.value)
        for r in facts.context.results_of(goal)
        if r.date is not None and r.value is not None and r.date < start
    ]
    baseline = goal.baseline
    if baseline is not None:
        points.append((start, baseline))
    elif points:
        baseline = points[-1][1]
    if len(points) < 2 or baseline is None or points[0][0] == points[-1][0]:
        notes.unjudged("no-benchmark", "target", kpi=label)
        return
    (first_day, first), (last_day, last) = points[0], points[-1]
    down = kpi.better == "down"
    if min(first, last, baseline, target) <= 0:
        notes.unjudged("no-benchmark", "target", kpi=label)
        return
    past_months = (last_day - first_day).days / DAYS_PER_MONTH
    past = monthly_growth(float(first / last if down else last / first), past_months)
    needed = monthly_growth(float(baseline / target if down else target / baseline), months)
    values = {"needed": facts.percent(needed), "past": facts.percent(past), "kpi": label}
    if needed <= 0:
        notes.note("no-growth")
        return
    if past <= 0:
        notes.warn("own-pace-flat", "target", **values)
        return
    _ratio_verdict(facts, notes, needed / past, funded, values, OWN_PACE_CODES)


def _reach(facts: GoalFacts, notes: Notes, funded: bool) -> None:
    """Judge whether the target is within reach, or say what it would take to judge it."""
    kpi = facts.kpi
    if kpi is None:
        if facts.free_kpi is not None:
            notes.unjudged("no-benchmark", "kpi", kpi=facts.free_kpi)
        else:
            notes.unjudged("no-kpi", "kpi")
        return
    if kpi.growth == "count":
        _growth_count(facts, notes, funded)
        return
    target = target_of(facts)
    if target is None:
        notes.unjudged("no-target", "target")
        return
    if kpi.growth == "rate":
        _growth_rate(facts, notes, funded, target)
    elif kpi.engagement is not None:
        _engagement(facts, notes, target)
    else:
        _own_pace(facts, notes, funded, target)


def achievable(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("A", facts.lang)
    goal, context = facts.goal, facts.context
    team = list(context.team)
    owner = goal.owner
    if not team:
        notes.fail("no-team", "owner")
    elif not owner:
        issue = notes.fail("no-owner", "owner", choices=_choices(team))
        if len(team) == 1:
            issue.propose(team[0], "plan")
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
    _reach(facts, notes, funded=money > 0)

    member = context.team.get(owner or "")
    name = (member.name or owner) if member is not None else (owner or "")
    return notes.verdict(owner=name or "?", kpi=facts.kpi_label, target=_target_text(facts))


def _target_text(facts: GoalFacts) -> str:
    target = facts.goal.target
    return facts.value(target) if target is not None else "?"
