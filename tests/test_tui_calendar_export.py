"""The palette's calendar exports (iCalendar, CSV), driven by keys, read back from disk.

The file holds the plan as the screen shows it, unsaved edits included, and the
plan file itself is not touched.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import icalendar
from textual.pilot import Pilot

from smplan.tui.screens.ask_path import AskPath
from tests.test_tui_calendar import (
    SIZE,
    calendar_app,
    calendar_open,
    calendar_plan,  # noqa: F401  (the fixture)
    calendar_settle,
)
from tests.tui_flow import notes
from tests.tui_keys import keys_of, palette_command


async def export_with_palette(pilot: Pilot[Any], command: str, answer: str | None) -> str:
    """Run the palette's ``command``; type ``answer`` over the suggested path (None: keep it).

    Returns the path the dialog suggested.
    """
    app = pilot.app
    await palette_command(pilot, command)
    await calendar_settle(pilot, lambda: isinstance(app.screen, AskPath))
    suggested = app.screen.query_one("#path-input").value  # type: ignore[attr-defined]
    if answer is not None:
        await pilot.press("ctrl+u", *keys_of(answer))
    await pilot.press("enter")
    await calendar_settle(pilot, lambda: not isinstance(app.screen, AskPath))
    return str(suggested)


async def test_ics_from_the_palette_holds_the_unsaved_title_and_leaves_the_plan_alone(
    calendar_plan: Path,  # noqa: F811
) -> None:
    before = calendar_plan.read_bytes()
    target = calendar_plan.with_suffix(".ics")
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await calendar_open(pilot)
        # Edit the first item's title, and do not save.
        await pilot.press("enter", "end", *keys_of(" (moved)"))
        await calendar_settle(pilot)
        edited = app.plan.calendar[0].title
        assert edited is not None and edited.endswith(" (moved)")
        dated = [item for item in app.plan.calendar if item.date is not None]
        suggested = await export_with_palette(pilot, "Export the calendar to iCalendar", None)
        assert suggested == target.name
        await calendar_settle(pilot, target.exists)
        assert f"Calendar written to {target}" in notes(app)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == len(dated)
    assert sum(edited in s for s in summaries) == 1
    assert calendar_plan.read_bytes() == before


async def test_csv_from_the_palette_where_asked_and_a_folder_that_is_not_there(
    calendar_plan: Path,  # noqa: F811
) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await calendar_open(pilot)
        items = len(app.plan.calendar)
        # A folder that does not exist: the notice names the file, nothing is written.
        await export_with_palette(pilot, "Export the calendar to CSV", "nowhere/posts.csv")
        missing = calendar_plan.parent / "nowhere" / "posts.csv"
        await calendar_settle(pilot, lambda: "was not written" in notes(app))
        assert f"{missing}: the calendar was not written" in notes(app)
        assert not missing.parent.exists()
        await export_with_palette(pilot, "Export the calendar to CSV", "posts.csv")
        target = calendar_plan.parent / "posts.csv"
        await calendar_settle(pilot, target.exists)
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Date", "Time"]
    assert len(rows) - 1 == items
    titles = [row[rows[0].index("Title")] for row in rows[1:]]
    assert titles == [item.title or "" for item in app.plan.calendar]
