"""Pictures of the app in English: each step, help, the palette and a question, at two sizes.

Also: a goal and a picker focused, the problems list, and the export preview.

The plan is a copy of the Northwind sample under its own name (the header shows
it), "today" is fixed for the SMART checks, and each view waits for what it
shows to be ready, so the pictures are the same on every run. Update them after
a deliberate change of the screen with ``pytest --snapshot-update``, then look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from smplan.i18n import set_language
from smplan.tui.app import SmplanApp
from smplan.tui.panes.base import StepPane
from smplan.tui.panes.reveal import reveal
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.copy_networks import CopyToNetworks
from smplan.tui.screens.export_preview import ExportPreview
from smplan.tui.screens.goal_results import GoalResultsScreen
from smplan.tui.screens.help import HelpScreen
from smplan.tui.screens.main import MainScreen
from smplan.tui.screens.problems import ProblemsScreen
from tests.tui_flow import copy_sample, open_app, settle, still_screen, type_text

#: A day inside the sample's plan period, so verdicts do not change with the calendar.
TODAY = dt.date(2026, 9, 15)
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


def _main(pilot: Pilot[Any]) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def _step(pilot: Pilot[Any], step: int) -> None:
    await settle(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
    await pilot.press(f"f{step + 1}")
    await settle(pilot, lambda: _main(pilot).step == step)
    if step == 6:
        editor = pilot.app.screen.query_one("#pane-6").editor  # type: ignore[attr-defined]
        await settle(pilot, lambda: editor.built and not editor.table.pending)
    await still_screen(pilot)


def _go(step: int) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await _step(pilot, step)

    return run


async def _help(pilot: Pilot[Any]) -> None:
    await _step(pilot, 4)
    await pilot.press("f1")
    await settle(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))


async def _palette(pilot: Pilot[Any]) -> None:
    await _step(pilot, 2)
    await pilot.press("ctrl+p")
    await settle(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await type_text(pilot, "add")
    palette = pilot.app.screen
    await settle(pilot, lambda: palette.query_one("CommandList").option_count > 5)  # type: ignore[attr-defined]
    await pilot.pause(0.2)


async def _question(pilot: Pilot[Any]) -> None:
    await _step(pilot, 5)
    await type_text(pilot, "Food drives\n")
    await pilot.press("ctrl+q")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))


VIEWS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    **{f"step-{step}": _go(step) for step in range(1, 8)},
    "help": _help,
    "palette": _palette,
    "quit-question": _question,
}


def steady(
    view: Callable[[Pilot[Any]], Awaitable[None]],
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """``view``, then cursors that do not blink: a picture must not catch one half-way."""

    async def run(pilot: Pilot[Any]) -> None:
        await view(pilot)
        for screen in pilot.app.screen_stack:
            for widget in screen.query("Input, TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()

    return run


@pytest.fixture
def snapshot_app(tmp_path: Path) -> SmplanApp:
    set_language("en")
    app = open_app(copy_sample(tmp_path))
    app.smart.today = TODAY
    return app


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_snapshot(snap_compare: Any, snapshot_app: SmplanApp, view: str, size: str) -> None:
    assert snap_compare(snapshot_app, terminal_size=SIZES[size], run_before=steady(VIEWS[view]))


# -- focus and problems at 80x24 -------------------------------------------------------


async def _goal_focused(pilot: Pilot[Any]) -> None:
    """Step 4, a goal chosen in the list, its target field focused: list and fields in view."""
    await _step(pilot, 4)
    goals = pilot.app.screen.query_one("#items-goals")
    goals.item_list.focus()  # type: ignore[attr-defined]
    # focus() is queued: on a loaded machine one pause may come before it lands.
    await settle(pilot, lambda: goals.item_list.has_focus)  # type: ignore[attr-defined]
    await pilot.press("down", "down", "down", "down", "enter")
    await pilot.press(*["tab"] * 6)
    await still_screen(pilot)


async def _picker_focused(pilot: Pilot[Any]) -> None:
    """A goal's network picker with focus, without colour: the focus shows anyway."""
    await _step(pilot, 4)
    goals = pilot.app.screen.query_one("#items-goals")
    goals.item_list.focus()  # type: ignore[attr-defined]
    # focus() is queued: on a loaded machine one pause may come before it lands.
    await settle(pilot, lambda: goals.item_list.has_focus)  # type: ignore[attr-defined]
    await pilot.press("enter", "tab", "tab", "tab")
    await still_screen(pilot)
    # Where the pane stands depends on the scrolls made on the way (one per Tab,
    # each after a layout pass); the picture starts from the top and scrolls the
    # way the app does, so it does not depend on how fast the machine was.
    focused = pilot.app.focused
    pane = next(node for node in focused.ancestors if isinstance(node, StepPane))  # type: ignore[union-attr]
    pane.scroll_home(animate=False, immediate=True)
    await still_screen(pilot)
    reveal(pane, focused)  # type: ignore[arg-type]
    await still_screen(pilot)


