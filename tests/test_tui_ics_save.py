"""The app writes ``<plan>.ics`` on save when ``[export] ics = true``: typed with keys, read from disk."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from smplan.interchange.ics import export_ics
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from tests.test_tui_calendar import CALENDAR_PLAN, SIZE, calendar_settle, caption_of_first_item
from tests.test_tui_steps import choose
from tests.tui_flow import (
    SMALL,
    assert_comments_kept,
    copy_sample,
    on_disk,
    open_app,
    row_in,
    save,
    settle,
)


def plan_with(tmp_path: Path, ics: bool) -> Path:
    path = tmp_path / "plan.toml"
    setting = "true" if ics else "false"
    path.write_text(
        CALENDAR_PLAN + f"\n[export]\nmarkdown = false\nics = {setting}\n", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("ics", [True, False])
async def test_type_a_caption_then_ctrl_s_writes_the_calendar_file(
    tmp_path: Path, ics: bool
) -> None:
    path = plan_with(tmp_path, ics)
    target = path.with_suffix(".ics")
    app = SmplanApp(path, PlanFile.open(path), None)
    async with app.run_test(size=SIZE) as pilot:
        await caption_of_first_item(pilot)
        await pilot.press(*"Fresh, today;", "enter", *"come early!")
        await calendar_settle(pilot)
        assert not target.exists()
        await pilot.press("ctrl+s")
        await calendar_settle(pilot, lambda: not app.session.dirty and target.exists() == ics)
        await pilot.pause(0.3)

    assert not path.with_suffix(".md").exists()
    if not ics:
        assert not target.exists()
        return
    on_disk = target.read_bytes().decode("utf-8")
    # The file describes what the saved plan holds, and is what the CLI would write.
    assert on_disk == export_ics(PlanFile.open(path).plan).text
    events = icalendar.Calendar.from_ical(on_disk).walk("VEVENT")
    first = next(e for e in events if str(e["SUMMARY"]) == "Instagram · V60 in 60 seconds")
    assert str(first["DESCRIPTION"]).startswith("Fresh, today;\ncome early!\n\n")
    assert "Owner: Dewi" in str(first["DESCRIPTION"])
    assert target.stat().st_mode & 0o777 == path.stat().st_mode & 0o777


async def test_turn_on_write_ics_in_step_0_then_save(tmp_path: Path) -> None:
    """The plan's export settings in step 0: "Write .ics" set to yes by keys, then ctrl+s."""
    path = copy_sample(tmp_path)
    target = path.with_suffix(".ics")
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+g", "0")
        await settle(pilot)
        picker = row_in(app.screen.query_one("#export-form"), "ics").editor
        await choose(pilot, picker, "y", "yes")
        await save(pilot)
        await settle(pilot, target.exists)
        await pilot.pause(0.3)
    assert on_disk(path)["export"]["ics"] is True
    assert_comments_kept(path)
    on_disk_text = target.read_bytes().decode("utf-8")
    assert on_disk_text == export_ics(PlanFile.open(path).plan).text
    assert on_disk_text.count("BEGIN:VEVENT") == sum(
        1 for item in PlanFile.open(path).plan.calendar if item.date is not None
    )
