"""A small, realistic plan for SMART checker tests, and a way to vary one goal in it.

The plan (``tests/fixtures/scenarios/smart_base_no_goals.toml``) runs through
2027 for a coffee brand; tests take "today" as 1 December 2026, before the plan
starts, unless a case says otherwise.
"""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from typing import Any

from smplan.model import Plan
from tests.plan_fixtures import fixture_text

TODAY = dt.date(2026, 12, 1)

BASE_PLAN = fixture_text("scenarios/smart_base_no_goals.toml")

#: The goal every case starts from: fully SMART.
BASE_GOAL_EN: dict[str, Any] = {
    "id": "ig-followers",
    "statement": "Grow Instagram followers from 12,400 to 13,500 by 30 June 2027",
    "objective": "awareness",
    "network": "instagram",
    "kpi": "followers",
    "baseline": 12400,
    "target": 13500,
    "unit": "followers",
    "start": dt.date(2027, 1, 1),
    "deadline": dt.date(2027, 6, 30),
    "owner": "dewi",
    "personas": ["rina"],
}

BASE_GOAL_ID: dict[str, Any] = {
    **BASE_GOAL_EN,
    "statement": "Menambah pengikut Instagram dari 12.400 menjadi 13.500 paling lambat 30 Juni 2027",
    "unit": "pengikut",
}


def _calendar() -> list[dict[str, Any]]:
    """26 weekly items of 2 hours for the follower goal: 2 hours a week for Dewi."""
    first = dt.date(2027, 1, 4)
    return [
        {
            "date": first + dt.timedelta(weeks=week),
            "network": "instagram",
            "title": f"Reel {week + 1}",
            "owner": "dewi",
            "goal": "ig-followers",
            "hours": 2,
        }
        for week in range(26)
    ]


def _merge(into: dict[str, Any], patch: dict[str, Any]) -> None:
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def build_plan(
    goal: dict[str, Any] | None = None,
    lang: str = "en",
    plan: dict[str, Any] | None = None,
    others: list[dict[str, Any]] | None = None,
) -> Plan:
    """The base plan whose first goal is the base goal changed by ``goal``.

    A value of None in ``goal`` removes that key. ``plan`` is merged into the
    plan's data (tables merge, lists replace); ``others`` are more goals.
    """
    data = tomllib.loads(BASE_PLAN)
    data["plan"]["language"] = lang
    data["calendar"] = _calendar()
    the_goal = copy.deepcopy(BASE_GOAL_ID if lang == "id" else BASE_GOAL_EN)
    for key, value in (goal or {}).items():
        if value is None:
            the_goal.pop(key, None)
        else:
            the_goal[key] = value
    data["goals"] = [the_goal, *(others or [])]
    _merge(data, plan or {})
    return Plan.model_validate(data)
