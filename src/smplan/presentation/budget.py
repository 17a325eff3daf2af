"""Text views of a budget report, shared by the app and the Markdown export.

Bars drawn with block characters (eighths of a cell) or, for terminals and
wikis without them, plain ASCII; summary rows with every value already
formatted in the plan language. Pure: no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from smplan.checks.budget.apportion import ZERO
from smplan.checks.budget.hours import HoursReport, PersonLoad
from smplan.checks.budget.money import CATEGORIES, UNLINKED, MoneyReport
from smplan.checks.budget.report import BudgetReport
from smplan.checks.budget.text import hours_text, money_text, percent_text, short_date
from smplan.i18n import Lang, t
from smplan.i18n.formats import (
    format_month,
)

FULL_BLOCK = "█"
#: Partial cells from 1/8 to 7/8 (index = eighths).
PARTIAL_BLOCKS = " ▏▎▍▌▋▊▉"
ASCII_FULL = "#"
ASCII_EMPTY = "-"
#: Appended to a rendered row that is over its budget or capacity.
OVER_MARK = "!"


def _fraction(value: Decimal | float | int | None) -> Decimal:
    """``value`` as a Decimal held within 0..1 (None and NaN count as 0)."""
    if value is None:
        return ZERO
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if number.is_nan() or number <= 0:
        return ZERO
    return min(number, Decimal(1))


def bar(fraction: Decimal | float | int | None, width: int, *, ascii: bool = False) -> str:
    """A bar exactly ``width`` characters wide, filled to ``fraction`` (held within 0..1).

    Block characters fill to the nearest eighth of a cell; ``ascii`` fills whole
    cells with ``#`` on ``-``.
    """
    if width <= 0:
        return ""
    value = _fraction(fraction)
    if ascii:
        cells = int((value * width).to_integral_value(rounding=ROUND_HALF_UP))
        return ASCII_FULL * cells + ASCII_EMPTY * (width - cells)
    eighths = int((value * width * 8).to_integral_value(rounding=ROUND_HALF_UP))
    full, rest = divmod(eighths, 8)
    text = FULL_BLOCK * full + (PARTIAL_BLOCKS[rest] if rest else "")
    return text.ljust(width)


def ratio(part: Decimal, whole: Decimal | None) -> Decimal | None:
    """``part / whole``, or None when ``whole`` is missing or not positive."""
    if whole is None or whole <= 0:
        return None
    with localcontext() as context:
        context.prec = 28
        return part / whole


@dataclass(frozen=True)
class SummaryRow:
    """One line of a tracker table, every value already formatted."""

    label: str
    value: str
    #: The row's share of the whole (or of its own budget), e.g. ``58%``; may be empty.
    share: str = ""
    #: How full its bar is, 0..1 (more than 1 is drawn full); None: no bar.
    fraction: Decimal | None = None
    over: bool = False


def _of(part: str, whole: str, lang: Lang) -> str:
    return t("budget.value-of", lang, part=part, whole=whole)


def overview_rows(report: BudgetReport, lang: Lang) -> list[SummaryRow]:
    """Money committed and remaining, team hours, and what falls outside them."""
    money, hours = report.money, report.hours
    currency = money.currency
    rows: list[SummaryRow] = []
    committed = money_text(money.committed, currency, lang)
    if money.available is None:
        value = _of(committed, t("budget.label.not-set", lang), lang)
        rows.append(SummaryRow(t("budget.label.committed", lang), value))
    else:
        used = ratio(money.committed, money.available)
        value = _of(committed, money_text(money.available, currency, lang), lang)
        rows.append(
            SummaryRow(
                t("budget.label.committed", lang), value, percent_text(used, lang), used, money.over
            )
        )
        remaining = money.remaining if money.remaining is not None else ZERO
        left = ratio(remaining, money.available)
        rows.append(
            SummaryRow(
                t("budget.label.remaining", lang),
                money_text(remaining, currency, lang),
                percent_text(left, lang),
                left,
                remaining < 0,
            )
        )
    if money.undated:
        rows.append(
            SummaryRow(t("budget.label.undated", lang), money_text(money.undated, currency, lang))
        )
    if money.outside:
        rows.append(
            SummaryRow(t("budget.label.outside", lang), money_text(money.outside, currency, lang))
        )
    used_hours = ratio(hours.assigned_total, hours.capacity_total)
    rows.append(
        SummaryRow(
            t("budget.label.hours", lang),
            _of(
                hours_text(hours.assigned_total, lang), hours_text(hours.capacity_total, lang), lang
            ),
            percent_text(used_hours, lang),
            used_hours,
            bool(hours.over_people),
        )
    )
    if hours.unassigned_hours:
        rows.append(
            SummaryRow(t("budget.label.unassigned", lang), hours_text(hours.unassigned_hours, lang))
        )
    return rows


def _share_rows(
    amounts: Iterable[tuple[str, Decimal]], money: MoneyReport, lang: Lang
) -> list[SummaryRow]:
    rows = []
    for label, amount in amounts:
        share = ratio(amount, money.committed)
        rows.append(
            SummaryRow(
                label, money_text(amount, money.currency, lang), percent_text(share, lang), share
            )
        )
    return rows


def category_label(category: str, lang: Lang) -> str:
    """The name of a key of ``MoneyReport.by_category``, for people."""
    if category == "tools":
        return t("budget.label.tools", lang)
    if category == "allocations":
        return t("budget.label.allocations", lang)
    return t("budget.label.content", lang)


def category_rows(money: MoneyReport, lang: Lang) -> list[SummaryRow]:
    """Tools, allocations and content production, each with its share of the committed money."""
    return _share_rows(
        ((category_label(name, lang), money.by_category.get(name, ZERO)) for name in CATEGORIES),
        money,
        lang,
    )


def _ranked(
    amounts: Mapping[str, Decimal], none_label: str, names: Mapping[str, str] | None
) -> list[tuple[str, Decimal]]:
    ordered = sorted(amounts.items(), key=lambda pair: (-pair[1], pair[0]))
    named = names or {}
    return [
        (named.get(key, key) if key != UNLINKED else none_label, amount) for key, amount in ordered
    ]


def network_rows(money: MoneyReport, lang: Lang) -> list[SummaryRow]:
    """Money per network, largest first; tools and unlinked money on their own row."""
    return _share_rows(
        _ranked(money.by_network, t("budget.label.no-network", lang), None), money, lang
    )


def goal_rows(
    money: MoneyReport, lang: Lang, names: Mapping[str, str] | None = None
) -> list[SummaryRow]:
    """Money per goal, largest first; ``names`` maps goal ids to labels to show."""
    return _share_rows(_ranked(money.by_goal, t("budget.label.no-goal", lang), names), money, lang)


def month_rows(money: MoneyReport, lang: Lang) -> list[SummaryRow]:
    """Spending per month; with a budget, against the month's even share of it.

    Bars share one scale (the largest month or share) so months compare at a glance.
    """
    shares = money.budget_by_month
    scale = max([*money.by_month.values(), *shares.values(), ZERO])
    rows = []
    for month, spent in money.by_month.items():
        share = shares.get(month)
        text = money_text(spent, money.currency, lang)
        if share is not None:
            text = _of(text, money_text(share, money.currency, lang), lang)
        rows.append(
            SummaryRow(
                format_month(month, lang),
                text,
                percent_text(ratio(spent, share), lang) if share is not None else "",
                ratio(spent, scale) or ZERO,
                share is not None and spent > share,
            )
        )
    return rows


def people_rows(hours: HoursReport, lang: Lang) -> list[SummaryRow]:
    """Each team member's assigned hours against their capacity."""
    rows = []
    for person in hours.people:
        used = ratio(person.assigned_total, person.capacity_total)
        capacity = (
            hours_text(person.capacity_total, lang)
            if person.capacity_known
            else t("budget.label.not-set", lang)
        )
        rows.append(
            SummaryRow(
                person.name,
                _of(hours_text(person.assigned_total, lang), capacity, lang),
                percent_text(used, lang),
                used,
                person.over or bool(person.over_weeks),
            )
        )
    if hours.unassigned_hours:
        rows.append(
            SummaryRow(t("budget.label.unassigned", lang), hours_text(hours.unassigned_hours, lang))
        )
    return rows


