"""Field text <-> model values, in the user's language."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from smplan.i18n import current_language
from smplan.i18n.formats import MONTHS, MONTHS_SHORT, SEPARATORS, format_date, format_number

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")


def parse_number(text: str) -> Decimal:
    """A number as the user's language writes it; plain numbers are accepted too."""
    lang = current_language()
    thousands, point = SEPARATORS[lang]
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if (
        thousands in cleaned
        and re.fullmatch(
            rf"-?\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+(?:{re.escape(point)}\d+)?", cleaned
        )
        is None
    ):
        raise ValueError("input.bad-number")
    cleaned = cleaned.replace(thousands, "").replace(point, ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError("input.bad-number") from None
    if not number.is_finite():
        raise ValueError("input.bad-number")
    return number


def parse_date(text: str) -> dt.date:
    cleaned = text.strip()
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    parts = cleaned.replace(",", " ").split()
    if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit():
        name = parts[1].lower()
        for lang in (current_language(), "en", "id"):
            for table in (MONTHS, MONTHS_SHORT):
                names = [m.lower() for m in table[lang]]
                if name in names:
                    try:
                        return dt.date(int(parts[2]), names.index(name) + 1, int(parts[0]))
                    except ValueError:
                        raise ValueError("input.bad-date") from None
    raise ValueError("input.bad-date")


def parse_time(text: str) -> dt.time:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise ValueError("input.bad-time")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        raise ValueError("input.bad-time") from None


def parse_value(kind: str, raw: Any) -> Any:
    """The model value for what the user typed; ValueError(catalogue id) when it is not one."""
    if kind == "lines":
        return [line.strip() for line in str(raw).splitlines() if line.strip()]
    if not isinstance(raw, str):
        return raw
    if not raw.strip():
        return None
    if kind in ("text", "long"):
        return raw if kind == "long" else raw.strip()
    if kind in ("number", "money", "percent"):
        return parse_number(raw)
    if kind == "int":
        number = parse_number(raw)
        if number != number.to_integral_value():
            raise ValueError("input.not-whole")
        return int(number)
    if kind == "date":
        return parse_date(raw)
    if kind == "time":
        return parse_time(raw)
    return raw


def display_value(kind: str, value: Any) -> str:
    """The text a field shows for a model value."""
    if value is None:
        return ""
    if kind in ("number", "money", "percent", "int") and isinstance(value, int | Decimal):
        return format_number(value)
    if kind == "date" and isinstance(value, dt.date):
        return format_date(value)
    if kind == "time" and isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    return str(value)
