"""The budget gauge and the tracker follow a calendar item's cost as it is typed."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input

from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor
from smplan.tui.widgets.budget_panel import BudgetPanel
from tests.conftest import SAMPLES
from tests.tui_flow import on_disk, open_app, save, wait_for


def nav_text(app: SmplanApp) -> str:
    return str(app.screen.query_one("#nav-summary").render())


async def settle(pilot, app: SmplanApp) -> None:  # type: ignore[no-untyped-def]
    """Wait until the debounced work after typing (findings, tracker) has run."""
    for _ in range(40):
        await pilot.pause(0.05)
        if app._findings_timer is None or not app._findings_timer._active.is_set():
            break
    await pilot.pause(0.4)


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    target = tmp_path / "northwind.toml"
    target.write_bytes((SAMPLES / "northwind-nonprofit.toml").read_bytes())
    return target


async def test_raising_a_cost_over_budget_shows_and_clears_the_warning(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    budget = plan_file.plan.resources.budget
    assert budget is not None
    original_total = sum((i.cost or Decimal(0)) for i in plan_file.plan.calendar)
    app = SmplanApp(plan_path, plan_file, None)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.press("ctrl+g", "6")
        await pilot.pause(0.5)
        report = app.budget.report
        assert report is not None and not report.money.over
        headroom = budget - report.money.committed
        assert headroom > 0
        assert "!" not in nav_text(app).split("Budget")[1].splitlines()[0]

        editor = app.screen.query_one(CalendarEditor)
        item = editor.current
        assert item is not None
        old_cost = item.cost or Decimal(0)
        cost = next(r for r in editor.form.rows() if r.spec.name == "cost")
        field = cost.editor
        assert isinstance(field, Input)
        field.focus()
        field.value = ""
        over = old_cost + headroom + 500
        await pilot.press(*f"{over:,}")
        await settle(pilot, app)

        assert item.cost == over
        report = app.budget.report
        assert report is not None and report.money.over
        assert report.money.committed == budget + 500
        gauge = nav_text(app).split("Budget")[1].splitlines()[0]
        assert "!" in gauge and "%" in gauge
        codes = {f.code for f in app.findings}
        assert "budget-over" in codes

        # The tracker on the Resources step says it too.
        await pilot.press("ctrl+g", "3")
        await pilot.pause(0.3)
        panel = str(app.screen.query_one(BudgetPanel).render())
        assert "over" in panel.lower()

        # Lowering the cost clears the gauge and the warning.
        await pilot.press("ctrl+g", "6")
        await pilot.pause(0.3)
        field = next(r for r in editor.form.rows() if r.spec.name == "cost").editor
        assert isinstance(field, Input)
        field.focus()
        field.value = ""
        await pilot.press(*f"{old_cost:,}")
        await settle(pilot, app)
        report = app.budget.report
        assert report is not None and not report.money.over
        assert "!" not in nav_text(app).split("Budget")[1].splitlines()[0]
        assert "budget-over" not in {f.code for f in app.findings}
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
    # Back where it started: the costs on disk add up as before.
    saved = tomllib.loads(plan_path.read_text(encoding="utf-8"), parse_float=Decimal)
    assert sum(Decimal(i.get("cost", 0)) for i in saved["calendar"]) == original_total


RHYTHM_PLAN = """\
schema = 1

[plan]
title = "One week of posts"
language = "en"
period_start = 2027-03-01
period_end = 2027-03-07

[[strategy.networks]]
network = "instagram"
posts_per_week = 2

[[calendar]]
date = 2027-03-02
network = "instagram"
title = "Tuesday tip"
"""


def rhythm_lines(app: SmplanApp) -> list[str]:
    """The tracker's lines below its posting-rhythm heading."""
    lines = str(app.screen.query_one(BudgetPanel).render()).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Posting rhythm"))
    return lines[start + 1 :]


async def test_the_tracker_shows_the_posting_rhythm_and_follows_the_calendar(
    tmp_path: Path,
) -> None:
    path = tmp_path / "week.toml"
    path.write_text(RHYTHM_PLAN, encoding="utf-8")
    app = open_app(path, step=3)
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.screen.query_one(BudgetPanel)
        await wait_for(pilot, lambda: "Posting rhythm" in str(panel.render()))
        # One post where the card asks for two: flagged, and how far off it is.
        assert rhythm_lines(app) == [
            "! Instagram, 2 a week in the strategy, 1 planned: below it in 1 of 1 weeks (fewest 1)"
        ]
        # A second post the same week (a new item takes the highlighted one's day and network).
        await pilot.press("f7")
        table = app.screen.query_one(CalendarEditor).table
        await wait_for(pilot, lambda: app.focused is table and table.row_count == 1)
        await pilot.press("insert", *"Friday recap")
        await pilot.press("f4")
        await wait_for(pilot, lambda: "2 planned" in "".join(rhythm_lines(app)))
        assert rhythm_lines(app) == [
            "  Instagram, 2 a week in the strategy, 2 planned: on rhythm every week"
        ]
        await save(pilot)
    assert [c["title"] for c in on_disk(path)["calendar"]] == ["Tuesday tip", "Friday recap"]
