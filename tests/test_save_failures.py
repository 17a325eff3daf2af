"""Saves that fail for real: a full disk, a read-only disk, a folder in the way, no permission.

Each leaves the plan file as it was, no temporary file behind, the edits in the
app (still unsaved), a message naming the file and what to do, and the recovery
copy kept or written where the folder allows it. The disks are real tmpfs
mounts (root only); run as root, the permission test drops root's right to
ignore file modes (setpriv) so that a read-only folder really refuses it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from smplan.store.recovery import recovery_path
from tests.conftest import ROOT
from tests.plan_fixtures import TITLE, copy_plan, title_in
from tests.tui_flow import add_to_title, notes, open_app, wait_for, wait_for_dialog


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def mount_tmpfs(folder: Path, options: str) -> None:
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        check=True,
        capture_output=True,
    )


def umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A real 96 KiB tmpfs; skipped (loudly) where this process may not mount."""
    folder = Path(tempfile.mkdtemp(prefix="smplan-disk-"))
    try:
        mount_tmpfs(folder, "size=96k")
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        folder.rmdir()
        pytest.skip(f"SKIPPED: cannot mount a tmpfs here (needs root): {error}")
    try:
        yield folder
    finally:
        umount(folder)
        folder.rmdir()


def fill(folder: Path) -> Path:
    """Fill the disk to the last byte: what a runaway log does."""
    filler = folder / "filler.bin"
    handle = filler.open("wb")
    try:
        while True:
            handle.write(b"\0" * 4096)
            handle.flush()
    except OSError:
        pass
    with contextlib.suppress(OSError):
        handle.close()
    return filler


async def test_disk_full_keeps_the_edits_and_the_recovery_copy(small_disk: Path) -> None:
    plan = copy_plan(small_disk)
    before = plan.read_bytes()
    copy = recovery_path(plan)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " kept")
        await wait_for(pilot, copy.exists)
        filler = fill(small_disk)
        await pilot.press(*" too")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Could not save" in notes(app))
        message = notes(app)
        assert f"Could not save {plan}: the disk is full" in message
        assert "Free some space, then press ctrl+s again" in message
        assert "recovery copy" in message
        assert app.session.dirty
        assert app.plan.plan.title == f"{TITLE} kept too"
        assert plan.read_bytes() == before
        assert temp_files(small_disk) == []
        assert title_in(copy).startswith(f"{TITLE} kept")

        filler.unlink()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
    assert title_in(plan) == f"{TITLE} kept too"
    assert not copy.exists()


async def test_read_only_disk(small_disk: Path) -> None:
    plan = copy_plan(small_disk)
    before = plan.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " mine")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Could not save" in notes(app))
        message = notes(app)
        assert f"Could not save {plan}: the disk or folder is read-only" in message
        # Nowhere to put a recovery copy either: the message says to keep the app open.
        assert "keep the app open until the plan is saved" in message
        assert app.session.dirty
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.session.dirty)
    assert plan.read_bytes() != before
    assert title_in(plan) == f"{TITLE} mine"


async def test_plan_replaced_by_a_folder(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " mine")
        plan.unlink()
        plan.mkdir()
        # The watch sees it first: keep mine, then save and overwrite when asked.
        await wait_for_dialog(pilot, app, "changed on disk while you were editing")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is app.main)
        await pilot.press("ctrl+s")
        await wait_for_dialog(pilot, app, "Overwrite it with your version")
        await pilot.click("#answer-overwrite")
        await wait_for(pilot, lambda: "Could not save" in notes(app))
        message = notes(app)
        assert f"Could not save {plan}: there is now a folder with that name" in message
        assert "Move or rename the folder" in message
        assert app.session.dirty
        assert plan.is_dir() and list(plan.iterdir()) == []
        assert temp_files(tmp_path) == []
        assert title_in(recovery_path(plan)) == f"{TITLE} mine"
        assert str(recovery_path(plan)) in message


PERMISSION_SCRIPT = """
import asyncio, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.tui_flow import add_to_title, notes, wait_for
from tests.tui_flow import open_app

async def main() -> None:
    plan = Path(sys.argv[1])
    app = open_app(plan, step=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_to_title(pilot, app, " mine")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Could not save" in notes(app))
        result = {"notes": notes(app), "dirty": app.session.dirty, "title": app.plan.plan.title}
    print(json.dumps(result))

asyncio.run(main())
"""


def test_permission_denied_names_the_file_and_keeps_the_edits(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    plan = copy_plan(folder)
    before = plan.read_bytes()
    command = [sys.executable, "-c", PERMISSION_SCRIPT, str(plan), str(ROOT)]
    if os.geteuid() == 0:
        # Root writes anywhere: drop the capability that lets it ignore file modes.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("SKIPPED: running as root without setpriv, modes cannot be enforced")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "no-config"),
    }
    os.chmod(folder, 0o555)
    os.chmod(plan, 0o444)
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=120, check=False
        )
    finally:
        os.chmod(folder, 0o755)
        os.chmod(plan, 0o644)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert f"Could not save {plan}: permission denied" in outcome["notes"]
    assert "ls -l" in outcome["notes"]
    assert "keep the app open until the plan is saved" in outcome["notes"]
    assert outcome["dirty"] is True
    assert outcome["title"] == f"{TITLE} mine"
    assert plan.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["plan.toml"]
