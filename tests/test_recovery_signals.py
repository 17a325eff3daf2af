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
from tests.guard_helpers import (
    TITLE,
    copy_plan,
    screen_text,
    title_in,
    wait_for,
    wait_for_dialog,
    wait_for_file,
)
from tests.guard_tmux import TmuxApp, socket_dir, tmux_available, wait_until_gone
from tests.tui_flow import open_app

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed")
__all__ = ["socket_dir"]  # a fixture, used by name


@pytest.fixture
def running(tmp_path: Path, socket_dir: Path) -> Iterator[TmuxApp]:
    plan = copy_plan(tmp_path)
    app = TmuxApp(plan, socket_dir)
    app.start()
    try:
        yield app
    finally:
        app.stop()


def edit_title_then_more(app: TmuxApp) -> None:
    """Type into the title, let the timed recovery copy appear, then type more.

    The second edit is what the signal handler must save: it is less than the
    recovery delay old when the signal arrives.
    """
    app.wait_for_screen("plan.toml")
    app.keys("C-g")
    app.keys("0")
    app.wait_for_selected(TITLE)
    app.to_end_of_field(TITLE)
    app.type(" FIRST")
    app.wait_for_screen("unsaved")
    copy = recovery_path(app.plan, Holder(this_host(), app.pid))
    wait_for_file(copy.exists)
    assert title_in(copy) == f"{TITLE} FIRST"
    app.type(" SECOND")
    app.wait_for_screen("SECOND")


def test_sigterm_keeps_the_last_edit_and_reopening_restores_it(running: TmuxApp) -> None:
    plan = running.plan
    before = plan.read_bytes()
    edit_title_then_more(running)
    pid = running.pid
    holder = read_holder(plan)
    assert holder is not None and holder.pid == pid  # the lock names this process

    os.kill(pid, signal.SIGTERM)
    wait_until_gone(pid)

    assert title_in(recovery_path(plan, Holder(this_host(), pid))) == f"{TITLE} FIRST SECOND"
    assert plan.read_bytes() == before
    assert not lock_path(plan).exists()
    leftovers = [p.name for p in plan.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_sighup_from_a_closed_window_keeps_the_last_edit(running: TmuxApp) -> None:
    plan = running.plan
    before = plan.read_bytes()
    edit_title_then_more(running)
    pid = running.pid

    running.kill_session()  # what sshd does to the session when the connection drops
    wait_until_gone(pid)

    assert title_in(recovery_path(plan, Holder(this_host(), pid))) == f"{TITLE} FIRST SECOND"
    assert plan.read_bytes() == before
    assert not lock_path(plan).exists()


async def test_reopening_after_a_lost_session_restores_and_saves(
    running: TmuxApp,
) -> None:
    plan = running.plan
    edit_title_then_more(running)
    pid = running.pid
    running.kill_session()
    wait_until_gone(pid)
    copy = recovery_path(plan, Holder(this_host(), pid))
    assert copy.exists()

    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "did not end cleanly")
        assert "Restore" in screen_text(app)
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
