"""Step 7 shows each goal's progress, verdict and pace; a result typed into the
form (goal picked by a word of its statement, the date offered as today) moves
the verdict at once and lands in the file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input

from smplan.checks.progress import goal_progress
from smplan.model import Goal
from smplan.presentation.progress import chart, progress_rows
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.measurement import MeasurementPane
from smplan.tui.widgets.items import ItemsEditor
from smplan.tui.widgets.picker import Picker
from smplan.tui.widgets.progress_panel import ProgressPanel
from tests.conftest import SAMPLES
from tests.tui_flow import on_disk, row_in, save, settle

D = dt.date
GOAL = Goal(
    id="reels",
    kpi="followers",
    unit="followers",
    baseline=Decimal(1000),
    target=Decimal(2000),
    start=D(2027, 1, 1),
    deadline=D(2027, 12, 31),
)


def test_a_goal_behind_reads_its_bar_verdict_pace_and_date() -> None:
    results = [(D(2027, 4, 1), Decimal(1100)), (D(2027, 7, 2), Decimal(1300))]
    item = goal_progress(GOAL, results, today=D(2027, 7, 10))
    (row,) = progress_rows([item], "USD", "en")
    assert row.head == "██▍       30.0%  behind (20.0 pts)"
    assert row.latest == "1,300 followers on 2 Jul 2027"
    assert row.figures == "pace 50/month, 117 needed · target on 30 Aug 2028"
    # Both results under the straight line: each cell is followed by a dot.
    assert row.chart == "▁·▃·"  # 10% and 30% of the way from 1,000 to 2,000
    (row,) = progress_rows([item], "IDR", "id")
    assert row.head == "██▍       30,0%  tertinggal (20,0 poin)"
    assert row.latest == "1.300 followers pada 2 Jul 2027"
    assert row.figures == "laju 50/bulan, butuh 117 · target pada 30 Agu 2028"


def test_no_result_yet_is_not_judged_and_has_no_chart() -> None:
    item = goal_progress(GOAL, [], today=D(2027, 2, 1))
    (row,) = progress_rows([item], "USD", "en")
    assert (row.head, row.latest, row.figures) == ("not judged: no result yet", "", "")
    assert chart(item) == ""


async def test_a_result_typed_in_moves_the_verdict(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes((SAMPLES / "northwind-nonprofit.toml").read_bytes())
    app = SmplanApp(path, PlanFile.open(path), None)
    app.smart.today = D(2026, 12, 2)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+g", "7")
        await settle(pilot, lambda: bool(app.screen.query(MeasurementPane)))
        panel = app.screen.query_one(ProgressPanel)

        def line_of(goal: str) -> str:
            return next(
                line
                for line in str(panel.content).splitlines()
                if line.startswith(f"[b]{goal}[/b]")
            )

        assert "behind" in line_of("ig-followers")
        results = next(e for e in app.screen.query(ItemsEditor) if e.spec.kind == "results")
        results.item_list.focus()
        before = list(app.plan.measurement.results)
        await pilot.press("insert")
        await settle(pilot, lambda: len(app.plan.measurement.results) > len(before))
        (new,) = [r for r in app.plan.measurement.results if all(r is not b for b in before)]
        assert new.goal is None and new.date == dt.date.today()

        picker = row_in(results, "goal").editor
        assert isinstance(picker, Picker)
        picker.focus()
        await pilot.press("enter", *"instagram", "enter")
        await settle(pilot, lambda: new.goal == "ig-followers")
        for name, text in (("date", "1 December 2026"), ("value", "3500")):
            field = row_in(results, name).editor
            assert isinstance(field, Input)
            field.focus()
            field.value = ""
            await pilot.press(*text)
        await settle(pilot, lambda: "ahead" in line_of("ig-followers"))
        assert "3,500 followers on 1 Dec 2026" in str(panel.content)
        await save(pilot)
    saved = on_disk(path)["measurement"]["results"]
    assert {"goal": "ig-followers", "date": D(2026, 12, 1), "value": 3500} in saved


async def test_a_goal_renamed_in_step_4_reads_so_in_step_7_when_shown_again(
    tmp_path: Path,
) -> None:
    """Step 7 is built once; each later visit labels its results with the goals as they now are."""
    path = tmp_path / "plan.toml"
    path.write_bytes((SAMPLES / "northwind-nonprofit.toml").read_bytes())
    app = SmplanApp(path, PlanFile.open(path), None, step=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot, lambda: app.main is not None and app.main.step == 7)
        results = app.screen.query_one(MeasurementPane).results
        first = results.items[0]
        goal = next(g for g in app.plan.goals if g.id == getattr(first, "goal", None))
        before = str(results.item_list.get_option_at_index(0).prompt)
        assert goal.id in before
        await pilot.press("f5")
        await settle(pilot, lambda: app.main is not None and app.main.step == 4)
        app.edit(
            goal,
            "statement",
            "Renamed goal",
            step=4,
            path=("goals", app.plan.goals.index(goal), "statement"),
        )
        await pilot.press("f8")
        await settle(pilot, lambda: app.main is not None and app.main.step == 7)
        await settle(pilot)
        after = str(results.item_list.get_option_at_index(0).prompt)
        assert after != before and "Renamed goal" in after
