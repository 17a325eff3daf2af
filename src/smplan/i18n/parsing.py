"""Reading what people type into number, money, percent and date fields.

The field's language decides how ``.`` and ``,`` are read, and nothing is ever
guessed silently. In short (the full rules, with examples, are in docs/i18n.md):

- the language's own form is read as such: ``1.500,25`` (id), ``1,500.25`` (en);
- a plain number as the plan file writes it (``1500.25``) is read too; in
  Indonesian only when it is not also an Indonesian number (``1.500`` is 1500);
- the other language's form is refused, saying how to write it here;
- where the two languages read a number differently and the local reading has
  more decimals than the field takes (``1.500`` as dollars in English), it is
  refused naming both readings.

Every refusal is a :class:`ParseError` carrying a catalogue message id.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, localcontext

from smplan.i18n.catalogue import LANGUAGES, Lang, current_language, t
from smplan.i18n.formats import (
    MINOR_UNITS,
    MONTHS,
    SEPARATORS,
    SYMBOLS,
    format_date,
    format_month,
    format_number,
)
from smplan.i18n.vocabulary import AMBIGUOUS_LETTERS, MONTH_WORDS, scale_power

#: Longer input is refused before it is looked at.
MAX_LENGTH = 80
#: Digits in one number; far beyond any budget, short of anything pathological.
MAX_DIGITS = 40
#: The date used in examples of how to write a date.
EXAMPLE_DATE = dt.date(2027, 6, 30)
EXAMPLE_NUMBER = Decimal("1500.25")


class ParseError(ValueError):
    """Text a field cannot read. ``str(error)`` is the catalogue id of the reason."""

    def __init__(self, msg_id: str, lang: Lang, **values: object) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.lang = lang
        self.values = values

    def message(self, lang: Lang | None = None) -> str:
        """The reason as a sentence for the user, in the field's language by default."""
        return t(self.msg_id, lang or self.lang, **self.values)


# -- cleaning ---------------------------------------------------------------

_DASHES = str.maketrans(dict.fromkeys("\u2212\u2010\u2011\u2012\u2013\u2014", "-"))
#: Indonesian prices are often written ``Rp 15.000,-``: the dash stands for "no sen".
_PRICE_DASH = re.compile(r"(?<=[0-9]),-(?![0-9])")


def _clean(text: str, lang: Lang) -> str:
    if len(text) > MAX_LENGTH:
        raise ParseError("input.too-long", lang, limit=MAX_LENGTH)
    # NFKC turns no-break and thin spaces into spaces and full-width digits into digits.
    folded = unicodedata.normalize("NFKC", text).translate(_DASHES)
    cleaned = " ".join(folded.split())
    if not cleaned:
        raise ParseError("input.empty", lang)
    return cleaned


def _other(lang: Lang) -> Lang:
    return "id" if lang == "en" else "en"


# -- numbers ----------------------------------------------------------------


def _number_pattern(group: str, point: str) -> re.Pattern[str]:
    g, p = re.escape(group), re.escape(point)
    # Either grouped in threes after a head of one to three digits, or not grouped.
    return re.compile(rf"([0-9]{{1,3}}(?:{g}[0-9]{{3}})+|[0-9]+)(?:{p}([0-9]+))?")


_LOCAL_FORM: dict[Lang, re.Pattern[str]] = {
    lang: _number_pattern(*SEPARATORS[lang]) for lang in LANGUAGES
}
_PLAIN_FORM = re.compile(r"([0-9]+)(?:\.([0-9]+))?")
_AMOUNT = re.compile(r"(?P<head>[^0-9]*?)(?P<core>[0-9][0-9.,]*)(?P<tail>[^0-9]*)")


@dataclass(frozen=True, slots=True)
class _Reading:
    value: Decimal
    #: Digits typed after the decimal mark (``1,500`` read as 1.5 has three).
    places: int


