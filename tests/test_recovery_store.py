"""Recovery copies and the lock on disk: names, owners, when a copy is offered, what it holds.

No screen here: which copies exist, whose they are, whether one is stale against
the plan, and what restoring or keeping one aside does, as the store decides it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from smplan.store import PlanFile
from smplan.store.lock import Holder, PlanLock, lock_path, read_holder, this_host
from smplan.store.recovery import (
    base_path,
    copies_of,
    keep_aside,
    legacy_path,
    pending_recoveries,
    recovery_path,
    recovery_text,
    remove_recovery,
    restore,
    session_alive,
    write_recovery,
)
from tests.plan_fixtures import TITLE, copy_plan, title_in
from tests.terminal import dead_pid


def lost_copy(plan: Path, title: str, pid: int | None = None, base: str | None = None) -> Path:
    """A copy as a session that was cut off leaves it: the plan with another title."""
    holder = Holder(this_host(), pid if pid is not None else dead_pid())
    copy = recovery_path(plan, holder)
    saved = plan.read_text(encoding="utf-8")
    base_path(copy).write_text(saved if base is None else base, encoding="utf-8")
    copy.write_text(saved.replace(TITLE, title), encoding="utf-8")
    return copy


def test_file_names_sit_beside_the_plan_and_are_hidden(tmp_path: Path) -> None:
    plan = tmp_path / "kopi.toml"
    host = this_host()
    assert recovery_path(plan) == tmp_path / f".kopi.toml.{host}.{os.getpid()}.recovery"
    assert recovery_path(plan, Holder("a/b c", 7)) == tmp_path / ".kopi.toml.a_b_c.7.recovery"
    assert (
        base_path(recovery_path(plan, Holder("x", 7))) == tmp_path / ".kopi.toml.x.7.recovery-base"
    )
    assert legacy_path(plan) == tmp_path / ".kopi.toml.recovery"
    assert lock_path(plan) == tmp_path / ".kopi.toml.lock"


def test_the_copy_is_what_saving_would_write_and_its_base_what_was_read(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    plan_file = PlanFile.open(plan)
    plan_file.plan.plan.title = "Edited"
    plan_file.plan.personas[0].name = "Renamed"
    text = recovery_text(plan_file)
    copy = write_recovery(plan, text, plan_file.text)
    assert base_path(copy).read_text(encoding="utf-8") == plan.read_text(encoding="utf-8")
    plan_file.save()
    # Comments and layout included: byte for byte the saved file.
    assert copy.read_text(encoding="utf-8") == plan.read_text(encoding="utf-8")
    assert remove_recovery(plan)
    assert not copy.exists() and not base_path(copy).exists()


def test_each_session_has_its_own_copy_and_removes_only_its_own(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    theirs = lost_copy(plan, "Theirs", pid=dead_pid())
    mine = write_recovery(plan, plan.read_text(encoding="utf-8").replace(TITLE, "Mine"))
    assert {c for c, _h in copies_of(plan)} == {theirs, mine}
    assert title_in(theirs) == "Theirs" and title_in(mine) == "Mine"
    remove_recovery(plan)
    assert theirs.exists() and not mine.exists()


def test_copies_of_running_sessions_are_not_offered(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.1)
        running = lost_copy(plan, "Still typing", pid=sleeper.pid)
        assert pending_recoveries(plan) == []
        # A copy written before its process number's current owner started is not
        # that process's: the session that wrote it is gone.
        os.utime(running, (time.time() - 3600, time.time() - 3600))
        assert [r.copy for r in pending_recoveries(plan)] == [running]
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_copy_of_another_host_counts_as_running_while_its_lock_is_held(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    holder = Holder("laptop-of-rina", 4242)
    copy = recovery_path(plan, holder)
    copy.write_text(plan.read_text(encoding="utf-8").replace(TITLE, "Rina's"), encoding="utf-8")
    lock_path(plan).write_text(holder.text(), encoding="utf-8")
    assert session_alive(plan, holder, time.time())
    assert pending_recoveries(plan) == []
    lock_path(plan).unlink()
    assert [r.copy for r in pending_recoveries(plan)] == [copy]


def test_fresh_and_stale_copies(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    copy = lost_copy(plan, "Mine")
    (fresh,) = pending_recoveries(plan)
    assert not fresh.stale
    assert any(line.startswith("+title") and "Mine" in line for line in fresh.diff())
    # The plan changes on disk (git pull) after the copy was made: older than the
    # plan, and still offered.
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('organization = "Northwind"', 'organization = "NW"'))
    os.utime(copy, (time.time() - 60, time.time() - 60))
    (stale,) = pending_recoveries(plan)
    assert stale.stale
    assert any("+title" in line and "Mine" in line for line in stale.your_edits())
    assert any("+organization" in line and "NW" in line for line in stale.their_changes())
    merged = restore(stale)
    assert merged.conflicts == []
    assert merged.plan_file.plan.plan.title == "Mine"
    assert merged.plan_file.plan.plan.organization == "NW"
    # Saving the merge changes the title line of the plan on disk and nothing else.
    merged.plan_file.save()
    after = plan.read_text(encoding="utf-8")
    assert after == text.replace('organization = "Northwind"', 'organization = "NW"').replace(
        f"title = '{TITLE}'", "title = 'Mine'"
    )


def test_copies_with_nothing_to_offer_are_removed(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    same = lost_copy(plan, TITLE)  # the plan's own text
    assert pending_recoveries(plan) == []
    assert not same.exists() and not base_path(same).exists()


def test_an_old_single_copy_is_still_offered(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    legacy = legacy_path(plan)
    legacy.write_text(plan.read_text(encoding="utf-8").replace(TITLE, "Old app"))
    (found,) = pending_recoveries(plan)
    assert found.copy == legacy and found.holder is None and not found.stale
    assert restore(found).plan_file.plan.plan.title == "Old app"


def test_keep_aside_writes_a_plan_beside_and_removes_the_copy(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    os.chmod(plan, 0o600)
    copy = lost_copy(plan, "Aside")
    (found,) = pending_recoveries(plan)
    moment = time.mktime((2027, 3, 1, 14, 2, 0, 0, 0, -1))
    first = keep_aside(found, moment)
    assert first.name == "plan.recovered-20270301-1402.toml"
    assert title_in(first) == "Aside" and os.stat(first).st_mode & 0o777 == 0o600
    assert not copy.exists() and not base_path(copy).exists()
    lost_copy(plan, "Aside again")
    (again,) = pending_recoveries(plan)
    assert keep_aside(again, moment).name == "plan.recovered-20270301-1402-2.toml"


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
