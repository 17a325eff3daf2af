"""The plan's lock while the app runs, and the question when another smplan holds it.

Taken when the plan opens (:mod:`smplan.store.lock` holds the file logic).
When another session holds it, the user chooses: look without changing
(read-only, the safe default), edit anyway, or quit. Read-only, every edit is
refused by the owner (:meth:`OpenPlan.lock_edits`) and this says why.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.markup import escape

from smplan.i18n import t
from smplan.open_plan.recovery_timing import say_refusal
from smplan.store.lock import Holder, PlanLock
from smplan.tui.follow import follow
from smplan.tui.screens.confirm import ChoiceDialog

if TYPE_CHECKING:
    from smplan.tui.app import SmplanApp


class LockKeeper:
    """Holds this session's lock on the plan, or knows who else does."""

    def __init__(self, app: SmplanApp) -> None:
        self.app = app
        self.lock: PlanLock | None = None
        #: The other smplan holding the plan, when this one opened it read-only.
        self.holder: Holder | None = None
        self._last_refusal = 0.0

    @property
    def read_only(self) -> bool:
        return self.holder is not None

    def start(self) -> None:
        """Say why edits are refused, once the plan is open read-only."""
        follow(self.app.refused_signal, self.app, self._refused)

    async def take(self, path: Path) -> bool:
        """Lock the plan at ``path``, asking when another smplan holds it; False when
        there is nothing more to do (the user chose read-only, or to quit)."""
        self.lock = PlanLock(path)
        holder = self.lock.acquire()
        return holder is None or await self._ask(holder)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()

    async def _ask(self, holder: Holder) -> bool:
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
        self.app.open_plan.lock_edits()
        self.app.status_signal.publish(None)
        self.app.notify(self._holder_message("lock.read-only-mode"), severity="warning", timeout=15)
        return False

    def save_refusal(self) -> str | None:
        """Why this session must not save (open read-only), or None."""
        if self.holder is None:
            return None
        return self._holder_message("lock.refused-save")

    def _holder_message(self, message_id: str) -> str:
        holder = self.holder
        assert holder is not None
        name = escape(self.app.file_label)
        return t(message_id, None, name=name, pid=holder.pid, host=escape(holder.host))

    def _refused(self, _news: None) -> None:
        now = time.monotonic()
        if say_refusal(now, self._last_refusal):
            self._last_refusal = now
            self.app.notify(self._holder_message("lock.refused-edit"), severity="warning")
        # The pane on screen puts the model's value back itself (it follows the same signal).
