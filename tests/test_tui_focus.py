"""Where focus is: escape goes up a level, and the footer says where it goes."""

from __future__ import annotations

from pathlib import Path

from smplan.tui.panes.calendar import CalendarEditor
from smplan.tui.widgets.navigator import StepList
from tests.tui_flow import SMALL, copy_sample, editor_of, focus, open_app, row_in, settle
from tests.tui_keys import burst


def footer_text(app: object) -> str:
    from textual.widgets import Footer

    footer = app.screen.query_one(Footer)  # type: ignore[attr-defined]
    return " ".join(str(item.render()) for item in footer.query("FooterKey"))


async def test_escape_goes_from_a_field_to_its_list_then_to_the_steps(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), step=4)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        goals = editor_of(app, "goals")
        await focus(pilot, row_in(goals, "deadline").editor)
        assert "To the list" in footer_text(app)
        await pilot.press("escape")
        assert app.focused is goals.item_list
        await settle(pilot, lambda: "To the steps" in footer_text(app))
        assert "To the list" not in footer_text(app)
        await pilot.press("escape")
        assert isinstance(app.focused, StepList)
        # The steps are the top: escape stays there. Letters find a step, enter goes.
        await pilot.press("escape")
        assert isinstance(app.focused, StepList)
        await burst(pilot, ["c", "a", "l", "enter"])
        await settle(pilot, lambda: app.screen.step == 6)  # type: ignore[attr-defined]


async def test_escape_from_a_field_without_a_list_goes_to_the_steps(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), step=0)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+g", "0")
        await settle(pilot)
        assert app.focused is row_in(app.screen.query_one("#plan-form"), "title").editor
        await pilot.press("escape")
        assert isinstance(app.focused, StepList)


async def test_escape_in_the_calendar_goes_to_the_table_then_the_steps(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), step=6)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f7")
        editor = app.screen.query_one(CalendarEditor)
        await settle(pilot, lambda: editor.built and app.focused is editor.table)
        # Into the form and the filter bar, and back each time, in one burst.
        await burst(pilot, ["enter", "escape", "ctrl+f", "escape"])
        assert app.focused is editor.table
        await burst(pilot, ["escape", "down"])
        assert isinstance(app.focused, StepList)
        assert app.focused.highlighted == 7
