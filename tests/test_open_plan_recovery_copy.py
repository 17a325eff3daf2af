"""The recovery copy and the tables rewrite as the plan's owner does them, without Textual."""

from __future__ import annotations

import tomllib
from pathlib import Path

from smplan.open_plan.expand_tables import (
    Expansion,
    expanded_plan,
    plan_expansion,
    write_expansion,
)
from smplan.open_plan.plan import OpenPlan
from smplan.open_plan.recovery_copy import RecoveryCopy
from smplan.store import PlanFile
from smplan.store.recovery import pending_recoveries, recovery_path
from tests.test_store_hand_styles import INLINE_GOALS
from tests.tui_flow import copy_sample


def opened(tmp_path: Path) -> tuple[OpenPlan, RecoveryCopy, Path]:
    path = copy_sample(tmp_path, "minimal.toml")
    owner = OpenPlan(PlanFile.open(path))
    owner.open(owner.plan_file)
    return owner, RecoveryCopy(owner), path


def retitle(owner: OpenPlan, title: str) -> None:
    owner.edit(owner.plan.plan, "title", title, step=0, path=("plan", "title"))


def test_the_copy_is_written_only_with_unsaved_edits(tmp_path: Path) -> None:
    owner, copy, path = opened(tmp_path)
    assert copy.path == recovery_path(path)
    assert not copy.write() and not recovery_path(path).exists()
    retitle(owner, "Kept in the copy")
    assert copy.write() and copy.error is None
    assert 'title = "Kept in the copy"' in recovery_path(path).read_text(encoding="utf-8")
    assert 'title = "Kept in the copy"' not in path.read_text(encoding="utf-8")


def test_a_write_started_before_a_removal_is_dropped(tmp_path: Path) -> None:
    owner, copy, path = opened(tmp_path)
    retitle(owner, "Typed")
    started = copy.generation
    copy.remove()  # a save happened while the worker was working out the text
    assert not copy.write(started)
    assert not recovery_path(path).exists()
    assert copy.write(copy.generation) and recovery_path(path).exists()


def test_adopted_copies_go_only_with_adopted(tmp_path: Path) -> None:
    owner, copy, path = opened(tmp_path)
    lost = tmp_path / ".lost.recovery"
    lost.write_text("left by a lost session", encoding="utf-8")
    copy.adopt(lost)
    retitle(owner, "Typed")
    copy.write()
    copy.remove()
    assert not recovery_path(path).exists() and lost.exists()
    copy.remove(adopted=True)
    assert not lost.exists()


def test_a_copy_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    owner, copy, path = opened(tmp_path)
    retitle(owner, "Typed")
    recovery_path(path).mkdir()  # a folder where the copy goes
    assert not copy.write()
    assert copy.error
    assert pending_recoveries(path) == []


def test_tables_are_rewritten_only_in_a_saved_unchanged_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(INLINE_GOALS, encoding="utf-8")
    plan_file = PlanFile.open(path)
    assert plan_expansion(plan_file, dirty=True) == "save-first"
    assert plan_expansion(PlanFile.from_text(INLINE_GOALS, None), dirty=False) == "save-first"
    path.write_text(INLINE_GOALS + "\n# changed elsewhere\n", encoding="utf-8")
    assert plan_expansion(plan_file, dirty=False) == "changed-on-disk"
    path.write_text(INLINE_GOALS, encoding="utf-8")
    expansion = plan_expansion(PlanFile.open(path), dirty=False)
    assert isinstance(expansion, Expansion) and expansion.converted
    write_expansion(expansion)
    on_disk = path.read_text(encoding="utf-8")
    assert on_disk == expansion.text and on_disk != INLINE_GOALS
    assert tomllib.loads(on_disk) == tomllib.loads(INLINE_GOALS)
    assert expanded_plan(expansion).text == on_disk
    assert plan_expansion(PlanFile.open(path), dirty=False) == "nothing"
