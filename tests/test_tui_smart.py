"""The SMART scorecard follows every keystroke: a vague goal fails, a complete one passes."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.goals import GoalsEditor, GoalsPane
from smplan.tui.widgets.fields import FieldRow
from smplan.tui.widgets.picker import Picker
from smplan.tui.widgets.scorecard import Scorecard
from tests.plan_fixtures import copy_fixture


def states(app: SmplanApp) -> str:
    """The five letters of the selected goal, as the scorecard has them: e.g. "fail pass ..."."""
    pane = app.screen.query_one(GoalsPane)
    goal = pane.selected_goal()
    assert goal is not None
    verdict = app.smart.verdict(app.plan, goal)
    return " ".join(letter.state for letter in verdict.letters)


def scorecard_text(app: SmplanApp) -> str:
    return str(app.screen.query_one(Scorecard).render())


def goal_row(app: SmplanApp, name: str) -> FieldRow:
    """The row of the goal form (the objectives' form has fields of the same names)."""
    goals = app.screen.query_one(GoalsEditor)
    return next(r for r in goals.query(FieldRow) if r.spec.name == name)


async def type_into(pilot, app: SmplanApp, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    row = goal_row(app, name)
    editor = row.editor
    editor.focus()
    await pilot.pause()
    if isinstance(editor, Input):
        editor.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def choose(pilot, app: SmplanApp, name: str, value: str) -> None:  # type: ignore[no-untyped-def]
    """Pick ``value`` in a select field with the keyboard: open, type to search, enter."""
    select = goal_row(app, name).editor
    assert isinstance(select, Picker)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*value, "enter")
    await pilot.pause()
    assert select.value == value


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path, "goal_context.toml")


async def test_scorecard_turns_each_letter_to_pass_as_the_goal_is_completed(
    plan_path: Path,
) -> None:
    app = SmplanApp(plan_path, PlanFile.open(plan_path), None)
    app.smart.today = dt.date(2026, 12, 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g", "4")
        await pilot.pause()
        goals = app.screen.query_one(GoalsEditor)
        goals.item_list.focus()
        await pilot.press("insert")
        await pilot.pause()

        # A vague goal: every letter fails or warns.
        area = goal_row(app, "statement").editor
        assert isinstance(area, TextArea)
        area.focus()
        await pilot.press(*"Increase our followers a lot soon")
        await pilot.pause()
        assert states(app).split() == ["fail", "fail", "fail", "fail", "fail"]
        assert "S ✗" in scorecard_text(app)

        # The statement says what, how much and by when; the fields follow.
        area.clear()
        await pilot.press(
            *"Grow Instagram followers from 12,400 to 14,000 by 30 June 2027 for Rina"
        )
        await type_into(pilot, app, "kpi", "followers")
        await choose(pilot, app, "network", "instagram")
        await pilot.pause()
        assert states(app).split()[0] == "pass", scorecard_text(app)

        await type_into(pilot, app, "baseline", "12,400")
        await type_into(pilot, app, "target", "14,000")
        await type_into(pilot, app, "unit", "followers")
        assert states(app).split()[1] == "pass", scorecard_text(app)

        await choose(pilot, app, "owner", "dewi")
        assert states(app).split()[2] == "pass", scorecard_text(app)

        await choose(pilot, app, "objective", "awareness")
        goal_row(app, "personas").editor.focus()
        await pilot.press("home", "space")
        await pilot.pause()
        assert states(app).split()[3] == "pass", scorecard_text(app)

        await type_into(pilot, app, "start", "1 January 2027")
        await type_into(pilot, app, "deadline", "30 June 2027")
        assert states(app).split() == ["pass"] * 5, scorecard_text(app)
        assert "fully SMART" in scorecard_text(app)
        summary = str(app.screen.query_one("#smart-summary").render())
        assert "1 of 1 goals are fully SMART" in summary

        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = tomllib.loads(plan_path.read_text(encoding="utf-8"))
    goal = saved["goals"][0]
    assert goal["baseline"] == 12400 and goal["target"] == 14000
    assert goal["deadline"] == dt.date(2027, 6, 30)
    assert goal["personas"] == ["rina"]
    assert "# A plan with everything a goal needs around it" in plan_path.read_text(
        encoding="utf-8"
    )
