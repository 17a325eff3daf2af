"""The panes follow the open plan through the app's signals: only the step on screen does
work on an edit, an undo does not echo into it, and an error in a pane is not lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from smplan.editing import Edit
from smplan.tui.panes.base import StepPane
from smplan.tui.panes.goals import GoalsEditor, GoalsPane
from smplan.tui.panes.plan_info import PlanPane
from smplan.tui.widgets.fields import FieldRow
from tests.tui_flow import copy_sample, open_app, settle


def statement_row(pane: GoalsPane) -> FieldRow:
    goals = pane.query_one(GoalsEditor)
    return next(r for r in goals.query(FieldRow) if r.spec.name == "statement")


async def test_only_the_step_on_screen_follows_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[tuple[str, str, bool]] = []
    original = StepPane.plan_edited

    def recording(self: StepPane, edit: Edit) -> None:
        heard.append((type(self).__name__, edit.name, False))
        original(self, edit)

    monkeypatch.setattr(StepPane, "plan_edited", recording)
    monkeypatch.setattr(GoalsPane, "plan_edited", recording)
    app = open_app(copy_sample(tmp_path, "minimal.toml"), step=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: app.main is not None and app.main.pane(0) is not None)
        main = app.main
        assert main is not None
        await main.show_step(4)
        pane = main.pane(4)
        assert isinstance(pane, GoalsPane) and isinstance(main.pane(0), PlanPane)
        editor = statement_row(pane).editor
        editor.focus()
        await pilot.pause()
        await pilot.press("end", "!")
        await settle(pilot, lambda: app.plan.goals[0].statement.endswith("!"))
        # Step 0's pane is mounted too (visited first), but hidden: it stays out of it.
        assert heard and {who for who, _, _ in heard} == {"GoalsPane"}
        assert {name for _, name, _ in heard} == {"statement"}
        count = len(heard)
        await pilot.press("ctrl+z")
        await settle(pilot, lambda: not app.plan.goals[0].statement.endswith("!"))
        # The undo reloads every pane instead: the pane that typed it hears nothing.
        assert len(heard) == count
        assert isinstance(editor, TextArea) and not editor.text.endswith("!")


async def test_an_error_while_a_pane_follows_an_edit_ends_the_app_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: StepPane, edit: Edit) -> None:
        raise LookupError("the pane could not follow")

    monkeypatch.setattr(GoalsPane, "plan_edited", broken)
    app = open_app(copy_sample(tmp_path, "minimal.toml"), step=4)
    with pytest.raises(LookupError, match="could not follow"):
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, lambda: app.main is not None and app.main.pane(4) is not None)
            main = app.main
            assert main is not None
            pane = main.pane(4)
            assert isinstance(pane, GoalsPane)
            statement_row(pane).editor.focus()
            await pilot.pause()
            await pilot.press("end", "!")
            await pilot.pause(0.5)
