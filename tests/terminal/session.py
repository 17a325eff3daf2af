"""One program in a real terminal: start it in tmux, type keys, wait for the screen, read it.

Each :class:`TmuxSession` runs its own tmux server (``tmux -L <socket>``), so
tests never touch the user's sessions and :meth:`TmuxSession.kill` removes
everything, the server's socket file included.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from tests.terminal.processes import zombie_status

#: The background of selected text in an input, in the default theme at 256 colours.
SELECTED = re.escape("\x1b[48;5;60m")


class ScreenTimeout(AssertionError):
    """The screen never showed what was waited for; the message holds the last screen."""


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TmuxSession:
    """``command`` in a tmux window of ``width`` x ``height``, with exactly the environment ``env``."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        width: int = 80,
        height: int = 24,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        if not tmux_available():
            raise FileNotFoundError("tmux")
        self.socket = f"smplan-test-{uuid.uuid4().hex[:10]}"
        self.target = "main"
        # The command runs under `sh -c` with exactly this environment: tmux would
        # otherwise hand it the server's, which other tests may have started.
        env_args = [f"{k}={v}" for k, v in (env or {}).items()]
        shell = "exec env -i " + " ".join(map(shlex.quote, [*env_args, *command]))
        self._tmux(
            "new-session", "-d", "-s", self.target, "-x", str(width), "-y", str(height),
            *(["-c", cwd] if cwd else []),
            shell,
        )  # fmt: skip
        # tmux (3.3a) leaves its socket file behind when the server ends: note where
        # it is, so that kill() can remove it.
        self._socket_path = self._tmux("display-message", "-p", "#{socket_path}").strip()
        # Keep the pane after the program ends, so its last screen can be read.
        self._tmux("set-option", "-t", self.target, "remain-on-exit", "on")

    def _tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    # -- typing -----------------------------------------------------------------

    def send(self, *keys: str) -> None:
        """tmux key names (``C-s``, ``Enter``, ``Escape``) or ``literal:text``, one call each."""
        for key in keys:
            if key.startswith("literal:"):
                self._tmux("send-keys", "-t", self.target, "-l", key.removeprefix("literal:"))
            else:
                self._tmux("send-keys", "-t", self.target, key)

    def type(self, text: str) -> None:
        """``text`` as characters, never read as tmux key names."""
        self.send(f"literal:{text}")

    def burst(self, *keys: str) -> None:
        """Key names and text, all in one ``send-keys`` call: the terminal gets them at once.

        Text must not be a tmux key name (``Up``, ``End``...), which tmux would send
        as that key.
        """
        self._tmux("send-keys", "-t", self.target, *keys)

    # -- reading the screen -----------------------------------------------------

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.target)

    def styled_screen(self) -> str:
        """The screen with its colour escapes, to tell a selected field from the rest."""
        return self._tmux("capture-pane", "-e", "-p", "-t", self.target)

    def title(self) -> str:
        return self._tmux("display-message", "-p", "-t", self.target, "#{pane_title}").strip()

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is (column, row): the app keeps it in the focused field."""
        out = self._tmux("display-message", "-p", "-t", self.target, "#{cursor_x} #{cursor_y}")
        x, y = out.split()
        return int(x), int(y)

    def cursor_on(self, text: str) -> bool:
        """True when the cursor is on the screen line that holds ``text``."""
        lines = self.screen().splitlines()
        row = self.cursor()[1]
        return 0 <= row < len(lines) and text in lines[row]

    # -- waiting ----------------------------------------------------------------

    def wait_for(
        self, predicate: Callable[[str], bool] | str, timeout: float = 15, what: str = ""
    ) -> str:
        """The screen once ``predicate`` (or "this text is on screen") holds."""
        test = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if test(screen):
                return screen
            time.sleep(0.05)
        label = what or (predicate if isinstance(predicate, str) else "condition")
        raise ScreenTimeout(f"waited {timeout}s for {label!r}; the screen was:\n{screen}")

    def wait_for_selected(self, text: str, timeout: float = 20) -> None:
        """Wait until ``text`` is shown selected (a focused field selects all of its text)."""
        pattern = re.compile(SELECTED + re.escape(text))
        deadline = time.monotonic() + timeout
        while not pattern.search(self.styled_screen()):
            if time.monotonic() > deadline:
                raise ScreenTimeout(f"{text!r} never shown selected:\n{self.styled_screen()!r}")
            time.sleep(0.05)

    def tab_to(self, text: str, tries: int = 12, timeout: float = 15) -> None:
        """Press Tab until the cursor (the app keeps it in the focused field) is on ``text``'s line.

        Each Tab waits for the cursor to move before the next, so no key is sent
        ahead of the app.
        """
        for _ in range(tries):
            if self.cursor_on(text):
                # A focus change the app was still making (a step focusing its
                # first field once laid out) may yet move the cursor: look again.
                time.sleep(0.3)
                if self.cursor_on(text):
                    return
                continue
            before = self.cursor()

            def moved(_screen: str, was: tuple[int, int] = before) -> bool:
                return self.cursor() != was

            self.send("Tab")
            self.wait_for(moved, timeout, what="focus to move")
        raise ScreenTimeout(f"Tab never reached {text!r}; the screen was:\n{self.screen()}")

    def to_end_of_field(self, text: str, timeout: float = 20) -> None:
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
                self.send("Right")
                clear_since = None
            elif clear_since is None:
                clear_since = now
            elif now - clear_since > 0.5:
                return
            if now > deadline:
                raise ScreenTimeout(f"{text!r} stays selected")
            time.sleep(0.1)

    # -- the program ------------------------------------------------------------

    def pane_pid(self) -> int:
        """The pid of the program started in the pane (``env`` execs into it)."""
        return int(self._tmux("display-message", "-p", "-t", self.target, "#{pane_pid}").strip())

    def dead(self) -> bool:
        """True once the program in the pane has ended."""
        out = self._tmux("display-message", "-p", "-t", self.target, "#{pane_dead}", check=False)
        return out.strip() == "1"

    def exit_status(self, timeout: float = 10) -> int:
        """The exit status of the program in the pane, once it has ended.

        tmux marks a pane dead when its terminal closes, and records how the
        program ended only once it has reaped it, which at times comes many
        seconds later (seen with tmux 3.3a: the program a zombie for over ten
        seconds). Until then the kernel keeps the status of a zombie in
        ``/proc/PID/stat``: read it there. A program killed by a signal reports
        ``128 + signal``, as shells do.
        """
        pid = self.pane_pid()
        deadline = time.monotonic() + timeout
        fields = "#{pane_dead_status}:#{pane_dead_signal}"
        while True:
            out = self._tmux("display-message", "-p", "-t", self.target, fields)
            status, _, signal = out.strip().partition(":")
            if status:
                return int(status)
            if signal:
                return 128 + int(signal)
            waited = zombie_status(pid)
            if waited is not None:
                return waited
            if time.monotonic() >= deadline:
                raise ScreenTimeout(f"tmux never recorded how the program ended ({out!r})")
            time.sleep(0.05)

    def wait_dead(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.dead():
                return
            time.sleep(0.1)
        raise ScreenTimeout(f"the program did not end in {timeout}s:\n{self.screen()}")

    def hang_up(self) -> None:
        """Close the window as a dropped SSH connection does: the program gets SIGHUP."""
        self._tmux("kill-session", "-t", self.target, check=False)

    def kill(self) -> None:
        """End the server and everything in it, and remove its socket file."""
        self._tmux("kill-server", check=False)
        if self._socket_path:
            Path(self._socket_path).unlink(missing_ok=True)
