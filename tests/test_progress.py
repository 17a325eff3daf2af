"""Each step's mark (empty, started, complete) and what it says the step still misses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smplan.checks.structure.completeness import step_completeness, step_progress
from smplan.model import CalendarItem
from smplan.store import PlanFile
from tests.conftest import SAMPLES


def new_plan(lang: str = "en") -> PlanFile:
    return PlanFile.new(Path("new.toml"), lang=lang)  # type: ignore[arg-type]


def test_a_new_plan_starts_empty_whatever_the_starter_fills_in() -> None:
    plan = new_plan().plan
    states = [step_completeness(plan, step) for step in range(8)]
    # The plan's details miss only a title of its own; the starter's cadence starts nothing.
    assert states == ["partial"] + ["empty"] * 7
    assert step_progress(plan, 0, "en").missing == ("a title",)
    assert step_progress(plan, 7, "en").missing == ("a KPI result", "a review")


def test_a_calendar_in_one_month_says_it_needs_three() -> None:
    plan = new_plan().plan
    plan.calendar = [CalendarItem(date=dt.date(2027, 1, day), title="Post") for day in range(1, 10)]
    progress = step_progress(plan, 6, "en")
    assert progress.state == "partial"
    assert progress.missing == ("items in 3 different months (1 so far)",)
    plan.calendar[0].date = dt.date(2027, 2, 1)
    plan.calendar[1].date = dt.date(2027, 3, 1)
    assert step_progress(plan, 6).state == "complete"


def test_what_is_missing_speaks_the_users_language() -> None:
    plan = new_plan("id").plan
    assert step_progress(plan, 0, "id").missing == ("judul",)
    assert step_progress(plan, 2, "id").missing == ("persona",)


def test_the_full_samples_are_complete_and_say_nothing_is_missing() -> None:
    for name in ("northwind-nonprofit.toml", "kopi-nusantara.toml"):
        plan = PlanFile.open(SAMPLES / name).plan
        assert all(step_progress(plan, step).missing == () for step in range(8))
