"""Field types shared by the plan model: exact money, dates, slugs."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


def _number(value: Any) -> Any:
    # TOML has real numbers; a quoted "60000000" is a typing slip the user should fix,
    # and a bool would silently become 0 or 1. Errors are message ids of the catalogue.
    if isinstance(value, bool):
        raise ValueError("type.number-bool")
    if isinstance(value, str):
        raise ValueError("type.number-quoted")
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError("type.number-finite")
    return value


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("type.date-with-time")
    if isinstance(value, str):
        raise ValueError("type.date-quoted")
    if not isinstance(value, dt.date):
        raise ValueError("type.date")
    return value


def _time(value: Any) -> Any:
    if isinstance(value, str):
        raise ValueError("type.time-quoted")
    if not isinstance(value, dt.time):
        raise ValueError("type.time")
    return value


def _text(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError("type.text")
    return value


def _flag(value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValueError("type.bool")
    return value


def _whole(value: Any) -> Any:
    value = _number(value)
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ValueError("type.whole")
        return int(value)
    return value


#: Money in the plan currency, summed exactly.
Money = Annotated[Decimal, BeforeValidator(_number)]
#: A number that may have a fraction (hours, percentages, rates).
Number = Annotated[Decimal, BeforeValidator(_number)]
#: A whole number (followers, posts).
Count = Annotated[int, BeforeValidator(_whole)]
Date = Annotated[dt.date, BeforeValidator(_date)]
Time = Annotated[dt.time, BeforeValidator(_time)]
Text = Annotated[str, BeforeValidator(_text)]
Flag = Annotated[bool, BeforeValidator(_flag)]

Language = Literal["en", "id"]
ToolPeriod = Literal["month", "year", "once"]
ItemStatus = Literal["idea", "planned", "draft", "scheduled", "published"]
Cadence = Literal["weekly", "monthly", "quarterly"]
ObjectiveKind = Literal["marketing", "communication"]
Flavor = Literal["github", "gitlab", "azure", "obsidian", "plain"]

KNOWN_NETWORKS = (
    "instagram",
    "facebook",
    "tiktok",
    "x",
    "linkedin",
    "youtube",
    "pinterest",
    "threads",
    "whatsapp",
    "telegram",
    "snapchat",
    "blog",
    "email",
)
