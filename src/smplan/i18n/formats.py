"""Numbers, money and dates as English and Indonesian readers write them.

English: ``12,400``, ``2.5%``, ``IDR 60,000,000``, ``30 June 2027``.
Indonesian: ``12.400``, ``2,5%``, ``Rp 60.000.000``, ``30 Juni 2027``.
The plan file always stores plain numbers; these are for display only. Reading
what people type is :mod:`smplan.i18n.parsing`; the rules of both directions are
in ``docs/i18n.md``.

Rounding is half up (``2.45`` -> ``2.5``), as both audiences round by hand, and a
value that rounds to zero never shows a minus sign.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal

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

#: Digits after the decimal mark when showing money; two for any currency not
#: listed. Rupiah, yen, won and dong are written without minor units in practice.
MINOR_UNITS: dict[str, int] = {
    "IDR": 0,
    "JPY": 0,
    "KRW": 0,
    "VND": 0,
    "CLP": 0,
    "ISK": 0,
    "PYG": 0,
    "UGX": 0,
    "XAF": 0,
    "XOF": 0,
    "BHD": 3,
    "IQD": 3,
    "JOD": 3,
    "KWD": 3,
    "LYD": 3,
    "OMR": 3,
    "TND": 3,
}
#: Symbols written before the amount, by language; other currencies use their code.
#: English follows the usual international forms (the rupiah by its code, as in
#: ``IDR 60,000,000``); Indonesian writes ``Rp`` and tells the dollar apart as
#: ``US$``, as Indonesian newspapers and invoices do.
_SYMBOLS_EN: dict[str, str] = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "INR": "₹",
    "KRW": "₩",
    "AUD": "A$",
    "CAD": "CA$",
    "NZD": "NZ$",
    "HKD": "HK$",
    "SGD": "S$",
    "MYR": "RM",
    "PHP": "₱",
    "THB": "฿",
    "VND": "₫",
}
SYMBOLS: dict[Lang, dict[str, str]] = {
    "en": _SYMBOLS_EN,
    "id": {**_SYMBOLS_EN, "IDR": "Rp", "USD": "US$"},
}

Numeric = Decimal | int | float


def _lang(lang: Lang | None) -> Lang:
    return lang or current_language()


def as_decimal(value: Numeric) -> Decimal:
    """``value`` as an exact decimal; a float is taken as it prints (``0.1`` is 0.1)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_half_up(number: Decimal, places: int) -> Decimal:
    """``number`` rounded half up to ``places`` decimals, however large it is."""
    digits = len(number.as_tuple().digits) + max(number.adjusted(), 0)
    # The default context (28 digits) would refuse to quantize large amounts.
    context = Context(prec=max(28, digits + places + 2))
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=context)


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(value: Numeric, lang: Lang | None = None, decimals: int | None = None) -> str:
    """``12400`` -> ``12,400`` (en) or ``12.400`` (id); ``-1234.5`` -> ``-1.234,5`` (id).

    With ``decimals`` the value is rounded half up to that many places; without,
    it keeps its own places, trailing zeros dropped.
    """
    thousands, point = SEPARATORS[_lang(lang)]
    number = as_decimal(value)
    if not number.is_finite():
        return str(number)
    if decimals is not None:
        number = round_half_up(number, decimals)
        text = format(number, "f")
    else:
        # Enough precision that normalizing only drops trailing zeros, however long.
        exact = Context(prec=max(28, len(number.as_tuple().digits)))
        text = format(number.normalize(exact), "f") if number != 0 else "0"
    whole, _, fraction = text.lstrip("-").partition(".")
    # -0.004 shown with two decimals is 0.00, not -0.00.
    sign = "-" if number < 0 and number != 0 else ""
    out = sign + _group(whole, thousands)
    return out + point + fraction if fraction else out


def format_percent(value: Numeric, lang: Lang | None = None, decimals: int = 1) -> str:
    """``2.5`` -> ``2.5%`` (en) or ``2,5%`` (id); whole values lose the ``.0``.

    The value is in percent already, as the plan stores it (``2.5`` is 2.5 %).
    """
    number = as_decimal(value)
    if not number.is_finite():
        return f"{number}%"
    rounded = round_half_up(number, decimals)
    if rounded == rounded.to_integral_value():
        return format_number(rounded, lang, 0) + "%"
    return format_number(rounded, lang, decimals) + "%"


def currency_symbol(currency: str, lang: Lang | None = None) -> str:
    """How ``currency`` is written before an amount: ``Rp`` (id), ``IDR`` (en), ``$``..."""
    code = currency.strip().upper()
    return SYMBOLS[_lang(lang)].get(code, code)


def format_money(amount: Numeric, currency: str, lang: Lang | None = None) -> str:
    """``60000000 IDR`` -> ``IDR 60,000,000`` (en) or ``Rp 60.000.000`` (id).

    Cents appear only when there are some (``$1,250.50``, but ``$1,250``), rounded
    half up to the currency's minor units; a minus sign goes before the symbol.
    """
    language = _lang(lang)
    code = currency.strip().upper()
    number = as_decimal(amount)
    symbol = currency_symbol(code, language)
    spacer = " " if symbol.isalpha() else ""
    if not number.is_finite():
        return f"{symbol}{spacer}{number}"
    places = MINOR_UNITS.get(code, 2)
    if number == number.to_integral_value():
        # Whole amounts read better without ".00".
        places = 0
    rounded = round_half_up(number, places)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{symbol}{spacer}{format_number(rounded.copy_abs(), language, places)}"


def format_date(day: dt.date, lang: Lang | None = None) -> str:
    """``2027-06-30`` -> ``30 June 2027`` (en) or ``30 Juni 2027`` (id)."""
    return f"{day.day} {MONTHS[_lang(lang)][day.month - 1]} {day.year}"


def format_month(day: dt.date, lang: Lang | None = None) -> str:
    """``2027-06-30`` -> ``Jun 2027``; Indonesian ``Agu 2027`` for August."""
    return f"{MONTHS_SHORT[_lang(lang)][day.month - 1]} {day.year}"
