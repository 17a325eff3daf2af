"""Reading typed numbers, money, percentages and dates: the field's language decides."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Context, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smplan.i18n import Lang, messages, set_language
from smplan.i18n.formats import (
    MINOR_UNITS,
    SYMBOLS,
    format_date,
    format_money,
    format_month,
    format_number,
    format_percent,
)
from smplan.i18n.parsing import (
    MAX_LENGTH,
    ParseError,
    parse_date,
    parse_money,
    parse_month,
    parse_number,
    parse_percent,
)

D = Decimal

# -- numbers ----------------------------------------------------------------

#: (typed, language, value): what each field reads, worked out by hand.
NUMBERS: list[tuple[str, Lang, Decimal]] = [
    # The ambiguous pair: the field's language decides.
    ("1.500", "id", D(1500)),
    ("1.500", "en", D("1.5")),
    ("1,500", "en", D(1500)),
    ("1,500", "id", D("1.5")),
    # The language's own form.
    ("1.500,25", "id", D("1500.25")),
    ("1,500.25", "en", D("1500.25")),
    ("1,5", "id", D("1.5")),
    ("12.400", "id", D(12400)),
    ("12,400", "en", D(12400)),
    ("1.234.567", "id", D(1234567)),
    ("1,234,567", "en", D(1234567)),
    ("1.234.567,891", "id", D("1234567.891")),
    ("1500,25", "id", D("1500.25")),
    ("0,5", "id", D("0.5")),
    ("0.5", "en", D("0.5")),
    ("007", "en", D(7)),
    ("0", "id", D(0)),
    # Plain numbers, as the plan file writes them.
    ("1500", "id", D(1500)),
    ("1500", "en", D(1500)),
    ("1500.25", "en", D("1500.25")),
    ("1500.25", "id", D("1500.25")),  # not an Indonesian number, so no misreading
    ("1.5", "id", D("1.5")),  # likewise: a group of one digit is not a thousands group
    ("1.50", "id", D("1.5")),
    ("12.5", "id", D("12.5")),
    # Signs and spaces.
    ("-1.500", "id", D(-1500)),
    ("−1,500", "en", D(-1500)),  # U+2212 MINUS SIGN
    ("+2,5", "id", D("2.5")),
    ("  12.400  ", "id", D(12400)),
    ("- 5", "en", D(-5)),
    ("-0", "en", D(0)),
    ("１２", "en", D(12)),  # full-width digits from an Asian keyboard
    # Multipliers.
    ("10rb", "id", D(10000)),
    ("10 ribu", "id", D(10000)),
    ("10 RB", "id", D(10000)),
    ("1,5 jt", "id", D(1500000)),
    ("1,5jt", "id", D(1500000)),
    ("1,5 juta", "id", D(1500000)),
    ("2 M", "id", D(2000000000)),
    ("2 miliar", "id", D(2000000000)),
    ("2 milyar", "id", D(2000000000)),
    ("1,25 T", "id", D(1250000000000)),
    ("1.500 juta", "id", D(1500000000)),
    ("1.5 jt", "id", D(1500000)),  # plain 1.5, then the multiplier
    ("50k", "id", D(50000)),  # as Indonesians write prices online
    ("10k", "en", D(10000)),
    ("10K", "en", D(10000)),
    ("1.5M", "en", D(1500000)),
    ("1.5 m", "en", D(1500000)),
    ("2.5 million", "en", D(2500000)),
    ("3bn", "en", D(3000000000)),
    ("1.2B", "en", D(1200000000)),
    ("2 juta", "en", D(2000000)),  # unmistakable in either language
    ("1,2345 rb", "id", D("1234.5")),
    ("-1,5 jt", "id", D(-1500000)),
]


@pytest.mark.parametrize(("typed", "lang", "value"), NUMBERS)
def test_parse_number(typed: str, lang: Lang, value: Decimal) -> None:
    read = parse_number(typed, lang)
    assert read == value
    # Plain form, never 1.5E+6: the plan file stores what is returned.
    assert "E" not in str(read)


#: (typed, language, message id, values the message must carry).
BAD_NUMBERS: list[tuple[str, Lang, str, dict[str, str]]] = [
    # The other language's form is refused with the way to write it here.
    ("1,500.25", "id", "input.number-other-form", {"value": "1.500,25"}),
    ("1.500,25", "en", "input.number-other-form", {"value": "1,500.25"}),
    ("1,5", "en", "input.number-other-form", {"value": "1.5"}),
    ("1.234.567", "en", "input.number-other-form", {"value": "1,234,567"}),
    ("1,234,567", "id", "input.number-other-form", {"value": "1.234.567"}),
    ("-12,5 k", "en", "input.number-other-form", {"value": "-12,500"}),
    # Not numbers at all.
    ("abc", "en", "input.number-invalid", {"example": "1,500.25"}),
    ("abc", "id", "input.number-invalid", {"example": "1.500,25"}),
    ("1 500", "en", "input.number-invalid", {}),
    ("1.500.5", "id", "input.number-invalid", {}),
    ("1..5", "en", "input.number-invalid", {}),
    ("1500.", "en", "input.number-invalid", {}),
    ("1500,", "id", "input.number-invalid", {}),
    ("--5", "en", "input.number-invalid", {}),
    ("1e6", "en", "input.number-invalid", {}),
    ("", "en", "input.empty", {}),
    ("   ", "id", "input.empty", {}),
    ("5 xyz", "en", "input.suffix-unknown", {"suffix": "xyz"}),
    ("5 bn", "id", "input.suffix-unknown", {"suffix": "bn"}),
    ("2 m", "id", "input.suffix-ambiguous", {"suffix": "m"}),
    ("5 rb jt", "id", "input.unexpected", {"extra": "jt"}),
    ("5-", "en", "input.unexpected", {"extra": "-"}),
    ("Rp 5", "id", "input.unexpected", {"extra": "Rp"}),
    ("5%", "en", "input.unexpected", {"extra": "%"}),
    ("1" * 41, "en", "input.too-many-digits", {"limit": "40"}),
    ("1" * (MAX_LENGTH + 1), "en", "input.too-long", {}),
]


@pytest.mark.parametrize(("typed", "lang", "msg_id", "values"), BAD_NUMBERS)
def test_parse_number_refuses(typed: str, lang: Lang, msg_id: str, values: dict[str, str]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_number(typed, lang)
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(error) == msg_id
    assert error.msg_id in messages("en") and error.msg_id in messages("id")
    for name, value in values.items():
        assert str(error.values[name]) == value


def test_a_count_is_never_silently_misread() -> None:
    """``1.500`` followers in English is not one and a half people: both readings are named."""
    with pytest.raises(ParseError) as caught:
        parse_number("1.500", "en", places=0)
    assert caught.value.msg_id == "input.number-ambiguous"
    assert caught.value.values == {"text": "1.500", "first": "1.5", "second": "1,500"}
    assert caught.value.message() == '"1.500" could mean 1.5 or 1,500: type the one you mean'
    with pytest.raises(ParseError) as caught:
        parse_number("1,500", "id", places=0)
    assert caught.value.message() == ('"1,500" bisa berarti 1,5 atau 1.500: ketik yang Anda maksud')
    # The locale's own thousands are fine in a count.
    assert parse_number("1.500", "id", places=0) == 1500
    assert parse_number("1,500", "en", places=0) == 1500
    assert parse_number("12,4 rb", "id", places=0) == 12400


def test_long_numbers_keep_every_digit() -> None:
    typed = "1.234.567.890.123.456.789.012.345.678.901,5"
    assert parse_number(typed, "id") == D("1234567890123456789012345678901.5")
    with pytest.raises(ParseError) as caught:
        parse_money("Rp " + typed, "IDR", "id")
    assert caught.value.msg_id == "input.money-whole"


def test_decimals_beyond_what_the_field_takes() -> None:
    with pytest.raises(ParseError) as caught:
        parse_number("2,5", "id", places=0)
    assert caught.value.msg_id == "input.whole"
    with pytest.raises(ParseError) as caught:
        parse_number("2.125", "en", places=2)
    # 2.125 could be 2125 in Indonesian, so both readings are named.
    assert caught.value.msg_id == "input.number-ambiguous"
    with pytest.raises(ParseError) as caught:
        parse_number("2.1255", "en", places=2)
    assert caught.value.msg_id == "input.places"
    assert caught.value.values["places"] == 2
    assert parse_number("2.50", "en", places=1) == D("2.5")  # trailing zeros are no decimals


# -- money ------------------------------------------------------------------

MONEY: list[tuple[str, str, Lang, Decimal]] = [
    ("Rp 60.000.000", "IDR", "id", D(60000000)),
    ("Rp60.000.000", "IDR", "id", D(60000000)),
    ("Rp. 60.000.000", "IDR", "id", D(60000000)),
    ("IDR 60.000.000", "IDR", "id", D(60000000)),
    ("60.000.000 IDR", "IDR", "id", D(60000000)),
    ("60000000", "IDR", "id", D(60000000)),
    ("Rp 15.000,-", "IDR", "id", D(15000)),  # the Indonesian price dash
    ("Rp 15.000,00", "IDR", "id", D(15000)),  # zero sen is no decimals
    ("Rp 1,5 jt", "IDR", "id", D(1500000)),
    ("Rp1,5jt", "IDR", "id", D(1500000)),
    ("1,5 juta rupiah", "IDR", "id", D(1500000)),
    ("Rp 2 M", "IDR", "id", D(2000000000)),
    ("rp 10rb", "IDR", "id", D(10000)),
    ("-Rp 1.500", "IDR", "id", D(-1500)),
    ("Rp -1.500", "IDR", "id", D(-1500)),
    ("IDR 60,000,000", "IDR", "en", D(60000000)),
    ("60,000,000", "IDR", "en", D(60000000)),
    ("$1,250.50", "USD", "en", D("1250.5")),
    ("$ 1,250.50", "USD", "en", D("1250.5")),
    ("USD 1,250.50", "USD", "en", D("1250.5")),
    ("1,250.50 USD", "USD", "en", D("1250.5")),
    ("US$1.250,50", "USD", "id", D("1250.5")),
    ("$1.250,50", "USD", "id", D("1250.5")),
    ("-$1,250.50", "USD", "en", D("-1250.5")),
    ("$-1,250.50", "USD", "en", D("-1250.5")),
    ("$1.5M", "USD", "en", D(1500000)),
    ("$1.50", "USD", "en", D("1.5")),  # two decimals cannot be Indonesian thousands
    ("€99,99", "EUR", "id", D("99.99")),
    ("99.99 EUR", "EUR", "en", D("99.99")),
    ("S$5,000", "SGD", "en", D(5000)),
    ("$5,000", "SGD", "en", D(5000)),  # a dollar sign fits any dollar
    ("RM 5.000", "MYR", "id", D(5000)),
    ("¥1,200", "JPY", "en", D(1200)),
    ("KWD 2.125", "KWD", "en", D("2.125")),  # three minor units: 2.125 is a real amount
    ("1.500", "IDR", "id", D(1500)),
    ("1,500", "IDR", "en", D(1500)),
]


@pytest.mark.parametrize(("typed", "currency", "lang", "value"), MONEY)
def test_parse_money(typed: str, currency: str, lang: Lang, value: Decimal) -> None:
    read = parse_money(typed, currency, lang)
    assert read == value
    assert "E" not in str(read)


BAD_MONEY: list[tuple[str, str, Lang, str, dict[str, str]]] = [
    # Fifteen hundred or one and a half? An amount never guesses.
    ("$1.500", "USD", "en", "input.number-ambiguous", {"first": "1.5", "second": "1,500"}),
    ("1.500", "USD", "en", "input.number-ambiguous", {"first": "1.5", "second": "1,500"}),
    ("1,500", "IDR", "id", "input.number-ambiguous", {"first": "1,5", "second": "1.500"}),
    ("US$1,500", "USD", "id", "input.number-ambiguous", {"first": "1,5", "second": "1.500"}),
    ("1.500", "IDR", "en", "input.number-ambiguous", {"first": "1.5", "second": "1,500"}),
    ("Rp 1.500,50", "IDR", "id", "input.money-whole", {"currency": "IDR"}),
    ("1,50", "IDR", "id", "input.money-whole", {"currency": "IDR"}),
    ("$1.0055", "USD", "en", "input.money-places", {"currency": "USD", "places": "2"}),
    ("$100", "IDR", "id", "input.money-currency", {"found": "$", "currency": "IDR"}),
    ("Rp 100", "USD", "en", "input.money-currency", {"found": "Rp", "currency": "USD"}),
    ("100 EUR", "IDR", "id", "input.money-currency", {"found": "EUR", "currency": "IDR"}),
    ("Rp 100 IDR", "IDR", "id", "input.unexpected", {"extra": "IDR"}),
    ("Rp 1,500.25", "IDR", "id", "input.number-other-form", {"value": "1.500,25"}),
    ("Rp", "IDR", "id", "input.number-invalid", {}),
]


@pytest.mark.parametrize(("typed", "currency", "lang", "msg_id", "values"), BAD_MONEY)
def test_parse_money_refuses(
    typed: str, currency: str, lang: Lang, msg_id: str, values: dict[str, str]
) -> None:
    with pytest.raises(ParseError) as caught:
        parse_money(typed, currency, lang)
    assert caught.value.msg_id == msg_id
    for name, value in values.items():
        assert str(caught.value.values[name]) == value


def test_money_messages_read_well_in_both_languages() -> None:
    with pytest.raises(ParseError) as caught:
        parse_money("$100", "IDR", "id")
    assert caught.value.message() == 'nominal ini dalam IDR; "$" adalah mata uang lain'
    with pytest.raises(ParseError) as caught:
        parse_money("Rp 1.500,50", "IDR", "id")
    assert caught.value.message("en") == (
        'amounts in IDR are whole numbers: "Rp 1.500,50" has decimals'
    )


# -- percentages ------------------------------------------------------------

PERCENTS: list[tuple[str, Lang, Decimal]] = [
    ("2,5%", "id", D("2.5")),
    ("2,5 %", "id", D("2.5")),
    ("2,5 persen", "id", D("2.5")),
    ("2,5", "id", D("2.5")),
    ("2.5", "id", D("2.5")),  # plain
    ("2.5%", "en", D("2.5")),
    ("2.5 percent", "en", D("2.5")),
    ("-3%", "en", D(-3)),
    ("1.500%", "id", D(1500)),
    ("0,125%", "id", D("0.125")),
]


@pytest.mark.parametrize(("typed", "lang", "value"), PERCENTS)
def test_parse_percent(typed: str, lang: Lang, value: Decimal) -> None:
    assert parse_percent(typed, lang) == value


@pytest.mark.parametrize(
    ("typed", "lang", "msg_id"),
    [
        ("2,5%", "en", "input.number-other-form"),
        ("5k%", "en", "input.unexpected"),
        ("5%%", "en", "input.unexpected"),
        ("%5", "en", "input.unexpected"),
        ("lima persen", "id", "input.number-invalid"),
    ],
)
def test_parse_percent_refuses(typed: str, lang: Lang, msg_id: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_percent(typed, lang)
    assert caught.value.msg_id == msg_id


# -- dates ------------------------------------------------------------------

DATES: list[tuple[str, Lang, dt.date]] = [
    ("2027-06-30", "id", dt.date(2027, 6, 30)),
    ("2027-06-30", "en", dt.date(2027, 6, 30)),
    ("2027-6-3", "en", dt.date(2027, 6, 3)),
    ("2027/06/30", "id", dt.date(2027, 6, 30)),
    ("30 Juni 2027", "id", dt.date(2027, 6, 30)),
    ("30 juni 2027", "id", dt.date(2027, 6, 30)),
    ("30 June 2027", "en", dt.date(2027, 6, 30)),
    ("30 June 2027", "id", dt.date(2027, 6, 30)),  # month names never clash
    ("30 Juni 2027", "en", dt.date(2027, 6, 30)),
    ("30 Jun 2027", "en", dt.date(2027, 6, 30)),
    ("17 Agu 2027", "id", dt.date(2027, 8, 17)),
    ("17 Agt 2027", "id", dt.date(2027, 8, 17)),
    ("17 Agustus 2027", "id", dt.date(2027, 8, 17)),
    ("1 Mei 2027", "id", dt.date(2027, 5, 1)),
    ("9 Okt. 2027", "id", dt.date(2027, 10, 9)),
    ("25 Des 2026", "id", dt.date(2026, 12, 25)),
    ("10 Nopember 2027", "id", dt.date(2027, 11, 10)),
    ("5 Sept 2027", "en", dt.date(2027, 9, 5)),
    ("June 30, 2027", "en", dt.date(2027, 6, 30)),
    ("June 30 2027", "en", dt.date(2027, 6, 30)),
    ("30-Jun-2027", "en", dt.date(2027, 6, 30)),
    ("30/06/2027", "id", dt.date(2027, 6, 30)),
    ("30-06-2027", "id", dt.date(2027, 6, 30)),
    ("06/07/2027", "id", dt.date(2027, 7, 6)),  # Indonesian: always day first
    ("30/06/2027", "en", dt.date(2027, 6, 30)),  # only one order is possible
    ("06/30/2027", "en", dt.date(2027, 6, 30)),
    ("07/07/2027", "en", dt.date(2027, 7, 7)),  # both orders give the same day
    ("29 Februari 2028", "id", dt.date(2028, 2, 29)),
]


@pytest.mark.parametrize(("typed", "lang", "day"), DATES)
def test_parse_date(typed: str, lang: Lang, day: dt.date) -> None:
    assert parse_date(typed, lang) == day


BAD_DATES: list[tuple[str, Lang, str, dict[str, str]]] = [
    (
        "06/07/2027",
        "en",
        "input.date-ambiguous",
        {"first": "6 July 2027", "second": "7 June 2027"},
    ),
    ("31 Juni 2027", "id", "input.date-no-day", {"month": "Juni 2027", "day": "31"}),
    ("29 February 2027", "en", "input.date-no-day", {"month": "February 2027", "day": "29"}),
    ("2027-02-30", "en", "input.date-no-day", {"month": "February 2027", "day": "30"}),
    ("31/02/2027", "en", "input.date-no-day", {"month": "February 2027", "day": "31"}),
    ("06/30/2027", "id", "input.date-invalid", {"example": "30 Juni 2027"}),
    ("2027-13-01", "en", "input.date-invalid", {"iso": "2027-06-30"}),
    ("30/06/27", "id", "input.date-year", {}),
    ("30 Juni 27", "id", "input.date-year", {}),
    ("Juni 2027", "id", "input.date-invalid", {}),
    ("30 Juno 2027", "en", "input.date-invalid", {"example": "30 June 2027"}),
    ("besok", "id", "input.date-invalid", {}),
    ("30 Juni 2027!", "id", "input.date-invalid", {}),
    ("", "id", "input.empty", {}),
]


@pytest.mark.parametrize(("typed", "lang", "msg_id", "values"), BAD_DATES)
def test_parse_date_refuses(typed: str, lang: Lang, msg_id: str, values: dict[str, str]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_date(typed, lang)
    assert caught.value.msg_id == msg_id
    for name, value in values.items():
        assert str(caught.value.values[name]) == value


@pytest.mark.parametrize(
    ("typed", "lang", "month"),
    [
        ("Jun 2027", "en", dt.date(2027, 6, 1)),
        ("Juni 2027", "id", dt.date(2027, 6, 1)),
        ("Agu 2027", "id", dt.date(2027, 8, 1)),
        ("2027-06", "id", dt.date(2027, 6, 1)),
        ("06/2027", "en", dt.date(2027, 6, 1)),
    ],
)
def test_parse_month(typed: str, lang: Lang, month: dt.date) -> None:
    assert parse_month(typed, lang) == month


@pytest.mark.parametrize("typed", ["2027", "13/2027", "Juni", "Jun 27", "2027-00"])
def test_parse_month_refuses(typed: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_month(typed, "id")
    assert caught.value.msg_id == "input.month-invalid"
    assert caught.value.values["example"] == "Jun 2027"


def test_the_current_language_is_the_default() -> None:
    set_language("id")
    assert parse_number("1.500") == 1500
    set_language("en")
    assert parse_number("1.500") == D("1.5")


# -- round trips: what is shown can be typed back ----------------------------

LANGS = st.sampled_from(["en", "id"])
AMOUNTS = st.decimals(
    min_value=D("-1e30"), max_value=D("1e30"), places=6, allow_nan=False, allow_infinity=False
)


@given(value=AMOUNTS, lang=LANGS)
def test_number_round_trip(value: Decimal, lang: Lang) -> None:
    assert parse_number(format_number(value, lang), lang) == value


def _half_up(value: Decimal, places: int) -> Decimal:
    exact = Context(prec=60)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=exact)


@given(value=AMOUNTS, lang=LANGS, decimals=st.integers(min_value=0, max_value=4))
def test_rounded_number_round_trip(value: Decimal, lang: Lang, decimals: int) -> None:
    shown = format_number(value, lang, decimals)
    assert parse_number(shown, lang) == _half_up(value, decimals)


CURRENCIES = st.sampled_from(
    sorted({"IDR", "USD", "EUR", "JPY", "KWD", "CHF", *SYMBOLS["en"], *SYMBOLS["id"]})
)


@given(data=st.data(), currency=CURRENCIES, lang=LANGS)
def test_money_round_trip(data: st.DataObject, currency: str, lang: Lang) -> None:
    places = MINOR_UNITS.get(currency, 2)
    amount = data.draw(
        st.decimals(
            min_value=D("-1e30"),
            max_value=D("1e30"),
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )
    assert parse_money(format_money(amount, currency, lang), currency, lang) == amount


@given(value=AMOUNTS, lang=LANGS)
def test_percent_round_trip(value: Decimal, lang: Lang) -> None:
    shown = format_percent(value, lang, decimals=2)
    assert parse_percent(shown, lang) == _half_up(value, 2)


@given(day=st.dates(min_value=dt.date(1000, 1, 1)), lang=LANGS)
def test_date_round_trip(day: dt.date, lang: Lang) -> None:
    assert parse_date(format_date(day, lang), lang) == day
    assert parse_date(day.isoformat(), lang) == day
    assert parse_month(format_month(day, lang), lang) == day.replace(day=1)
