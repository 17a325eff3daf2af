"""Three-way merge: your unsaved edits applied onto a plan that changed on disk since."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from decimal import Decimal

from smplan.model import CalendarItem, Goal, Plan
from smplan.store import PlanFile
from smplan.store.merge import merge
from smplan.store.recovery import recovery_text
from tests.plan_fixtures import fixture_text

BASE = fixture_text("commented.toml")


def edited(edit: Callable[[Plan], None], text: str = BASE) -> str:
    """``text`` as saved after ``edit``: how a session's copy or another save looks."""
    plan_file = PlanFile.from_text(text)
    edit(plan_file.plan)
    return recovery_text(plan_file)


def merged(mine: Callable[[Plan], None], theirs: Callable[[Plan], None]):  # type: ignore[no-untyped-def]
    base = PlanFile.from_text(BASE)
    result = merge(base, PlanFile.from_text(edited(mine)), PlanFile.from_text(edited(theirs)))
    return result


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_values_changed_on_one_side_each_are_both_kept() -> None:
    def mine(plan: Plan) -> None:
        plan.plan.title = "Mine"

    def theirs(plan: Plan) -> None:
        plan.plan.organization = "Theirs"

    result = merged(mine, theirs)
    assert result.conflicts == []
    info = result.plan_file.plan.plan
    assert (info.title, info.organization) == ("Mine", "Theirs")
    # Saving changes only the title line of their text.
    their_text = result.plan_file.text
    assert changed_lines(their_text, recovery_text(result.plan_file)) == [
        "-title = 'Northwind: community plan'   # literal string on purpose",
        "+title = 'Mine'   # literal string on purpose",
    ]


def test_a_value_both_changed_takes_yours_and_is_reported() -> None:
    def mine(plan: Plan) -> None:
        plan.goals[0].target = Decimal(5000)

    def theirs(plan: Plan) -> None:
        plan.goals[0].target = Decimal(4500)

    result = merged(mine, theirs)
    assert result.plan_file.plan.goals[0].target == 5000
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.kind, conflict.theirs) == (
        "goals[0].target",
        "both-changed",
        4500,
    )


def test_items_added_on_both_sides_are_all_there_in_order() -> None:
    def mine(plan: Plan) -> None:
        plan.goals.insert(1, Goal(id="mine", statement="Mine"))

    def theirs(plan: Plan) -> None:
        plan.goals.append(Goal(id="theirs", statement="Theirs"))

    result = merged(mine, theirs)
    assert [g.id for g in result.plan_file.plan.goals] == [
        "ig-followers",
        "mine",
        "li-posts",
        "theirs",
    ]
    assert result.conflicts == []


def test_deleting_and_moving_items() -> None:
    def mine(plan: Plan) -> None:
        plan.goals.reverse()
        del plan.personas[0]

    def theirs(plan: Plan) -> None:
        plan.goals[0].statement = "Changed by them"

    result = merged(mine, theirs)
    goals = result.plan_file.plan.goals
    assert [g.id for g in goals] == ["li-posts", "ig-followers"]
    assert goals[1].statement == "Changed by them"  # their change follows the moved item
    assert result.plan_file.plan.personas == []


def test_deleting_an_item_they_changed_keeps_it() -> None:
    def mine(plan: Plan) -> None:
        del plan.goals[0]

    def theirs(plan: Plan) -> None:
        plan.goals[0].statement = "Still wanted"

    result = merged(mine, theirs)
    assert [g.id for g in result.plan_file.plan.goals] == ["ig-followers", "li-posts"]
    assert [c.kind for c in result.conflicts] == ["you-deleted-they-changed"]


def test_changing_an_item_they_deleted_brings_it_back() -> None:
    def mine(plan: Plan) -> None:
        plan.goals[1].statement = "Worth keeping"

    def theirs(plan: Plan) -> None:
        del plan.goals[1]

    result = merged(mine, theirs)
    goals = result.plan_file.plan.goals
    assert [g.id for g in goals] == ["ig-followers", "li-posts"]
    assert goals[1].statement == "Worth keeping"
    assert [c.kind for c in result.conflicts] == ["they-deleted-you-changed"]


def test_lists_of_text_merge_entry_by_entry() -> None:
    def mine(plan: Plan) -> None:
        plan.audit.swot.strengths = [*plan.audit.swot.strengths, "Mine"]

    def theirs(plan: Plan) -> None:
        plan.audit.swot.strengths = ["Theirs", *plan.audit.swot.strengths]

    result = merged(mine, theirs)
    before = PlanFile.from_text(BASE).plan.audit.swot.strengths
    assert result.plan_file.plan.audit.swot.strengths == ["Theirs", *before, "Mine"]


def test_items_without_ids_match_by_place() -> None:
    def mine(plan: Plan) -> None:
        plan.calendar[1].title = "Renamed by me"

    def theirs(plan: Plan) -> None:
        plan.calendar.insert(0, CalendarItem(title="Added by them"))

    result = merged(mine, theirs)
    titles = [c.title for c in result.plan_file.plan.calendar]
    base_titles = [c.title for c in PlanFile.from_text(BASE).plan.calendar]
    assert titles == ["Added by them", base_titles[0], "Renamed by me", *base_titles[2:]]
