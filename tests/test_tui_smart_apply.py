"""Advice into fields: keys on step 4 apply the SMART card's proposal, fill a goal's
fields from its statement and write its statement from its fields; each is one
undoable edit, and the file on disk holds exactly what was set."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from smplan.i18n import set_language
from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.panes.goals import GoalsEditor, GoalsPane
from smplan.tui.widgets.scorecard import Scorecard
from tests.plan_fixtures import fixture_text

TODAY = dt.date(2026, 12, 1)

GOALS = """
[[goals]]
id = "reels"
statement = "Boost the number of followers on Instagram by 700 in the next month"
objective = "awareness"
network = "instagram"
kpi = "followers"
baseline = 12400
start = 2027-01-01
owner = "dewi"
personas = ["rina"]

[[goals]]
id = "said"
statement = "{said}"
objective = "awareness"
owner = "dewi"

[[goals]]
id = "fields"
network = "instagram"
kpi = "followers"
baseline = 12400
target = 14000
start = 2027-02-01
deadline = 2027-06-30
"""


def write_plan(folder: Path, lang: str, said: str) -> Path:
    text = fixture_text("goal_context.toml")
    text = text.replace('language = "en"', f'language = "{lang}"')
    path = folder / "plan.toml"
    path.write_text(text + GOALS.replace("{said}", said), encoding="utf-8")
    return path


def saved_goals(path: Path) -> list[dict[str, Any]]:
    goals: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["goals"]
    return goals


async def show_goal(pilot: Any, app: SmplanApp, index: int) -> None:
    goals = app.screen.query_one(GoalsEditor)
    goals.item_list.focus()
    goals.select(index)
    await pilot.pause()
    pane = app.screen.query_one(GoalsPane)
    assert pane.selected_goal() is app.plan.goals[index]


async def save(pilot: Any, app: SmplanApp) -> None:
    await pilot.press("ctrl+s")
    for _ in range(100):
        await pilot.pause(0.05)
        if not app.session.dirty:
            return
    raise AssertionError("the plan was not saved")


def letters(app: SmplanApp, index: int) -> dict[str, str]:
    verdict = app.smart.verdict(app.plan, app.plan.goals[index])
    return {letter.letter: letter.state for letter in verdict.letters}


async def test_keys_apply_advice_fill_and_write_in_english(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path, "en", "Grow Instagram followers from 12,400 to 14,000 by 30 June 2027"
    )
    before = path.read_text(encoding="utf-8")
    app = SmplanApp(path, PlanFile.open(path), None)
    app.smart.today = TODAY
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+g", "4")
        await pilot.pause()
        await show_goal(pilot, app, 0)
        assert letters(app, 0)["M"] == "warn"  # "by 700": the target is 13,100
        card = str(app.screen.query_one(Scorecard).render()).splitlines()
        keyed = [line for line in card if line.endswith(" f12")]
        assert len(keyed) == 1 and keyed[0].startswith("M ?"), card
        assert "set target = 13100" in keyed[0]

        # Apply: M's target, then (M passing now) T's deadline, one key each.
        await pilot.press("f12")
        await pilot.pause()
        assert letters(app, 0)["M"] == "pass"
        await pilot.press("f12")
        await pilot.pause()
        assert letters(app, 0)["T"] == "pass"
        await save(pilot, app)
        goal = saved_goals(path)[0]
        assert goal["target"] == 13100 and goal["deadline"] == dt.date(2027, 1, 31)

        # Undo takes back the deadline alone; the card follows.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert letters(app, 0)["T"] == "warn"
        await save(pilot, app)
        goal = saved_goals(path)[0]
        assert goal["target"] == 13100 and "deadline" not in goal

        # Fill: every empty field the statement names, as one edit.
        await show_goal(pilot, app, 1)
        await pilot.press("f10")
        await pilot.pause()
        await save(pilot, app)
        said = saved_goals(path)[1]
        assert said["network"] == "instagram" and said["kpi"] == "followers"
        assert (said["baseline"], said["target"]) == (12400, 14000)
        assert said["deadline"] == dt.date(2027, 6, 30)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.goals[1].network is None and app.plan.goals[1].deadline is None

        # Write: the statement from the fields, in the plan's language.
        await show_goal(pilot, app, 2)
        await pilot.press("f11")
        await pilot.pause()
        await save(pilot, app)
        drafted = saved_goals(path)[2]["statement"]
        assert drafted == (
            "Grow Instagram followers from 12,400 to 14,000 between 1 February and 30 June 2027"
        )
        assert letters(app, 2)["S"] == "pass"

        # Undo everything: the file is back byte for byte.
        for _ in range(2):
            await pilot.press("ctrl+z")
            await pilot.pause()
        await save(pilot, app)
    assert path.read_text(encoding="utf-8") == before


async def test_palette_fills_and_key_writes_in_indonesian(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        "id",
        "Menambah pengikut Instagram dari 12.400 menjadi 14.000 mulai 1 Februari"
        " hingga 30 Juni 2027",
    )
    set_language("id")  # as LANG=id_ID gives (the conftest puts the language back)
    app = SmplanApp(path, PlanFile.open(path), None)
    app.smart.today = TODAY
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+g", "4")
        await pilot.pause()
        await show_goal(pilot, app, 1)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Isi kolom sasaran yang kosong")
        for _ in range(40):
            await pilot.pause(0.05)
        await pilot.press("enter")
        for _ in range(40):
            await pilot.pause(0.05)
            if app.plan.goals[1].deadline is not None:
                break
        await save(pilot, app)
        said = saved_goals(path)[1]
        assert (said["baseline"], said["target"]) == (12400, 14000)
        assert said["start"] == dt.date(2027, 2, 1)
        assert said["deadline"] == dt.date(2027, 6, 30)

        await show_goal(pilot, app, 2)
        await pilot.press("f11")
        await pilot.pause()
        await save(pilot, app)
    assert saved_goals(path)[2]["statement"] == (
        "Menambah pengikut Instagram dari 12.400 menjadi 14.000 mulai 1 Februari"
        " hingga 30 Juni 2027"
    )
