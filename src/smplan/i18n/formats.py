"""Numbers, money and dates as English and Indonesian readers write them.

English: ``12,400``, ``2.5%``, ``IDR 60,000,000``, ``30 June 2027``.
Indonesian: ``12.400``, ``2,5%``, ``Rp 60.000.000``, ``30 Juni 2027``.
The plan file always stores plain numbers; these are for display only.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from smplan.i18n.catalogue import Lang, current_language

MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
}
MONTHS_SHORT: dict[Lang, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
}
#: Separators: (thousands, decimal).
SEPARATORS: dict[Lang, tuple[str, str]] = {"en": (",", "."), "id": (".", ",")}

#: Digits after the decimal mark when showing money. Rupiah, yen, won and dong are
#: written without minor units in practice.
MINOR_UNITS: dict[str, int] = {"IDR": 0, "JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0}
#: Symbols written before the amount, by language; other currencies use their code.
SYMBOLS: dict[Lang, dict[str, str]] = {
    "en": {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "AUD": "A$", "SGD": "S$"},
    "id": {"IDR": "Rp", "USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "SGD": "S$", "MYR": "RM"},
}


def _lang(lang: Lang | None) -> Lang:
    return lang or current_language()


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(
    value: Decimal | int | float, lang: Lang | None = None, decimals: int | None = None
) -> str:
    """``12400`` -> ``12,400`` (en) or ``12.400`` (id).

    With ``decimals`` the value is rounded half up to that many places; without,
    it keeps its own places, trailing zeros dropped.
    """
    thousands, point = SEPARATORS[_lang(lang)]
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = format(number, "f")
    else:
        text = format(number.normalize(), "f") if number != 0 else "0"
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    whole, _, fraction = text.partition(".")
    out = sign + _group(whole, thousands)
    return out + point + fraction if fraction else out


def format_percent(
    value: Decimal | int | float, lang: Lang | None = None, decimals: int = 1
) -> str:
    """``2.5`` -> ``2.5%`` (en) or ``2,5%`` (id); whole values lose the ``.0``."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return format_number(rounded, lang, 0) + "%"
    return format_number(rounded, lang, decimals) + "%"


def format_money(amount: Decimal | int, currency: str, lang: Lang | None = None) -> str:
    """``60000000 IDR`` -> ``IDR 60,000,000`` (en) or ``Rp 60.000.000`` (id)."""
    language = _lang(lang)
    code = currency.upper()
    places = MINOR_UNITS.get(code, 2)
    number = amount if isinstance(amount, Decimal) else Decimal(amount)
    if number == number.to_integral_value():
        # Whole amounts read better without ".00"; cents appear only when there are some.
        places = 0
    text = format_number(abs(number), language, places)
    sign = "-" if number < 0 else ""
    symbol = SYMBOLS[language].get(code)
    if symbol is None:
        return f"{sign}{code} {text}"
    spacer = " " if symbol.isalpha() else ""
    return f"{sign}{symbol}{spacer}{text}"


def format_date(day: dt.date, lang: Lang | None = None) -> str:
    """``2027-06-30`` -> ``30 June 2027`` (en) or ``30 Juni 2027`` (id)."""
    return f"{day.day} {MONTHS[_lang(lang)][day.month - 1]} {day.year}"


def format_month(day: dt.date, lang: Lang | None = None) -> str:
    """``2027-06-30`` -> ``Jun 2027``; Indonesian ``Agu 2027`` for August."""
    return f"{MONTHS_SHORT[_lang(lang)][day.month - 1]} {day.year}"
