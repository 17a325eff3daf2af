"""Watching the plan file for changes made elsewhere (an editor, git, a sync tool).

The file is looked at every :data:`POLL_SECONDS`; what to do about a change
is :func:`smplan.open_plan.disk_watch.disk_change`'s decision: reload when
nothing is unsaved, else ask whether to reload or keep this session's version.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.markup import escape
from textual.timer import Timer

from smplan.i18n import t
from smplan.open_plan.disk_watch import disk_change
from smplan.store.plan_file import DiskStamp
from smplan.tui.screens.confirm import ChoiceDialog

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp

#: Seconds between two looks at the plan file for changes made elsewhere.
POLL_SECONDS = 1.5


class DiskWatch:
    """Polls the plan file while the main screen is shown and nothing else is going on."""

    def __init__(self, app: SmplanApp) -> None:
        self.app = app
        self._timer: Timer | None = None
        self._saving = 0
        self._asking = False
        self._suspended = False
        #: A disk state the user has already been told about (kept their version).
        self._seen: DiskStamp | None = None
        self._seen_set = False

    @property
    def asking(self) -> bool:
        """True while a question about the plan (lock, recovery, change on disk) is open."""
        return self._asking

    def start(self) -> None:
        app = self.app
        app.app_suspend_signal.subscribe(app, self._on_suspend)
        app.app_resume_signal.subscribe(app, self._on_resume)
        self._timer = app.set_interval(POLL_SECONDS, self.poll)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    @contextlib.contextmanager
    def question(self) -> Iterator[None]:
        """Around a question about the plan: the file is not looked at meanwhile (its
        answer decides what a change means) and a save waits for the answer."""
        self._asking = True
        try:
            yield
        finally:
            self._asking = False

    @contextlib.contextmanager
    def saving(self) -> Iterator[None]:
        """Around a save: our own write must not be mistaken for another's."""
        self._saving += 1
        try:
            yield
        finally:
            self._saving -= 1

    def forget_seen(self) -> None:
        """The plan was saved or read again: a change the user kept their version over
        no longer counts as answered."""
        self._seen_set = False

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
        change = disk_change(plan_file, stamp, self._seen, self._seen_set, app.open_plan.dirty)
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
            app.run_worker(self._ask(), group="plan-guard")

    async def _ask(self) -> None:
        with self.question():
            name = escape(self.app.file_label)
            choice = await self.app.push_screen_wait(
                ChoiceDialog(
                    t("disk.question", None, name=name),
                    [("reload", t("disk.reload")), ("keep", t("disk.keep"))],
                    default="keep",
                )
            )
        if choice == "reload":
            self.app.reload_from_disk()
