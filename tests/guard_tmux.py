"""The real `smplan` command in a tmux window: type keys, read the screen, send signals."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The background of selected text in an input, in the default theme at 256 colours.
SELECTED = re.escape("\x1b[48;5;60m")


@pytest.fixture
def socket_dir() -> Iterator[Path]:
    """A short folder for tmux sockets: Unix socket paths are at most 108 bytes, and
    pytest's tmp_path can be longer."""
    folder = Path(tempfile.mkdtemp(prefix="smt"))
    yield folder
    for child in folder.iterdir():
        child.unlink(missing_ok=True)
    folder.rmdir()


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TmuxApp:
    """``python -m smplan <plan>`` running in its own tmux server, 80x24."""

    def __init__(self, plan: Path, socket_dir: Path) -> None:
        self.plan = plan
        self.socket = socket_dir / f"tmux-{uuid.uuid4().hex[:8]}"
        self.name = "smplan"

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=30,
        )

    def start(self) -> None:
        command = " ".join(
            [
                "cd",
                shlex.quote(str(self.plan.parent)),
                "&&",
                "exec env",
                f"PYTHONPATH={shlex.quote(str(ROOT / 'src'))}",
                "TERM=xterm-256color",
                shlex.quote(sys.executable),
                "-m smplan",
                shlex.quote(self.plan.name),
            ]
        )
        self.tmux("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", command)
        self.tmux("set-option", "-g", "status", "off")
        self.tmux("set-option", "-g", "escape-time", "10")

    @property
    def pid(self) -> int:
        out = self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").stdout
        return int(out.strip())

    def screen(self) -> str:
        result = self.tmux("capture-pane", "-p", "-t", self.name, check=False)
        return result.stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def wait_for_screen(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen shows:\n{shown}")
            time.sleep(0.05)

    def styled_screen(self) -> str:
        """The screen with its colour escapes, to tell a selected field from the rest."""
        return self.tmux("capture-pane", "-e", "-p", "-t", self.name, check=False).stdout

    def wait_for_selected(self, text: str, timeout: float = 20.0) -> None:
        """Wait until ``text`` is shown selected (a focused field selects all of its text)."""
        pattern = re.compile(SELECTED + re.escape(text))
        deadline = time.monotonic() + timeout
        while not pattern.search(self.styled_screen()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never shown selected:\n{self.styled_screen()!r}")
            time.sleep(0.05)

    def to_end_of_field(self, text: str, timeout: float = 20.0) -> None:
        """Put the cursor after ``text`` in the focused field, once focus has settled.

        After the go-to-step dialog closes, the field can be focused twice (by the
        pane, then by the screen coming back), and each focus selects all again:
        press right until the selection stays gone.
        """
        pattern = re.compile(SELECTED + re.escape(text))
        deadline = time.monotonic() + timeout
        clear_since: float | None = None
        while True:
            now = time.monotonic()
            if pattern.search(self.styled_screen()):
                self.keys("Right")
                clear_since = None
            elif clear_since is None:
                clear_since = now
            elif now - clear_since > 0.5:
                return
            if now > deadline:
                raise AssertionError(f"{text!r} stays selected")
            time.sleep(0.1)

    def kill_session(self) -> None:
        """Close the window as a dropped SSH connection does: the app gets SIGHUP."""
        self.tmux("kill-session", "-t", self.name, check=False)

    def stop(self) -> None:
        self.tmux("kill-server", check=False)
        self.socket.unlink(missing_ok=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A process that ended but is not reaped yet counts as gone.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return False


def wait_until_gone(pid: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            raise AssertionError(f"process {pid} is still running")
        time.sleep(0.05)
