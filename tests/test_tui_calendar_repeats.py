"""A repeating calendar item in step 6: a table row per date, and one date detached.

Driven with keys as a person would; what is saved is read back from the file.
The plan (tests/fixtures/scenarios/calendar_series.toml) has a weekly "Tuesday
live" from 2 March to 30 March 2027 that skips 16 March, so its dates are the
Tuesdays 2, 9, 23 and 30 March; then a plain post on 10 March and an idea with no
date.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from smplan.i18n import set_language
from smplan.presentation.calendar import (
    CalendarQuery,
    calendar_rows,
    month_choices,
    occurrence_window,
    visible_rows,
)
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor
from tests.plan_fixtures import copy_fixture, fixture_path
from tests.test_tui_calendar import SIZE, calendar_settle
from tests.test_tui_calendar_views import opened
from tests.tui_flow import notes, on_disk, open_app, save, screen_text, wait_for
from tests.tui_keys import palette_command

DETACH_KEY = "ctrl+right_square_bracket"
VIEW_KEY = "ctrl+backslash"
FIXTURE = "scenarios/calendar_series.toml"
#: The Tuesdays of March 2027 but the 16th, which the item skips.
TUESDAYS = [dt.date(2027, 3, d) for d in (2, 9, 23, 30)]


def plan_app(tmp_path: Path) -> tuple[SmplanApp, Path]:
    set_language("en")
    path = copy_fixture(tmp_path, FIXTURE)
    return open_app(path, step=6), path


def column(editor: CalendarEditor, name: str) -> list[str]:
    table = editor.table
    return [
        str(table.get_cell_at((row, editor.columns.index(name)))) for row in range(table.row_count)
    ]


def short(day: dt.date) -> str:
    return f"{day.day:>2} {day.strftime('%b')}"


async def form_on(pilot: Pilot[Any], editor: CalendarEditor, title: str) -> None:
    await wait_for(
        pilot, lambda: editor.form.target is not None and editor.form.target.title == title
    )


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines of ``before`` that went, lines ``after`` added), by a line diff."""
    gone, added = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)):
        if line.startswith("- "):
            gone.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return gone, added


def assert_detached_in_file(before: str, after: str, day: dt.date) -> None:
    """The file changed in two places only: the series' except line and a new table at the end."""
    gone, added = changed_lines(before, after)
    assert gone == ["except = [2027-03-16]\n"]
    skipped = ", ".join(sorted(["2027-03-16", day.isoformat()]))
    assert added[0] == f"except = [{skipped}]\n"
    # Everything else is appended: the file as it was (but that line) is the start.
    assert after.startswith(before.replace(gone[0], added[0]))
    tail = after[len(before.replace(gone[0], added[0])) :]
    assert "".join(added[1:]) in tail and "[[calendar]]\n" in tail
    assert f"date = {day.isoformat()}\n" in tail and "repeat" not in tail


async def test_the_table_shows_a_row_per_date_of_a_repeating_item(tmp_path: Path) -> None:
    app, _path = plan_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        titles = column(editor, "title")
        dates = column(editor, "date")
        # File order: the series' dates together, where the item is in the file.
        assert titles == ["↻ Tuesday live"] * len(TUESDAYS) + ["Launch post", "Someday idea"]
        assert dates == [short(d) for d in TUESDAYS] + [short(dt.date(2027, 3, 10)), ""]
        # The count is of items: the series counts once.
        assert "3 items" in screen_text(app)
        # By date, each Tuesday takes its place among the other items.
        await pilot.press("ctrl+t")
        await calendar_settle(pilot, lambda: editor.query_state.sort == "date")
        by_date = sorted([*TUESDAYS, dt.date(2027, 3, 10)])
        assert column(editor, "date") == [short(d) for d in by_date] + [""]
        assert column(editor, "title")[2] == "Launch post"
        # Type-ahead finds titles; home and end go to the first and last rows.
        await pilot.press("home", "L")
        assert editor.current is not None and editor.current.title == "Launch post"
        await pilot.press("end")
        assert editor.current is not None and editor.current.title == "Someday idea"


async def test_the_mark_shows_at_80x24_without_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app, _path = plan_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await opened(pilot)
        await form_on(pilot, editor, "Tuesday live")
        text = screen_text(app)
        assert text.count("↻ Tuesday live") == len(TUESDAYS)
        # The form of a date of the series says that it edits every date, and how to detach.
        assert "Repeating: edits change every date" in text
        assert "^] detaches" in text


