"""Other processes, seen from outside: whether one still runs or works, how it ended, what it wrote."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


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


def zombie_status(pid: int) -> int | None:
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


def dead_pid() -> int:
    """The number of a process of this host that has ended (as a lost session's)."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(gone.stdout)


def wait_for_file(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    """Poll the file system until ``predicate`` holds (what another process writes)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {predicate}")
        time.sleep(0.05)


def cpu_seconds(pid: int) -> float:
    """Processor time (user + system) process ``pid`` has used so far."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int, timeout: float = 15, quiet: float = 0.2) -> None:
    """Until process ``pid`` has used (almost) no processor time for ``quiet`` seconds."""
    deadline = time.perf_counter() + timeout
    before = cpu_seconds(pid)
    while time.perf_counter() < deadline:
        time.sleep(quiet)
        now = cpu_seconds(pid)
        if now - before <= 0.02:
            return
        before = now
