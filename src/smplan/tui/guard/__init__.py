"""Keeps the open plan safe: recovery copy, changes on disk, the lock, failed saves.

The app owns one :class:`PlanGuard`, which starts and ends these parts
together, one module each:

- :mod:`.recovery`: writes the recovery copy while there are unsaved changes (a
  few seconds after an edit, on every step change, after a failed save, and
  before the process ends) and removes it once the plan is clean;
- :mod:`.recovery_offer`: offers to restore a copy left by a session that did
  not end cleanly;
- :mod:`.disk`: polls the plan file and reloads it (or asks) when it changes on disk;
- :mod:`.lock`: takes the plan's lock, and offers read-only when another smplan holds it;
- :mod:`.signals`: ends the app cleanly on SIGHUP or SIGTERM;
- :mod:`.save_failure`: turns a failed save into a message that says what to do.

Each follows the plan through :attr:`SmplanApp.open_plan` and the app's
signals; the decisions without timers or dialogs are in :mod:`smplan.open_plan`
(``recovery_timing``, ``recovery_copy``, ``disk_watch``, ``save_failures``)
and the file logic in :mod:`smplan.store.recovery` and :mod:`smplan.store.lock`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from smplan.store import PlanFileError
from smplan.tui.guard.disk import DiskWatch
from smplan.tui.guard.lock import LockKeeper
from smplan.tui.guard.recovery import RecoveryKeeper
from smplan.tui.guard.recovery_offer import RecoveryOffer
from smplan.tui.guard.save_failure import save_failed_message
from smplan.tui.guard.signals import EndingSignals

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp


class PlanGuard:
    def __init__(self, app: SmplanApp) -> None:
        self.app = app
        self.lock = LockKeeper(app)
        self.recovery = RecoveryKeeper(app, read_only=lambda: self.lock.read_only)
        self.disk = DiskWatch(app)
        self.signals = EndingSignals(app, self.finish)
        self._started = False
        self._finished = False

    # -- state -------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        plan_file = self.app.opened_file
        return plan_file.path if plan_file is not None else None

    @property
    def read_only(self) -> bool:
        return self.lock.read_only

    @property
    def asking(self) -> bool:
        """True while a question about the plan (lock, recovery, change on disk) is open."""
        return self.disk.asking

    # -- opening -----------------------------------------------------------

    def start(self) -> None:
        """Called once the main screen is up: lock, recovery offer, disk watch, signals."""
        if self._started or self.path is None:
            return
        self._started = True
        self.recovery.start()
        self.lock.start()
        self.disk.start()
        self.signals.install()
        self.app.run_worker(self._opening(), group="plan-guard")

    async def _opening(self) -> None:
        path = self.path
        assert path is not None
        with self.disk.question():
            if await self.lock.take(path):
                await RecoveryOffer(self.app, self.recovery).offer_all(path)

    # -- what the app tells the guard ----------------------------------------

    def step_changed(self) -> None:
        """A step change is a natural pause: keep the copy current now."""
        self.recovery.step_changed()

    def saving(self) -> AbstractContextManager[None]:
        """Around a save: the disk watch must not mistake our own write for another's."""
        return self.disk.saving()

    def save_refusal(self) -> str | None:
        """Why this session must not save (open read-only), or None."""
        return self.lock.save_refusal()

    def saved(self) -> None:
        """A save succeeded: the copy is no longer needed if nothing is left unsaved."""
        self.disk.forget_seen()
        self.recovery.saved()

    def save_failed(self, error: PlanFileError) -> str:
        """The message for a failed save; the recovery copy is written (or kept) first."""
        return save_failed_message(error, self.recovery)

    def discard(self) -> None:
        """The user quits without saving: the copy goes with the edits."""
        self.recovery.discard()

    def plan_replaced(self) -> None:
        """The app now edits a freshly read (or restored) plan."""
        self.disk.forget_seen()
        self.recovery.plan_replaced()

    # -- ending ------------------------------------------------------------

    def finish(self) -> None:
        """The session ends (quit, signal, crash): keep unsaved edits, release the lock."""
        if self._finished:
            return
        self._finished = True
        self.disk.stop()
        self.recovery.finish()
        self.lock.release()
        self.signals.remove()


__all__ = ["PlanGuard"]