async def test_editing_a_row_of_the_series_edits_every_date(tmp_path: Path) -> None:
    app, path = plan_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press("down", "down")  # 23 March
        await form_on(pilot, editor, "Tuesday live")
        await pilot.press("enter")
        title = editor.form.query_one("#f-title", Input)
        await wait_for(pilot, lambda: app.focused is title)
        title.action_end()
        await pilot.press(*" on IG")
        await wait_for(
            pilot, lambda: column(editor, "title")[:4] == ["↻ Tuesday live on IG"] * len(TUESDAYS)
        )
        await save(pilot)
    saved = on_disk(path)["calendar"]
    assert len(saved) == 3
    assert saved[0]["title"] == "Tuesday live on IG"
    assert saved[0]["except"] == [dt.date(2027, 3, 16)]


async def test_detach_from_the_table_then_undo_in_one_press(tmp_path: Path) -> None:
    app, path = plan_app(tmp_path)
    original = path.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press("down")  # 9 March
        await form_on(pilot, editor, "Tuesday live")
        await pilot.press(DETACH_KEY)
        # The form now edits the new item, alone, with the cursor in its title.
        await wait_for(pilot, lambda: editor.form.target is app.plan.calendar[-1])
        detached = app.plan.calendar[-1]
        assert detached.date == dt.date(2027, 3, 9) and detached.repeat is None
        assert app.focused is editor.form.query_one("#f-title", Input)
        assert "is an item of its own now" in notes(app)
        # 9 March is a plain row now, the other Tuesdays still the series'.
        rows = list(zip(column(editor, "date"), column(editor, "title"), strict=True))
        assert (short(dt.date(2027, 3, 9)), "Tuesday live") in rows
        assert rows.count((short(dt.date(2027, 3, 9)), "↻ Tuesday live")) == 0
        assert sum(title == "↻ Tuesday live" for _d, title in rows) == len(TUESDAYS) - 1
        await save(pilot)
        after = path.read_text(encoding="utf-8")
        saved = on_disk(path)["calendar"]
        assert saved[0]["except"] == [dt.date(2027, 3, 9), dt.date(2027, 3, 16)]
        assert len(saved) == 4
        assert saved[3]["date"] == dt.date(2027, 3, 9) and "repeat" not in saved[3]
        assert saved[3]["title"] == "Tuesday live" and saved[3]["cost"] == 100000
        assert_detached_in_file(original, after, dt.date(2027, 3, 9))

        # One undo takes both changes back: the file is the original again.
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: len(app.plan.calendar) == 3)
        assert app.plan.calendar[0].except_ == [dt.date(2027, 3, 16)]
        await wait_for(pilot, lambda: column(editor, "title").count("↻ Tuesday live") == 4)
        # The cursor is back on the series' row of that date.
        row = editor.current_row
        assert row is not None and row.series and row.day == dt.date(2027, 3, 9)
        await save(pilot)
        assert path.read_text(encoding="utf-8") == original
        # One redo does it again.
        await pilot.press("ctrl+y")
        await wait_for(pilot, lambda: len(app.plan.calendar) == 4)
        await save(pilot)
        assert path.read_text(encoding="utf-8") == after


async def test_detach_from_a_day_of_the_month_grid(tmp_path: Path) -> None:
    app, path = plan_app(tmp_path)
    original = path.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY)
        await wait_for(pilot, lambda: editor.view == "month")
        assert editor.grid.cursor == TUESDAYS[0]  # the highlighted row's date
        await pilot.press("down", "down", "down")  # three weeks on: 23 March
        assert editor.grid.cursor == TUESDAYS[2]
        await pilot.press(DETACH_KEY)
        await wait_for(pilot, lambda: len(app.plan.calendar) == 4)
        await wait_for(pilot, lambda: editor.form.target is app.plan.calendar[-1])
        # The grid's day now holds the plain item, and the view stays the month.
        (on_day,) = editor.days().on(TUESDAYS[2])
        assert on_day.item is app.plan.calendar[-1] and on_day.item.repeat is None
        assert editor.view == "month"
        await save(pilot)
        assert_detached_in_file(original, path.read_text(encoding="utf-8"), TUESDAYS[2])
        # What is typed now changes that day alone.
        title = editor.form.query_one("#f-title", Input)
        assert app.focused is title
        await pilot.press("end", *" special")
        await wait_for(pilot, lambda: app.plan.calendar[-1].title == "Tuesday live special")
        await save(pilot)
    saved = on_disk(path)["calendar"]
    assert saved[0]["except"] == [dt.date(2027, 3, 16), dt.date(2027, 3, 23)]
    assert saved[0]["title"] == "Tuesday live"
    assert saved[3]["date"] == dt.date(2027, 3, 23) and "repeat" not in saved[3]
    assert saved[3]["title"] == "Tuesday live special"


