"""Another program changes the open plan: the app reloads a clean plan and asks about a dirty one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import ModalScreen

from smplan.store.recovery import recovery_path
from smplan.tui.guard import disk
from tests.plan_fixtures import TITLE, copy_plan, title_in
from tests.tui_flow import add_to_title, notes, open_app, wait_for, wait_for_dialog


def edit_elsewhere(plan: Path, title: str) -> None:
    """What another editor or `git pull` does: new text in the same file."""
    text = plan.read_text(encoding="utf-8").replace(TITLE, title)
    plan.write_text(text, encoding="utf-8")


async def test_a_clean_plan_is_reloaded_by_itself(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.main is not None and app.screen is app.main)
        edit_elsewhere(plan, "Changed in vim")
        await wait_for(pilot, lambda: app.plan.plan.title == "Changed in vim")
        assert not app.session.dirty
        # The notice and the header follow the reload on the next refreshes, not at once.
        await wait_for(pilot, lambda: "changed on disk and was reloaded" in notes(app))
        header = app.screen.query_one("#plan-header")
        await wait_for(pilot, lambda: "Changed in vim" in str(header.render()))


async def test_unsaved_edits_are_not_dropped_without_asking_keep_mine(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " mine")
        edit_elsewhere(plan, "Theirs")
        await wait_for_dialog(pilot, app, "changed on disk while you were editing")
        # "Keep mine" is the default: enter on the dialog as it opens drops nothing.
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "answer-keep")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        assert app.plan.plan.title == f"{TITLE} mine"
        assert app.session.dirty
        # Not asked again for the same change.
        await pilot.pause(2.0)
        assert app.screen is app.main

        # Saving still does not overwrite their version without asking.
        await pilot.press("ctrl+s")
        await wait_for_dialog(pilot, app, "Overwrite it with your version")
        await pilot.click("#answer-cancel")
        await wait_for(pilot, lambda: app.screen is app.main)
        assert title_in(plan) == "Theirs"
        assert app.session.dirty

        await pilot.press("ctrl+s")
        await wait_for_dialog(pilot, app, "Overwrite it with your version")
        await pilot.click("#answer-overwrite")
        await wait_for(pilot, lambda: not app.session.dirty)
        assert title_in(plan) == f"{TITLE} mine"
        assert not recovery_path(plan).exists()


async def test_unsaved_edits_reload_on_request(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " mine")
        await wait_for(pilot, recovery_path(plan).exists)
        edit_elsewhere(plan, "Theirs")
        await wait_for_dialog(pilot, app, "changed on disk while you were editing")
        await pilot.press("shift+tab", "enter")  # keep mine -> reload from disk
        await wait_for(pilot, lambda: app.plan.plan.title == "Theirs")
        assert not app.session.dirty
        assert not recovery_path(plan).exists()
    assert title_in(plan) == "Theirs"


def watch_slowly(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk watch looks once a minute: a save right after another program's edit
    is what notices it, not a poll that happens to fall between the two."""
    monkeypatch.setattr(disk, "POLL_SECONDS", 60.0)


async def test_save_after_a_change_on_disk_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save itself notices the change even before the watch does (SaveConflict)."""
    watch_slowly(monkeypatch)
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " mine")
        edit_elsewhere(plan, "Theirs")
        await pilot.press("ctrl+s")
        await wait_for_dialog(pilot, app, "Overwrite it with your version")
        assert title_in(plan) == "Theirs"


async def test_a_removed_plan_is_reported_and_ctrl_s_writes_it_again(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await add_to_title(pilot, app, " mine")
        plan.unlink()
        await wait_for(pilot, lambda: "was removed or renamed on disk" in notes(app))
        assert "ctrl+s writes it again as plan.toml" in notes(app)
        assert app.plan.plan.title == f"{TITLE} mine"
        await pilot.press("ctrl+s")  # as the note says: written again, no question
        await wait_for(pilot, plan.exists)
        await wait_for(pilot, lambda: not app.session.dirty)
        assert app.screen is app.main
    assert title_in(plan) == f"{TITLE} mine"


async def test_reload_of_a_plan_gone_from_disk_keeps_the_edits_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch_slowly(monkeypatch)
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await add_to_title(pilot, app, " mine")
        edit_elsewhere(plan, "Theirs")
        await pilot.press("ctrl+s")
        await wait_for_dialog(pilot, app, "Overwrite it with your version")
        plan.unlink()  # gone while the question is open
        await pilot.click("#answer-reload")
        await wait_for(pilot, lambda: "nothing to reload" in notes(app))
        assert app.plan.plan.title == f"{TITLE} mine"
        assert app.session.dirty
        assert "no such file" not in notes(app).lower()
        await pilot.press("ctrl+s")
        await wait_for(pilot, plan.exists)
    assert title_in(plan) == f"{TITLE} mine"


async def test_the_disk_question_and_the_save_question_never_stack(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await add_to_title(pilot, app, " mine")
        edit_elsewhere(plan, "Theirs")  # another instance saves
        await wait_for_dialog(pilot, app, "changed on disk while you were editing")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Answer the question" in notes(app))
        dialogs = [s for s in app.screen_stack if isinstance(s, ModalScreen)]
        assert len(dialogs) == 1
        await pilot.press("enter")  # keep mine
        await wait_for(pilot, lambda: app.screen is app.main)
        await pilot.press("ctrl+s")
        await wait_for_dialog(pilot, app, "Overwrite it with your version")
        await pilot.press("ctrl+s")  # again, while the save's own question is open
        await pilot.pause(0.3)
        assert len([s for s in app.screen_stack if isinstance(s, ModalScreen)]) == 1
        await pilot.click("#answer-overwrite")
        await wait_for(pilot, lambda: not app.session.dirty)
    assert title_in(plan) == f"{TITLE} mine"
