"""Write a goal's statement from its fields, in the plan's language.

"Grow Instagram followers from 2,300 to 3,600 between 1 July and 31 December 2026";
"Menambah pengikut Instagram dari 2.300 menjadi 3.600 mulai 1 Juli hingga 31
Desember 2026". A pure function: the user accepts or edits the draft. Numbers,
money and dates are written the plan's way (:mod:`smplan.i18n.formats`), and
the draft reads back as the same goal: the checker finds the same KPI,
network, baseline, target and dates in it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from smplan.checks.smart.facts import NETWORK_NAMES, unit_kind
from smplan.checks.smart.kpis import Kpi, find_kpi
from smplan.i18n import Lang, t
from smplan.i18n.formats import MONTHS, format_date, format_money, format_number
from smplan.model import Goal, Plan


def draft_statement(goal: Goal, plan: Plan, lang: Lang | None = None) -> str | None:
    """A statement for ``goal`` from its fields, or None when it has no KPI to name.

    What the fields leave out, the draft leaves out: a goal with no baseline
    reads "to 3,600", one with only a deadline "by 31 December 2026".
    """
    language: Lang = lang or plan.language
    kpi = find_kpi(goal.kpi)
    kpi_words = kpi.said(language) if kpi is not None else (goal.kpi or "").strip()
    if not kpi_words:
        return None
    network = NETWORK_NAMES.get(goal.network or "", goal.network or "")
    subject = t(
        "smart.draft.subject",
        language,
        verb=_verb(goal, kpi, plan, language),
        network=network,
        kpi=kpi_words,
    )
    parts = [" ".join(subject.split())]  # no double space when there is no network
    if goal.target is not None:
        target = _value(goal.target, goal, kpi, plan, language)
        if goal.baseline is not None:
            baseline = _value(goal.baseline, goal, kpi, plan, language)
            parts.append(t("smart.draft.change", language, baseline=baseline, target=target))
        else:
            parts.append(t("smart.draft.target", language, target=target))
    parts.append(_dates(goal.start, goal.deadline, language))
    return " ".join(part for part in parts if part)


def _verb(goal: Goal, kpi: Kpi | None, plan: Plan, lang: Lang) -> str:
    """Grow a count, raise a rate or an amount, cut what goes down."""
    if goal.baseline is not None and goal.target is not None:
        going_down = goal.target < goal.baseline
    else:
        going_down = kpi is not None and kpi.better == "down"
    if going_down:
        return t("smart.draft.cut", lang)
    kind, _minutes = unit_kind(goal.unit, plan.currency)
    kind = kind or (kpi.units[0] if kpi is not None else "count")
    return t("smart.draft.grow" if kind == "count" else "smart.draft.raise", lang)


def _value(value: Decimal, goal: Goal, kpi: Kpi | None, plan: Plan, lang: Lang) -> str:
    """A baseline or target written in full, with its unit: 2,300; 2.1%; Rp 3.000; 4 hours."""
    kind, _minutes = unit_kind(goal.unit, plan.currency)
    kind = kind or (kpi.units[0] if kpi is not None else None)
    number = format_number(value, lang)
    if kind == "percent":
        return f"{number}%"
    if kind == "money":
        currency = goal.unit if goal.unit and len(goal.unit.strip()) == 3 else plan.currency
        return format_money(value, currency.strip().upper(), lang)
    if kind == "ratio":
        return f"{number}x"
    if kind == "duration":
        unit = (goal.unit or t("smart.draft.minutes", lang)).strip()
        if lang == "en" and value == 1 and unit.endswith("s"):
            unit = unit[:-1]  # "1 hour", not "1 hours"
        return f"{number} {unit}"
    return number


def _dates(start: dt.date | None, deadline: dt.date | None, lang: Lang) -> str:
    if start is not None and deadline is not None and deadline >= start:
        if start.year == deadline.year:
            opening = f"{start.day} {MONTHS[lang][start.month - 1]}"
        else:
            opening = format_date(start, lang)
        return t("smart.draft.between", lang, start=opening, deadline=format_date(deadline, lang))
    if deadline is not None:
        return t("smart.draft.by", lang, deadline=format_date(deadline, lang))
    if start is not None:
        return t("smart.draft.starting", lang, start=format_date(start, lang))
    return ""
