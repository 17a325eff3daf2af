"""A save writes plan.toml and plan.md from one snapshot: edits typed while it writes reach neither.

The palette's exports (Markdown now, the calendar as CSV or iCalendar) are written the same way."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import smplan.interchange.calendar_file as calendar_file_module
import smplan.open_plan.save as save_module
import smplan.store.plan_file as plan_file_module
from smplan.export import export_markdown, plan_flavor
from smplan.files.atomic import Written
from smplan.store import PlanFile
from smplan.tui.screens.ask_path import AskPath
from tests.plan_fixtures import title_in
from tests.tui_flow import copy_sample, open_app, wait_for
from tests.tui_keys import palette_command

EDITED = "Typed while the save was writing"


async def test_an_edit_made_while_the_save_writes_reaches_neither_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_sample(tmp_path, "kopi-nusantara.toml")
    export = path.with_suffix(".md")
    writing = threading.Event()
    go_on = threading.Event()
    real_write = plan_file_module.write_atomic

    def slow_write(target: Path, data: bytes) -> Written:
        # The worker stops here, after the text was worked out, until the test has edited.
        writing.set()
        assert go_on.wait(30)
        return real_write(target, data)

    monkeypatch.setattr(plan_file_module, "write_atomic", slow_write)
    app = open_app(path, step=0)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.plan.plan.title or ""
        app.edit(app.plan.plan, "title", before + " (saved)", step=0, path=("plan", "title"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, writing.is_set, timeout=30)
        app.edit(app.plan.plan, "title", EDITED, step=0, path=("plan", "title"))
        go_on.set()
        await wait_for(pilot, lambda: export.exists(), timeout=30)
        await app.workers.wait_for_complete()
        assert app.session.dirty  # the edit made during the save is still to be saved

    assert title_in(path) == before + " (saved)"
    saved = PlanFile.open(path).plan
    # Byte for byte the export of what plan.toml holds: the same plan in both files.
    assert export.read_text(encoding="utf-8") == export_markdown(saved, plan_flavor(saved))
    assert EDITED not in export.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["Export Markdown now", "Export the calendar to CSV"])
async def test_an_edit_made_while_an_export_command_writes_does_not_reach_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """The palette's exports are written in a worker from the plan as it was when asked."""

    path = copy_sample(tmp_path, "kopi-nusantara.toml")
    writing = threading.Event()
    go_on = threading.Event()
    real_validate = save_module.validate

    def slow_validate(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        # The worker stops before it builds the plan it writes, until the test has edited.
        writing.set()
        assert go_on.wait(30)
        return real_validate(*args, **kwargs)  # type: ignore[arg-type]

    app = open_app(path, step=6)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.plan.calendar[0]
        asked = (first.title or "") + " (asked)"
        app.edit(first, "title", asked, step=6, path=("calendar", 0, "title"))
        for module in (save_module, calendar_file_module):
            monkeypatch.setattr(module, "validate", slow_validate)
        await palette_command(pilot, command)
        if command.endswith("CSV"):
            await wait_for(pilot, lambda: isinstance(app.screen, AskPath))
            await pilot.press("enter")
        await wait_for(pilot, writing.is_set, timeout=30)
        app.edit(first, "title", EDITED, step=6, path=("calendar", 0, "title"))
        go_on.set()
        await app.workers.wait_for_complete()
        written = path.with_suffix(".csv" if command.endswith("CSV") else ".md")
        await wait_for(pilot, written.exists, timeout=30)
        await pilot.pause(0.3)
    text = written.read_text(encoding="utf-8")
    assert asked in text
    assert EDITED not in text
