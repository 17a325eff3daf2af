"""Start-up: nothing that can wait delays the first screen, and what waited still happens.

A big plan's first check (a thread) starts once the first step is drawn, and its
findings still arrive (the navigator's SMART count comes with them, not worked
out on the UI thread before); the garbage collector, kept off by ``smplan`` while the
plan is read and the first screen built, is on again once that screen is there
(and after an open error).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smplan.i18n import t
from smplan.open_plan.plan_checks import BACKGROUND_SIZE, plan_size
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.main import status_lines
from smplan.tui.screens.open_error import OpenErrorScreen
from tests.plan_fixtures import year_plan
from tests.tui_flow import SMALL, copy_sample, open_app, settle

ROOT = Path(__file__).resolve().parent.parent


def big_plan(folder: Path) -> Path:
    """A plan big enough to be checked in a thread (the benchmarks' year plan, shorter)."""
    return year_plan(folder, BACKGROUND_SIZE + 100)


class WatchedApp(SmplanApp):
    """Notes, each time the plan is checked, whether the first step was on screen."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, PlanFile.open(path), None, step=1)
        self.pane_shown_at_check: list[bool] = []
        self.status_at_check: list[list[str]] = []

    def check_plan(self) -> None:
        main = self.main
        pane = main.current_pane() if main is not None else None
        self.pane_shown_at_check.append(pane is not None and pane.region.height > 0)
        self.status_at_check.append(status_lines(self.open_plan))
        super().check_plan()


@pytest.fixture
def collector_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


async def test_a_big_plan_is_checked_once_its_first_step_is_drawn(tmp_path: Path) -> None:
    app = WatchedApp(big_plan(tmp_path))
    assert plan_size(app.plan) > BACKGROUND_SIZE
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: bool(app.findings))
        await app.workers.wait_for_complete()
        assert app.pane_shown_at_check[:1] == [True]
        # The SMART count waited for the check (not worked out on the UI thread before
        # it), and came with it.
        assert not any("SMART" in line for line in app.status_at_check[0])
        assert any("SMART" in line for line in status_lines(app.open_plan))


async def test_a_small_plan_is_checked_once_its_first_step_is_drawn(tmp_path: Path) -> None:
    # A small plan's check runs on the UI thread; it waits for the first step too, so
    # that the checks' modules load after that screen, not before it.
    app = WatchedApp(copy_sample(tmp_path))
    assert plan_size(app.plan) <= BACKGROUND_SIZE
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.open_plan.checked)
        assert app.pane_shown_at_check[:1] == [True]
        assert any("SMART" in line for line in status_lines(app.open_plan))


async def test_the_errors_found_by_the_first_check_are_told_once(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "minimal.toml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"weekend-orders"', '"ig-followers"'), encoding="utf-8")
    app = WatchedApp(path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.open_plan.checked)
        told = [n.message for n in app._notifications if "error" in n.message]
        assert told == [t("app.opened-with-errors", "en", count=1)]
        # Later checks (after an edit) do not tell it again.
        app.check_plan()
        await settle(pilot)
        assert [n.message for n in app._notifications if "error" in n.message] == told


async def test_the_collector_is_on_again_once_the_first_step_is_drawn(
    tmp_path: Path, collector_restored: None
) -> None:
    gc.disable()  # as `smplan` does before reading the plan
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, gc.isenabled)
        # What start-up built is left to refcounting: later collections skip it.
        assert gc.get_freeze_count() > 0


async def test_the_collector_is_on_again_when_the_plan_cannot_be_opened(
    tmp_path: Path, collector_restored: None
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('schema = 1\n[plan]\ntitle = "unterminated\n', encoding="utf-8")
    gc.disable()
    from smplan.tui.launch import open_plan

    plan_file, error = open_plan(path, None)
    assert plan_file is None and error is not None
    app = SmplanApp(path, None, error)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, OpenErrorScreen))
        assert gc.isenabled()


async def test_each_step_built_is_left_to_refcounting_once_start_up_froze(
    tmp_path: Path, collector_restored: None
) -> None:
    gc.disable()  # as `smplan` does before reading the plan
    app = open_app(copy_sample(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, gc.isenabled)
        frozen = gc.get_freeze_count()
        await pilot.press("f3")
        await settle(pilot, lambda: gc.get_freeze_count() > frozen)
        # A later visit builds nothing: nothing more is frozen for it (frozen objects
        # that refcounting frees meanwhile leave the count).
        await pilot.press("f2")
        await settle(pilot)
        after_steps = gc.get_freeze_count()
        await pilot.press("f3")
        await settle(pilot)
        assert gc.get_freeze_count() <= after_steps


def test_the_app_loads_no_export_or_calendar_writer_before_it_is_asked() -> None:
    """The Markdown export, tomlkit and the calendar files (iCalendar, CSV) load on
    first use: a save, an edit that goes through tomlkit, a palette command."""
    script = "import sys\nimport smplan.tui.app\nprint('\\n'.join(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    modules = set(result.stdout.splitlines())
    assert "smplan.tui.app" in modules and "smplan.interchange.formats" in modules
    unwanted = (
        "smplan.export",
        "markdown_it",
        "tomlkit",
        "icalendar",
        "smplan.interchange.ics",
        "smplan.interchange.calendar_file",
        "smplan.interchange.csv_export",
    )
    assert [name for name in unwanted if name in modules] == []


#: Run in a process of its own (this one has imported everything): opens a plan,
#: notes the smplan modules loaded when the first check starts (the first step is
#: drawn by then), and those loaded a moment after.
FIRST_SCREEN_SCRIPT = """
import asyncio, json, sys
from pathlib import Path
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp

at_check = []

class Watched(SmplanApp):
    def check_plan(self):
        if not at_check:
            at_check.extend(m for m in sys.modules if m.startswith("smplan."))
        super().check_plan()

async def main():
    path = Path(sys.argv[1])
    app = Watched(path, PlanFile.open(path), None, step=1)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(400):
            await pilot.pause(0.02)
            if app.open_plan.checked and "smplan.tui.panes.measurement" in sys.modules:
                break
        later = [m for m in sys.modules if m.startswith("smplan.")]
    print(json.dumps({"at_check": sorted(at_check), "later": sorted(later)}))

asyncio.run(main())
"""


def test_the_first_step_is_drawn_before_the_checks_and_the_other_steps_load(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    at_check, later = set(loaded["at_check"]), set(loaded["later"])
    assert "smplan.tui.panes.audit" in at_check
    waiting = {
        "smplan.checks.smart",
        "smplan.checks.budget",
        "smplan.checks.progress",
        "smplan.checks.rhythm",
        "smplan.checks.structure.references",
        "smplan.tui.panes.goals",
        "smplan.tui.panes.calendar",
        "smplan.tui.panes.measurement",
    }
    assert sorted(waiting & at_check) == []
    # The file's editable document waits for the first edit or save.
    assert "smplan.store.document" not in at_check
    # The check loaded what it needs, and the other steps' modules followed it.
    assert sorted(waiting - later) == []
