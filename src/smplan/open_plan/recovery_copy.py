"""The open plan's recovery copy on disk: written while edits are unsaved, removed after.

:class:`RecoveryCopy` writes and removes the files (through
:mod:`smplan.store.recovery`) for one :class:`~smplan.open_plan.plan.OpenPlan`;
*when* to do either is decided in :mod:`smplan.open_plan.recovery_timing`, and
the interface runs the timers and the worker thread that call it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.store.recovery import recovery_path, recovery_text, remove_copy, remove_recovery
from smplan.store.recovery import write_recovery as write_copy

if TYPE_CHECKING:
    from smplan.open_plan.plan import OpenPlan


class RecoveryCopy:
    """Writes and removes the recovery copy of the plan ``owner`` has open."""

    def __init__(self, owner: OpenPlan) -> None:
        self._owner = owner
        #: Why the last write failed (None: it did not).
        self.error: str | None = None
        #: Serialises writing and removing the copy (writes may come from a worker thread).
        self._write_lock = threading.Lock()
        self._generation = 0
        #: Copies left by lost sessions whose edits this session took over: they go
        #: once those edits are saved or discarded, not before.
        self._adopted: list[Path] = []
        #: The base last written beside this session's copy (written again when it changes).
        self._base_written: str | None = None

    @property
    def plan_path(self) -> Path | None:
        plan_file = self._owner.opened_file
        return plan_file.path if plan_file is not None else None

    @property
    def path(self) -> Path | None:
        """Where this session's copy is written."""
        path = self.plan_path
        return recovery_path(path) if path is not None else None

    @property
    def generation(self) -> int:
        """Changes each time the copy is removed: a write started before then is dropped."""
        return self._generation

    def adopt(self, copy: Path) -> None:
        """A lost session's copy whose edits are now in this one: removed once they are saved."""
        self._adopted.append(copy)

    def write(self, generation: int | None = None) -> bool:
        """Write the copy now if there are unsaved changes; True when it is on disk.

        Synchronous, so that it also works from a signal handler and while the app
        shuts down after a crash. From a worker thread, ``generation`` is the
        state it started from: if the copy was removed since (a save), it is not
        written back.
        """
        plan_file = self._owner.opened_file
        path = plan_file.path if plan_file is not None else None
        if plan_file is None or path is None or not self._owner.dirty:
            return False
        try:
            text = recovery_text(plan_file)
            base = plan_file.text
            with self._write_lock:
                if generation is not None and generation != self._generation:
                    return False
                # The base (the plan as this session read it) changes only with a save
                # or a reload: written again only then.
                write_copy(path, text, None if base is self._base_written else base)
                self._base_written = base
        except OSError as error:
            self.error = error.strerror or str(error)
            return False
        except Exception as error:  # the model changed under a worker, or cannot be written
            self.error = str(error)
            return False
        self.error = None
        return True

    def remove(self, *, adopted: bool = False) -> None:
        """Remove this session's copy and, with ``adopted``, the lost copies it took over."""
        path = self.plan_path
        if path is None:
            return
        with self._write_lock:
            self._generation += 1
            self._base_written = None
            remove_recovery(path)
            if adopted:
                for copy in self._adopted:
                    remove_copy(copy)
                self._adopted.clear()
