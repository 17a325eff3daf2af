"""The content calendar pane, driven by keys as a person would, checked on disk."""

from __future__ import annotations

import datetime as dt
import gc
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from smplan.findings import Finding
from smplan.model import CalendarItem, Plan
from smplan.presentation.calendar import (
    CalendarQuery,
    choose_columns,
    month_choices,
    visible_items,
)
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor, default_day
from smplan.tui.widgets.picker import Picker
from tests.plan_fixtures import fixture_text

SIZE = (80, 24)

CALENDAR_PLAN = fixture_text("scenarios/calendar_six_items.toml")


@pytest.fixture
def calendar_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(CALENDAR_PLAN, encoding="utf-8")
    return path


def calendar_year_text(items: int) -> tuple[str, list[str]]:
    """A plan with ``items`` calendar items, and the network of each item in order."""
    networks = ("instagram", "tiktok", "facebook", "linkedin", "youtube")
    lines = [
        "schema = 1",
        "[plan]",
        'title = "A year"',
        "period_start = 2027-01-01",
        "period_end = 2027-12-31",
        'currency = "IDR"',
    ]
    chosen = []
    start = dt.date(2027, 1, 1)
    for index in range(items):
        # Every third item is on Instagram, the others cycle through the rest.
        network = networks[0] if index % 3 == 0 else networks[1 + index % 4]
        chosen.append(network)
        day = start + dt.timedelta(days=index * 365 // items)
        lines += [
            "[[calendar]]",
            f"date = {day.isoformat()}",
            f'network = "{network}"',
            f'title = "Post {index + 1}"',
            'status = "planned"',
            f"cost = {index % 7 * 1000}",
        ]
    return "\n".join(lines) + "\n", chosen


@pytest.fixture
def calendar_year_plan(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "year.toml"
    text, networks = calendar_year_text(5000)
    path.write_text(text, encoding="utf-8")
    return path, networks


def calendar_app(path: Path) -> SmplanApp:
    return SmplanApp(path, PlanFile.open(path), None)


async def calendar_open(pilot: Pilot[Any]) -> CalendarEditor:
    """Go to step 6 with its key and wait until every row is in the table."""
    await pilot.press("f7")
    editor = pilot.app.screen.query_one(CalendarEditor)
    await calendar_settle(pilot, lambda: editor.built and not editor.table.pending)
    return editor


async def caption_of_first_item(pilot: Pilot[Any]) -> CalendarEditor:
    """Step 6, enter on the first item, then tab from its title to its caption, as a user does."""
    editor = await calendar_open(pilot)
    await pilot.press("enter")
    assert pilot.app.focused is editor.form.query_one("#f-title")
    # title, date, time, network, format, pillar, status, owner, goal, hours, cost,
    # notes, then the post's own fields.
    await pilot.press(*["tab"] * 12)
    assert pilot.app.focused is editor.form.query_one("#f-caption")
    return editor


async def calendar_settle(pilot: Pilot[Any], done: Callable[[], bool] | None = None) -> None:
    """Pause until ``done()`` (and the form has followed the cursor); fail if it never holds."""
    for _ in range(400):
        await pilot.pause(0.02)
        if done is None or done():
            break
    else:
        raise AssertionError(f"still not true after 8 s: {done}")
    await pilot.pause(0.15)


def titles(editor: CalendarEditor) -> list[str]:
    table = editor.table
    column = editor.columns.index("title")
    return [str(table.get_row_at(row)[column]) for row in range(table.row_count)]


def on_disk(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


# -- adding, typing, saving --------------------------------------------------------


async def test_add_an_item_type_title_and_cost_then_save(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        assert app.focused is editor.table
        await pilot.press("insert")
        # The new row sits right below the highlighted one, and the title field has focus.
        assert editor.table.cursor_row == 1
        assert app.focused is editor.form.query_one("#f-title")
        await pilot.press(*"Launch day")
        # title -> date -> time -> network -> format -> pillar -> status -> owner -> goal
        # -> hours -> cost
        await pilot.press(*["tab"] * 10)
        assert app.focused is editor.form.query_one("#f-cost")
        await pilot.press(*"1,500,000")
        await calendar_settle(pilot)
        assert titles(editor)[1] == "Launch day"
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)

    saved = on_disk(calendar_plan)["calendar"]
    assert len(saved) == 7
    new = saved[1]
    assert new["title"] == "Launch day"
    assert new["cost"] == 1500000
    assert new["status"] == "idea"
    # Day, network and owner come from the item that was highlighted.
    assert new["date"] == dt.date(2027, 1, 4)
    assert new["network"] == "instagram"
    assert new["owner"] == "dewi"
    text = calendar_plan.read_text(encoding="utf-8")
    assert "# Hand-written: keep the V60 series on Mondays." in text
    assert 'owner = "nobody"  # not a team member: a finding points here' in text


async def test_editing_a_field_rewrites_only_that_row(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await pilot.press("down", "down")
        await calendar_settle(pilot)
        await pilot.press("enter")
        assert app.focused is editor.form.query_one("#f-title")
        await pilot.press("end", *" (reel)")
        await calendar_settle(pilot)
        assert titles(editor) == [
            "V60 in 60 seconds",
            "Farmer story",
            "Latte art at home (reel)",
            "Valentine giveaway",
            "Behind the roast",
            "Brewing guide",
        ]
        assert app.plan.calendar[2].title == "Latte art at home (reel)"
        # Undo puts the title back, in the model and in the row.
        await pilot.press("ctrl+z")
        await calendar_settle(pilot)
        assert app.plan.calendar[2].title == "Latte art at home"
        assert titles(editor)[2] == "Latte art at home"


# -- filters and sort ----------------------------------------------------------------


async def test_filter_by_network_with_keys(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await pilot.press("ctrl+k")  # the month filter
        await pilot.press("tab")  # the network filter
        network = editor.query_one("#cal-network", Picker)
        assert app.focused is network
        # Choices: (any), blog, facebook, instagram, tiktok, (not set) never: all have one.
        await pilot.press("enter", "down", "down", "down", "enter")
        await calendar_settle(pilot)
        assert network.value == "instagram"
        assert editor.table.row_count == 3
        assert titles(editor) == ["V60 in 60 seconds", "Latte art at home", "Behind the roast"]
        count = str(editor.query_one("#calendar-count").render())
        assert "3 of 6 items" in count
        # Escape comes back to the table; ctrl+x clears the filters.
        await pilot.press("escape")
        assert app.focused is editor.table
        await pilot.press("ctrl+x")
        await calendar_settle(pilot)
        assert editor.table.row_count == 6
        assert network.value is Picker.NULL


async def test_search_titles(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await pilot.press("ctrl+f")
        assert app.focused is editor.query_one("#cal-search", Input)
        await pilot.press(*"ROAST", "enter")
        await calendar_settle(pilot)
        assert titles(editor) == ["Behind the roast"]
        assert app.focused is editor.table


async def test_sort_by_cost_and_reverse(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        # file order -> date -> network -> status -> owner -> cost
        await pilot.press("ctrl+t", "ctrl+t", "ctrl+t", "ctrl+t", "ctrl+t")
        await calendar_settle(pilot)
        assert editor.query_state.sort == "cost"
        # 0, 150,000, 750,000, 1,500,000, 2,500,000, then the item without a cost.
        assert titles(editor) == [
            "V60 in 60 seconds",
            "Behind the roast",
            "Latte art at home",
            "Valentine giveaway",
            "Farmer story",
            "Brewing guide",
        ]
        await pilot.press("ctrl+e")
        await calendar_settle(pilot)
        assert titles(editor) == [
            "Farmer story",
            "Valentine giveaway",
            "Latte art at home",
            "Behind the roast",
            "V60 in 60 seconds",
            "Brewing guide",
        ]
        # The file keeps its order: sorting is a view.
        assert [i.title for i in app.plan.calendar][:2] == ["V60 in 60 seconds", "Farmer story"]


# -- duplicate, delete, undo, move ---------------------------------------------------


async def test_duplicate_then_delete_then_undo(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await pilot.press("down")
        await pilot.press("ctrl+d")
        await calendar_settle(pilot)
        assert editor.table.row_count == 7
        assert titles(editor)[1:3] == ["Farmer story", "Farmer story"]
        copy = app.plan.calendar[2]
        assert copy is not app.plan.calendar[1]
        assert copy.cost == Decimal(2500000)
        assert editor.table.cursor_row == 2

        await pilot.press("delete", "enter")
        await calendar_settle(pilot)
        assert editor.table.row_count == 6
        assert len(app.plan.calendar) == 6
        # Delete the original too, then bring it back.
        await pilot.press("up", "delete", "enter")
        await calendar_settle(pilot)
        assert [i.title for i in app.plan.calendar][:2] == [
            "V60 in 60 seconds",
            "Latte art at home",
        ]
        await pilot.press("ctrl+z")
        await calendar_settle(pilot)
        assert [i.title for i in app.plan.calendar][:2] == ["V60 in 60 seconds", "Farmer story"]
        assert titles(editor)[1] == "Farmer story"
        assert editor.table.row_count == 6
        assert editor.table.cursor_row == 1
        assert editor.form.target is app.plan.calendar[1]

        await pilot.press("ctrl+s")
        await calendar_settle(pilot)
    saved = on_disk(calendar_plan)["calendar"]
    assert [item["title"] for item in saved] == [
        "V60 in 60 seconds",
        "Farmer story",
        "Latte art at home",
        "Valentine giveaway",
        "Behind the roast",
        "Brewing guide",
    ]


async def test_move_only_in_file_order(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await pilot.press("shift+down")
        await calendar_settle(pilot)
        assert [i.title for i in app.plan.calendar][:2] == ["Farmer story", "V60 in 60 seconds"]
        assert titles(editor)[:2] == ["Farmer story", "V60 in 60 seconds"]
        assert editor.table.cursor_row == 1

        await pilot.press("ctrl+t")  # by date: moving would not show
        await calendar_settle(pilot)
        before = [i.title for i in app.plan.calendar]
        await pilot.press("shift+down")
        await calendar_settle(pilot)
        assert [i.title for i in app.plan.calendar] == before


async def test_move_skips_rows_hidden_by_a_filter(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        editor.apply(CalendarQuery(network="instagram"))
        await calendar_settle(pilot)
        assert titles(editor) == ["V60 in 60 seconds", "Latte art at home", "Behind the roast"]
        await pilot.press("shift+down")
        await calendar_settle(pilot)
        # The V60 item jumps over the hidden TikTok item, past the next Instagram one.
        assert [i.title for i in app.plan.calendar][:3] == [
            "Farmer story",
            "Latte art at home",
            "V60 in 60 seconds",
        ]
        assert titles(editor) == ["Latte art at home", "V60 in 60 seconds", "Behind the roast"]


# -- what the app asks of the pane -----------------------------------------------------


async def test_palette_add_and_findings_reach_the_row(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        await app.add_to_list(6, "calendar")
        await calendar_settle(pilot)
        assert len(app.plan.calendar) == 7
        editor = app.screen.query_one(CalendarEditor)
        new = app.plan.calendar[1]
        assert editor.form.target is new
        assert new.status == "idea"

        # The unknown owner of "Behind the roast" (now item 5): hidden by a filter first.
        editor.apply(CalendarQuery(network="tiktok"))
        await calendar_settle(pilot)
        finding = Finding("error", "dangling-reference", "no such owner", ("calendar", 5, "owner"))
        await app.go_to_finding(finding)
        await calendar_settle(pilot)
        assert editor.query_state.network is None
        assert editor.current is app.plan.calendar[5]
        assert app.focused is editor.form.query_one("#f-owner")


async def test_columns_follow_the_width(calendar_plan: Path) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=(120, 30)) as pilot:
        editor = await calendar_open(pilot)
        wide = editor.columns
        await pilot.resize_terminal(80, 24)
        await calendar_settle(pilot)
        narrow = editor.columns
        await pilot.press("ctrl+u")
        await calendar_settle(pilot)
        every = editor.columns
    assert narrow == ["date", "network", "title", "status", "owner"]
    assert {"time", "cost"} <= set(wide) and set(narrow) < set(wide)
    assert every == [
        "date", "time", "network", "format", "title", "status", "owner", "goal", "hours", "cost",
    ]  # fmt: skip


# -- a year of content ---------------------------------------------------------------


async def test_five_thousand_items_open_and_filter(
    calendar_year_plan: tuple[Path, list[str]],
) -> None:
    path, networks = calendar_year_plan
    app = calendar_app(path)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        assert editor.table.row_count == 5000
        assert "5,000 items" in str(editor.query_one("#calendar-count").render())
        await pilot.press("end")
        assert editor.table.cursor_row == 4999
        await pilot.press("home")
        assert editor.table.cursor_row == 0
        await pilot.press("ctrl+k", "tab", "enter")
        # Choices: (any), facebook, instagram, linkedin, tiktok, youtube
        await pilot.press("down", "down", "enter")
        await calendar_settle(pilot, lambda: not editor.table.pending)
        expected = networks.count("instagram")
        assert expected == 1667  # every third of 5,000, the first included
        assert editor.table.row_count == expected
        assert f"{expected:,} of 5,000 items" in str(editor.query_one("#calendar-count").render())
        await pilot.press("escape", "down", "down")
        await calendar_settle(pilot)
        assert editor.current is not None and editor.current.network == "instagram"
        assert editor.form.target is editor.current


# -- the query alone -----------------------------------------------------------------


def _items() -> list[CalendarItem]:
    return Plan.model_validate(tomllib.loads(CALENDAR_PLAN)).calendar


def test_sort_puts_missing_values_last_both_ways() -> None:
    items = _items()
    dated = [i.title for i in visible_items(items, CalendarQuery(sort="date", descending=True))]
    assert dated == [
        "Behind the roast",
        "Valentine giveaway",
        "Latte art at home",
        "Farmer story",
        "V60 in 60 seconds",
        "Brewing guide",
    ]
    by_status = [i.status for i in visible_items(items, CalendarQuery(sort="status"))]
    assert by_status == ["idea", "planned", "draft", "scheduled", "published", None]


def test_filters_combine() -> None:
    items = _items()
    query = CalendarQuery(network="instagram", owner="budi")
    assert [i.title for i in visible_items(items, query)] == ["Latte art at home"]
    assert [i.title for i in visible_items(items, CalendarQuery(month=""))] == ["Brewing guide"]
    assert [label for label, _v in month_choices(items)] == [
        "Jan 2027",
        "Feb 2027",
        "Mar 2027",
        "(no date)",
    ]


def test_columns_by_priority() -> None:
    widths: Any = {
        "date": 6, "time": 5, "network": 9, "format": 8, "title": 48,
        "status": 9, "owner": 6, "goal": 12, "hours": 5, "cost": 13,
    }  # fmt: skip
    # Essentials take 8+11+11+8 = 38 cells and the title's padding 2.
    assert choose_columns(57, widths) == {
        "date": 6, "network": 9, "title": 17, "status": 9, "owner": 6,
    }  # fmt: skip
    # With 97 cells: cost (15), time (7), format (10) fit beside a 24-cell title; goal does not.
    assert list(choose_columns(97, widths)) == [
        "date", "time", "network", "format", "title", "status", "owner", "cost",
    ]  # fmt: skip
    assert choose_columns(97, widths)["title"] == 97 - 40 - 15 - 7 - 10


def test_new_items_default_to_today_within_the_period() -> None:
    plan = Plan.model_validate(tomllib.loads(CALENDAR_PLAN))
    assert default_day(plan, dt.date(2026, 11, 1)) == dt.date(2027, 1, 1)
    assert default_day(plan, dt.date(2027, 5, 9)) == dt.date(2027, 5, 9)
    assert default_day(plan, dt.date(2028, 2, 1)) == dt.date(2027, 12, 31)


# -- undo and redo show in the form ---------------------------------------------------


async def test_undo_and_redo_show_in_the_form_and_typing_goes_on_from_there(
    calendar_plan: Path,
) -> None:
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await pilot.press("enter")  # to the title of the first item
        title = editor.form.query_one("#f-title", Input)
        assert app.focused is title
        await pilot.press(*"!!!!!")
        await calendar_settle(pilot)
        item = app.plan.calendar[0]
        assert item.title == "!!!!!"
        await pilot.press("ctrl+z")
        await calendar_settle(pilot)
        assert item.title == "V60 in 60 seconds"
        assert title.value == "V60 in 60 seconds"
        await pilot.press("ctrl+y")
        await calendar_settle(pilot)
        assert title.value == "!!!!!"
        await pilot.press("ctrl+z")
        await calendar_settle(pilot)
        assert title.value == "V60 in 60 seconds"
        assert titles(editor)[0] == "V60 in 60 seconds"
        # Typing goes on from what the field shows, never from what it showed before.
        title.focus()
        await pilot.press("end", *" (v2)")
        await calendar_settle(pilot)
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)
    assert on_disk(calendar_plan)["calendar"][0]["title"] == "V60 in 60 seconds (v2)"


async def test_typing_on_the_table_finds_titles_and_changes_nothing(calendar_plan: Path) -> None:
    before = calendar_plan.read_bytes()
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        editor = await calendar_open(pilot)
        # A person who thinks the title field has focus types a whole title.
        await pilot.press(*"Food drive cxdsrwfa")
        await calendar_settle(pilot)
        assert not app.session.dirty
        assert editor.table.row_count == 6
        assert not any("Deleted" in str(n.message) for n in app._notifications)
        await pilot.press(*"la")
        await calendar_settle(pilot)
        assert editor.current is not None and editor.current.title == "Latte art at home"
        await pilot.press("end")
        assert editor.table.cursor_row == 5
        await pilot.press("home")
        assert editor.table.cursor_row == 0
        await pilot.press("pagedown")
        assert editor.table.cursor_row == 5
        await pilot.press("pageup")
        assert editor.table.cursor_row == 0
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)
    assert calendar_plan.read_bytes() == before


async def test_the_app_freezes_the_collector_once_the_table_is_filled_and_thaws_it_on_a_reload(
    calendar_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    app = calendar_app(calendar_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await calendar_settle(pilot, lambda: editor.table.pending == 0 and "freeze" in calls)
        # Nothing of the table was frozen before its first fill: nothing to thaw.
        assert calls == ["freeze"]
        filled = len(calls)
        await pilot.press("ctrl+t")  # sorting loads the rows again
        await calendar_settle(pilot, lambda: len(calls) >= filled + 2)
        assert calls[filled:] == ["unfreeze", "freeze"]