async def _problems(pilot: Pilot[Any]) -> None:
    await _step(pilot, 1)
    await pilot.press("ctrl+l")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ProblemsScreen))
    await still_screen(pilot)


def test_snapshot_goal_focused(snap_compare: Any, snapshot_app: SmplanApp) -> None:
    assert snap_compare(
        snapshot_app, terminal_size=SIZES["80x24"], run_before=steady(_goal_focused)
    )


def test_snapshot_problems(snap_compare: Any, tmp_path: Path) -> None:
    set_language("en")
    app = open_app(copy_sample(tmp_path, "minimal.toml"))
    app.smart.today = TODAY
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=steady(_problems))


def test_snapshot_picker_focused_without_colour(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # read when the app is made
    set_language("en")
    app = open_app(copy_sample(tmp_path))
    app.smart.today = TODAY
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=steady(_picker_focused))


# -- the export preview ------------------------------------------------------------------


async def _export_preview(pilot: Pilot[Any]) -> None:
    """The preview on a section with sub-headings, lists, a table and a chart (measurement)."""
    await _step(pilot, 1)
    await pilot.press("ctrl+r")
    await settle(pilot, lambda: isinstance(pilot.app.screen, ExportPreview))
    preview = pilot.app.screen
    assert isinstance(preview, ExportPreview)
    await settle(pilot, lambda: preview.shown == 0)
    index = next(
        i
        for i, (_title, md) in enumerate(preview.sections)
        if "\n| " in md and "\n- " in md and "\n#### " in md
    )
    for _ in range(index):
        await pilot.press("down")
    await settle(pilot, lambda: preview.shown == index)
    await still_screen(pilot)


def test_snapshot_export_preview(snap_compare: Any, snapshot_app: SmplanApp) -> None:
    assert snap_compare(
        snapshot_app, terminal_size=SIZES["120x40"], run_before=steady(_export_preview)
    )


async def _goal_results(pilot: Pilot[Any]) -> None:
    """Step 7, the fourth KPI result highlighted (a rate in %), its goal's results by key."""
    await _step(pilot, 7)
    results = pilot.app.screen.query_one("#items-results")
    results.item_list.focus()  # type: ignore[attr-defined]
    await settle(pilot, lambda: results.item_list.has_focus)  # type: ignore[attr-defined]
    await pilot.press("down", "down", "down")
    await still_screen(pilot)
    # The pane behind the view stands where the app scrolls it from the top, not
    # wherever the scrolls on the way left it on a busy machine (see _picker_focused).
    pane = pilot.app.screen.query_one("#pane-7", StepPane)
    pane.scroll_home(animate=False, immediate=True)
    await still_screen(pilot)
    reveal(pane, results.item_list)  # type: ignore[attr-defined]
    await still_screen(pilot)
    await pilot.press("ctrl+t")
    await settle(pilot, lambda: isinstance(pilot.app.screen, GoalResultsScreen))
    await still_screen(pilot)


def test_snapshot_goal_results(snap_compare: Any, snapshot_app: SmplanApp) -> None:
    assert snap_compare(
        snapshot_app, terminal_size=SIZES["80x24"], run_before=steady(_goal_results)
    )


# -- step 6 as a month grid and as a week ------------------------------------------


def _calendar_view(presses: int) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Step 6, then the view key ``presses`` times (1: the month, 2: the week)."""

    async def run(pilot: Pilot[Any]) -> None:
        await _step(pilot, 6)
        editor = pilot.app.screen.query_one("#pane-6").editor  # type: ignore[attr-defined]
        # Going to step 6 focuses the table without scrolling the pane (as the app does:
        # a focus that scrolls would centre the table, or not, as the layout is timed).
        await settle(pilot, lambda: editor.table.has_focus)
        for _ in range(presses):
            await pilot.press("ctrl+backslash")
        view = ("table", "month", "week")[presses]
        await settle(pilot, lambda: editor.view == view and editor.grid.has_focus)
        await still_screen(pilot)

    return run


@pytest.mark.parametrize("view", {"month": 1, "week": 2})
def test_snapshot_calendar_view(snap_compare: Any, snapshot_app: SmplanApp, view: str) -> None:
    presses = {"month": 1, "week": 2}[view]
    assert snap_compare(
        snapshot_app, terminal_size=SIZES["80x24"], run_before=steady(_calendar_view(presses))
    )


# -- copy to networks ----------------------------------------------------------------


async def _copy_networks(pilot: Pilot[Any]) -> None:
    """Step 6, the copy key on the first item, space on the first network offered."""
    await _step(pilot, 6)
    editor = pilot.app.screen.query_one("#pane-6").editor  # type: ignore[attr-defined]
    await settle(pilot, lambda: editor.table.has_focus)
    await pilot.press("ctrl+j")
    await settle(pilot, lambda: isinstance(pilot.app.screen, CopyToNetworks))
    await pilot.press("space")
    await still_screen(pilot)


def test_snapshot_copy_networks(snap_compare: Any, snapshot_app: SmplanApp) -> None:
    assert snap_compare(
        snapshot_app, terminal_size=SIZES["80x24"], run_before=steady(_copy_networks)
    )
