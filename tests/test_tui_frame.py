"""The frame around the steps: header, navigator, help, palette, quitting, step keys, remaps."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, TextArea

from smplan.store import PlanFile
from smplan.tui.app import SmplanApp
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.help import HelpScreen
from smplan.tui.screens.main import MainScreen
from tests.tui_flow import (
    SMALL,
    copy_sample,
    editor_of,
    focus,
    on_disk,
    open_app,
    open_with_settings,
    row_in,
    save,
    screen_text,
    settle,
    type_text,
)


def step_of(app: SmplanApp) -> int:
    main = app.main
    assert main is not None
    return main.step


async def test_header_shows_file_and_unsaved_mark_until_saved(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=0)
    async with app.run_test(size=SMALL) as pilot:
        # The app opens with the navigator focused; going to a step focuses its first field.
        await pilot.press("ctrl+g", "0")
        await settle(pilot)
        header = screen_text(app).splitlines()[0]
        assert "northwind-nonprofit.toml" in header
        assert "unsaved" not in header
        await type_text(pilot, "New title")
        await settle(pilot, lambda: "unsaved" in screen_text(app).splitlines()[0])
        await save(pilot)
        await settle(pilot, lambda: "unsaved" not in screen_text(app).splitlines()[0])
        assert "New title" in screen_text(app).splitlines()[0]


async def test_navigator_marks_how_complete_each_step_is(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "minimal.toml")
    app = open_app(path, step=4)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        marks = {
            n: next(line[2] for line in lines if line.startswith(f"{n} ")) for n in range(1, 8)
        }
        # The minimal plan has goals and nothing else: two marks differ.
        assert marks[4] != marks[2]
        assert marks[1] == marks[2] == marks[3]


@pytest.mark.parametrize("where", ["list", "field"])
async def test_help_with_f1_anywhere_and_question_mark_outside_text(
    tmp_path: Path, where: str
) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=2)
    async with app.run_test(size=SMALL) as pilot:
        personas = editor_of(app, "personas")
        if where == "list":
            await focus(pilot, personas.item_list)
            await pilot.press("question_mark")
        else:
            name = row_in(personas, "name").editor
            assert isinstance(name, Input)
            await focus(pilot, name)
            await pilot.press("end", "question_mark")
            await pilot.pause()
            # In a text field ? is a character...
            assert name.value.endswith("?")
            assert not isinstance(app.screen, HelpScreen)
            # ...and f1 opens help there too.
            await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = str(app.screen.query_one("#help-keys").render())
        for binding_id in ("save", "goto-step", "step-4", "undo", "add-item", "palette"):
            assert f"({binding_id})" in text
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_quit_with_unsaved_changes_asks_and_cancel_keeps_the_app(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    app = open_app(path, step=0)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+g", "0")
        await type_text(pilot, "Changed")
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "unsaved" in screen_text(app).lower()
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.is_running and app.session.dirty
        # Asked again, "discard" leaves without writing.
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        app.screen.query_one("#answer-discard").focus()
        await pilot.press("enter")
        await settle(pilot, lambda: not app.is_running)
    assert path.read_bytes() == before


async def test_quit_and_save_writes_the_file(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=0)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+g", "0")
        await type_text(pilot, "Saved on the way out")
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        # "Save" is the default answer.
        await pilot.press("enter")
        await settle(pilot, lambda: not app.is_running)
    assert on_disk(path)["plan"]["title"] == "Saved on the way out"


async def test_quit_without_changes_does_not_ask(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: not app.is_running)


async def test_an_item_added_and_deleted_again_leaves_nothing_to_save(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    before = path.read_bytes()
    app = open_app(path, step=2)
    async with app.run_test(size=SMALL) as pilot:
        personas = editor_of(app, "personas")
        await focus(pilot, personas.item_list)
        await pilot.press("insert")
        await settle(pilot, lambda: len(personas.items) == 5)
        await type_text(pilot, "sam")
        assert "unsaved" in screen_text(app).splitlines()[0]
        await focus(pilot, personas.item_list)
        await pilot.press("delete")
        await settle(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")
        await settle(pilot, lambda: len(personas.items) == 4)
        assert "unsaved" not in screen_text(app).splitlines()[0]
        # Nothing differs from the file: quitting does not ask.
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: not app.is_running)
    assert path.read_bytes() == before


async def test_every_step_is_two_keys_away_from_inside_a_text_field(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=1)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        for step in (0, 7, 3, 5, 6, 2, 4, 1):
            pane = app.screen.query_one(f"#pane-{step_of(app)}")
            field = app.focused
            if not isinstance(field, Input | TextArea):
                await focus(pilot, next(iter(pane.query("Input, TextArea"))))
            assert isinstance(app.focused, Input | TextArea)
            # ctrl+g then the digit: typed into the field, it would change the plan.
            await pilot.press("ctrl+g", str(step))
            await settle(pilot, lambda step=step: step_of(app) == step)
        for step in range(1, 8):
            area = app.focused
            assert area is not None
            await pilot.press(f"f{step + 1}")
            await settle(pilot, lambda step=step: step_of(app) == step)
        assert not app.session.dirty


async def test_palette_goes_to_a_step_and_adds_a_goal(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path, step=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
        await type_text(pilot, "Go to step: Strategy")
        await settle(pilot, lambda: "Go to step: Strategy" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot, lambda: step_of(app) == 5 and isinstance(app.screen, MainScreen))

        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
        await type_text(pilot, "Add goal")
        await settle(pilot, lambda: "Add goal" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot, lambda: step_of(app) == 4 and len(app.plan.goals) == 8)
        await type_text(pilot, "from-palette")
        await save(pilot)
    assert "from-palette" in [g["id"] for g in on_disk(path)["goals"]]


async def test_palette_offers_every_step_every_list_and_the_file_actions(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = open_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
    for step in ("Plan", "Audit", "Personas", "Resources", "Goals", "Strategy", "Calendar"):
        assert f"Go to step: {step}" in titles
    assert "Go to step: Measurement" in titles
    for thing in ("goal", "persona", "competitor", "team member", "tool", "review"):
        assert any(title.lower() == f"add {thing}" for title in titles), thing
    for action in ("Save", "Help", "Quit", "Undo", "Redo"):
        assert action in titles
    assert any(title.startswith("Export") for title in titles)


async def test_keys_remapped_in_the_settings_file(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    settings = '[keys]\nsave = "f9"\nstep-4 = ["f12", "ctrl+t"]\nadd-item = "n"\n'
    app = open_with_settings(path, settings)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+t")
        await settle(pilot, lambda: step_of(app) == 4)
        goals = editor_of(app, "goals")
        await focus(pilot, goals.item_list)
        # insert no longer adds; n does (a key bound on purpose is not type-ahead).
        await pilot.press("insert")
        await pilot.pause()
        assert len(goals.items) == 7
        await pilot.press("n")
        await settle(pilot, lambda: len(goals.items) == 8)
        await type_text(pilot, "remapped")
        # ctrl+s is no longer save: the plan stays unsaved until f9.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.dirty
        await pilot.press("f9")
        await settle(pilot, lambda: not app.session.dirty)
        await pilot.press("f1")
        await settle(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = str(app.screen.query_one("#help-keys").render())
        assert "f9" in help_text and "f12" in help_text
    assert "remapped" in [g["id"] for g in on_disk(path)["goals"]]


async def test_a_new_plan_opens_on_its_details_typing_into_the_title(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = SmplanApp(path, PlanFile.new(path), None)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.main is not None and app.focused is not None)
        assert step_of(app) == 0
        form = app.screen.query_one("#plan-form")
        assert app.focused is row_in(form, "title").editor
        # The starter title is selected: typing replaces it.
        await type_text(pilot, "Bakery plan 2027")
        await save(pilot)
    assert on_disk(path)["plan"]["title"] == "Bakery plan 2027"


async def test_an_existing_plan_still_opens_on_the_audit(tmp_path: Path) -> None:
    path = copy_sample(tmp_path)
    app = SmplanApp(path, PlanFile.open(path), None)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.main is not None)
        assert step_of(app) == 1


async def test_the_marks_are_explained_and_each_step_says_what_it_misses(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = SmplanApp(path, PlanFile.new(path), None)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, lambda: app.main is not None and app.focused is not None)
        shown = screen_text(app)
        assert "○ empty" in shown and "◐ started" in shown and "● complete" in shown
        assert "7 ○ Measurement" in shown  # the starter's cadence alone starts nothing
        await pilot.press("f8")
        await settle(pilot, lambda: step_of(app) == 7)
        assert (
            progress_line(app) == "○ Nothing written yet. To complete it: a KPI result, a review."
        )
        await pilot.press("f7")
        await settle(pilot, lambda: step_of(app) == 6)
        assert progress_line(app) == "○ Nothing written yet. To complete it: a calendar item."


def progress_line(app: SmplanApp) -> str:
    pane = app.main.current_pane() if app.main else None
    assert pane is not None
    return str(pane.query_one(".pane-progress").render())
