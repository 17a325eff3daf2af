"""Pictures of the recovery questions: a copy whose plan changed since, and the three-way view.

The copy is a lost session's on another host (its name and the question do not
depend on this machine), written at a fixed local time; the plan changed on disk
after it (its organization). 80x24 and 120x40, like the other pictures.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from smplan.i18n import set_language
from smplan.store.lock import Holder
from smplan.store.recovery import base_path, recovery_path
from smplan.tui.app import SmplanApp
from smplan.tui.screens.confirm import ChoiceDialog
from smplan.tui.screens.recovery_merge import RecoveryMerge
from tests.test_tui_snapshots import SIZES, steady
from tests.tui_flow import copy_sample, open_app, settle

KEPT_AT = time.mktime((2026, 9, 14, 18, 30, 0, 0, 0, -1))


def lost_copy_of_a_changed_plan(plan: Path) -> None:
    saved = plan.read_text(encoding="utf-8")
    copy = recovery_path(plan, Holder("rina-laptop", 4242))
    base_path(copy).write_text(saved, encoding="utf-8")
    mine = saved.replace('title = "Northwind', 'title = "Lost edit: Northwind', 1)
    assert mine != saved
    copy.write_text(mine, encoding="utf-8")
    os.utime(copy, (KEPT_AT, KEPT_AT))
    theirs = saved.replace(
        'organization = "Northwind Community Food Bank"', 'organization = "Northwind Trust"'
    )
    assert theirs != saved
    plan.write_text(theirs, encoding="utf-8")


async def _question(pilot: Pilot[Any]) -> None:
    await settle(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
    await pilot.pause(0.2)


async def _three_way(pilot: Pilot[Any]) -> None:
    await _question(pilot)
    await pilot.press("tab", "enter")
    await settle(pilot, lambda: isinstance(pilot.app.screen, RecoveryMerge))
    await pilot.pause(0.2)


VIEWS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "recovery-stale-question": _question,
    "recovery-three-way": _three_way,
}


@pytest.fixture
def recovering_app(tmp_path: Path) -> SmplanApp:
    set_language("en")
    plan = copy_sample(tmp_path)
    lost_copy_of_a_changed_plan(plan)
    return open_app(plan)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_snapshot(snap_compare: Any, recovering_app: SmplanApp, view: str, size: str) -> None:
    assert snap_compare(recovering_app, terminal_size=SIZES[size], run_before=steady(VIEWS[view]))
