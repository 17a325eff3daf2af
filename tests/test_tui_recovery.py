"""The recovery copy in the app: kept while edits are unsaved, offered on open, removed when clean."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Button

from smplan.i18n import set_language
from smplan.store.lock import Holder, lock_path, this_host
from smplan.store.recovery import base_path, recovery_path
from smplan.tui.screens.confirm import ChoiceDialog
from tests.plan_fixtures import TITLE, copy_plan, title_in
from tests.terminal import dead_pid
from tests.tui_flow import add_to_title, open_app, wait_for, wait_for_dialog


def leave_a_copy(plan: Path, title: str) -> Path:
    """A recovery copy as a lost session leaves it: the plan with another title."""
    copy = recovery_path(plan, Holder(this_host(), dead_pid()))
    saved = plan.read_text(encoding="utf-8")
    base_path(copy).write_text(saved, encoding="utf-8")
    copy.write_text(saved.replace(TITLE, title), encoding="utf-8")
    stamp = plan.stat().st_mtime
    os.utime(copy, (stamp + 5, stamp + 5))
    return copy


async def test_the_copy_follows_the_edits_and_undo_back_to_clean_removes_it(
    tmp_path: Path,
) -> None:
    plan = copy_plan(tmp_path)
    copy = recovery_path(plan)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " one")
        assert not copy.exists()  # written a moment later, not on every key
        await wait_for(pilot, copy.exists)
        assert title_in(copy) == f"{TITLE} one"
        assert title_in(plan) == TITLE
        # A step change writes the copy at once.
        await pilot.press("end", *" two")
        await wait_for(pilot, lambda: app.plan.plan.title == f"{TITLE} one two")
        await pilot.press("ctrl+g", "1")
        await wait_for(pilot, lambda: app.main is not None and app.main.step == 1)
        # Well within the delay of the timed copy: it is the step change that writes it.
        await wait_for(pilot, lambda: title_in(copy) == f"{TITLE} one two", timeout=1.0)
        await pilot.press("ctrl+z", "ctrl+z")  # " two", then " one"
        await wait_for(pilot, lambda: not app.session.dirty)
        assert app.plan.plan.title == TITLE
        await wait_for(pilot, lambda: not copy.exists())


async def test_quitting_without_saving_removes_the_copy(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    copy = recovery_path(plan)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " unwanted")
        await wait_for(pilot, copy.exists)
        await pilot.press("ctrl+q")
        await wait_for_dialog(pilot, app, "Quit without saving")
        await pilot.click("#answer-discard")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert not copy.exists()
    assert title_in(plan) == TITLE
    assert not lock_path(plan).exists()


async def test_a_crash_keeps_the_unsaved_edit_in_the_copy(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    copy = recovery_path(plan)
    app = open_app(plan, step=None)

    def crash() -> None:
        raise RuntimeError("a bug in the app")

    with pytest.raises(RuntimeError, match="a bug in the app"):
        async with app.run_test(size=(80, 24)) as pilot:
            await add_to_title(pilot, app, " before")
            await wait_for(pilot, copy.exists)
            # The next edit is younger than the delay of the timed copy when the app fails.
            await pilot.press(*" the crash")
            await wait_for(pilot, lambda: app.plan.plan.title == f"{TITLE} before the crash")
            app.call_later(crash)
            await wait_for(pilot, lambda: app.return_code == 1)
    assert title_in(copy) == f"{TITLE} before the crash"
    assert title_in(plan) == TITLE
    assert not lock_path(plan).exists()


async def test_discard_deletes_the_copy_and_keeps_the_plan(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    copy = leave_a_copy(plan, "Lost work")
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "did not end cleanly")
        await wait_for(pilot, lambda: app.focused is not None)
        await pilot.press("tab", "tab", "tab")  # restore -> show -> keep as a file -> discard
        assert app.focused is not None and app.focused.id == "answer-discard"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not copy.exists())
        assert app.plan.plan.title == TITLE
        assert not app.session.dirty
    assert title_in(plan) == TITLE


async def test_the_difference_is_shown_before_deciding(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    copy = leave_a_copy(plan, "Lost [bold]work[/bold]")
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "did not end cleanly")
        await pilot.press("tab", "enter")  # show the difference
        await wait_for(pilot, lambda: bool(app.screen.query("#diff-text")))
        shown = str(app.screen.query_one("#diff-text").render())
        assert f"-title = '{TITLE}'" in shown
        assert "+title = 'Lost [bold]work[/bold]'" in shown  # brackets shown, not markup
        await pilot.press("escape")
        await wait_for_dialog(pilot, app, "Restore them?")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.plan.plan.title == "Lost [bold]work[/bold]")
        assert copy.exists()  # until the restored edits are saved
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not copy.exists())
    assert title_in(plan) == "Lost [bold]work[/bold]"


async def test_keep_aside_writes_the_edits_to_a_file_and_opens_the_plan_as_saved(
    tmp_path: Path,
) -> None:
    plan = copy_plan(tmp_path)
    copy = leave_a_copy(plan, "Kept aside")
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for_dialog(pilot, app, "did not end cleanly")
        await pilot.click("#answer-aside")
        await wait_for(pilot, lambda: not copy.exists())
        assert app.plan.plan.title == TITLE and not app.session.dirty
    (aside,) = tmp_path.glob("plan.recovered-*.toml")
    assert title_in(aside) == "Kept aside"
    assert title_in(plan) == TITLE


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("stale", [False, True])
async def test_the_four_answers_fit_80_columns(tmp_path: Path, language: str, stale: bool) -> None:
    set_language(language)
    plan = copy_plan(tmp_path)
    leave_a_copy(plan, "Lost work")
    if stale:
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace('organization = "Northwind"', 'organization = "NW"'))
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.pause(0.2)
        buttons = list(app.screen.query(Button))
        assert len(buttons) == 4
        box = app.screen.query_one(".dialog").content_region
        for button in buttons:
            region = button.region
            assert region.x >= box.x and region.right <= box.right, (button.label, region, box)
