"""Steps built ahead: while nobody types, the program builds the steps not shown, hidden.

A first visit then only shows its step. Nothing a person sees or types changes:
the built steps stay hidden, focus stays where it was, the file is not touched,
typing holds the building back, a step visited while it is being built is shown
whole, a hidden calendar leaves its rows until it is shown, and a quit or a
language switch during a build ends the app cleanly or builds every step again.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher, Static

from smplan.i18n import current_language, t
from smplan.tui.key_order import KeyOrderApp
from smplan.tui.screens import main as main_screen
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.main import AHEAD_ORDER, MainScreen
from smplan.tui.widgets.calendar_table import FIRST_ROWS, CalendarTable
from tests.plan_fixtures import year_plan
from tests.tui_flow import SMALL, copy_sample, every_step_built, open_app, settle, wait_for

STEPS = range(8)


def main_of(app: object) -> MainScreen:
    main = getattr(app, "main", None)
    assert isinstance(main, MainScreen)
    return main


def build_first(monkeypatch: pytest.MonkeyPatch, step: int) -> None:
    """Have the program build ``step`` ahead first, as soon as the first screen is up."""
    monkeypatch.setattr(main_screen, "AHEAD_ORDER", (step, *AHEAD_ORDER))
    monkeypatch.setattr(main_screen, "PRELOAD_AFTER", 0.001)
    monkeypatch.setattr(main_screen, "AHEAD_QUIET", 0.001)


async def caught_building(main: MainScreen) -> None:
    """Return on the first turn of the event loop on which a pane is being mounted
    (not waiting for the app to be idle, which would let the mount end)."""
    for _ in range(100_000):
        if main.building:
            return
        await asyncio.sleep(0)
    raise AssertionError("no pane was ever being mounted")


async def test_the_steps_not_shown_are_built_hidden_while_nobody_types(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    app = open_app(path, build_ahead=True)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        main = main_of(app)
        focused = app.focused
        await wait_for(pilot, lambda: every_step_built(main), timeout=30)
        switcher = main.query_one("#panes", ContentSwitcher)
        assert switcher.current == "pane-1"
        shown = [step for step in STEPS if (pane := main.pane(step)) and pane.display]
        assert shown == [1]
        assert app.focused is focused
        # A first visit shows the step built ahead, with focus in it.
        built = main.pane(4)
        await pilot.press("f5")
        await settle(pilot)
        assert main.step == 4 and main.pane(4) is built
        assert built is not None and built.display
        assert app.focused is not None and built in app.focused.ancestors_with_self
        assert not main.query_one("#pane-1").display
    assert path.read_bytes() == before


async def test_no_step_is_built_ahead_while_keys_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if a key had just come, every time the program looks.
    monkeypatch.setattr(KeyOrderApp, "quiet_for", property(lambda app: 0.0))
    app = open_app(copy_sample(tmp_path), build_ahead=True)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.pause(main_screen.PRELOAD_AFTER + 3 * main_screen.AHEAD_QUIET)
        assert [step for step in STEPS if main.pane(step) is not None] == [1]
        # The keys stop: the steps get built.
        monkeypatch.setattr(KeyOrderApp, "quiet_for", property(lambda app: 60.0))
        await wait_for(pilot, lambda: every_step_built(main), timeout=30)


async def test_the_steps_are_built_once_the_first_check_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The timer that stands in for a first check that never comes is out of reach:
    # the building starts from the check, with no pause after it.
    monkeypatch.setattr(main_screen, "PRELOAD_AFTER", 600.0)
    app = open_app(copy_sample(tmp_path), build_ahead=True)
    checked_when_built: list[bool] = []
    mount_pane = MainScreen._mount_pane

    def mounted(self: MainScreen, step: int, *, shown: bool) -> object:
        checked_when_built.append(app.open_plan.checked)
        return mount_pane(self, step, shown=shown)

    monkeypatch.setattr(MainScreen, "_mount_pane", mounted)
    async with app.run_test(size=SMALL) as pilot:
        main = main_of(app)
        await wait_for(pilot, lambda: every_step_built(main), timeout=30)
    # Step 1 at start, before the check; the others after it.
    assert checked_when_built == [False] + [True] * 7


@pytest.mark.parametrize("step", [2, 6])
async def test_a_step_visited_while_it_is_built_ahead_is_shown_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    build_first(monkeypatch, step)
    app = open_app(copy_sample(tmp_path), build_ahead=True)
    async with app.run_test(size=SMALL) as pilot:
        main = main_of(app)
        for _ in range(100_000):
            if main.pane(step) is not None:
                break
            await asyncio.sleep(0)
        pane = main.pane(step)
        assert pane is not None and not pane.is_mounted  # caught while it is built
        await pilot.press(f"f{step + 1}")
        await settle(pilot)
        assert main.step == step and pane.display
        assert app.focused is not None and pane in app.focused.ancestors_with_self
        if step == 6:
            table = pane.query_one(CalendarTable)
            assert app.focused is table
            assert table.row_count > 0


async def test_a_hidden_calendar_leaves_its_rows_until_it_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_app(year_plan(tmp_path, FIRST_ROWS * 3), build_ahead=True)
    async with app.run_test(size=SMALL) as pilot:
        main = main_of(app)
        await wait_for(pilot, lambda: every_step_built(main), timeout=60)
        table = main.query_one(CalendarTable)
        steps: list[int] = []
        fill_step = CalendarTable._fill_step

        def counted(self: CalendarTable, generation: int) -> None:
            steps.append(generation)
            fill_step(self, generation)

        monkeypatch.setattr(CalendarTable, "_fill_step", counted)
        await pilot.pause(0.5)
        # Asking again after every frame while hidden kept a processor busy.
        assert len(steps) <= 1
        assert table.pending > 0
        await pilot.press("f7")
        await wait_for(pilot, lambda: table.pending == 0)
        assert table.row_count == FIRST_ROWS * 3


@pytest.mark.parametrize("step", [3, 7])
async def test_a_quit_while_a_step_is_built_ahead_ends_the_app_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    # Textual 8.2.8 closes a half-mounted pane's widgets before their Mount handlers
    # run: a list's form found its fields gone, and the quit ended in a traceback
    # and status 1 (the quick start's ctrl+q, now and then). Steps 3 and 7: item
    # lists, whose forms are filled on mount.
    build_first(monkeypatch, step)
    app = open_app(copy_sample(tmp_path, "northwind-nonprofit.toml"), build_ahead=True)
    async with app.run_test(size=SMALL):
        main = main_of(app)
        await caught_building(main)
        built = main.pane(step)
        app.action_request_quit()  # what ctrl+q does, at this very moment
        for _ in range(500):
            if not app.is_running:
                break
            await asyncio.sleep(0.01)
        assert not app.is_running
        assert app.return_code == 0
        # The pane under way was finished before the end, and no other was started.
        assert built is not None and built.is_mounted
        assert [s for s in STEPS if main.pane(s) is not None] == sorted({1, step})


@pytest.mark.parametrize("step", [3, 7])
async def test_a_language_switch_while_a_step_is_built_ahead_builds_every_step_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    # The switch builds every pane again: removing one still being mounted ended the
    # app with a traceback (the same Textual 8.2.8 order as a quit during a build).
    build_first(monkeypatch, step)
    app = open_app(copy_sample(tmp_path, "northwind-nonprofit.toml"), build_ahead=True)
    async with app.run_test(size=SMALL) as pilot:
        main = main_of(app)
        await caught_building(main)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")  # this time only
        await wait_for(pilot, lambda: every_step_built(main), timeout=30)
        assert app.is_running and app.return_code is None
        assert current_language() == "id"
        pane = main.pane(step)
        assert pane is not None
        title = pane.query_one(".pane-title", Static)
        assert str(title.render()) == t(f"step-title.{step}", "id")
