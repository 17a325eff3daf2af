"""What a failed save tells the user: the advice for the error, and where the edits are kept.

The advice is chosen by :func:`smplan.open_plan.save_failures.save_failure`;
the recovery copy is written (or found already written) first, so the message
can say where the unsaved edits are safe.
"""

from __future__ import annotations

from textual.markup import escape

from smplan.i18n import t
from smplan.open_plan.save_failures import save_failure
from smplan.store import PlanFileError
from smplan.tui.guard.recovery import RecoveryKeeper


def save_failed_message(error: PlanFileError, recovery: RecoveryKeeper) -> str:
    """The message for a failed save; the recovery copy is written (or kept) first."""
    message_id, reason = save_failure(error)
    path = escape(error.file)
    message = t(message_id, None, path=path, reason=escape(reason))
    copy = recovery.copy.path
    if recovery.write_now() or (copy is not None and copy.exists()):
        assert copy is not None
        note = t("save-failed.copy-kept", None, copy=escape(str(copy)))
    else:
        note = t("save-failed.copy-failed", None, reason=escape(recovery.error or ""))
    return f"{message} {note}"
