"""Numbers, money, percentages and dates as English and Indonesian readers write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smplan.i18n import Lang, set_language
from smplan.i18n.formats import (
    currency_symbol,
    format_date,
    format_money,
    format_month,
    format_number,
    format_percent,
    round_half_up,
)


@pytest.mark.parametrize(
    ("value", "decimals", "en", "id_"),
    [
        (12400, None, "12,400", "12.400"),
        (Decimal("1500.25"), None, "1,500.25", "1.500,25"),
        (Decimal("1.5"), None, "1.5", "1,5"),
        (Decimal("1.500"), None, "1.5", "1,5"),
        (Decimal("1500"), None, "1,500", "1.500"),
        (0, None, "0", "0"),
        (Decimal("0.00"), None, "0", "0"),
        (999, None, "999", "999"),
        (1000, None, "1,000", "1.000"),
        (1234567, None, "1,234,567", "1.234.567"),
        (Decimal("1E+3"), None, "1,000", "1.000"),
        (-1234.5, None, "-1,234.5", "-1.234,5"),
        (Decimal("-12400"), None, "-12,400", "-12.400"),
        (2.45, 1, "2.5", "2,5"),
        (Decimal("2.449"), 1, "2.4", "2,4"),
        (Decimal("1234.5"), 0, "1,235", "1.235"),
        (Decimal("-1234.5"), 0, "-1,235", "-1.235"),
        (Decimal("1.005"), 2, "1.01", "1,01"),
        (Decimal("7"), 2, "7.00", "7,00"),
        # Rounding to zero drops the minus sign: -0.004 is shown as 0.00.
        (Decimal("-0.004"), 2, "0.00", "0,00"),
        (Decimal("-0"), None, "0", "0"),
        (0.1, None, "0.1", "0,1"),
    ],
)
def test_format_number(
    value: Decimal | int | float, decimals: int | None, en: str, id_: str
) -> None:
    assert format_number(value, "en", decimals) == en
    assert format_number(value, "id", decimals) == id_


def test_format_number_rounds_amounts_beyond_the_default_precision() -> None:
    # 31 digits before the point plus 2 after: more than the 28 of the default context.
    big = Decimal("1" + "0" * 30)
    assert format_number(big, "id", 2) == "1" + ".000" * 10 + ",00"
    assert round_half_up(Decimal("12345678901234567890123456789.5"), 0) == Decimal(
        "12345678901234567890123456790"
    )


def test_long_numbers_keep_every_digit() -> None:
    long = Decimal("1234567890123456789012345678901.25")
    assert format_number(long, "en") == "1,234,567,890,123,456,789,012,345,678,901.25"
    assert format_number(long, "id") == "1.234.567.890.123.456.789.012.345.678.901,25"


def test_format_number_never_fails_on_infinity() -> None:
    assert format_number(Decimal("Infinity"), "en") == "Infinity"
    assert format_percent(Decimal("NaN"), "id") == "NaN%"
    assert format_money(Decimal("-Infinity"), "IDR", "id") == "Rp -Infinity"


@pytest.mark.parametrize(
    ("value", "decimals", "en", "id_"),
    [
        (Decimal("2.5"), 1, "2.5%", "2,5%"),
        (Decimal("2.0"), 1, "2%", "2%"),
        (Decimal("2.45"), 1, "2.5%", "2,5%"),
        (Decimal("12.345"), 2, "12.35%", "12,35%"),
        (Decimal("-3.25"), 1, "-3.3%", "-3,3%"),
        (Decimal("-0.04"), 1, "0%", "0%"),
        (Decimal("1500"), 1, "1,500%", "1.500%"),
        (100, 0, "100%", "100%"),
    ],
)
def test_format_percent(value: Decimal | int, decimals: int, en: str, id_: str) -> None:
    assert format_percent(value, "en", decimals) == en
    assert format_percent(value, "id", decimals) == id_


@pytest.mark.parametrize(
    ("amount", "currency", "en", "id_"),
    [
        (60000000, "IDR", "IDR 60,000,000", "Rp 60.000.000"),
        (Decimal("60000000"), "idr", "IDR 60,000,000", "Rp 60.000.000"),
        # The rupiah is shown without sen, rounded half up.
        (Decimal("1500.5"), "IDR", "IDR 1,501", "Rp 1.501"),
        (Decimal("1250.5"), "USD", "$1,250.50", "US$1.250,50"),
        (Decimal("1250"), "USD", "$1,250", "US$1.250"),
        (Decimal("1250.00"), "USD", "$1,250", "US$1.250"),
        (Decimal("1.005"), "USD", "$1.01", "US$1,01"),
        (Decimal("-1250.5"), "USD", "-$1,250.50", "-US$1.250,50"),
        (-60000000, "IDR", "-IDR 60,000,000", "-Rp 60.000.000"),
        (Decimal("-0.004"), "USD", "$0.00", "US$0,00"),
        (Decimal("99.99"), "EUR", "€99.99", "€99,99"),
        (Decimal("5000"), "SGD", "S$5,000", "S$5.000"),
        (Decimal("5000"), "MYR", "RM 5,000", "RM 5.000"),
        (Decimal("5000"), "AUD", "A$5,000", "A$5.000"),
        (Decimal("1200"), "JPY", "¥1,200", "¥1.200"),
        (Decimal("1200.4"), "JPY", "¥1,200", "¥1.200"),
        (Decimal("750.5"), "GBP", "£750.50", "£750,50"),
        (Decimal("2.125"), "KWD", "KWD 2.125", "KWD 2,125"),
        (Decimal("100"), "CHF", "CHF 100", "CHF 100"),
        (Decimal("100.5"), "XYZ", "XYZ 100.50", "XYZ 100,50"),
        (12.5, "USD", "$12.50", "US$12,50"),
    ],
)
def test_format_money(amount: Decimal | int | float, currency: str, en: str, id_: str) -> None:
    assert format_money(amount, currency, "en") == en
    assert format_money(amount, currency, "id") == id_


def test_currency_symbols_in_each_language() -> None:
    assert currency_symbol("IDR", "id") == "Rp"
    assert currency_symbol("IDR", "en") == "IDR"
    assert currency_symbol("usd", "en") == "$"
    assert currency_symbol("USD", "id") == "US$"
    assert currency_symbol("SEK", "id") == "SEK"


@pytest.mark.parametrize(
    ("day", "en", "id_", "en_month", "id_month"),
    [
        (dt.date(2027, 6, 30), "30 June 2027", "30 Juni 2027", "Jun 2027", "Jun 2027"),
        (dt.date(2027, 8, 17), "17 August 2027", "17 Agustus 2027", "Aug 2027", "Agu 2027"),
        (dt.date(2027, 5, 1), "1 May 2027", "1 Mei 2027", "May 2027", "Mei 2027"),
        (dt.date(2026, 12, 25), "25 December 2026", "25 Desember 2026", "Dec 2026", "Des 2026"),
        (dt.date(2027, 10, 9), "9 October 2027", "9 Oktober 2027", "Oct 2027", "Okt 2027"),
        (dt.date(2027, 3, 31), "31 March 2027", "31 Maret 2027", "Mar 2027", "Mar 2027"),
    ],
)
def test_format_date_and_month(
    day: dt.date, en: str, id_: str, en_month: str, id_month: str
) -> None:
    assert format_date(day, "en") == en
    assert format_date(day, "id") == id_
    assert format_month(day, "en") == en_month
    assert format_month(day, "id") == id_month


@pytest.mark.parametrize(("lang", "expected"), [("en", "12,400"), ("id", "12.400")])
def test_without_a_language_the_current_one_is_used(lang: Lang, expected: str) -> None:
    set_language(lang)
    assert format_number(12400) == expected
