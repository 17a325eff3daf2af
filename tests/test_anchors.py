"""Findings made while reading a plan stay with the item they are about as items move."""

from __future__ import annotations

from smplan.editing import EditSession
from smplan.editing.anchors import anchor, located
from smplan.model import Goal
from smplan.store import PlanFile

TEXT = """\
schema = 1

[[goals]]
id = "first"

[[goals]]
id = "second"
target = "lots"
"""


def test_a_finding_follows_its_item_and_goes_with_it() -> None:
    plan_file = PlanFile.from_text(TEXT)
    plan = plan_file.plan
    [finding] = [f for f in plan_file.load_findings if f.path[:1] == ("goals",)]
    assert finding.path == ("goals", 1, "target")
    anchored = anchor(plan, plan_file.load_findings)
    session = EditSession()
    session.insert(plan, "goals", 0, Goal(id="new"))
    assert [f.path for f in located(plan, anchored, set()) if f.code == finding.code] == [
        ("goals", 2, "target")
    ]
    session.move(plan, "goals", 2, 0)
    assert ("goals", 0, "target") in [f.path for f in located(plan, anchored, set())]
    session.delete(plan, "goals", 0)
    assert finding.code not in [f.code for f in located(plan, anchored, set())]


def test_a_finding_about_a_value_edited_since_is_gone() -> None:
    plan_file = PlanFile.from_text(TEXT)
    plan = plan_file.plan
    anchored = anchor(plan, plan_file.load_findings)
    second = plan.goals[1]
    assert any(f.path == ("goals", 1, "target") for f in located(plan, anchored, set()))
    edited = {(id(second), "target")}
    assert not any(f.path == ("goals", 1, "target") for f in located(plan, anchored, edited))