def _read(core: str, form: re.Pattern[str]) -> _Reading | None:
    match = form.fullmatch(core)
    if match is None:
        return None
    whole = re.sub("[^0-9]", "", match.group(1))
    fraction = match.group(2) or ""
    return _Reading(Decimal(f"{whole}.{fraction}" if fraction else whole), len(fraction))


def _scale(word: str, lang: Lang) -> int | None:
    """The power of ten ``word`` multiplies by, or None when it is no multiplier."""
    if lang == "id" and word.lower() in AMBIGUOUS_LETTERS[lang]:
        if word.isupper():
            return scale_power(word, lang)
        # A lower-case m is a million to some and a miliar to others.
        raise ParseError("input.suffix-ambiguous", lang, suffix=word)
    return scale_power(word, lang)


def _currency_tokens() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}

    def add(token: str, code: str) -> None:
        found.setdefault(token.lower(), set()).add(code)

    for table in SYMBOLS.values():
        for code, symbol in table.items():
            add(code, code)
            add(symbol, code)
            if symbol.endswith("$"):
                add("$", code)
    for code in MINOR_UNITS:
        add(code, code)
    add("¥", "CNY")
    add("rupiah", "IDR")
    add("euro", "EUR")
    return {token: frozenset(codes) for token, codes in found.items()}


_CURRENCY_TOKENS = _currency_tokens()
_PERCENT_WORDS = frozenset({"%", "persen", "percent"})


def _currencies_of(token: str) -> frozenset[str] | None:
    codes = _CURRENCY_TOKENS.get(token.lower())
    if codes is None and len(token) == 3 and token.isalpha() and token.isupper():
        return frozenset({token})
    return codes


