"""Keys that arrive all at once (ssh, tmux, a paste) land where they would typed slowly.

Each flow puts a whole key sequence in the app's queue in one go (see
``tests/tui_keys.py``), saves, and reads the file back: a Tab, an add or a
picker's enter in the middle of the burst moves focus before the keys after it
are handled. Step 6 of the typing script (``tests/typing_script.py``: the table,
then the month and the week) is typed both ways and must save the same file.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette

from smplan.store import PlanFile
from smplan.tui import key_order
from smplan.tui.app import SmplanApp
from smplan.tui.panes.calendar import CalendarEditor
from smplan.tui.widgets import picker
from tests.tui_flow import SMALL, copy_sample, editor_of, on_disk, open_app, save, settle
from tests.tui_keys import burst, from_tmux, keys_of
from tests.typing_script import VIEW_START, calendar_step, check_views


def new_plan(folder: Path) -> tuple[Path, SmplanApp]:
    path = folder / "scratch.toml"
    return path, SmplanApp(path, PlanFile.new(path), None, step=1)


async def test_a_burst_of_numbers_and_tabs_fills_three_fields(tmp_path: Path) -> None:
    path, app = new_plan(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        # Audit, to the profiles list, add one, past network and handle, then the burst.
        await burst(pilot, ["f2", "tab", "insert", "tab", "tab", *keys_of("1200\t3.2\t4")])
        await save(pilot)
    profile = on_disk(path)["audit"]["profiles"][0]
    assert profile["followers"] == 1200
    assert str(profile["engagement_rate"]) == "3.2"
    assert profile["posts_per_week"] == 4


async def test_a_burst_after_add_goal_fills_id_then_statement(tmp_path: Path) -> None:
    path, app = new_plan(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*keys_of("Add goal"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: len(app.plan.goals) == 1)
        await burst(pilot, keys_of("burst-goal\tGrow followers from 100 to 200"))
        await save(pilot)
    goal = on_disk(path)["goals"][0]
    assert goal["id"] == "burst-goal"
    assert goal["statement"] == "Grow followers from 100 to 200"


async def test_a_burst_through_a_picker_chooses_then_types_in_the_next_field(
    tmp_path: Path,
) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        profiles = editor_of(app, "profiles")
        before = len(profiles.items)
        profiles.item_list.focus()
        await pilot.pause()
        # Add, open the network picker, type to find TikTok, take it, on to the handle.
        await burst(pilot, ["insert", "enter", *keys_of("tik"), "enter", "tab", *keys_of("@nw")])
        await settle(pilot, lambda: len(profiles.items) == before + 1)
        await save(pilot)
    added = on_disk(path)["audit"]["profiles"][1]
    assert added == {"network": "tiktok", "handle": "@nw"}


async def test_arrows_and_backspace_in_a_burst_edit_where_they_are_typed(tmp_path: Path) -> None:
    # home, end and backspace are bindings of the field, run once the key has gone
    # up to the app; a letter is taken by the field as it reads it. The letters
    # after them must wait, or "M" lands before home has moved the cursor.
    path, app = new_plan(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await burst(pilot, ["f3", "insert", *keys_of("p9\tAnn"), "home", "M", "end", "e",
                            "backspace", "backspace", "y", "left", "left", "delete", "i"])  # fmt: skip
        await save(pilot)
    assert on_disk(path)["personas"] == [{"id": "p9", "name": "MAiy"}]


async def test_a_paste_into_a_one_line_field_stays_there_on_one_line(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=0)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+g", "0")
        await settle(pilot)
        title = app.focused
        # Pasted text, then keys typed right behind it in the same read.
        app.post_message(events.Paste("Northwind\nplan 2027\n"))
        await burst(pilot, ["tab", *keys_of("Food Bank")])
        await settle(pilot, lambda: app.focused is not title)
        await save(pilot)
    plan = on_disk(path)["plan"]
    assert plan["title"] == "Northwind plan 2027"
    assert plan["organization"] == "Food Bank"


async def test_a_picker_search_typed_slowly_still_finds_the_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The picker's clock says 0.8 s between keys (Textual's own search had started
    # again by then), however long a loaded machine takes to handle each one.
    now = [0.0]
    monkeypatch.setattr(picker, "TypeAhead", partial(picker.TypeAhead, lambda: now[0]))
    path = copy_sample(tmp_path, "minimal.toml")
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        profiles = editor_of(app, "profiles")
        profiles.item_list.focus()
        await pilot.press("insert")
        await settle(pilot, lambda: len(profiles.items) == 1)
        for key in ("enter", "i", "n", "s", "enter"):
            now[0] += 0.8
            await pilot.press(key)
            await pilot.pause(0.8)
        await save(pilot)
    assert on_disk(path)["audit"]["profiles"][0]["network"] == "instagram"


async def test_keys_wait_for_a_slow_key_however_long_it_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a loaded machine a key and what it sets off (a form shown, the screen laid
    # out again) can take longer than the watchdog that frees keys whose marker was
    # lost. Shrinking the watchdog to almost nothing makes every key that slow: the
    # keys after a Tab or an add must still wait for it.
    monkeypatch.setattr(key_order, "STUCK_AFTER", 0.001)
    path, app = new_plan(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await burst(pilot, ["f2", "tab", "insert", "tab", "tab", *keys_of("1200\t3.2\t4")])
        await burst(pilot, ["f3", "insert", *keys_of("p9\tAnn")])
        await save(pilot)
    data = on_disk(path)
    profile = data["audit"]["profiles"][0]
    assert (profile["followers"], str(profile["engagement_rate"])) == (1200, "3.2")
    assert profile["posts_per_week"] == 4
    assert data["personas"] == [{"id": "p9", "name": "Ann"}]


async def type_into(path: Path, keys: list[str], *, slow: bool) -> None:
    """``keys`` into the plan at ``path`` one by one (the app idle before each) or at once; save."""
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        if slow:
            for key in keys:
                await burst(pilot, [key])
                # Longer than the tenth of a second a calendar row waits for the form.
                await pilot.pause(0.12)
        else:
            await burst(pilot, keys)
        editor = app.screen.query_one(CalendarEditor)
        assert (editor.view, app.focused) == ("table", editor.table)
        await save(pilot)


async def test_the_calendar_views_typed_in_a_burst_save_what_they_save_typed_slowly(
    tmp_path: Path,
) -> None:
    # An item from the table, moved to a known day; ctrl+\ to the month, arrows and
    # page down to another day, ctrl+n there with a title, a network and a format;
    # the week, arrows and page keys back to that day, enter twice to open the item,
    # its title and network changed; back to the table.
    keys = from_tmux(calendar_step(full=False))
    saved = {}
    for pace in ("slowly", "burst"):
        folder = tmp_path / pace
        folder.mkdir()
        path = copy_sample(folder)
        await type_into(path, keys, slow=pace == "slowly")
        saved[pace] = on_disk(path)
    slowly = saved["slowly"]
    check_views(slowly, full=False)
    moved = [item for item in slowly["calendar"] if item.get("title") == "T9"]
    assert [(item["date"], item["network"]) for item in moved] == [(VIEW_START[False], "facebook")]
    assert saved["burst"] == slowly
