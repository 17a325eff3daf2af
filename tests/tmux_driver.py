"""Drive a real terminal program in tmux: start it, type, wait for the screen, read it.

Each :class:`TmuxSession` runs its own tmux server (``tmux -L <socket>``), so
tests never touch the user's sessions and :meth:`kill` removes everything.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


class ScreenTimeout(AssertionError):
    """The screen never showed what was waited for; the message holds the last screen."""


class TmuxSession:
    def __init__(
        self,
        command: Sequence[str],
        *,
        width: int = 80,
        height: int = 24,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        if shutil.which("tmux") is None:
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

    def send(self, *keys: str) -> None:
        """tmux key names (``C-s``, ``Enter``, ``Escape``) or ``literal:text`` to type."""
        for key in keys:
            if key.startswith("literal:"):
                self._tmux("send-keys", "-t", self.target, "-l", key.removeprefix("literal:"))
            else:
                self._tmux("send-keys", "-t", self.target, key)

    def type(self, text: str) -> None:
        self.send(f"literal:{text}")

    def burst(self, *keys: str) -> None:
        """Key names and text, all in one ``send-keys`` call: the terminal gets them at once.

        Text must not be a tmux key name (``Up``, ``End``...), which tmux would send
        as that key.
        """
        self._tmux("send-keys", "-t", self.target, *keys)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.target)

    def title(self) -> str:
        return self._tmux("display-message", "-p", "-t", self.target, "#{pane_title}").strip()

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is (column, row): Textual puts it in the focused input."""
        out = self._tmux("display-message", "-p", "-t", self.target, "#{cursor_x} #{cursor_y}")
        x, y = out.split()
        return int(x), int(y)

    def cursor_on(self, text: str) -> bool:
        """True when the cursor is on the screen line that holds ``text``."""
        lines = self.screen().splitlines()
        row = self.cursor()[1]
        return 0 <= row < len(lines) and text in lines[row]

    def tab_to(self, text: str, tries: int = 12, timeout: float = 15) -> None:
        """Press Tab until the cursor (Textual puts it in the focused input) is on ``text``'s line.

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
            self.send("Tab")
            self.wait_for(
                lambda _s, was=before: self.cursor() != was, timeout, what="focus to move"
            )
        raise ScreenTimeout(f"Tab never reached {text!r}; the screen was:\n{self.screen()}")

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
            waited = _zombie_status(pid)
            if waited is not None:
                return waited
            if time.monotonic() >= deadline:
                raise ScreenTimeout(f"tmux never recorded how the program ended ({out!r})")
            time.sleep(0.05)

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
            time.sleep(0.1)
        label = what or (predicate if isinstance(predicate, str) else "condition")
        raise ScreenTimeout(f"waited {timeout}s for {label!r}; the screen was:\n{screen}")

    def wait_dead(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.dead():
                return
            time.sleep(0.1)
        raise ScreenTimeout(f"the program did not end in {timeout}s:\n{self.screen()}")

    def kill(self) -> None:
        self._tmux("kill-server", check=False)


def _zombie_status(pid: int) -> int | None:
    """How process ``pid`` ended, while it is a zombie not yet reaped; None otherwise."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The name (field 2) is in parentheses and may hold spaces: split after it.
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] != "Z" or len(fields) < 50:
        return None
    code = int(fields[49])  # field 52, exit_code: the status as waitpid gives it
    return os.WEXITSTATUS(code) if os.WIFEXITED(code) else 128 + os.WTERMSIG(code)
