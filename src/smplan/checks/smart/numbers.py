"""Numbers in goal statements: ``12,400``, ``2,5%``, ``10rb``, ``Rp 1,5 jt``, ``4x``, ``2 hours``.

``12.400`` is twelve thousand four hundred in Indonesian and twelve point four
in English. The shape decides when it can (``1.000.000``, ``2,5``,
``1,234.5``), otherwise the statement's language; the other reading is kept,
so that a field matching either agrees. Scale words and decimal marks come from
the shared table of :mod:`smplan.i18n.vocabulary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from smplan.checks.smart.words import one_of
from smplan.i18n import Lang
from smplan.i18n.vocabulary import ALL_SCALES, DECIMAL_MARK, scale_power

Unit = Literal["", "percent", "money", "ratio", "duration"]

#: Minutes in one unit of time, for response-time and watch-time figures.
MINUTES: dict[str, Decimal] = {
    **dict.fromkeys(("second", "seconds", "sec", "secs", "s", "detik"), Decimal(1) / 60),
    **dict.fromkeys(("minute", "minutes", "min", "mins", "menit"), Decimal(1)),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h", "jam"), Decimal(60)),
    **dict.fromkeys(("day", "days", "hari"), Decimal(1440)),
}

_QUANTITY = re.compile(
    r"""
    (?<![\w@#.,])
    (?P<cur>rp\.?|idr|usd|us\$|eur|sgd|\$|€|£)?\s?
    (?P<num>\d+(?:[.,]\d+)*)
    (?:\s?(?P<scale>"""
    + one_of(ALL_SCALES)
    + r""")(?![\w]))?
    (?:\s?(?P<cur2>rupiah|idr|usd|dollars?|dolar)(?![\w]))?
    (?:\s?(?P<pct>%|percent(?:age\s+points?)?|per\s+cent|persen|pp|poin\s+persentase)(?![\w]))?
    (?:\s?(?P<ratio>x|kali)(?![\w]))?
    (?:\s?(?P<dur>seconds?|secs?|detik|minutes?|mins?|menit|hours?|hrs?|h|jam|days?|hari)(?![\w]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a statement, with the precision it was written to."""

    value: Decimal
    #: Place value of the last digit written ("18k" -> 1000): how close a field must be.
    step: Decimal
    unit: Unit
    #: For durations: minutes in one unit of the figure as written (hours -> 60).
    minutes: Decimal | None
    start: int
    end: int
    text: str

    #: Other readings of an ambiguous figure ("12.400" in an English sentence), as (value, step).
    others: tuple[tuple[Decimal, Decimal], ...] = ()
    #: "5 percentage points", "5 pp", "5 poin": a change of a rate in points, not in percent of it.
    points: bool = False
    #: The unit word as written after a duration ("hours", "jam"), else "".
    word: str = ""
    #: ISO code of the currency written with a money figure ("Rp" -> "IDR"), else "".
    currency: str = ""

    def matches(self, value: Decimal, minutes: Decimal | None = None) -> bool:
        """True when ``value`` (in units of ``minutes`` when given) is this figure, rounded."""
        scale = Decimal(1)
        if self.minutes is not None and minutes is not None:
            # Both are durations: compare in minutes ("4 hours" is 240 minutes).
            value, scale = value * minutes, self.minutes
        return any(
            abs(mine * scale - value) <= step * scale / 2
            for mine, step in ((self.value, self.step), *self.others)
        )


def number_readings(
    text: str, lang: Lang = "en", whole: bool = False
) -> list[tuple[Decimal, Decimal]]:
    """Every sensible reading of a written number as (value, step), the likeliest first.

    ``"12.400"`` reads 12400 in Indonesian and 12.4 in English: both come back,
    the one of ``lang`` first. The shape wins when it is unambiguous: several
    separators of one kind group thousands (``1.000.000``), two kinds put the
    decimal mark last (``1.234,5``), and a single separator followed by other
    than three digits is a decimal mark (``2,5``). ``whole`` reads a lone
    separator before three digits as grouping (rupiah have no cents).
    """
    seps = [c for c in text if c in ".,"]
    if not seps:
        return [(Decimal(text), Decimal(1))]
    if len(set(seps)) == 2:
        marks: list[str | None] = [seps[-1]] if seps.count(seps[-1]) == 1 else []
    elif len(seps) > 1:
        marks = [None]
    else:
        before, after = text.split(seps[0])
        if len(after) != 3 or before == "0":
            marks = [seps[0]]
        elif whole:
            marks = [None]
        else:
            # "12.400" or "12,400": the reader's convention first, the other one after.
            marks = [seps[0], None] if seps[0] == DECIMAL_MARK[lang] else [None, seps[0]]
    readings = []
    for mark in marks:
        reading = _reading(text, mark)
        if reading is not None:
            readings.append(reading)
    return readings


def _reading(text: str, mark: str | None) -> tuple[Decimal, Decimal] | None:
    whole, _, fraction = text.rpartition(mark) if mark else (text, "", "")
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    try:
        value = Decimal(f"{digits}.{fraction}" if fraction else digits)
    except InvalidOperation:
        return None
    return value, Decimal(1).scaleb(-len(fraction))


def parse_number(text: str, lang: Lang = "en") -> tuple[Decimal, Decimal] | None:
    """``"12.400"`` -> (12400, 1) in Indonesian; ``"2,5"`` -> (2.5, 0.1). None if malformed."""
    readings = number_readings(text, lang)
    return readings[0] if readings else None


def _scale_power(word: str, lang: Lang) -> int:
    """The statement's own language first ("M" is a miliar in Indonesian), then the other's."""
    power = scale_power(word, lang)
    if power is None:
        power = scale_power(word, "id" if lang == "en" else "en")
    assert power is not None  # the pattern only takes words of the table
    return power


_RUPIAH = {"rp", "rp.", "idr", "rupiah"}
_CURRENCY_CODES = {
    **dict.fromkeys(_RUPIAH, "IDR"),
    **dict.fromkeys(("usd", "us$", "$", "dollar", "dollars", "dolar"), "USD"),
    **dict.fromkeys(("eur", "€"), "EUR"),
    "£": "GBP",
    "sgd": "SGD",
}


def _quantity(match: re.Match[str], lang: Lang) -> Quantity | None:
    currency = (match["cur"] or match["cur2"] or "").lower()
    readings = number_readings(match["num"], lang, whole=currency in _RUPIAH)
    if not readings:
        return None
    scale = Decimal(1)
    if match["scale"]:
        scale = Decimal(10) ** _scale_power(match["scale"], lang)
    readings = [(value * scale, step * scale) for value, step in readings]
    unit: Unit = ""
    minutes = None
    if match["pct"]:
        unit = "percent"
    elif currency:
        unit = "money"
    elif match["ratio"]:
        unit = "ratio"
    elif match["dur"]:
        unit = "duration"
        minutes = MINUTES.get(match["dur"].lower())
    percent_word = (match["pct"] or "").lower()
    points = "point" in percent_word or percent_word in ("pp", "poin persentase")
    text = match.group(0).strip()
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    (value, step), *others = readings
    return Quantity(
        value,
        step,
        unit,
        minutes,
        start,
        start + len(text),
        text,
        tuple(others),
        points,
        (match["dur"] or "").lower(),
        _CURRENCY_CODES.get(currency, currency.upper()),
    )


def mask_quantities(chars: list[str]) -> list[re.Match[str]]:
    """Every figure left in ``chars``, whose characters become ``#``; read them with
    :func:`quantities_in` once the statement's language is known."""
    matches = list(_QUANTITY.finditer("".join(chars)))
    for m in matches:
        for i in range(m.start(), m.end()):
            chars[i] = "#"
    return matches


def quantities_in(matches: list[re.Match[str]], lang: Lang) -> list[Quantity]:
    """The figures of :func:`mask_quantities`, read with ``lang``'s decimal mark."""
    return [q for q in (_quantity(m, lang) for m in matches) if q is not None]
