"""Saving keeps the file as the person wrote it, except for the values that changed."""

from __future__ import annotations

import datetime as dt
import difflib
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
import tomlkit

from smplan.model import CalendarItem, Goal, Persona, Plan, TeamMember
from smplan.store import PlanFile
from tests.conftest import plan_files
from tests.plan_fixtures import copy_fixture, fixture_text


def reread(path: Path) -> Plan:
    """The plan in ``path`` as Python's own TOML reader sees it."""
    with path.open("rb") as handle:
        return Plan.model_validate(tomllib.load(handle, parse_float=Decimal))


def reread_tomlkit(path: Path) -> Plan:
    return Plan.model_validate(tomlkit.parse(path.read_text(encoding="utf-8")).unwrap())


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path, "commented.toml")


@pytest.mark.parametrize("source", plan_files(), ids=lambda p: p.name)
def test_save_without_changes_is_byte_identical(source: Path, tmp_path: Path) -> None:
    target = tmp_path / source.name
    target.write_bytes(source.read_bytes())
    plan_file = PlanFile.open(target)
    assert plan_file.changes() == []
    plan_file.save()
    assert target.read_bytes() == source.read_bytes()


@pytest.mark.parametrize("source", plan_files(), ids=lambda p: p.name)
def test_saved_plans_reread_equal_with_tomllib_and_tomlkit(source: Path, tmp_path: Path) -> None:
    target = tmp_path / source.name
    target.write_bytes(source.read_bytes())
    plan_file = PlanFile.open(target)
    plan = plan_file.plan
    plan.plan.title = "Changed title"
    plan.personas.append(Persona(id="new-persona", name='Quote " and \\ backslash'))
    if plan.goals:
        plan.goals[0].target = Decimal("123456.78")
    plan.calendar.insert(0, CalendarItem(date=dt.date(2027, 2, 1), title="First"))
    plan_file.save()
    expected = plan.model_dump()
    assert reread(target).model_dump() == expected
    assert reread_tomlkit(target).model_dump() == expected


@pytest.mark.parametrize(
    ("edit", "expected_line"),
    [
        (lambda p: setattr(p.goals[0], "target", Decimal(6500)), "target = 6500"),
        (lambda p: setattr(p.personas[0], "name", "Maria"), 'name = "Maria"'),
        (lambda p: setattr(p.calendar[1], "title", "Soup"), 'title = "Soup"'),
        (lambda p: setattr(p.plan, "currency", "USD"), 'currency = "USD"'),
        (lambda p: setattr(p.resources, "budget", Decimal("9999.99")), "budget = 9999.99"),
        (lambda p: setattr(p.goals[0], "deadline", dt.date(2027, 9, 30)), "deadline = 2027-09-30"),
    ],
)
def test_one_changed_value_changes_exactly_one_line(
    commented: Path, edit, expected_line: str
) -> None:  # type: ignore[no-untyped-def]
    before = commented.read_text(encoding="utf-8")
    plan_file = PlanFile.open(commented)
    edit(plan_file.plan)
    plan_file.save()
    after = commented.read_text(encoding="utf-8")
    diff = changed_lines(before, after)
    assert len(diff) == 2, diff
    assert diff[1].startswith("+" + expected_line)
    assert len(before.splitlines()) == len(after.splitlines())


