"""Helpers for the tests of keeping a plan safe: plans on disk, typing, waiting."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.plan_info import PlanPane
from smplan.tui.widgets.fields import FieldRow
from tests.conftest import FIXTURES

TITLE = "Northwind: community plan"


def copy_plan(folder: Path, name: str = "plan.toml") -> Path:
    """A realistic plan (with comments) to work on, in ``folder``."""
    target = folder / name
    shutil.copyfile(FIXTURES / "commented.toml", target)
    return target


def dead_pid() -> int:
    """The number of a process of this host that has ended (as a lost session's)."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(gone.stdout)


def open_app(path: Path) -> SmplanApp:
    return SmplanApp(path, PlanFile.open(path), None)


async def wait_for(pilot: Pilot[int], predicate: Callable[[], bool], timeout: float = 8.0) -> None:
    """Let the app run until ``predicate`` holds; fails the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {predicate}")
        await pilot.pause(0.05)


def wait_for_file(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    """Outside the app: poll the file system until ``predicate`` holds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {predicate}")
        time.sleep(0.05)


def title_in(path: Path) -> str:
    """The plan title in the file on disk."""
    return str(tomllib.loads(path.read_text(encoding="utf-8"))["plan"]["title"])


def title_input(app: SmplanApp) -> Input:
    pane = app.screen.query_one(PlanPane)
    row = next(r for r in pane.query(FieldRow) if r.spec.name == "title")
    editor = row.editor
    assert isinstance(editor, Input)
    return editor


async def add_to_title(pilot: Pilot[int], app: SmplanApp, text: str) -> None:
    """Go to the plan's details (step 0) and type ``text`` at the end of the title."""
    await wait_for(pilot, lambda: app.main is not None and app.screen is app.main)
    await pilot.press("ctrl+g", "0")
    await wait_for(pilot, lambda: bool(app.screen.query(PlanPane)))
    editor = title_input(app)
    editor.focus()
    await pilot.pause()
    await pilot.press("end", *text)
    await wait_for(pilot, lambda: text in (app.plan.plan.title or ""))


def screen_text(app: SmplanApp) -> str:
    """The text of every label and button on the current screen (dialogs included)."""
    parts: list[str] = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    for button in app.screen.query(Button):
        parts.append(str(button.label))
    return "\n".join(parts)


async def settle(pilot: Pilot[int], seconds: float) -> None:
    """Let timers of the app run for ``seconds`` (for debounced writes)."""
    await pilot.pause(seconds)
    await asyncio.sleep(0)


def notes(app: SmplanApp) -> str:
    """The notifications the app is showing, one per line."""
    return "\n".join(note.message for note in app._notifications)


async def wait_for_dialog(pilot: Pilot[int], app: SmplanApp, text: str) -> None:
    """Wait until a question containing ``text`` is up with its default answer focused."""
    await wait_for(pilot, lambda: text in screen_text(app) and isinstance(app.focused, Button))
