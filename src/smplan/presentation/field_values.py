"""Field text <-> model values, in the user's language (see docs/i18n.md for the rules)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from smplan.i18n import current_language
from smplan.i18n.formats import format_date, format_number
from smplan.i18n.parsing import (
    ParseError,
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
)

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?")

__all__ = ["ParseError", "display_value", "parse_time", "parse_value"]


def parse_time(text: str) -> dt.time:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise ParseError("input.bad-time", current_language())
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        raise ParseError("input.bad-time", current_language()) from None


def parse_value(kind: str, raw: Any, currency: str = "USD") -> Any:
    """The model value for what the user typed; :class:`ParseError` when it is not one."""
    if kind == "lines":
        # Only line breaks split: a control character inside an entry stays in it.
        lines = str(raw).replace("\r\n", "\n").split("\n")
        return [line.strip() for line in lines if line.strip()]
    if not isinstance(raw, str):
        return raw
    if not raw.strip():
        return None
    lang = current_language()
    if kind == "text":
        return raw.strip()
    if kind == "long":
        return raw
    if kind == "number":
        return parse_number(raw, lang)
    if kind == "money":
        return parse_money(raw, currency, lang)
    if kind == "percent":
        return parse_percent(raw, lang)
    if kind == "int":
        return int(parse_number(raw, lang, places=0))
    if kind == "date":
        return parse_date(raw, lang)
    if kind == "time":
        return parse_time(raw)
    return raw


def display_value(kind: str, value: Any) -> str:
    """The text a field shows for a model value, in the user's language."""
    if value is None:
        return ""
    if kind in ("number", "money", "percent", "int") and isinstance(value, int | Decimal):
        return format_number(value)
    if kind == "date" and isinstance(value, dt.date):
        return format_date(value)
    if kind == "time" and isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    return str(value)
