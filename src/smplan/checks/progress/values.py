"""A goal's figures as readers write them: 12,850 followers; 2.5%; Rp 3.000; 4 hours."""

from __future__ import annotations

from decimal import Decimal

from smplan.checks.smart.facts import unit_kind
from smplan.checks.smart.kpis import find_kpi
from smplan.i18n import Lang
from smplan.i18n.formats import format_money, format_number, round_half_up
from smplan.model import Goal


def goal_value(value: Decimal, goal: Goal, currency: str, lang: Lang) -> str:
    """``value`` in the goal's unit, rounded as it is read (two decimals at most)."""
    kind, _minutes = unit_kind(goal.unit, currency)
    kpi = find_kpi(goal.kpi)
    kind = kind or (kpi.units[0] if kpi is not None else "count")
    if kind == "money":
        code = goal.unit.strip().upper() if goal.unit and len(goal.unit.strip()) == 3 else currency
        return format_money(value, code, lang)
    number = format_number(_tidy(value), lang)
    if kind == "percent":
        return f"{number}%"
    if kind == "ratio":
        return f"{number}x"
    unit = (goal.unit or "").strip()
    return f"{number} {unit}" if unit else number


def typed_value(value: Decimal, goal: Goal | None, lang: Lang | None = None) -> str:
    """``value`` as it was typed, with the goal's unit: ``12,850 followers``, ``3.2%``.

    Unlike :func:`goal_value` nothing is rounded or guessed from the KPI: a result
    in a list reads the way it was entered, in the unit the goal names.
    """
    number = format_number(value, lang)
    unit = (goal.unit or "").strip() if goal is not None else ""
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _tidy(value: Decimal) -> Decimal:
    rounded = round_half_up(value, 2)
    if rounded == rounded.to_integral_value():
        return rounded.quantize(Decimal(1))
    return rounded.normalize()
