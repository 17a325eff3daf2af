"""When the recovery copy is written or removed, and when a refused edit is said again.

The decisions only: :mod:`smplan.tui.guard.recovery` runs the timers, the worker
that writes the copy and the messages (the files are
:mod:`smplan.open_plan.recovery_copy`'s, through :mod:`smplan.store.recovery`).
"""

from __future__ import annotations

from typing import Literal

#: Seconds after an edit before the recovery copy is written (typing more does not delay it).
RECOVERY_DELAY = 2.0
#: The same refusal message is not repeated more often than this (seconds).
REFUSAL_QUIET = 3.0

#: remove: nothing unsaved any more; start: the timer for a copy; wait: one is already pending.
AfterEdit = Literal["remove", "start", "wait"]
#: write: keep the unsaved edits; remove: nothing unsaved; keep: leave the files as they are.
AtEnd = Literal["write", "remove", "keep"]


def after_edit(dirty: bool, copy_pending: bool) -> AfterEdit:
    """An edit was made, undone or redone: what happens to the copy."""
    if not dirty:
        return "remove"
    # Not restarted by later edits: while typing goes on, a copy every few seconds.
    return "wait" if copy_pending else "start"


def at_end(dirty: bool, discarded: bool) -> AtEnd:
    """The session ends (quit, signal, crash): the copy keeps what would be lost."""
    if not dirty:
        return "remove"
    return "keep" if discarded else "write"


def say_refusal(now: float, last_said: float) -> bool:
    """Whether to say again why an edit was refused (typing in a read-only plan)."""
    return now - last_said > REFUSAL_QUIET
