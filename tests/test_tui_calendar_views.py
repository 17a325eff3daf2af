"""Step 6's month and week views on the sample plans, driven with keys as a person would.

The table, the grid and the form show the same items: what is added or typed
in one shows in the others, and ctrl+s writes it to the file, which is read back.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from smplan.i18n import set_language
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor
from tests.test_tui_calendar import SIZE, calendar_settle
from tests.tui_flow import copy_sample, on_disk, open_app, save, type_text

VIEW_KEY = "ctrl+backslash"


def sample_app(tmp_path: Path, name: str = "northwind-nonprofit.toml") -> tuple[SmplanApp, Path]:
    set_language("en")
    path = copy_sample(tmp_path, name)
    return open_app(path, step=6), path


async def opened(pilot: Pilot[Any]) -> CalendarEditor:
    editor = pilot.app.screen.query_one(CalendarEditor)
    await calendar_settle(pilot, lambda: editor.built and not editor.table.pending)
    editor.table.focus()
    await pilot.pause()
    return editor


def grid_text(editor: CalendarEditor) -> str:
    return editor.grid.render().plain


def day_count(editor: CalendarEditor, day: dt.date) -> int:
    return len(editor.days().on(day))


async def test_one_key_goes_table_month_week_and_back(tmp_path: Path) -> None:
    app, _path = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        first = editor.current
        assert first is not None and first.date is not None
        seen = []
        for _ in range(3):
            await pilot.press(VIEW_KEY)
            await pilot.pause()
            seen.append((editor.view, editor.table.display, editor.grid.display))
        assert seen == [("month", False, True), ("week", False, True), ("table", True, False)]
        assert app.focused is editor.table
        # The grid opens on the highlighted item's day.
        await pilot.press(VIEW_KEY)
        await pilot.pause()
        assert app.focused is editor.grid
        assert editor.grid.cursor == first.date
        text = grid_text(editor)
        assert first.date.strftime("%B") in text  # the month's name, in English
        assert "F Facebook" in text  # the legend names the networks


async def test_arrows_move_by_day_and_page_keys_by_month_or_week(tmp_path: Path) -> None:
    app, _path = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY)
        grid = editor.grid
        start = grid.cursor
        await pilot.press("right", "right", "down")
        assert grid.cursor == start + dt.timedelta(days=9)
        await pilot.press("left", "up")
        assert grid.cursor == start + dt.timedelta(days=1)
        await pilot.press("pagedown")
        assert (grid.cursor.year, grid.cursor.month) == (start.year, start.month + 1)
        assert grid.cursor.strftime("%B") in grid_text(editor)
        await pilot.press("pageup")
        assert grid.cursor == start + dt.timedelta(days=1)
        await pilot.press(VIEW_KEY)  # the week: down is a day, page a week
        await pilot.press("down", "pagedown")
        assert grid.cursor == start + dt.timedelta(days=9)


async def test_add_on_a_day_shows_in_grid_table_and_file(tmp_path: Path) -> None:
    app, path = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        rows = editor.table.row_count
        await pilot.press(VIEW_KEY)
        # A day with nothing on it: the day after the first item's, moved on until empty.
        await pilot.press("right")
        while day_count(editor, editor.grid.cursor):
            await pilot.press("right")
        day = editor.grid.cursor
        await pilot.press("a")
        await calendar_settle(pilot)
        assert app.focused is editor.form.query_one("#f-title")
        await type_text(pilot, "Harvest drive")
        await calendar_settle(pilot)
        assert day_count(editor, day) == 1
        assert editor.table.row_count == rows + 1
        assert "Harvest drive" in [str(c) for c in editor.table.get_row_at(editor.table.cursor_row)]
        # Back in the grid with escape, the day now counts an item without a network.
        await pilot.press("escape")
        assert app.focused is editor.grid
        assert editor.days().counts(day) == [("?", 1)]
        await save(pilot)

    added = [c for c in on_disk(path)["calendar"] if c.get("title") == "Harvest drive"]
    assert len(added) == 1
    assert added[0]["date"] == day
    assert added[0]["status"] == "idea"


async def test_enter_lists_a_day_and_opens_an_item_edited_everywhere(tmp_path: Path) -> None:
    app, path = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY, VIEW_KEY)  # the week
        assert editor.view == "week"
        day = editor.grid.cursor
        items = editor.days().on(day)
        assert items
        await pilot.press("enter")
        await pilot.pause()
        listing = app.focused
        assert isinstance(listing, OptionList) and listing.option_count == len(items)
        await pilot.press("enter")
        await calendar_settle(pilot)
        assert app.focused is editor.form.query_one("#f-title")
        item = editor.form.target
        assert item is items[0].item
        await pilot.press("end")
        await type_text(pilot, " (updated)")
        await calendar_settle(pilot)
        title = item.title
        assert title is not None and title.endswith(" (updated)")
        # The week draws the new title (cut to its column), the table's row holds it.
        assert title[:10] in grid_text(editor)
        cells = [str(c) for c in editor.table.get_row_at(editor.table.cursor_row)]
        assert any(c.rstrip("…") and title.startswith(c.rstrip("…")) for c in cells if c)
        await save(pilot)

    on_day = [c for c in on_disk(path)["calendar"] if c.get("date") == day]
    assert any(c["title"].endswith(" (updated)") for c in on_day)


async def test_a_date_changed_in_the_form_moves_the_item_in_the_grid(tmp_path: Path) -> None:
    app, path = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY)
        day = editor.grid.cursor
        before = day_count(editor, day)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await calendar_settle(pilot)
        await pilot.press("tab")  # title -> date
        date_field = app.focused
        assert date_field is editor.form.query_one("#f-date")
        await pilot.press("end", "ctrl+u")  # clear the field
        assert getattr(date_field, "value", None) == ""
        await type_text(pilot, "2026-10-20")
        await calendar_settle(pilot)
        later = dt.date(2026, 10, 20)
        assert day_count(editor, day) == before - 1
        assert any(o.item is editor.form.target for o in editor.days().on(later))
        await save(pilot)

    assert any(c.get("date") == dt.date(2026, 10, 20) for c in on_disk(path)["calendar"])


async def test_repeating_items_show_as_occurrences_in_the_month(tmp_path: Path) -> None:
    app, path = sample_app(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + '\n[[calendar]]\ndate = 2026-10-06\nnetwork = "instagram"\n'
        'title = "Tuesday tips"\nstatus = "planned"\nrepeat = { every = "week", on = ["tue"] }\n',
        encoding="utf-8",
    )
    app = open_app(path, step=6)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY)
        tuesdays = [dt.date(2026, 10, d) for d in (6, 13, 20, 27)]
        for tuesday in tuesdays:
            assert any(o.item.title == "Tuesday tips" for o in editor.days().on(tuesday))
        assert not any(
            o.item.title == "Tuesday tips" for o in editor.days().on(dt.date(2026, 10, 7))
        )


def instagram_on(editor: CalendarEditor, day: dt.date) -> int:
    """Instagram posts on ``day`` in the month grid's count."""
    return dict(editor.days().counts(day)).get("I", 0)


