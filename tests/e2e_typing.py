"""Running the real program in tmux, typing a script slowly or in bursts, and reading what it saved."""

from __future__ import annotations

import shutil
import sys
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES
from tests.test_e2e_terminals import app_env
from tests.tmux_driver import TmuxSession
from tests.tmux_typing import type_in_bursts, type_slowly
from tests.typing_script import Token

#: What the header says while there are unsaved changes, in either language.
UNSAVED = ("unsaved", "belum disimpan")
#: The plans typed into: a new one, then each sample.
PLANS = ["new", "minimal.toml", "northwind-nonprofit.toml", "kopi-nusantara.toml"]

Command = Callable[[Path, Path], list[str]]


def local(plan: Path, home: Path) -> list[str]:
    """``python -m smplan PLAN`` on this machine."""
    return [sys.executable, "-m", "smplan", str(plan)]


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


def run(
    folder: Path,
    plan: str,
    tokens: list[Token],
    *,
    slow: bool,
    term: str = "xterm-256color",
    command: Command = local,
    sessions: list[TmuxSession],
) -> dict[str, Any]:
    """Type ``tokens`` into ``plan`` (slowly or in bursts), wait for the save, quit; the data."""
    path = plan_copy(folder, plan)
    before = path.read_bytes() if path.exists() else None
    session = TmuxSession(command(path, folder), env=app_env(folder, term))
    sessions.append(session)
    ready(session)
    (type_slowly if slow else type_in_bursts)(session, tokens)
    saved(session, path, before)
    session.send("C-q")
    session.wait_dead(30)
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def tmux_sessions() -> Iterator[list[TmuxSession]]:
    sessions: list[TmuxSession] = []
    yield sessions
    for session in sessions:
        session.kill()
