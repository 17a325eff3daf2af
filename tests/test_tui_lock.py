"""A plan open in two smplan sessions: the second is warned and can look read-only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from smplan.store.lock import Holder, lock_path, read_holder, this_host
from smplan.store.recovery import recovery_path
from tests.plan_fixtures import TITLE, copy_plan
from tests.terminal import (
    TmuxSession,
    dead_pid,
    open_in_tmux,
    tmux_available,
    wait_for_file,
    wait_until_gone,
)
from tests.tui_flow import (
    labels_and_buttons,
    notes,
    open_app,
    title_input,
    wait_for,
    wait_for_dialog,
)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_plan(tmp_path)


@pytest.fixture
def first_session(plan: Path, tmp_path: Path) -> Iterator[TmuxSession]:
    """The plan open in a real smplan in tmux: the session that holds the lock."""
    if not tmux_available():
        pytest.skip("tmux is not installed")
    session = open_in_tmux(plan, tmp_path)
    try:
        session.wait_for("plan.toml", 20)
        wait_for_file(lambda: read_holder(plan) is not None)
        yield session
    finally:
        pid = session.pane_pid()
        session.kill()
        wait_until_gone(pid)


async def test_second_session_is_warned_and_read_only_refuses_edits_and_saves(
    plan: Path, first_session: TmuxSession
) -> None:
    first = first_session.pane_pid()
    before = plan.read_bytes()
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "already open in another smplan")
        assert f"process {first} on {this_host()}" in labels_and_buttons(app)
        await pilot.press("enter")  # "Open read-only" is the default
        await wait_for(pilot, lambda: app.screen is app.main)
        header = str(app.screen.query_one("#plan-header").render())
        assert "[read-only]" in header  # shown literally, not eaten as markup
        assert "Read-only" in notes(app)

        await pilot.press("ctrl+g", "0")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press("right", *" not kept")
        await pilot.pause(0.3)
        assert app.plan.plan.title == TITLE
        assert not app.session.dirty
        await wait_for(pilot, lambda: title_input(app).value == TITLE)
        assert "this change is not kept" in notes(app)

        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "was not saved because it is open in another" in notes(app))
    assert plan.read_bytes() == before
    assert not recovery_path(plan).exists()
    assert read_holder(plan) == Holder(this_host(), first)  # still the first session's


async def test_open_anyway_edits_and_quit_leaves_the_other_lock(
    plan: Path, first_session: TmuxSession
) -> None:
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "already open in another smplan")
        await pilot.press("tab", "enter")  # open anyway
        await wait_for(pilot, lambda: app.screen is app.main)
        assert not app.read_only
    holder = read_holder(plan)
    assert holder is not None and holder.pid == first_session.pane_pid()


async def test_quit_at_the_warning(plan: Path, first_session: TmuxSession) -> None:
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "already open in another smplan")
        await pilot.press("tab", "tab", "enter")
        await wait_for(pilot, lambda: app.return_code == 0)


async def test_a_stale_lock_is_taken_over_silently(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    lock_path(plan).write_text(Holder(this_host(), dead_pid()).text(), encoding="utf-8")
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: read_holder(plan) == Holder.me())
        await pilot.pause(0.2)
        assert app.screen is app.main
        assert not app.read_only
    assert not lock_path(plan).exists()


async def test_a_lock_from_another_host_is_always_reported(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    lock_path(plan).write_text(Holder("laptop-of-rina", 4242).text(), encoding="utf-8")
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "process 4242 on laptop-of-rina")
    assert read_holder(plan) == Holder("laptop-of-rina", 4242)