def week_findings(app: SmplanApp, network: str, week: str) -> list[str]:
    """The app's rhythm findings about ``network`` in the week that starts ``week``."""
    plan = app.open_plan.plan
    card = next(i for i, c in enumerate(plan.strategy.networks) if c.network == network)
    return [
        f.message
        for f in app.open_plan.findings
        if f.code == "calendar-rhythm" and f.path[:3] == ("strategy", "networks", card)
        and week in f.message
    ]  # fmt: skip


async def test_rhythm_findings_clear_then_flag_as_items_are_added_on_a_day(
    tmp_path: Path,
) -> None:
    _app, path = sample_app(tmp_path)
    # The sample meets its rhythm. Asked for 6 Instagram posts a week, the week of
    # 28 September (4: its three regular posts and a reel on Friday 2 October) is below it.
    text = path.read_text(encoding="utf-8")
    card = re.search(
        r'\[\[strategy\.networks\]\]\nnetwork = "instagram"\n(?:[a-z_]+ = .*\n)*?'
        r"posts_per_week = (\S+)",
        text,
    )
    assert card is not None
    path.write_text(text[: card.start(1)] + "6" + text[card.end(1) :], encoding="utf-8")
    app = open_app(path, step=6)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY)
        await pilot.press("right")
        day = editor.grid.cursor
        assert day == dt.date(2026, 10, 2)
        assert instagram_on(editor, day) == 1
        week = "28 September 2026"
        await calendar_settle(pilot, lambda: bool(week_findings(app, "instagram", week)))
        below = week_findings(app, "instagram", week)
        assert len(below) == 1
        assert not editor.days().rhythm_flag(day)
        # Open it (the new items take its network), then add on that day.
        await pilot.press("enter", "enter")
        await calendar_settle(pilot)
        seen = []
        for title in ("Pantry tour", "Thank-you reel", "Volunteer faces"):
            await pilot.press("escape")  # the form -> the grid
            assert app.focused is editor.grid
            before = week_findings(app, "instagram", week)
            await pilot.press("a")
            await calendar_settle(pilot)
            await type_text(pilot, title)
            # Each post changes the week's finding (its count, or it goes, or comes back).
            changed = partial(lambda was: week_findings(app, "instagram", week) != was, before)
            await calendar_settle(pilot, changed)
            seen.append(
                (len(week_findings(app, "instagram", week)), editor.days().rhythm_flag(day))
            )
        await pilot.press("escape")
        # 5 posts: still below; 6: on rhythm, no finding; 7: above, and the day flagged.
        assert seen == [(1, False), (0, False), (1, True)]
        assert instagram_on(editor, day) == 4
        assert week_findings(app, "instagram", week) != below
        assert "▲" in grid_text(editor)
        # Undone, the week is below the rhythm again, as it was.
        for _ in range(10):
            if instagram_on(editor, day) == 1:
                break
            await pilot.press("ctrl+z")
            await calendar_settle(pilot)
        await calendar_settle(pilot, lambda: week_findings(app, "instagram", week) == below)
        assert instagram_on(editor, day) == 1
        assert week_findings(app, "instagram", week) == below
        assert not editor.days().rhythm_flag(day)
        await save(pilot)

    on_day = [c for c in on_disk(path)["calendar"] if c.get("date") == day]
    assert [c["network"] for c in on_day] == ["instagram"]


