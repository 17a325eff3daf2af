"""One CSV cell -> the value of an item field, or a plain reason why not.

Dates are ISO (2027-03-31), ``dd/mm/yyyy`` or ``mm/dd/yyyy`` (also with ``.``
or ``-`` between the numbers), optionally followed by a time as schedulers
write it ("31/03/2027 09:30"). Which of day or month comes first is the
file's :class:`DateOrder`, given or found from the file's own dates.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Literal

from smplan.i18n import LANGUAGES, Lang, t
from smplan.i18n.catalogue import messages
from smplan.interchange.csv_columns import looks_like_formula
from smplan.model.types import ItemStatus

DateOrder = Literal["dmy", "mdy"]
STATUSES: tuple[ItemStatus, ...] = ("idea", "planned", "draft", "scheduled", "published")

_TIME = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?\s*(?P<half>[aApP][mM])?"
_ISO = re.compile(rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:[ T]+{_TIME})?")
_SLASH = re.compile(
    rf"(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{2,4}})(?:[ T,]+{_TIME})?"
)
_TIME_ONLY = re.compile(_TIME)
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


class CellError(ValueError):
    """A cell that does not hold what its column needs; the message is the plain reason."""


def slash_parts(text: str) -> tuple[int, int] | None:
    """The two leading numbers of a ``a/b/yyyy`` date, or None for any other text."""
    match = _SLASH.fullmatch(text.strip())
    return (int(match["a"]), int(match["b"])) if match else None


def _formula(text: str, lang: Lang | None) -> CellError | None:
    if looks_like_formula(text):
        return CellError(t("csv.cell.formula", lang, text=text))
    return None


def _time_of(match: re.Match[str], text: str, lang: Lang | None) -> dt.time | None:
    if match["hour"] is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    half = (match["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise CellError(t("csv.cell.time", lang, text=text))
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        raise CellError(t("csv.cell.time", lang, text=text)) from None


def parse_date(
    text: str, order: DateOrder | None, lang: Lang | None
) -> tuple[dt.date, dt.time | None]:
    """The date (and time, when the cell has one) of a date cell."""
    value = text.strip()
    iso = _ISO.fullmatch(value)
    slash = None if iso else _SLASH.fullmatch(value)
    match = iso or slash
    if match is None:
        raise _formula(value, lang) or CellError(t("csv.cell.date", lang, text=value))
    if slash is not None:
        if len(slash["y"]) != 4:
            raise CellError(t("csv.cell.date-year", lang, text=value))
        a, b = int(slash["a"]), int(slash["b"])
        if order is None and a != b and a <= 12 and b <= 12:
            raise CellError(t("csv.cell.date-ambiguous", lang, text=value))
        if order is None:
            order = "mdy" if b > 12 else "dmy"
        day, month = (a, b) if order == "dmy" else (b, a)
        year = int(slash["y"])
    else:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise CellError(t("csv.cell.date-no-day", lang, text=value)) from None
    return date, _time_of(match, value, lang)


def parse_time(text: str, lang: Lang | None) -> dt.time:
    value = text.strip()
    match = _TIME_ONLY.fullmatch(value)
    if match is None:
        raise _formula(value, lang) or CellError(t("csv.cell.time", lang, text=value))
    found = _time_of(match, value, lang)
    assert found is not None
    return found


def parse_decimal(text: str, lang: Lang | None) -> Decimal:
    """A plain number: ``12.5``, or ``12,5`` as a spreadsheet with a decimal comma writes it."""
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    if _DECIMAL_COMMA.fullmatch(value):
        value = value.replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise _formula(text.strip(), lang) or CellError(
            t("csv.cell.number", lang, text=text.strip())
        ) from None
    if not number.is_finite():
        raise CellError(t("csv.cell.number", lang, text=text.strip()))
    return number


def parse_count(text: str, lang: Lang | None) -> int:
    number = parse_decimal(text, lang)
    if number != number.to_integral_value():
        raise CellError(t("csv.cell.whole", lang, text=text.strip()))
    return int(number)


def _status_names() -> dict[str, ItemStatus]:
    names: dict[str, ItemStatus] = {}
    for status in STATUSES:
        names[status] = status
        for lang in LANGUAGES:
            names[messages(lang)[f"value.status.{status}"].casefold()] = status
    return names


def parse_status(text: str, lang: Lang | None) -> ItemStatus:
    value = text.strip().casefold()
    found = _status_names().get(value)
    if found is None:
        raise _formula(text.strip(), lang) or CellError(
            t("csv.cell.status", lang, text=text.strip(), choices=", ".join(STATUSES))
        )
    return found


def parse_hashtags(text: str) -> list[str]:
    """``"#kopi #jakarta"`` or ``"#kopi, #jakarta"`` -> ``["#kopi", "#jakarta"]``."""
    return [tag for tag in re.split(r"[\s,]+", text) if tag]
