"""Small plans for the budget tracker tests, built in code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from smplan.model import Plan

JAN_1 = dt.date(2027, 1, 1)
DEC_31 = dt.date(2027, 12, 31)


def make_plan(
    *,
    start: dt.date | None = JAN_1,
    end: dt.date | None = DEC_31,
    currency: str = "IDR",
    language: str = "en",
    budget: Any = None,
    team: Sequence[dict[str, Any]] = (),
    tools: Sequence[dict[str, Any]] = (),
    allocations: Sequence[dict[str, Any]] = (),
    goals: Sequence[dict[str, Any]] = (),
    calendar: Sequence[dict[str, Any]] = (),
) -> Plan:
    info: dict[str, Any] = {"title": "Test plan", "currency": currency, "language": language}
    if start is not None:
        info["period_start"] = start
    if end is not None:
        info["period_end"] = end
    resources: dict[str, Any] = {
        "team": list(team),
        "tools": list(tools),
        "allocations": list(allocations),
    }
    if budget is not None:
        resources["budget"] = budget
    return Plan.model_validate(
        {
            "schema": 1,
            "plan": info,
            "resources": resources,
            "goals": list(goals),
            "calendar": list(calendar),
        }
    )


def month(year: int, number: int) -> dt.date:
    return dt.date(year, number, 1)
