"""The lock file: which smplan (host and process) has a plan open for editing.

Two sessions saving the same plan in turn would each overwrite the other's
work, so the first to open a plan writes ``.plan.toml.lock`` beside it and the
second is warned. A lock left by a process that is gone (same host, no such
process) is stale and is taken over without asking; a lock from another host
cannot be checked and is always reported.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tomllib
from dataclasses import dataclass
from pathlib import Path

from smplan.files.atomic import write_atomic


def lock_path(path: Path) -> Path:
    """Where the lock file of the plan at ``path`` lives."""
    return path.parent / f".{path.name}.lock"


def this_host() -> str:
    return socket.gethostname()


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a lock: a host name and a process id on it."""

    host: str
    pid: int

    @classmethod
    def me(cls) -> Holder:
        return cls(this_host(), os.getpid())

    def text(self) -> str:
        # TOML, so that a person who finds the file can read it.
        host = self.host.replace("\\", "\\\\").replace('"', '\\"')
        return f'host = "{host}"\npid = {self.pid}\n'

    @property
    def is_me(self) -> bool:
        return self == Holder.me()

    @property
    def is_stale(self) -> bool:
        """True when this holder is surely gone: a process of this host that no longer runs."""
        if self.host != this_host():
            return False
        return not process_alive(self.pid)


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: alive, unless it has ended
    except OSError:
        return False
    # A process that ended but was not reaped (its parent is gone, or is an init
    # that does not reap) still answers the signal: it runs no more.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[-1].split()[:1] != ["Z"]
    except OSError:
        return True


def read_holder(path: Path) -> Holder | None:
    """Who holds the lock of the plan at ``path``; None when there is no readable lock."""
    try:
        data = tomllib.loads(lock_path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    host, pid = data.get("host"), data.get("pid")
    if not isinstance(host, str) or not isinstance(pid, int):
        return None
    return Holder(host, pid)


class PlanLock:
    """The lock on one plan file, held (or not) by this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = lock_path(path)
        self.held = False

    def acquire(self) -> Holder | None:
        """Take the lock; returns the live other holder when it is held elsewhere.

        Stale locks are taken over. A folder where no lock can be written (read
        only, gone) is not an obstacle to opening: None is returned, nothing held.
        """
        me = Holder.me()
        for _attempt in range(3):
            try:
                fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is not None and holder == me:
                    self.held = True
                    return None
                if holder is not None and not holder.is_stale:
                    return holder
                if self._take_over(me):
                    return None
                continue
            except OSError:
                return None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(me.text())
            self.held = True
            return None
        return None

    def _take_over(self, me: Holder) -> bool:
        try:
            write_atomic(self.file, me.text().encode("utf-8"))
        except OSError:
            return False
        self.held = True
        return True

    def release(self) -> None:
        """Remove the lock if it is still ours (a taken-over lock is left to its new holder)."""
        if not self.held:
            return
        self.held = False
        if read_holder(self.path) == Holder.me():
            with contextlib.suppress(OSError):
                self.file.unlink()
