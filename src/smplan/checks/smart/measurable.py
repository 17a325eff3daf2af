"""M: a baseline and a target in the KPI's unit, moving the right way, as the statement says."""

from __future__ import annotations

from decimal import Decimal

from smplan.checks.smart.facts import GoalFacts
from smplan.checks.smart.kpis import UnitKind
from smplan.checks.smart.statement import Change, Quantity
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


def _audit_baseline(facts: GoalFacts) -> Decimal | None:
    """Today's value of the KPI as the audit profile of the goal's network records it."""
    profile = facts.context.profiles.get(facts.network or "")
    if profile is None or facts.kpi is None:
        return None
    if facts.kpi.id == "followers" and profile.followers is not None:
        return Decimal(profile.followers)
    if facts.kpi.id == "engagement-rate" and profile.engagement_rate is not None:
        return profile.engagement_rate
    return None


def _implied_targets(
    facts: GoalFacts, change: Change, baseline: Decimal
) -> list[tuple[Decimal, Decimal]]:
    """Targets (low, high) that "by 20%", "add 5,000" or "double" allow from ``baseline``."""
    sign = Decimal(-1) if change.down else Decimal(1)
    if change.factor is not None:
        implied = baseline * change.factor
        return [(implied * Decimal("0.98"), implied * Decimal("1.02"))]
    by = change.by
    assert by is not None
    half = by.step / 2
    spans: list[tuple[Decimal, Decimal]] = []
    if by.unit == "percent":
        low = baseline * (1 + sign * (by.value - half) / 100)
        high = baseline * (1 + sign * (by.value + half) / 100)
        spans.append((min(low, high) - Decimal("0.5"), max(low, high) + Decimal("0.5")))
    if by.unit != "percent" or (facts.kpi is not None and "percent" in facts.kpi.units):
        # "Raise the engagement rate by 1%" may mean one point: 2.1% -> 3.1%.
        implied = baseline + sign * by.value
        spans.append((implied - half, implied + half))
    if facts.kpi is not None and facts.kpi.growth == "rate":
        # "Grow followers 3% a month" states the rate itself.
        spans.append((by.value - half, by.value + half))
    return spans


def _disagreements(facts: GoalFacts) -> tuple[str, list[str]]:
    """The field to fix first and one "what: statement vs field" phrase per disagreement."""
    statement, goal, lang = facts.statement, facts.goal, facts.lang
    if statement is None:
        return "", []
    found: list[tuple[str, str, str]] = []
    minutes = facts.unit_minutes

    def against(field: str, quantity: Quantity, value: Decimal | None) -> None:
        if value is not None and not quantity.matches(value, minutes):
            found.append((field, quantity.text, facts.value(value)))

    change = statement.change
    if change is not None and change.after is not None and change.before is not None:
        against("baseline", change.before, goal.baseline)
        against("target", change.after, goal.target)
    elif change is not None and goal.target is not None:
        baseline = goal.baseline
        if baseline is not None:
            spans = _implied_targets(facts, change, baseline)
            if not any(low <= goal.target <= high for low, high in spans):
                low, high = spans[0]
                words = (
                    change.by.text
                    if change.by is not None
                    else f"x{facts.number(change.factor or 1)}"
                )
                said = f"{facts.value((low + high) / 2)} ({words})"
                found.append(("target", said, facts.value(goal.target)))
    elif goal.target is not None:
        candidates = facts.candidates()
        known = [v for v in (goal.target, goal.baseline) if v is not None]
        if candidates and not any(q.matches(v, minutes) for q in candidates for v in known):
            target = goal.target
            closest = min(candidates, key=lambda q: abs(q.value - target))
            found.append(("target", closest.text, facts.value(target)))
    phrases = [
        t("smart.measurable.disagree.item", lang, field=field, stated=stated, value=value)
        for field, stated, value in found
    ]
    return (found[0][0] if found else ""), phrases


def measurable(facts: GoalFacts) -> LetterVerdict:
    notes = Notes("M", facts.lang)
    goal, kpi = facts.goal, facts.kpi
    baseline, target = goal.baseline, goal.target
    label = facts.kpi_label

    if target is None:
        stated = facts.stated_target()
        if stated is not None:
            notes.warn(
                "target-in-statement", "target", value=stated.text, raw=facts.plain(stated.value)
            )
        else:
            notes.fail("no-target", "target", kpi=label)
    if baseline is None:
        change = facts.statement.change if facts.statement else None
        audit = _audit_baseline(facts)
        if change is not None and change.before is not None:
            before = change.before
            notes.warn(
                "baseline-in-statement",
                "baseline",
                value=before.text,
                raw=facts.plain(before.value),
            )
        elif audit is not None:
            notes.warn(
                "baseline-in-audit",
                "baseline",
                value=facts.value(audit),
                network=facts.network_label(),
                raw=facts.plain(audit),
            )
        else:
            notes.warn("no-baseline", "baseline", kpi=label)

    if kpi is not None and facts.unit is not None and facts.unit not in kpi.units:
        notes.fail("unit", "unit", unit=goal.unit, kpi=label, suggestion=_suggested_unit(facts))
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
                field_name=field,
                value=facts.value(value),
                low=facts.number(low if low is not None else 0),
                high=facts.number(high if high is not None else 0),
                kpi=label,
            )

    if baseline is not None and target is not None:
        # Which way the target must move: the KPI's, else a "reduce" in the statement.
        change = facts.statement.change if facts.statement else None
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

    field, phrases = _disagreements(facts)
    if phrases:
        notes.fail("disagree", field, details="; ".join(phrases))

    return notes.verdict(
        baseline=facts.value(baseline) if baseline is not None else "",
        target=facts.value(target) if target is not None else "",
        kpi=label,
    )
