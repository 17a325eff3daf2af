"""A plan that cannot be opened (merge-conflict markers): every answer works, and the exit status says so.

"Try again" on a file still broken shows the error again; "Try again" after the
file was fixed opens it; "Fix it in $EDITOR" runs the editor and opens the fixed
plan; "Quit" ends with status 2; an app that fails ends with a non-zero status.
The editor runs in a real terminal (tmux), the others in Pilot.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smplan.store import PlanFileError
from smplan.tui.app import SmplanApp
from smplan.tui.launch import open_plan
from smplan.tui.screens.main import MainScreen
from smplan.tui.screens.open_error import OpenErrorScreen
from tests.terminal import TmuxSession, app_env, needs_tmux
from tests.tui_flow import settle

CONFLICTED = """\
schema = 1

[plan]
<<<<<<< HEAD
title = "Kopi Senja: ours"
=======
title = "Kopi Senja: theirs"
>>>>>>> feature
currency = "IDR"
"""
OURS = 'schema = 1\n\n[plan]\ntitle = "Kopi Senja: ours"\ncurrency = "IDR"\n'
# What a person does in the editor: keep our side, drop the markers and theirs.
FIX_SCRIPT = """#!/bin/sh
sed -i -e '/^<<<<<<< /d' -e '/^=======$/,/^>>>>>>> /d' "$1"
"""


def broken_app(path: Path) -> SmplanApp:
    plan_file, error = open_plan(path, "en")
    assert plan_file is None and isinstance(error, PlanFileError)
    assert error.line == 4
    return SmplanApp(path, None, error)


async def test_try_again_shows_the_error_again_then_opens_the_fixed_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(CONFLICTED, encoding="utf-8")
    app = broken_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, OpenErrorScreen))
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, OpenErrorScreen))
        await pilot.pause(0.2)
        assert isinstance(app.screen, OpenErrorScreen)  # no crash, still the error
        assert app.return_code is None
        path.write_text(OURS, encoding="utf-8")
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.plan.plan.title == "Kopi Senja: ours"
        await pilot.press("ctrl+q")
        await settle(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0


async def test_quit_on_the_error_ends_with_status_2(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(CONFLICTED, encoding="utf-8")
    app = broken_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, OpenErrorScreen))
        await pilot.press("q")
        await settle(pilot, lambda: app.return_code is not None)
    assert app.return_value == 2


@pytest.mark.e2e
@needs_tmux
def test_fix_it_in_the_editor_in_a_real_terminal(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(CONFLICTED, encoding="utf-8")
    editor = tmp_path / "fix-conflict"
    editor.write_text(FIX_SCRIPT, encoding="utf-8")
    editor.chmod(0o755)
    env = app_env(tmp_path, "xterm-256color", EDITOR=str(editor))
    session = TmuxSession([sys.executable, "-m", "smplan", str(path)], env=env)
    try:
        session.wait_for("This plan cannot be opened", 30)
        session.send("r")
        session.wait_for("This plan cannot be opened")
        assert not session.dead()
        session.send("e")
        session.wait_for("Step 1", 30, what="the plan open after the editor fixed it")
        assert path.read_text(encoding="utf-8") == OURS
        session.send("C-q")
        session.wait_dead()
        assert session.exit_status() == 0
    finally:
        session.kill()


@pytest.mark.e2e
@needs_tmux
def test_exit_status_of_quit_and_of_a_failure_in_a_real_terminal(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(CONFLICTED, encoding="utf-8")
    env = app_env(tmp_path, "xterm-256color")
    session = TmuxSession([sys.executable, "-m", "smplan", str(path)], env=env)
    try:
        session.wait_for("This plan cannot be opened", 30)
        session.send("q")
        session.wait_dead()
        assert session.exit_status() == 2
    finally:
        session.kill()
    # An app that fails while running (here: a step that cannot be shown) ends non-zero.
    path.write_text(OURS, encoding="utf-8")
    failing = (
        "import sys; from smplan.tui.screens.main import MainScreen; "
        "MainScreen.on_mount = lambda self: 1 / 0; "
        "from smplan.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    session = TmuxSession([sys.executable, "-c", failing, str(path)], env=env)
    try:
        session.wait_dead(30)
        assert session.exit_status() == 1
    finally:
        session.kill()
