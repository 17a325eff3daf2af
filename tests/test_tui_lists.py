"""Lists: delete (undo brings the item back), reorder, duplicate, undo and redo, on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from smplan.tui.app import SmplanApp
from smplan.tui.screens.confirm import ChoiceDialog
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
    screen_text,
    settle,
    type_text,
)


def names(app: SmplanApp, kind: str, field: str = "id") -> list[str]:
    return [getattr(item, field) for item in editor_of(app, kind).items]


async def test_delete_then_undo_brings_the_item_back_and_delete_sticks(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=2)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        personas = editor_of(app, "personas")
        await focus(pilot, personas.item_list)
        await pilot.press("down", "delete")
        # The question names the item; enter deletes it.
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "marcus" in screen_text(app).lower()
        await pilot.press("enter")
        await settle(pilot, lambda: names(app, "personas") == ["linda", "helen", "ana"])
        # The deletion is announced with the name, and undo is one key away.
        assert any("marcus" in str(n.message).lower() for n in app._notifications)
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: names(app, "personas") == ["linda", "marcus", "helen", "ana"])
        await pilot.press("ctrl+y")
        await settle(pilot, lambda: names(app, "personas") == ["linda", "helen", "ana"])
        # Escape keeps the item; asked again, enter deletes it.
        await focus(pilot, personas.item_list)
        await pilot.press("end", "delete")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, ChoiceDialog))
        assert names(app, "personas") == ["linda", "helen", "ana"]
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")
        await settle(pilot, lambda: names(app, "personas") == ["linda", "helen"])
        await save(pilot)
    assert [p["id"] for p in on_disk(path)["personas"]] == ["linda", "helen"]
    assert_comments_kept(path)


async def test_reorder_with_shift_arrows_is_saved_in_that_order(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=3)
    async with app.run_test(size=SMALL) as pilot:
        team = editor_of(app, "team")
        await focus(pilot, team.item_list)
        await pilot.press("shift+down", "shift+down")
        await settle(pilot, lambda: names(app, "team") == ["priya", "jamal", "maria", "tom"])
        # The moved item stays selected: its form shows it.
        assert team.form.target is team.items[2]
        await pilot.press("ctrl+up")
        await settle(pilot, lambda: names(app, "team") == ["priya", "maria", "jamal", "tom"])
        await save(pilot)
    assert [m["id"] for m in on_disk(path)["resources"]["team"]] == [
        "priya", "maria", "jamal", "tom",
    ]  # fmt: skip
    assert_comments_kept(path)


async def test_duplicate_gives_a_fresh_id(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=4)
    async with app.run_test(size=SMALL) as pilot:
        goals = editor_of(app, "goals")
        await focus(pilot, goals.item_list)
        await pilot.press("ctrl+d")
        await settle(pilot, lambda: len(goals.items) == 8)
        await save(pilot)
    goals_on_disk = on_disk(path)["goals"]
    assert [g["id"] for g in goals_on_disk[:2]] == ["online-donations", "online-donations-copy"]
    assert goals_on_disk[1]["statement"] == goals_on_disk[0]["statement"]


async def test_undo_and_redo_of_typing_across_steps(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=5)
    async with app.run_test(size=SMALL) as pilot:
        cards = editor_of(app, "networks")
        tone = row_in(cards, "tone").editor
        await focus(pilot, tone)
        await type_text(pilot, "calm")
        assert cards.items[0].tone == "calm"
        # Undo from another step goes back to the step of the edit.
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: app.screen.step == 5)  # type: ignore[attr-defined]
        assert cards.items[0].tone != "calm"
        assert row_in(cards, "tone").editor.value == cards.items[0].tone  # type: ignore[attr-defined]
        await pilot.press("ctrl+y")
        await settle(pilot, lambda: cards.items[0].tone == "calm")
        await save(pilot)
    assert on_disk(path)["strategy"]["networks"][0]["tone"] == "calm"


async def test_undo_everything_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    app = open_app(path, step=1)
    async with app.run_test(size=SMALL) as pilot:
        await add_to_and_type(pilot, app)
        while app.session.can_undo:
            await pilot.press("ctrl+z")
            await pilot.pause()
        assert not app.session.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert path.read_bytes() == before


async def add_to_and_type(pilot, app: SmplanApp) -> None:  # type: ignore[no-untyped-def]
    competitors = editor_of(app, "competitors")
    await focus(pilot, competitors.item_list)
    await pilot.press("insert")
    await settle(pilot, lambda: len(competitors.items) == 3)
    await type_text(pilot, "New rival")
    await focus(pilot, competitors.item_list)
    await pilot.press("shift+up")
    await settle(pilot, lambda: competitors.items[0].name == "New rival")


async def test_typing_on_a_list_finds_items_and_changes_nothing(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    app = open_app(path, step=2)
    async with app.run_test(size=SMALL) as pilot:
        personas = editor_of(app, "personas")
        await focus(pilot, personas.item_list)
        await type_text(pilot, "Add a persona, delete Marcus, copy")
        assert names(app, "personas") == ["linda", "marcus", "helen", "ana"]
        assert not app.session.dirty
        await pilot.pause(1.1)  # a pause starts a new search
        await type_text(pilot, "he")
        assert personas.index == 2
        await save(pilot)
    assert path.read_bytes() == before


@pytest.mark.parametrize("size", [(120, 40), (200, 50)])
async def test_a_statement_with_line_breaks_keeps_one_row_per_goal(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = open_app(copy_sample(tmp_path), step=4)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f5")
        await settle(pilot)
        goals = editor_of(app, "goals")
        goals.select(5)
        await pilot.pause()
        await focus(pilot, row_in(goals, "statement").editor)
        await pilot.press("ctrl+end")
        await type_text(pilot, "\nand two lines\n")
        await settle(pilot, lambda: "\nand two lines" in (goals.items[5].statement or ""))
        await pilot.pause(0.3)
        listing = goals.item_list
        assert listing.option_count == 7
        assert listing.virtual_size.height == 7
        assert "and two lines" in str(listing.get_option_at_index(5).prompt)
