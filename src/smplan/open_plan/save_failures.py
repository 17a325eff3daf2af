"""What to tell the user when the plan could not be written: advice chosen by the errno."""

from __future__ import annotations

import errno

from smplan.store import PlanFileError

_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}


def save_failure(error: PlanFileError) -> tuple[str, str]:
    """The catalogue id of the advice for ``error`` and the system's reason in its words."""
    cause = error.__cause__
    code = cause.errno if isinstance(cause, OSError) else None
    reason = (cause.strerror if isinstance(cause, OSError) else None) or error.message
    if code in _NO_SPACE:
        return "save-failed.no-space", reason
    if code in _NO_PERMISSION:
        return "save-failed.permission", reason
    if code == errno.EROFS:
        return "save-failed.read-only", reason
    if code == errno.EISDIR:
        return "save-failed.is-folder", reason
    return "save-failed.other", reason
