"""Saving keeps the plan's identity, and what is written beside it is as private as the plan.

Real links, real owners and groups (``chown`` to ``nobody`` and the ``users``
group: these run as root, as ``sudo smplan`` does), real extended attributes and
POSIX ACLs, and real users without root: the app runs in a subprocess dropped to
``nobody`` with ``setpriv``.
"""

from __future__ import annotations

import grp
import json
import os
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from smplan.files.atomic import write_atomic, write_companion
from smplan.store import PlanFile
from tests.conftest import ROOT
from tests.plan_fixtures import TITLE, copy_plan, title_in
from tests.tui_flow import add_to_title, notes, open_app, wait_for

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="SKIPPED: chown needs root")
NOBODY = 65534


def users_gid() -> int:
    try:
        return grp.getgrnam("users").gr_gid
    except KeyError:
        pytest.skip("SKIPPED: no 'users' group on this machine")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- links -------------------------------------------------------------------


def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = copy_plan(shared, "real.toml")
    os.chmod(real, 0o640)
    link = tmp_path / "plan.toml"
    link.symlink_to(Path("shared") / "real.toml")
    plan_file = PlanFile.open(link)
    plan_file.plan.plan.title = "Through the link"
    written = plan_file.save()
    assert link.is_symlink() and os.readlink(link) == "shared/real.toml"
    assert written.path == real.resolve()
    assert title_in(real) == "Through the link"
    assert mode_of(real) == 0o640
    assert temp_files(tmp_path) == [] and temp_files(shared) == []
    # The next save is no conflict: the plan on disk is the one just written.
    plan_file.plan.plan.title = "Again"
    plan_file.save()
    assert title_in(real) == "Again" and link.is_symlink()


async def test_a_plan_replaced_by_a_link_while_open_is_saved_through_it(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await add_to_title(pilot, app, " linked")
        # Someone moves the plan into a shared folder and leaves a link behind.
        plan.rename(shared / "real.toml")
        plan.symlink_to(shared / "real.toml")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        assert "Saved plan.toml" in notes(app)
    assert plan.is_symlink()
    assert title_in(shared / "real.toml") == f"{TITLE} linked"


# -- owner, group, mode, attributes -----------------------------------------------


@as_root
def test_a_save_by_root_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    users = users_gid()
    plan = copy_plan(tmp_path)
    os.chown(plan, NOBODY, users)
    os.chmod(plan, 0o640)
    plan_file = PlanFile.open(plan)
    plan_file.plan.plan.title = "Saved by root"
    written = plan_file.save()
    info = plan.stat()
    assert (info.st_uid, info.st_gid, mode_of(plan)) == (NOBODY, users, 0o640)
    assert not written.lost_owner and not written.lost_group


def acl_with_nobody() -> bytes:
    """A POSIX ACL (the kernel's xattr form) granting ``nobody`` read and write."""
    undefined = 0xFFFFFFFF
    entries = [(0x01, 6, undefined), (0x02, 6, NOBODY), (0x04, 4, undefined)]
    entries += [(0x10, 6, undefined), (0x20, 0, undefined)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


def test_extended_attributes_and_acls_are_kept(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    try:
        os.setxattr(plan, "user.origin", b"shared drive")
        os.setxattr(plan, "system.posix_acl_access", acl_with_nobody())
    except OSError as error:
        pytest.skip(f"SKIPPED: this file system keeps no xattrs or ACLs: {error}")
    before = {name: os.getxattr(plan, name) for name in os.listxattr(plan)}
    mode = mode_of(plan)
    plan_file = PlanFile.open(plan)
    plan_file.plan.plan.title = "With attributes"
    written = plan_file.save()
    assert written.lost_attributes == ()
    assert {name: os.getxattr(plan, name) for name in os.listxattr(plan)} == before
    assert mode_of(plan) == mode
    assert title_in(plan) == "With attributes"


SAVE_AS_USER = """
import asyncio, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.tui_flow import add_to_title, notes, open_app, wait_for

async def main() -> None:
    plan = Path(sys.argv[1])
    app = open_app(plan, step=None)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await add_to_title(pilot, app, " mine")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        await wait_for(pilot, lambda: "is saved, but" in notes(app))
        print(json.dumps({"notes": notes(app)}))

asyncio.run(main())
"""


def run_as_nobody(plan: Path, *groups: int) -> dict[str, str]:
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("SKIPPED: setpriv is not installed")
    drop = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}"]
    drop += [f"--groups={','.join(map(str, groups))}"] if groups else ["--clear-groups"]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": str(plan.parent),
        "XDG_CONFIG_HOME": str(plan.parent / "config"),
    }
    command = [*drop, sys.executable, "-c", SAVE_AS_USER, str(plan), str(ROOT)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome: dict[str, str] = json.loads(result.stdout.strip().splitlines()[-1])
    return outcome


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder everyone may write, as a team's shared folder is.

    Not under pytest's own temporary folder: pytest keeps that private (0700) and
    sets it back whenever a worker starts, so another user could not reach it.
    """
    folder = Path(tempfile.mkdtemp(prefix="smplan-team-"))
    os.chmod(folder, 0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@as_root
def test_a_user_who_cannot_keep_owner_or_group_is_told_and_the_group_gains_nothing(
    shared_folder: Path,
) -> None:
    plan = copy_plan(shared_folder)
    os.chmod(plan, 0o666)
    outcome = run_as_nobody(plan)
    info = plan.stat()
    assert (info.st_uid, info.st_gid) == (NOBODY, NOBODY)
    # Root's group could read the plan; nobody's group was never meant to: no group bits.
    assert mode_of(plan) == 0o606
    assert title_in(plan) == f"{TITLE} mine"
    assert "it now belongs to nobody instead of root" in outcome["notes"]
    assert f"chown root {plan}" in outcome["notes"]
    assert "its group is now" in outcome["notes"] and "instead of root" in outcome["notes"]


@as_root
def test_a_team_member_keeps_the_group_and_is_told_about_the_owner(shared_folder: Path) -> None:
    users = users_gid()
    plan = copy_plan(shared_folder)
    os.chown(plan, 0, users)
    os.chmod(plan, 0o664)
    outcome = run_as_nobody(plan, users)
    info = plan.stat()
    assert (info.st_uid, info.st_gid, mode_of(plan)) == (NOBODY, users, 0o664)
    assert "it now belongs to nobody instead of root" in outcome["notes"]
    assert "its group is now" not in outcome["notes"]


# -- companions ------------------------------------------------------------------


PRIVATE_PLAN = """
import asyncio, json, os, stat, sys
from pathlib import Path
os.umask(0o022)  # the usual umask, set where a program sets it: at start-up
sys.path.insert(0, sys.argv[2])
from smplan.store.lock import lock_path
from tests.tui_flow import add_to_title, open_app, wait_for

def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))

