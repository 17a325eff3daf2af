"""Where focus is: escape goes up a level, and the footer says where it goes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from smplan.findings import Finding
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor
from smplan.tui.panes.reveal import covered_below
from smplan.tui.widgets.fields import FieldRow
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


# -- focus on screen ---------------------------------------------------------------


def in_view(app: SmplanApp) -> bool:
    """True when the focused widget's whole field row shows, above any docked panel."""
    focused = app.focused
    assert focused is not None
    row = next((n for n in focused.ancestors_with_self if n.has_class("field-row")), focused)
    pane = app.main.current_pane() if app.main else None  # type: ignore[union-attr]
    assert pane is not None
    view = pane.scrollable_content_region
    bottom = view.bottom - covered_below(pane)
    region = row.region
    return region.height > 0 and region.y >= view.y and region.bottom <= bottom


async def tab_through(pilot: Pilot[Any], count: int) -> list[str]:
    """Tab ``count`` times; the ids of the fields that were not in view."""
    app = pilot.app
    assert isinstance(app, SmplanApp)
    hidden = []
    for _ in range(count):
        await pilot.press("tab")
        await pilot.pause()
        await pilot.pause()
        if not in_view(app):
            hidden.append(f"{app.focused!r}")
    return hidden


async def test_every_goal_field_shows_with_the_goal_list_above_the_card(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), step=4)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        goals = editor_of(app, "goals")
        await focus(pilot, goals.item_list)
        await pilot.press("enter")
        await pilot.pause()
        assert in_view(app)
        # The list and the first fields together: the goal being edited stays in sight.
        assert goals.item_list.region.y >= 1
        assert await tab_through(pilot, len(goals.spec.fields) - 1) == []


async def test_focus_moved_to_an_empty_list_or_a_new_item_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = SmplanApp(path, PlanFile.new(path), None)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.focused is not None)
        await pilot.press("f4")
        await settle(pilot)
        tools = editor_of(app, "tools")
        await focus(pilot, tools.item_list)
        # A tool, its fields, then on past "Per" to the empty allocations list.
        await burst(pilot, ["insert", "tab", "tab", "tab"])
        assert app.focused is editor_of(app, "allocations").item_list
        assert in_view(app)
        await pilot.press("f8")
        await settle(pilot)
        reviews = editor_of(app, "reviews")
        await focus(pilot, reviews.item_list)
        await pilot.press("insert")
        await settle(pilot, lambda: app.focused is not reviews.item_list)
        await pilot.pause()
        assert in_view(app)


async def test_going_to_a_problem_shows_its_field_above_the_card(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), step=1)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        finding = Finding("warning", "smart-measurable", "target", ("goals", 6, "hours_per_week"))
        await app.go_to_finding(finding)
        await settle(pilot)
        await pilot.pause()
        assert app.focused is row_in(editor_of(app, "goals"), "hours_per_week").editor
        assert in_view(app)


async def test_the_budget_tracker_scrolls_from_the_keyboard(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), step=3)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        tracker = app.screen.query_one("#budget-scroll")
        await pilot.press("shift+tab")
        assert app.focused is tracker
        assert tracker.max_scroll_y > 0
        await pilot.press("down", "down", "down")
        await settle(pilot, lambda: tracker.scroll_y == 3)


# -- focus shows -------------------------------------------------------------------


async def test_the_focused_field_and_only_it_has_its_label_in_reverse(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), step=4)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        goals = editor_of(app, "goals")
        network = row_in(goals, "network")
        await focus(pilot, network.editor)
        # Open the picker's menu: focus is in the menu, still this field's.
        await pilot.press("enter")
        await pilot.pause()

        def reversed_labels() -> list[str]:
            return [
                row.spec.name
                for row in goals.query(FieldRow)
                if row.query_one(".field-label").rich_style.reverse
            ]

        assert reversed_labels() == ["network"]
        await pilot.press("escape", "tab")
        await pilot.pause()
        assert reversed_labels() == ["kpi"]
