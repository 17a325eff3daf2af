"""In a real terminal, the cursor stays in the focused field while the program builds steps ahead.

Textual hides the terminal's cursor but moves it after every update; input
methods and screen readers follow it, and so does ``TmuxSession.tab_to``. The
program builds the steps not shown in the first seconds after start, and their
text areas used to send the cursor to the top line: a Tab then looked as if it
had not moved focus (``tui/terminal_cursor.py``). The same keys sent in one
burst, as they arrive over SSH, must land where the cursor shows.
"""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from tests.terminal import TmuxSession, needs_tmux, open_in_tmux, plan_copy

pytestmark = [needs_tmux, pytest.mark.e2e]

#: Seconds the cursor is watched: the steps are built ahead in about two, from half a
#: second after the last key.
WATCH = 4.0


def stays_on(session: TmuxSession, text: str, seconds: float) -> None:
    """Wait for the cursor to be on ``text``'s line, then check it stays there for ``seconds``."""
    session.wait_for(lambda _screen: session.cursor_on(text), 15, f"the cursor on {text!r}")
    deadline = time.monotonic() + seconds
    away = 0
    while time.monotonic() < deadline:
        # One read can fall inside a frame the program is writing, where the
        # terminal's cursor goes wherever a change is drawn: to have left, the
        # cursor must stay away for three reads in a row (it stayed for seconds).
        away = 0 if session.cursor_on(text) else away + 1
        assert away < 3, f"the cursor left {text!r}: {session.cursor()}"
        time.sleep(0.1)


def test_the_cursor_stays_in_the_focused_field_while_steps_are_built(
    tmp_path: Path, tmux_sessions: list[TmuxSession]
) -> None:
    plan = plan_copy(tmp_path, "minimal.toml")
    session = open_in_tmux(plan, tmp_path)
    tmux_sessions.append(session)
    session.wait_for("Step 1", 30, "the app's first screen")
    session.send("0")
    stays_on(session, "▕ Title", WATCH)
    session.send("Tab")
    stays_on(session, "▕ Organization", 1.0)


def test_a_burst_on_the_first_screen_types_into_the_field_the_cursor_is_in(
    tmp_path: Path, tmux_sessions: list[TmuxSession]
) -> None:
    """The step key, Tab and the text in one read of the terminal, while the steps are
    built ahead: the text lands in Organization, the cursor stays there, and the
    file holds it there after ctrl+s."""
    plan = plan_copy(tmp_path, "minimal.toml")
    session = open_in_tmux(plan, tmp_path)
    tmux_sessions.append(session)
    session.wait_for("Step 1", 30, "the app's first screen")
    session.burst("0", "Tab", "Acme Coffee Co")
    stays_on(session, "▕ Organization", WATCH)
    organization = next(line for line in session.screen().splitlines() if "▕ Organization" in line)
    assert "Acme Coffee Co" in organization
    session.send("C-s")
    session.wait_for(
        lambda _screen: "Acme Coffee Co" in plan.read_text(encoding="utf-8"), 15, "the save"
    )
    saved = tomllib.loads(plan.read_text(encoding="utf-8"))["plan"]
    assert saved["organization"] == "Acme Coffee Co"
    assert saved["title"] == "Corner Bakery: first social media plan"