def _places(value: Decimal) -> int:
    """Decimals of a value from :func:`_value`, which has no trailing zeros."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@dataclass(frozen=True, slots=True)
class _Amount:
    """Typed text taken apart: sign, digits, multiplier and the words around them."""

    text: str
    negative: bool
    core: str
    scale: int
    currency: str | None
    percent: bool


def _take_apart(text: str, lang: Lang, *, money: bool, percent: bool) -> _Amount:
    cleaned = _clean(text, lang)
    if lang == "id":
        cleaned = _PRICE_DASH.sub("", cleaned)
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise _not_a_number(cleaned, lang)
    head = match.group("head").replace(" ", "")
    signs = [char for char in head if char in "+-"]
    if len(signs) > 1:
        raise _not_a_number(cleaned, lang)
    head = head.replace("-", "").replace("+", "")
    scale: int | None = None
    currency: str | None = None
    percent_seen = False
    words = [head] if head else []
    words += match.group("tail").split()
    for index, token in enumerate(words):
        word = token.rstrip(".") or token
        in_head = bool(head) and index == 0
        if percent and not in_head and word.lower() in _PERCENT_WORDS and not percent_seen:
            percent_seen = True
            continue
        step = None if (in_head or percent) else _scale(word, lang)
        if step is not None and scale is None:
            scale = step
            continue
        codes = _currencies_of(word)
        if money and codes is not None and currency is None:
            currency = word
            continue
        if step is None and codes is None and not in_head and not percent and word.isalpha():
            raise ParseError("input.suffix-unknown", lang, suffix=word)
        raise ParseError("input.unexpected", lang, extra=token)
    core = match.group("core")
    if len(re.sub("[^0-9]", "", core)) > MAX_DIGITS:
        raise ParseError("input.too-many-digits", lang, limit=MAX_DIGITS)
    return _Amount(
        cleaned, bool(signs) and signs[0] == "-", core, scale or 0, currency, percent_seen
    )


def _not_a_number(text: str, lang: Lang) -> ParseError:
    example = format_number(EXAMPLE_NUMBER, lang)
    return ParseError("input.number-invalid", lang, text=text, example=example)


def _value(reading: _Reading, amount: _Amount) -> Decimal:
    """The number in its plain form: ``1,5 jt`` is 1500000, not 1.5E+6; no ``-0``."""
    with localcontext(prec=MAX_DIGITS * 2 + 20):
        value = reading.value.scaleb(amount.scale).normalize()
        if value == 0:
            return Decimal(0)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            value = value.quantize(Decimal(1))
        return -value if amount.negative else value


def _read_amount(
    amount: _Amount, lang: Lang, places: int | None, too_precise: tuple[str, dict[str, object]]
) -> Decimal:
    mine = _read(amount.core, _LOCAL_FORM[lang])
    theirs = _read(amount.core, _LOCAL_FORM[_other(lang)])
    if mine is None and lang == "id":
        # Not an Indonesian number, so a plain one cannot be misread: 1500.25, 1.5.
        mine = _read(amount.core, _PLAIN_FORM)
    if mine is None:
        if theirs is not None:
            written = format_number(_value(theirs, amount), lang)
            raise ParseError("input.number-other-form", lang, text=amount.text, value=written)
        raise _not_a_number(amount.text, lang)
    value = _value(mine, amount)
    if places is None:
        return value
    if theirs is not None and theirs.value != mine.value and mine.places - amount.scale > places:
        raise ParseError(
            "input.number-ambiguous",
            lang,
            text=amount.text,
            first=format_number(value, lang),
            second=format_number(_value(theirs, amount), lang),
        )
    if _places(value) > places:
        msg_id, values = too_precise
        raise ParseError(msg_id, lang, text=amount.text, places=places, **values)
    return value


def parse_number(text: str, lang: Lang | None = None, *, places: int | None = None) -> Decimal:
    """A number typed in a field of language ``lang``: ``1.500`` is 1500 in Indonesian.

    Accepts the language's form, plain numbers and multipliers (``10rb``, ``1,5 jt``,
    ``2 M`` in Indonesian; ``10k``, ``1.5M`` in English). ``places`` limits the
    decimals (0 for counts). Raises :class:`ParseError`.
    """
    language = lang or current_language()
    amount = _take_apart(text, language, money=False, percent=False)
    msg_id = "input.whole" if places == 0 else "input.places"
    return _read_amount(amount, language, places, (msg_id, {}))


def parse_money(text: str, currency: str, lang: Lang | None = None) -> Decimal:
    """An amount in ``currency``: ``Rp 1,5 jt``, ``IDR 60.000.000``, ``$1,250.50``...

    The currency's symbol or code may come before or after the amount; another
    currency's is refused. Decimals are limited to the currency's minor units
    (none for the rupiah), so what is typed is what is shown.
    """
    language = lang or current_language()
    code = currency.strip().upper()
    amount = _take_apart(text, language, money=True, percent=False)
    if amount.currency is not None:
        codes = _currencies_of(amount.currency) or frozenset()
        if code not in codes:
            raise ParseError("input.money-currency", language, found=amount.currency, currency=code)
    places = MINOR_UNITS.get(code, 2)
    msg_id = "input.money-whole" if places == 0 else "input.money-places"
    return _read_amount(amount, language, places, (msg_id, {"currency": code}))


def parse_percent(text: str, lang: Lang | None = None) -> Decimal:
    """A percentage, as the plan stores it: ``2,5%`` (id) or ``2.5 %`` (en) gives 2.5."""
    language = lang or current_language()
    amount = _take_apart(text, language, money=False, percent=True)
    return _read_amount(amount, language, None, ("input.places", {}))


# -- dates ------------------------------------------------------------------


_MONTH_WORDS = MONTH_WORDS
_YEAR_FIRST = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{2,4})")
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+")
_FILLER = re.compile(r"[\s,./-]")


def _words(text: str) -> list[str] | None:
    """Numbers and words of ``text``, or None when it holds anything else."""
    if _FILLER.sub("", _TOKEN.sub("", text)):
        return None
    return _TOKEN.findall(text.lower())


def _invalid_date(text: str, lang: Lang) -> ParseError:
    example = format_date(EXAMPLE_DATE, lang)
    return ParseError("input.date-invalid", lang, text=text, example=example, iso="2027-06-30")


def _make_date(year: int, month: int, day: int, text: str, lang: Lang) -> dt.date:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        raise _invalid_date(text, lang)
    try:
        return dt.date(year, month, day)
    except ValueError:
        month_name = f"{MONTHS[lang][month - 1]} {year}"
        raise ParseError("input.date-no-day", lang, month=month_name, day=day) from None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric_date(first: int, second: int, year: int, text: str, lang: Lang) -> dt.date:
    """``30/06/2027``: day first in Indonesian; in English whichever order is possible."""
    if lang == "id":
        return _make_date(year, second, first, text, lang)
    day_first = _valid(year, second, first)
    month_first = _valid(year, first, second)
    if day_first and month_first and day_first != month_first:
        raise ParseError(
            "input.date-ambiguous",
            lang,
            text=text,
            first=format_date(day_first, lang),
            second=format_date(month_first, lang),
        )
    found = day_first or month_first
    if found is not None:
        return found
    if second <= 12:
        return _make_date(year, second, first, text, lang)
    return _make_date(year, first, second, text, lang)


def parse_date(text: str, lang: Lang | None = None) -> dt.date:
    """A date typed in a field of language ``lang``.

    Accepts ISO ``2027-06-30``, ``30 Juni 2027`` / ``30 June 2027`` with full or
    short month names of either language, ``June 30, 2027``, and ``30/06/2027``
    (day first in Indonesian; in English only when the order cannot be mistaken).
    """
    language = lang or current_language()
    cleaned = _clean(text, language)
    match = _YEAR_FIRST.fullmatch(cleaned)
    if match:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
        return _make_date(year, month, day, cleaned, language)
    match = _DAY_MONTH_YEAR.fullmatch(cleaned)
    if match:
        if len(match.group(4)) != 4:
            raise ParseError("input.date-year", language, text=cleaned)
        first, second = int(match.group(1)), int(match.group(3))
        return _numeric_date(first, second, int(match.group(4)), cleaned, language)
    words = _words(cleaned)
    if words is None or len(words) != 3:
        raise _invalid_date(cleaned, language)
    if words[1] in _MONTH_WORDS:
        day_text, month_word, year_text = words
    elif words[0] in _MONTH_WORDS:
        month_word, day_text, year_text = words
    else:
        raise _invalid_date(cleaned, language)
    if not (day_text.isdigit() and len(day_text) <= 2 and year_text.isdigit()):
        raise _invalid_date(cleaned, language)
    if len(year_text) != 4:
        raise ParseError("input.date-year", language, text=cleaned)
    month = _MONTH_WORDS[month_word]
    return _make_date(int(year_text), month, int(day_text), cleaned, language)


def parse_month(text: str, lang: Lang | None = None) -> dt.date:
    """A month, as the first day of it: ``Jun 2027``, ``Juni 2027``, ``2027-06``, ``06/2027``."""
    language = lang or current_language()
    cleaned = _clean(text, language)
    words = _words(cleaned)
    if words is not None and len(words) == 2:
        first, second = words
        month: int | None = None
        year_text = ""
        if first in _MONTH_WORDS:
            month, year_text = _MONTH_WORDS[first], second
        elif second.isdigit() and first.isdigit() and len(first) == 4 and len(second) <= 2:
            month, year_text = int(second), first
        elif first.isdigit() and second.isdigit() and len(second) == 4 and len(first) <= 2:
            month, year_text = int(first), second
        if (
            month is not None
            and 1 <= month <= 12
            and year_text.isdigit()
            and len(year_text) == 4
            and int(year_text) >= 1
        ):
            return dt.date(int(year_text), month, 1)
    example = format_month(EXAMPLE_DATE, language)
    raise ParseError("input.month-invalid", language, text=cleaned, example=example, iso="2027-06")
