"""The recovery copy: unsaved edits kept beside the plan until they are saved.

While a plan has unsaved changes the app writes the text the plan would be saved
as to a hidden file next to it (``.plan.toml.recovery``). If the session ends
without saving (the SSH connection drops, the process is killed, the app
crashes), the next open finds the copy and offers to restore it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from smplan.store.atomic import write_companion
from smplan.store.document import PlanDocument
from smplan.store.plan_file import PlanFile, banner
from smplan.store.reading import BOM


def recovery_path(path: Path) -> Path:
    """Where the recovery copy of the plan at ``path`` lives."""
    return path.parent / f".{path.name}.recovery"


def recovery_text(plan_file: PlanFile) -> str:
    """The text saving would write now, worked out without touching ``plan_file``.

    A fresh document is used so that this is safe to call at any moment, even
    while a save of the same plan is half prepared (a signal arrives mid-save).
    """
    changes = plan_file.changes()
    if not changes:
        return plan_file.text
    text = plan_file.text
    document = PlanDocument(text.removeprefix(BOM), banner(plan_file.plan.language))
    document.apply(changes)
    bom = BOM if text.startswith(BOM) else ""
    return bom + document.text


def write_recovery(path: Path, text: str) -> Path:
    """Write ``text`` as the recovery copy of ``path`` (atomically); raises ``OSError``."""
    target = recovery_path(path)
    write_companion(path, target, text.encode("utf-8"))
    return target


def remove_recovery(path: Path) -> bool:
    """Delete the recovery copy of ``path``; True when there was one."""
    try:
        recovery_path(path).unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Recovery:
    """A recovery copy worth offering: newer than the plan and not the same text."""

    path: Path
    copy: Path
    text: str
    #: What the plan file holds now ("" when it does not exist).
    saved: str

    def diff(self) -> list[str]:
        """The difference from the saved plan to the copy, as unified-diff lines."""
        return unified_diff(self.saved, self.text, self.path.name, self.copy.name)


def pending_recovery(path: Path) -> Recovery | None:
    """The recovery copy of ``path`` if it holds edits the plan does not, else None.

    A copy older than the plan (the plan was saved later, perhaps by another
    editor) or with the plan's exact text is not offered.
    """
    copy = recovery_path(path)
    try:
        copy_time = copy.stat().st_mtime_ns
        text = copy.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        plan_time: int | None = path.stat().st_mtime_ns
        saved = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        plan_time, saved = None, ""
    if plan_time is not None and copy_time <= plan_time:
        return None
    if text == saved:
        return None
    return Recovery(path, copy, text, saved)


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> list[str]:
    """Unified-diff lines (without trailing newlines) from ``old`` to ``new``."""
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), old_name, new_name, lineterm=""
    )
    return list(lines)


def restore(recovery: Recovery) -> PlanFile:
    """The plan with the copy's content as unsaved edits over the file on disk.

    The result holds the copy's text but the plan file's disk stamp, so saving it
    writes the copy's text over the plan (and a plan changed since still counts
    as a conflict).
    """
    return PlanFile.from_text(recovery.text, recovery.path, exists=recovery.path.exists())