def week_rows(person: PersonLoad, lang: Lang) -> list[SummaryRow]:
    """One person's hours week by week (label: the Monday) against their weekly hours."""
    rows = []
    capacity = person.capacity_per_week
    over = set(person.over_weeks)
    for week, assigned in person.by_week.items():
        used = ratio(assigned, capacity)
        rows.append(
            SummaryRow(
                short_date(week, lang),
                _of(hours_text(assigned, lang), hours_text(capacity, lang), lang),
                percent_text(used, lang),
                used if used is not None else (Decimal(1) if assigned > 0 else ZERO),
                week in over,
            )
        )
    return rows


def render_rows(
    rows: Iterable[SummaryRow], *, bar_width: int = 20, ascii: bool = False
) -> list[str]:
    """Rows as aligned lines: label, value, share, bar, and ``!`` when over."""
    rows = list(rows)
    if not rows:
        return []
    label_width = max(len(row.label) for row in rows)
    value_width = max(len(row.value) for row in rows)
    share_width = max(len(row.share) for row in rows)
    lines = []
    for row in rows:
        parts = [row.label.ljust(label_width), row.value.rjust(value_width)]
        if share_width:
            parts.append(row.share.rjust(share_width))
        if row.fraction is not None:
            parts.append(bar(row.fraction, bar_width, ascii=ascii))
        if row.over:
            parts.append(OVER_MARK)
        lines.append("  ".join(parts).rstrip())
    return lines


def gauge(report: BudgetReport, lang: Lang, *, width: int = 10, ascii: bool = False) -> str:
    """A one-line money and hours gauge: ``Budget ██████▌   65%  Hours ████   40%``."""
    money, hours = report.money, report.hours
    parts = []
    if money.available is None:
        parts.append(f"{t('budget.label.budget', lang)} {t('budget.label.not-set', lang)}")
    else:
        used = ratio(money.committed, money.available)
        mark = OVER_MARK if money.over else ""
        parts.append(
            f"{t('budget.label.budget', lang)} {bar(used, width, ascii=ascii)} "
            f"{percent_text(used, lang)}{mark}".rstrip()
        )
    used_hours = ratio(hours.assigned_total, hours.capacity_total)
    mark = OVER_MARK if hours.over_people else ""
    if used_hours is None:
        parts.append(
            f"{t('budget.label.hours', lang)} {hours_text(hours.assigned_total, lang)}{mark}"
        )
    else:
        parts.append(
            f"{t('budget.label.hours', lang)} {bar(used_hours, width, ascii=ascii)} "
            f"{percent_text(used_hours, lang)}{mark}"
        )
    return "  ".join(parts)


__all__ = [
    "ASCII_EMPTY",
    "ASCII_FULL",
    "FULL_BLOCK",
    "OVER_MARK",
    "PARTIAL_BLOCKS",
    "SummaryRow",
    "bar",
    "category_label",
    "category_rows",
    "gauge",
    "goal_rows",
    "hours_text",
    "money_text",
    "month_rows",
    "network_rows",
    "overview_rows",
    "people_rows",
    "percent_text",
    "ratio",
    "render_rows",
    "short_date",
    "week_rows",
]
