"""M: a baseline and a target in the KPI's unit, moving the right way, as the statement says.

A relative statement ("by 700", "sebesar 15%", "double") is measurable: with a
baseline the target follows and is proposed; without one, M says that the
baseline is what is missing.
"""

from __future__ import annotations

from decimal import Decimal

from smplan.checks.smart.changes import Change
from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.kpis import UnitKind
from smplan.checks.smart.statement import Quantity
from smplan.checks.smart.verdict import LetterVerdict, Notes
from smplan.i18n import t

#: The unit to suggest for KPIs not counted in things or money.
_SUGGESTED_UNIT: dict[UnitKind, str] = {
    "percent": "%",
    "ratio": "x",
    "duration": "minutes",
    "score": "points",
}


def _suggested_unit(facts: GoalFacts) -> str:
    assert facts.kpi is not None
    kind = facts.kpi.units[0]
    if kind == "money":
        return facts.context.currency
    return _SUGGESTED_UNIT.get(kind) or facts.kpi.label(facts.lang)


def audit_baseline(facts: GoalFacts) -> Decimal | None:
    """Today's value of the KPI as the audit profile of the goal's network records it."""
    profile = facts.context.profiles.get(facts.network or "")
    if profile is None or facts.kpi is None:
        return None
    if facts.kpi.id == "followers" and profile.followers is not None:
        return Decimal(profile.followers)
    if facts.kpi.id == "engagement-rate" and profile.engagement_rate is not None:
        return profile.engagement_rate
    return None


def _change_words(facts: GoalFacts, change: Change) -> str:
    """How the statement says the change: "by 700", "x2"."""
    if change.by is not None:
        return change.by.text
    return f"x{facts.number(change.factor or 1)}"


def _implied_targets(
    facts: GoalFacts, change: Change, baseline: Decimal
) -> list[tuple[Decimal, Decimal]]:
    """Targets (low, high) that "by 20%", "add 5,000" or "double" allow from ``baseline``.

    Generous on purpose: a field the words could mean agrees ("by 1%" of a rate
    may be one point), while :meth:`GoalFacts.implied_target` proposes one value.
    """
    sign = Decimal(-1) if change.down else Decimal(1)
    by = change.by
    if by is None:
        implied = baseline * (change.factor or 1)
        return [(implied * Decimal("0.98"), implied * Decimal("1.02"))]
    half = by.step / 2
    spans: list[tuple[Decimal, Decimal]] = []
    if by.unit == "percent":
        low = baseline * (1 + sign * (by.value - half) / 100)
        high = baseline * (1 + sign * (by.value + half) / 100)
        spans.append((min(low, high) - Decimal("0.5"), max(low, high) + Decimal("0.5")))
    if by.unit != "percent" or (facts.kpi is not None and "percent" in facts.kpi.units):
        # "Raise the engagement rate by 1%" may mean one point: 2.1% -> 3.1%.
        amount, step = by.value, half
        if by.minutes is not None and facts.unit_minutes is not None:
            amount = by.value * by.minutes / facts.unit_minutes
            step = half * by.minutes / facts.unit_minutes
        implied = baseline + sign * amount
        spans.append((implied - step, implied + step))
    if facts.kpi is not None and facts.kpi.growth == "rate":
        # "Grow followers 3% a month" states the rate itself.
        spans.append((by.value - half, by.value + half))
    return spans


def _disagreements(facts: GoalFacts) -> tuple[str, list[str], list[tuple[str, Decimal]]]:
    """The field to fix first, one "what: statement vs field" phrase per disagreement,
    and the values the statement gives for those fields."""
    statement, goal, lang = facts.statement, facts.goal, facts.lang
    if statement is None:
        return "", [], []
    found: list[tuple[str, str, str, Decimal | None]] = []
    minutes = facts.unit_minutes

    def against(field: str, quantity: Quantity, value: Decimal | None) -> None:
        if value is not None and not quantity.matches(value, minutes):
            stated = quantity.value
            if quantity.minutes is not None and minutes is not None:
                stated = quantity.value * quantity.minutes / minutes
            found.append((field, quantity.text, facts.value(value), facts.round_value(stated)))

    change = statement.change
    if change is not None and change.after is not None:
        if change.before is not None:
            against("baseline", change.before, goal.baseline)
        against("target", change.after, goal.target)
    elif change is not None and goal.target is not None:
        baseline = goal.baseline
        if baseline is not None:
            spans = _implied_targets(facts, change, baseline)
            if not any(low <= goal.target <= high for low, high in spans):
                implied = facts.implied_target(baseline)
                low, high = spans[0]
                shown = implied if implied is not None else (low + high) / 2
                said = f"{facts.value(shown)} ({_change_words(facts, change)})"
                found.append(("target", said, facts.value(goal.target), implied))
    elif goal.target is not None:
        candidates = facts.candidates()
        known = [v for v in (goal.target, goal.baseline) if v is not None]
        if candidates and not any(q.matches(v, minutes) for q in candidates for v in known):
            target = goal.target
            closest = min(candidates, key=lambda q: abs(q.value - target))
            found.append(("target", closest.text, facts.value(target), None))
    phrases = [
        t(
            "smart.measurable.disagree.item",
            lang,
            field=t(f"field.{field}", lang),
            stated=stated,
            value=value,
        )
        for field, stated, value, _raw in found
    ]
    values = [(field, raw) for field, _stated, _value, raw in found if raw is not None]
    return (found[0][0] if found else ""), phrases, values


