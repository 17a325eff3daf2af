"""Progress and pace of goals, with exact expected verdicts, figures and dates.

The base goal grows a figure from 1,000 on 1 January 2027 to 2,000 on
31 December 2027: 364 days from start to deadline, so a result on 2 July
(182 days in) is on the straight line at 1,500, half the time and half the way;
1,300 then is 20 points behind it, 200 short.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest

from smplan.checks import run_checks
from smplan.checks.progress import goal_progress, plan_progress, progress_findings
from smplan.model import Goal, Plan
from tests.helpers import ROOT

D = dt.date
START, DEADLINE = D(2027, 1, 1), D(2027, 12, 31)
MID = D(2027, 7, 2)
GROW: dict[str, Any] = {
    "id": "g",
    "baseline": 1000,
    "target": 2000,
    "start": START,
    "deadline": DEADLINE,
}
CPC: dict[str, Any] = {**GROW, "kpi": "cpc", "unit": "IDR", "baseline": 3000, "target": 2000}
REPLY: dict[str, Any] = {
    **GROW,
    "kpi": "first response time",
    "unit": "minutes",
    "baseline": 240,
    "target": 60,
}
RATE: dict[str, Any] = {
    **GROW,
    "kpi": "engagement rate",
    "unit": "%",
    "baseline": Decimal("2.1"),
    "target": 3,
}
HOLD: dict[str, Any] = {
    **GROW,
    "kpi": "engagement rate",
    "unit": "%",
    "baseline": Decimal("2.5"),
    "target": Decimal("2.5"),
}
HOLD_DOWN: dict[str, Any] = {**CPC, "baseline": 3000, "target": 3000}
TODAY = D(2027, 8, 1)
LATE = D(2028, 1, 15)


def n(value: str | int) -> Decimal:
    return Decimal(value)


@pytest.mark.parametrize(
    ("name", "goal", "readings", "today", "expected"),
    [
        ("rising, on track", GROW, [(MID, 1500)], TODAY,
         {"verdict": "on-track", "percent": n("50.0"), "elapsed": n("50.0"), "gap": n("0.0"),
          "shortfall": n("0.00"), "projected": D(2027, 12, 31)}),
        ("rising, behind", GROW, [(MID, 1300)], TODAY,
         {"verdict": "behind", "percent": n("30.0"), "gap": n("-20.0"), "shortfall": n("200.00"),
          "projected": D(2028, 8, 30), "pace_so_far": n(300) / 182, "pace_needed": n(700) / 182}),
        ("rising, ahead", GROW, [(MID, 1800)], TODAY,
         {"verdict": "ahead", "percent": n("80.0"), "gap": n("30.0"), "shortfall": n("-300.00")}),
        ("reached before the deadline", GROW, [(MID, 1500), (D(2027, 10, 1), 2050)], TODAY,
         {"verdict": "reached", "percent": n("105.0"), "reached_on": D(2027, 10, 1),
          "projected": D(2027, 10, 1)}),
        ("target already reached at the first result", GROW, [(D(2027, 2, 1), 2100)], TODAY,
         {"verdict": "reached", "reached_on": D(2027, 2, 1)}),
        ("past the deadline, short of the target", GROW, [(MID, 1500), (DEADLINE, 1900)], LATE,
         {"verdict": "missed", "percent": n("90.0"), "latest": (DEADLINE, n(1900))}),
        ("reached after the deadline: missed, late", GROW, [(D(2027, 12, 15), 1900), (D(2028, 1, 10), 2100)], LATE,
         {"verdict": "missed", "percent": n("110.0"), "reached_late": D(2028, 1, 10),
          "reached_on": None}),
        ("a result after the deadline counts as the latest", GROW, [(D(2028, 1, 10), 1500)], LATE,
         {"verdict": "missed", "percent": n("50.0")}),
        ("falling: cost per click, behind", CPC, [(MID, 2600)], TODAY,
         {"verdict": "behind", "direction": "down", "percent": n("40.0"), "gap": n("-10.0"),
          "shortfall": n("100.00"), "projected": D(2028, 3, 31)}),
        ("falling: response time in minutes, ahead", REPLY, [(MID, 120)], TODAY,
         {"verdict": "ahead", "direction": "down", "percent": n("66.7")}),
        ("falling: reached", CPC, [(MID, 1990)], TODAY,
         {"verdict": "reached", "direction": "down", "reached_on": MID}),
        ("no results yet", GROW, [], TODAY, {"verdict": "no-results", "percent": None, "latest": None}),
        ("no results, before the start", GROW, [], D(2026, 12, 1), {"verdict": "not-started"}),
        ("one result on the start day", GROW, [(START, 1000)], TODAY,
         {"verdict": "on-track", "percent": n("0.0"), "elapsed": n("0.0"), "pace_so_far": None,
          "projected": None}),
        ("results before the start are history", GROW, [(D(2026, 11, 30), 900), (MID, 1500)], TODAY,
         {"verdict": "on-track", "history": ((D(2026, 11, 30), n(900)),), "percent": n("50.0")}),
        ("only results before the start", GROW, [(D(2026, 11, 30), 900)], TODAY,
         {"verdict": "no-results", "latest": None}),
        ("baseline equal to target, held", HOLD, [(MID, Decimal("2.6"))], TODAY,
         {"verdict": "reached", "percent": n(100)}),
        ("baseline equal to target, slipped", HOLD, [(MID, Decimal("2.4"))], TODAY,
         {"verdict": "behind", "percent": n(0)}),
        ("baseline equal to target, lower is better", HOLD_DOWN, [(MID, 2900)], TODAY,
         {"verdict": "reached"}),
        ("decimals and percentages", RATE, [(MID, Decimal("2.55"))], TODAY,
         {"verdict": "on-track", "percent": n("50.0"), "shortfall": n("0.00")}),
        ("a goal that fell back: never at this pace", GROW, [(MID, 900)], TODAY,
         {"verdict": "behind", "percent": n("-10.0"), "projected": None}),
        ("no target", {**GROW, "target": None}, [(MID, 1500)], TODAY, {"verdict": "no-target"}),
        ("no baseline", {**GROW, "baseline": None}, [(MID, 1500)], TODAY, {"verdict": "no-baseline"}),
        ("no dates and no plan period", {**GROW, "start": None, "deadline": None}, [(MID, 1500)], TODAY,
         {"verdict": "no-dates", "percent": n("50.0")}),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)  # fmt: skip
def test_progress_and_pace(
    name: str,
    goal: dict[str, Any],
    readings: list[tuple[dt.date, Any]],
    today: dt.date,
    expected: dict[str, Any],
) -> None:
    the_goal = Goal.model_validate(goal)
    down = "down" if goal.get("kpi") in ("cpc", "first response time") else "up"
    found = goal_progress(
        the_goal, [(day, Decimal(v)) for day, v in readings], today=today, better=down
    )
    for field, value in expected.items():
        assert getattr(found, field) == value, (name, field, found)


def test_a_goal_without_dates_is_read_over_the_plan_period() -> None:
    goal = Goal.model_validate({**GROW, "start": None, "deadline": None})
    found = goal_progress(goal, [(MID, Decimal(1500))], today=TODAY, period=(START, DEADLINE))
    assert (found.verdict, found.start, found.deadline) == ("on-track", START, DEADLINE)


def test_the_tolerance_decides_on_track() -> None:
    goal = Goal.model_validate(GROW)
    # 40 % of the way with 50 % of the time gone: 10 points behind.
    assert goal_progress(goal, [(MID, Decimal(1400))], today=TODAY).verdict == "behind"
    assert (
        goal_progress(goal, [(MID, Decimal(1400))], today=TODAY, tolerance=Decimal(10)).verdict
        == "on-track"
    )


# -- the plan and `smplan check` --------------------------------------------------


def _plan(lang: str = "en", **smart: Any) -> Plan:
    return Plan.model_validate(
        {
            "schema": 1,
            "plan": {"title": "t", "period_start": START, "period_end": DEADLINE, "language": lang,
                     "currency": "IDR"},
            "goals": [
                {**GROW, "id": "behind", "kpi": "followers", "unit": "followers"},
                {**GROW, "id": "fine", "kpi": "followers"},
                {**CPC, "id": "cpc", "deadline": D(2027, 6, 30)},
            ],
            "measurement": {
                "results": [
                    {"goal": "behind", "date": MID, "value": 1300},
                    {"goal": "fine", "date": MID, "value": 1500},
                    {"goal": "cpc", "date": D(2027, 6, 30), "value": 2500},
                ]
            },
            "smart": smart,
        }
    )  # fmt: skip


def test_plan_progress_in_goal_order_with_the_plans_tolerance() -> None:
    verdicts = [p.verdict for p in plan_progress(_plan(), TODAY)]
    assert verdicts == ["behind", "on-track", "missed"]
    loose = _plan(rules={"pace_tolerance": 25})
    assert plan_progress(loose, TODAY)[0].verdict == "on-track"


def test_findings_name_the_goal_how_far_behind_and_when_it_would_get_there() -> None:
    findings = progress_findings(_plan(), "en", today=TODAY)
    assert [(f.code, f.level, f.subject, f.path) for f in findings] == [
        ("goal-behind", "warning", "behind", ("goals", 0)),
        ("goal-missed", "warning", "cpc", ("goals", 2)),
    ]
    behind, missed = (f.message for f in findings)
    assert behind == (
        'goal "behind" is behind: 1,300 followers on 2 July 2027 is 30% of the way, with 50% '
        "of its time gone (200 followers short of the straight line); it needs 117.07 "
        "followers a month from here, against 50.17 followers a month so far, and at this pace "
        "it reaches 2,000 followers on 30 August 2028"
    )
    assert missed == (
        'goal "cpc" missed its target: IDR 2,500 on 30 June 2027 is 50% of the way to '
        "IDR 2,000, due 30 June 2027"
    )


def test_findings_in_indonesian() -> None:
    findings = progress_findings(_plan("id"), today=TODAY)
    assert findings[0].message.startswith(
        'sasaran "behind" tertinggal: 1.300 followers pada 2 Juli 2027 baru 30% dari jalan'
    )
    assert findings[1].message == (
        'sasaran "cpc" tidak mencapai target: Rp 2.500 pada 30 Juni 2027 baru 50% dari jalan '
        "menuju Rp 2.000, dengan tenggat 30 Juni 2027"
    )


def test_run_checks_reports_progress_on_its_reference_day() -> None:
    codes = {f.code for f in run_checks(_plan(), "en", today=TODAY)}
    assert {"goal-behind", "goal-missed"} <= codes
    before = {f.code for f in run_checks(_plan(), "en", today=D(2027, 6, 1))}
    assert "goal-missed" not in before and "goal-behind" in before


def test_smplan_check_takes_a_reference_day(tmp_path: Any) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        """schema = 1

[plan]
title = "Pace"
period_start = 2027-01-01
period_end = 2027-12-31
language = "en"

[[goals]]
id = "reels"
kpi = "followers"
baseline = 1000
target = 2000
start = 2027-01-01
deadline = 2027-06-30

[[measurement.results]]
goal = "reels"
date = 2027-03-31
value = 1200
""",
        encoding="utf-8",
    )

    def check(*extra: str) -> str:
        run = subprocess.run(
            [sys.executable, "-m", "smplan", "check", str(plan), *extra],
            capture_output=True, text=True, cwd=ROOT, check=False,
        )  # fmt: skip
        return run.stdout + run.stderr

    during = check("--today", "2027-04-15")
    assert "warning goal-behind" in during and "goal-missed" not in during
    assert f"{plan}:9: warning goal-behind" in during  # the goal's [[goals]] line
    after = check("--today", "2027-07-15")
    assert "warning goal-missed" in after
    refused = check("--today", "30/06/2027")
    assert "30/06/2027 is not a date: write it as YYYY-MM-DD" in refused