def test_comment_beside_a_changed_value_survives(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    plan_file.plan.audit.profiles[0].followers = 4500
    plan_file.plan.audit.profiles[0].engagement_rate = Decimal("2.4")
    plan_file.save()
    text = commented.read_text(encoding="utf-8")
    assert "followers = 4500          # underscores are valid TOML" in text
    assert "engagement_rate = 2.4     # trailing zero kept" in text


def test_every_comment_survives_a_busy_save(commented: Path) -> None:
    before = commented.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    plan_file = PlanFile.open(commented)
    plan = plan_file.plan
    plan.resources.team.append(TeamMember(id="budi", name="Budi", hours_per_week=Decimal(8)))
    plan.goals.append(Goal(id="g3", statement="Reach 500 newsletter sign-ups by May 2027"))
    plan.audit.swot.opportunities = ["Local press"]
    plan.calendar.reverse()
    plan.personas[0].desires = ["make a difference"]
    plan_file.save()
    after = commented.read_text(encoding="utf-8")
    for comment in comments:
        assert comment in after
    assert 'favourite_colour = "green"   # not in the format: must be kept' in after
    assert reread(commented).model_dump() == plan.model_dump()


def test_new_items_are_one_table_each_with_a_blank_line(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    plan_file.plan.goals.append(Goal(id="g3", kpi="reach", target=Decimal(1000)))
    plan_file.save()
    text = commented.read_text(encoding="utf-8")
    assert '\n\n[[goals]]\nid = "g3"\nkpi = "reach"\ntarget = 1000\n' in text
    # The new goal goes after the last goal, before the strategy.
    assert text.index('id = "g3"') < text.index("[strategy]")
    assert text.index('id = "li-posts"') < text.index('id = "g3"')


def test_deleting_an_item_removes_its_table_and_its_own_comment(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    del plan_file.plan.goals[1]
    plan_file.save()
    text = commented.read_text(encoding="utf-8")
    assert "li-posts" not in text
    assert "# the second goal is still a draft" not in text
    assert "# Step 4: objectives and SMART goals, where we are going" in text
    assert reread(commented).goals[0].id == "ig-followers"


def test_deleting_the_first_item_keeps_the_step_banner(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    del plan_file.plan.objectives[0]
    plan_file.save()
    text = commented.read_text(encoding="utf-8")
    assert "# Step 4: objectives and SMART goals, where we are going" in text
    assert "[[objectives]]" not in text
    assert reread(commented).objectives == []


def test_moving_items_moves_their_text(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    goals = plan_file.plan.goals
    goals.insert(0, goals.pop(1))
    plan_file.save()
    text = commented.read_text(encoding="utf-8")
    assert text.index('id = "li-posts"') < text.index('id = "ig-followers"')
    # The banner stays at the top of the step; the draft note travels with its goal.
    assert text.index("# Step 4") < text.index("# the second goal is still a draft")
    assert text.index("# the second goal is still a draft") < text.index('id = "li-posts"')
    assert [g.id for g in reread(commented).goals] == ["li-posts", "ig-followers"]


def test_clearing_a_value_removes_its_line(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    plan_file.plan.audit.answers.mistakes = None
    plan_file.save()
    text = commented.read_text(encoding="utf-8")
    assert "No calendar" not in text
    assert "# nobody answered this one yet" in text


def test_second_save_after_structural_change_edits_the_right_item(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    plan = plan_file.plan
    plan.calendar.insert(0, CalendarItem(title="Zero"))
    plan_file.save()
    plan.calendar[2].title = "Renamed"  # was the second item before the insert
    plan_file.save()
    assert [i.title for i in reread(commented).calendar] == [
        "Zero",
        "Meet the volunteers",
        "Renamed",
    ]


def test_unknown_keys_are_kept_through_edits(commented: Path) -> None:
    plan_file = PlanFile.open(commented)
    assert plan_file.plan.personas[0].model_extra == {"favourite_colour": "green"}
    plan_file.plan.personas[0].name = "Maria G."
    plan_file.save()
    assert reread(commented).personas[0].model_extra == {"favourite_colour": "green"}


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    target = tmp_path / "crlf.toml"
    source = fixture_text("commented.toml")
    target.write_bytes(source.replace("\n", "\r\n").encode("utf-8"))
    plan_file = PlanFile.open(target)
    plan_file.plan.goals.append(Goal(id="g3"))
    plan_file.plan.plan.title = "CRLF plan"
    plan_file.save()
    data = target.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert reread(target).goals[-1].id == "g3"


def test_a_new_plan_gets_step_banners_once(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    plan_file = PlanFile.new(target, "New plan", "en")
    plan = plan_file.plan
    plan.personas.append(Persona(id="a"))
    plan.personas.append(Persona(id="b"))
    plan.goals.append(Goal(id="g"))
    plan.calendar.append(CalendarItem(title="x"))
    plan.resources.team.append(TeamMember(id="t"))
    plan_file.save()
    text = target.read_text(encoding="utf-8")
    for step in range(1, 8):
        assert text.count(f"# Step {step}:") == 1, step
    positions = [text.index(f"# Step {step}:") for step in range(1, 8)]
    assert positions == sorted(positions)
    assert text.index("# Step 2:") < text.index('id = "a"') < text.index("# Step 3:")
    assert text.index("# Step 6:") < text.index('title = "x"') < text.index("# Step 7:")
    assert reread(target).model_dump() == plan.model_dump()
