"""Copy to networks (step 6), driven by keys as a person would, checked on disk.

The copy key on an item opens a list of the plan's other networks; space picks,
enter makes one item per network right after the source, as one undo step.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import SelectionList

from smplan.model import CalendarItem, Plan
from smplan.open_plan.network_copies import network_copies, other_networks, plan_networks
from smplan.presentation.calendar import items_of
from smplan.tui.panes.calendar import CalendarEditor
from smplan.tui.screens.copy_networks import CopyToNetworks
from smplan.tui.screens.main import MainScreen
from tests.test_tui_calendar import SIZE, calendar_app, calendar_open, calendar_settle
from tests.tui_flow import notes, wait_for
from tests.tui_keys import palette_command

#: Two networks on strategy cards (one of them, linkedin, not used by any item yet)
#: and a third used only by the calendar (tiktok).
PLAN = """\
schema = 1

[plan]
title = "Copies"
period_start = 2027-01-01
period_end = 2027-12-31
currency = "IDR"
language = "en"

[[strategy.networks]]
network = "instagram"

[[strategy.networks]]
network = "linkedin"

# Step 6: content calendar
# The launch goes out every Monday until March.
[[calendar]]
date = 2027-01-04
time = 09:00:00
network = "instagram"
format = "reel"
title = "Launch post"
status = "scheduled"
hours = 2
cost = 500000
caption = "New beans are in."
hashtags = ["#kopi", "#launch"]
asset = "media/launch.mp4"
url = "https://instagram.com/p/launch"
repeat = { every = "week", on = ["mon"], until = 2027-03-29 }
except = [2027-02-01]
notes = "Keep it short."

[[calendar]]
date = 2027-01-06
network = "tiktok"
title = "Farmer story"
status = "draft"
"""

#: Only one network anywhere in the plan.
LONELY = """\
schema = 1

[plan]
title = "One network"
period_start = 2027-01-01
period_end = 2027-12-31

