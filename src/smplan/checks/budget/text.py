"""Amounts, hours, shares and week dates as a budget finding or view writes them.

The findings' messages and the tracker views (``smplan.presentation.budget``)
share these, so a number reads the same in the problems list and the tracker.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation, localcontext

from smplan.checks.budget.apportion import EXACT
from smplan.i18n import Lang, t
from smplan.i18n.formats import MONTHS_SHORT, format_money, format_number, format_percent

__all__ = ["hours_text", "money_text", "percent_text", "short_date"]


def money_text(amount: Decimal, currency: str, lang: Lang) -> str:
    """Money as the language writes it: ``Rp 60.000.000`` (id), ``IDR 60,000,000`` (en)."""
    with localcontext(EXACT):
        try:
            return format_money(amount, currency, lang)
        except (InvalidOperation, ValueError, OverflowError):
            return f"{currency} {amount}"


def hours_text(hours: Decimal, lang: Lang) -> str:
    """``12.5 h`` (en), ``12,5 jam`` (id)."""
    with localcontext(EXACT):
        try:
            number = format_number(hours, lang)
        except (InvalidOperation, ValueError, OverflowError):
            number = str(hours)
    return t("budget.hours", lang, hours=number)


def percent_text(fraction: Decimal | None, lang: Lang) -> str:
    """``0.583`` -> ``58%``; empty when there is nothing to compare with."""
    if fraction is None:
        return ""
    try:
        return format_percent(fraction * 100, lang, 0)
    except (InvalidOperation, ValueError, OverflowError):
        return ""


def short_date(day: dt.date, lang: Lang) -> str:
    """``4 Jan`` (en), ``4 Agu`` (id): a week's Monday in a narrow column."""
    return f"{day.day} {MONTHS_SHORT[lang][day.month - 1]}"
