"""The real ``smplan`` in a real terminal: its environment, opening a plan, typing a script, saving.

:func:`app_env` is exactly what the program sees (``env -i``): no settings, no
locale but ``C.UTF-8``, this checkout's code. :func:`open_in_tmux` opens a plan
as a person does, from its folder by its name; :func:`type_and_save` types a
:mod:`tests.typing_script` into a plan, waits for the save and returns what the
file holds.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.terminal.keystrokes import type_in_bursts, type_slowly
from tests.terminal.processes import wait_idle
from tests.terminal.session import TmuxSession, tmux_available
from tests.typing_script import Token

SAMPLES = ROOT / "sample_plans"
#: What the header says while there are unsaved changes, in either language.
UNSAVED = ("unsaved", "belum disimpan")

needs_tmux = pytest.mark.skipif(
    not tmux_available(), reason="tmux is NOT installed: tests in a real terminal skipped"
)

#: How a plan is opened: the command for the plan at this path, with this home folder.
Command = Callable[[Path, Path], list[str]]


def app_env(home: Path, term: str, **extra: str) -> dict[str, str]:
    """Exactly what the program sees: no settings, no locale, this checkout's code."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": str(ROOT / "src"),
        "LANG": "C.UTF-8",
        "TERM": term,
        **extra,
    }


def local(plan: Path, home: Path) -> list[str]:
    """``python -m smplan PLAN`` on this machine."""
    return [sys.executable, "-m", "smplan", str(plan)]


def open_in_tmux(plan: Path, home: Path, term: str = "xterm-256color") -> TmuxSession:
    """``python -m smplan plan.toml`` started in the plan's folder, in tmux at 80x24."""
    return TmuxSession(
        [sys.executable, "-m", "smplan", plan.name],
        env=app_env(home, term),
        cwd=str(plan.parent),
    )


def plan_copy(folder: Path, plan: str) -> Path:
    """A copy of the sample ``plan`` in ``folder``, or the path of a plan not written yet."""
    folder.mkdir(parents=True, exist_ok=True)
    if plan == "new":
        return folder / "scratch.toml"
    target = folder / plan
    shutil.copyfile(SAMPLES / plan, target)
    return target


def ready(session: TmuxSession) -> None:
    """Wait for the app's first screen, and until it stops changing."""
    before = session.wait_for(lambda screen: "▕" in screen and "^s" in screen, 30, "the app")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(0.4)
        now = session.screen()
        if now == before:
            return
        before = now


def saved(session: TmuxSession, plan: Path, before: bytes | None, timeout: float = 90) -> None:
    """Wait until the plan on disk is new and the header no longer says "unsaved"."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        written = plan.read_bytes() if plan.exists() else None
        header = session.screen().splitlines()[:1]
        if (
            written is not None
            and written != before
            and not any(word in line for line in header for word in UNSAVED)
        ):
            return
        time.sleep(0.2)
    raise AssertionError(f"{plan.name} was not saved; the screen was:\n{session.screen()}")


def type_and_save(
    folder: Path,
    plan: str,
    tokens: list[Token],
    *,
    slow: bool,
    term: str = "xterm-256color",
    command: Command = local,
    sessions: list[TmuxSession],
    look: float = 0.0,
) -> dict[str, Any]:
    """Type ``tokens`` into ``plan`` (slowly or in bursts), wait for the save, quit; the data.

    ``look``: seconds to wait after the first screen, then until the program is idle
    (a person reading the screen first, while the program builds the other steps).
    """
    path = plan_copy(folder, plan)
    before = path.read_bytes() if path.exists() else None
    session = TmuxSession(command(path, folder), env=app_env(folder, term))
    sessions.append(session)
    ready(session)
    if look:
        time.sleep(look)
        wait_idle(session.pane_pid(), timeout=60, quiet=0.5)
    (type_slowly if slow else type_in_bursts)(session, tokens)
    saved(session, path, before)
    session.send("C-q")
    session.wait_dead(30)
    return tomllib.loads(path.read_text(encoding="utf-8"))
