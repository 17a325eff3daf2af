"""The open plan's decisions without Textual: advice for a failed save, what a change on disk
calls for, when the recovery copy is written or removed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from smplan.open_plan.disk_watch import disk_change
from smplan.open_plan.recovery_timing import REFUSAL_QUIET, after_edit, at_end, say_refusal
from smplan.open_plan.save_failures import save_failure
from smplan.store import PlanFile, PlanFileError
from smplan.store.plan_file import DiskStamp
from tests.tui_flow import copy_sample


def failed(code: int) -> PlanFileError:
    error = PlanFileError("/plans/plan.toml", "write-failed", "could not write")
    error.__cause__ = OSError(code, os.strerror(code))
    return error


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (errno.ENOSPC, "save-failed.no-space"),
        (errno.EDQUOT, "save-failed.no-space"),
        (errno.EACCES, "save-failed.permission"),
        (errno.EPERM, "save-failed.permission"),
        (errno.EROFS, "save-failed.read-only"),
        (errno.EISDIR, "save-failed.is-folder"),
        (errno.EIO, "save-failed.other"),
    ],
)
def test_the_advice_follows_the_errno(code: int, advice: str) -> None:
    assert save_failure(failed(code)) == (advice, os.strerror(code))


def test_a_failure_without_a_system_error_gives_its_own_message() -> None:
    error = PlanFileError("/plans/plan.toml", "write-failed", "could not write")
    assert save_failure(error) == ("save-failed.other", "could not write")


def test_what_a_change_on_disk_calls_for(tmp_path: Path) -> None:
    path = copy_sample(tmp_path, "minimal.toml")
    plan_file = PlanFile.open(path)
    same = DiskStamp.of(path)
    assert disk_change(plan_file, same, None, False, dirty=False) == "nothing"
    os.utime(path, ns=(1, 1))  # touched: same text
    touched = DiskStamp.of(path)
    assert disk_change(plan_file, touched, None, False, dirty=True) == "touched"
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    changed = DiskStamp.of(path)
    assert disk_change(plan_file, changed, None, False, dirty=False) == "reload"
    assert disk_change(plan_file, changed, None, False, dirty=True) == "ask"
    assert disk_change(plan_file, changed, changed, True, dirty=True) == "nothing"  # answered
    path.unlink()
    assert disk_change(plan_file, None, None, False, dirty=True) == "gone"


def test_the_recovery_copy_follows_what_is_unsaved() -> None:
    # Back to what is saved (an undo, an edit typed back): no copy is needed.
    assert after_edit(dirty=False, copy_pending=True) == "remove"
    assert after_edit(dirty=False, copy_pending=False) == "remove"
    # The first unsaved edit starts the timer; more typing does not push it back.
    assert after_edit(dirty=True, copy_pending=False) == "start"
    assert after_edit(dirty=True, copy_pending=True) == "wait"


def test_at_the_end_the_copy_keeps_only_what_would_be_lost() -> None:
    assert at_end(dirty=True, discarded=False) == "write"
    assert at_end(dirty=True, discarded=True) == "keep"  # quit without saving: already removed
    assert at_end(dirty=False, discarded=False) == "remove"


def test_a_refusal_is_said_again_only_after_a_quiet_while() -> None:
    assert say_refusal(100.0, 0.0)
    assert not say_refusal(100.0, 100.0 - REFUSAL_QUIET / 2)
    assert say_refusal(100.0, 100.0 - REFUSAL_QUIET - 0.1)