async def test_enter_on_an_empty_day_says_how_to_add(tmp_path: Path) -> None:
    app, _path = sample_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await pilot.press(VIEW_KEY)
        while day_count(editor, editor.grid.cursor):
            await pilot.press("right")
        await pilot.press("enter")
        await pilot.pause()
        line = editor.query_one("#calendar-day-title")
        assert line.display and "press a to add" in str(line.render())
        assert not editor.day_list.display
        assert app.focused is editor.grid
        await pilot.press("right")  # another day: the line goes
        assert not line.display


async def test_focus_on_the_month_grid_leaves_the_pane_where_it_is(tmp_path: Path) -> None:
    # When focus comes to the grid (another view chosen) while its top shows, the
    # pane stays put, its heading in sight. It used to scroll to show the grid
    # whole, or not, as the layout was timed. A grid out of sight is still shown.
    app, _path = sample_app(tmp_path)
    async with app.run_test(size=(80, 20)) as pilot:
        editor = await opened(pilot)
        pane = app.main.pane(6)
        assert pane is not None and pane.scroll_y == 0
        await pilot.press(VIEW_KEY)
        await calendar_settle(pilot, lambda: editor.view == "month" and editor.grid.has_focus)
        await pilot.pause()
        assert pane.scroll_y == 0
        view = pane.scrollable_content_region
        grid = editor.grid.region
        # Its top shows, its bottom does not: showing it whole would scroll.
        assert view.y <= grid.y < view.bottom and editor.grid.virtual_size.height > (
            view.bottom - grid.y
        )
        pane.reveal(editor.grid)  # what focus asks for, once laid out
        await pilot.pause()
        assert pane.scroll_y == 0
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert pane.scroll_y > 0
        pane.reveal(editor.grid)
        await pilot.pause()
        view = pane.scrollable_content_region
        assert view.y <= editor.grid.region.y < view.bottom
