"""Every step's pane, driven by keys on a copy of a sample plan, checked in the saved file.

Each flow goes to its step with its function key, types into text fields, adds an
item to each of the step's lists with ``a``, fills it in, saves with ctrl+s and
reads the file back with tomllib; the sample's hand-written comments must survive.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, TextArea

from smplan.tui.app import SmplanApp
from smplan.tui.widgets.picker import Picker
from tests.tui_flow import (
    SMALL,
    assert_comments_kept,
    copy_sample,
    editor_of,
    focus,
    on_disk,
    open_app,
    row_in,
    save,
    settle,
    type_text,
)


async def choose(pilot: Pilot[Any], select: Any, search: str, value: object) -> None:
    """Open a select with enter, type to jump to an option, enter to take it."""
    assert isinstance(select, Picker)
    await focus(pilot, select)
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, search)
    await pilot.press("enter")
    await settle(pilot, lambda: select.value == value)


async def add_to(pilot: Pilot[Any], app: SmplanApp, kind: str) -> None:
    """Focus the list ``kind`` and press ``a``: a new item, its first field focused."""
    editor = editor_of(app, kind)
    before = len(editor.items)
    await focus(pilot, editor.item_list)
    await pilot.press("insert")
    await settle(pilot, lambda: len(editor.items) == before + 1)


async def test_plan_details_title_and_period(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+g", "0")
        await settle(pilot)
        title = row_in(app.screen.query_one("#plan-form"), "title").editor
        # Going to a step focuses its first field; typing replaces the selected value.
        assert app.focused is title
        await type_text(pilot, "Northwind 2027")
        await focus(pilot, row_in(app.screen.query_one("#plan-form"), "period_end").editor)
        await type_text(pilot, "2027-05-31")
        await save(pilot)
    data = on_disk(path)
    assert data["plan"]["title"] == "Northwind 2027"
    assert data["plan"]["period_end"] == dt.date(2027, 5, 31)
    assert_comments_kept(path)


async def test_audit_text_profiles_competitors_and_swot(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        summary = row_in(app.screen.query_one("#pane-1"), "summary").editor
        assert app.focused is summary
        await type_text(pilot, "Checked in May. ")

        answers = app.screen.query_one("#audit-answers")
        await focus(pilot, row_in(answers, "past_tools").editor)
        await type_text(pilot, "Buffer. ")

        await add_to(pilot, app, "profiles")
        profiles = editor_of(app, "profiles")
        assert app.focused is row_in(profiles, "network").editor
        await choose(pilot, app.focused, "tiktok", "tiktok")
        await pilot.press("tab")
        await type_text(pilot, "@northwind")
        await pilot.press("tab")
        await type_text(pilot, "1,250")

        await add_to(pilot, app, "competitors")
        await type_text(pilot, "Food Not Bombs")
        await pilot.press("tab")
        await type_text(pilot, "instagram\nfacebook")

        strengths = row_in(app.screen.query_one("#swot-strengths"), "strengths").editor
        await focus(pilot, strengths)
        await type_text(pilot, "Loyal donors\n")
        threats = row_in(app.screen.query_one("#swot-threats"), "threats").editor
        await focus(pilot, threats)
        await type_text(pilot, "Rising rents\n")
        await save(pilot)

    audit = on_disk(path)["audit"]
    assert audit["summary"].startswith("Checked in May. Facebook reaches")
    assert audit["answers"]["past_tools"].startswith("Buffer. ")
    assert [p["network"] for p in audit["profiles"]] == [
        "facebook", "tiktok", "instagram", "linkedin", "email",
    ]  # fmt: skip
    assert audit["profiles"][1]["handle"] == "@northwind"
    assert audit["profiles"][1]["followers"] == 1250
    assert audit["competitors"][1] == {
        "name": "Food Not Bombs",
        "networks": ["instagram", "facebook"],
    }
    assert audit["swot"]["strengths"][0] == "Loyal donors"
    assert len(audit["swot"]["strengths"]) == 4
    assert audit["swot"]["threats"][0] == "Rising rents"
    assert_comments_kept(path)


async def test_personas_every_list_field_photo_and_networks(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f3")
        await add_to(pilot, app, "personas")
        personas = editor_of(app, "personas")
        assert app.focused is row_in(personas, "id").editor
        await type_text(pilot, "sam")
        await pilot.press("tab")
        await type_text(pilot, "Sam, the student who volunteers on Saturdays")
        await pilot.press("tab")
        await type_text(pilot, "personas/sam.jpg")
        lists = {
            "fears": "Wasting a Saturday\nBeing judged",
            "desires": "Meeting people",
            "frustrations": "Sign-up forms",
            "hobbies": "Climbing",
            "habits": "Checks Instagram at night",
            "sources": "Volunteer survey (n=40)",
        }
        for name, text in lists.items():
            await focus(pilot, row_in(personas, name).editor)
            await type_text(pilot, text)
        picker = row_in(personas, "networks").editor
        assert isinstance(picker, SelectionList)
        await focus(pilot, picker)
        await pilot.press("home", "space")
        await settle(pilot)
        first_network = str(picker.get_option_at_index(0).value)
        await save(pilot)

    people = on_disk(path)["personas"]
    assert [p["id"] for p in people] == ["linda", "sam", "marcus", "helen", "ana"]
    sam = people[1]
    assert sam["name"] == "Sam, the student who volunteers on Saturdays"
    assert sam["photo"] == "personas/sam.jpg"
    assert sam["fears"] == ["Wasting a Saturday", "Being judged"]
    for name in ("desires", "frustrations", "hobbies", "habits", "sources"):
        assert sam[name] == [lists[name]]
    assert sam["networks"] == [first_network]
    assert_comments_kept(path)


async def test_resources_budget_team_tools_and_allocations(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        budget = row_in(app.screen.query_one("#budget-form"), "budget").editor
        assert isinstance(budget, Input)
        await focus(pilot, budget)
        await type_text(pilot, "15,500")

        await add_to(pilot, app, "team")
        await type_text(pilot, "sam")
        await pilot.press("tab")
        await type_text(pilot, "Sam Lee")
        await pilot.press("tab")
        await type_text(pilot, "Video volunteer")
        await pilot.press("tab")
        await type_text(pilot, "4")
        await pilot.press("tab")
        await type_text(pilot, "video\nphotography")

        await add_to(pilot, app, "tools")
        await type_text(pilot, "CapCut Pro")
        await pilot.press("tab")
        await type_text(pilot, "8")
        await choose(pilot, row_in(editor_of(app, "tools"), "per").editor, "y", "year")

        await add_to(pilot, app, "allocations")
        allocations = editor_of(app, "allocations")
        await type_text(pilot, "TikTok test")
        await pilot.press("tab")
        await type_text(pilot, "300")
        # The goal is picked from the goals that exist.
        await choose(pilot, row_in(allocations, "goal").editor, "ig", "ig-followers")
        await save(pilot)

    resources = on_disk(path)["resources"]
    assert resources["budget"] == 15500
    sam = resources["team"][1]
    assert sam == {
        "id": "sam",
        "name": "Sam Lee",
        "role": "Video volunteer",
        "hours_per_week": 4,
        "skills": ["video", "photography"],
    }
    tool = resources["tools"][1]
    assert (tool["name"], tool["cost"], tool["per"]) == ("CapCut Pro", 8, "year")
    allocation = resources["allocations"][1]
    assert allocation == {"name": "TikTok test", "amount": 300, "goal": "ig-followers"}
    assert_comments_kept(path)


async def test_goals_objective_and_every_goal_field_with_pickers(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f5")
        await add_to(pilot, app, "objectives")
        await type_text(pilot, "serve-more")
        await pilot.press("tab")
        await choose(pilot, app.focused, "c", "communication")
        await pilot.press("tab")
        await type_text(pilot, "Tell families where to find food")

        await add_to(pilot, app, "goals")
        goals = editor_of(app, "goals")
        await type_text(pilot, "tiktok-views")
        await pilot.press("tab")
        await type_text(pilot, "Reach 20,000 TikTok views a month by 31 March 2027")
        await choose(pilot, row_in(goals, "objective").editor, "serve", "serve-more")
        await choose(pilot, row_in(goals, "network").editor, "tiktok", "tiktok")
        texts = {
            "kpi": "views",
            "baseline": "0",
            "target": "20,000",
            "unit": "views",
            "start": "2026-10-01",
            "deadline": "2027-03-31",
            "hours_per_week": "2",
        }
        for name, text in texts.items():
            await focus(pilot, row_in(goals, name).editor)
            await type_text(pilot, text)
        await choose(pilot, row_in(goals, "owner").editor, "jamal", "jamal")
        picker = row_in(goals, "personas").editor
        assert isinstance(picker, SelectionList)
        await focus(pilot, picker)
        # marcus is the second persona: down once, space to pick.
        await pilot.press("home", "down", "space")
        await settle(pilot, lambda: list(picker.selected) == ["marcus"])
        await save(pilot)

    data = on_disk(path)
    assert data["objectives"][1] == {
        "id": "serve-more",
        "kind": "communication",
        "statement": "Tell families where to find food",
    }
    goal = data["goals"][1]
    assert goal == {
        "id": "tiktok-views",
        "statement": "Reach 20,000 TikTok views a month by 31 March 2027",
        "objective": "serve-more",
        "network": "tiktok",
        "kpi": "views",
        "baseline": 0,
        "target": 20000,
        "unit": "views",
        "start": dt.date(2026, 10, 1),
        "deadline": dt.date(2027, 3, 31),
        "hours_per_week": 2,
        "owner": "jamal",
        "personas": ["marcus"],
    }
    assert_comments_kept(path)


async def test_strategy_pillars_and_a_network_card(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        pillars = row_in(app.screen.query_one("#pillars"), "pillars").editor
        assert app.focused is pillars
        await type_text(pilot, "Harvest days\n")

        await add_to(pilot, app, "networks")
        cards = editor_of(app, "networks")
        await choose(pilot, app.focused, "tiktok", "tiktok")
        await pilot.press("tab")
        await type_text(pilot, "Reach students who might volunteer")
        await focus(pilot, row_in(cards, "tone").editor)
        await type_text(pilot, "light, quick")
        await focus(pilot, row_in(cards, "formats").editor)
        await type_text(pilot, "short video\nduet")
        await focus(pilot, row_in(cards, "posts_per_week").editor)
        await type_text(pilot, "3")
        await choose(pilot, row_in(cards, "paid").editor, "n", "no")
        await save(pilot)

    strategy = on_disk(path)["strategy"]
    assert strategy["pillars"][0] == "Harvest days"
    assert len(strategy["pillars"]) == 5
    card = strategy["networks"][1]
    assert card == {
        "network": "tiktok",
        "role": "Reach students who might volunteer",
        "tone": "light, quick",
        "formats": ["short video", "duet"],
        "posts_per_week": 3,
        "paid": False,
    }
    assert_comments_kept(path)


async def test_calendar_add_an_item_from_the_table(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = len(on_disk(path)["calendar"])
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f7")
        pane = app.screen.query_one("#pane-6")
        editor = pane.editor  # type: ignore[attr-defined]
        await settle(pilot, lambda: editor.built and not editor.table.pending)
        assert app.focused is editor.table
        await pilot.press("insert")
        await settle(pilot, lambda: len(editor.items) == before + 1)
        await type_text(pilot, "Harvest day live")
        await save(pilot)

    calendar = on_disk(path)["calendar"]
    assert len(calendar) == before + 1
    assert [item for item in calendar if item.get("title") == "Harvest day live"]
    assert_comments_kept(path)


async def test_measurement_cadence_tools_results_and_reviews(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f8")
        await settle(pilot)
        pane = app.screen.query_one("#pane-7")
        await choose(pilot, row_in(pane, "cadence").editor, "q", "quarterly")
        tools = row_in(pane, "tools").editor
        assert isinstance(tools, TextArea)
        await focus(pilot, tools)
        await type_text(pilot, "TikTok Studio\n")

        await add_to(pilot, app, "results")
        results = editor_of(app, "results")
        await choose(pilot, app.focused, "volunteer", "volunteer-signups")
        await pilot.press("tab")
        await type_text(pilot, "2026-11-30")
        await pilot.press("tab")
        await type_text(pilot, "70")

        await add_to(pilot, app, "reviews")
        await type_text(pilot, "2026-11-30")
        await pilot.press("tab")
        await type_text(pilot, "Volunteer reels")
        await pilot.press("tab")
        await type_text(pilot, "LinkedIn polls")
        await pilot.press("tab")
        await type_text(pilot, "Drop the polls")
        assert results.items[1].value == 70
        await save(pilot)

    measurement = on_disk(path)["measurement"]
    assert measurement["cadence"] == "quarterly"
    assert measurement["tools"][0] == "TikTok Studio"
    assert measurement["results"][1] == {
        "goal": "volunteer-signups",
        "date": dt.date(2026, 11, 30),
        "value": 70,
    }
    assert measurement["reviews"][1] == {
        "date": dt.date(2026, 11, 30),
        "worked": "Volunteer reels",
        "did_not_work": "LinkedIn polls",
        "changes": "Drop the polls",
    }
    assert_comments_kept(path)
