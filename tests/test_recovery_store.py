"""The recovery copy and the lock file on disk: names, contents, when a copy is worth offering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from smplan.store import PlanFile
from smplan.store.lock import Holder, PlanLock, lock_path, read_holder, this_host
from smplan.store.recovery import (
    pending_recovery,
    recovery_path,
    recovery_text,
    remove_recovery,
    restore,
    write_recovery,
)
from tests.guard_helpers import TITLE, copy_plan


def test_file_names_sit_beside_the_plan_and_are_hidden(tmp_path: Path) -> None:
    plan = tmp_path / "kopi.toml"
    assert recovery_path(plan) == tmp_path / ".kopi.toml.recovery"
    assert lock_path(plan) == tmp_path / ".kopi.toml.lock"


def test_the_copy_is_what_saving_would_write(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    plan_file = PlanFile.open(plan)
    plan_file.plan.plan.title = "Edited"
    plan_file.plan.personas[0].name = "Renamed"
    text = recovery_text(plan_file)
    write_recovery(plan, text)
    plan_file.save()
    # Comments and layout included: byte for byte the saved file.
    assert recovery_path(plan).read_text(encoding="utf-8") == plan.read_text(encoding="utf-8")


def test_a_copy_is_offered_only_when_newer_and_different(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    saved = plan.read_text(encoding="utf-8")
    copy = recovery_path(plan)
    copy.write_text(saved.replace(TITLE, "Mine"), encoding="utf-8")
    mtime = plan.stat().st_mtime
    os.utime(copy, (mtime + 10, mtime + 10))
    found = pending_recovery(plan)
    assert found is not None
    assert any(line.startswith("+title") and "Mine" in line for line in found.diff())
    restored = restore(found)
    assert restored.plan.plan.title == "Mine"
    assert not restored.changed_on_disk()  # saving it over the plan is no conflict

    os.utime(copy, (mtime - 10, mtime - 10))
    assert pending_recovery(plan) is None  # the plan was saved after the copy
    copy.write_text(saved, encoding="utf-8")
    os.utime(copy, (mtime + 10, mtime + 10))
    assert pending_recovery(plan) is None  # nothing in it the plan lacks
    assert remove_recovery(plan)
    assert not copy.exists()
    assert pending_recovery(plan) is None


def test_the_lock_names_host_and_process_and_is_released(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    lock = PlanLock(plan)
    assert lock.acquire() is None
    assert read_holder(plan) == Holder(this_host(), os.getpid())
    assert f"pid = {os.getpid()}" in lock_path(plan).read_text(encoding="utf-8")
    lock.release()
    assert not lock_path(plan).exists()


def test_a_live_holder_is_reported_and_a_dead_one_replaced(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock_path(plan).write_text(Holder(this_host(), sleeper.pid).text(), encoding="utf-8")
        assert PlanLock(plan).acquire() == Holder(this_host(), sleeper.pid)
    finally:
        sleeper.kill()
        sleeper.wait()
    lock = PlanLock(plan)
    assert lock.acquire() is None  # the same process id, now gone: stale
    assert read_holder(plan) == Holder.me()
    lock.release()
