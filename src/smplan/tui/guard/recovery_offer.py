"""Offering the copies left by sessions that did not end cleanly, when a plan opens.

Each copy is offered in turn: restore it (or apply it, when the plan was
saved since), look at the difference first, keep it aside, or discard it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual.markup import escape

from smplan.i18n import t
from smplan.i18n.formats import format_date
from smplan.store import PlanFileError
from smplan.store.recovery import (
    Recovery,
    keep_aside,
    pending_recoveries,
    recovery_text,
    remove_copy,
    restore,
)
from smplan.tui.guard.recovery import RecoveryKeeper
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.recovery_diff import RecoveryDiff
from smplan.tui.screens.recovery_merge import RecoveryMerge

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp


class RecoveryOffer:
    """Asks about each lost session's copy of the plan at ``path``."""

    def __init__(self, app: SmplanApp, keeper: RecoveryKeeper) -> None:
        self.app = app
        self.keeper = keeper

    async def offer_all(self, path: Path) -> None:
        for recovery in pending_recoveries(path):
            if await self._offer(recovery):
                break  # its edits are in the app now; any other copy waits for next time

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
        self.keeper.adopt(recovery.copy)
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
        self.keeper.step_changed()
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