[[calendar]]
date = 2027-01-04
network = "instagram"
title = "Only here"
"""


@pytest.fixture
def copies_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def on_disk(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def dialog_of(pilot: Pilot[Any]) -> CopyToNetworks:
    screen = pilot.app.screen
    assert isinstance(screen, CopyToNetworks)
    return screen


async def open_dialog(pilot: Pilot[Any]) -> CopyToNetworks:
    await pilot.press("ctrl+j")
    await calendar_settle(pilot, lambda: isinstance(pilot.app.screen, CopyToNetworks))
    return dialog_of(pilot)


async def save(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await calendar_settle(pilot, lambda: not pilot.app.open_plan.dirty)  # type: ignore[attr-defined]


def offered(dialog: CopyToNetworks) -> list[str]:
    options = dialog.query_one(SelectionList)
    return [str(options.get_option_at_index(i).value) for i in range(options.option_count)]


# -- the copies on disk --------------------------------------------------------------


async def test_copy_to_two_networks_writes_two_items_right_after_the_source(
    copies_plan: Path,
) -> None:
    before = copies_plan.read_text(encoding="utf-8")
    app = calendar_app(copies_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        assert app.focused is editor.table
        dialog = await open_dialog(pilot)
        # The strategy's networks, then the calendar's, never the item's own.
        assert offered(dialog) == ["linkedin", "tiktok"]
        await pilot.press("space", "down", "space", "enter")
        await calendar_settle(pilot, lambda: isinstance(app.screen, MainScreen))
        await calendar_settle(pilot, lambda: items_of(editor.shown) == 4)
        # The form shows the first copy.
        assert editor.form.target is app.plan.calendar[1]
        assert editor.current is app.plan.calendar[1]
        await save(pilot)
    saved = on_disk(copies_plan)["calendar"]
    assert [item["network"] for item in saved] == ["instagram", "linkedin", "tiktok", "tiktok"]
    source = saved[0]
    assert source["url"] == "https://instagram.com/p/launch"
    for copy in saved[1:3]:
        assert "url" not in copy
        assert (source["status"], copy["status"]) == ("scheduled", "planned")
        assert {k: v for k, v in copy.items() if k not in ("network", "status")} == {
            k: v for k, v in source.items() if k not in ("network", "url", "status")
        }
    # The repeat rule and its skipped dates came along.
    assert saved[1]["repeat"] == {
        "every": "week",
        "on": ["mon"],
        "until": source["repeat"]["until"],
    }
    assert saved[2]["except"] == source["except"]
    # The rest of the file is as it was, byte for byte: the copies sit between the
    # source's table and the next one.
    after = copies_plan.read_text(encoding="utf-8")
    cut = before.index("[[calendar]]\ndate = 2027-01-06")
    assert after.startswith(before[:cut])
    assert after.endswith(before[cut:])
    assert after.count("[[calendar]]") == 4


async def test_one_undo_takes_every_copy_back(copies_plan: Path) -> None:
    before = copies_plan.read_text(encoding="utf-8")
    app = calendar_app(copies_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await open_dialog(pilot)
        await pilot.press("space", "down", "space", "enter")
        await calendar_settle(pilot, lambda: items_of(editor.shown) == 4)
        await save(pilot)
        assert len(on_disk(copies_plan)["calendar"]) == 4
        await pilot.press("ctrl+z")
        await calendar_settle(pilot, lambda: items_of(editor.shown) == 2)
        await save(pilot)
    assert copies_plan.read_text(encoding="utf-8") == before


async def test_escape_copies_nothing(copies_plan: Path) -> None:
    before = copies_plan.read_bytes()
    app = calendar_app(copies_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor = await calendar_open(pilot)
        await open_dialog(pilot)
        await pilot.press("space", "down", "space", "escape")
        await calendar_settle(pilot, lambda: isinstance(app.screen, MainScreen))
        assert items_of(editor.shown) == 2
        assert not app.open_plan.session.can_undo
        await pilot.press("ctrl+s")
        await calendar_settle(pilot)
    assert copies_plan.read_bytes() == before


async def test_enter_with_nothing_chosen_keeps_the_dialog(copies_plan: Path) -> None:
    app = calendar_app(copies_plan)
    async with app.run_test(size=SIZE) as pilot:
        await calendar_open(pilot)
        dialog = await open_dialog(pilot)
        await pilot.press("enter")
        await calendar_settle(pilot)
        assert app.screen is dialog
        # Space twice unchooses: still nothing to copy.
        await pilot.press("space", "space", "enter")
        await calendar_settle(pilot)
        assert app.screen is dialog
        assert len(app.plan.calendar) == 2


async def test_a_plan_with_one_network_says_so(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(LONELY, encoding="utf-8")
    app = calendar_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await calendar_open(pilot)
        await pilot.press("ctrl+j")
        await wait_for(pilot, lambda: "no other network" in notes(app))
        assert isinstance(app.screen, MainScreen)
        assert not app.open_plan.session.can_undo
    assert path.read_text(encoding="utf-8") == LONELY


async def test_the_palette_command_and_a_days_list_copy_too(copies_plan: Path) -> None:
    app = calendar_app(copies_plan)
    async with app.run_test(size=SIZE) as pilot:
        editor: CalendarEditor = await calendar_open(pilot)
        # The last row (tiktok; the launch is a row per Monday above it), from the palette.
        await pilot.press("end")
        await palette_command(pilot, "copy to networks")
        await calendar_settle(pilot, lambda: isinstance(app.screen, CopyToNetworks))
        assert offered(dialog_of(pilot)) == ["instagram", "linkedin"]
        await pilot.press("down", "space", "enter")
        await calendar_settle(pilot, lambda: items_of(editor.shown) == 3)
        # The month grid: enter lists 4 January's item, the key copies it from the list.
        await pilot.press("home")  # the launch's first Monday
        await calendar_settle(pilot, lambda: editor.current is app.plan.calendar[0])
        await pilot.press("ctrl+backslash")
        await calendar_settle(pilot, lambda: editor.grid.has_focus)
        await pilot.press("enter")
        await calendar_settle(pilot, lambda: editor.day_list.has_focus)
        dialog = await open_dialog(pilot)
        assert offered(dialog) == ["linkedin", "tiktok"]
        await pilot.press("down", "space", "enter")
        await calendar_settle(pilot, lambda: len(app.plan.calendar) == 4)
        # The day's list shows the copy, highlighted, and the form shows it too.
        days = editor.day_list
        assert days.has_focus and days.option_count == 2
        assert days.highlighted is not None
        assert days.get_option_at_index(days.highlighted).id == "1"
        assert editor.form.target is app.plan.calendar[1]
        await save(pilot)
    saved = on_disk(copies_plan)["calendar"]
    assert [(item["title"], item["network"]) for item in saved] == [
        ("Launch post", "instagram"),
        ("Launch post", "tiktok"),
        ("Farmer story", "tiktok"),
        ("Farmer story", "linkedin"),
    ]


# -- the rules, without the app --------------------------------------------------------


def test_networks_come_from_the_cards_then_the_calendar_each_once() -> None:
    plan = Plan.model_validate(tomllib.loads(PLAN))
    assert plan_networks(plan) == ["instagram", "linkedin", "tiktok"]
    assert other_networks(plan, plan.calendar[1]) == ["instagram", "linkedin"]
    assert other_networks(plan, CalendarItem()) == ["instagram", "linkedin", "tiktok"]


def test_a_copy_is_the_source_but_for_network_url_and_a_booked_status() -> None:
    plan = Plan.model_validate(tomllib.loads(PLAN))
    source = plan.calendar[0]
    copies = network_copies(source, ["tiktok", "linkedin"])
    assert [c.network for c in copies] == ["tiktok", "linkedin"]
    for copy in copies:
        assert copy.url is None
        # Scheduled on Instagram is not scheduled on TikTok yet.
        assert (source.status, copy.status) == ("scheduled", "planned")
        assert copy.model_dump(exclude={"network", "url", "status"}) == source.model_dump(
            exclude={"network", "url", "status"}
        )
        # Copies are items of their own: editing one leaves the source alone.
        assert copy.hashtags is not source.hashtags
        assert copy.repeat is not source.repeat
    assert source.url == "https://instagram.com/p/launch"
    draft = plan.calendar[1]
    assert draft.status == "draft"
    assert [c.status for c in network_copies(draft, ["instagram"])] == ["draft"]
