"""A session that ends without saving keeps its edits: SIGTERM and SIGHUP to the real app.

`python -m smplan plan.toml` runs in tmux at 80x24; keys are typed into it, then
the process is signalled the way a dropped SSH connection (SIGHUP, by closing the
tmux window) or a shutdown (SIGTERM) does it. The recovery copy beside the plan
must hold the last edit, the lock must be gone, and the plan itself untouched.
Reopening (Pilot) offers the copy: restore puts it back as unsaved edits.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from smplan.store.lock import Holder, lock_path, read_holder, this_host
from smplan.store.recovery import recovery_path
from tests.plan_fixtures import TITLE, copy_plan, title_in
from tests.terminal import TmuxSession, needs_tmux, open_in_tmux, wait_for_file, wait_until_gone
from tests.tui_flow import labels_and_buttons, open_app, wait_for, wait_for_dialog

pytestmark = needs_tmux


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_plan(tmp_path)


@pytest.fixture
def running(plan: Path, tmp_path: Path) -> Iterator[TmuxSession]:
    session = open_in_tmux(plan, tmp_path)
    try:
        yield session
    finally:
        session.kill()


def edit_title_then_more(session: TmuxSession, plan: Path) -> None:
    """Type into the title, let the timed recovery copy appear, then type more.

    The second edit is what the signal handler must save: it is less than the
    recovery delay old when the signal arrives.
    """
    session.wait_for("plan.toml", 20)
    session.send("C-g", "0")
    session.wait_for_selected(TITLE)
    session.to_end_of_field(TITLE)
    session.type(" FIRST")
    session.wait_for("unsaved", 20)
    copy = recovery_path(plan, Holder(this_host(), session.pane_pid()))
    wait_for_file(copy.exists)
    assert title_in(copy) == f"{TITLE} FIRST"
    session.type(" SECOND")
    session.wait_for("SECOND", 20)


def test_sigterm_keeps_the_last_edit_and_reopening_restores_it(
    plan: Path, running: TmuxSession
) -> None:
    before = plan.read_bytes()
    edit_title_then_more(running, plan)
    pid = running.pane_pid()
    holder = read_holder(plan)
    assert holder is not None and holder.pid == pid  # the lock names this process

    os.kill(pid, signal.SIGTERM)
    wait_until_gone(pid)

    assert title_in(recovery_path(plan, Holder(this_host(), pid))) == f"{TITLE} FIRST SECOND"
    assert plan.read_bytes() == before
    assert not lock_path(plan).exists()
    leftovers = [p.name for p in plan.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_sighup_from_a_closed_window_keeps_the_last_edit(plan: Path, running: TmuxSession) -> None:
    before = plan.read_bytes()
    edit_title_then_more(running, plan)
    pid = running.pane_pid()

    running.hang_up()  # what sshd does to the session when the connection drops
    wait_until_gone(pid)

    assert title_in(recovery_path(plan, Holder(this_host(), pid))) == f"{TITLE} FIRST SECOND"
    assert plan.read_bytes() == before
    assert not lock_path(plan).exists()


async def test_reopening_after_a_lost_session_restores_and_saves(
    plan: Path, running: TmuxSession
) -> None:
    edit_title_then_more(running, plan)
    pid = running.pane_pid()
    running.hang_up()
    wait_until_gone(pid)
    copy = recovery_path(plan, Holder(this_host(), pid))
    assert copy.exists()

    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "did not end cleanly")
        assert "Restore" in labels_and_buttons(app)
        await pilot.press("enter")  # Restore is the default answer
        await wait_for(pilot, lambda: app.plan.plan.title == f"{TITLE} FIRST SECOND")
        assert app.session.dirty
        assert title_in(plan) == TITLE  # restored as unsaved edits, not written yet
        assert "unsaved" in str(app.screen.query_one("#plan-header").render())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
    assert title_in(plan) == f"{TITLE} FIRST SECOND"
    assert not copy.exists()
    assert not lock_path(plan).exists()
