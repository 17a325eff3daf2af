"""Saving is atomic, keeps the file's mode, refuses what it must, and never half-writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from smplan.store import PlanFile, PlanFileError, SaveConflict
from tests.plan_fixtures import copy_fixture


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path, "commented.toml")


def test_save_keeps_the_file_mode(plan_path: Path) -> None:
    os.chmod(plan_path, 0o640)
    plan_file = PlanFile.open(plan_path)
    plan_file.plan.plan.title = "Mode test"
    plan_file.save()
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o640
    assert "Mode test" in plan_path.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_fails_cleanly_and_keeps_everything(plan_path: Path) -> None:
    before = plan_path.read_bytes()
    plan_file = PlanFile.open(plan_path)
    plan_file.plan.plan.title = "Not saved"
    os.chmod(plan_path.parent, 0o500)
    try:
        with pytest.raises(PlanFileError) as raised:
            plan_file.save()
    finally:
        os.chmod(plan_path.parent, 0o700)
    assert "could not save" in raised.value.message
    assert plan_path.read_bytes() == before
    assert [p.name for p in plan_path.parent.iterdir()] == ["plan.toml"]
    assert plan_file.plan.plan.title == "Not saved"
    plan_file.save()
    assert "Not saved" in plan_path.read_text(encoding="utf-8")


def test_failure_while_writing_removes_the_temporary_file(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = plan_path.read_bytes()
    plan_file = PlanFile.open(plan_path)
    plan_file.plan.plan.title = "Disk full"

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PlanFileError) as raised:
        plan_file.save()
    monkeypatch.undo()
    assert "No space left on device" in raised.value.message
    assert plan_path.read_bytes() == before
    assert [p.name for p in plan_path.parent.iterdir()] == ["plan.toml"]
    # The edit is still there and saves once the disk has room again.
    plan_file.save()
    assert "Disk full" in plan_path.read_text(encoding="utf-8")


def test_newer_schema_refuses_to_save(plan_path: Path) -> None:
    text = plan_path.read_text(encoding="utf-8").replace("schema = 1", "schema = 7")
    plan_path.write_text(text, encoding="utf-8")
    plan_file = PlanFile.open(plan_path)
    assert plan_file.read_only_reason is not None
    assert "schema 7" in plan_file.read_only_reason
    plan_file.plan.plan.title = "Should not be written"
    with pytest.raises(PlanFileError):
        plan_file.save()
    assert plan_path.read_text(encoding="utf-8") == text


def test_external_change_is_not_overwritten_silently(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    plan_file.plan.plan.title = "Mine"
    theirs = plan_path.read_text(encoding="utf-8").replace("Northwind: community plan", "Theirs")
    plan_path.write_text(theirs, encoding="utf-8")
    with pytest.raises(SaveConflict):
        plan_file.save()
    assert plan_path.read_text(encoding="utf-8") == theirs
    plan_file.save(force=True)
    assert "Mine" in plan_path.read_text(encoding="utf-8")


def test_a_touched_but_unchanged_file_is_not_a_conflict(plan_path: Path) -> None:
    plan_file = PlanFile.open(plan_path)
    os.utime(plan_path, (1, 1))
    plan_file.plan.plan.title = "Fine"
    plan_file.save()
    assert "Fine" in plan_path.read_text(encoding="utf-8")


def test_values_of_the_wrong_type_load_as_findings_and_stay_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "types.toml"
    source = (
        'schema = 1\n[plan]\ntitle = "x"\n'
        '[[personas]]\nid = "a"\nfears = ["ok", 3, "fine"]\n'
        '[[goals]]\nid = "g"\ndeadline = "soon"   # oops\ntarget = 5\n'
        '[[calendar]]\nstatus = "someday"\ntitle = "keep"\n'
    )
    path.write_text(source, encoding="utf-8")
    plan_file = PlanFile.open(path)
    codes = {(f.code, f.key) for f in plan_file.load_findings}
    assert codes == {
        ("wrong-type", "personas[0].fears[1]"),
        ("bad-date", "goals[0].deadline"),
        ("bad-value", "calendar[0].status"),
    }
    assert plan_file.plan.personas[0].fears == ["ok", "fine"]
    assert plan_file.plan.goals[0].deadline is None
    assert plan_file.plan.calendar[0].title == "keep"
    # An unrelated edit leaves the bad values for the user to fix.
    plan_file.plan.goals[0].target = plan_file.plan.goals[0].target + 1  # type: ignore[operator]
    plan_file.save()
    text = path.read_text(encoding="utf-8")
    assert 'deadline = "soon"   # oops' in text
    assert 'status = "someday"' in text
    assert "target = 6" in text
    located = plan_file.locate(list(plan_file.load_findings))
    assert {f.key: f.line for f in located}["goals[0].deadline"] == 9
