"""When the recovery copy is written and removed while the app runs.

The copy is written a few seconds after an edit, on every step change, after
a failed save and when the app ends with unsaved edits; it is removed once the
plan is clean. This module runs the timer and the worker thread; the decisions
are :mod:`smplan.open_plan.recovery_timing`'s and the files
:class:`~smplan.open_plan.recovery_copy.RecoveryCopy`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.timer import Timer

from smplan.open_plan.recovery_copy import RecoveryCopy
from smplan.open_plan.recovery_timing import RECOVERY_DELAY, after_edit, at_end
from smplan.tui.follow import follow
from smplan.tui.host import PlanEdited

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp


class RecoveryKeeper:
    """Keeps the recovery copy current while there are unsaved edits.

    ``read_only``: whether this session only looks at the plan (then the copy,
    another session's to keep, is never written nor removed).
    """

    def __init__(self, app: SmplanApp, read_only: Callable[[], bool]) -> None:
        self.app = app
        self.copy = RecoveryCopy(app.open_plan)
        self._read_only = read_only
        self._timer: Timer | None = None
        self._started = False
        self._discarded = False
        self._finished = False

    @property
    def error(self) -> str | None:
        """Why the last write failed (None: it did not)."""
        return self.copy.error

    def start(self) -> None:
        """Follow the plan's edits from now on."""
        self._started = True
        follow(self.app.edited_signal, self.app, self._edited)

    def adopt(self, copy: Path) -> None:
        """A lost session's copy whose edits are now in this one (see RecoveryCopy.adopt)."""
        self.copy.adopt(copy)

    def _edited(self, _news: PlanEdited) -> None:
        action = after_edit(self.app.open_plan.dirty, self._timer is not None)
        if action == "remove":
            self._cancel_timer()
            self._remove()
        elif action == "start":
            self._timer = self.app.set_timer(RECOVERY_DELAY, self._timed_write)

    def _timed_write(self) -> None:
        self._timer = None
        self._write_in_background()

    def _write_in_background(self) -> None:
        # Working out the text of a year plan takes ~0.1 s: not on the UI thread while typing.
        if self.app.open_plan.dirty and not self._finished:
            self.app.run_worker(
                partial(self.write, self.copy.generation),
                thread=True,
                exclusive=True,
                group="recovery",
            )

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def step_changed(self) -> None:
        """A step change is a natural pause: keep the copy current now."""
        if self._started and self.app.open_plan.dirty:
            self._cancel_timer()
            self._write_in_background()

    def write(self, generation: int | None = None) -> bool:
        """Write the copy now if there are unsaved changes; True when it is on disk
        (see :meth:`RecoveryCopy.write`)."""
        if self._read_only() or self._discarded:
            return False
        return self.copy.write(generation)

    def write_now(self) -> bool:
        """Write the copy at once (a save failed); True when it is on disk."""
        self._cancel_timer()
        return self.write()

    def _remove(self, *, adopted: bool = False) -> None:
        if not self._read_only():
            self.copy.remove(adopted=adopted)

    def saved(self) -> None:
        """A save succeeded: the copy is no longer needed if nothing is left unsaved."""
        if not self.app.open_plan.dirty:
            self._cancel_timer()
            self._remove(adopted=True)

    def plan_replaced(self) -> None:
        """The app now edits a freshly read (or restored) plan."""
        if not self.app.open_plan.dirty:
            self._remove()

    def discard(self) -> None:
        """The user quits without saving: the copy goes with the edits."""
        self._discarded = True
        self._cancel_timer()
        self._remove(adopted=True)

    def finish(self) -> None:
        """The session ends (quit, signal, crash): the copy keeps what would be lost."""
        self._finished = True
        self._cancel_timer()
        if self._started and not self._read_only() and self.app.opened_file is not None:
            action = at_end(self.app.open_plan.dirty, self._discarded)
            if action == "write":
                self.write()
            elif action == "remove":
                self._remove()
