"""The terminal's cursor stays in the focused field (``tui/terminal_cursor.py``).

Textual hides the terminal's cursor but moves it to ``App.cursor_position``
after every update: input methods, screen readers and the end-to-end tests
follow it. Fields used to set it when they were not the focused one (a step
built ahead loading its text areas) or not laid out yet (the first field of a
step just shown), which left it on the top line.
"""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Offset
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from smplan.tui.app import SmplanApp
from smplan.tui.screens.main import MainScreen
from tests.tui_flow import SMALL, copy_sample, every_step_built, open_app, settle, wait_for


def on_field(field: Widget, offset: Offset) -> bool:
    """True when ``offset`` is on ``field``'s line, from its first cell to just past its last
    (where the cursor stands after a text that fills the field)."""
    region = field.region
    return region.y == offset.y and region.x <= offset.x <= region.right


def in_field(app: SmplanApp, selector: str) -> bool:
    """True when ``selector`` has focus and the terminal's cursor is in it."""
    field = app.screen.query_one(selector, Input)
    return app.focused is field and on_field(field, app.cursor_position)


async def press_and_settle(pilot: Pilot[int], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_a_step_shown_puts_the_cursor_in_its_first_field(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press_and_settle(pilot, "0")
        assert in_field(app, "#f-title"), app.cursor_position
        await press_and_settle(pilot, "tab")
        assert in_field(app, "#f-organization"), app.cursor_position


async def test_steps_built_ahead_leave_the_cursor_in_the_focused_field(tmp_path: Path) -> None:
    app = open_app(copy_sample(tmp_path), build_ahead=True)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        await press_and_settle(pilot, "0", "tab")
        organization = main.query_one("#f-organization", Widget)
        seen: set[Offset] = set()

        def built() -> bool:
            seen.add(app.cursor_position)
            return every_step_built(main)

        # The steps are built (their text areas loaded) while focus stays put.
        await wait_for(pilot, built, timeout=30)
        assert app.focused is organization
        assert {on_field(organization, offset) for offset in seen} == {True}, seen
        assert in_field(app, "#f-organization")
