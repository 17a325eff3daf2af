"""Unsaved edits of a lost session survive other sessions and a plan changed on disk.

Real processes and signals: session A is ``python -m smplan`` in tmux, cut off
the way a dropped SSH connection does it (its tmux session is killed: SIGHUP).
Session B and the reopened session are Pilot apps in this process. The plan is
changed on disk by a real ``git pull``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from textual.widgets import Input

from smplan.store.lock import Holder, read_holder, this_host
from smplan.store.recovery import base_path, recovery_path
from smplan.tui.app import SmplanApp
from smplan.tui.panes.plan_info import PlanPane
from smplan.tui.screens.recovery_merge import RecoveryMerge
from smplan.tui.widgets.fields import FieldRow
from tests.plan_fixtures import TITLE, copy_plan, title_in
from tests.terminal import needs_tmux, open_in_tmux, wait_for_file, wait_until_gone
from tests.test_recovery_signals import edit_title_then_more
from tests.tui_flow import labels_and_buttons, open_app, wait_for, wait_for_dialog

pytestmark = needs_tmux


def lose_session_a(plan: Path, home: Path) -> Path:
    """Session A types into the title and is cut off (SIGHUP); its recovery copy."""
    a = open_in_tmux(plan, home)
    try:
        edit_title_then_more(a, plan)
        pid = a.pane_pid()
        a.hang_up()
        wait_until_gone(pid)
    finally:
        a.kill()
    copy = recovery_path(plan, Holder(this_host(), pid))
    assert title_in(copy) == f"{TITLE} FIRST SECOND"
    return copy


async def type_organization(pilot, app: SmplanApp, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+g", "0")
    await wait_for(pilot, lambda: bool(app.screen.query(PlanPane)))
    row = next(r for r in app.screen.query(FieldRow) if r.spec.name == "organization")
    editor = row.editor
    assert isinstance(editor, Input)
    editor.focus()
    await pilot.pause()
    await pilot.press("end", *text)
    await wait_for(pilot, lambda: (app.plan.plan.organization or "").endswith(text))


async def test_two_sessions_keep_separate_copies_and_a_save_removes_only_its_own(
    tmp_path: Path,
) -> None:
    plan = copy_plan(tmp_path)
    a = open_in_tmux(plan, tmp_path)
    try:
        a.wait_for("plan.toml", 20)
        wait_for_file(lambda: read_holder(plan) is not None)
        b = open_app(plan, step=None)
        async with b.run_test(size=(80, 24)) as pilot:
            await wait_for_dialog(pilot, b, "already open in another smplan")
            await pilot.press("tab", "enter")  # Open anyway
            await wait_for(pilot, lambda: b.screen is b.main)
            edit_title_then_more(a, plan)
            a_pid = a.pane_pid()
            a_copy = recovery_path(plan, Holder(this_host(), a_pid))
            a.hang_up()  # A's connection drops
            wait_until_gone(a_pid)
            assert title_in(a_copy) == f"{TITLE} FIRST SECOND"

            await type_organization(pilot, b, " by B")
            b_copy = recovery_path(plan)
            await wait_for(pilot, b_copy.exists, timeout=15)
            assert b_copy != a_copy
            assert title_in(a_copy) == f"{TITLE} FIRST SECOND"  # not overwritten by B
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: not b.session.dirty)
            await wait_for(pilot, lambda: not b_copy.exists())
            assert a_copy.exists() and base_path(a_copy).exists()
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: b.return_code is not None)
    finally:
        a.kill()
    assert a_copy.exists()  # a clean quit of B leaves A's copy alone

    # A reopens: its edits are offered, on top of B's save.
    again = open_app(plan, step=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, again, "has changed on disk since")
        await pilot.press("enter")  # Apply my edits
        await wait_for(pilot, lambda: again.plan.plan.title == f"{TITLE} FIRST SECOND")
        assert again.plan.plan.organization == "Northwind by B"
        assert again.session.dirty
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not again.session.dirty)
        await wait_for(pilot, lambda: not a_copy.exists())
    assert title_in(plan) == f"{TITLE} FIRST SECOND"
    assert "Northwind by B" in plan.read_text(encoding="utf-8")
    assert not base_path(a_copy).exists()


def changed_lines(diff: str) -> list[str]:
    """The - and + lines of a diff as the view shows it."""
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t", *args],
        check=True,
        capture_output=True,
    )


def shared_repository(tmp_path: Path) -> tuple[Path, Path]:
    """A repository with the plan, and a clone of it: (the clone's plan, upstream folder)."""
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    copy_plan(upstream)
    (upstream / ".gitignore").write_text(".*.recovery\n.*.recovery-base\n.*.lock\n")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m", "plan")
    subprocess.run(
        ["git", "clone", "-q", str(upstream), str(tmp_path / "mine")],
        check=True,
        capture_output=True,
    )
    return tmp_path / "mine" / "plan.toml", upstream


def teammate_changes_organization(upstream: Path) -> None:
    plan = upstream / "plan.toml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('organization = "Northwind"', 'organization = "Northwind Co"'))
    git(upstream, "commit", "-q", "-am", "organization")


async def test_a_copy_older_than_a_pulled_plan_is_offered_with_three_way_view(
    tmp_path: Path,
) -> None:
    plan, upstream = shared_repository(tmp_path)
    copy = lose_session_a(plan, tmp_path)
    teammate_changes_organization(upstream)
    git(plan.parent, "pull", "-q", "--ff-only")
    assert 'organization = "Northwind Co"' in plan.read_text(encoding="utf-8")
    assert copy.stat().st_mtime <= plan.stat().st_mtime  # the copy is older than the plan

    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "has changed on disk since")
        assert "Apply my edits" in labels_and_buttons(app)
        await pilot.press("tab", "enter")  # Compare all 3
        await wait_for(pilot, lambda: isinstance(app.screen, RecoveryMerge))
        yours, theirs, result = (
            changed_lines(str(app.screen.query_one(part).render()))
            for part in ("#merge-yours", "#merge-theirs", "#merge-result")
        )
        mine = f"+title = '{TITLE} FIRST SECOND'   # literal string on purpose"
        assert yours == [f"-title = '{TITLE}'   # literal string on purpose", mine]
        assert theirs == ['-organization = "Northwind"', '+organization = "Northwind Co"']
        assert result == [f"-title = '{TITLE}'   # literal string on purpose", mine]
        await pilot.press("escape")
        await wait_for_dialog(pilot, app, "has changed on disk since")
        await pilot.press("enter")  # Apply my edits
        await wait_for(pilot, lambda: app.plan.plan.title == f"{TITLE} FIRST SECOND")
        assert app.plan.plan.organization == "Northwind Co"
        assert copy.exists()  # until the edits are saved
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not copy.exists())
    text = plan.read_text(encoding="utf-8")
    assert f"title = '{TITLE} FIRST SECOND'   # literal string on purpose" in text
    assert 'organization = "Northwind Co"' in text


async def test_quitting_without_answering_never_deletes_a_lost_copy(
    tmp_path: Path,
) -> None:
    plan, upstream = shared_repository(tmp_path)
    copy = lose_session_a(plan, tmp_path)
    teammate_changes_organization(upstream)
    git(plan.parent, "pull", "-q", "--ff-only")
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "has changed on disk since")
        await pilot.press("escape")  # asked again: the copy is not dropped by escape
        await wait_for_dialog(pilot, app, "has changed on disk since")
        app.exit(0)  # the session ends cleanly (a signal, the terminal closed)
        await wait_for(pilot, lambda: app.return_code is not None)
    assert copy.exists() and title_in(copy) == f"{TITLE} FIRST SECOND"
    # And the next time it is offered again.
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, app, "has changed on disk since")