async def main() -> None:
    plan = Path(sys.argv[1])
    app = open_app(plan, step=None)
    modes = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " private")
        copies = lambda: [p for p in plan.parent.iterdir() if p.name.endswith(".recovery")]
        await wait_for(pilot, lambda: bool(copies()), timeout=15)
        modes["recovery"] = mode(copies()[0])
        modes["lock"] = mode(lock_path(plan))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
        await wait_for(pilot, lambda: plan.with_suffix(".md").exists())
        modes["export"] = mode(plan.with_suffix(".md"))
        modes["plan"] = mode(plan)
    print(json.dumps(modes))

asyncio.run(main())
"""


def test_companions_of_a_private_plan_are_private_under_the_usual_umask(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("markdown = false", "markdown = true"), encoding="utf-8")
    os.chmod(plan, 0o600)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-c", PRIVATE_PLAN, str(plan), str(ROOT)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    modes = json.loads(result.stdout.strip().splitlines()[-1])
    assert modes == {"recovery": "0o600", "lock": "0o644", "export": "0o600", "plan": "0o600"}


@as_root
def test_companions_get_the_plans_owner_and_group(tmp_path: Path) -> None:
    users = users_gid()
    plan = copy_plan(tmp_path)
    os.chown(plan, NOBODY, users)
    os.chmod(plan, 0o750)  # an executable bit is not passed on
    beside = tmp_path / "plan.md"
    write_companion(plan, beside, b"# Plan\n")
    info = beside.stat()
    assert (info.st_uid, info.st_gid, mode_of(beside)) == (NOBODY, users, 0o640)
    # Written elsewhere (an export sent to another folder), the file stays the writer's,
    # and the writer's group gets no access the plan's group had.
    elsewhere = tmp_path / "out"
    elsewhere.mkdir()
    write_companion(plan, elsewhere / "plan.md", b"# Plan\n")
    info = (elsewhere / "plan.md").stat()
    assert (info.st_uid, info.st_gid, mode_of(elsewhere / "plan.md")) == (0, 0, 0o600)


def test_a_companion_is_created_owner_only_and_never_wider(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    os.chmod(plan, 0o640)
    created: list[int] = []
    real_open = os.open

    def watching_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if flags & os.O_CREAT and str(path).endswith(".tmp"):
            created.append(mode)
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", watching_open)
    target = tmp_path / "plan.md"
    target.write_text("old, world-readable\n")
    os.chmod(target, 0o644)
    write_companion(plan, target, b"new\n")
    write_atomic(plan, plan.read_bytes())
    assert created == [0o600, 0o600]
    assert mode_of(target) == 0o640 and mode_of(plan) == 0o640


def process_umask() -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        return None
    return None


def test_saves_in_threads_never_touch_the_process_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real_umask = os.umask

    def recording_umask(mask: int) -> int:
        calls.append(mask)
        return real_umask(mask)

    monkeypatch.setattr(os, "umask", recording_umask)
    before = process_umask()
    seen: set[int | None] = set()
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            seen.add(process_umask())

    plans = [copy_plan(tmp_path, f"plan{n}.toml") for n in range(4)]
    new_files = [tmp_path / f"new{n}.toml" for n in range(4)]

    def save(n: int) -> None:
        for round_ in range(25):
            write_atomic(plans[n], f"# round {round_}\n".encode())
            write_atomic(new_files[n], b"x = 1\n")
            write_companion(plans[n], tmp_path / f"plan{n}.md", b"# export\n")

    watcher = threading.Thread(target=watch)
    watcher.start()
    workers = [threading.Thread(target=save, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    stop.set()
    watcher.join()
    assert calls == []
    assert seen == {before}
