"""Keeps the open plan safe: recovery copy, changes on disk, the lock, failed saves.

The app owns one :class:`PlanGuard`. It

- writes the recovery copy while there are unsaved changes (a few seconds after
  an edit, on every step change, after a failed save, and before the process
  ends on SIGHUP, SIGTERM or a crash) and removes it once the plan is clean;
- offers to restore a recovery copy left by a session that did not end cleanly;
- polls the plan file and reloads it (or asks) when it changes on disk;
- takes the plan's lock, and offers read-only when another smplan holds it;
- turns a failed save into a message that says what to do.

The file logic lives in :mod:`smplan.store.recovery` and :mod:`smplan.store.lock`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.markup import escape
from textual.timer import Timer

from smplan.editing import Edit
from smplan.i18n import t
from smplan.i18n.formats import format_date
from smplan.open_plan.disk_watch import disk_change
from smplan.open_plan.recovery_timing import RECOVERY_DELAY, after_edit, at_end, say_refusal
from smplan.open_plan.save_failures import save_failure
from smplan.store import PlanFileError
from smplan.store.lock import Holder, PlanLock
from smplan.store.plan_file import DiskStamp
from smplan.store.recovery import (
    Recovery,
    keep_aside,
    pending_recoveries,
    recovery_path,
    recovery_text,
    remove_copy,
    remove_recovery,
    restore,
    write_recovery,
)
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.recovery_diff import RecoveryDiff
from smplan.tui.screens.recovery_merge import RecoveryMerge

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp

#: Seconds between two looks at the plan file for changes made elsewhere.
POLL_SECONDS = 1.5
#: Seconds a signalled app gets to close the terminal cleanly before it is ended.
EXIT_GRACE = 3.0
#: Signals that end a session: the SSH connection dropped, or the process is asked to stop.
ENDING_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


class PlanGuard:
    def __init__(self, app: SmplanApp) -> None:
        self.app = app
        self.lock: PlanLock | None = None
        #: The other smplan holding the plan, when this one opened it read-only.
        self.holder: Holder | None = None
        self._recovery_timer: Timer | None = None
        self._poll_timer: Timer | None = None
        self._saving = 0
        self._asking = False
        self._suspended = False
        #: A disk state the user has already been told about (kept their version).
        self._seen: DiskStamp | None = None
        self._seen_set = False
        self._discarded = False
        self._finished = False
        self._started = False
        self._signals: list[int] = []
        self._last_refusal = 0.0
        self._recovery_error: str | None = None
        #: Serialises writing and removing the copy (writes may come from a worker thread).
        self._write_lock = threading.Lock()
        self._generation = 0
        #: Copies left by lost sessions whose edits this session took over: they go
        #: once those edits are saved or discarded, not before.
        self._adopted: list[Path] = []
        #: The base last written beside this session's copy (written again when it changes).
        self._base_written: str | None = None

    # -- state -------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        plan_file = self.app.opened_file
        return plan_file.path if plan_file is not None else None

    @property
    def read_only(self) -> bool:
        return self.holder is not None

    @property
    def asking(self) -> bool:
        """True while a question about the plan (lock, recovery, change on disk) is open."""
        return self._asking

    @property
    def recovery_copy(self) -> Path | None:
        path = self.path
        return recovery_path(path) if path is not None else None

    # -- opening -----------------------------------------------------------

    def start(self) -> None:
        """Called once the main screen is up: lock, recovery offer, disk watch, signals."""
        if self._started or self.path is None:
            return
        self._started = True
        app = self.app
        app.session.subscribe(self._edited)
        app.session.on_refused = self._refused
        app.app_suspend_signal.subscribe(app, self._on_suspend)
        app.app_resume_signal.subscribe(app, self._on_resume)
        self._install_signals()
        self._poll_timer = app.set_interval(POLL_SECONDS, self.poll)
        app.run_worker(self._opening(), group="plan-guard")

    async def _opening(self) -> None:
        path = self.path
        assert path is not None
        self._asking = True
        try:
            self.lock = PlanLock(path)
            holder = self.lock.acquire()
            if holder is not None and not await self._ask_lock(holder):
                return
            for recovery in pending_recoveries(path):
                if await self._offer(recovery):
                    break  # its edits are in the app now; any other copy waits for next time
        finally:
            self._asking = False

    async def _ask_lock(self, holder: Holder) -> bool:
        """What to do about a plan open elsewhere; False when there is nothing more to do."""
        name = escape(self.app.file_label)
        choice = await self.app.push_screen_wait(
            ChoiceDialog(
                t("lock.question", None, name=name, pid=holder.pid, host=escape(holder.host)),
                [
                    ("read-only", t("lock.read-only")),
                    ("anyway", t("lock.anyway")),
                    ("quit", t("lock.quit")),
                ],
                default="read-only",
            )
        )
        if choice == "quit":
            self.app.exit(0)
            return False
        if choice == "anyway":
            return True
        # Escape, like the default answer, is the safe choice: look without changing.
        self.holder = holder
        self.app.session.locked = True
        self._refresh()
        self.app.notify(self._holder_message("lock.read-only-mode"), severity="warning", timeout=15)
        return False

    async def _offer(self, recovery: Recovery) -> bool:
        """Ask what to do with a lost session's copy; True when its edits are now in the app."""
        when = dt.datetime.fromtimestamp(recovery.written)
        who = recovery.holder
        fields = {
            "name": escape(recovery.path.name),
            "copy": escape(recovery.copy.name),
            "when": f"{format_date(when.date())} {when:%H:%M}",
            "pid": who.pid if who else "?",
            "host": escape(who.host) if who else "?",
        }
        stale = recovery.stale
        question = t("recovery.question-stale" if stale else "recovery.question", None, **fields)
        answers = [
            ("restore", t("recovery.apply" if stale else "recovery.restore")),
            ("diff", t("recovery.show-three-way" if stale else "recovery.show-diff")),
            ("aside", t("recovery.keep-aside")),
            ("discard", t("recovery.discard")),
        ]
        while True:
            choice = await self.app.push_screen_wait(ChoiceDialog(question, answers, "restore"))
            if choice == "diff":
                await self._show(recovery)
            elif choice == "restore":
                return self._restore(recovery)
            elif choice == "aside":
                self._keep_aside(recovery)
                return False
            elif choice == "discard":
                remove_copy(recovery.copy)
                self.app.notify(t("recovery.discarded", None, copy=escape(recovery.copy.name)))
                return False
            # Escape asks again: the copy is neither lost nor silently overwritten.

    async def _show(self, recovery: Recovery) -> None:
        names = {"copy": recovery.copy.name, "name": recovery.path.name}
        if not recovery.stale:
            title = t("recovery.diff-title", None, **names)
            await self.app.push_screen_wait(RecoveryDiff(title, recovery.diff()))
            return
        try:
            merged = restore(recovery)
            result = recovery_text(merged.plan_file)
        except PlanFileError as error:
            self._broken(recovery, error)
            return
        await self.app.push_screen_wait(RecoveryMerge(recovery, result, merged.conflicts))

    def _broken(self, recovery: Recovery, error: PlanFileError) -> None:
        message = t("recovery.broken", None, copy=escape(recovery.copy.name), reason=error.message)
        self.app.notify(message, severity="error", timeout=20)

    def _restore(self, recovery: Recovery) -> bool:
        try:
            merged = restore(recovery)
        except PlanFileError as error:
            self._broken(recovery, error)
            return False
        self._adopted.append(recovery.copy)
        self.app.use_plan(merged.plan_file, dirty=True)
        name, copy = escape(recovery.path.name), escape(recovery.copy.name)
        message_id = "recovery.applied" if recovery.stale else "recovery.restored"
        self.app.notify(t(message_id, None, copy=copy, name=name), timeout=10)
        if merged.conflicts:
            listed = "; ".join(escape(c.key) for c in merged.conflicts)
            self.app.notify(
                t("recovery.conflicts", None, count=len(merged.conflicts), keys=listed),
                severity="warning",
                timeout=20,
            )
        # Written at once: the edits now live in this session (and in its own copy).
        self.step_changed()
        return True

    def _keep_aside(self, recovery: Recovery) -> None:
        try:
            target = keep_aside(recovery)
        except OSError as error:
            reason = escape(error.strerror or str(error))
            self.app.notify(
                t("recovery.aside-failed", None, copy=escape(recovery.copy.name), reason=reason),
                severity="error",
                timeout=20,
            )
            return
        self.app.notify(t("recovery.kept-aside", None, file=escape(target.name)), timeout=15)

    # -- the recovery copy -------------------------------------------------

    def _edited(self, _edit: Edit, _undoing: bool) -> None:
        action = after_edit(self.app.session.dirty, self._recovery_timer is not None)
        if action == "remove":
            self._cancel_recovery_timer()
            self._remove_copy()
        elif action == "start":
            self._recovery_timer = self.app.set_timer(RECOVERY_DELAY, self._timed_write)

    def _timed_write(self) -> None:
        self._recovery_timer = None
        self._write_in_background()

    def _write_in_background(self) -> None:
        # Working out the text of a year plan takes ~0.1 s: not on the UI thread while typing.
        if self.app.session.dirty and not self._finished:
            self.app.run_worker(
                partial(self.write_recovery, self._generation),
                thread=True,
                exclusive=True,
                group="recovery",
            )

    def _cancel_recovery_timer(self) -> None:
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
            self._recovery_timer = None

    def step_changed(self) -> None:
        """A step change is a natural pause: keep the copy current now."""
        if self._started and self.app.session.dirty:
            self._cancel_recovery_timer()
            self._write_in_background()

    def write_recovery(self, generation: int | None = None) -> bool:
        """Write the recovery copy now if there are unsaved changes; True when it is on disk.

        Synchronous, so that it also works from a signal handler and while the app
        shuts down after a crash. From a worker thread, ``generation`` is the
        state it started from: if the copy was removed since (a save), it is not
        written back.
        """
        path = self.path
        plan_file = self.app.opened_file
        if path is None or self.read_only or self._discarded or plan_file is None:
            return False
        if not self.app.session.dirty:
            return False
        try:
            text = recovery_text(plan_file)
            base = plan_file.text
            with self._write_lock:
                if generation is not None and generation != self._generation:
                    return False
                # The base (the plan as this session read it) changes only with a save
                # or a reload: written again only then.
                write_recovery(path, text, None if base is self._base_written else base)
                self._base_written = base
        except OSError as error:
            self._recovery_error = error.strerror or str(error)
            return False
        except Exception as error:  # the model changed under a worker, or cannot be written
            self._recovery_error = str(error)
            return False
        self._recovery_error = None
        return True

    def _remove_copy(self, *, adopted: bool = False) -> None:
        """Remove this session's copy and, with ``adopted``, the lost copies it took over."""
        path = self.path
        if path is not None and not self.read_only:
            with self._write_lock:
                self._generation += 1
                self._base_written = None
                remove_recovery(path)
                if adopted:
                    for copy in self._adopted:
                        remove_copy(copy)
                    self._adopted.clear()

    # -- saving ------------------------------------------------------------

    @contextlib.contextmanager
    def saving(self) -> Iterator[None]:
        """Around a save: the disk watch must not mistake our own write for another's."""
        self._saving += 1
        try:
            yield
        finally:
            self._saving -= 1

    def save_refusal(self) -> str | None:
        """Why this session must not save (open read-only), or None."""
        if self.holder is None:
            return None
        return self._holder_message("lock.refused-save")

    def saved(self) -> None:
        """A save succeeded: the copy is no longer needed if nothing is left unsaved."""
        self._seen_set = False
        if not self.app.session.dirty:
            self._cancel_recovery_timer()
            self._remove_copy(adopted=True)

    def save_failed(self, error: PlanFileError) -> str:
        """The message for a failed save; the recovery copy is written (or kept) first."""
        message_id, reason = save_failure(error)
        path = escape(error.file)
        message = t(message_id, None, path=path, reason=escape(reason))
        copy = self.recovery_copy
        self._cancel_recovery_timer()
        if self.write_recovery() or (copy is not None and copy.exists()):
            assert copy is not None
            note = t("save-failed.copy-kept", None, copy=escape(str(copy)))
        else:
            note = t("save-failed.copy-failed", None, reason=escape(self._recovery_error or ""))
        return f"{message} {note}"

    def discard(self) -> None:
        """The user quits without saving: the copy goes with the edits."""
        self._discarded = True
        self._cancel_recovery_timer()
        self._remove_copy(adopted=True)

    # -- read-only ---------------------------------------------------------

    def _holder_message(self, message_id: str) -> str:
        holder = self.holder
        assert holder is not None
        name = escape(self.app.file_label)
        return t(message_id, None, name=name, pid=holder.pid, host=escape(holder.host))

    def _refused(self) -> None:
        now = time.monotonic()
        if say_refusal(now, self._last_refusal):
            self._last_refusal = now
            self.app.notify(self._holder_message("lock.refused-edit"), severity="warning")
        # The widget shows what was typed: put the model's value back once typing settles.
        self.app.set_timer(0.05, self._show_model_again)

    def _show_model_again(self) -> None:
        main = self.app.main
        if main is not None:
            pane = main.current_pane()
            if pane is not None:
                pane.reload()

    def _refresh(self) -> None:
        self.app.status_signal.publish(None)

    # -- changes on disk ---------------------------------------------------

    def plan_replaced(self) -> None:
        """The app now edits a freshly read (or restored) plan."""
        self._seen_set = False
        if not self.app.session.dirty:
            self._remove_copy()

    def _on_suspend(self, _app: object) -> None:
        self._suspended = True

    def _on_resume(self, _app: object) -> None:
        self._suspended = False

    def poll(self) -> None:
        """Look at the plan file; act if it changed since it was read (cheap when it did not)."""
        app = self.app
        plan_file = app.opened_file
        if (
            plan_file is None
            or plan_file.path is None
            or not plan_file.exists
            or self._saving
            or self._asking
            or self._suspended
            # The timer can still fire while the app shuts down, with no screen left.
            or not app.screen_stack
            or app.screen is not app.main
        ):
            return
        stamp = DiskStamp.of(plan_file.path)
        change = disk_change(plan_file, stamp, self._seen, self._seen_set, app.session.dirty)
        if change == "nothing":
            return
        if change == "touched":
            plan_file.stamp = stamp  # touched, same text: nothing to do, no need to read again
            return
        self._seen, self._seen_set = stamp, True
        name = escape(app.file_label)
        if change == "gone":
            app.notify(t("disk.gone", None, name=name), severity="warning", timeout=15)
        elif change == "reload":
            if app.reload_from_disk():
                app.notify(t("disk.reloaded", None, name=name), timeout=6)
        else:
            app.run_worker(self._ask_disk_change(), group="plan-guard")

    async def _ask_disk_change(self) -> None:
        self._asking = True
        try:
            name = escape(self.app.file_label)
            choice = await self.app.push_screen_wait(
                ChoiceDialog(
                    t("disk.question", None, name=name),
                    [("reload", t("disk.reload")), ("keep", t("disk.keep"))],
                    default="keep",
                )
            )
        finally:
            self._asking = False
        if choice == "reload":
            self.app.reload_from_disk()

    # -- ending ------------------------------------------------------------

    def _install_signals(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for number in ENDING_SIGNALS:
                loop.add_signal_handler(number, self._on_signal, number)
                self._signals.append(number)
        except (RuntimeError, ValueError, NotImplementedError):
            return  # not the main thread, or no signals here: nothing to hook

    def _remove_signals(self) -> None:
        with contextlib.suppress(RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for number in self._signals:
                loop.remove_signal_handler(number)
        self._signals.clear()

    def _on_signal(self, number: int) -> None:
        """SIGHUP or SIGTERM: keep the edits in the recovery copy, let go of the lock, exit."""
        self.finish()
        code = 128 + number
        # After SIGHUP the terminal is gone and closing it may hang: end regardless.
        ender = threading.Timer(EXIT_GRACE, os._exit, (code,))
        ender.daemon = True
        ender.start()
        self.app.exit(code)

    def finish(self) -> None:
        """The session ends (quit, signal, crash): keep unsaved edits, release the lock."""
        if self._finished:
            return
        self._finished = True
        self._cancel_recovery_timer()
        if self._poll_timer is not None:
            self._poll_timer.stop()
        if self._started and not self.read_only and self.app.opened_file is not None:
            action = at_end(self.app.session.dirty, self._discarded)
            if action == "write":
                self.write_recovery()
            elif action == "remove":
                self._remove_copy()
        if self.lock is not None:
            self.lock.release()
        self._remove_signals()
