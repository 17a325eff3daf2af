"""What each step looks like in Bahasa Indonesia at 80x24, on the Indonesian sample plan.

The plan is copied into the test's own temporary folder under a fixed name
(the header shows the name, never the folder) and the SMART checks get a fixed
"today", so the pictures only change when the app does. Update them with ``pytest tests/test_tui_snapshots_id.py --snapshot-update``
and look at every changed picture before committing it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from smplan.i18n import set_language
from smplan.open_plan.smart_state import SmartState
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from tests.conftest import SAMPLES
from tests.tui_flow import still_screen, wait_for

TODAY = dt.date(2026, 7, 1)


def indonesian_app(folder: Path) -> SmplanApp:
    path = folder / "kopi-nusantara.toml"
    shutil.copyfile(SAMPLES / "kopi-nusantara.toml", path)
    set_language("id")
    app = SmplanApp(path, PlanFile.open(path), None, step=0)
    app.smart = SmartState(TODAY)
    return app


async def settle(pilot: Pilot) -> None:
    """Wait until the checks after opening have run and the screen is still."""
    app = pilot.app
    assert isinstance(app, SmplanApp)
    await pilot.pause(0.3)
    await app.workers.wait_for_complete()
    # A blinking cursor would be in the picture or not depending on the moment.
    for editor in app.screen.query(Input):
        editor.cursor_blink = False  # shows the cursor for good
    for area in app.screen.query(TextArea):
        area.cursor_blink = False
        area._pause_blink(visible=area.has_focus)  # a text area's timer runs on otherwise
    await still_screen(pilot)


@pytest.mark.parametrize("step", range(8))
def test_step_in_indonesian(step: int, snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def show(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, SmplanApp)
        await settle(pilot)
        await app.action_goto(step)
        await settle(pilot)

    assert snap_compare(indonesian_app(tmp_path), terminal_size=(80, 24), run_before=show)


def test_help_in_indonesian(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def show(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(indonesian_app(tmp_path), terminal_size=(80, 24), run_before=show)


def test_problems_in_indonesian(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def show(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)

    assert snap_compare(indonesian_app(tmp_path), terminal_size=(80, 24), run_before=show)


@pytest.mark.parametrize("presses", [1, 2], ids=["month", "week"])
def test_calendar_view_in_indonesian(snap_compare, tmp_path: Path, presses: int) -> None:  # type: ignore[no-untyped-def]
    """Step 6 as a month grid (the view key once) and as a week (twice), in Indonesian."""

    async def show(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, SmplanApp)
        await settle(pilot)
        await app.action_goto(6)
        await settle(pilot)
        editor = app.screen.query_one("#pane-6").editor  # type: ignore[attr-defined]
        # Going to step 6 focuses the table without scrolling the pane (as the app does:
        # a focus that scrolls would centre the table, or not, as the layout is timed).
        await wait_for(pilot, lambda: editor.table.has_focus)
        for _ in range(presses):
            await pilot.press("ctrl+backslash")
        view = ("table", "month", "week")[presses]
        await wait_for(pilot, lambda: editor.view == view and editor.grid.has_focus)
        await settle(pilot)

    assert snap_compare(indonesian_app(tmp_path), terminal_size=(80, 24), run_before=show)