def _target(facts: GoalFacts, notes: Notes) -> bool:
    """What M says about a missing target; True when it said the baseline is missing."""
    goal, label = facts.goal, facts.kpi_label
    stated = facts.stated_target()
    if stated is not None:
        issue = notes.warn(
            "target-in-statement", "target", value=stated.text, raw=facts.plain(stated.value)
        )
        issue.propose(stated.value, "statement")
        unit = facts.stated_unit(stated)
        if unit is not None and not goal.unit:
            issue.propose(unit, "statement", "unit")
        return False
    change = facts.change
    if change is None or not change.relative:
        notes.fail("no-target", "target", kpi=label)
        return False
    words = _change_words(facts, change)
    baseline = goal.baseline
    source = "statement"
    if baseline is None and facts.stated_baseline() is not None:
        baseline = facts.stated_baseline().value  # type: ignore[union-attr]
    if baseline is None:
        baseline, source = audit_baseline(facts), "audit"
    implied = facts.implied_target(baseline) if baseline is not None else None
    if baseline is None or implied is None:
        notes.warn("change-no-baseline", "baseline", kpi=label, change=words)
        return True
    issue = notes.warn(
        "target-from-change",
        "target",
        change=words,
        baseline=facts.value(baseline),
        value=facts.value(implied),
        raw=facts.plain(implied),
    )
    if goal.baseline is None:
        issue.propose(baseline, "audit" if source == "audit" else "statement", "baseline")
    issue.propose(implied, "statement")
    return False


def measurable(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("M", facts.lang)
    goal, kpi = facts.goal, facts.kpi
    baseline, target = goal.baseline, goal.target
    label = facts.kpi_label

    said_baseline = False
    if target is None:
        said_baseline = _target(facts, notes)
    if baseline is None and not said_baseline:
        audit = audit_baseline(facts)
        before = facts.stated_baseline()
        if before is not None:
            issue = notes.warn(
                "baseline-in-statement",
                "baseline",
                value=before.text,
                raw=facts.plain(before.value),
            )
            issue.propose(before.value, "statement")
        elif audit is not None:
            issue = notes.warn(
                "baseline-in-audit",
                "baseline",
                value=facts.value(audit),
                network=facts.network_label(),
                raw=facts.plain(audit),
            )
            issue.propose(audit, "audit")
        else:
            notes.warn("no-baseline", "baseline", kpi=label)

    if kpi is not None and facts.unit is not None and facts.unit not in kpi.units:
        suggestion = _suggested_unit(facts)
        issue = notes.fail("unit", "unit", unit=goal.unit, kpi=label, suggestion=suggestion)
        issue.propose(suggestion, "catalogue")
    if kpi is None and facts.unit is None:
        notes.warn("no-unit", "unit", kpi=label)

    low = kpi.low if kpi is not None else (Decimal(0) if facts.unit == "percent" else None)
    high = kpi.high if kpi is not None else (Decimal(100) if facts.unit == "percent" else None)
    for field, value in (("target", target), ("baseline", baseline)):
        if value is None:
            continue
        if (high is not None and value > high) or (low is not None and value < low):
            if low == 0 and high == 100:
                rule = "rate-range"
            elif high is not None:
                rule = "range"
            else:
                rule = "below"
            notes.fail(
                rule,
                field,
                field_name=t(f"field.{field}", facts.lang),
                value=facts.value(value),
                low=facts.number(low if low is not None else 0),
                high=facts.number(high if high is not None else 0),
                kpi=label,
            )

    if baseline is not None and target is not None:
        # Which way the target must move: the KPI's, else a "reduce" in the statement.
        change = facts.change
        going_down = (
            kpi.better == "down" if kpi is not None else (True if change and change.down else None)
        )
        moves = {"target": facts.value(target), "baseline": facts.value(baseline), "kpi": label}
        if target == baseline:
            notes.warn("no-change", "target", value=facts.value(target), kpi=label)
        elif going_down is False and target < baseline:
            notes.fail("wrong-way-up", "target", **moves)
        elif going_down is True and target > baseline:
            notes.fail("wrong-way-down", "target", **moves)

    field, phrases, stated = _disagreements(facts)
    if phrases:
        issue = notes.fail("disagree", field, details="; ".join(phrases))
        for at, value in stated:
            issue.propose(value, "statement", at)

    return notes.verdict(
        baseline=facts.value(baseline) if baseline is not None else "",
        target=facts.value(target) if target is not None else "",
        kpi=label,
    )