async def test_detach_on_a_plain_item_or_an_empty_day_says_there_is_nothing(
    tmp_path: Path,
) -> None:
    app, path = plan_app(tmp_path)
    original = path.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press("down", "down", "down", "down")  # the launch post
        await form_on(pilot, editor, "Launch post")
        await pilot.press(DETACH_KEY)
        await wait_for(pilot, lambda: "Nothing to detach" in notes(app))
        assert len(app.plan.calendar) == 3 and not app.session.dirty
        # The grid on the launch post's day: no repeating item falls on it.
        await pilot.press(VIEW_KEY)
        await wait_for(pilot, lambda: editor.view == "month")
        await pilot.press(DETACH_KEY)
        await wait_for(pilot, lambda: "Nothing to detach on" in notes(app))
        assert len(app.plan.calendar) == 3 and not app.session.dirty
    assert path.read_text(encoding="utf-8") == original


async def test_the_palette_detaches_the_highlighted_date(tmp_path: Path) -> None:
    app, path = plan_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press("down", "down", "down")  # 30 March
        await form_on(pilot, editor, "Tuesday live")
        await palette_command(pilot, "detach this date")
        await wait_for(pilot, lambda: len(app.plan.calendar) == 4)
        await save(pilot)
    saved = on_disk(path)["calendar"]
    assert saved[3]["date"] == dt.date(2027, 3, 30)
    assert dt.date(2027, 3, 30) in saved[0]["except"]


def test_rows_of_a_series_filter_by_their_own_month_and_sort_by_their_date() -> None:
    plan = PlanFile.open(fixture_path(FIXTURE)).plan
    series = plan.calendar[0]
    assert series.repeat is not None
    series.repeat.until = dt.date(2027, 4, 13)  # two Tuesdays of April too
    april = [dt.date(2027, 4, 6), dt.date(2027, 4, 13)]
    # Past the plan period (March) no date is shown, as none is counted in money or hours.
    rows = calendar_rows(plan.calendar, occurrence_window(plan))
    assert [r.day for r in rows if r.series] == TUESDAYS
    plan.plan.period_end = dt.date(2027, 4, 30)
    rows = calendar_rows(plan.calendar, occurrence_window(plan))
    assert [r.day for r in rows if r.series] == [*TUESDAYS, *april]
    assert [r.item.title for r in rows if not r.series] == ["Launch post", "Someday idea"]
    assert [value for _label, value in month_choices(rows)] == ["2027-03", "2027-04", ""]
    in_april = visible_rows(rows, CalendarQuery(month="2027-04"))
    assert [(r.day, r.series) for r in in_april] == [(d, True) for d in april]
    newest_first = visible_rows(rows, CalendarQuery(sort="date", descending=True))
    days = [r.day for r in newest_first]
    assert days[:-1] == sorted([*TUESDAYS, *april, dt.date(2027, 3, 10)], reverse=True)
    assert days[-1] is None  # undated last, in both directions
    # Every date skipped: the series keeps one row, on its own date.
    series.except_ = [*series.except_, *TUESDAYS, *april]
    (only,) = [r for r in calendar_rows(plan.calendar, occurrence_window(plan)) if r.series]
    assert only.day == series.date and only.occurrence is None


async def test_detach_the_item_chosen_in_the_day_list(tmp_path: Path) -> None:
    set_language("en")
    path = copy_fixture(tmp_path, FIXTURE)
    # A second series on the same Tuesdays, after the others in the file.
    second = '\n[[calendar]]\ndate = 2027-03-02\nnetwork = "tiktok"\ntitle = "Tip Tuesday"\n'
    second += 'repeat = { every = "week", until = 2027-03-30 }\n'
    path.write_text(path.read_text(encoding="utf-8") + second, encoding="utf-8")
    app = open_app(path, step=6)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY, "down")  # the month, a week on: 9 March
        await wait_for(pilot, lambda: editor.grid.cursor == TUESDAYS[1])
        await pilot.press("enter")  # the day's list: Tuesday live, Tip Tuesday
        await wait_for(pilot, lambda: app.focused is editor.day_list)
        assert editor.day_list.option_count == 2
        await pilot.press("down", DETACH_KEY)
        await wait_for(pilot, lambda: len(app.plan.calendar) == 5)
        await save(pilot)
    saved = on_disk(path)["calendar"]
    assert saved[3]["title"] == "Tip Tuesday" and "except" in saved[3]
    assert saved[3]["except"] == [TUESDAYS[1]]
    assert saved[0]["except"] == [dt.date(2027, 3, 16)]  # the first series untouched
    assert saved[4]["title"] == "Tip Tuesday" and saved[4]["date"] == TUESDAYS[1]
